# Generated from ui/compose_window.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'compose_window.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ComposeWindow(object):
    def setupUi(self, ComposeWindow):
        if not ComposeWindow.objectName():
            ComposeWindow.setObjectName(u"ComposeWindow")
        self.composeLayout = QVBoxLayout(ComposeWindow)
        self.composeLayout.setObjectName(u"composeLayout")
        self.composeForm = QFormLayout()
        self.composeForm.setObjectName(u"composeForm")
        self.composeForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.mailboxLabel = QLabel(ComposeWindow)
        self.mailboxLabel.setObjectName(u"mailboxLabel")

        self.composeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.mailboxLabel)

        self.mailbox = QComboBox(ComposeWindow)
        self.mailbox.setObjectName(u"mailbox")

        self.composeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.mailbox)

        self.mailboxError = QLabel(ComposeWindow)
        self.mailboxError.setObjectName(u"mailboxError")
        self.mailboxError.setWordWrap(True)
        self.mailboxError.setVisible(False)
        self.mailboxError.setStyleSheet(u"color: #b3261e;")

        self.composeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.mailboxError)

        self.toLabel = QLabel(ComposeWindow)
        self.toLabel.setObjectName(u"toLabel")

        self.composeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.to = QLineEdit(ComposeWindow)
        self.to.setObjectName(u"to")

        self.composeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.to)

        self.toError = QLabel(ComposeWindow)
        self.toError.setObjectName(u"toError")
        self.toError.setWordWrap(True)
        self.toError.setVisible(False)
        self.toError.setStyleSheet(u"color: #b3261e;")

        self.composeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.toError)

        self.ccLabel = QLabel(ComposeWindow)
        self.ccLabel.setObjectName(u"ccLabel")

        self.composeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ccLabel)

        self.cc = QLineEdit(ComposeWindow)
        self.cc.setObjectName(u"cc")

        self.composeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.cc)

        self.ccError = QLabel(ComposeWindow)
        self.ccError.setObjectName(u"ccError")
        self.ccError.setWordWrap(True)
        self.ccError.setVisible(False)
        self.ccError.setStyleSheet(u"color: #b3261e;")

        self.composeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ccError)

        self.subjectLabel = QLabel(ComposeWindow)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.composeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(ComposeWindow)
        self.subject.setObjectName(u"subject")

        self.composeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.subject)

        self.subjectError = QLabel(ComposeWindow)
        self.subjectError.setObjectName(u"subjectError")
        self.subjectError.setWordWrap(True)
        self.subjectError.setVisible(False)
        self.subjectError.setStyleSheet(u"color: #b3261e;")

        self.composeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.subjectError)

        self.trackedLabel = QLabel(ComposeWindow)
        self.trackedLabel.setObjectName(u"trackedLabel")

        self.composeForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.trackedLabel)

        self.tracked = QCheckBox(ComposeWindow)
        self.tracked.setObjectName(u"tracked")

        self.composeForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.tracked)

        self.trackedNote = QLabel(ComposeWindow)
        self.trackedNote.setObjectName(u"trackedNote")
        self.trackedNote.setWordWrap(True)
        self.trackedNote.setStyleSheet(u"color: palette(mid);")

        self.composeForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.trackedNote)


        self.composeLayout.addLayout(self.composeForm)

        self.body = QPlainTextEdit(ComposeWindow)
        self.body.setObjectName(u"body")

        self.composeLayout.addWidget(self.body)

        self.bodyError = QLabel(ComposeWindow)
        self.bodyError.setObjectName(u"bodyError")
        self.bodyError.setWordWrap(True)
        self.bodyError.setVisible(False)
        self.bodyError.setStyleSheet(u"color: #b3261e;")

        self.composeLayout.addWidget(self.bodyError)

        self.statusRow = QHBoxLayout()
        self.statusRow.setObjectName(u"statusRow")
        self.statusLabel = QLabel(ComposeWindow)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.statusRow.addWidget(self.statusLabel)

        self.retryButton = QPushButton(ComposeWindow)
        self.retryButton.setObjectName(u"retryButton")

        self.statusRow.addWidget(self.retryButton)


        self.composeLayout.addLayout(self.statusRow)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.sendButton = QPushButton(ComposeWindow)
        self.sendButton.setObjectName(u"sendButton")

        self.buttons.addWidget(self.sendButton)

        self.closeButton = QPushButton(ComposeWindow)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.composeLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.mailboxLabel.setBuddy(self.mailbox)
        self.toLabel.setBuddy(self.to)
        self.ccLabel.setBuddy(self.cc)
        self.subjectLabel.setBuddy(self.subject)
        self.trackedLabel.setBuddy(self.tracked)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ComposeWindow)

        self.sendButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ComposeWindow):
        ComposeWindow.setWindowTitle(QCoreApplication.translate("ComposeWindow", u"New email", None))
        self.mailboxLabel.setText(QCoreApplication.translate("ComposeWindow", u"&From", None))
#if QT_CONFIG(accessibility)
        self.mailboxError.setAccessibleName(QCoreApplication.translate("ComposeWindow", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.toLabel.setText(QCoreApplication.translate("ComposeWindow", u"&To", None))
        self.to.setPlaceholderText(QCoreApplication.translate("ComposeWindow", u"name@contoso.com; other@fabrikam.com", None))
#if QT_CONFIG(accessibility)
        self.toError.setAccessibleName(QCoreApplication.translate("ComposeWindow", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.ccLabel.setText(QCoreApplication.translate("ComposeWindow", u"&Cc", None))
#if QT_CONFIG(accessibility)
        self.ccError.setAccessibleName(QCoreApplication.translate("ComposeWindow", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.subjectLabel.setText(QCoreApplication.translate("ComposeWindow", u"&Subject", None))
#if QT_CONFIG(accessibility)
        self.subjectError.setAccessibleName(QCoreApplication.translate("ComposeWindow", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.trackedLabel.setText(QCoreApplication.translate("ComposeWindow", u"Trac&king token", None))
        self.tracked.setText(QCoreApplication.translate("ComposeWindow", u"Track the &answers with a tracking token in the subject", None))
#if QT_CONFIG(accessibility)
        self.body.setAccessibleName(QCoreApplication.translate("ComposeWindow", u"Body", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.bodyError.setAccessibleName(QCoreApplication.translate("ComposeWindow", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("ComposeWindow", u"Sending status", None))
#endif // QT_CONFIG(accessibility)
        self.retryButton.setText(QCoreApplication.translate("ComposeWindow", u"&Retry", None))
        self.sendButton.setText(QCoreApplication.translate("ComposeWindow", u"Send &now", None))
        self.closeButton.setText(QCoreApplication.translate("ComposeWindow", u"Cance&l", None))
    # retranslateUi


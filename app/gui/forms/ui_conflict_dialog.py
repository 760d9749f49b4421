# Generated from ui/conflict_dialog.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        self.conflictLayout = QVBoxLayout(ConflictDialog)
        self.conflictLayout.setObjectName(u"conflictLayout")
        self.summary = QLabel(ConflictDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(u"font-weight: bold;")

        self.conflictLayout.addWidget(self.summary)

        self.explanation = QLabel(ConflictDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.conflictLayout.addWidget(self.explanation)

        self.details = QPlainTextEdit(ConflictDialog)
        self.details.setObjectName(u"details")
        self.details.setReadOnly(True)

        self.conflictLayout.addWidget(self.details)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.openMailboxButton = QPushButton(ConflictDialog)
        self.openMailboxButton.setObjectName(u"openMailboxButton")

        self.buttons.addWidget(self.openMailboxButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.closeButton = QPushButton(ConflictDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.conflictLayout.addLayout(self.buttons)


        self.retranslateUi(ConflictDialog)

        self.closeButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"Conflict", None))
#if QT_CONFIG(accessibility)
        self.details.setAccessibleName(QCoreApplication.translate("ConflictDialog", u"Both versions", None))
#endif // QT_CONFIG(accessibility)
        self.openMailboxButton.setText(QCoreApplication.translate("ConflictDialog", u"&Open mailbox", None))
        self.closeButton.setText(QCoreApplication.translate("ConflictDialog", u"&Close", None))
    # retranslateUi


# Generated from ui/move_to_profile_dialog.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'move_to_profile_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_MoveToProfileDialog(object):
    def setupUi(self, MoveToProfileDialog):
        if not MoveToProfileDialog.objectName():
            MoveToProfileDialog.setObjectName(u"MoveToProfileDialog")
        self.dialogLayout = QVBoxLayout(MoveToProfileDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.intro = QLabel(MoveToProfileDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.dialogLayout.addWidget(self.intro)

        self.mailboxList = QLabel(MoveToProfileDialog)
        self.mailboxList.setObjectName(u"mailboxList")
        self.mailboxList.setWordWrap(True)
        self.mailboxList.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.mailboxList)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.profileLabel = QLabel(MoveToProfileDialog)
        self.profileLabel.setObjectName(u"profileLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.profileLabel)

        self.profile = QComboBox(MoveToProfileDialog)
        self.profile.setObjectName(u"profile")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.profile)

        self.profileError = QLabel(MoveToProfileDialog)
        self.profileError.setObjectName(u"profileError")
        self.profileError.setWordWrap(True)
        self.profileError.setVisible(False)
        self.profileError.setStyleSheet(u"color: #b3261e;")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.profileError)


        self.dialogLayout.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(MoveToProfileDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.profileLabel.setBuddy(self.profile)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MoveToProfileDialog)
    # setupUi

    def retranslateUi(self, MoveToProfileDialog):
        MoveToProfileDialog.setWindowTitle(QCoreApplication.translate("MoveToProfileDialog", u"Move to another email server profile", None))
        self.profileLabel.setText(QCoreApplication.translate("MoveToProfileDialog", u"Email server &profile:", None))
#if QT_CONFIG(accessibility)
        self.profile.setAccessibleName(QCoreApplication.translate("MoveToProfileDialog", u"Email server profile", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.profileError.setAccessibleName(QCoreApplication.translate("MoveToProfileDialog", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi


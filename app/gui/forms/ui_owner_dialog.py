# Generated from ui/owner_dialog.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'owner_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_OwnerDialog(object):
    def setupUi(self, OwnerDialog):
        if not OwnerDialog.objectName():
            OwnerDialog.setObjectName(u"OwnerDialog")
        self.dialogLayout = QVBoxLayout(OwnerDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.ownerForm = QFormLayout()
        self.ownerForm.setObjectName(u"ownerForm")
        self.ownerForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(OwnerDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.ownerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(OwnerDialog)
        self.name.setObjectName(u"name")

        self.ownerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.nameError = QLabel(OwnerDialog)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)
        self.nameError.setStyleSheet(u"color: #b3261e;")

        self.ownerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.emailLabel = QLabel(OwnerDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.ownerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(OwnerDialog)
        self.email.setObjectName(u"email")
        self.email.setPlaceholderText(u"name@contoso.com")

        self.ownerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.email)

        self.emailError = QLabel(OwnerDialog)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setWordWrap(True)
        self.emailError.setVisible(False)
        self.emailError.setStyleSheet(u"color: #b3261e;")

        self.ownerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailError)

        self.deleteAfterProcessing = QCheckBox(OwnerDialog)
        self.deleteAfterProcessing.setObjectName(u"deleteAfterProcessing")

        self.ownerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.deleteAfterProcessing)

        self.deleteAfterProcessingError = QLabel(OwnerDialog)
        self.deleteAfterProcessingError.setObjectName(u"deleteAfterProcessingError")
        self.deleteAfterProcessingError.setWordWrap(True)
        self.deleteAfterProcessingError.setVisible(False)
        self.deleteAfterProcessingError.setStyleSheet(u"color: #b3261e;")

        self.ownerForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.deleteAfterProcessingError)


        self.dialogLayout.addLayout(self.ownerForm)

        self.mailboxNote = QLabel(OwnerDialog)
        self.mailboxNote.setObjectName(u"mailboxNote")
        self.mailboxNote.setWordWrap(True)

        self.dialogLayout.addWidget(self.mailboxNote)

        self.dialogSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.dialogSpacer)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.saveButton = QPushButton(OwnerDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttons.addWidget(self.saveButton)

        self.cancelButton = QPushButton(OwnerDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttons.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.emailLabel.setBuddy(self.email)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OwnerDialog)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, OwnerDialog):
        OwnerDialog.setWindowTitle(QCoreApplication.translate("OwnerDialog", u"User", None))
        self.nameLabel.setText(QCoreApplication.translate("OwnerDialog", u"&Name", None))
        self.emailLabel.setText(QCoreApplication.translate("OwnerDialog", u"Primary &email", None))
        self.deleteAfterProcessing.setText(QCoreApplication.translate("OwnerDialog", u"&Delete emails after processing", None))
        self.saveButton.setText(QCoreApplication.translate("OwnerDialog", u"&Save", None))
        self.cancelButton.setText(QCoreApplication.translate("OwnerDialog", u"&Cancel", None))
    # retranslateUi


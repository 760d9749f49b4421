# Generated from ui/contact_editor.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'contact_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_ContactEditor(object):
    def setupUi(self, ContactEditor):
        if not ContactEditor.objectName():
            ContactEditor.setObjectName(u"ContactEditor")
        self.editorLayout = QVBoxLayout(ContactEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.ownerLabel = QLabel(ContactEditor)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.owner = QComboBox(ContactEditor)
        self.owner.setObjectName(u"owner")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.owner)

        self.ownerError = QLabel(ContactEditor)
        self.ownerError.setObjectName(u"ownerError")
        self.ownerError.setWordWrap(True)
        self.ownerError.setVisible(False)
        self.ownerError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ownerError)

        self.firstNameLabel = QLabel(ContactEditor)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstName = QLineEdit(ContactEditor)
        self.firstName.setObjectName(u"firstName")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.firstName)

        self.firstNameError = QLabel(ContactEditor)
        self.firstNameError.setObjectName(u"firstNameError")
        self.firstNameError.setWordWrap(True)
        self.firstNameError.setVisible(False)
        self.firstNameError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.firstNameError)

        self.lastNameLabel = QLabel(ContactEditor)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastName = QLineEdit(ContactEditor)
        self.lastName.setObjectName(u"lastName")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lastName)

        self.lastNameError = QLabel(ContactEditor)
        self.lastNameError.setObjectName(u"lastNameError")
        self.lastNameError.setWordWrap(True)
        self.lastNameError.setVisible(False)
        self.lastNameError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lastNameError)

        self.emailLabel = QLabel(ContactEditor)
        self.emailLabel.setObjectName(u"emailLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(ContactEditor)
        self.email.setObjectName(u"email")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.email)

        self.emailError = QLabel(ContactEditor)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setWordWrap(True)
        self.emailError.setVisible(False)
        self.emailError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.emailError)

        self.companyLabel = QLabel(ContactEditor)
        self.companyLabel.setObjectName(u"companyLabel")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.companyLabel)

        self.company = QLineEdit(ContactEditor)
        self.company.setObjectName(u"company")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.company)

        self.companyError = QLabel(ContactEditor)
        self.companyError.setObjectName(u"companyError")
        self.companyError.setWordWrap(True)
        self.companyError.setVisible(False)
        self.companyError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.companyError)

        self.jobTitleLabel = QLabel(ContactEditor)
        self.jobTitleLabel.setObjectName(u"jobTitleLabel")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.jobTitleLabel)

        self.jobTitle = QLineEdit(ContactEditor)
        self.jobTitle.setObjectName(u"jobTitle")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.jobTitle)

        self.jobTitleError = QLabel(ContactEditor)
        self.jobTitleError.setObjectName(u"jobTitleError")
        self.jobTitleError.setWordWrap(True)
        self.jobTitleError.setVisible(False)
        self.jobTitleError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.jobTitleError)

        self.businessPhoneLabel = QLabel(ContactEditor)
        self.businessPhoneLabel.setObjectName(u"businessPhoneLabel")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.businessPhoneLabel)

        self.businessPhone = QLineEdit(ContactEditor)
        self.businessPhone.setObjectName(u"businessPhone")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.businessPhone)

        self.businessPhoneError = QLabel(ContactEditor)
        self.businessPhoneError.setObjectName(u"businessPhoneError")
        self.businessPhoneError.setWordWrap(True)
        self.businessPhoneError.setVisible(False)
        self.businessPhoneError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.businessPhoneError)

        self.mobilePhoneLabel = QLabel(ContactEditor)
        self.mobilePhoneLabel.setObjectName(u"mobilePhoneLabel")

        self.fieldsForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.mobilePhoneLabel)

        self.mobilePhone = QLineEdit(ContactEditor)
        self.mobilePhone.setObjectName(u"mobilePhone")

        self.fieldsForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.mobilePhone)

        self.mobilePhoneError = QLabel(ContactEditor)
        self.mobilePhoneError.setObjectName(u"mobilePhoneError")
        self.mobilePhoneError.setWordWrap(True)
        self.mobilePhoneError.setVisible(False)
        self.mobilePhoneError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.mobilePhoneError)


        self.editorLayout.addLayout(self.fieldsForm)

        self.syncBox = QGroupBox(ContactEditor)
        self.syncBox.setObjectName(u"syncBox")
        self.syncLayout = QVBoxLayout(self.syncBox)
        self.syncLayout.setObjectName(u"syncLayout")
        self.syncRow = QHBoxLayout()
        self.syncRow.setObjectName(u"syncRow")
        self.syncState = QLabel(self.syncBox)
        self.syncState.setObjectName(u"syncState")
        self.syncState.setStyleSheet(u"font-weight: bold;")

        self.syncRow.addWidget(self.syncState)

        self.syncSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.syncRow.addItem(self.syncSpacer)

        self.conflictButton = QPushButton(self.syncBox)
        self.conflictButton.setObjectName(u"conflictButton")

        self.syncRow.addWidget(self.conflictButton)


        self.syncLayout.addLayout(self.syncRow)

        self.syncNote = QLabel(self.syncBox)
        self.syncNote.setObjectName(u"syncNote")
        self.syncNote.setWordWrap(True)

        self.syncLayout.addWidget(self.syncNote)


        self.editorLayout.addWidget(self.syncBox)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.deleteButton = QPushButton(ContactEditor)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttons.addWidget(self.deleteButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.saveButton = QPushButton(ContactEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.buttons.addWidget(self.saveButton)

        self.saveSyncButton = QPushButton(ContactEditor)
        self.saveSyncButton.setObjectName(u"saveSyncButton")

        self.buttons.addWidget(self.saveSyncButton)

        self.closeButton = QPushButton(ContactEditor)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.editorLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.ownerLabel.setBuddy(self.owner)
        self.firstNameLabel.setBuddy(self.firstName)
        self.lastNameLabel.setBuddy(self.lastName)
        self.emailLabel.setBuddy(self.email)
        self.companyLabel.setBuddy(self.company)
        self.jobTitleLabel.setBuddy(self.jobTitle)
        self.businessPhoneLabel.setBuddy(self.businessPhone)
        self.mobilePhoneLabel.setBuddy(self.mobilePhone)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactEditor)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ContactEditor):
        ContactEditor.setWindowTitle(QCoreApplication.translate("ContactEditor", u"Contact", None))
        self.ownerLabel.setText(QCoreApplication.translate("ContactEditor", u"&Owner", None))
#if QT_CONFIG(accessibility)
        self.ownerError.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.firstNameLabel.setText(QCoreApplication.translate("ContactEditor", u"&First name", None))
#if QT_CONFIG(accessibility)
        self.firstNameError.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.lastNameLabel.setText(QCoreApplication.translate("ContactEditor", u"&Last name", None))
#if QT_CONFIG(accessibility)
        self.lastNameError.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.emailLabel.setText(QCoreApplication.translate("ContactEditor", u"E&mail", None))
#if QT_CONFIG(accessibility)
        self.emailError.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.companyLabel.setText(QCoreApplication.translate("ContactEditor", u"Com&pany", None))
#if QT_CONFIG(accessibility)
        self.companyError.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.jobTitleLabel.setText(QCoreApplication.translate("ContactEditor", u"&Job title", None))
#if QT_CONFIG(accessibility)
        self.jobTitleError.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.businessPhoneLabel.setText(QCoreApplication.translate("ContactEditor", u"&Business phone", None))
#if QT_CONFIG(accessibility)
        self.businessPhoneError.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.mobilePhoneLabel.setText(QCoreApplication.translate("ContactEditor", u"Mob&ile phone", None))
#if QT_CONFIG(accessibility)
        self.mobilePhoneError.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.syncBox.setTitle(QCoreApplication.translate("ContactEditor", u"Exchange", None))
#if QT_CONFIG(accessibility)
        self.syncState.setAccessibleName(QCoreApplication.translate("ContactEditor", u"Synchronization state", None))
#endif // QT_CONFIG(accessibility)
        self.conflictButton.setText(QCoreApplication.translate("ContactEditor", u"S&how conflict\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("ContactEditor", u"&Delete", None))
        self.saveButton.setText(QCoreApplication.translate("ContactEditor", u"Sa&ve", None))
        self.saveSyncButton.setText(QCoreApplication.translate("ContactEditor", u"Save and sync &now", None))
        self.closeButton.setText(QCoreApplication.translate("ContactEditor", u"&Close", None))
    # retranslateUi


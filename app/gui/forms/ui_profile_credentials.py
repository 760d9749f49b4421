# Generated from ui/profile_credentials.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profile_credentials.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_ProfileCredentials(object):
    def setupUi(self, ProfileCredentials):
        if not ProfileCredentials.objectName():
            ProfileCredentials.setObjectName(u"ProfileCredentials")
        self.credentialsLayout = QVBoxLayout(ProfileCredentials)
        self.credentialsLayout.setObjectName(u"credentialsLayout")
        self.credentialsForm = QFormLayout()
        self.credentialsForm.setObjectName(u"credentialsForm")
        self.credentialsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.credentialSourceLabel = QLabel(ProfileCredentials)
        self.credentialSourceLabel.setObjectName(u"credentialSourceLabel")

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.credentialSourceLabel)

        self.credentialSource = QComboBox(ProfileCredentials)
        self.credentialSource.setObjectName(u"credentialSource")

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.credentialSource)

        self.credentialSourceError = QLabel(ProfileCredentials)
        self.credentialSourceError.setObjectName(u"credentialSourceError")
        self.credentialSourceError.setWordWrap(True)
        self.credentialSourceError.setVisible(False)
        self.credentialSourceError.setStyleSheet(u"color: #b3261e;")

        self.credentialsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.credentialSourceError)

        self.usernameLabel = QLabel(ProfileCredentials)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.credentialsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(ProfileCredentials)
        self.username.setObjectName(u"username")

        self.credentialsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.username)

        self.usernameError = QLabel(ProfileCredentials)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)
        self.usernameError.setVisible(False)
        self.usernameError.setStyleSheet(u"color: #b3261e;")

        self.credentialsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.passwordLabel = QLabel(ProfileCredentials)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentialsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(ProfileCredentials)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentialsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password)

        self.passwordError = QLabel(ProfileCredentials)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)
        self.passwordError.setVisible(False)
        self.passwordError.setStyleSheet(u"color: #b3261e;")

        self.credentialsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordError)

        self.useImpersonation = QCheckBox(ProfileCredentials)
        self.useImpersonation.setObjectName(u"useImpersonation")

        self.credentialsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.useImpersonation)

        self.useImpersonationError = QLabel(ProfileCredentials)
        self.useImpersonationError.setObjectName(u"useImpersonationError")
        self.useImpersonationError.setWordWrap(True)
        self.useImpersonationError.setVisible(False)
        self.useImpersonationError.setStyleSheet(u"color: #b3261e;")

        self.credentialsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.useImpersonationError)

        self.outgoingSameAsIncoming = QCheckBox(ProfileCredentials)
        self.outgoingSameAsIncoming.setObjectName(u"outgoingSameAsIncoming")

        self.credentialsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.outgoingSameAsIncoming)


        self.credentialsLayout.addLayout(self.credentialsForm)

        self.outgoingGroup = QGroupBox(ProfileCredentials)
        self.outgoingGroup.setObjectName(u"outgoingGroup")
        self.outgoingForm = QFormLayout(self.outgoingGroup)
        self.outgoingForm.setObjectName(u"outgoingForm")
        self.outgoingForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.outgoingUrlLabel = QLabel(self.outgoingGroup)
        self.outgoingUrlLabel.setObjectName(u"outgoingUrlLabel")

        self.outgoingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.outgoingUrlLabel)

        self.outgoingUrl = QLineEdit(self.outgoingGroup)
        self.outgoingUrl.setObjectName(u"outgoingUrl")
        self.outgoingUrl.setPlaceholderText(u"https://mail.contoso.com/EWS/Exchange.asmx")

        self.outgoingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.outgoingUrl)

        self.outgoingUrlError = QLabel(self.outgoingGroup)
        self.outgoingUrlError.setObjectName(u"outgoingUrlError")
        self.outgoingUrlError.setWordWrap(True)
        self.outgoingUrlError.setVisible(False)
        self.outgoingUrlError.setStyleSheet(u"color: #b3261e;")

        self.outgoingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outgoingUrlError)

        self.outgoingCredentialSourceLabel = QLabel(self.outgoingGroup)
        self.outgoingCredentialSourceLabel.setObjectName(u"outgoingCredentialSourceLabel")

        self.outgoingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.outgoingCredentialSourceLabel)

        self.outgoingCredentialSource = QComboBox(self.outgoingGroup)
        self.outgoingCredentialSource.setObjectName(u"outgoingCredentialSource")

        self.outgoingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.outgoingCredentialSource)

        self.outgoingCredentialSourceError = QLabel(self.outgoingGroup)
        self.outgoingCredentialSourceError.setObjectName(u"outgoingCredentialSourceError")
        self.outgoingCredentialSourceError.setWordWrap(True)
        self.outgoingCredentialSourceError.setVisible(False)
        self.outgoingCredentialSourceError.setStyleSheet(u"color: #b3261e;")

        self.outgoingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.outgoingCredentialSourceError)

        self.outgoingUsernameLabel = QLabel(self.outgoingGroup)
        self.outgoingUsernameLabel.setObjectName(u"outgoingUsernameLabel")

        self.outgoingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.outgoingUsernameLabel)

        self.outgoingUsername = QLineEdit(self.outgoingGroup)
        self.outgoingUsername.setObjectName(u"outgoingUsername")

        self.outgoingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.outgoingUsername)

        self.outgoingUsernameError = QLabel(self.outgoingGroup)
        self.outgoingUsernameError.setObjectName(u"outgoingUsernameError")
        self.outgoingUsernameError.setWordWrap(True)
        self.outgoingUsernameError.setVisible(False)
        self.outgoingUsernameError.setStyleSheet(u"color: #b3261e;")

        self.outgoingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.outgoingUsernameError)

        self.outgoingPasswordLabel = QLabel(self.outgoingGroup)
        self.outgoingPasswordLabel.setObjectName(u"outgoingPasswordLabel")

        self.outgoingForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.outgoingPasswordLabel)

        self.outgoingPassword = QLineEdit(self.outgoingGroup)
        self.outgoingPassword.setObjectName(u"outgoingPassword")
        self.outgoingPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.outgoingForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.outgoingPassword)

        self.outgoingPasswordError = QLabel(self.outgoingGroup)
        self.outgoingPasswordError.setObjectName(u"outgoingPasswordError")
        self.outgoingPasswordError.setWordWrap(True)
        self.outgoingPasswordError.setVisible(False)
        self.outgoingPasswordError.setStyleSheet(u"color: #b3261e;")

        self.outgoingForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.outgoingPasswordError)

        self.outgoingAuthProtocolLabel = QLabel(self.outgoingGroup)
        self.outgoingAuthProtocolLabel.setObjectName(u"outgoingAuthProtocolLabel")

        self.outgoingForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.outgoingAuthProtocolLabel)

        self.outgoingAuthProtocol = QComboBox(self.outgoingGroup)
        self.outgoingAuthProtocol.setObjectName(u"outgoingAuthProtocol")

        self.outgoingForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.outgoingAuthProtocol)

        self.outgoingPortLabel = QLabel(self.outgoingGroup)
        self.outgoingPortLabel.setObjectName(u"outgoingPortLabel")

        self.outgoingForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.outgoingPortLabel)

        self.outgoingPort = QSpinBox(self.outgoingGroup)
        self.outgoingPort.setObjectName(u"outgoingPort")
        self.outgoingPort.setMinimum(1)
        self.outgoingPort.setMaximum(65535)

        self.outgoingForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.outgoingPort)

        self.outgoingPortError = QLabel(self.outgoingGroup)
        self.outgoingPortError.setObjectName(u"outgoingPortError")
        self.outgoingPortError.setWordWrap(True)
        self.outgoingPortError.setVisible(False)
        self.outgoingPortError.setStyleSheet(u"color: #b3261e;")

        self.outgoingForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.outgoingPortError)


        self.credentialsLayout.addWidget(self.outgoingGroup)

        self.credentialsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.credentialsLayout.addItem(self.credentialsSpacer)

#if QT_CONFIG(shortcut)
        self.credentialSourceLabel.setBuddy(self.credentialSource)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
        self.outgoingUrlLabel.setBuddy(self.outgoingUrl)
        self.outgoingCredentialSourceLabel.setBuddy(self.outgoingCredentialSource)
        self.outgoingUsernameLabel.setBuddy(self.outgoingUsername)
        self.outgoingPasswordLabel.setBuddy(self.outgoingPassword)
        self.outgoingAuthProtocolLabel.setBuddy(self.outgoingAuthProtocol)
        self.outgoingPortLabel.setBuddy(self.outgoingPort)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProfileCredentials)
    # setupUi

    def retranslateUi(self, ProfileCredentials):
        self.credentialSourceLabel.setText(QCoreApplication.translate("ProfileCredentials", u"Authenticate &incoming connections using", None))
        self.usernameLabel.setText(QCoreApplication.translate("ProfileCredentials", u"&User name", None))
        self.passwordLabel.setText(QCoreApplication.translate("ProfileCredentials", u"Pass&word", None))
        self.useImpersonation.setText(QCoreApplication.translate("ProfileCredentials", u"Use i&mpersonation", None))
        self.outgoingSameAsIncoming.setText(QCoreApplication.translate("ProfileCredentials", u"Use same settin&gs for outgoing connection as incoming", None))
        self.outgoingGroup.setTitle(QCoreApplication.translate("ProfileCredentials", u"Outgoing connection", None))
        self.outgoingUrlLabel.setText(QCoreApplication.translate("ProfileCredentials", u"&Outgoing server location", None))
        self.outgoingCredentialSourceLabel.setText(QCoreApplication.translate("ProfileCredentials", u"Aut&henticate outgoing connections using", None))
        self.outgoingUsernameLabel.setText(QCoreApplication.translate("ProfileCredentials", u"Us&er name", None))
        self.outgoingPasswordLabel.setText(QCoreApplication.translate("ProfileCredentials", u"P&assword", None))
        self.outgoingAuthProtocolLabel.setText(QCoreApplication.translate("ProfileCredentials", u"Authentication &protocol", None))
        self.outgoingPortLabel.setText(QCoreApplication.translate("ProfileCredentials", u"Outgoing po&rt", None))
        pass
    # retranslateUi


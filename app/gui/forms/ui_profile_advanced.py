# Generated from ui/profile_advanced.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profile_advanced.ui'
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
    QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpinBox, QWidget)

class Ui_ProfileAdvanced(object):
    def setupUi(self, ProfileAdvanced):
        if not ProfileAdvanced.objectName():
            ProfileAdvanced.setObjectName(u"ProfileAdvanced")
        self.advancedForm = QFormLayout(ProfileAdvanced)
        self.advancedForm.setObjectName(u"advancedForm")
        self.advancedForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.incomingPortLabel = QLabel(ProfileAdvanced)
        self.incomingPortLabel.setObjectName(u"incomingPortLabel")

        self.advancedForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.incomingPortLabel)

        self.incomingPort = QSpinBox(ProfileAdvanced)
        self.incomingPort.setObjectName(u"incomingPort")
        self.incomingPort.setMinimum(1)
        self.incomingPort.setMaximum(65535)

        self.advancedForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.incomingPort)

        self.incomingPortError = QLabel(ProfileAdvanced)
        self.incomingPortError.setObjectName(u"incomingPortError")
        self.incomingPortError.setWordWrap(True)
        self.incomingPortError.setVisible(False)
        self.incomingPortError.setStyleSheet(u"color: #b3261e;")

        self.advancedForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.incomingPortError)

        self.useSsl = QCheckBox(ProfileAdvanced)
        self.useSsl.setObjectName(u"useSsl")

        self.advancedForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.useSsl)

        self.useSslError = QLabel(ProfileAdvanced)
        self.useSslError.setObjectName(u"useSslError")
        self.useSslError.setWordWrap(True)
        self.useSslError.setVisible(False)
        self.useSslError.setStyleSheet(u"color: #b3261e;")

        self.advancedForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.useSslError)

        self.authProtocolLabel = QLabel(ProfileAdvanced)
        self.authProtocolLabel.setObjectName(u"authProtocolLabel")

        self.advancedForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.authProtocolLabel)

        self.authProtocol = QComboBox(ProfileAdvanced)
        self.authProtocol.setObjectName(u"authProtocol")

        self.advancedForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.authProtocol)

        self.trustedCaPathLabel = QLabel(ProfileAdvanced)
        self.trustedCaPathLabel.setObjectName(u"trustedCaPathLabel")

        self.advancedForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.trustedCaPathLabel)

        self.trustedCaRow = QHBoxLayout()
        self.trustedCaRow.setObjectName(u"trustedCaRow")
        self.trustedCaPath = QLineEdit(ProfileAdvanced)
        self.trustedCaPath.setObjectName(u"trustedCaPath")

        self.trustedCaRow.addWidget(self.trustedCaPath)

        self.browseCa = QPushButton(ProfileAdvanced)
        self.browseCa.setObjectName(u"browseCa")

        self.trustedCaRow.addWidget(self.browseCa)


        self.advancedForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.trustedCaRow)

        self.trustedCaPathError = QLabel(ProfileAdvanced)
        self.trustedCaPathError.setObjectName(u"trustedCaPathError")
        self.trustedCaPathError.setWordWrap(True)
        self.trustedCaPathError.setVisible(False)
        self.trustedCaPathError.setStyleSheet(u"color: #b3261e;")

        self.advancedForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.trustedCaPathError)

#if QT_CONFIG(shortcut)
        self.incomingPortLabel.setBuddy(self.incomingPort)
        self.authProtocolLabel.setBuddy(self.authProtocol)
        self.trustedCaPathLabel.setBuddy(self.trustedCaPath)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProfileAdvanced)
    # setupUi

    def retranslateUi(self, ProfileAdvanced):
        self.incomingPortLabel.setText(QCoreApplication.translate("ProfileAdvanced", u"&Incoming port", None))
        self.useSsl.setText(QCoreApplication.translate("ProfileAdvanced", u"&Use SSL", None))
        self.authProtocolLabel.setText(QCoreApplication.translate("ProfileAdvanced", u"Authentication &protocol", None))
        self.trustedCaPathLabel.setText(QCoreApplication.translate("ProfileAdvanced", u"T&rusted CA certificate", None))
        self.trustedCaPath.setPlaceholderText(QCoreApplication.translate("ProfileAdvanced", u"Optional: PEM file of your internal certificate authority", None))
        self.browseCa.setText(QCoreApplication.translate("ProfileAdvanced", u"Bro&wse\u2026", None))
        pass
    # retranslateUi


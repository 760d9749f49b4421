# Generated from ui/profile_location.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profile_location.ui'
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
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QWidget)

class Ui_ProfileLocation(object):
    def setupUi(self, ProfileLocation):
        if not ProfileLocation.objectName():
            ProfileLocation.setObjectName(u"ProfileLocation")
        self.locationForm = QFormLayout(ProfileLocation)
        self.locationForm.setObjectName(u"locationForm")
        self.locationForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(ProfileLocation)
        self.nameLabel.setObjectName(u"nameLabel")

        self.locationForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(ProfileLocation)
        self.name.setObjectName(u"name")

        self.locationForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.nameError = QLabel(ProfileLocation)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)
        self.nameError.setStyleSheet(u"color: #b3261e;")

        self.locationForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.descriptionLabel = QLabel(ProfileLocation)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.locationForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.description = QPlainTextEdit(ProfileLocation)
        self.description.setObjectName(u"description")
        self.description.setTabChangesFocus(True)

        self.locationForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.description)

        self.descriptionError = QLabel(ProfileLocation)
        self.descriptionError.setObjectName(u"descriptionError")
        self.descriptionError.setWordWrap(True)
        self.descriptionError.setVisible(False)
        self.descriptionError.setStyleSheet(u"color: #b3261e;")

        self.locationForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.descriptionError)

        self.serverTypeLabel = QLabel(ProfileLocation)
        self.serverTypeLabel.setObjectName(u"serverTypeLabel")

        self.locationForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.serverTypeLabel)

        self.serverType = QComboBox(ProfileLocation)
        self.serverType.setObjectName(u"serverType")

        self.locationForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.serverType)

        self.autoDiscover = QCheckBox(ProfileLocation)
        self.autoDiscover.setObjectName(u"autoDiscover")

        self.locationForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.autoDiscover)

        self.incomingUrlLabel = QLabel(ProfileLocation)
        self.incomingUrlLabel.setObjectName(u"incomingUrlLabel")

        self.locationForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.incomingUrlLabel)

        self.incomingUrl = QLineEdit(ProfileLocation)
        self.incomingUrl.setObjectName(u"incomingUrl")
        self.incomingUrl.setPlaceholderText(u"https://mail.contoso.com/EWS/Exchange.asmx")

        self.locationForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.incomingUrl)

        self.incomingUrlError = QLabel(ProfileLocation)
        self.incomingUrlError.setObjectName(u"incomingUrlError")
        self.incomingUrlError.setWordWrap(True)
        self.incomingUrlError.setVisible(False)
        self.incomingUrlError.setStyleSheet(u"color: #b3261e;")

        self.locationForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.incomingUrlError)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.descriptionLabel.setBuddy(self.description)
        self.serverTypeLabel.setBuddy(self.serverType)
        self.incomingUrlLabel.setBuddy(self.incomingUrl)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProfileLocation)
    # setupUi

    def retranslateUi(self, ProfileLocation):
        self.nameLabel.setText(QCoreApplication.translate("ProfileLocation", u"Na&me", None))
        self.descriptionLabel.setText(QCoreApplication.translate("ProfileLocation", u"&Description", None))
        self.serverTypeLabel.setText(QCoreApplication.translate("ProfileLocation", u"Server t&ype", None))
        self.autoDiscover.setText(QCoreApplication.translate("ProfileLocation", u"&Auto discover server location", None))
        self.incomingUrlLabel.setText(QCoreApplication.translate("ProfileLocation", u"&Incoming server location (Exchange Web Services address)", None))
        pass
    # retranslateUi


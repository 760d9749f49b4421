# Generated from ui/profile_additional.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profile_additional.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QDateTimeEdit, QFormLayout,
    QLabel, QSizePolicy, QSpinBox, QWidget)

class Ui_ProfileAdditional(object):
    def setupUi(self, ProfileAdditional):
        if not ProfileAdditional.objectName():
            ProfileAdditional.setObjectName(u"ProfileAdditional")
        self.additionalForm = QFormLayout(ProfileAdditional)
        self.additionalForm.setObjectName(u"additionalForm")
        self.additionalForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.moveFailedToUndeliverable = QCheckBox(ProfileAdditional)
        self.moveFailedToUndeliverable.setObjectName(u"moveFailedToUndeliverable")

        self.additionalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.moveFailedToUndeliverable)

        self.processEmailFromLabel = QLabel(ProfileAdditional)
        self.processEmailFromLabel.setObjectName(u"processEmailFromLabel")

        self.additionalForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.processEmailFromLabel)

        self.processEmailFrom = QDateTimeEdit(ProfileAdditional)
        self.processEmailFrom.setObjectName(u"processEmailFrom")
        self.processEmailFrom.setCalendarPopup(True)

        self.additionalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.processEmailFrom)

        self.processEmailFromError = QLabel(ProfileAdditional)
        self.processEmailFromError.setObjectName(u"processEmailFromError")
        self.processEmailFromError.setWordWrap(True)
        self.processEmailFromError.setVisible(False)
        self.processEmailFromError.setStyleSheet(u"color: #b3261e;")

        self.additionalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.processEmailFromError)

        self.maxConnectionsLabel = QLabel(ProfileAdditional)
        self.maxConnectionsLabel.setObjectName(u"maxConnectionsLabel")

        self.additionalForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.maxConnectionsLabel)

        self.maxConnections = QSpinBox(ProfileAdditional)
        self.maxConnections.setObjectName(u"maxConnections")
        self.maxConnections.setMinimum(1)
        self.maxConnections.setMaximum(300)

        self.additionalForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.maxConnections)

        self.maxConnectionsError = QLabel(ProfileAdditional)
        self.maxConnectionsError.setObjectName(u"maxConnectionsError")
        self.maxConnectionsError.setWordWrap(True)
        self.maxConnectionsError.setVisible(False)
        self.maxConnectionsError.setStyleSheet(u"color: #b3261e;")

        self.additionalForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.maxConnectionsError)

        self.minPollingMinutesLabel = QLabel(ProfileAdditional)
        self.minPollingMinutesLabel.setObjectName(u"minPollingMinutesLabel")

        self.additionalForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.minPollingMinutesLabel)

        self.minPollingMinutes = QSpinBox(ProfileAdditional)
        self.minPollingMinutes.setObjectName(u"minPollingMinutes")
        self.minPollingMinutes.setMinimum(0)
        self.minPollingMinutes.setMaximum(1440)

        self.additionalForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.minPollingMinutes)

        self.minPollingMinutesError = QLabel(ProfileAdditional)
        self.minPollingMinutesError.setObjectName(u"minPollingMinutesError")
        self.minPollingMinutesError.setWordWrap(True)
        self.minPollingMinutesError.setVisible(False)
        self.minPollingMinutesError.setStyleSheet(u"color: #b3261e;")

        self.additionalForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.minPollingMinutesError)

        self.timeoutSecondsLabel = QLabel(ProfileAdditional)
        self.timeoutSecondsLabel.setObjectName(u"timeoutSecondsLabel")

        self.additionalForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.timeoutSecondsLabel)

        self.timeoutSeconds = QSpinBox(ProfileAdditional)
        self.timeoutSeconds.setObjectName(u"timeoutSeconds")
        self.timeoutSeconds.setMinimum(1)
        self.timeoutSeconds.setMaximum(300)

        self.additionalForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.timeoutSeconds)

        self.timeoutSecondsError = QLabel(ProfileAdditional)
        self.timeoutSecondsError.setObjectName(u"timeoutSecondsError")
        self.timeoutSecondsError.setWordWrap(True)
        self.timeoutSecondsError.setVisible(False)
        self.timeoutSecondsError.setStyleSheet(u"color: #b3261e;")

        self.additionalForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.timeoutSecondsError)

        self.alertWhenMostFail = QCheckBox(ProfileAdditional)
        self.alertWhenMostFail.setObjectName(u"alertWhenMostFail")

        self.additionalForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.alertWhenMostFail)

#if QT_CONFIG(shortcut)
        self.processEmailFromLabel.setBuddy(self.processEmailFrom)
        self.maxConnectionsLabel.setBuddy(self.maxConnections)
        self.minPollingMinutesLabel.setBuddy(self.minPollingMinutes)
        self.timeoutSecondsLabel.setBuddy(self.timeoutSeconds)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProfileAdditional)
    # setupUi

    def retranslateUi(self, ProfileAdditional):
        self.moveFailedToUndeliverable.setText(QCoreApplication.translate("ProfileAdditional", u"&Move failed emails to Undeliverable folder", None))
        self.processEmailFromLabel.setText(QCoreApplication.translate("ProfileAdditional", u"&Process email from", None))
        self.maxConnectionsLabel.setText(QCoreApplication.translate("ProfileAdditional", u"M&aximum concurrent connections", None))
        self.minPollingMinutesLabel.setText(QCoreApplication.translate("ProfileAdditional", u"M&inimum polling interval (minutes)", None))
        self.timeoutSecondsLabel.setText(QCoreApplication.translate("ProfileAdditional", u"Time&out for a mailbox connection (seconds)", None))
        self.alertWhenMostFail.setText(QCoreApplication.translate("ProfileAdditional", u"A&lert owner when most mailboxes fail", None))
        pass
    # retranslateUi


# Generated from ui/settings_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
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
    QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        self.pageLayout = QVBoxLayout(SettingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.title = QLabel(SettingsPage)
        self.title.setObjectName(u"title")

        self.pageLayout.addWidget(self.title)

        self.scroll = QScrollArea(SettingsPage)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.scrollLayout = QVBoxLayout(self.scrollContents)
        self.scrollLayout.setObjectName(u"scrollLayout")
        self.scrollLayout.setContentsMargins(0, 0, 0, 0)
        self.columns = QHBoxLayout()
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.alertsGroup = QGroupBox(self.scrollContents)
        self.alertsGroup.setObjectName(u"alertsGroup")
        self.alertsForm = QFormLayout(self.alertsGroup)
        self.alertsForm.setObjectName(u"alertsForm")
        self.alertsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.recordLabel = QLabel(self.alertsGroup)
        self.recordLabel.setObjectName(u"recordLabel")

        self.alertsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recordLabel)

        self.recordLevels = QHBoxLayout()
        self.recordLevels.setObjectName(u"recordLevels")
        self.recordErrors = QCheckBox(self.alertsGroup)
        self.recordErrors.setObjectName(u"recordErrors")

        self.recordLevels.addWidget(self.recordErrors)

        self.recordWarnings = QCheckBox(self.alertsGroup)
        self.recordWarnings.setObjectName(u"recordWarnings")

        self.recordLevels.addWidget(self.recordWarnings)

        self.recordInformation = QCheckBox(self.alertsGroup)
        self.recordInformation.setObjectName(u"recordInformation")

        self.recordLevels.addWidget(self.recordInformation)

        self.recordLevelsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recordLevels.addItem(self.recordLevelsSpacer)


        self.alertsForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.recordLevels)

        self.toastLabel = QLabel(self.alertsGroup)
        self.toastLabel.setObjectName(u"toastLabel")

        self.alertsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.toastLabel)

        self.toastErrors = QCheckBox(self.alertsGroup)
        self.toastErrors.setObjectName(u"toastErrors")

        self.alertsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.toastErrors)

        self.toastErrorsError = QLabel(self.alertsGroup)
        self.toastErrorsError.setObjectName(u"toastErrorsError")
        self.toastErrorsError.setWordWrap(True)
        self.toastErrorsError.setVisible(False)
        self.toastErrorsError.setStyleSheet(u"color: #b3261e;")

        self.alertsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.toastErrorsError)

        self.toastWarnings = QCheckBox(self.alertsGroup)
        self.toastWarnings.setObjectName(u"toastWarnings")

        self.alertsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.toastWarnings)

        self.toastWarningsError = QLabel(self.alertsGroup)
        self.toastWarningsError.setObjectName(u"toastWarningsError")
        self.toastWarningsError.setWordWrap(True)
        self.toastWarningsError.setVisible(False)
        self.toastWarningsError.setStyleSheet(u"color: #b3261e;")

        self.alertsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.toastWarningsError)

        self.toastHint = QLabel(self.alertsGroup)
        self.toastHint.setObjectName(u"toastHint")
        self.toastHint.setWordWrap(True)
        self.toastHint.setStyleSheet(u"color: #595959;")

        self.alertsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.toastHint)


        self.leftColumn.addWidget(self.alertsGroup)

        self.securityGroup = QGroupBox(self.scrollContents)
        self.securityGroup.setObjectName(u"securityGroup")
        self.securityForm = QFormLayout(self.securityGroup)
        self.securityForm.setObjectName(u"securityForm")
        self.securityForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.allowInsecureCredentials = QCheckBox(self.securityGroup)
        self.allowInsecureCredentials.setObjectName(u"allowInsecureCredentials")

        self.securityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.allowInsecureCredentials)

        self.allowInsecureCredentialsHint = QLabel(self.securityGroup)
        self.allowInsecureCredentialsHint.setObjectName(u"allowInsecureCredentialsHint")
        self.allowInsecureCredentialsHint.setWordWrap(True)
        self.allowInsecureCredentialsHint.setStyleSheet(u"color: #595959;")

        self.securityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.allowInsecureCredentialsHint)


        self.leftColumn.addWidget(self.securityGroup)

        self.generalGroup = QGroupBox(self.scrollContents)
        self.generalGroup.setObjectName(u"generalGroup")
        self.generalForm = QFormLayout(self.generalGroup)
        self.generalForm.setObjectName(u"generalForm")
        self.generalForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.languageLabel = QLabel(self.generalGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.language = QComboBox(self.generalGroup)
        self.language.setObjectName(u"language")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.language)

        self.languageError = QLabel(self.generalGroup)
        self.languageError.setObjectName(u"languageError")
        self.languageError.setWordWrap(True)
        self.languageError.setVisible(False)
        self.languageError.setStyleSheet(u"color: #b3261e;")

        self.generalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.languageError)

        self.languageHint = QLabel(self.generalGroup)
        self.languageHint.setObjectName(u"languageHint")
        self.languageHint.setWordWrap(True)
        self.languageHint.setStyleSheet(u"color: #595959;")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.languageHint)

        self.defaultProfileLabel = QLabel(self.generalGroup)
        self.defaultProfileLabel.setObjectName(u"defaultProfileLabel")

        self.generalForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.defaultProfileLabel)

        self.defaultProfile = QComboBox(self.generalGroup)
        self.defaultProfile.setObjectName(u"defaultProfile")

        self.generalForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.defaultProfile)

        self.defaultProfileError = QLabel(self.generalGroup)
        self.defaultProfileError.setObjectName(u"defaultProfileError")
        self.defaultProfileError.setWordWrap(True)
        self.defaultProfileError.setVisible(False)
        self.defaultProfileError.setStyleSheet(u"color: #b3261e;")

        self.generalForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.defaultProfileError)

        self.defaultProfileHint = QLabel(self.generalGroup)
        self.defaultProfileHint.setObjectName(u"defaultProfileHint")
        self.defaultProfileHint.setWordWrap(True)
        self.defaultProfileHint.setStyleSheet(u"color: #595959;")

        self.generalForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.defaultProfileHint)

        self.startAtLogin = QCheckBox(self.generalGroup)
        self.startAtLogin.setObjectName(u"startAtLogin")

        self.generalForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.startAtLogin)

        self.startAtLoginHint = QLabel(self.generalGroup)
        self.startAtLoginHint.setObjectName(u"startAtLoginHint")
        self.startAtLoginHint.setWordWrap(True)
        self.startAtLoginHint.setStyleSheet(u"color: #595959;")

        self.generalForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.startAtLoginHint)


        self.leftColumn.addWidget(self.generalGroup)

        self.leftColumnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftColumnSpacer)


        self.columns.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.emailGroup = QGroupBox(self.scrollContents)
        self.emailGroup.setObjectName(u"emailGroup")
        self.emailForm = QFormLayout(self.emailGroup)
        self.emailForm.setObjectName(u"emailForm")
        self.emailForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.trackingTokenPrefixLabel = QLabel(self.emailGroup)
        self.trackingTokenPrefixLabel.setObjectName(u"trackingTokenPrefixLabel")

        self.emailForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.trackingTokenPrefixLabel)

        self.trackingTokenPrefix = QLineEdit(self.emailGroup)
        self.trackingTokenPrefix.setObjectName(u"trackingTokenPrefix")
        self.trackingTokenPrefix.setPlaceholderText(u"CRM:")

        self.emailForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.trackingTokenPrefix)

        self.trackingTokenPrefixError = QLabel(self.emailGroup)
        self.trackingTokenPrefixError.setObjectName(u"trackingTokenPrefixError")
        self.trackingTokenPrefixError.setWordWrap(True)
        self.trackingTokenPrefixError.setVisible(False)
        self.trackingTokenPrefixError.setStyleSheet(u"color: #b3261e;")

        self.emailForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.trackingTokenPrefixError)

        self.trackingTokenPrefixHint = QLabel(self.emailGroup)
        self.trackingTokenPrefixHint.setObjectName(u"trackingTokenPrefixHint")
        self.trackingTokenPrefixHint.setWordWrap(True)
        self.trackingTokenPrefixHint.setStyleSheet(u"color: #595959;")

        self.emailForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.trackingTokenPrefixHint)

        self.notifyOwnerByEmail = QCheckBox(self.emailGroup)
        self.notifyOwnerByEmail.setObjectName(u"notifyOwnerByEmail")

        self.emailForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.notifyOwnerByEmail)

        self.notifyMailboxLabel = QLabel(self.emailGroup)
        self.notifyMailboxLabel.setObjectName(u"notifyMailboxLabel")

        self.emailForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.notifyMailboxLabel)

        self.notifyMailbox = QComboBox(self.emailGroup)
        self.notifyMailbox.setObjectName(u"notifyMailbox")

        self.emailForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.notifyMailbox)

        self.notifyMailboxError = QLabel(self.emailGroup)
        self.notifyMailboxError.setObjectName(u"notifyMailboxError")
        self.notifyMailboxError.setWordWrap(True)
        self.notifyMailboxError.setVisible(False)
        self.notifyMailboxError.setStyleSheet(u"color: #b3261e;")

        self.emailForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notifyMailboxError)

        self.notifyHint = QLabel(self.emailGroup)
        self.notifyHint.setObjectName(u"notifyHint")
        self.notifyHint.setWordWrap(True)
        self.notifyHint.setStyleSheet(u"color: #595959;")

        self.emailForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notifyHint)


        self.rightColumn.addWidget(self.emailGroup)

        self.retriesGroup = QGroupBox(self.scrollContents)
        self.retriesGroup.setObjectName(u"retriesGroup")
        self.retriesForm = QFormLayout(self.retriesGroup)
        self.retriesForm.setObjectName(u"retriesForm")
        self.retriesForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.transientFailureLimitLabel = QLabel(self.retriesGroup)
        self.transientFailureLimitLabel.setObjectName(u"transientFailureLimitLabel")

        self.retriesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.transientFailureLimitLabel)

        self.transientFailureLimit = QSpinBox(self.retriesGroup)
        self.transientFailureLimit.setObjectName(u"transientFailureLimit")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.transientFailureLimit.sizePolicy().hasHeightForWidth())
        self.transientFailureLimit.setSizePolicy(sizePolicy)
        self.transientFailureLimit.setMinimumSize(QSize(90, 0))
        self.transientFailureLimit.setMinimum(0)
        self.transientFailureLimit.setMaximum(9999)

        self.retriesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.transientFailureLimit)

        self.transientFailureLimitError = QLabel(self.retriesGroup)
        self.transientFailureLimitError.setObjectName(u"transientFailureLimitError")
        self.transientFailureLimitError.setWordWrap(True)
        self.transientFailureLimitError.setVisible(False)
        self.transientFailureLimitError.setStyleSheet(u"color: #b3261e;")

        self.retriesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.transientFailureLimitError)

        self.defaultBackoffMinutesLabel = QLabel(self.retriesGroup)
        self.defaultBackoffMinutesLabel.setObjectName(u"defaultBackoffMinutesLabel")

        self.retriesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.defaultBackoffMinutesLabel)

        self.defaultBackoffMinutes = QSpinBox(self.retriesGroup)
        self.defaultBackoffMinutes.setObjectName(u"defaultBackoffMinutes")
        sizePolicy.setHeightForWidth(self.defaultBackoffMinutes.sizePolicy().hasHeightForWidth())
        self.defaultBackoffMinutes.setSizePolicy(sizePolicy)
        self.defaultBackoffMinutes.setMinimumSize(QSize(90, 0))
        self.defaultBackoffMinutes.setMinimum(0)
        self.defaultBackoffMinutes.setMaximum(99999)

        self.retriesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.defaultBackoffMinutes)

        self.defaultBackoffMinutesError = QLabel(self.retriesGroup)
        self.defaultBackoffMinutesError.setObjectName(u"defaultBackoffMinutesError")
        self.defaultBackoffMinutesError.setWordWrap(True)
        self.defaultBackoffMinutesError.setVisible(False)
        self.defaultBackoffMinutesError.setStyleSheet(u"color: #b3261e;")

        self.retriesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.defaultBackoffMinutesError)

        self.authRetryLimitLabel = QLabel(self.retriesGroup)
        self.authRetryLimitLabel.setObjectName(u"authRetryLimitLabel")

        self.retriesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.authRetryLimitLabel)

        self.authRetryLimit = QSpinBox(self.retriesGroup)
        self.authRetryLimit.setObjectName(u"authRetryLimit")
        sizePolicy.setHeightForWidth(self.authRetryLimit.sizePolicy().hasHeightForWidth())
        self.authRetryLimit.setSizePolicy(sizePolicy)
        self.authRetryLimit.setMinimumSize(QSize(90, 0))
        self.authRetryLimit.setMinimum(0)
        self.authRetryLimit.setMaximum(99)

        self.retriesForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.authRetryLimit)

        self.authRetryLimitError = QLabel(self.retriesGroup)
        self.authRetryLimitError.setObjectName(u"authRetryLimitError")
        self.authRetryLimitError.setWordWrap(True)
        self.authRetryLimitError.setVisible(False)
        self.authRetryLimitError.setStyleSheet(u"color: #b3261e;")

        self.retriesForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.authRetryLimitError)

        self.retriesHint = QLabel(self.retriesGroup)
        self.retriesHint.setObjectName(u"retriesHint")
        self.retriesHint.setWordWrap(True)
        self.retriesHint.setStyleSheet(u"color: #595959;")

        self.retriesForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.retriesHint)


        self.rightColumn.addWidget(self.retriesGroup)

        self.monitoringGroup = QGroupBox(self.scrollContents)
        self.monitoringGroup.setObjectName(u"monitoringGroup")
        self.monitoringForm = QFormLayout(self.monitoringGroup)
        self.monitoringForm.setObjectName(u"monitoringForm")
        self.monitoringForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.itemFailureRetentionDaysLabel = QLabel(self.monitoringGroup)
        self.itemFailureRetentionDaysLabel.setObjectName(u"itemFailureRetentionDaysLabel")

        self.monitoringForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.itemFailureRetentionDaysLabel)

        self.itemFailureRetentionDays = QSpinBox(self.monitoringGroup)
        self.itemFailureRetentionDays.setObjectName(u"itemFailureRetentionDays")
        sizePolicy.setHeightForWidth(self.itemFailureRetentionDays.sizePolicy().hasHeightForWidth())
        self.itemFailureRetentionDays.setSizePolicy(sizePolicy)
        self.itemFailureRetentionDays.setMinimumSize(QSize(90, 0))
        self.itemFailureRetentionDays.setMinimum(0)
        self.itemFailureRetentionDays.setMaximum(999)

        self.monitoringForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.itemFailureRetentionDays)

        self.itemFailureRetentionDaysError = QLabel(self.monitoringGroup)
        self.itemFailureRetentionDaysError.setObjectName(u"itemFailureRetentionDaysError")
        self.itemFailureRetentionDaysError.setWordWrap(True)
        self.itemFailureRetentionDaysError.setVisible(False)
        self.itemFailureRetentionDaysError.setStyleSheet(u"color: #b3261e;")

        self.monitoringForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.itemFailureRetentionDaysError)

        self.monitoringHint = QLabel(self.monitoringGroup)
        self.monitoringHint.setObjectName(u"monitoringHint")
        self.monitoringHint.setWordWrap(True)
        self.monitoringHint.setStyleSheet(u"color: #595959;")

        self.monitoringForm.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.monitoringHint)


        self.rightColumn.addWidget(self.monitoringGroup)

        self.rightColumnSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightColumn.addItem(self.rightColumnSpacer)


        self.columns.addLayout(self.rightColumn)


        self.scrollLayout.addLayout(self.columns)

        self.scroll.setWidget(self.scrollContents)

        self.pageLayout.addWidget(self.scroll)

        self.buttonBar = QHBoxLayout()
        self.buttonBar.setObjectName(u"buttonBar")
        self.statusLabel = QLabel(SettingsPage)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setStyleSheet(u"color: #595959;")

        self.buttonBar.addWidget(self.statusLabel)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonBar.addItem(self.buttonSpacer)

        self.revertButton = QPushButton(SettingsPage)
        self.revertButton.setObjectName(u"revertButton")

        self.buttonBar.addWidget(self.revertButton)

        self.saveButton = QPushButton(SettingsPage)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonBar.addWidget(self.saveButton)


        self.pageLayout.addLayout(self.buttonBar)

#if QT_CONFIG(shortcut)
        self.recordLabel.setBuddy(self.recordErrors)
        self.toastLabel.setBuddy(self.toastErrors)
        self.languageLabel.setBuddy(self.language)
        self.defaultProfileLabel.setBuddy(self.defaultProfile)
        self.trackingTokenPrefixLabel.setBuddy(self.trackingTokenPrefix)
        self.notifyMailboxLabel.setBuddy(self.notifyMailbox)
        self.transientFailureLimitLabel.setBuddy(self.transientFailureLimit)
        self.defaultBackoffMinutesLabel.setBuddy(self.defaultBackoffMinutes)
        self.authRetryLimitLabel.setBuddy(self.authRetryLimit)
        self.itemFailureRetentionDaysLabel.setBuddy(self.itemFailureRetentionDays)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.recordErrors, self.recordWarnings)
        QWidget.setTabOrder(self.recordWarnings, self.recordInformation)
        QWidget.setTabOrder(self.recordInformation, self.toastErrors)
        QWidget.setTabOrder(self.toastErrors, self.toastWarnings)
        QWidget.setTabOrder(self.toastWarnings, self.allowInsecureCredentials)
        QWidget.setTabOrder(self.allowInsecureCredentials, self.language)
        QWidget.setTabOrder(self.language, self.defaultProfile)
        QWidget.setTabOrder(self.defaultProfile, self.trackingTokenPrefix)
        QWidget.setTabOrder(self.trackingTokenPrefix, self.notifyOwnerByEmail)
        QWidget.setTabOrder(self.notifyOwnerByEmail, self.notifyMailbox)
        QWidget.setTabOrder(self.notifyMailbox, self.transientFailureLimit)
        QWidget.setTabOrder(self.transientFailureLimit, self.defaultBackoffMinutes)
        QWidget.setTabOrder(self.defaultBackoffMinutes, self.authRetryLimit)
        QWidget.setTabOrder(self.authRetryLimit, self.revertButton)
        QWidget.setTabOrder(self.revertButton, self.saveButton)

        self.retranslateUi(SettingsPage)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, SettingsPage):
        self.title.setText(QCoreApplication.translate("SettingsPage", u"System settings", None))
#if QT_CONFIG(accessibility)
        self.scroll.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Settings", None))
#endif // QT_CONFIG(accessibility)
        self.alertsGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Alerts", None))
        self.recordLabel.setText(QCoreApplication.translate("SettingsPage", u"Alert levels re&corded", None))
        self.recordErrors.setText(QCoreApplication.translate("SettingsPage", u"&Error", None))
        self.recordWarnings.setText(QCoreApplication.translate("SettingsPage", u"&Warning", None))
        self.recordInformation.setText(QCoreApplication.translate("SettingsPage", u"&Information", None))
        self.toastLabel.setText(QCoreApplication.translate("SettingsPage", u"Tra&y notifications", None))
        self.toastErrors.setText(QCoreApplication.translate("SettingsPage", u"&Notify each new Error", None))
        self.toastWarnings.setText(QCoreApplication.translate("SettingsPage", u"Notify each new Warnin&g", None))
        self.toastHint.setText(QCoreApplication.translate("SettingsPage", u"At most one notification per mailbox every 10 minutes.", None))
        self.securityGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Security", None))
        self.allowInsecureCredentials.setText(QCoreApplication.translate("SettingsPage", u"&Allow credentials over non-SSL connections", None))
        self.allowInsecureCredentialsHint.setText(QCoreApplication.translate("SettingsPage", u"Passwords then cross the network unencrypted. Only while this is on can a profile with \u201cUse SSL\u201d off be saved and connect.", None))
        self.generalGroup.setTitle(QCoreApplication.translate("SettingsPage", u"General", None))
        self.languageLabel.setText(QCoreApplication.translate("SettingsPage", u"&Language", None))
#if QT_CONFIG(accessibility)
        self.language.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Language", None))
#endif // QT_CONFIG(accessibility)
        self.languageHint.setText(QCoreApplication.translate("SettingsPage", u"Takes effect the next time the app starts.", None))
        self.defaultProfileLabel.setText(QCoreApplication.translate("SettingsPage", u"Default email server &profile", None))
#if QT_CONFIG(accessibility)
        self.defaultProfile.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Default email server profile", None))
#endif // QT_CONFIG(accessibility)
        self.defaultProfileHint.setText(QCoreApplication.translate("SettingsPage", u"New mailboxes start with this profile.", None))
        self.startAtLogin.setText(QCoreApplication.translate("SettingsPage", u"Start auto&matically at login", None))
        self.emailGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Email", None))
        self.trackingTokenPrefixLabel.setText(QCoreApplication.translate("SettingsPage", u"&Tracking token prefix", None))
        self.notifyOwnerByEmail.setText(QCoreApplication.translate("SettingsPage", u"Notify the mailbox &owner by email", None))
        self.notifyMailboxLabel.setText(QCoreApplication.translate("SettingsPage", u"Send alert emails t&hrough", None))
#if QT_CONFIG(accessibility)
        self.notifyMailbox.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Send alert emails through", None))
#endif // QT_CONFIG(accessibility)
        self.notifyHint.setText(QCoreApplication.translate("SettingsPage", u"Each new alert of a mailbox is emailed to its owner, once, by the outgoing email of this mailbox. Alerts about this mailbox itself are not emailed.", None))
        self.retriesGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Retries", None))
        self.transientFailureLimitLabel.setText(QCoreApplication.translate("SettingsPage", u"Transient fail&ures before an Error", None))
        self.defaultBackoffMinutesLabel.setText(QCoreApplication.translate("SettingsPage", u"&Back-off before a retry (minutes)", None))
        self.authRetryLimitLabel.setText(QCoreApplication.translate("SettingsPage", u"Logon &retries after a refused password", None))
        self.retriesHint.setText(QCoreApplication.translate("SettingsPage", u"Logon retries are at least 5 minutes apart; at most 3, so that Active Directory does not lock the account out.", None))
        self.monitoringGroup.setTitle(QCoreApplication.translate("SettingsPage", u"Item monitoring", None))
        self.itemFailureRetentionDaysLabel.setText(QCoreApplication.translate("SettingsPage", u"&Keep failed items (days)", None))
#if QT_CONFIG(accessibility)
        self.itemFailureRetentionDaysError.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.monitoringHint.setText(QCoreApplication.translate("SettingsPage", u"An email, appointment, contact or task that did not synchronize is listed on the Dashboard's Item monitoring tab this many days after its last failure.", None))
        self.revertButton.setText(QCoreApplication.translate("SettingsPage", u"Re&vert", None))
        self.saveButton.setText(QCoreApplication.translate("SettingsPage", u"&Save", None))
        pass
    # retranslateUi


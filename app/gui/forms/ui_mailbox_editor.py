# Generated from ui/mailbox_editor.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mailbox_editor.ui'
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
    QFormLayout, QFrame, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QSplitter, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_MailboxEditor(object):
    def setupUi(self, MailboxEditor):
        if not MailboxEditor.objectName():
            MailboxEditor.setObjectName(u"MailboxEditor")
        self.editorLayout = QVBoxLayout(MailboxEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.tabs = QTabWidget(MailboxEditor)
        self.tabs.setObjectName(u"tabs")
        self.generalTab = QWidget()
        self.generalTab.setObjectName(u"generalTab")
        self.generalLayout = QVBoxLayout(self.generalTab)
        self.generalLayout.setObjectName(u"generalLayout")
        self.generalForm = QFormLayout()
        self.generalForm.setObjectName(u"generalForm")
        self.generalForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.nameLabel = QLabel(self.generalTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.generalTab)
        self.name.setObjectName(u"name")

        self.generalForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.nameError = QLabel(self.generalTab)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)
        self.nameError.setVisible(False)
        self.nameError.setStyleSheet(u"color: #b3261e;")

        self.generalForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameError)

        self.emailLabel = QLabel(self.generalTab)
        self.emailLabel.setObjectName(u"emailLabel")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(self.generalTab)
        self.email.setObjectName(u"email")
        self.email.setPlaceholderText(u"name@contoso.com")

        self.generalForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.email)

        self.emailError = QLabel(self.generalTab)
        self.emailError.setObjectName(u"emailError")
        self.emailError.setWordWrap(True)
        self.emailError.setVisible(False)
        self.emailError.setStyleSheet(u"color: #b3261e;")

        self.generalForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.emailError)

        self.ownerLabel = QLabel(self.generalTab)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.generalForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.owner = QComboBox(self.generalTab)
        self.owner.setObjectName(u"owner")

        self.generalForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.owner)

        self.ownerError = QLabel(self.generalTab)
        self.ownerError.setObjectName(u"ownerError")
        self.ownerError.setWordWrap(True)
        self.ownerError.setVisible(False)
        self.ownerError.setStyleSheet(u"color: #b3261e;")

        self.generalForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.ownerError)

        self.approvalLabel = QLabel(self.generalTab)
        self.approvalLabel.setObjectName(u"approvalLabel")

        self.generalForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.approvalLabel)

        self.approval = QComboBox(self.generalTab)
        self.approval.setObjectName(u"approval")

        self.generalForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.approval)

        self.deleteAfterProcessing = QCheckBox(self.generalTab)
        self.deleteAfterProcessing.setObjectName(u"deleteAfterProcessing")

        self.generalForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.deleteAfterProcessing)

        self.deleteAfterProcessingError = QLabel(self.generalTab)
        self.deleteAfterProcessingError.setObjectName(u"deleteAfterProcessingError")
        self.deleteAfterProcessingError.setWordWrap(True)
        self.deleteAfterProcessingError.setVisible(False)
        self.deleteAfterProcessingError.setStyleSheet(u"color: #b3261e;")

        self.generalForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.deleteAfterProcessingError)


        self.generalLayout.addLayout(self.generalForm)

        self.generalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.generalLayout.addItem(self.generalSpacer)

        self.tabs.addTab(self.generalTab, "")
        self.syncTab = QWidget()
        self.syncTab.setObjectName(u"syncTab")
        self.syncLayout = QVBoxLayout(self.syncTab)
        self.syncLayout.setObjectName(u"syncLayout")
        self.syncForm = QFormLayout()
        self.syncForm.setObjectName(u"syncForm")
        self.syncForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.profileLabel = QLabel(self.syncTab)
        self.profileLabel.setObjectName(u"profileLabel")

        self.syncForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.profileLabel)

        self.profile = QComboBox(self.syncTab)
        self.profile.setObjectName(u"profile")

        self.syncForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.profile)

        self.profileError = QLabel(self.syncTab)
        self.profileError.setObjectName(u"profileError")
        self.profileError.setWordWrap(True)
        self.profileError.setVisible(False)
        self.profileError.setStyleSheet(u"color: #b3261e;")

        self.syncForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.profileError)

        self.incomingMethodLabel = QLabel(self.syncTab)
        self.incomingMethodLabel.setObjectName(u"incomingMethodLabel")

        self.syncForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.incomingMethodLabel)

        self.incomingMethod = QComboBox(self.syncTab)
        self.incomingMethod.setObjectName(u"incomingMethod")

        self.syncForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.incomingMethod)

        self.outgoingMethodLabel = QLabel(self.syncTab)
        self.outgoingMethodLabel.setObjectName(u"outgoingMethodLabel")

        self.syncForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.outgoingMethodLabel)

        self.outgoingMethod = QComboBox(self.syncTab)
        self.outgoingMethod.setObjectName(u"outgoingMethod")

        self.syncForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.outgoingMethod)

        self.actMethodLabel = QLabel(self.syncTab)
        self.actMethodLabel.setObjectName(u"actMethodLabel")

        self.syncForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.actMethodLabel)

        self.actMethod = QComboBox(self.syncTab)
        self.actMethod.setObjectName(u"actMethod")

        self.syncForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.actMethod)


        self.syncLayout.addLayout(self.syncForm)

        self.syncSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.syncLayout.addItem(self.syncSpacer)

        self.tabs.addTab(self.syncTab, "")
        self.credentialsTab = QWidget()
        self.credentialsTab.setObjectName(u"credentialsTab")
        self.credentialsLayout = QVBoxLayout(self.credentialsTab)
        self.credentialsLayout.setObjectName(u"credentialsLayout")
        self.credentialsForm = QFormLayout()
        self.credentialsForm.setObjectName(u"credentialsForm")
        self.credentialsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.allowCredentials = QCheckBox(self.credentialsTab)
        self.allowCredentials.setObjectName(u"allowCredentials")

        self.credentialsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.allowCredentials)

        self.allowCredentialsError = QLabel(self.credentialsTab)
        self.allowCredentialsError.setObjectName(u"allowCredentialsError")
        self.allowCredentialsError.setWordWrap(True)
        self.allowCredentialsError.setVisible(False)
        self.allowCredentialsError.setStyleSheet(u"color: #b3261e;")

        self.credentialsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.allowCredentialsError)

        self.usernameLabel = QLabel(self.credentialsTab)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.credentialsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(self.credentialsTab)
        self.username.setObjectName(u"username")

        self.credentialsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.username)

        self.usernameError = QLabel(self.credentialsTab)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setWordWrap(True)
        self.usernameError.setVisible(False)
        self.usernameError.setStyleSheet(u"color: #b3261e;")

        self.credentialsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.passwordLabel = QLabel(self.credentialsTab)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.credentialsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(self.credentialsTab)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.credentialsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password)

        self.passwordError = QLabel(self.credentialsTab)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setWordWrap(True)
        self.passwordError.setVisible(False)
        self.passwordError.setStyleSheet(u"color: #b3261e;")

        self.credentialsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordError)


        self.credentialsLayout.addLayout(self.credentialsForm)

        self.credentialsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.credentialsLayout.addItem(self.credentialsSpacer)

        self.tabs.addTab(self.credentialsTab, "")
        self.resultsTab = QWidget()
        self.resultsTab.setObjectName(u"resultsTab")
        self.resultsTabLayout = QVBoxLayout(self.resultsTab)
        self.resultsTabLayout.setObjectName(u"resultsTabLayout")
        self.resultsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.resultsScroll = QScrollArea(self.resultsTab)
        self.resultsScroll.setObjectName(u"resultsScroll")
        self.resultsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.resultsScroll.setWidgetResizable(True)
        self.resultsContents = QWidget()
        self.resultsContents.setObjectName(u"resultsContents")
        self.resultsLayout = QVBoxLayout(self.resultsContents)
        self.resultsLayout.setObjectName(u"resultsLayout")
        self.resultsForm = QFormLayout()
        self.resultsForm.setObjectName(u"resultsForm")
        self.resultsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.incomingStatusLabel = QLabel(self.resultsContents)
        self.incomingStatusLabel.setObjectName(u"incomingStatusLabel")

        self.resultsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.incomingStatusLabel)

        self.incomingStatus = QLineEdit(self.resultsContents)
        self.incomingStatus.setObjectName(u"incomingStatus")
        self.incomingStatus.setReadOnly(True)

        self.resultsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.incomingStatus)

        self.outgoingStatusLabel = QLabel(self.resultsContents)
        self.outgoingStatusLabel.setObjectName(u"outgoingStatusLabel")

        self.resultsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outgoingStatusLabel)

        self.outgoingStatus = QLineEdit(self.resultsContents)
        self.outgoingStatus.setObjectName(u"outgoingStatus")
        self.outgoingStatus.setReadOnly(True)

        self.resultsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outgoingStatus)

        self.actStatusLabel = QLabel(self.resultsContents)
        self.actStatusLabel.setObjectName(u"actStatusLabel")

        self.resultsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.actStatusLabel)

        self.actStatus = QLineEdit(self.resultsContents)
        self.actStatus.setObjectName(u"actStatus")
        self.actStatus.setReadOnly(True)

        self.resultsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.actStatus)

        self.mailboxStatusLabel = QLabel(self.resultsContents)
        self.mailboxStatusLabel.setObjectName(u"mailboxStatusLabel")

        self.resultsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.mailboxStatusLabel)

        self.mailboxStatus = QLineEdit(self.resultsContents)
        self.mailboxStatus.setObjectName(u"mailboxStatus")
        self.mailboxStatus.setReadOnly(True)

        self.resultsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.mailboxStatus)

        self.testCompletedOnLabel = QLabel(self.resultsContents)
        self.testCompletedOnLabel.setObjectName(u"testCompletedOnLabel")

        self.resultsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.testCompletedOnLabel)

        self.testCompletedOn = QLineEdit(self.resultsContents)
        self.testCompletedOn.setObjectName(u"testCompletedOn")
        self.testCompletedOn.setReadOnly(True)

        self.resultsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.testCompletedOn)

        self.incomingEnabledLabel = QLabel(self.resultsContents)
        self.incomingEnabledLabel.setObjectName(u"incomingEnabledLabel")

        self.resultsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.incomingEnabledLabel)

        self.incomingEnabled = QLineEdit(self.resultsContents)
        self.incomingEnabled.setObjectName(u"incomingEnabled")
        self.incomingEnabled.setReadOnly(True)

        self.resultsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.incomingEnabled)

        self.outgoingEnabledLabel = QLabel(self.resultsContents)
        self.outgoingEnabledLabel.setObjectName(u"outgoingEnabledLabel")

        self.resultsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.outgoingEnabledLabel)

        self.outgoingEnabled = QLineEdit(self.resultsContents)
        self.outgoingEnabled.setObjectName(u"outgoingEnabled")
        self.outgoingEnabled.setReadOnly(True)

        self.resultsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.outgoingEnabled)

        self.actEnabledLabel = QLabel(self.resultsContents)
        self.actEnabledLabel.setObjectName(u"actEnabledLabel")

        self.resultsForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.actEnabledLabel)

        self.actEnabled = QLineEdit(self.resultsContents)
        self.actEnabled.setObjectName(u"actEnabled")
        self.actEnabled.setReadOnly(True)

        self.resultsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.actEnabled)

        self.lastSyncSuccessOnLabel = QLabel(self.resultsContents)
        self.lastSyncSuccessOnLabel.setObjectName(u"lastSyncSuccessOnLabel")

        self.resultsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.lastSyncSuccessOnLabel)

        self.lastSyncSuccessOn = QLineEdit(self.resultsContents)
        self.lastSyncSuccessOn.setObjectName(u"lastSyncSuccessOn")
        self.lastSyncSuccessOn.setReadOnly(True)

        self.resultsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.lastSyncSuccessOn)

        self.lastSyncErrorLabel = QLabel(self.resultsContents)
        self.lastSyncErrorLabel.setObjectName(u"lastSyncErrorLabel")

        self.resultsForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.lastSyncErrorLabel)

        self.lastSyncError = QLineEdit(self.resultsContents)
        self.lastSyncError.setObjectName(u"lastSyncError")
        self.lastSyncError.setReadOnly(True)

        self.resultsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.lastSyncError)

        self.nextSyncOnLabel = QLabel(self.resultsContents)
        self.nextSyncOnLabel.setObjectName(u"nextSyncOnLabel")

        self.resultsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.nextSyncOnLabel)

        self.nextSyncOn = QLineEdit(self.resultsContents)
        self.nextSyncOn.setObjectName(u"nextSyncOn")
        self.nextSyncOn.setReadOnly(True)

        self.resultsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.nextSyncOn)

        self.transientFailureCountLabel = QLabel(self.resultsContents)
        self.transientFailureCountLabel.setObjectName(u"transientFailureCountLabel")

        self.resultsForm.setWidget(11, QFormLayout.ItemRole.LabelRole, self.transientFailureCountLabel)

        self.transientFailureCount = QLineEdit(self.resultsContents)
        self.transientFailureCount.setObjectName(u"transientFailureCount")
        self.transientFailureCount.setReadOnly(True)

        self.resultsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.transientFailureCount)


        self.resultsLayout.addLayout(self.resultsForm)

        self.runsGroup = QGroupBox(self.resultsContents)
        self.runsGroup.setObjectName(u"runsGroup")
        self.runsLayout = QVBoxLayout(self.runsGroup)
        self.runsLayout.setObjectName(u"runsLayout")
        self.runsTable = QTableView(self.runsGroup)
        self.runsTable.setObjectName(u"runsTable")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.runsTable.sizePolicy().hasHeightForWidth())
        self.runsTable.setSizePolicy(sizePolicy)
        self.runsTable.setMinimumSize(QSize(0, 100))

        self.runsLayout.addWidget(self.runsTable)

        self.runsButtonRow = QHBoxLayout()
        self.runsButtonRow.setObjectName(u"runsButtonRow")
        self.runsHint = QLabel(self.runsGroup)
        self.runsHint.setObjectName(u"runsHint")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.runsHint.sizePolicy().hasHeightForWidth())
        self.runsHint.setSizePolicy(sizePolicy1)
        self.runsHint.setWordWrap(True)

        self.runsButtonRow.addWidget(self.runsHint)

        self.viewReportButton = QPushButton(self.runsGroup)
        self.viewReportButton.setObjectName(u"viewReportButton")

        self.runsButtonRow.addWidget(self.viewReportButton)


        self.runsLayout.addLayout(self.runsButtonRow)


        self.resultsLayout.addWidget(self.runsGroup)

        self.resultsScroll.setWidget(self.resultsContents)

        self.resultsTabLayout.addWidget(self.resultsScroll)

        self.tabs.addTab(self.resultsTab, "")
        self.alertsTab = QWidget()
        self.alertsTab.setObjectName(u"alertsTab")
        self.alertsTabLayout = QVBoxLayout(self.alertsTab)
        self.alertsTabLayout.setObjectName(u"alertsTabLayout")
        self.tabs.addTab(self.alertsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyTabLayout = QVBoxLayout(self.historyTab)
        self.historyTabLayout.setObjectName(u"historyTabLayout")
        self.historyTable = QTableView(self.historyTab)
        self.historyTable.setObjectName(u"historyTable")

        self.historyTabLayout.addWidget(self.historyTable)

        self.tabs.addTab(self.historyTab, "")
        self.conflictsTab = QWidget()
        self.conflictsTab.setObjectName(u"conflictsTab")
        self.conflictsLayout = QVBoxLayout(self.conflictsTab)
        self.conflictsLayout.setObjectName(u"conflictsLayout")
        self.conflictsIntro = QLabel(self.conflictsTab)
        self.conflictsIntro.setObjectName(u"conflictsIntro")
        self.conflictsIntro.setWordWrap(True)

        self.conflictsLayout.addWidget(self.conflictsIntro)

        self.conflictsSplitter = QSplitter(self.conflictsTab)
        self.conflictsSplitter.setObjectName(u"conflictsSplitter")
        self.conflictsSplitter.setOrientation(Qt.Orientation.Vertical)
        self.conflictsSplitter.setChildrenCollapsible(False)
        self.conflictsTable = QTableView(self.conflictsSplitter)
        self.conflictsTable.setObjectName(u"conflictsTable")
        self.conflictsSplitter.addWidget(self.conflictsTable)
        self.conflictDetails = QPlainTextEdit(self.conflictsSplitter)
        self.conflictDetails.setObjectName(u"conflictDetails")
        self.conflictDetails.setReadOnly(True)
        self.conflictsSplitter.addWidget(self.conflictDetails)

        self.conflictsLayout.addWidget(self.conflictsSplitter)

        self.tabs.addTab(self.conflictsTab, "")

        self.editorLayout.addWidget(self.tabs)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.approveButton = QPushButton(MailboxEditor)
        self.approveButton.setObjectName(u"approveButton")

        self.buttonRow.addWidget(self.approveButton)

        self.testButton = QPushButton(MailboxEditor)
        self.testButton.setObjectName(u"testButton")

        self.buttonRow.addWidget(self.testButton)

        self.syncButton = QPushButton(MailboxEditor)
        self.syncButton.setObjectName(u"syncButton")

        self.buttonRow.addWidget(self.syncButton)

        self.downloadButton = QPushButton(MailboxEditor)
        self.downloadButton.setObjectName(u"downloadButton")

        self.buttonRow.addWidget(self.downloadButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(MailboxEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.closeButton = QPushButton(MailboxEditor)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.editorLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.emailLabel.setBuddy(self.email)
        self.ownerLabel.setBuddy(self.owner)
        self.approvalLabel.setBuddy(self.approval)
        self.profileLabel.setBuddy(self.profile)
        self.incomingMethodLabel.setBuddy(self.incomingMethod)
        self.outgoingMethodLabel.setBuddy(self.outgoingMethod)
        self.actMethodLabel.setBuddy(self.actMethod)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
        self.incomingStatusLabel.setBuddy(self.incomingStatus)
        self.outgoingStatusLabel.setBuddy(self.outgoingStatus)
        self.actStatusLabel.setBuddy(self.actStatus)
        self.mailboxStatusLabel.setBuddy(self.mailboxStatus)
        self.testCompletedOnLabel.setBuddy(self.testCompletedOn)
        self.incomingEnabledLabel.setBuddy(self.incomingEnabled)
        self.outgoingEnabledLabel.setBuddy(self.outgoingEnabled)
        self.actEnabledLabel.setBuddy(self.actEnabled)
        self.lastSyncSuccessOnLabel.setBuddy(self.lastSyncSuccessOn)
        self.lastSyncErrorLabel.setBuddy(self.lastSyncError)
        self.nextSyncOnLabel.setBuddy(self.nextSyncOn)
        self.transientFailureCountLabel.setBuddy(self.transientFailureCount)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MailboxEditor)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, MailboxEditor):
        MailboxEditor.setWindowTitle(QCoreApplication.translate("MailboxEditor", u"Mailbox", None))
        self.nameLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Name", None))
        self.emailLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Email address", None))
        self.ownerLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Owner (user or queue)", None))
        self.approvalLabel.setText(QCoreApplication.translate("MailboxEditor", u"Email address a&pproval", None))
        self.deleteAfterProcessing.setText(QCoreApplication.translate("MailboxEditor", u"De&lete emails after processing (queues only)", None))
        self.tabs.setTabText(self.tabs.indexOf(self.generalTab), QCoreApplication.translate("MailboxEditor", u"General", None))
        self.profileLabel.setText(QCoreApplication.translate("MailboxEditor", u"Server &profile", None))
        self.incomingMethodLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Incoming email", None))
        self.outgoingMethodLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Outgoing email", None))
        self.actMethodLabel.setText(QCoreApplication.translate("MailboxEditor", u"Appointments, co&ntacts and tasks", None))
        self.tabs.setTabText(self.tabs.indexOf(self.syncTab), QCoreApplication.translate("MailboxEditor", u"Synchronization method", None))
        self.allowCredentials.setText(QCoreApplication.translate("MailboxEditor", u"Allow the use of cr&edentials for email processing", None))
        self.usernameLabel.setText(QCoreApplication.translate("MailboxEditor", u"&User name", None))
        self.passwordLabel.setText(QCoreApplication.translate("MailboxEditor", u"Pass&word", None))
        self.tabs.setTabText(self.tabs.indexOf(self.credentialsTab), QCoreApplication.translate("MailboxEditor", u"Credentials", None))
        self.incomingStatusLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Incoming email status", None))
        self.outgoingStatusLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Outgoing email status", None))
        self.actStatusLabel.setText(QCoreApplication.translate("MailboxEditor", u"Appointments, contacts and tas&ks status", None))
        self.mailboxStatusLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Mailbox status", None))
        self.testCompletedOnLabel.setText(QCoreApplication.translate("MailboxEditor", u"Test completed o&n", None))
        self.incomingEnabledLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Enabled for incoming email", None))
        self.outgoingEnabledLabel.setText(QCoreApplication.translate("MailboxEditor", u"Enabled for outgoin&g email", None))
        self.actEnabledLabel.setText(QCoreApplication.translate("MailboxEditor", u"Ena&bled for appointments, contacts and tasks", None))
        self.lastSyncSuccessOnLabel.setText(QCoreApplication.translate("MailboxEditor", u"&Last successful sync", None))
        self.lastSyncErrorLabel.setText(QCoreApplication.translate("MailboxEditor", u"Last sync e&rror", None))
        self.nextSyncOnLabel.setText(QCoreApplication.translate("MailboxEditor", u"Ne&xt scheduled sync", None))
        self.transientFailureCountLabel.setText(QCoreApplication.translate("MailboxEditor", u"Transient &failures", None))
        self.runsGroup.setTitle(QCoreApplication.translate("MailboxEditor", u"Test && Enable r&uns", None))
#if QT_CONFIG(accessibility)
        self.runsTable.setAccessibleName(QCoreApplication.translate("MailboxEditor", u"Test && Enable runs", None))
#endif // QT_CONFIG(accessibility)
        self.viewReportButton.setText(QCoreApplication.translate("MailboxEditor", u"O&pen report", None))
        self.tabs.setTabText(self.tabs.indexOf(self.resultsTab), QCoreApplication.translate("MailboxEditor", u"Configuration test results", None))
        self.tabs.setTabText(self.tabs.indexOf(self.alertsTab), QCoreApplication.translate("MailboxEditor", u"Alerts", None))
#if QT_CONFIG(accessibility)
        self.historyTable.setAccessibleName(QCoreApplication.translate("MailboxEditor", u"Sync history", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("MailboxEditor", u"Sync history", None))
        self.conflictsIntro.setText(QCoreApplication.translate("MailboxEditor", u"A record changed in the store and in Exchange since the last synchronization: the owner's conflict policy decided which version was kept.", None))
#if QT_CONFIG(accessibility)
        self.conflictsTable.setAccessibleName(QCoreApplication.translate("MailboxEditor", u"Conflicts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conflictDetails.setAccessibleName(QCoreApplication.translate("MailboxEditor", u"Both versions of the selected conflict", None))
#endif // QT_CONFIG(accessibility)
        self.conflictDetails.setPlaceholderText(QCoreApplication.translate("MailboxEditor", u"Select a conflict to see both versions.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.conflictsTab), QCoreApplication.translate("MailboxEditor", u"Conflicts", None))
        self.approveButton.setText(QCoreApplication.translate("MailboxEditor", u"&Approve email", None))
        self.testButton.setText(QCoreApplication.translate("MailboxEditor", u"&Test && Enable mailbox", None))
        self.syncButton.setText(QCoreApplication.translate("MailboxEditor", u"S&ync now", None))
        self.downloadButton.setText(QCoreApplication.translate("MailboxEditor", u"Save mailbox &details\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("MailboxEditor", u"&Save", None))
        self.closeButton.setText(QCoreApplication.translate("MailboxEditor", u"&Close", None))
    # retranslateUi


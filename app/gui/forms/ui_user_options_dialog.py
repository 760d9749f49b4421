# Generated from ui/user_options_dialog.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_options_dialog.ui'
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
    QGroupBox, QHBoxLayout, QLabel, QPushButton,
    QRadioButton, QSizePolicy, QSpacerItem, QTabWidget,
    QVBoxLayout, QWidget)

class Ui_UserOptionsDialog(object):
    def setupUi(self, UserOptionsDialog):
        if not UserOptionsDialog.objectName():
            UserOptionsDialog.setObjectName(u"UserOptionsDialog")
        self.dialogLayout = QVBoxLayout(UserOptionsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.tabs = QTabWidget(UserOptionsDialog)
        self.tabs.setObjectName(u"tabs")
        self.emailTab = QWidget()
        self.emailTab.setObjectName(u"emailTab")
        self.emailLayout = QVBoxLayout(self.emailTab)
        self.emailLayout.setObjectName(u"emailLayout")
        self.trackingGroup = QGroupBox(self.emailTab)
        self.trackingGroup.setObjectName(u"trackingGroup")
        self.trackingLayout = QVBoxLayout(self.trackingGroup)
        self.trackingLayout.setObjectName(u"trackingLayout")
        self.trackingNote = QLabel(self.trackingGroup)
        self.trackingNote.setObjectName(u"trackingNote")
        self.trackingNote.setWordWrap(True)

        self.trackingLayout.addWidget(self.trackingNote)

        self.trackAll = QRadioButton(self.trackingGroup)
        self.trackAll.setObjectName(u"trackAll")

        self.trackingLayout.addWidget(self.trackAll)

        self.trackResponses = QRadioButton(self.trackingGroup)
        self.trackResponses.setObjectName(u"trackResponses")

        self.trackingLayout.addWidget(self.trackResponses)

        self.trackKnownSenders = QRadioButton(self.trackingGroup)
        self.trackKnownSenders.setObjectName(u"trackKnownSenders")

        self.trackingLayout.addWidget(self.trackKnownSenders)

        self.trackEmailEnabled = QRadioButton(self.trackingGroup)
        self.trackEmailEnabled.setObjectName(u"trackEmailEnabled")

        self.trackingLayout.addWidget(self.trackEmailEnabled)

        self.trackingHelp = QLabel(self.trackingGroup)
        self.trackingHelp.setObjectName(u"trackingHelp")
        self.trackingHelp.setWordWrap(True)
        self.trackingHelp.setStyleSheet(u"color: palette(placeholder-text);")

        self.trackingLayout.addWidget(self.trackingHelp)


        self.emailLayout.addWidget(self.trackingGroup)

        self.emailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emailLayout.addItem(self.emailSpacer)

        self.tabs.addTab(self.emailTab, "")
        self.syncTab = QWidget()
        self.syncTab.setObjectName(u"syncTab")
        self.syncLayout = QVBoxLayout(self.syncTab)
        self.syncLayout.setObjectName(u"syncLayout")
        self.conflictGroup = QGroupBox(self.syncTab)
        self.conflictGroup.setObjectName(u"conflictGroup")
        self.conflictLayout = QVBoxLayout(self.conflictGroup)
        self.conflictLayout.setObjectName(u"conflictLayout")
        self.conflictNote = QLabel(self.conflictGroup)
        self.conflictNote.setObjectName(u"conflictNote")
        self.conflictNote.setWordWrap(True)

        self.conflictLayout.addWidget(self.conflictNote)

        self.conflictForm = QFormLayout()
        self.conflictForm.setObjectName(u"conflictForm")
        self.conflictForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.appointmentConflictPolicyLabel = QLabel(self.conflictGroup)
        self.appointmentConflictPolicyLabel.setObjectName(u"appointmentConflictPolicyLabel")

        self.conflictForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.appointmentConflictPolicyLabel)

        self.appointmentConflictPolicy = QComboBox(self.conflictGroup)
        self.appointmentConflictPolicy.setObjectName(u"appointmentConflictPolicy")

        self.conflictForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.appointmentConflictPolicy)

        self.contactConflictPolicyLabel = QLabel(self.conflictGroup)
        self.contactConflictPolicyLabel.setObjectName(u"contactConflictPolicyLabel")

        self.conflictForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.contactConflictPolicyLabel)

        self.contactConflictPolicy = QComboBox(self.conflictGroup)
        self.contactConflictPolicy.setObjectName(u"contactConflictPolicy")

        self.conflictForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.contactConflictPolicy)

        self.taskConflictPolicyLabel = QLabel(self.conflictGroup)
        self.taskConflictPolicyLabel.setObjectName(u"taskConflictPolicyLabel")

        self.conflictForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.taskConflictPolicyLabel)

        self.taskConflictPolicy = QComboBox(self.conflictGroup)
        self.taskConflictPolicy.setObjectName(u"taskConflictPolicy")

        self.conflictForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.taskConflictPolicy)


        self.conflictLayout.addLayout(self.conflictForm)


        self.syncLayout.addWidget(self.conflictGroup)

        self.filtersGroup = QGroupBox(self.syncTab)
        self.filtersGroup.setObjectName(u"filtersGroup")
        self.filtersGroupLayout = QVBoxLayout(self.filtersGroup)
        self.filtersGroupLayout.setObjectName(u"filtersGroupLayout")
        self.filtersNote = QLabel(self.filtersGroup)
        self.filtersNote.setObjectName(u"filtersNote")
        self.filtersNote.setWordWrap(True)

        self.filtersGroupLayout.addWidget(self.filtersNote)

        self.filtersButtonRow = QHBoxLayout()
        self.filtersButtonRow.setObjectName(u"filtersButtonRow")
        self.filtersButton = QPushButton(self.filtersGroup)
        self.filtersButton.setObjectName(u"filtersButton")

        self.filtersButtonRow.addWidget(self.filtersButton)

        self.filtersButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filtersButtonRow.addItem(self.filtersButtonSpacer)


        self.filtersGroupLayout.addLayout(self.filtersButtonRow)


        self.syncLayout.addWidget(self.filtersGroup)

        self.syncSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.syncLayout.addItem(self.syncSpacer)

        self.tabs.addTab(self.syncTab, "")
        self.filtersTab = QWidget()
        self.filtersTab.setObjectName(u"filtersTab")
        self.filtersTabLayout = QVBoxLayout(self.filtersTab)
        self.filtersTabLayout.setObjectName(u"filtersTabLayout")
        self.filtersTabLayout.setContentsMargins(0, -1, 0, 0)
        self.tabs.addTab(self.filtersTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.problemsSummary = QLabel(UserOptionsDialog)
        self.problemsSummary.setObjectName(u"problemsSummary")
        self.problemsSummary.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.problemsSummary.sizePolicy().hasHeightForWidth())
        self.problemsSummary.setSizePolicy(sizePolicy)
        self.problemsSummary.setStyleSheet(u"color: #b3261e;")

        self.buttonRow.addWidget(self.problemsSummary)

        self.saveButton = QPushButton(UserOptionsDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.closeButton = QPushButton(UserOptionsDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.appointmentConflictPolicyLabel.setBuddy(self.appointmentConflictPolicy)
        self.contactConflictPolicyLabel.setBuddy(self.contactConflictPolicy)
        self.taskConflictPolicyLabel.setBuddy(self.taskConflictPolicy)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(UserOptionsDialog)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, UserOptionsDialog):
        UserOptionsDialog.setWindowTitle(QCoreApplication.translate("UserOptionsDialog", u"Personal options", None))
        self.trackingGroup.setTitle(QCoreApplication.translate("UserOptionsDialog", u"Track", None))
        self.trackingNote.setText(QCoreApplication.translate("UserOptionsDialog", u"Select the incoming email messages of this user's mailboxes that are tracked (stored).", None))
        self.trackingHelp.setText(QCoreApplication.translate("UserOptionsDialog", u"A response carries the tracking token in its subject (for example CRM:0001234), answers a tracked message or continues its conversation. Known senders are contacts, accounts and leads; records that are email enabled are any record with that email address.", None))
        self.tabs.setTabText(self.tabs.indexOf(self.emailTab), QCoreApplication.translate("UserOptionsDialog", u"Email", None))
        self.conflictGroup.setTitle(QCoreApplication.translate("UserOptionsDialog", u"Conflicts", None))
        self.conflictNote.setText(QCoreApplication.translate("UserOptionsDialog", u"When a record changed both in the store and in Exchange since the last synchronization, this decides which change is kept. Every conflict is logged.", None))
        self.appointmentConflictPolicyLabel.setText(QCoreApplication.translate("UserOptionsDialog", u"&Appointments", None))
        self.contactConflictPolicyLabel.setText(QCoreApplication.translate("UserOptionsDialog", u"C&ontacts", None))
        self.taskConflictPolicyLabel.setText(QCoreApplication.translate("UserOptionsDialog", u"&Tasks", None))
        self.filtersGroup.setTitle(QCoreApplication.translate("UserOptionsDialog", u"Synchronization filters", None))
        self.filtersNote.setText(QCoreApplication.translate("UserOptionsDialog", u"Appointments, contacts and tasks are synchronized with this user's mailbox when one of the user's active filters keeps them. By default, the user's own active records.", None))
        self.filtersButton.setText(QCoreApplication.translate("UserOptionsDialog", u"&Filters\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.syncTab), QCoreApplication.translate("UserOptionsDialog", u"Synchronization", None))
        self.tabs.setTabText(self.tabs.indexOf(self.filtersTab), QCoreApplication.translate("UserOptionsDialog", u"Synchronization filters", None))
        self.saveButton.setText(QCoreApplication.translate("UserOptionsDialog", u"&Save", None))
        self.closeButton.setText(QCoreApplication.translate("UserOptionsDialog", u"&Close", None))
    # retranslateUi


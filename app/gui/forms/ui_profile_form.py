# Generated from ui/profile_form.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profile_form.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QHeaderView,
    QPushButton, QSizePolicy, QSpacerItem, QTabWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_ProfileForm(object):
    def setupUi(self, ProfileForm):
        if not ProfileForm.objectName():
            ProfileForm.setObjectName(u"ProfileForm")
        self.formLayout = QVBoxLayout(ProfileForm)
        self.formLayout.setObjectName(u"formLayout")
        self.tabs = QTabWidget(ProfileForm)
        self.tabs.setObjectName(u"tabs")
        self.mailboxesTab = QWidget()
        self.mailboxesTab.setObjectName(u"mailboxesTab")
        self.mailboxesTabLayout = QVBoxLayout(self.mailboxesTab)
        self.mailboxesTabLayout.setObjectName(u"mailboxesTabLayout")
        self.mailboxesTable = QTableView(self.mailboxesTab)
        self.mailboxesTable.setObjectName(u"mailboxesTable")

        self.mailboxesTabLayout.addWidget(self.mailboxesTable)

        self.tabs.addTab(self.mailboxesTab, "")
        self.alertsTab = QWidget()
        self.alertsTab.setObjectName(u"alertsTab")
        self.alertsTabLayout = QVBoxLayout(self.alertsTab)
        self.alertsTabLayout.setObjectName(u"alertsTabLayout")
        self.tabs.addTab(self.alertsTab, "")

        self.formLayout.addWidget(self.tabs)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.testButton = QPushButton(ProfileForm)
        self.testButton.setObjectName(u"testButton")

        self.buttonRow.addWidget(self.testButton)

        self.exportButton = QPushButton(ProfileForm)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonRow.addWidget(self.exportButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(ProfileForm)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.closeButton = QPushButton(ProfileForm)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.formLayout.addLayout(self.buttonRow)


        self.retranslateUi(ProfileForm)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ProfileForm):
        ProfileForm.setWindowTitle(QCoreApplication.translate("ProfileForm", u"Email server profile", None))
#if QT_CONFIG(accessibility)
        self.mailboxesTable.setAccessibleName(QCoreApplication.translate("ProfileForm", u"Mailboxes of this profile", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.mailboxesTab), QCoreApplication.translate("ProfileForm", u"Mailboxes", None))
        self.tabs.setTabText(self.tabs.indexOf(self.alertsTab), QCoreApplication.translate("ProfileForm", u"Alerts", None))
        self.testButton.setText(QCoreApplication.translate("ProfileForm", u"&Test && Enable mailboxes", None))
        self.exportButton.setText(QCoreApplication.translate("ProfileForm", u"E&xport\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("ProfileForm", u"&Save", None))
        self.closeButton.setText(QCoreApplication.translate("ProfileForm", u"&Close", None))
    # retranslateUi


# Generated from ui/records_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'records_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QSizePolicy,
    QSpacerItem, QTabWidget, QVBoxLayout, QWidget)

class Ui_RecordsPage(object):
    def setupUi(self, RecordsPage):
        if not RecordsPage.objectName():
            RecordsPage.setObjectName(u"RecordsPage")
        self.recordsLayout = QVBoxLayout(RecordsPage)
        self.recordsLayout.setObjectName(u"recordsLayout")
        self.recordsHeader = QHBoxLayout()
        self.recordsHeader.setObjectName(u"recordsHeader")
        self.recordsTitle = QLabel(RecordsPage)
        self.recordsTitle.setObjectName(u"recordsTitle")

        self.recordsHeader.addWidget(self.recordsTitle)

        self.recordsHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recordsHeader.addItem(self.recordsHeaderSpacer)


        self.recordsLayout.addLayout(self.recordsHeader)

        self.tabs = QTabWidget(RecordsPage)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.emailTab = QWidget()
        self.emailTab.setObjectName(u"emailTab")
        self.emailTabLayout = QVBoxLayout(self.emailTab)
        self.emailTabLayout.setObjectName(u"emailTabLayout")
        self.emailTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.emailTab, "")
        self.appointmentsTab = QWidget()
        self.appointmentsTab.setObjectName(u"appointmentsTab")
        self.appointmentsTabLayout = QVBoxLayout(self.appointmentsTab)
        self.appointmentsTabLayout.setObjectName(u"appointmentsTabLayout")
        self.appointmentsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.appointmentsTab, "")
        self.contactsTab = QWidget()
        self.contactsTab.setObjectName(u"contactsTab")
        self.contactsTabLayout = QVBoxLayout(self.contactsTab)
        self.contactsTabLayout.setObjectName(u"contactsTabLayout")
        self.contactsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.contactsTab, "")
        self.tasksTab = QWidget()
        self.tasksTab.setObjectName(u"tasksTab")
        self.tasksTabLayout = QVBoxLayout(self.tasksTab)
        self.tasksTabLayout.setObjectName(u"tasksTabLayout")
        self.tasksTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.tasksTab, "")
        self.failedTab = QWidget()
        self.failedTab.setObjectName(u"failedTab")
        self.failedTabLayout = QVBoxLayout(self.failedTab)
        self.failedTabLayout.setObjectName(u"failedTabLayout")
        self.failedTabLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.failedTab, "")

        self.recordsLayout.addWidget(self.tabs)


        self.retranslateUi(RecordsPage)
    # setupUi

    def retranslateUi(self, RecordsPage):
        self.recordsTitle.setText(QCoreApplication.translate("RecordsPage", u"Records", None))
        self.tabs.setTabText(self.tabs.indexOf(self.emailTab), QCoreApplication.translate("RecordsPage", u"Email", None))
        self.tabs.setTabText(self.tabs.indexOf(self.appointmentsTab), QCoreApplication.translate("RecordsPage", u"Appointments", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contactsTab), QCoreApplication.translate("RecordsPage", u"Contacts", None))
        self.tabs.setTabText(self.tabs.indexOf(self.tasksTab), QCoreApplication.translate("RecordsPage", u"Tasks", None))
        self.tabs.setTabText(self.tabs.indexOf(self.failedTab), QCoreApplication.translate("RecordsPage", u"Undeliverable or failed email", None))
        pass
    # retranslateUi


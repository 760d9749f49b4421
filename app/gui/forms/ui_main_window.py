# Generated from ui/main_window.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QMainWindow, QMenu,
    QMenuBar, QPushButton, QSizePolicy, QStackedWidget,
    QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1100, 700)
        self.actionNewProfile = QAction(MainWindow)
        self.actionNewProfile.setObjectName(u"actionNewProfile")
        self.actionNewMailbox = QAction(MainWindow)
        self.actionNewMailbox.setObjectName(u"actionNewMailbox")
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(u"F5")
#endif // QT_CONFIG(shortcut)
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(u"Ctrl+F")
#endif // QT_CONFIG(shortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QHBoxLayout(self.central)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget(self.central)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        QListWidgetItem(self.navigation)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setMinimumSize(QSize(180, 0))
        self.navigation.setMaximumSize(QSize(260, 16777215))
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setIconSize(QSize(24, 24))
        self.navigation.setSpacing(2)

        self.centralLayout.addWidget(self.navigation)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setSpacing(0)
        self.rightColumn.setObjectName(u"rightColumn")
        self.banner = QFrame(self.central)
        self.banner.setObjectName(u"banner")
        self.banner.setVisible(False)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.bannerLayout = QHBoxLayout(self.banner)
        self.bannerLayout.setObjectName(u"bannerLayout")
        self.bannerText = QLabel(self.banner)
        self.bannerText.setObjectName(u"bannerText")
        self.bannerText.setWordWrap(True)
        self.bannerText.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.bannerLayout.addWidget(self.bannerText)

        self.bannerClose = QPushButton(self.banner)
        self.bannerClose.setObjectName(u"bannerClose")

        self.bannerLayout.addWidget(self.bannerClose)


        self.rightColumn.addWidget(self.banner)

        self.pages = QStackedWidget(self.central)
        self.pages.setObjectName(u"pages")
        self.dashboardPage = QWidget()
        self.dashboardPage.setObjectName(u"dashboardPage")
        self.dashboardLayout = QVBoxLayout(self.dashboardPage)
        self.dashboardLayout.setObjectName(u"dashboardLayout")
        self.pages.addWidget(self.dashboardPage)
        self.profilesPage = QWidget()
        self.profilesPage.setObjectName(u"profilesPage")
        self.profilesLayout = QVBoxLayout(self.profilesPage)
        self.profilesLayout.setObjectName(u"profilesLayout")
        self.pages.addWidget(self.profilesPage)
        self.mailboxesPage = QWidget()
        self.mailboxesPage.setObjectName(u"mailboxesPage")
        self.mailboxesLayout = QVBoxLayout(self.mailboxesPage)
        self.mailboxesLayout.setObjectName(u"mailboxesLayout")
        self.pages.addWidget(self.mailboxesPage)
        self.usersPage = QWidget()
        self.usersPage.setObjectName(u"usersPage")
        self.usersLayout = QVBoxLayout(self.usersPage)
        self.usersLayout.setObjectName(u"usersLayout")
        self.pages.addWidget(self.usersPage)
        self.alertsPage = QWidget()
        self.alertsPage.setObjectName(u"alertsPage")
        self.alertsLayout = QVBoxLayout(self.alertsPage)
        self.alertsLayout.setObjectName(u"alertsLayout")
        self.alertsTitle = QLabel(self.alertsPage)
        self.alertsTitle.setObjectName(u"alertsTitle")

        self.alertsLayout.addWidget(self.alertsTitle)

        self.pages.addWidget(self.alertsPage)
        self.settingsPage = QWidget()
        self.settingsPage.setObjectName(u"settingsPage")
        self.settingsLayout = QVBoxLayout(self.settingsPage)
        self.settingsLayout.setObjectName(u"settingsLayout")
        self.pages.addWidget(self.settingsPage)
        self.logsPage = QWidget()
        self.logsPage.setObjectName(u"logsPage")
        self.logsLayout = QVBoxLayout(self.logsPage)
        self.logsLayout.setObjectName(u"logsLayout")
        self.pages.addWidget(self.logsPage)
        self.recordsPage = QWidget()
        self.recordsPage.setObjectName(u"recordsPage")
        self.recordsLayout = QVBoxLayout(self.recordsPage)
        self.recordsLayout.setObjectName(u"recordsLayout")
        self.pages.addWidget(self.recordsPage)

        self.rightColumn.addWidget(self.pages)


        self.centralLayout.addLayout(self.rightColumn)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuNew = QMenu(self.menuFile)
        self.menuNew.setObjectName(u"menuNew")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menuFile.addAction(self.menuNew.menuAction())
        self.menuFile.addAction(self.actionRefresh)
        self.menuFile.addAction(self.actionFind)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuNew.addAction(self.actionNewProfile)
        self.menuNew.addAction(self.actionNewMailbox)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Server-Side Sync Manager", None))
        self.actionNewProfile.setText(QCoreApplication.translate("MainWindow", u"Exchange profile\u2026", None))
        self.actionNewMailbox.setText(QCoreApplication.translate("MainWindow", u"Mailbox\u2026", None))
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"&Find", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))

        __sortingEnabled = self.navigation.isSortingEnabled()
        self.navigation.setSortingEnabled(False)
        ___qlistwidgetitem = self.navigation.item(0)
        ___qlistwidgetitem.setText(QCoreApplication.translate("MainWindow", u"Dashboard", None))
        ___qlistwidgetitem1 = self.navigation.item(1)
        ___qlistwidgetitem1.setText(QCoreApplication.translate("MainWindow", u"Email server profiles", None))
        ___qlistwidgetitem2 = self.navigation.item(2)
        ___qlistwidgetitem2.setText(QCoreApplication.translate("MainWindow", u"Mailboxes", None))
        ___qlistwidgetitem3 = self.navigation.item(3)
        ___qlistwidgetitem3.setText(QCoreApplication.translate("MainWindow", u"Users & queues", None))
        ___qlistwidgetitem4 = self.navigation.item(4)
        ___qlistwidgetitem4.setText(QCoreApplication.translate("MainWindow", u"Alerts", None))
        ___qlistwidgetitem5 = self.navigation.item(5)
        ___qlistwidgetitem5.setText(QCoreApplication.translate("MainWindow", u"Settings", None))
        ___qlistwidgetitem6 = self.navigation.item(6)
        ___qlistwidgetitem6.setText(QCoreApplication.translate("MainWindow", u"Logs", None))
        ___qlistwidgetitem7 = self.navigation.item(7)
        ___qlistwidgetitem7.setText(QCoreApplication.translate("MainWindow", u"Records", None))
        self.navigation.setSortingEnabled(__sortingEnabled)

#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(QCoreApplication.translate("MainWindow", u"Navigation", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.banner.setAccessibleName(QCoreApplication.translate("MainWindow", u"Notification banner", None))
#endif // QT_CONFIG(accessibility)
        self.bannerClose.setText(QCoreApplication.translate("MainWindow", u"Dismi&ss", None))
        self.alertsTitle.setText(QCoreApplication.translate("MainWindow", u"Alerts", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuNew.setTitle(QCoreApplication.translate("MainWindow", u"&New", None))
    # retranslateUi


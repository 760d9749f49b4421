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
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QMainWindow, QSizePolicy,
    QStackedWidget, QStatusBar, QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1100, 700)
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
        self.navigation.setObjectName(u"navigation")
        self.navigation.setMinimumSize(QSize(180, 0))
        self.navigation.setMaximumSize(QSize(260, 16777215))
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setIconSize(QSize(24, 24))
        self.navigation.setSpacing(2)

        self.centralLayout.addWidget(self.navigation)

        self.pages = QStackedWidget(self.central)
        self.pages.setObjectName(u"pages")
        self.profilesPage = QWidget()
        self.profilesPage.setObjectName(u"profilesPage")
        self.profilesLayout = QVBoxLayout(self.profilesPage)
        self.profilesLayout.setObjectName(u"profilesLayout")
        self.profilesTitle = QLabel(self.profilesPage)
        self.profilesTitle.setObjectName(u"profilesTitle")

        self.profilesLayout.addWidget(self.profilesTitle)

        self.profilesEmpty = QLabel(self.profilesPage)
        self.profilesEmpty.setObjectName(u"profilesEmpty")
        self.profilesEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.profilesLayout.addWidget(self.profilesEmpty)

        self.pages.addWidget(self.profilesPage)
        self.mailboxesPage = QWidget()
        self.mailboxesPage.setObjectName(u"mailboxesPage")
        self.mailboxesLayout = QVBoxLayout(self.mailboxesPage)
        self.mailboxesLayout.setObjectName(u"mailboxesLayout")
        self.mailboxesTitle = QLabel(self.mailboxesPage)
        self.mailboxesTitle.setObjectName(u"mailboxesTitle")

        self.mailboxesLayout.addWidget(self.mailboxesTitle)

        self.mailboxesEmpty = QLabel(self.mailboxesPage)
        self.mailboxesEmpty.setObjectName(u"mailboxesEmpty")
        self.mailboxesEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.mailboxesLayout.addWidget(self.mailboxesEmpty)

        self.pages.addWidget(self.mailboxesPage)
        self.alertsPage = QWidget()
        self.alertsPage.setObjectName(u"alertsPage")
        self.alertsLayout = QVBoxLayout(self.alertsPage)
        self.alertsLayout.setObjectName(u"alertsLayout")
        self.alertsTitle = QLabel(self.alertsPage)
        self.alertsTitle.setObjectName(u"alertsTitle")

        self.alertsLayout.addWidget(self.alertsTitle)

        self.alertsEmpty = QLabel(self.alertsPage)
        self.alertsEmpty.setObjectName(u"alertsEmpty")
        self.alertsEmpty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.alertsLayout.addWidget(self.alertsEmpty)

        self.pages.addWidget(self.alertsPage)

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.central)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Server-Side Sync Manager", None))

        __sortingEnabled = self.navigation.isSortingEnabled()
        self.navigation.setSortingEnabled(False)
        ___qlistwidgetitem = self.navigation.item(0)
        ___qlistwidgetitem.setText(QCoreApplication.translate("MainWindow", u"Email server profiles", None))
        ___qlistwidgetitem1 = self.navigation.item(1)
        ___qlistwidgetitem1.setText(QCoreApplication.translate("MainWindow", u"Mailboxes", None))
        ___qlistwidgetitem2 = self.navigation.item(2)
        ___qlistwidgetitem2.setText(QCoreApplication.translate("MainWindow", u"Alerts", None))
        self.navigation.setSortingEnabled(__sortingEnabled)

#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(QCoreApplication.translate("MainWindow", u"Navigation", None))
#endif // QT_CONFIG(accessibility)
        self.profilesTitle.setText(QCoreApplication.translate("MainWindow", u"Email server profiles", None))
        self.profilesEmpty.setText(QCoreApplication.translate("MainWindow", u"No email server profile yet.", None))
        self.mailboxesTitle.setText(QCoreApplication.translate("MainWindow", u"Mailboxes", None))
        self.mailboxesEmpty.setText(QCoreApplication.translate("MainWindow", u"No mailbox yet.", None))
        self.alertsTitle.setText(QCoreApplication.translate("MainWindow", u"Alerts", None))
        self.alertsEmpty.setText(QCoreApplication.translate("MainWindow", u"No alerts.", None))
    # retranslateUi


# Generated from ui/dashboard_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dashboard_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QHBoxLayout, QLabel, QScrollArea, QSizePolicy,
    QSpacerItem, QTabWidget, QVBoxLayout, QWidget)

class Ui_DashboardPage(object):
    def setupUi(self, DashboardPage):
        if not DashboardPage.objectName():
            DashboardPage.setObjectName(u"DashboardPage")
        self.dashboardLayout = QVBoxLayout(DashboardPage)
        self.dashboardLayout.setObjectName(u"dashboardLayout")
        self.dashboardHeader = QHBoxLayout()
        self.dashboardHeader.setObjectName(u"dashboardHeader")
        self.dashboardTitle = QLabel(DashboardPage)
        self.dashboardTitle.setObjectName(u"dashboardTitle")

        self.dashboardHeader.addWidget(self.dashboardTitle)

        self.dashboardHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dashboardHeader.addItem(self.dashboardHeaderSpacer)

        self.updatedLabel = QLabel(DashboardPage)
        self.updatedLabel.setObjectName(u"updatedLabel")

        self.dashboardHeader.addWidget(self.updatedLabel)

        self.rangeLabel = QLabel(DashboardPage)
        self.rangeLabel.setObjectName(u"rangeLabel")

        self.dashboardHeader.addWidget(self.rangeLabel)

        self.rangeCombo = QComboBox(DashboardPage)
        self.rangeCombo.setObjectName(u"rangeCombo")

        self.dashboardHeader.addWidget(self.rangeCombo)


        self.dashboardLayout.addLayout(self.dashboardHeader)

        self.tabs = QTabWidget(DashboardPage)
        self.tabs.setObjectName(u"tabs")
        self.overviewTab = QWidget()
        self.overviewTab.setObjectName(u"overviewTab")
        self.overviewLayout = QVBoxLayout(self.overviewTab)
        self.overviewLayout.setObjectName(u"overviewLayout")
        self.tiles = QWidget(self.overviewTab)
        self.tiles.setObjectName(u"tiles")
        self.tilesLayout = QHBoxLayout(self.tiles)
        self.tilesLayout.setObjectName(u"tilesLayout")
        self.tilesLayout.setContentsMargins(0, 0, 0, 0)

        self.overviewLayout.addWidget(self.tiles)

        self.chartsScroll = QScrollArea(self.overviewTab)
        self.chartsScroll.setObjectName(u"chartsScroll")
        self.chartsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.chartsScroll.setWidgetResizable(True)
        self.chartsContents = QWidget()
        self.chartsContents.setObjectName(u"chartsContents")
        self.chartsGrid = QGridLayout(self.chartsContents)
        self.chartsGrid.setObjectName(u"chartsGrid")
        self.chartsGrid.setContentsMargins(0, 0, 0, 0)
        self.chartsScroll.setWidget(self.chartsContents)

        self.overviewLayout.addWidget(self.chartsScroll)

        self.tabs.addTab(self.overviewTab, "")
        self.itemsTab = QWidget()
        self.itemsTab.setObjectName(u"itemsTab")
        self.itemsLayout = QVBoxLayout(self.itemsTab)
        self.itemsLayout.setObjectName(u"itemsLayout")
        self.itemsLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.itemsTab, "")

        self.dashboardLayout.addWidget(self.tabs)

#if QT_CONFIG(shortcut)
        self.rangeLabel.setBuddy(self.rangeCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DashboardPage)
    # setupUi

    def retranslateUi(self, DashboardPage):
        self.dashboardTitle.setText(QCoreApplication.translate("DashboardPage", u"Dashboard", None))
#if QT_CONFIG(accessibility)
        self.updatedLabel.setAccessibleName(QCoreApplication.translate("DashboardPage", u"Last updated", None))
#endif // QT_CONFIG(accessibility)
        self.rangeLabel.setText(QCoreApplication.translate("DashboardPage", u"&Period:", None))
#if QT_CONFIG(accessibility)
        self.tiles.setAccessibleName(QCoreApplication.translate("DashboardPage", u"Mailboxes by state", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.overviewTab), QCoreApplication.translate("DashboardPage", u"Synchronization", None))
        self.tabs.setTabText(self.tabs.indexOf(self.itemsTab), QCoreApplication.translate("DashboardPage", u"Item monitoring", None))
        pass
    # retranslateUi


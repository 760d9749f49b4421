# Generated from ui/item_monitoring_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'item_monitoring_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ItemMonitoringPage(object):
    def setupUi(self, ItemMonitoringPage):
        if not ItemMonitoringPage.objectName():
            ItemMonitoringPage.setObjectName(u"ItemMonitoringPage")
        self.itemMonitoringLayout = QVBoxLayout(ItemMonitoringPage)
        self.itemMonitoringLayout.setObjectName(u"itemMonitoringLayout")
        self.itemMonitoringHeader = QHBoxLayout()
        self.itemMonitoringHeader.setObjectName(u"itemMonitoringHeader")
        self.explanation = QLabel(ItemMonitoringPage)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.explanation.sizePolicy().hasHeightForWidth())
        self.explanation.setSizePolicy(sizePolicy)

        self.itemMonitoringHeader.addWidget(self.explanation)

        self.search = QLineEdit(ItemMonitoringPage)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(200, 0))
        self.search.setClearButtonEnabled(True)

        self.itemMonitoringHeader.addWidget(self.search)


        self.itemMonitoringLayout.addLayout(self.itemMonitoringHeader)

        self.itemButtons = QHBoxLayout()
        self.itemButtons.setObjectName(u"itemButtons")
        self.retryButton = QPushButton(ItemMonitoringPage)
        self.retryButton.setObjectName(u"retryButton")

        self.itemButtons.addWidget(self.retryButton)

        self.ignoreButton = QPushButton(ItemMonitoringPage)
        self.ignoreButton.setObjectName(u"ignoreButton")

        self.itemButtons.addWidget(self.ignoreButton)

        self.showIgnored = QCheckBox(ItemMonitoringPage)
        self.showIgnored.setObjectName(u"showIgnored")

        self.itemButtons.addWidget(self.showIgnored)

        self.itemButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.itemButtons.addItem(self.itemButtonsSpacer)

        self.countLabel = QLabel(ItemMonitoringPage)
        self.countLabel.setObjectName(u"countLabel")

        self.itemButtons.addWidget(self.countLabel)


        self.itemMonitoringLayout.addLayout(self.itemButtons)

        self.table = QTableView(ItemMonitoringPage)
        self.table.setObjectName(u"table")

        self.itemMonitoringLayout.addWidget(self.table)

        self.details = QLabel(ItemMonitoringPage)
        self.details.setObjectName(u"details")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.itemMonitoringLayout.addWidget(self.details)


        self.retranslateUi(ItemMonitoringPage)
    # setupUi

    def retranslateUi(self, ItemMonitoringPage):
        self.explanation.setText(QCoreApplication.translate("ItemMonitoringPage", u"Every email, appointment, contact or task that did not synchronize, and why. The engine tries appointments, contacts and tasks again in each cycle; Retry tries the selected items now, Ignore stops trying them.", None))
        self.search.setPlaceholderText(QCoreApplication.translate("ItemMonitoringPage", u"Search items", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("ItemMonitoringPage", u"Search items", None))
#endif // QT_CONFIG(accessibility)
        self.retryButton.setText(QCoreApplication.translate("ItemMonitoringPage", u"&Retry", None))
#if QT_CONFIG(tooltip)
        self.retryButton.setToolTip(QCoreApplication.translate("ItemMonitoringPage", u"Try the selected items again in their mailbox's next cycle, started now", None))
#endif // QT_CONFIG(tooltip)
        self.ignoreButton.setText(QCoreApplication.translate("ItemMonitoringPage", u"&Ignore", None))
#if QT_CONFIG(tooltip)
        self.ignoreButton.setToolTip(QCoreApplication.translate("ItemMonitoringPage", u"Hide the selected items; the engine stops trying them until they are retried", None))
#endif // QT_CONFIG(tooltip)
        self.showIgnored.setText(QCoreApplication.translate("ItemMonitoringPage", u"&Show ignored items", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("ItemMonitoringPage", u"Items that did not synchronize", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.details.setAccessibleName(QCoreApplication.translate("ItemMonitoringPage", u"Selected item", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi


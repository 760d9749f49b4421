# Generated from ui/alerts_pane.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alerts_pane.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QHeaderView,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_AlertsPane(object):
    def setupUi(self, AlertsPane):
        if not AlertsPane.objectName():
            AlertsPane.setObjectName(u"AlertsPane")
        self.paneLayout = QVBoxLayout(AlertsPane)
        self.paneLayout.setObjectName(u"paneLayout")
        self.paneLayout.setContentsMargins(0, -1, 0, -1)
        self.toolbar = QHBoxLayout()
        self.toolbar.setObjectName(u"toolbar")
        self.search = QLineEdit(AlertsPane)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.toolbar.addWidget(self.search)

        self.stateFilter = QComboBox(AlertsPane)
        self.stateFilter.setObjectName(u"stateFilter")

        self.toolbar.addWidget(self.stateFilter)

        self.levelFilter = QComboBox(AlertsPane)
        self.levelFilter.setObjectName(u"levelFilter")

        self.toolbar.addWidget(self.levelFilter)

        self.toolbarSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.toolbarSpacer)

        self.exportButton = QPushButton(AlertsPane)
        self.exportButton.setObjectName(u"exportButton")

        self.toolbar.addWidget(self.exportButton)


        self.paneLayout.addLayout(self.toolbar)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.openMailboxButton = QPushButton(AlertsPane)
        self.openMailboxButton.setObjectName(u"openMailboxButton")

        self.actionRow.addWidget(self.openMailboxButton)

        self.testAgainButton = QPushButton(AlertsPane)
        self.testAgainButton.setObjectName(u"testAgainButton")

        self.actionRow.addWidget(self.testAgainButton)

        self.markReadButton = QPushButton(AlertsPane)
        self.markReadButton.setObjectName(u"markReadButton")

        self.actionRow.addWidget(self.markReadButton)

        self.deleteButton = QPushButton(AlertsPane)
        self.deleteButton.setObjectName(u"deleteButton")

        self.actionRow.addWidget(self.deleteButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionSpacer)


        self.paneLayout.addLayout(self.actionRow)

        self.splitter = QSplitter(AlertsPane)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.splitter.addWidget(self.table)
        self.detailsView = QPlainTextEdit(self.splitter)
        self.detailsView.setObjectName(u"detailsView")
        self.detailsView.setReadOnly(True)
        self.splitter.addWidget(self.detailsView)

        self.paneLayout.addWidget(self.splitter)


        self.retranslateUi(AlertsPane)
    # setupUi

    def retranslateUi(self, AlertsPane):
        self.search.setPlaceholderText(QCoreApplication.translate("AlertsPane", u"Search alerts", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("AlertsPane", u"Search alerts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.stateFilter.setAccessibleName(QCoreApplication.translate("AlertsPane", u"State", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.levelFilter.setAccessibleName(QCoreApplication.translate("AlertsPane", u"Level", None))
#endif // QT_CONFIG(accessibility)
        self.exportButton.setText(QCoreApplication.translate("AlertsPane", u"Export CS&V\u2026", None))
        self.openMailboxButton.setText(QCoreApplication.translate("AlertsPane", u"Open &mailbox", None))
#if QT_CONFIG(tooltip)
        self.openMailboxButton.setToolTip(QCoreApplication.translate("AlertsPane", u"Open the mailbox of the selected alert on the tab it concerns", None))
#endif // QT_CONFIG(tooltip)
        self.testAgainButton.setText(QCoreApplication.translate("AlertsPane", u"Test a&gain", None))
#if QT_CONFIG(tooltip)
        self.testAgainButton.setToolTip(QCoreApplication.translate("AlertsPane", u"Run Test & Enable again on the mailbox of the selected alert", None))
#endif // QT_CONFIG(tooltip)
        self.markReadButton.setText(QCoreApplication.translate("AlertsPane", u"Mark as &read", None))
        self.deleteButton.setText(QCoreApplication.translate("AlertsPane", u"De&lete", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("AlertsPane", u"Alerts", None))
#endif // QT_CONFIG(accessibility)
        self.detailsView.setPlaceholderText(QCoreApplication.translate("AlertsPane", u"Select an alert to see its details.", None))
#if QT_CONFIG(accessibility)
        self.detailsView.setAccessibleName(QCoreApplication.translate("AlertsPane", u"Alert details", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi


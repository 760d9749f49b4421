# Generated from ui/hosts_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'hosts_page.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_HostsPage(object):
    def setupUi(self, HostsPage):
        if not HostsPage.objectName():
            HostsPage.setObjectName(u"HostsPage")
        self.pageLayout = QVBoxLayout(HostsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.header = QHBoxLayout()
        self.header.setObjectName(u"header")
        self.title = QLabel(HostsPage)
        self.title.setObjectName(u"title")

        self.header.addWidget(self.title)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header.addItem(self.headerSpacer)

        self.updated = QLabel(HostsPage)
        self.updated.setObjectName(u"updated")

        self.header.addWidget(self.updated)

        self.refreshButton = QPushButton(HostsPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.header.addWidget(self.refreshButton)


        self.pageLayout.addLayout(self.header)

        self.intro = QLabel(HostsPage)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.pageLayout.addWidget(self.intro)

        self.empty = QLabel(HostsPage)
        self.empty.setObjectName(u"empty")
        self.empty.setWordWrap(True)
        self.empty.setVisible(False)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.pageLayout.addWidget(self.empty)

        self.table = QTableView(HostsPage)
        self.table.setObjectName(u"table")

        self.pageLayout.addWidget(self.table)


        self.retranslateUi(HostsPage)
    # setupUi

    def retranslateUi(self, HostsPage):
        self.title.setText(QCoreApplication.translate("HostsPage", u"Engine hosts", None))
        self.refreshButton.setText(QCoreApplication.translate("HostsPage", u"&Refresh", None))
        self.intro.setText(QCoreApplication.translate("HostsPage", u"The engine hosts that synchronize the mailboxes of this shared database. A host that stops sending its heartbeat for longer than the lease time is lost: its leases expire, and the other hosts take its work over.", None))
        self.empty.setText(QCoreApplication.translate("HostsPage", u"No engine host has registered on this database yet. Start one on a server with: python -m app --database URL run --host-name NAME", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("HostsPage", u"Engine hosts", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi


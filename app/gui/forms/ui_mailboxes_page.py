# Generated from ui/mailboxes_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'mailboxes_page.ui'
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
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_MailboxesPage(object):
    def setupUi(self, MailboxesPage):
        if not MailboxesPage.objectName():
            MailboxesPage.setObjectName(u"MailboxesPage")
        self.pageLayout = QVBoxLayout(MailboxesPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.header = QHBoxLayout()
        self.header.setObjectName(u"header")
        self.title = QLabel(MailboxesPage)
        self.title.setObjectName(u"title")

        self.header.addWidget(self.title)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header.addItem(self.headerSpacer)

        self.statusFilterLabel = QLabel(MailboxesPage)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.header.addWidget(self.statusFilterLabel)

        self.statusFilter = QComboBox(MailboxesPage)
        self.statusFilter.setObjectName(u"statusFilter")

        self.header.addWidget(self.statusFilter)

        self.search = QLineEdit(MailboxesPage)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(200, 0))
        self.search.setClearButtonEnabled(True)

        self.header.addWidget(self.search)

        self.newButton = QPushButton(MailboxesPage)
        self.newButton.setObjectName(u"newButton")

        self.header.addWidget(self.newButton)

        self.openButton = QPushButton(MailboxesPage)
        self.openButton.setObjectName(u"openButton")

        self.header.addWidget(self.openButton)

        self.retestButton = QPushButton(MailboxesPage)
        self.retestButton.setObjectName(u"retestButton")

        self.header.addWidget(self.retestButton)


        self.pageLayout.addLayout(self.header)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(0)
        self.actionsLayout.setObjectName(u"actionsLayout")

        self.pageLayout.addLayout(self.actionsLayout)

        self.table = QTableView(MailboxesPage)
        self.table.setObjectName(u"table")

        self.pageLayout.addWidget(self.table)

#if QT_CONFIG(shortcut)
        self.statusFilterLabel.setBuddy(self.statusFilter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MailboxesPage)
    # setupUi

    def retranslateUi(self, MailboxesPage):
        self.title.setText(QCoreApplication.translate("MailboxesPage", u"Mailboxes", None))
        self.statusFilterLabel.setText(QCoreApplication.translate("MailboxesPage", u"Sho&w:", None))
#if QT_CONFIG(accessibility)
        self.statusFilter.setAccessibleName(QCoreApplication.translate("MailboxesPage", u"Show", None))
#endif // QT_CONFIG(accessibility)
        self.search.setPlaceholderText(QCoreApplication.translate("MailboxesPage", u"Search mailboxes", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("MailboxesPage", u"Search mailboxes", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("MailboxesPage", u"&New mailbox", None))
        self.openButton.setText(QCoreApplication.translate("MailboxesPage", u"&Open", None))
        self.retestButton.setText(QCoreApplication.translate("MailboxesPage", u"&Re-test failed mailboxes", None))
#if QT_CONFIG(tooltip)
        self.retestButton.setToolTip(QCoreApplication.translate("MailboxesPage", u"Test & Enable again every mailbox whose last test failed.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("MailboxesPage", u"Mailboxes", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi


# Generated from ui/users_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users_page.ui'
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

class Ui_UsersPage(object):
    def setupUi(self, UsersPage):
        if not UsersPage.objectName():
            UsersPage.setObjectName(u"UsersPage")
        self.usersLayout = QVBoxLayout(UsersPage)
        self.usersLayout.setObjectName(u"usersLayout")
        self.usersHeader = QHBoxLayout()
        self.usersHeader.setObjectName(u"usersHeader")
        self.usersTitle = QLabel(UsersPage)
        self.usersTitle.setObjectName(u"usersTitle")

        self.usersHeader.addWidget(self.usersTitle)

        self.usersHeaderSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.usersHeader.addItem(self.usersHeaderSpacer)

        self.kindFilter = QComboBox(UsersPage)
        self.kindFilter.setObjectName(u"kindFilter")

        self.usersHeader.addWidget(self.kindFilter)

        self.search = QLineEdit(UsersPage)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(200, 0))
        self.search.setClearButtonEnabled(True)

        self.usersHeader.addWidget(self.search)


        self.usersLayout.addLayout(self.usersHeader)

        self.addButtons = QHBoxLayout()
        self.addButtons.setObjectName(u"addButtons")
        self.newUserButton = QPushButton(UsersPage)
        self.newUserButton.setObjectName(u"newUserButton")

        self.addButtons.addWidget(self.newUserButton)

        self.newQueueButton = QPushButton(UsersPage)
        self.newQueueButton.setObjectName(u"newQueueButton")

        self.addButtons.addWidget(self.newQueueButton)

        self.addressBookButton = QPushButton(UsersPage)
        self.addressBookButton.setObjectName(u"addressBookButton")

        self.addButtons.addWidget(self.addressBookButton)

        self.importButton = QPushButton(UsersPage)
        self.importButton.setObjectName(u"importButton")

        self.addButtons.addWidget(self.importButton)

        self.addButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.addButtons.addItem(self.addButtonsSpacer)


        self.usersLayout.addLayout(self.addButtons)

        self.profileNote = QLabel(UsersPage)
        self.profileNote.setObjectName(u"profileNote")
        self.profileNote.setWordWrap(True)

        self.usersLayout.addWidget(self.profileNote)

        self.table = QTableView(UsersPage)
        self.table.setObjectName(u"table")

        self.usersLayout.addWidget(self.table)

        self.rowButtons = QHBoxLayout()
        self.rowButtons.setObjectName(u"rowButtons")
        self.editButton = QPushButton(UsersPage)
        self.editButton.setObjectName(u"editButton")

        self.rowButtons.addWidget(self.editButton)

        self.activeButton = QPushButton(UsersPage)
        self.activeButton.setObjectName(u"activeButton")

        self.rowButtons.addWidget(self.activeButton)

        self.openMailboxButton = QPushButton(UsersPage)
        self.openMailboxButton.setObjectName(u"openMailboxButton")

        self.rowButtons.addWidget(self.openMailboxButton)

        self.optionsButton = QPushButton(UsersPage)
        self.optionsButton.setObjectName(u"optionsButton")

        self.rowButtons.addWidget(self.optionsButton)

        self.rowButtonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rowButtons.addItem(self.rowButtonsSpacer)

        self.countLabel = QLabel(UsersPage)
        self.countLabel.setObjectName(u"countLabel")

        self.rowButtons.addWidget(self.countLabel)


        self.usersLayout.addLayout(self.rowButtons)


        self.retranslateUi(UsersPage)
    # setupUi

    def retranslateUi(self, UsersPage):
        self.usersTitle.setText(QCoreApplication.translate("UsersPage", u"Users & queues", None))
#if QT_CONFIG(accessibility)
        self.kindFilter.setAccessibleName(QCoreApplication.translate("UsersPage", u"Show", None))
#endif // QT_CONFIG(accessibility)
        self.search.setPlaceholderText(QCoreApplication.translate("UsersPage", u"Search users and queues", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("UsersPage", u"Search users and queues", None))
#endif // QT_CONFIG(accessibility)
        self.newUserButton.setText(QCoreApplication.translate("UsersPage", u"New &user\u2026", None))
        self.newQueueButton.setText(QCoreApplication.translate("UsersPage", u"New &queue\u2026", None))
        self.addressBookButton.setText(QCoreApplication.translate("UsersPage", u"Add from &address book\u2026", None))
        self.importButton.setText(QCoreApplication.translate("UsersPage", u"Import &CSV\u2026", None))
#if QT_CONFIG(accessibility)
        self.profileNote.setAccessibleName(QCoreApplication.translate("UsersPage", u"Profile of new mailboxes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("UsersPage", u"Users and queues", None))
#endif // QT_CONFIG(accessibility)
        self.editButton.setText(QCoreApplication.translate("UsersPage", u"&Edit\u2026", None))
        self.activeButton.setText(QCoreApplication.translate("UsersPage", u"Deac&tivate", None))
        self.openMailboxButton.setText(QCoreApplication.translate("UsersPage", u"Open &mailbox", None))
        self.optionsButton.setText(QCoreApplication.translate("UsersPage", u"Personal &options\u2026", None))
        pass
    # retranslateUi


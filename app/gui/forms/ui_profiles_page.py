# Generated from ui/profiles_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'profiles_page.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QStackedWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_ProfilesPage(object):
    def setupUi(self, ProfilesPage):
        if not ProfilesPage.objectName():
            ProfilesPage.setObjectName(u"ProfilesPage")
        self.pageLayout = QVBoxLayout(ProfilesPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.header = QHBoxLayout()
        self.header.setObjectName(u"header")
        self.title = QLabel(ProfilesPage)
        self.title.setObjectName(u"title")

        self.header.addWidget(self.title)

        self.headerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header.addItem(self.headerSpacer)

        self.search = QLineEdit(ProfilesPage)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(200, 0))
        self.search.setClearButtonEnabled(True)

        self.header.addWidget(self.search)

        self.newButton = QPushButton(ProfilesPage)
        self.newButton.setObjectName(u"newButton")

        self.header.addWidget(self.newButton)

        self.importButton = QPushButton(ProfilesPage)
        self.importButton.setObjectName(u"importButton")

        self.header.addWidget(self.importButton)

        self.openButton = QPushButton(ProfilesPage)
        self.openButton.setObjectName(u"openButton")

        self.header.addWidget(self.openButton)

        self.makeDefaultButton = QPushButton(ProfilesPage)
        self.makeDefaultButton.setObjectName(u"makeDefaultButton")

        self.header.addWidget(self.makeDefaultButton)

        self.deleteButton = QPushButton(ProfilesPage)
        self.deleteButton.setObjectName(u"deleteButton")

        self.header.addWidget(self.deleteButton)


        self.pageLayout.addLayout(self.header)

        self.nextSteps = QFrame(ProfilesPage)
        self.nextSteps.setObjectName(u"nextSteps")
        self.nextSteps.setVisible(False)
        self.nextSteps.setFrameShape(QFrame.Shape.StyledPanel)
        self.nextStepsLayout = QHBoxLayout(self.nextSteps)
        self.nextStepsLayout.setObjectName(u"nextStepsLayout")
        self.nextStepsText = QLabel(self.nextSteps)
        self.nextStepsText.setObjectName(u"nextStepsText")
        self.nextStepsText.setWordWrap(True)

        self.nextStepsLayout.addWidget(self.nextStepsText)

        self.addMailboxesButton = QPushButton(self.nextSteps)
        self.addMailboxesButton.setObjectName(u"addMailboxesButton")

        self.nextStepsLayout.addWidget(self.addMailboxesButton)

        self.testProfileButton = QPushButton(self.nextSteps)
        self.testProfileButton.setObjectName(u"testProfileButton")

        self.nextStepsLayout.addWidget(self.testProfileButton)

        self.nextStepsClose = QPushButton(self.nextSteps)
        self.nextStepsClose.setObjectName(u"nextStepsClose")

        self.nextStepsLayout.addWidget(self.nextStepsClose)


        self.pageLayout.addWidget(self.nextSteps)

        self.stack = QStackedWidget(ProfilesPage)
        self.stack.setObjectName(u"stack")
        self.listState = QWidget()
        self.listState.setObjectName(u"listState")
        self.listLayout = QVBoxLayout(self.listState)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(self.listState)
        self.table.setObjectName(u"table")

        self.listLayout.addWidget(self.table)

        self.stack.addWidget(self.listState)
        self.emptyState = QWidget()
        self.emptyState.setObjectName(u"emptyState")
        self.emptyLayout = QVBoxLayout(self.emptyState)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTop = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTop)

        self.emptyTitle = QLabel(self.emptyState)
        self.emptyTitle.setObjectName(u"emptyTitle")
        self.emptyTitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.emptyLayout.addWidget(self.emptyTitle)

        self.emptyTextRow = QHBoxLayout()
        self.emptyTextRow.setObjectName(u"emptyTextRow")
        self.emptyTextLeft = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyTextRow.addItem(self.emptyTextLeft)

        self.emptyText = QLabel(self.emptyState)
        self.emptyText.setObjectName(u"emptyText")
        self.emptyText.setWordWrap(True)
        self.emptyText.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyText.setMaximumSize(QSize(560, 16777215))

        self.emptyTextRow.addWidget(self.emptyText)

        self.emptyTextRight = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyTextRow.addItem(self.emptyTextRight)

        self.emptyTextRow.setStretch(0, 1)
        self.emptyTextRow.setStretch(1, 4)
        self.emptyTextRow.setStretch(2, 1)

        self.emptyLayout.addLayout(self.emptyTextRow)

        self.emptyButtons = QHBoxLayout()
        self.emptyButtons.setObjectName(u"emptyButtons")
        self.emptyLeft = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtons.addItem(self.emptyLeft)

        self.createButton = QPushButton(self.emptyState)
        self.createButton.setObjectName(u"createButton")

        self.emptyButtons.addWidget(self.createButton)

        self.importEmptyButton = QPushButton(self.emptyState)
        self.importEmptyButton.setObjectName(u"importEmptyButton")

        self.emptyButtons.addWidget(self.importEmptyButton)

        self.emptyRight = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtons.addItem(self.emptyRight)


        self.emptyLayout.addLayout(self.emptyButtons)

        self.emptyBottom = QSpacerItem(10, 40, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottom)

        self.stack.addWidget(self.emptyState)

        self.pageLayout.addWidget(self.stack)


        self.retranslateUi(ProfilesPage)

        self.createButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ProfilesPage):
        self.title.setText(QCoreApplication.translate("ProfilesPage", u"Email server profiles", None))
        self.search.setPlaceholderText(QCoreApplication.translate("ProfilesPage", u"Search profiles", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("ProfilesPage", u"Search profiles", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("ProfilesPage", u"&New Exchange profile", None))
        self.importButton.setText(QCoreApplication.translate("ProfilesPage", u"&Import\u2026", None))
        self.openButton.setText(QCoreApplication.translate("ProfilesPage", u"&Open", None))
        self.makeDefaultButton.setText(QCoreApplication.translate("ProfilesPage", u"&Make default", None))
#if QT_CONFIG(tooltip)
        self.makeDefaultButton.setToolTip(QCoreApplication.translate("ProfilesPage", u"New mailboxes get the default email server profile.", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("ProfilesPage", u"De&lete\u2026", None))
#if QT_CONFIG(accessibility)
        self.nextSteps.setAccessibleName(QCoreApplication.translate("ProfilesPage", u"Next steps", None))
#endif // QT_CONFIG(accessibility)
        self.addMailboxesButton.setText(QCoreApplication.translate("ProfilesPage", u"Add mailboxes to this profile", None))
        self.testProfileButton.setText(QCoreApplication.translate("ProfilesPage", u"Test && Enable mailboxes", None))
        self.nextStepsClose.setText(QCoreApplication.translate("ProfilesPage", u"Dismi&ss", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("ProfilesPage", u"Email server profiles", None))
#endif // QT_CONFIG(accessibility)
        self.emptyTitle.setText(QCoreApplication.translate("ProfilesPage", u"No email server profile yet", None))
        self.emptyText.setText(QCoreApplication.translate("ProfilesPage", u"An email server profile says where your Exchange server is and how to connect to it. Every mailbox is synchronized through one. Next step: create an email server profile; then add mailboxes to it and test and enable them.", None))
        self.createButton.setText(QCoreApplication.translate("ProfilesPage", u"&Create an email server profile", None))
        self.importEmptyButton.setText(QCoreApplication.translate("ProfilesPage", u"Import a &profile\u2026", None))
        pass
    # retranslateUi


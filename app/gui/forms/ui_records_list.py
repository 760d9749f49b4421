# Generated from ui/records_list.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'records_list.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_RecordsList(object):
    def setupUi(self, RecordsList):
        if not RecordsList.objectName():
            RecordsList.setObjectName(u"RecordsList")
        self.listLayout = QVBoxLayout(RecordsList)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(6, 6, 6, 6)
        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.search = QLineEdit(RecordsList)
        self.search.setObjectName(u"search")
        self.search.setMinimumSize(QSize(220, 0))
        self.search.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.search)

        self.mailboxFilter = QComboBox(RecordsList)
        self.mailboxFilter.setObjectName(u"mailboxFilter")
        self.mailboxFilter.setMinimumContentsLength(18)
        self.mailboxFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.searchRow.addWidget(self.mailboxFilter)

        self.ownerFilter = QComboBox(RecordsList)
        self.ownerFilter.setObjectName(u"ownerFilter")
        self.ownerFilter.setMinimumContentsLength(18)
        self.ownerFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

        self.searchRow.addWidget(self.ownerFilter)

        self.directionFilter = QComboBox(RecordsList)
        self.directionFilter.setObjectName(u"directionFilter")
        self.directionFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.searchRow.addWidget(self.directionFilter)

        self.statusFilter = QComboBox(RecordsList)
        self.statusFilter.setObjectName(u"statusFilter")
        self.statusFilter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.searchRow.addWidget(self.statusFilter)


        self.listLayout.addLayout(self.searchRow)

        self.dateRow = QHBoxLayout()
        self.dateRow.setObjectName(u"dateRow")
        self.sinceLabel = QLabel(RecordsList)
        self.sinceLabel.setObjectName(u"sinceLabel")

        self.dateRow.addWidget(self.sinceLabel)

        self.since = QDateEdit(RecordsList)
        self.since.setObjectName(u"since")
        self.since.setCalendarPopup(True)

        self.dateRow.addWidget(self.since)

        self.untilLabel = QLabel(RecordsList)
        self.untilLabel.setObjectName(u"untilLabel")

        self.dateRow.addWidget(self.untilLabel)

        self.until = QDateEdit(RecordsList)
        self.until.setObjectName(u"until")
        self.until.setCalendarPopup(True)

        self.dateRow.addWidget(self.until)

        self.clearFiltersButton = QPushButton(RecordsList)
        self.clearFiltersButton.setObjectName(u"clearFiltersButton")

        self.dateRow.addWidget(self.clearFiltersButton)

        self.dateRowSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dateRow.addItem(self.dateRowSpacer)

        self.countLabel = QLabel(RecordsList)
        self.countLabel.setObjectName(u"countLabel")

        self.dateRow.addWidget(self.countLabel)


        self.listLayout.addLayout(self.dateRow)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.newButton = QPushButton(RecordsList)
        self.newButton.setObjectName(u"newButton")

        self.actionRow.addWidget(self.newButton)

        self.openButton = QPushButton(RecordsList)
        self.openButton.setObjectName(u"openButton")

        self.actionRow.addWidget(self.openButton)

        self.conflictButton = QPushButton(RecordsList)
        self.conflictButton.setObjectName(u"conflictButton")

        self.actionRow.addWidget(self.conflictButton)

        self.deleteButton = QPushButton(RecordsList)
        self.deleteButton.setObjectName(u"deleteButton")

        self.actionRow.addWidget(self.deleteButton)

        self.actionRowSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionRowSpacer)


        self.listLayout.addLayout(self.actionRow)

        self.splitter = QSplitter(RecordsList)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.splitter.addWidget(self.table)
        self.detailHost = QWidget(self.splitter)
        self.detailHost.setObjectName(u"detailHost")
        self.detailLayout = QVBoxLayout(self.detailHost)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter.addWidget(self.detailHost)

        self.listLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.sinceLabel.setBuddy(self.since)
        self.untilLabel.setBuddy(self.until)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(RecordsList)
    # setupUi

    def retranslateUi(self, RecordsList):
        self.search.setPlaceholderText(QCoreApplication.translate("RecordsList", u"Search", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("RecordsList", u"Search", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.mailboxFilter.setAccessibleName(QCoreApplication.translate("RecordsList", u"Mailbox", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.ownerFilter.setAccessibleName(QCoreApplication.translate("RecordsList", u"Owner", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.directionFilter.setAccessibleName(QCoreApplication.translate("RecordsList", u"Direction", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusFilter.setAccessibleName(QCoreApplication.translate("RecordsList", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.sinceLabel.setText(QCoreApplication.translate("RecordsList", u"&From", None))
#if QT_CONFIG(accessibility)
        self.since.setAccessibleName(QCoreApplication.translate("RecordsList", u"From date", None))
#endif // QT_CONFIG(accessibility)
        self.untilLabel.setText(QCoreApplication.translate("RecordsList", u"&To", None))
#if QT_CONFIG(accessibility)
        self.until.setAccessibleName(QCoreApplication.translate("RecordsList", u"To date", None))
#endif // QT_CONFIG(accessibility)
        self.clearFiltersButton.setText(QCoreApplication.translate("RecordsList", u"C&lear filters", None))
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleName(QCoreApplication.translate("RecordsList", u"Rows shown", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("RecordsList", u"&New\u2026", None))
        self.openButton.setText(QCoreApplication.translate("RecordsList", u"&Open", None))
        self.conflictButton.setText(QCoreApplication.translate("RecordsList", u"S&how conflict", None))
        self.deleteButton.setText(QCoreApplication.translate("RecordsList", u"&Delete", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("RecordsList", u"Records", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi


# Generated from ui/logs_page.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'logs_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_LogsPage(object):
    def setupUi(self, LogsPage):
        if not LogsPage.objectName():
            LogsPage.setObjectName(u"LogsPage")
        self.logsLayout = QVBoxLayout(LogsPage)
        self.logsLayout.setObjectName(u"logsLayout")
        self.toolbar = QHBoxLayout()
        self.toolbar.setObjectName(u"toolbar")
        self.levelLabel = QLabel(LogsPage)
        self.levelLabel.setObjectName(u"levelLabel")

        self.toolbar.addWidget(self.levelLabel)

        self.levelFilter = QComboBox(LogsPage)
        self.levelFilter.setObjectName(u"levelFilter")

        self.toolbar.addWidget(self.levelFilter)

        self.search = QLineEdit(LogsPage)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.toolbar.addWidget(self.search)

        self.follow = QCheckBox(LogsPage)
        self.follow.setObjectName(u"follow")
        self.follow.setChecked(True)

        self.toolbar.addWidget(self.follow)

        self.openFolderButton = QPushButton(LogsPage)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.toolbar.addWidget(self.openFolderButton)


        self.logsLayout.addLayout(self.toolbar)

        self.splitter = QSplitter(LogsPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView(self.splitter)
        self.table.setObjectName(u"table")
        self.splitter.addWidget(self.table)
        self.details = QPlainTextEdit(self.splitter)
        self.details.setObjectName(u"details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.splitter.addWidget(self.details)

        self.logsLayout.addWidget(self.splitter)

        self.fileLabel = QLabel(LogsPage)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.logsLayout.addWidget(self.fileLabel)

#if QT_CONFIG(shortcut)
        self.levelLabel.setBuddy(self.levelFilter)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(LogsPage)
    # setupUi

    def retranslateUi(self, LogsPage):
        self.levelLabel.setText(QCoreApplication.translate("LogsPage", u"&Level", None))
#if QT_CONFIG(accessibility)
        self.levelFilter.setAccessibleName(QCoreApplication.translate("LogsPage", u"Level", None))
#endif // QT_CONFIG(accessibility)
        self.search.setPlaceholderText(QCoreApplication.translate("LogsPage", u"Search the log", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("LogsPage", u"Search the log", None))
#endif // QT_CONFIG(accessibility)
        self.follow.setText(QCoreApplication.translate("LogsPage", u"Follow &new lines", None))
        self.openFolderButton.setText(QCoreApplication.translate("LogsPage", u"&Open the log folder", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("LogsPage", u"Log", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.details.setAccessibleName(QCoreApplication.translate("LogsPage", u"The selected line in full", None))
#endif // QT_CONFIG(accessibility)
        self.details.setPlaceholderText(QCoreApplication.translate("LogsPage", u"Select a line to see all of it (a traceback, a crash report).", None))
        pass
    # retranslateUi


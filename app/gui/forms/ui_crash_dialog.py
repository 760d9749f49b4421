# Generated from ui/crash_dialog.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'crash_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_CrashDialog(object):
    def setupUi(self, CrashDialog):
        if not CrashDialog.objectName():
            CrashDialog.setObjectName(u"CrashDialog")
        self.crashLayout = QVBoxLayout(CrashDialog)
        self.crashLayout.setObjectName(u"crashLayout")
        self.headingRow = QHBoxLayout()
        self.headingRow.setObjectName(u"headingRow")
        self.icon = QLabel(CrashDialog)
        self.icon.setObjectName(u"icon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.headingRow.addWidget(self.icon)

        self.textColumn = QVBoxLayout()
        self.textColumn.setObjectName(u"textColumn")
        self.heading = QLabel(CrashDialog)
        self.heading.setObjectName(u"heading")
        font = QFont()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)

        self.textColumn.addWidget(self.heading)

        self.explanation = QLabel(CrashDialog)
        self.explanation.setObjectName(u"explanation")
        self.explanation.setWordWrap(True)

        self.textColumn.addWidget(self.explanation)

        self.logFile = QLabel(CrashDialog)
        self.logFile.setObjectName(u"logFile")
        self.logFile.setWordWrap(True)
        self.logFile.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.textColumn.addWidget(self.logFile)


        self.headingRow.addLayout(self.textColumn)

        self.headingRow.setStretch(1, 1)

        self.crashLayout.addLayout(self.headingRow)

        self.report = QPlainTextEdit(CrashDialog)
        self.report.setObjectName(u"report")
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

        self.crashLayout.addWidget(self.report)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.copyButton = QPushButton(CrashDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonRow.addWidget(self.copyButton)

        self.openFolderButton = QPushButton(CrashDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonRow.addWidget(self.openFolderButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.quitButton = QPushButton(CrashDialog)
        self.quitButton.setObjectName(u"quitButton")

        self.buttonRow.addWidget(self.quitButton)

        self.closeButton = QPushButton(CrashDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.crashLayout.addLayout(self.buttonRow)


        self.retranslateUi(CrashDialog)

        self.closeButton.setDefault(True)

    # setupUi

    def retranslateUi(self, CrashDialog):
        CrashDialog.setWindowTitle(QCoreApplication.translate("CrashDialog", u"Unexpected error", None))
        self.heading.setText(QCoreApplication.translate("CrashDialog", u"Server-Side Sync Manager met an unexpected error.", None))
        self.explanation.setText(QCoreApplication.translate("CrashDialog", u"What you were doing may not have finished. The app can go on; if it misbehaves, quit and start it again. The report below has no passwords: copy it for whoever supports you, with the log file.", None))
#if QT_CONFIG(accessibility)
        self.report.setAccessibleName(QCoreApplication.translate("CrashDialog", u"Error report", None))
#endif // QT_CONFIG(accessibility)
        self.copyButton.setText(QCoreApplication.translate("CrashDialog", u"&Copy report", None))
        self.openFolderButton.setText(QCoreApplication.translate("CrashDialog", u"&Open the log folder", None))
        self.quitButton.setText(QCoreApplication.translate("CrashDialog", u"&Quit", None))
        self.closeButton.setText(QCoreApplication.translate("CrashDialog", u"C&lose", None))
    # retranslateUi


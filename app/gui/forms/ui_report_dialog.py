# Generated from ui/report_dialog.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        self.reportLayout = QVBoxLayout(ReportDialog)
        self.reportLayout.setObjectName(u"reportLayout")
        self.summary = QLabel(ReportDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.reportLayout.addWidget(self.summary)

        self.steps = QTreeWidget(ReportDialog)
        self.steps.setObjectName(u"steps")
        self.steps.setWordWrap(True)
        self.steps.setUniformRowHeights(False)

        self.reportLayout.addWidget(self.steps)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.copyButton = QPushButton(ReportDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.buttonRow.addWidget(self.copyButton)

        self.saveButton = QPushButton(ReportDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.expandButton = QPushButton(ReportDialog)
        self.expandButton.setObjectName(u"expandButton")

        self.buttonRow.addWidget(self.expandButton)

        self.closeButton = QPushButton(ReportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.reportLayout.addLayout(self.buttonRow)


        self.retranslateUi(ReportDialog)

        self.closeButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"Test report", None))
        ___qtreewidgetitem = self.steps.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ReportDialog", u"Result", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ReportDialog", u"Duration", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ReportDialog", u"Status", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ReportDialog", u"Step", None))
#if QT_CONFIG(accessibility)
        self.steps.setAccessibleName(QCoreApplication.translate("ReportDialog", u"Test steps", None))
#endif // QT_CONFIG(accessibility)
        self.copyButton.setText(QCoreApplication.translate("ReportDialog", u"Copy to clipboard", None))
        self.saveButton.setText(QCoreApplication.translate("ReportDialog", u"Save as text\u2026", None))
        self.expandButton.setText(QCoreApplication.translate("ReportDialog", u"Expand all", None))
        self.closeButton.setText(QCoreApplication.translate("ReportDialog", u"Close", None))
    # retranslateUi


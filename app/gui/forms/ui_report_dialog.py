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
from PySide6.QtWidgets import (QApplication, QDialog, QFrame, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QToolButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget)

class Ui_ReportDialog(object):
    def setupUi(self, ReportDialog):
        if not ReportDialog.objectName():
            ReportDialog.setObjectName(u"ReportDialog")
        self.reportLayout = QVBoxLayout(ReportDialog)
        self.reportLayout.setObjectName(u"reportLayout")
        self.summaryFrame = QFrame(ReportDialog)
        self.summaryFrame.setObjectName(u"summaryFrame")
        self.summaryFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.summaryLayout = QGridLayout(self.summaryFrame)
        self.summaryLayout.setObjectName(u"summaryLayout")
        self.summaryLayout.setHorizontalSpacing(12)
        self.summaryLayout.setVerticalSpacing(8)
        self.resultLabel = QLabel(self.summaryFrame)
        self.resultLabel.setObjectName(u"resultLabel")
        self.resultLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.summaryLayout.addWidget(self.resultLabel, 0, 0, 1, 1)

        self.resultRow = QHBoxLayout()
        self.resultRow.setSpacing(6)
        self.resultRow.setObjectName(u"resultRow")
        self.resultIcon = QLabel(self.summaryFrame)
        self.resultIcon.setObjectName(u"resultIcon")
        self.resultIcon.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.resultRow.addWidget(self.resultIcon)

        self.result = QLabel(self.summaryFrame)
        self.result.setObjectName(u"result")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.result.sizePolicy().hasHeightForWidth())
        self.result.setSizePolicy(sizePolicy)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.resultRow.addWidget(self.result)


        self.summaryLayout.addLayout(self.resultRow, 0, 1, 1, 1)

        self.failedStepLabel = QLabel(self.summaryFrame)
        self.failedStepLabel.setObjectName(u"failedStepLabel")
        self.failedStepLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.summaryLayout.addWidget(self.failedStepLabel, 1, 0, 1, 1)

        self.failedStep = QLabel(self.summaryFrame)
        self.failedStep.setObjectName(u"failedStep")
        self.failedStep.setWordWrap(True)
        self.failedStep.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.failedStep, 1, 1, 1, 1)

        self.nextStepLabel = QLabel(self.summaryFrame)
        self.nextStepLabel.setObjectName(u"nextStepLabel")
        self.nextStepLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.summaryLayout.addWidget(self.nextStepLabel, 2, 0, 1, 1)

        self.nextStep = QLabel(self.summaryFrame)
        self.nextStep.setObjectName(u"nextStep")
        self.nextStep.setWordWrap(True)
        self.nextStep.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.nextStep, 2, 1, 1, 1)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.fixButton = QPushButton(self.summaryFrame)
        self.fixButton.setObjectName(u"fixButton")

        self.actionRow.addWidget(self.fixButton)

        self.testAgainButton = QPushButton(self.summaryFrame)
        self.testAgainButton.setObjectName(u"testAgainButton")

        self.actionRow.addWidget(self.testAgainButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionSpacer)


        self.summaryLayout.addLayout(self.actionRow, 3, 1, 1, 1)

        self.timesLabel = QLabel(self.summaryFrame)
        self.timesLabel.setObjectName(u"timesLabel")
        self.timesLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.summaryLayout.addWidget(self.timesLabel, 4, 0, 1, 1)

        self.times = QLabel(self.summaryFrame)
        self.times.setObjectName(u"times")
        self.times.setWordWrap(True)
        self.times.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.summaryLayout.addWidget(self.times, 4, 1, 1, 1)


        self.reportLayout.addWidget(self.summaryFrame)

        self.detailsToggle = QToolButton(ReportDialog)
        self.detailsToggle.setObjectName(u"detailsToggle")
        self.detailsToggle.setCheckable(True)
        self.detailsToggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.detailsToggle.setAutoRaise(True)
        self.detailsToggle.setArrowType(Qt.ArrowType.RightArrow)

        self.reportLayout.addWidget(self.detailsToggle)

        self.detailsPanel = QWidget(ReportDialog)
        self.detailsPanel.setObjectName(u"detailsPanel")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.detailsPanel.sizePolicy().hasHeightForWidth())
        self.detailsPanel.setSizePolicy(sizePolicy1)
        self.detailsLayout = QVBoxLayout(self.detailsPanel)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsLayout.setContentsMargins(0, 0, 0, 0)
        self.steps = QTreeWidget(self.detailsPanel)
        self.steps.setObjectName(u"steps")
        self.steps.setWordWrap(True)
        self.steps.setUniformRowHeights(False)

        self.detailsLayout.addWidget(self.steps)

        self.detailsButtonRow = QHBoxLayout()
        self.detailsButtonRow.setObjectName(u"detailsButtonRow")
        self.detailsButtonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.detailsButtonRow.addItem(self.detailsButtonSpacer)

        self.expandButton = QPushButton(self.detailsPanel)
        self.expandButton.setObjectName(u"expandButton")

        self.detailsButtonRow.addWidget(self.expandButton)


        self.detailsLayout.addLayout(self.detailsButtonRow)


        self.reportLayout.addWidget(self.detailsPanel)

        self.collapsedSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.reportLayout.addItem(self.collapsedSpacer)

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

        self.closeButton = QPushButton(ReportDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.reportLayout.addLayout(self.buttonRow)


        self.retranslateUi(ReportDialog)

        self.closeButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ReportDialog):
        ReportDialog.setWindowTitle(QCoreApplication.translate("ReportDialog", u"Test report", None))
#if QT_CONFIG(accessibility)
        self.summaryFrame.setAccessibleName(QCoreApplication.translate("ReportDialog", u"Summary", None))
#endif // QT_CONFIG(accessibility)
        self.resultLabel.setText(QCoreApplication.translate("ReportDialog", u"Result:", None))
#if QT_CONFIG(accessibility)
        self.result.setAccessibleName(QCoreApplication.translate("ReportDialog", u"Result", None))
#endif // QT_CONFIG(accessibility)
        self.failedStepLabel.setText(QCoreApplication.translate("ReportDialog", u"Failed step:", None))
#if QT_CONFIG(accessibility)
        self.failedStep.setAccessibleName(QCoreApplication.translate("ReportDialog", u"Failed step", None))
#endif // QT_CONFIG(accessibility)
        self.nextStepLabel.setText(QCoreApplication.translate("ReportDialog", u"Next step:", None))
#if QT_CONFIG(accessibility)
        self.nextStep.setAccessibleName(QCoreApplication.translate("ReportDialog", u"Next step", None))
#endif // QT_CONFIG(accessibility)
        self.fixButton.setText(QCoreApplication.translate("ReportDialog", u"Open the Credentials tab", None))
        self.testAgainButton.setText(QCoreApplication.translate("ReportDialog", u"&Test again", None))
        self.timesLabel.setText(QCoreApplication.translate("ReportDialog", u"Tested:", None))
#if QT_CONFIG(accessibility)
        self.times.setAccessibleName(QCoreApplication.translate("ReportDialog", u"Tested", None))
#endif // QT_CONFIG(accessibility)
        self.detailsToggle.setText(QCoreApplication.translate("ReportDialog", u"Technical details", None))
        ___qtreewidgetitem = self.steps.headerItem()
        ___qtreewidgetitem.setText(3, QCoreApplication.translate("ReportDialog", u"Result", None))
        ___qtreewidgetitem.setText(2, QCoreApplication.translate("ReportDialog", u"Duration", None))
        ___qtreewidgetitem.setText(1, QCoreApplication.translate("ReportDialog", u"Status", None))
        ___qtreewidgetitem.setText(0, QCoreApplication.translate("ReportDialog", u"Step", None))
#if QT_CONFIG(accessibility)
        self.steps.setAccessibleName(QCoreApplication.translate("ReportDialog", u"Test steps", None))
#endif // QT_CONFIG(accessibility)
        self.expandButton.setText(QCoreApplication.translate("ReportDialog", u"Expand all", None))
        self.copyButton.setText(QCoreApplication.translate("ReportDialog", u"Co&py to clipboard", None))
        self.saveButton.setText(QCoreApplication.translate("ReportDialog", u"&Save as text\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("ReportDialog", u"&Close", None))
    # retranslateUi


# Generated from ui/csv_import_dialog.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'csv_import_dialog.ui'
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
    QTableView, QVBoxLayout, QWidget)

class Ui_CsvImportDialog(object):
    def setupUi(self, CsvImportDialog):
        if not CsvImportDialog.objectName():
            CsvImportDialog.setObjectName(u"CsvImportDialog")
        self.dialogLayout = QVBoxLayout(CsvImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.columnsHelp = QLabel(CsvImportDialog)
        self.columnsHelp.setObjectName(u"columnsHelp")
        self.columnsHelp.setWordWrap(True)
        self.columnsHelp.setTextFormat(Qt.TextFormat.RichText)

        self.dialogLayout.addWidget(self.columnsHelp)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.chooseButton = QPushButton(CsvImportDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.fileRow.addWidget(self.chooseButton)

        self.fileName = QLabel(CsvImportDialog)
        self.fileName.setObjectName(u"fileName")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.fileName.sizePolicy().hasHeightForWidth())
        self.fileName.setSizePolicy(sizePolicy)

        self.fileRow.addWidget(self.fileName)


        self.dialogLayout.addLayout(self.fileRow)

        self.preview = QTableView(CsvImportDialog)
        self.preview.setObjectName(u"preview")

        self.dialogLayout.addWidget(self.preview)

        self.status = QLabel(CsvImportDialog)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)

        self.dialogLayout.addWidget(self.status)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.importButton = QPushButton(CsvImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttons.addWidget(self.importButton)

        self.cancelButton = QPushButton(CsvImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttons.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttons)


        self.retranslateUi(CsvImportDialog)
    # setupUi

    def retranslateUi(self, CsvImportDialog):
        CsvImportDialog.setWindowTitle(QCoreApplication.translate("CsvImportDialog", u"Import users and queues", None))
        self.chooseButton.setText(QCoreApplication.translate("CsvImportDialog", u"C&hoose file\u2026", None))
        self.fileName.setText(QCoreApplication.translate("CsvImportDialog", u"No file chosen", None))
#if QT_CONFIG(accessibility)
        self.preview.setAccessibleName(QCoreApplication.translate("CsvImportDialog", u"Lines of the file", None))
#endif // QT_CONFIG(accessibility)
        self.importButton.setText(QCoreApplication.translate("CsvImportDialog", u"&Import", None))
        self.cancelButton.setText(QCoreApplication.translate("CsvImportDialog", u"&Cancel", None))
    # retranslateUi


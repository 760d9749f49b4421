# Generated from ui/address_book_dialog.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'address_book_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_AddressBookDialog(object):
    def setupUi(self, AddressBookDialog):
        if not AddressBookDialog.objectName():
            AddressBookDialog.setObjectName(u"AddressBookDialog")
        self.dialogLayout = QVBoxLayout(AddressBookDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.searchForm = QFormLayout()
        self.searchForm.setObjectName(u"searchForm")
        self.searchForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.profileLabel = QLabel(AddressBookDialog)
        self.profileLabel.setObjectName(u"profileLabel")

        self.searchForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.profileLabel)

        self.profile = QComboBox(AddressBookDialog)
        self.profile.setObjectName(u"profile")

        self.searchForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.profile)

        self.queryLabel = QLabel(AddressBookDialog)
        self.queryLabel.setObjectName(u"queryLabel")

        self.searchForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.queryLabel)

        self.queryRow = QHBoxLayout()
        self.queryRow.setObjectName(u"queryRow")
        self.query = QLineEdit(AddressBookDialog)
        self.query.setObjectName(u"query")
        self.query.setClearButtonEnabled(True)

        self.queryRow.addWidget(self.query)

        self.searchButton = QPushButton(AddressBookDialog)
        self.searchButton.setObjectName(u"searchButton")

        self.queryRow.addWidget(self.searchButton)


        self.searchForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.queryRow)


        self.dialogLayout.addLayout(self.searchForm)

        self.results = QTableWidget(AddressBookDialog)
        self.results.setObjectName(u"results")

        self.dialogLayout.addWidget(self.results)

        self.status = QLabel(AddressBookDialog)
        self.status.setObjectName(u"status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.status)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.selectAllButton = QPushButton(AddressBookDialog)
        self.selectAllButton.setObjectName(u"selectAllButton")

        self.buttons.addWidget(self.selectAllButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.addButton = QPushButton(AddressBookDialog)
        self.addButton.setObjectName(u"addButton")

        self.buttons.addWidget(self.addButton)

        self.closeButton = QPushButton(AddressBookDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.profileLabel.setBuddy(self.profile)
        self.queryLabel.setBuddy(self.query)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AddressBookDialog)

        self.searchButton.setDefault(True)

    # setupUi

    def retranslateUi(self, AddressBookDialog):
        AddressBookDialog.setWindowTitle(QCoreApplication.translate("AddressBookDialog", u"Add users from the address book", None))
        self.profileLabel.setText(QCoreApplication.translate("AddressBookDialog", u"Email server &profile", None))
        self.queryLabel.setText(QCoreApplication.translate("AddressBookDialog", u"&Name or email address", None))
        self.query.setPlaceholderText(QCoreApplication.translate("AddressBookDialog", u"The beginning of a name or address", None))
        self.searchButton.setText(QCoreApplication.translate("AddressBookDialog", u"&Search", None))
#if QT_CONFIG(accessibility)
        self.results.setAccessibleName(QCoreApplication.translate("AddressBookDialog", u"People found", None))
#endif // QT_CONFIG(accessibility)
        self.selectAllButton.setText(QCoreApplication.translate("AddressBookDialog", u"Select &all", None))
        self.addButton.setText(QCoreApplication.translate("AddressBookDialog", u"A&dd", None))
        self.closeButton.setText(QCoreApplication.translate("AddressBookDialog", u"&Close", None))
    # retranslateUi


# Generated from ui/appointment_editor.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'appointment_editor.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateTimeEdit,
    QDialog, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AppointmentEditor(object):
    def setupUi(self, AppointmentEditor):
        if not AppointmentEditor.objectName():
            AppointmentEditor.setObjectName(u"AppointmentEditor")
        self.editorLayout = QVBoxLayout(AppointmentEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.ownerLabel = QLabel(AppointmentEditor)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.owner = QComboBox(AppointmentEditor)
        self.owner.setObjectName(u"owner")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.owner)

        self.ownerError = QLabel(AppointmentEditor)
        self.ownerError.setObjectName(u"ownerError")
        self.ownerError.setWordWrap(True)
        self.ownerError.setVisible(False)
        self.ownerError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ownerError)

        self.subjectLabel = QLabel(AppointmentEditor)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(AppointmentEditor)
        self.subject.setObjectName(u"subject")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subject)

        self.subjectError = QLabel(AppointmentEditor)
        self.subjectError.setObjectName(u"subjectError")
        self.subjectError.setWordWrap(True)
        self.subjectError.setVisible(False)
        self.subjectError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.subjectError)

        self.locationLabel = QLabel(AppointmentEditor)
        self.locationLabel.setObjectName(u"locationLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.locationLabel)

        self.location = QLineEdit(AppointmentEditor)
        self.location.setObjectName(u"location")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.location)

        self.locationError = QLabel(AppointmentEditor)
        self.locationError.setObjectName(u"locationError")
        self.locationError.setWordWrap(True)
        self.locationError.setVisible(False)
        self.locationError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.locationError)

        self.isAllDay = QCheckBox(AppointmentEditor)
        self.isAllDay.setObjectName(u"isAllDay")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.isAllDay)

        self.isAllDayError = QLabel(AppointmentEditor)
        self.isAllDayError.setObjectName(u"isAllDayError")
        self.isAllDayError.setWordWrap(True)
        self.isAllDayError.setVisible(False)
        self.isAllDayError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.isAllDayError)

        self.startLabel = QLabel(AppointmentEditor)
        self.startLabel.setObjectName(u"startLabel")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.start = QDateTimeEdit(AppointmentEditor)
        self.start.setObjectName(u"start")
        self.start.setCalendarPopup(True)

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.start)

        self.startError = QLabel(AppointmentEditor)
        self.startError.setObjectName(u"startError")
        self.startError.setWordWrap(True)
        self.startError.setVisible(False)
        self.startError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.startError)

        self.endLabel = QLabel(AppointmentEditor)
        self.endLabel.setObjectName(u"endLabel")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.end = QDateTimeEdit(AppointmentEditor)
        self.end.setObjectName(u"end")
        self.end.setCalendarPopup(True)

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.end)

        self.endError = QLabel(AppointmentEditor)
        self.endError.setObjectName(u"endError")
        self.endError.setWordWrap(True)
        self.endError.setVisible(False)
        self.endError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.endError)

        self.categoryLabel = QLabel(AppointmentEditor)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.categoryLabel)

        self.category = QLineEdit(AppointmentEditor)
        self.category.setObjectName(u"category")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.category)

        self.categoryError = QLabel(AppointmentEditor)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setWordWrap(True)
        self.categoryError.setVisible(False)
        self.categoryError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.categoryError)

        self.bodyLabel = QLabel(AppointmentEditor)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.fieldsForm.setWidget(14, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.body = QPlainTextEdit(AppointmentEditor)
        self.body.setObjectName(u"body")
        self.body.setTabChangesFocus(True)

        self.fieldsForm.setWidget(14, QFormLayout.ItemRole.FieldRole, self.body)

        self.bodyError = QLabel(AppointmentEditor)
        self.bodyError.setObjectName(u"bodyError")
        self.bodyError.setWordWrap(True)
        self.bodyError.setVisible(False)
        self.bodyError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(15, QFormLayout.ItemRole.FieldRole, self.bodyError)


        self.editorLayout.addLayout(self.fieldsForm)

        self.syncBox = QGroupBox(AppointmentEditor)
        self.syncBox.setObjectName(u"syncBox")
        self.syncLayout = QVBoxLayout(self.syncBox)
        self.syncLayout.setObjectName(u"syncLayout")
        self.syncRow = QHBoxLayout()
        self.syncRow.setObjectName(u"syncRow")
        self.syncState = QLabel(self.syncBox)
        self.syncState.setObjectName(u"syncState")
        self.syncState.setStyleSheet(u"font-weight: bold;")

        self.syncRow.addWidget(self.syncState)

        self.syncSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.syncRow.addItem(self.syncSpacer)

        self.conflictButton = QPushButton(self.syncBox)
        self.conflictButton.setObjectName(u"conflictButton")

        self.syncRow.addWidget(self.conflictButton)


        self.syncLayout.addLayout(self.syncRow)

        self.syncNote = QLabel(self.syncBox)
        self.syncNote.setObjectName(u"syncNote")
        self.syncNote.setWordWrap(True)

        self.syncLayout.addWidget(self.syncNote)


        self.editorLayout.addWidget(self.syncBox)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.deleteButton = QPushButton(AppointmentEditor)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttons.addWidget(self.deleteButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.saveButton = QPushButton(AppointmentEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.buttons.addWidget(self.saveButton)

        self.saveSyncButton = QPushButton(AppointmentEditor)
        self.saveSyncButton.setObjectName(u"saveSyncButton")

        self.buttons.addWidget(self.saveSyncButton)

        self.closeButton = QPushButton(AppointmentEditor)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.editorLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.ownerLabel.setBuddy(self.owner)
        self.subjectLabel.setBuddy(self.subject)
        self.locationLabel.setBuddy(self.location)
        self.startLabel.setBuddy(self.start)
        self.endLabel.setBuddy(self.end)
        self.categoryLabel.setBuddy(self.category)
        self.bodyLabel.setBuddy(self.body)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AppointmentEditor)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, AppointmentEditor):
        AppointmentEditor.setWindowTitle(QCoreApplication.translate("AppointmentEditor", u"Appointment", None))
        self.ownerLabel.setText(QCoreApplication.translate("AppointmentEditor", u"&Owner", None))
#if QT_CONFIG(accessibility)
        self.ownerError.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.subjectLabel.setText(QCoreApplication.translate("AppointmentEditor", u"Su&bject", None))
#if QT_CONFIG(accessibility)
        self.subjectError.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.locationLabel.setText(QCoreApplication.translate("AppointmentEditor", u"Loc&ation", None))
#if QT_CONFIG(accessibility)
        self.locationError.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.isAllDay.setText(QCoreApplication.translate("AppointmentEditor", u"All-da&y event", None))
#if QT_CONFIG(accessibility)
        self.isAllDayError.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.startLabel.setText(QCoreApplication.translate("AppointmentEditor", u"&Start", None))
#if QT_CONFIG(accessibility)
        self.startError.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.endLabel.setText(QCoreApplication.translate("AppointmentEditor", u"&End", None))
#if QT_CONFIG(accessibility)
        self.endError.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.categoryLabel.setText(QCoreApplication.translate("AppointmentEditor", u"Cate&gory", None))
#if QT_CONFIG(accessibility)
        self.categoryError.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.bodyLabel.setText(QCoreApplication.translate("AppointmentEditor", u"Descr&iption", None))
#if QT_CONFIG(accessibility)
        self.bodyError.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.syncBox.setTitle(QCoreApplication.translate("AppointmentEditor", u"Exchange", None))
#if QT_CONFIG(accessibility)
        self.syncState.setAccessibleName(QCoreApplication.translate("AppointmentEditor", u"Synchronization state", None))
#endif // QT_CONFIG(accessibility)
        self.conflictButton.setText(QCoreApplication.translate("AppointmentEditor", u"S&how conflict\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("AppointmentEditor", u"&Delete", None))
        self.saveButton.setText(QCoreApplication.translate("AppointmentEditor", u"Sa&ve", None))
        self.saveSyncButton.setText(QCoreApplication.translate("AppointmentEditor", u"Save and sync &now", None))
        self.closeButton.setText(QCoreApplication.translate("AppointmentEditor", u"&Close", None))
    # retranslateUi


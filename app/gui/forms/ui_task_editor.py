# Generated from ui/task_editor.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_editor.ui'
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
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_TaskEditor(object):
    def setupUi(self, TaskEditor):
        if not TaskEditor.objectName():
            TaskEditor.setObjectName(u"TaskEditor")
        self.editorLayout = QVBoxLayout(TaskEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.fieldsForm = QFormLayout()
        self.fieldsForm.setObjectName(u"fieldsForm")
        self.fieldsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.ownerLabel = QLabel(TaskEditor)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.owner = QComboBox(TaskEditor)
        self.owner.setObjectName(u"owner")

        self.fieldsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.owner)

        self.ownerError = QLabel(TaskEditor)
        self.ownerError.setObjectName(u"ownerError")
        self.ownerError.setWordWrap(True)
        self.ownerError.setVisible(False)
        self.ownerError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.ownerError)

        self.subjectLabel = QLabel(TaskEditor)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(TaskEditor)
        self.subject.setObjectName(u"subject")

        self.fieldsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subject)

        self.subjectError = QLabel(TaskEditor)
        self.subjectError.setObjectName(u"subjectError")
        self.subjectError.setWordWrap(True)
        self.subjectError.setVisible(False)
        self.subjectError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.subjectError)

        self.startLabel = QLabel(TaskEditor)
        self.startLabel.setObjectName(u"startLabel")

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.start = QDateTimeEdit(TaskEditor)
        self.start.setObjectName(u"start")
        self.start.setCalendarPopup(True)

        self.fieldsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.start)

        self.startError = QLabel(TaskEditor)
        self.startError.setObjectName(u"startError")
        self.startError.setWordWrap(True)
        self.startError.setVisible(False)
        self.startError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.startError)

        self.dueLabel = QLabel(TaskEditor)
        self.dueLabel.setObjectName(u"dueLabel")

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.due = QDateTimeEdit(TaskEditor)
        self.due.setObjectName(u"due")
        self.due.setCalendarPopup(True)

        self.fieldsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.due)

        self.dueError = QLabel(TaskEditor)
        self.dueError.setObjectName(u"dueError")
        self.dueError.setWordWrap(True)
        self.dueError.setVisible(False)
        self.dueError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.dueError)

        self.percentCompleteLabel = QLabel(TaskEditor)
        self.percentCompleteLabel.setObjectName(u"percentCompleteLabel")

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.percentCompleteLabel)

        self.percentComplete = QSpinBox(TaskEditor)
        self.percentComplete.setObjectName(u"percentComplete")
        self.percentComplete.setMaximum(100)

        self.fieldsForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.percentComplete)

        self.percentCompleteError = QLabel(TaskEditor)
        self.percentCompleteError.setObjectName(u"percentCompleteError")
        self.percentCompleteError.setWordWrap(True)
        self.percentCompleteError.setVisible(False)
        self.percentCompleteError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.percentCompleteError)

        self.isComplete = QCheckBox(TaskEditor)
        self.isComplete.setObjectName(u"isComplete")

        self.fieldsForm.setWidget(10, QFormLayout.ItemRole.FieldRole, self.isComplete)

        self.isCompleteError = QLabel(TaskEditor)
        self.isCompleteError.setObjectName(u"isCompleteError")
        self.isCompleteError.setWordWrap(True)
        self.isCompleteError.setVisible(False)
        self.isCompleteError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(11, QFormLayout.ItemRole.FieldRole, self.isCompleteError)

        self.bodyLabel = QLabel(TaskEditor)
        self.bodyLabel.setObjectName(u"bodyLabel")

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.body = QPlainTextEdit(TaskEditor)
        self.body.setObjectName(u"body")
        self.body.setTabChangesFocus(True)

        self.fieldsForm.setWidget(12, QFormLayout.ItemRole.FieldRole, self.body)

        self.bodyError = QLabel(TaskEditor)
        self.bodyError.setObjectName(u"bodyError")
        self.bodyError.setWordWrap(True)
        self.bodyError.setVisible(False)
        self.bodyError.setStyleSheet(u"color: #b3261e;")

        self.fieldsForm.setWidget(13, QFormLayout.ItemRole.FieldRole, self.bodyError)


        self.editorLayout.addLayout(self.fieldsForm)

        self.syncBox = QGroupBox(TaskEditor)
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
        self.deleteButton = QPushButton(TaskEditor)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttons.addWidget(self.deleteButton)

        self.buttonsSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.buttonsSpacer)

        self.saveButton = QPushButton(TaskEditor)
        self.saveButton.setObjectName(u"saveButton")

        self.buttons.addWidget(self.saveButton)

        self.saveSyncButton = QPushButton(TaskEditor)
        self.saveSyncButton.setObjectName(u"saveSyncButton")

        self.buttons.addWidget(self.saveSyncButton)

        self.closeButton = QPushButton(TaskEditor)
        self.closeButton.setObjectName(u"closeButton")

        self.buttons.addWidget(self.closeButton)


        self.editorLayout.addLayout(self.buttons)

#if QT_CONFIG(shortcut)
        self.ownerLabel.setBuddy(self.owner)
        self.subjectLabel.setBuddy(self.subject)
        self.startLabel.setBuddy(self.start)
        self.dueLabel.setBuddy(self.due)
        self.percentCompleteLabel.setBuddy(self.percentComplete)
        self.bodyLabel.setBuddy(self.body)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TaskEditor)

        self.saveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, TaskEditor):
        TaskEditor.setWindowTitle(QCoreApplication.translate("TaskEditor", u"Task", None))
        self.ownerLabel.setText(QCoreApplication.translate("TaskEditor", u"&Owner", None))
#if QT_CONFIG(accessibility)
        self.ownerError.setAccessibleName(QCoreApplication.translate("TaskEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.subjectLabel.setText(QCoreApplication.translate("TaskEditor", u"&Subject", None))
#if QT_CONFIG(accessibility)
        self.subjectError.setAccessibleName(QCoreApplication.translate("TaskEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.startLabel.setText(QCoreApplication.translate("TaskEditor", u"S&tart date", None))
#if QT_CONFIG(accessibility)
        self.startError.setAccessibleName(QCoreApplication.translate("TaskEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.dueLabel.setText(QCoreApplication.translate("TaskEditor", u"D&ue date", None))
#if QT_CONFIG(accessibility)
        self.dueError.setAccessibleName(QCoreApplication.translate("TaskEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.percentCompleteLabel.setText(QCoreApplication.translate("TaskEditor", u"% com&plete", None))
        self.percentComplete.setSuffix(QCoreApplication.translate("TaskEditor", u" %", None))
#if QT_CONFIG(accessibility)
        self.percentCompleteError.setAccessibleName(QCoreApplication.translate("TaskEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.isComplete.setText(QCoreApplication.translate("TaskEditor", u"Co&mpleted", None))
#if QT_CONFIG(accessibility)
        self.isCompleteError.setAccessibleName(QCoreApplication.translate("TaskEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.bodyLabel.setText(QCoreApplication.translate("TaskEditor", u"Descr&iption", None))
#if QT_CONFIG(accessibility)
        self.bodyError.setAccessibleName(QCoreApplication.translate("TaskEditor", u"Validation message", None))
#endif // QT_CONFIG(accessibility)
        self.syncBox.setTitle(QCoreApplication.translate("TaskEditor", u"Exchange", None))
#if QT_CONFIG(accessibility)
        self.syncState.setAccessibleName(QCoreApplication.translate("TaskEditor", u"Synchronization state", None))
#endif // QT_CONFIG(accessibility)
        self.conflictButton.setText(QCoreApplication.translate("TaskEditor", u"S&how conflict\u2026", None))
        self.deleteButton.setText(QCoreApplication.translate("TaskEditor", u"&Delete", None))
        self.saveButton.setText(QCoreApplication.translate("TaskEditor", u"Sa&ve", None))
        self.saveSyncButton.setText(QCoreApplication.translate("TaskEditor", u"Save and sync &now", None))
        self.closeButton.setText(QCoreApplication.translate("TaskEditor", u"&Close", None))
    # retranslateUi


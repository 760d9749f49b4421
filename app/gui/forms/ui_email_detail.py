# Generated from ui/email_detail.ui by pyside6-uic (make forms) — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'email_detail.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QVBoxLayout, QWidget)

class Ui_EmailDetail(object):
    def setupUi(self, EmailDetail):
        if not EmailDetail.objectName():
            EmailDetail.setObjectName(u"EmailDetail")
        self.detailLayout = QVBoxLayout(EmailDetail)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(EmailDetail)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.messagePane = QWidget(self.splitter)
        self.messagePane.setObjectName(u"messagePane")
        self.messageLayout = QVBoxLayout(self.messagePane)
        self.messageLayout.setObjectName(u"messageLayout")
        self.messageLayout.setContentsMargins(0, 0, 0, 0)
        self.headerForm = QFormLayout()
        self.headerForm.setObjectName(u"headerForm")
        self.headerForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.subjectLabel = QLabel(self.messagePane)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.headerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLabel(self.messagePane)
        self.subject.setObjectName(u"subject")
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.subject.setStyleSheet(u"font-weight: bold;")

        self.headerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.subject)

        self.senderLabel = QLabel(self.messagePane)
        self.senderLabel.setObjectName(u"senderLabel")

        self.headerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.senderLabel)

        self.sender = QLabel(self.messagePane)
        self.sender.setObjectName(u"sender")
        self.sender.setWordWrap(True)
        self.sender.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.headerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sender)

        self.toLabel = QLabel(self.messagePane)
        self.toLabel.setObjectName(u"toLabel")

        self.headerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.toLabel)

        self.to = QLabel(self.messagePane)
        self.to.setObjectName(u"to")
        self.to.setWordWrap(True)
        self.to.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.headerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.to)

        self.ccLabel = QLabel(self.messagePane)
        self.ccLabel.setObjectName(u"ccLabel")

        self.headerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ccLabel)

        self.cc = QLabel(self.messagePane)
        self.cc.setObjectName(u"cc")
        self.cc.setWordWrap(True)
        self.cc.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.headerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cc)

        self.dateLabel = QLabel(self.messagePane)
        self.dateLabel.setObjectName(u"dateLabel")

        self.headerForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = QLabel(self.messagePane)
        self.date.setObjectName(u"date")

        self.headerForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.date)

        self.statusLabel = QLabel(self.messagePane)
        self.statusLabel.setObjectName(u"statusLabel")

        self.headerForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusRow = QHBoxLayout()
        self.statusRow.setObjectName(u"statusRow")
        self.status = QLabel(self.messagePane)
        self.status.setObjectName(u"status")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.status.sizePolicy().hasHeightForWidth())
        self.status.setSizePolicy(sizePolicy)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.statusRow.addWidget(self.status)

        self.retryButton = QPushButton(self.messagePane)
        self.retryButton.setObjectName(u"retryButton")

        self.statusRow.addWidget(self.retryButton)


        self.headerForm.setLayout(5, QFormLayout.ItemRole.FieldRole, self.statusRow)


        self.messageLayout.addLayout(self.headerForm)

        self.blockedNote = QLabel(self.messagePane)
        self.blockedNote.setObjectName(u"blockedNote")
        self.blockedNote.setWordWrap(True)
        self.blockedNote.setStyleSheet(u"background: #fff4ce; color: #5c4400; padding: 3px;")

        self.messageLayout.addWidget(self.blockedNote)

        self.bodyHost = QWidget(self.messagePane)
        self.bodyHost.setObjectName(u"bodyHost")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.bodyHost.sizePolicy().hasHeightForWidth())
        self.bodyHost.setSizePolicy(sizePolicy1)
        self.bodyLayout = QVBoxLayout(self.bodyHost)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)

        self.messageLayout.addWidget(self.bodyHost)

        self.answerRow = QHBoxLayout()
        self.answerRow.setObjectName(u"answerRow")
        self.replyButton = QPushButton(self.messagePane)
        self.replyButton.setObjectName(u"replyButton")

        self.answerRow.addWidget(self.replyButton)

        self.replyAllButton = QPushButton(self.messagePane)
        self.replyAllButton.setObjectName(u"replyAllButton")

        self.answerRow.addWidget(self.replyAllButton)

        self.forwardButton = QPushButton(self.messagePane)
        self.forwardButton.setObjectName(u"forwardButton")

        self.answerRow.addWidget(self.forwardButton)

        self.answerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.answerRow.addItem(self.answerSpacer)


        self.messageLayout.addLayout(self.answerRow)

        self.splitter.addWidget(self.messagePane)
        self.trackingBox = QGroupBox(self.splitter)
        self.trackingBox.setObjectName(u"trackingBox")
        self.trackingForm = QFormLayout(self.trackingBox)
        self.trackingForm.setObjectName(u"trackingForm")
        self.trackingForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.trackingForm.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.tokenLabel = QLabel(self.trackingBox)
        self.tokenLabel.setObjectName(u"tokenLabel")

        self.trackingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.tokenLabel)

        self.token = QLabel(self.trackingBox)
        self.token.setObjectName(u"token")
        self.token.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.trackingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.token)

        self.copiesLabel = QLabel(self.trackingBox)
        self.copiesLabel.setObjectName(u"copiesLabel")

        self.trackingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.copiesLabel)

        self.copies = QLabel(self.trackingBox)
        self.copies.setObjectName(u"copies")
        self.copies.setWordWrap(True)
        self.copies.setTextFormat(Qt.TextFormat.RichText)

        self.trackingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.copies)

        self.correlatedLabel = QLabel(self.trackingBox)
        self.correlatedLabel.setObjectName(u"correlatedLabel")

        self.trackingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.correlatedLabel)

        self.correlated = QLabel(self.trackingBox)
        self.correlated.setObjectName(u"correlated")
        self.correlated.setWordWrap(True)
        self.correlated.setTextFormat(Qt.TextFormat.RichText)

        self.trackingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.correlated)

        self.answersLabel = QLabel(self.trackingBox)
        self.answersLabel.setObjectName(u"answersLabel")

        self.trackingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.answersLabel)

        self.answers = QLabel(self.trackingBox)
        self.answers.setObjectName(u"answers")
        self.answers.setWordWrap(True)
        self.answers.setTextFormat(Qt.TextFormat.RichText)

        self.trackingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.answers)

        self.regardingLabel = QLabel(self.trackingBox)
        self.regardingLabel.setObjectName(u"regardingLabel")

        self.trackingForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.regardingLabel)

        self.regarding = QLabel(self.trackingBox)
        self.regarding.setObjectName(u"regarding")
        self.regarding.setWordWrap(True)

        self.trackingForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.regarding)

        self.conversationLabel = QLabel(self.trackingBox)
        self.conversationLabel.setObjectName(u"conversationLabel")

        self.trackingForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.conversationLabel)

        self.conversation = QLabel(self.trackingBox)
        self.conversation.setObjectName(u"conversation")
        self.conversation.setWordWrap(True)
        self.conversation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.trackingForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.conversation)

        self.messageIdLabel = QLabel(self.trackingBox)
        self.messageIdLabel.setObjectName(u"messageIdLabel")

        self.trackingForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.messageIdLabel)

        self.messageId = QLabel(self.trackingBox)
        self.messageId.setObjectName(u"messageId")
        self.messageId.setWordWrap(True)
        self.messageId.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.trackingForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.messageId)

        self.inReplyToLabel = QLabel(self.trackingBox)
        self.inReplyToLabel.setObjectName(u"inReplyToLabel")

        self.trackingForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.inReplyToLabel)

        self.inReplyTo = QLabel(self.trackingBox)
        self.inReplyTo.setObjectName(u"inReplyTo")
        self.inReplyTo.setWordWrap(True)
        self.inReplyTo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse|Qt.TextInteractionFlag.TextSelectableByKeyboard)

        self.trackingForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.inReplyTo)

        self.splitter.addWidget(self.trackingBox)

        self.detailLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.status)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(EmailDetail)
    # setupUi

    def retranslateUi(self, EmailDetail):
        self.subjectLabel.setText(QCoreApplication.translate("EmailDetail", u"Subject", None))
        self.senderLabel.setText(QCoreApplication.translate("EmailDetail", u"From", None))
        self.toLabel.setText(QCoreApplication.translate("EmailDetail", u"To", None))
        self.ccLabel.setText(QCoreApplication.translate("EmailDetail", u"Cc", None))
        self.dateLabel.setText(QCoreApplication.translate("EmailDetail", u"Date", None))
        self.statusLabel.setText(QCoreApplication.translate("EmailDetail", u"&Status", None))
        self.retryButton.setText(QCoreApplication.translate("EmailDetail", u"Retr&y", None))
        self.replyButton.setText(QCoreApplication.translate("EmailDetail", u"&Reply", None))
        self.replyAllButton.setText(QCoreApplication.translate("EmailDetail", u"Reply &all", None))
        self.forwardButton.setText(QCoreApplication.translate("EmailDetail", u"For&ward", None))
        self.trackingBox.setTitle(QCoreApplication.translate("EmailDetail", u"Tracking", None))
        self.tokenLabel.setText(QCoreApplication.translate("EmailDetail", u"Tracking token", None))
        self.copiesLabel.setText(QCoreApplication.translate("EmailDetail", u"Mailboxes", None))
        self.correlatedLabel.setText(QCoreApplication.translate("EmailDetail", u"Correlated to", None))
        self.answersLabel.setText(QCoreApplication.translate("EmailDetail", u"Answers", None))
        self.regardingLabel.setText(QCoreApplication.translate("EmailDetail", u"Regarding", None))
        self.conversationLabel.setText(QCoreApplication.translate("EmailDetail", u"Conversation", None))
        self.messageIdLabel.setText(QCoreApplication.translate("EmailDetail", u"Message-ID", None))
        self.inReplyToLabel.setText(QCoreApplication.translate("EmailDetail", u"In-Reply-To", None))
        pass
    # retranslateUi


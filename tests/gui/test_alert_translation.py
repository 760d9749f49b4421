"""Alerts raised by the engine keep their message translatable: Japanese in the Japanese UI,
English without a translator and always English in the CSV export."""

import csv
import json

import pytest
from exchangelib import errors as ews
from PySide6.QtCore import Qt, QTranslator

from app.domain.enums import AlertLevel, Workload
from app.exchange.errors import classify, precondition_failure
from app.gui.i18n import alert_text, translations_dir
from app.gui.widgets.alerts_pane import AlertsPane, write_alerts_csv
from app.store import alerts
from app.store.models import Alert, Mailbox
from app.store.queries import alert_rows

NOT_APPROVED_JA = "電子メール アドレス alice@contoso.com は承認されていません。"
NOT_APPROVED_EN = "The email address alice@contoso.com is not approved."
DENIED_JA = (
    "失敗が続いたため無効にしました。プロファイルのアカウントには、このメールボックスの偽装が許可されていません。"
)
DENIED_EN = "Disabled after repeated failures. The profile's account is not allowed to impersonate this mailbox."


@pytest.fixture
def japanese(qapp):
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "sssm_ja.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def raised(sample):
    mailbox = Mailbox.get_by_id(sample.mailbox_ids["alice"])
    not_approved = alerts.alert_for_failure(
        AlertLevel.ERROR, precondition_failure("AddressNotApproved", mailbox.email), mailbox, Workload.INCOMING
    )
    denied = alerts.alert_for_failure(
        AlertLevel.ERROR,
        classify(ews.ErrorImpersonateUserDenied("denied")),
        mailbox,
        Workload.OUTGOING,
        prefix="Disabled after repeated failures. ",
    )
    return not_approved, denied


def _pane(qtbot):
    pane = AlertsPane()
    qtbot.addWidget(pane)
    return pane


def _messages(pane) -> dict[str, str]:
    """error code -> the Message column's text, and the same text in the details view when selected."""
    assert pane.model.headerData(4, Qt.Orientation.Horizontal) in ("Message", "メッセージ")
    return {pane.model.rows[row].error_code: pane.model.index(row, 4).data() for row in range(pane.model.rowCount())}


def test_the_alert_stores_english_and_translatable_parts(raised):
    not_approved, denied = (Alert.get_by_id(a.id) for a in raised)
    assert not_approved.message == NOT_APPROVED_EN and denied.message == DENIED_EN
    assert json.loads(not_approved.message_parts) == [
        ["Failures", "The email address {subject} is not approved.", {"subject": "alice@contoso.com"}]
    ]
    assert [p[0] for p in alerts.message_parts(denied)] == ["Alerts", "Failures"]
    assert alert_text(not_approved) == NOT_APPROVED_EN  # no translator: English


def test_alerts_pane_shows_japanese_with_the_translator(japanese, raised, qtbot):
    pane = _pane(qtbot)
    shown = _messages(pane)
    assert shown["AddressNotApproved"] == NOT_APPROVED_JA
    assert shown["ImpersonationDenied"] == DENIED_JA
    assert shown["ErrorUnauthorized"].startswith("Email cannot be received")  # free-form: as stored
    pane.ui.table.selectRow(
        next(i for i in range(pane.proxy.rowCount()) if pane.proxy.row_at(i).error_code == "AddressNotApproved")
    )
    assert NOT_APPROVED_JA in pane.ui.detailsView.toPlainText()
    assert "次の手順: メールボックスを開いて [電子メールの承認]" in pane.ui.detailsView.toPlainText(), "next step"


def test_alerts_pane_shows_english_without_a_translator(raised, qtbot):
    shown = _messages(_pane(qtbot))
    assert shown["AddressNotApproved"] == NOT_APPROVED_EN and shown["ImpersonationDenied"] == DENIED_EN


def test_csv_export_stays_english_in_the_japanese_ui(japanese, raised, tmp_path):
    path = tmp_path / "alerts.csv"
    write_alerts_csv(str(path), alert_rows())
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    messages = {row[6]: row[7] for row in rows[1:]}
    assert messages["AddressNotApproved"] == NOT_APPROVED_EN and messages["ImpersonationDenied"] == DENIED_EN


def test_a_repeat_keeps_the_parts_and_a_broken_value_falls_back_to_the_message(raised):
    not_approved, _ = raised
    again = alerts.raise_alert(
        not_approved.level,
        not_approved.scope,
        not_approved.error_code,
        "plain text",
        mailbox=not_approved.mailbox,
        workload=Workload.INCOMING,
    )
    assert again.id == not_approved.id and again.occurrences == 2 and again.message_parts == ""
    assert alert_text(again) == "plain text"
    Alert.update(message_parts="not json").where(Alert.id == again.id).execute()
    assert alerts.message_parts(Alert.get_by_id(again.id)) == []


def test_test_report_steps_are_translated(japanese):
    from app.diagnostics.report import StepResult
    from app.diagnostics.report_text import report_text
    from app.domain.enums import RunStatus
    from app.gui.i18n import translate

    failure = precondition_failure("AddressNotApproved", "alice@contoso.com")
    steps = [
        StepResult("preconditions", "Preconditions", None, RunStatus.FAILURE, message=failure.message, failure=failure),
        StepResult(
            "connect",
            "Connect and authenticate",
            None,
            RunStatus.SUCCESS,
            message="Connected to Exchange 2019 (technical text)",
        ),
    ]

    class Report:
        mailbox_id, status, started_on, finished_on = 1, RunStatus.FAILURE, None, None

    Report.steps = steps
    text = report_text(Report, "Alice Wong", translate)
    assert "1. 前提条件" in text and NOT_APPROVED_JA in text
    assert "2. 接続と認証" in text and "Connected to Exchange 2019 (technical text)" in text
    assert "次の手順: " in text, "the failed step's next step is in the report"


def test_report_dialog_shows_the_next_step_of_a_failed_step(qtbot, sample):
    from app.gui.screenshots.sample_data import sample_report
    from app.gui.windows.report_dialog import ReportDialog

    report = sample_report(sample.mailbox_ids["alice"])
    dialog = ReportDialog(report, "Alice")
    qtbot.addWidget(dialog)
    advice = dialog.ui.nextStep.text()
    assert advice.startswith("Check the user name and password")
    assert advice.endswith("so the account is not locked out.")

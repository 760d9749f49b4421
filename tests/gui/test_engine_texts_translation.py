"""Every message of the engine in the user's language (issue 13): successful Test & Enable steps,
the retry alerts and the sync history lines are translatable parts; technical values (URLs, server
versions, counts, times) stay as they are inside the translated sentences."""

import pytest
from PySide6.QtCore import QTranslator
from store_setup import setup  # noqa: F401  (store records pointing at the loopback server)

from app.diagnostics.report_text import report_text
from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import AlertLevel, RunStatus, Workload
from app.domain.i18n import step_message
from app.gui.i18n import alert_text, translate, translations_dir
from app.store.models import Alert, DiagnosticStep
from app.store.queries import sync_history_rows
from app.sync.incoming import sync_incoming


@pytest.fixture
def japanese(qapp):
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "sssm_ja.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_successful_steps_speak_japanese_with_their_technical_values(japanese, setup, ews):  # noqa: F811
    account = ews.new_account("ja")
    mailbox = setup.mailbox(setup.profile("Japanese", move_failed_to_undeliverable=True), account.email)
    report = run_mailbox_test(mailbox.id)
    assert report.status is RunStatus.SUCCESS, report.as_text()
    shown = {step.name: step_message(step, translate) for step in report.steps}
    assert shown["endpoint"] == f"構成された EWS アドレス: {ews.ews_url}"
    assert shown["connect"].startswith(f"{account.email} として ") and "サーバー バージョン" in shown["connect"]
    assert "Exchange2013_SP1" in shown["connect"], "the server version stays as it is"
    assert shown["incoming"].startswith("受信トレイを開きました: ")
    assert shown["incoming"].endswith("[配信不能] フォルダーを作成しました。")
    assert shown["outgoing"].startswith("「Test Message ") and "送信済みアイテムで見つかりました。" in shown["outgoing"]
    assert shown["act"].startswith("フォルダーを開きました: 予定表 ")
    english_templates = ("Configured EWS address", "Authenticated with", "Inbox opened", "Sent “", "Folders opened")
    text = report_text(report, "Japanese", translate)
    assert not any(t in text for t in english_templates), text
    assert report.steps[1].message == f"Configured EWS address: {ews.ews_url}", "English stays for logs"
    stored = DiagnosticStep.select().where(DiagnosticStep.name == "endpoint").get()
    assert step_message(stored, translate) == shown["endpoint"], "the stored step keeps its parts"


def test_retry_alerts_and_history_lines_speak_japanese(japanese, setup, ews):  # noqa: F811
    account = ews.new_account("jawrong")
    mailbox = setup.mailbox(setup.profile("Japanese retry"), account.email, password="not-the-password")
    run_mailbox_test(mailbox.id)
    warning = Alert.get(Alert.mailbox == mailbox.id)
    assert warning.level is AlertLevel.WARNING
    time = alert_text(warning).split("サーバーがユーザー名またはパスワードを拒否しました (HTTP 401)。")[1]
    assert time.endswith(" に再試行します (3 回中 2 回目)。"), alert_text(warning)
    assert time.split(" ")[0] in warning.message, "the same retry time as the English message"

    ok = setup.mailbox(setup.profile("Japanese history"), ews.new_account("jahist", emails=2).email)
    assert run_mailbox_test(ok.id).status is RunStatus.SUCCESS  # incoming enabled
    run = sync_incoming(ok)
    assert run.failure is None and run.notes
    [row] = sync_history_rows(ok.id)
    assert row.workload is Workload.INCOMING and row.message == "; ".join(run.notes)
    shown = alert_text(row)
    assert shown != row.message and not any(c.isascii() and c.isalpha() for c in shown), shown

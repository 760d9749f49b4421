"""The Japanese window and its reports write dates, lists and summaries the Japanese way, with the
one helper (app.domain.i18n): 2026/03/02 9:05, a、b, fields apart by a full-width space."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, QTranslator

from app.diagnostics.report_text import report_text
from app.gui.i18n import alert_text, format_time, translate, translations_dir
from app.gui.screenshots.sample_data import create_sample_data, sample_report
from app.gui.sync_controller import SyncController
from app.gui.widgets.alerts_pane import AlertsPane
from app.gui.windows.report_dialog import ReportDialog
from app.store.models import Alert, ServerProfile


@pytest.fixture
def japanese(qapp):
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "sssm_ja.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def japanese_time(value: datetime, seconds: bool = False) -> str:
    local = value.astimezone()
    text = f"{local.year}/{local.month:02d}/{local.day:02d} {local.hour}:{local.minute:02d}"
    return text + (f":{local.second:02d}" if seconds else "")


def test_the_window_writes_japanese_dates(japanese):
    assert format_time(datetime(2026, 3, 2, 9, 5).astimezone()) == "2026/03/02 9:05"


def test_the_report_and_its_dialog_use_the_same_japanese_dates(japanese, qtbot):
    report = sample_report(1)
    text = report_text(report, "青木 愛", translate)
    offset = report.started_on.astimezone().strftime("%z")
    assert text.splitlines()[0] == "[メールボックスのテストを有効化] の結果レポート"
    assert f"開始日時: {japanese_time(report.started_on, True)} (UTC{offset[:3]}:{offset[3:]})" in text
    assert "-03-02" not in text and "·" not in text
    dialog = ReportDialog(report, "青木 愛")
    qtbot.addWidget(dialog)
    assert dialog.ui.times.text().startswith(japanese_time(report.started_on)), "the dialog's time as the text's"
    assert "構成された EWS アドレス: https://mail.contoso.com/EWS/Exchange.asmx" in text


def test_the_status_bar_lists_mailboxes_with_the_japanese_separator(japanese, qtbot):
    controller = SyncController()
    for number, email in enumerate(("a@contoso.com", "b@contoso.com", "c@contoso.com"), 1):
        controller._cycle_started.emit(number, email, "incoming")  # as the scheduler's threads do
    qtbot.waitUntil(lambda: controller.running_text() == "a@contoso.com、b@contoso.com ほか 1 件を同期しています…")
    controller.stop()


def test_the_alert_details_summary_and_the_japanese_samples(japanese, qtbot, store):
    sample = create_sample_data(language="ja")
    assert sample.names.onprem == "Exchange 2013 設置型"
    assert ServerProfile.get_by_id(sample.profile_ids[0]).name == "Exchange 2013 設置型"
    pane = AlertsPane()
    qtbot.addWidget(pane)
    row = next(i for i in range(pane.proxy.rowCount()) if pane.proxy.row_at(i).error_code == "ErrorServerBusy")
    pane.ui.table.selectionModel().select(
        pane.proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    first, _blank, message = pane.ui.detailsView.toPlainText().splitlines()[:3]
    busy = Alert.get(Alert.error_code == "ErrorServerBusy")
    assert first == f"警告\u3000未解決、未読\u3000{japanese_time(busy.updated_on)}\u3000ErrorServerBusy"
    assert message.startswith("Exchange がビジー状態のため") and "に再試行します (10 回中 2 回目)。" in message
    assert pane.proxy.index(row, 3).data() == "佐藤 大輔"  # 関連: the mailbox's Japanese name
    assert alert_text(Alert.get(Alert.error_code == "MostMailboxesFailing")).startswith("過去 1 時間以内に")

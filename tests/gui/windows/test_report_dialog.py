from dataclasses import dataclass, field
from datetime import datetime, timezone

from PySide6.QtGui import QGuiApplication

from app.domain.enums import RunStatus, Workload
from app.gui.windows.report_dialog import ReportDialog


@dataclass
class Step:
    name: str
    title: str
    workload: Workload | None
    status: RunStatus
    duration_ms: float = 0.0
    message: str = ""
    details: str = ""


@dataclass
class Report:
    mailbox_id: int
    status: RunStatus
    steps: list = field(default_factory=list)
    started_on: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    finished_on: datetime = datetime(2026, 3, 2, 9, 0, 3, tzinfo=timezone.utc)


REPORT = Report(
    7,
    RunStatus.FAILURE,
    [
        Step("preconditions", "Preconditions", None, RunStatus.SUCCESS, 2, "Address approved, profile set."),
        Step(
            "endpoint",
            "Endpoint",
            None,
            RunStatus.SUCCESS,
            130,
            "Autodiscover found the EWS URL.",
            "POST https://autodiscover.contoso.com/autodiscover/autodiscover.xml → 200",
        ),
        Step(
            "connect",
            "Connect and authenticate",
            None,
            RunStatus.FAILURE,
            1520,
            "401 Unauthorized",
            "POST /EWS/Exchange.asmx\nAuthorization: Basic ********\n→ 401 Unauthorized",
        ),
        Step("incoming", "Incoming", Workload.INCOMING, RunStatus.NOT_RUN, 0, "Not run: connection failed."),
    ],
)


def _dialog(qtbot):
    dialog = ReportDialog(REPORT, "Alice Wong")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_steps_expand_to_their_redacted_details(qtbot):
    dialog = _dialog(qtbot)
    tree = dialog.ui.steps
    assert tree.topLevelItemCount() == 4
    assert [tree.topLevelItem(i).text(1) for i in range(4)] == ["Success", "Success", "Failure", "Not run"]
    assert tree.topLevelItem(2).text(2) == "1.52 s"
    failing = tree.topLevelItem(2)
    assert failing.isExpanded() and "Basic ********" in failing.child(0).text(0)
    endpoint = tree.topLevelItem(1)
    assert not endpoint.isExpanded()
    dialog.ui.expandButton.click()
    assert endpoint.isExpanded() and "autodiscover.xml" in endpoint.child(0).text(0)
    assert tree.topLevelItem(0).childCount() == 0
    assert "Failure" in dialog.ui.summary.text()


def test_copy_and_save_as_text(qtbot, tmp_path, click):
    dialog = _dialog(qtbot)
    click(dialog.ui.copyButton)
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Test & Enable report") and "Mailbox: Alice Wong" in text
    assert "3. Connect and authenticate: Failure (1.52 s)" in text and "Basic ********" in text
    assert "4. Incoming [Incoming email]: Not run" in text
    target = tmp_path / "report.txt"
    dialog.write_text(str(target))
    assert target.read_text(encoding="utf-8") == text

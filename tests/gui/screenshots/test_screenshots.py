"""The windows rendered with sample data: nothing clipped or overlapping, in English and Japanese,
at 100 % and 150 %. Japanese needs a CJK font to measure real glyphs: without one those checks
are skipped (say `apt-get install fonts-noto-cjk`), never passed on tofu boxes."""

import subprocess
import sys

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel

from app.gui.i18n import translations_dir
from app.gui.screenshots.layout_check import layout_problems
from app.gui.screenshots.render import render_all

EXPECTED = {
    "main-profiles",
    "main-mailboxes",
    "main-alerts",
    "main-banner",
    "wizard-1-location",
    "wizard-2-credentials",
    "wizard-3-advanced",
    "wizard-4-additional",
    "profile-1-general",
    "profile-5-mailboxes",
    "profile-6-alerts",
    "mailbox-1-general",
    "mailbox-4-results",
    "mailbox-5-alerts",
    "report",
    "profile-test-results",
    "alerts-actions",
    "demo-menu",
    "demo-accounts",
    "demo-fault",
    "alerts-escalation",
    "dashboard",
    "item-monitoring",
    "users-page",
    "users-edit",
    "users-address-book",
    "users-csv",
    "settings-page",
    "settings-errors",
    "history-runs",
    "history-conflicts",
    "unsaved-prompt",
    "logs",
    "crash",
    "first-run",
    "bulk-menu",
    "bulk-move",
    "options-tracking",
    "options-conflicts",
    "filters-editor",
    "records-email",
    "records-email-detail",
    "compose",
    "records-appointments",
    "records-contacts",
    "records-tasks",
    "records-conflict",
}


def skip_without_cjk_font(qapp) -> None:
    """Asked inside the test: the font database needs the application object to exist."""
    if not QFontDatabase.families(QFontDatabase.WritingSystem.Japanese):
        pytest.skip("no CJK font installed: Japanese layout cannot be measured (apt-get install fonts-noto-cjk)")


def test_layout_check_finds_clipping_and_overlap(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    label = QLabel("A rather long label that cannot fit", widget)
    label.setGeometry(0, 0, 30, 20)
    other = QLabel("x", widget)
    other.setGeometry(10, 5, 30, 20)
    widget.resize(100, 50)
    widget.show()
    qtbot.waitExposed(widget)
    problems = layout_problems(widget)
    assert any("needs" in p and "cannot fit" in p for p in problems)


def test_english_at_100_percent_is_clean(qtbot, sample, tmp_path):
    problems = render_all(tmp_path, sample, check=True)
    assert problems == {}
    assert {p.stem for p in tmp_path.glob("*.png")} >= EXPECTED


def test_japanese_at_100_percent_is_clean(qapp, qtbot, sample, tmp_path):
    skip_without_cjk_font(qapp)
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "sssm_ja.qm"))
    qapp.installTranslator(translator)
    try:
        problems = render_all(tmp_path, sample, check=True)
    finally:
        qapp.removeTranslator(translator)
    assert problems == {}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_150_percent_is_clean(lang, qapp, tmp_path):
    if lang == "ja":
        skip_without_cjk_font(qapp)
    # the scale factor is fixed when Qt starts, hence a process of its own
    result = subprocess.run(
        [sys.executable, "-m", "app", "screenshots", str(tmp_path), "--lang", lang, "--scale", "1.5", "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert {p.stem for p in tmp_path.glob("*.png")} >= EXPECTED

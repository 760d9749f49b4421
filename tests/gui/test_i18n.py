import shutil
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from tools.build_translations import I18N_DIR, QM_DIR, domain_strings, run_lrelease, run_lupdate

TS = I18N_DIR / "sssm_ja.ts"
QM = QM_DIR / "sssm_ja.qm"

SEED_TERMS = {  # the Japanese walkthrough's terms (spec: the Japanese UI must use them)
    ("ProfileLocation", "&Auto discover server location"): "サーバーの場所の自動検出(&A)",
    ("ProfileForm", "&Test && Enable mailboxes"): "メールボックスのテストを有効化(&T)",
    ("MailboxEditor", "&Test && Enable mailbox"): "メールボックスのテストを有効化(&T)",
    ("MailboxEditor", "Configuration test results"): "構成テストの結果",
    ("MailboxEditor", "Alerts"): "通知",
    ("MailboxEditor", "&Save"): "上書き保存(&S)",
    ("MailboxEditor", "&Approve email"): "電子メールの承認(&A)",
    ("ProfileAdditional", "M&aximum concurrent connections"): "同時接続の最大数(&A)",
    ("ProfileAdditional", "&Process email from"): "処理対象の日付(&P)",
    ("ProfileAdvanced", "Authentication &protocol"): "認証プロトコル(&P)",
    ("ProfileCredentials", "Use i&mpersonation"): "偽装を使用する(&M)",
    ("ProfileCredentials", "Authenticate &incoming connections using"): "受信接続の認証方法(&I)",
    ("MainWindow", "Email server profiles"): "電子メールサーバープロファイル",
    ("Enums", "Credentials specified by a user or queue"): "ユーザーまたはキューで指定した資格情報",
    ("Enums", "Server-Side Synchronization"): "サーバー側同期",
    ("Enums", "Auto detect"): "自動検出",
}


def _messages():
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        for message in context.findall("message"):
            yield context.find("name").text, message


def test_every_source_string_has_a_japanese_translation():
    untranslated = []
    for context, message in _messages():
        translation = message.find("translation")
        texts = [n.text for n in translation.findall("numerusform")] or [translation.text]
        words = any(c.isalnum() for c in message.find("source").text)  # a separator may become a space (　)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(
            t and (t.strip() or not words) for t in texts
        ):
            untranslated.append((context, message.find("source").text))
    assert untranslated == []


def test_seed_terms_and_domain_contexts_are_in_the_translation():
    found = {(c, m.find("source").text): m.find("translation").text for c, m in _messages()}
    for key, japanese in SEED_TERMS.items():
        assert japanese in (found.get(key) or ""), key
    for context, text in domain_strings():
        assert (context, text) in found, (context, text)
    assert {c for c, _ in domain_strings()} == {
        "Enums",
        "Formats",
        "Validation",
        "Filters",
        "Failures",
        "ItemFailures",
        "Alerts",
        "Diagnostics",
        "Incoming",
        "Notifications",
        "Outgoing",
        "Reports",
        "Sync",
    }


def test_ts_is_current_with_the_sources(tmp_path):
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    output = run_lupdate(copy)
    assert "0 new" in output, output
    assert copy.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), "run `make translations`"


def test_qm_is_current(tmp_path):
    fresh = tmp_path / "sssm_ja.qm"
    run_lrelease(TS, fresh)
    assert fresh.read_bytes() == QM.read_bytes(), "run `make translations`"


@pytest.fixture
def japanese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_windows_speak_japanese(japanese, main_window, qtbot):
    from app.domain.validation import ValidationIssue
    from app.gui.i18n import translate
    from app.gui.windows.mailbox_editor import MailboxEditor
    from app.gui.windows.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.ui.navigation.item(window.PROFILES).text() == "電子メールサーバープロファイル"
    assert window.ui.navigation.item(MainWindow.ALERTS).text() == "通知"
    editor = MailboxEditor(main_window.mailboxes.rows[0].id)
    qtbot.addWidget(editor)
    assert editor.ui.saveButton.text() == "上書き保存(&S)"
    assert editor.ui.tabs.tabText(3) == "構成テストの結果"
    assert editor.ui.incomingMethod.currentText() == "サーバー側同期"
    issue = ValidationIssue("port", "Enter a whole number from {low} to {high}.", (("high", 9), ("low", 1)))
    assert issue.message(translate) == "1 から 9 までの整数を入力してください。"
    assert QCoreApplication.translate("Enums", "Failure") == "失敗"

import logging
import sys

import platformdirs

from app import APP_ID, paths
from app.log import LOG_FILE_NAME, redact, setup_logging


def test_home_override_puts_everything_under_one_folder(sssm_home):
    assert paths.data_dir() == sssm_home / "data"
    assert paths.log_dir() == sssm_home / "logs"
    assert paths.cache_dir() == sssm_home / "cache"
    assert paths.database_path().parent == paths.data_dir()
    assert all(p.is_dir() for p in (paths.data_dir(), paths.log_dir(), paths.cache_dir()))


def test_without_override_uses_the_platform_folders(monkeypatch, tmp_path):
    monkeypatch.delenv("SSSM_HOME")
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data" / a[0]))
    assert paths.data_dir() == tmp_path / "data" / APP_ID


def test_windows_data_folder_is_under_localappdata():
    if sys.platform != "win32":
        # platformdirs' Windows class computes the folder from the known-folder API; check its shape here
        from platformdirs.windows import Windows

        folder = Windows(APP_ID, appauthor=False, roaming=False)
        assert folder.appname == APP_ID and folder.roaming is False
    else:  # pragma: no cover - exercised on the Windows CI
        import os

        assert str(paths.data_dir()).lower().startswith(os.environ["LOCALAPPDATA"].lower())


def test_redaction_of_credentials():
    line = (
        'POST /EWS Authorization: NTLM TlRMTVNTUAADAAAAGAAYAHgAAAA= password="hunter2" '
        "<t:Password>hunter2</t:Password> WWW-Authenticate: Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag"
    )
    cleaned = redact(line)
    assert "hunter2" not in cleaned
    assert "TlRMTVNTUAADAAAAGAAYAHgAAAA" not in cleaned
    assert "YIIGhgYGKwYBBQUCoIIGejCCBnag" not in cleaned
    assert "POST /EWS" in cleaned


def test_log_file_never_holds_a_secret(sssm_home):
    handler = setup_logging(logging.INFO)
    try:
        logging.getLogger("app.test").info("connecting with Authorization: Basic YWxpY2U6aHVudGVyMg== password=hunter2")
        handler.flush()
        text = (paths.log_dir() / LOG_FILE_NAME).read_text()
        assert "connecting with" in text
        assert "hunter2" not in text and "YWxpY2U6aHVudGVyMg" not in text
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

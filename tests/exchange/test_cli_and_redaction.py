"""The test-mailbox / test-profile commands, and that no secret survives in reports, alerts or logs."""

from __future__ import annotations

import json
import logging
import re

from app import paths
from app.cli import main
from app.domain.enums import AuthProtocol, CredentialSource
from app.log import LOG_FILE_NAME, setup_logging
from app.store.models import Alert, DiagnosticStep

WRONG = "Wr0ng-Pa55word-xyz"


def test_test_mailbox_command_prints_report_and_exit_code(setup, ews, capsys):
    good = ews.new_account("cli")
    profile = setup.profile("CLI profile")
    setup.mailbox(profile, good.email)
    assert main(["test-mailbox", good.email]) == 0
    out = capsys.readouterr().out
    assert f"Test & Enable report for {good.email}" in out and "Result: Success" in out

    bad = ews.new_account("clibad")
    setup.mailbox(profile, bad.email, password=WRONG)
    assert main(["test-mailbox", bad.email, "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "failure"
    assert [s["code"] for s in report["steps"] if s["status"] == "failure"] == ["Unauthorized"]

    assert main(["test-mailbox", "nobody@contoso.com"]) == 2
    assert "No mailbox" in capsys.readouterr().err
    assert main(["test-profile", "CLI profile", "--json"]) == 1, "one of its mailboxes fails"
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["test-profile", "No such profile"]) == 2


def test_no_secret_in_reports_alerts_or_logs(setup, ews):
    handler = setup_logging(logging.DEBUG)
    try:
        secrets_used = []
        for protocol in (AuthProtocol.NTLM, AuthProtocol.BASIC):
            account = ews.new_account("redact")
            secrets_used.append(account.password)
            profile = setup.profile(f"Redaction {protocol.value}", auth_protocol=protocol)
            setup.mailbox(profile, account.email)  # right password: full NTLM/Basic exchanges recorded
            bad = ews.new_account("redactbad")
            setup.mailbox(profile, bad.email, password=WRONG)
            assert main(["test-profile", profile.name]) == 1
        service = ews.new_account("redactsvc", roles=("impersonation",))
        secrets_used.append(service.password)
        profile = setup.profile(
            "Redaction impersonation",
            credential_source=CredentialSource.PROFILE,
            username=service.email,
            use_impersonation=True,
            password=service.password,
        )
        setup.mailbox(profile, ews.new_account("redacttarget").email, password=None)
        assert main(["test-profile", profile.name]) == 0
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()

    details = "\n".join(s.details + s.message for s in DiagnosticStep.select())
    assert "POST https://" in details and "< HTTP 200" in details, "sanity: transcripts were recorded"
    assert "Authorization: NTLM [redacted]" in details or "Authorization: Negotiate [redacted]" in details
    texts = {
        "test reports": details,
        "alerts": "\n".join(a.message + a.details + a.next_step for a in Alert.select()),
        "log": (paths.log_dir() / LOG_FILE_NAME).read_text(encoding="utf-8"),
        "database": b"".join(p.read_bytes() for p in paths.data_dir().glob("sssm.sqlite3*")).decode("latin-1"),
    }
    for where, text in texts.items():
        for secret in [*secrets_used, WRONG]:
            assert secret not in text, f"a password is in the {where}"
        assert "TlRMTVNT" not in text, f"an NTLM message is in the {where}"
        leaked = re.search(r"(?i)authorization: *(basic|ntlm|negotiate) +(?!\[redacted\])\S+", text)
        assert leaked is None, f"{leaked.group(0)!r} is in the {where}"

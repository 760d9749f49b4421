"""exchangelib 5.6 against the loopback server: Basic, NTLM and auth auto-detection, over HTTPS."""

from __future__ import annotations

import pytest
from ews_fixtures import exchangelib_trusts
from exchangelib import BASIC, DELEGATE, NTLM, Account, Configuration, Credentials
from exchangelib.errors import ErrorServerBusy, UnauthorizedError
from exchangelib.version import EXCHANGE_2013_SP1, Build, Version


def _account(ews, account, auth_type, password=None, version=True):
    config = Configuration(
        service_endpoint=ews.ews_url,
        credentials=Credentials(account.email, password or account.password),
        auth_type=auth_type,
        version=Version(build=EXCHANGE_2013_SP1) if version else None,
    )
    return Account(account.email, config=config, autodiscover=False, access_type=DELEGATE)


@pytest.fixture(autouse=True)
def trusted(ews):
    with exchangelib_trusts(ews.ca_path):
        yield


@pytest.mark.parametrize("auth_type", [BASIC, NTLM])
def test_exchangelib_reads_inbox(ews, auth_type):
    account = ews.new_account(emails=6, appointments=0, contacts=0, tasks=0)
    ews.server.deliver(account.email, "Hello from the test", "body")
    inbox = ews.server.directory.mailbox(account.email).distinguished["inbox"]
    lib = _account(ews, account, auth_type)
    assert lib.inbox.total_count == len(inbox.items) >= 1
    subjects = [m.subject for m in lib.inbox.all().only("subject")]
    assert "Hello from the test" in subjects and len(subjects) == len(inbox.items)
    assert ews.stats.count(account=account.email) >= 2


def test_exchangelib_detects_auth_and_version(ews):
    account = ews.new_account()
    ews.server.deliver(account.email, "Only one", "body")
    lib = _account(ews, account, None, version=False)
    assert lib.protocol.auth_type == NTLM  # offered Negotiate, NTLM, Basic: exchangelib picks NTLM
    assert lib.version.build >= Build(15, 0)
    assert lib.inbox.total_count == 1


def test_exchangelib_wrong_password(ews):
    account = ews.new_account()
    lib = _account(ews, account, NTLM, password="wrong")
    with pytest.raises(UnauthorizedError):
        lib.inbox.total_count  # noqa: B018
    assert ews.stats.unauthorized(account.email) >= 1


def test_exchangelib_sees_server_busy(ews):
    account = ews.new_account()
    ews.faults.inject("server_busy", account=account.email, operation="GetFolder", backoff_ms=2500)
    lib = _account(ews, account, BASIC)
    with pytest.raises(ErrorServerBusy) as info:
        lib.inbox.total_count  # noqa: B018
    assert info.value.back_off == 2.5

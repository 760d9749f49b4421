"""Every foreseeable failure has a class, a level and a next step (docs/product-rules.md §4; issue 10).

Causes are real where they can be: a deleted CA file, the "fail" keyring, a cache folder that
cannot be written, a locked and an unreachable SQLite file, a host name under ``.invalid``, the
loopback server's HTTP 503. Configuration problems of this computer are permanent Errors (no retry
fixes them); the rest are transient Warnings with a back-off.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

import keyring
import peewee
import pytest
import requests
from keyring.backends import fail
from keyring.errors import KeyringLocked, NoKeyringError

from app import paths
from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import AlertLevel, RunStatus, Workload
from app.exchange import net
from app.exchange.errors import (
    UNEXPECTED,
    CredentialsNotSecure,
    FolderNotWritable,
    TrustedCaMissing,
    classify,
)
from app.exchange.retry import ServiceUnavailable
from app.secrets import SecretStoreError
from app.store.models import Alert, Mailbox
from app.sync.scheduler import INTERNAL_ERROR, escaped_failure
from app.sync.session import run_workload


def failed_step(report):
    return [s for s in report.steps if s.status is RunStatus.FAILURE][0]


def alert_of(mailbox):
    return Alert.get(Alert.mailbox == mailbox.id)


def inbox_count(run):
    return run.connection.account.inbox.total_count


# --- configuration problems of this computer: permanent Errors -----------------------------------


def test_a_missing_credential_store_is_a_permanent_error(setup, ews):
    mailbox = setup.mailbox(setup.profile("No keyring"), ews.new_account("nokeyring").email)
    keyring.set_keyring(fail.Keyring())  # what keyring falls back to when no backend is usable

    report = run_mailbox_test(mailbox.id)
    step = failed_step(report)
    assert step.name == "preconditions"
    failure = step.failure
    assert (failure.code, failure.transient) == ("CredentialStoreUnavailable", False)
    assert failure.message == ("The password could not be read: the credential store (keyring) is missing or locked.")
    assert "Windows Credential Manager" in failure.next_step and "Secret Service" in failure.next_step
    assert "keyring.backends.fail" in failure.details, "the details name the backend that was tried"
    assert (alert_of(mailbox).level, alert_of(mailbox).error_code) == (AlertLevel.ERROR, "CredentialStoreUnavailable")

    run = run_workload(mailbox, Workload.INCOMING, inbox_count)
    assert run.failure.code == "CredentialStoreUnavailable" and not run.failure.transient
    assert not Mailbox.get_by_id(mailbox.id).incoming_enabled


def test_a_deleted_trusted_ca_file_is_a_permanent_error_before_any_traffic(setup, ews, tmp_path):
    ca = tmp_path / "internal-ca.pem"
    shutil.copy(ews.ca_path, ca)
    mailbox = setup.mailbox(setup.profile("CA file", trusted_ca_path=str(ca)), ews.new_account("cafile").email)
    assert run_workload(mailbox, Workload.INCOMING, inbox_count).failure is None, "works while the file is there"
    ca.unlink()
    before = ews.stats.count(), ews.stats.unauthorized()

    report = run_mailbox_test(mailbox.id)
    failure = failed_step(report).failure
    assert (failure.code, failure.transient) == ("TrustedCaMissing", False)
    assert failure.message == f"The profile's trusted CA certificate file {ca} is missing or cannot be read."
    assert "“Trusted CA certificate”" in failure.next_step
    assert (alert_of(mailbox).level, alert_of(mailbox).error_code) == (AlertLevel.ERROR, "TrustedCaMissing")

    Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
    run = run_workload(mailbox, Workload.INCOMING, inbox_count)  # its connection was open and cached
    assert run.failure.code == "TrustedCaMissing"
    assert (ews.stats.count(), ews.stats.unauthorized()) == before


def test_a_ca_file_gone_at_the_transport_is_classified_the_same(store, ews, tmp_path):
    """Where the adapter itself meets the missing file (a request after the plan was made)."""
    missing = tmp_path / "gone.pem"
    net.trust_ca_for(ews.ews_url, str(missing))
    try:
        with pytest.raises(TrustedCaMissing) as caught, net.session() as session:
            session.post(ews.ews_url, data=b"", timeout=5)
    finally:
        net.trust_ca_for(ews.ews_url, None)
    failure = classify(caught.value)
    assert (failure.code, failure.transient) == ("TrustedCaMissing", False)
    assert str(missing) in failure.message


@contextmanager
def unwritable(folder: Path):
    """*folder* made unwritable for real: read-only mode, or (as root, whom modes do not stop)
    the immutable attribute. Skips where neither holds."""
    immutable = os.geteuid() == 0 if hasattr(os, "geteuid") else False
    if immutable:
        done = (
            subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
            if shutil.which("chattr")
            else None
        )
        if done is None or done.returncode != 0:
            pytest.skip("running as root without chattr +i: no way to make a folder unwritable")
    else:
        folder.chmod(0o555)
    try:
        try:
            (folder / "probe").write_bytes(b"")
        except OSError:
            pass
        else:
            pytest.skip("the folder stayed writable")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=False)
        else:
            folder.chmod(0o755)


def test_an_unwritable_cache_folder_is_a_permanent_error(setup, ews, monkeypatch, tmp_path):
    ca = tmp_path / "own-ca.pem"
    shutil.copy(ews.ca_path, ca)
    monkeypatch.setattr(net, "_bundles", {})  # no CA bundle from an earlier test's cache folder
    mailbox = setup.mailbox(setup.profile("Cache", trusted_ca_path=str(ca)), ews.new_account("cache").email)
    cache = paths.cache_dir()

    with unwritable(cache):
        report = run_mailbox_test(mailbox.id)
    step = failed_step(report)
    assert step.name == "connect", report.as_text()
    failure = step.failure
    assert (failure.code, failure.transient) == ("FolderNotWritable", False)
    assert failure.message == f"The folder {cache} cannot be written to."
    assert "write access" in failure.next_step and "SSSM_HOME" in failure.next_step
    assert (alert_of(mailbox).level, alert_of(mailbox).error_code) == (AlertLevel.ERROR, "FolderNotWritable")


def test_an_unwritable_data_folder_names_the_folder(store):
    data = paths.data_dir()
    with unwritable(data), pytest.raises(OSError) as caught:
        (data / "report.txt").write_text("x")
    failure = classify(caught.value)
    assert (failure.code, failure.transient) == ("FolderNotWritable", False)
    assert failure.message == f"The folder {data} cannot be written to."


# --- the local store: busy (locked) and unreachable are transient Warnings -----------------------


def test_a_locked_store_is_a_transient_warning(setup, ews, tmp_path):
    locked = tmp_path / "other.sqlite3"
    holder = sqlite3.connect(locked, timeout=0, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the write lock
    other = peewee.SqliteDatabase(str(locked), timeout=0)
    mailbox = setup.mailbox(setup.profile("Locked"), ews.new_account("locked").email)
    try:
        run = run_workload(mailbox, Workload.INCOMING, lambda run: other.execute_sql("INSERT INTO t VALUES (1)"))
    finally:
        other.close()
        holder.close()
    failure = run.failure
    assert (failure.code, failure.transient) == ("StoreBusy", True)
    assert failure.message == "The local store is busy: another program holds its lock (database is locked)."
    assert "close other copies of the app" in failure.next_step
    assert "database is locked" in failure.details
    assert (alert_of(mailbox).level, alert_of(mailbox).error_code) == (AlertLevel.WARNING, "StoreBusy")


def test_an_unreachable_database_is_a_transient_warning(setup, ews, tmp_path):
    gone = peewee.SqliteDatabase(str(tmp_path / "unplugged-drive" / "sssm.sqlite3"))
    mailbox = setup.mailbox(setup.profile("Unreachable"), ews.new_account("unreachable").email)
    run = run_workload(mailbox, Workload.INCOMING, lambda run: gone.connect())
    failure = run.failure
    assert (failure.code, failure.transient) == ("StoreUnavailable", True)
    assert failure.message == "The local store's database could not be reached."
    assert "data folder" in failure.next_step
    assert (alert_of(mailbox).level, alert_of(mailbox).error_code) == (AlertLevel.WARNING, "StoreUnavailable")


def test_a_store_failure_outside_the_workloads_frame_is_named_not_internal(tmp_path):
    """The scheduler's last resort: the store failing before a cycle could even be recorded."""
    holder = sqlite3.connect(tmp_path / "s.sqlite3", timeout=0, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    other = peewee.SqliteDatabase(str(tmp_path / "s.sqlite3"), timeout=0)
    try:
        with pytest.raises(peewee.OperationalError) as caught:
            other.execute_sql("INSERT INTO t VALUES (1)")
    finally:
        other.close()
        holder.close()
    assert escaped_failure(caught.value).code == "StoreBusy"
    assert escaped_failure(ZeroDivisionError("a bug")).code == INTERNAL_ERROR


# --- the network -----------------------------------------------------------------------------


def test_an_unknown_host_name_is_a_dns_failure_not_a_reset(setup, ews):
    url = "https://mail.sssm-test.invalid/EWS/Exchange.asmx"
    mailbox = setup.mailbox(setup.profile("DNS", incoming_url=url, incoming_port=443), ews.new_account("dns").email)
    report = run_mailbox_test(mailbox.id)
    failure = failed_step(report).failure
    assert (failure.code, failure.transient) == ("NameNotResolved", True), failure
    assert failure.message == "The server name mail.sssm-test.invalid could not be found (DNS)."
    assert "DNS settings" in failure.next_step and "EWS address" in failure.next_step
    assert (alert_of(mailbox).level, alert_of(mailbox).error_code) == (AlertLevel.WARNING, "NameNotResolved")


def test_http_503_is_server_unavailable_not_throttling(setup, ews):
    account = ews.new_account("unavailable")
    mailbox = setup.mailbox(setup.profile("503"), account.email)
    ews.faults.inject("http503", account=account.email, operation="*", count=None)
    try:
        report = run_mailbox_test(mailbox.id)
        run = run_workload(mailbox, Workload.INCOMING, inbox_count)
    finally:
        ews.faults.clear(account=account.email)
    for failure in (failed_step(report).failure, run.failure):
        assert (failure.code, failure.transient) == ("ServerUnavailable", True), failure
        assert failure.message.startswith("The server is unavailable (HTTP 503)")
        assert "throttl" not in failure.message
        assert "MSExchangeServicesAppPool" in failure.next_step
    assert (alert_of(mailbox).level, alert_of(mailbox).error_code) == (AlertLevel.WARNING, "ServerUnavailable")


# --- no foreseeable exception ends as "An unexpected error occurred" -------------------------------


def _dns_error() -> Exception:
    try:
        requests.get("http://sssm-test.invalid/", timeout=5)
    except requests.ConnectionError as exc:
        return exc
    raise AssertionError("a .invalid name resolved")


def _exchangelib_wrapped(inner: Exception) -> BaseException:
    """What exchangelib's FailFast raises for a connection error: ErrorTimeoutExpired("Reraised from …")."""
    from exchangelib.errors import ErrorTimeoutExpired

    try:
        try:
            raise inner
        except Exception as exc:  # noqa: BLE001 - as exchangelib.util.post_ratelimited does
            raise ErrorTimeoutExpired(f"Reraised from {exc.__class__.__name__}({exc})")  # noqa: B904 - as it does
    except ErrorTimeoutExpired as wrapped:
        return wrapped


def _exchangelib(name: str, *args: object, **kwargs: object) -> BaseException:
    from exchangelib import errors

    return getattr(errors, name)(*args, **kwargs)


# name → (a factory of the exception, as the code meets it; the class it must get; transient)
CASES = {
    "secret store": (lambda: SecretStoreError("Could not read the password"), "CredentialStoreUnavailable", False),
    "keyring locked": (lambda: KeyringLocked("locked"), "CredentialStoreUnavailable", False),
    "no keyring": (lambda: NoKeyringError("none"), "CredentialStoreUnavailable", False),
    "credentials over http": (
        lambda: CredentialsNotSecure("http://mail/EWS/Exchange.asmx"),
        "InsecureCredentialsRefused",
        False,
    ),
    "CA file": (lambda: TrustedCaMissing("/x/ca.pem"), "TrustedCaMissing", False),
    "folder": (lambda: FolderNotWritable("/x/cache"), "FolderNotWritable", False),
    "permission": (
        lambda: PermissionError(errno.EACCES, "Permission denied", "/x/cache/f.tmp"),
        "FolderNotWritable",
        False,
    ),
    "disk full": (lambda: OSError(errno.ENOSPC, "No space left on device", "/x/data/f"), "FolderNotWritable", False),
    "read-only store": (
        lambda: peewee.OperationalError("attempt to write a readonly database"),
        "FolderNotWritable",
        False,
    ),
    "missing file": (
        lambda: FileNotFoundError(errno.ENOENT, "No such file or directory", "/x/y.pem"),
        "FileMissing",
        False,
    ),
    "locked store": (lambda: peewee.OperationalError("database is locked"), "StoreBusy", True),
    "locked store (sqlite3)": (lambda: sqlite3.OperationalError("database is locked"), "StoreBusy", True),
    "unreachable store": (lambda: peewee.OperationalError("unable to open database file"), "StoreUnavailable", True),
    "database server down": (
        lambda: peewee.InterfaceError("could not connect to server: Connection refused"),
        "StoreUnavailable",
        True,
    ),
    "gaierror": (lambda: socket.gaierror(-2, "Name or service not known"), "NameNotResolved", True),
    "DNS in requests": (lambda: _dns_error(), "NameNotResolved", True),
    "DNS through exchangelib": (lambda: _exchangelib_wrapped(_dns_error()), "NameNotResolved", True),
    "HTTP 503": (lambda: ServiceUnavailable("HTTP 503 Service Unavailable"), "ServerUnavailable", True),
    "HTTP 503 re-raised": (
        lambda: _exchangelib(
            "ErrorServerBusy", "Reraised from ErrorInternalServerTransientError(Caused by HTTP 503 response)"
        ),
        "ServerUnavailable",
        True,
    ),
    "HTTP 503 plain": (
        lambda: _exchangelib("ErrorInternalServerTransientError", "Caused by HTTP 503 response"),
        "ServerUnavailable",
        True,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_every_foreseeable_exception_has_its_own_class(name):
    make, code, transient = CASES[name]
    failure = classify(make())
    assert (failure.code, failure.transient) == (code, transient), failure
    assert failure.code != UNEXPECTED and failure.message != "An unexpected error occurred."
    assert failure.next_step


def test_throttling_is_still_throttling():
    failure = classify(_exchangelib("ErrorServerBusy", "Server busy", back_off=30))
    assert failure.code == "ErrorServerBusy" and failure.backoff_ms == 30_000

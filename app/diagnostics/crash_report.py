"""The report of an unhandled exception, for the crash dialog and the log: what happened, where,
on which versions, with the log file's path, and never a password.

Two layers keep secrets out: ``app.log.redact`` (authorization headers, NTLM blobs, anything
written as ``password=…``) and the passwords the credential store holds for this store's
profiles and mailboxes, replaced wherever they appear (an exception that quotes one).
No Qt here: the GUI passes its versions and the translate function.
"""

from __future__ import annotations

import logging
import platform
import re
import traceback
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from app import __version__, secrets
from app.domain.i18n import identity_translate
from app.log import redact

log = logging.getLogger(__name__)
Translate = Callable[[str, str], str]
HIDDEN = "[password removed]"
SHORT = 4  # a password shorter than this is replaced only where it stands as a word of its own


def stored_secrets() -> list[str]:
    """Every password the credential store holds for this store's profiles and mailboxes; [] when
    the store is closed or the credential store cannot be read (the patterns still apply)."""
    from app.store.models import Mailbox, ServerProfile

    try:
        keys = [secrets.profile_key(p.id, outgoing) for p in ServerProfile.select() for outgoing in (False, True)]
        keys += [secrets.mailbox_key(m.id) for m in Mailbox.select()]
        found = [secrets.get_password(key) for key in keys]
    except Exception:  # noqa: BLE001 - a crash report is written whatever else is broken
        log.warning("crash report: the stored passwords could not be read to remove them", exc_info=False)
        return []
    return sorted({s for s in found if s}, key=len, reverse=True)  # the longest first: one may contain another


def scrub(text: str, hidden: Iterable[str] = ()) -> str:
    """*text* without the *hidden* passwords and without what ``app.log.redact`` removes."""
    for secret in hidden:
        if len(secret) >= SHORT:
            text = text.replace(secret, HIDDEN)
        else:
            text = re.sub(rf"(?<!\w){re.escape(secret)}(?!\w)", HIDDEN, text)
    return redact(text)


def crash_report(
    exc_type: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    *,
    thread: str,
    log_file: Path | None,
    versions: Iterable[tuple[str, str]] = (),
    hidden: Iterable[str] = (),
    translate: Translate = identity_translate,
    now: datetime | None = None,
) -> str:
    """The report: a header a person reads, then the traceback as Python prints it, scrubbed."""
    when = (now or datetime.now().astimezone()).strftime("%Y-%m-%d %H:%M:%S %Z").strip()
    header = [
        (translate("Reports", "Time"), when),
        (translate("Reports", "Thread"), thread),
        (translate("Reports", "Version"), __version__),
        ("Python", platform.python_version()),
        *versions,
        (translate("Reports", "System"), f"{platform.system()} {platform.release()} ({platform.machine()})"),
        (translate("Reports", "Log file"), str(log_file) if log_file else translate("Reports", "none")),
    ]
    lines = [translate("Reports", "Unexpected error report")] + [f"{k}: {v}" for k, v in header] + [""]
    lines += "".join(traceback.format_exception(exc_type, exc, tb)).rstrip("\n").splitlines()
    return scrub("\n".join(lines) + "\n", hidden)

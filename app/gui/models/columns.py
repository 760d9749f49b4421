"""Columns of every list: profiles and mailboxes (main window, profile form), a mailbox's sync
history (mailbox editor) and alerts (the alerts pane, wherever it is shown)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.domain.status import status_rank
from app.gui.i18n import alert_text, enum_text, format_time, translate
from app.gui.models.table_models import Column
from app.gui.page_icons import alert_level_icon, default_icon, run_status_icon

if TYPE_CHECKING:  # the engine is loaded after the window (app.gui.sync_controller)
    from app.sync.notifications import PushState


def _default_marked(row) -> str:
    return translate("Lists", "%1 (default)").replace("%1", row.name) if row.is_default else row.name


def profile_columns() -> list[Column]:
    """Name first (the default profile says so after its name, with a star), then its mailboxes:
    how many, how many fail, when one was last tested; then where the server is."""
    return [
        Column(
            translate("Lists", "Name"),
            _default_marked,
            tooltip=lambda r: r.description,
            icon=lambda r: default_icon() if r.is_default else None,
            sort=lambda r: r.name.casefold(),
        ),
        Column(translate("Lists", "Mailboxes"), lambda r: r.mailbox_count),
        Column(translate("Lists", "Failing"), lambda r: r.failing_count),
        Column(translate("Lists", "Last test"), lambda r: r.last_test_on),
        Column(translate("Lists", "Server type"), lambda r: r.server_type),
        Column(
            translate("Lists", "Server location"),
            lambda r: translate("Lists", "Auto discover") if r.auto_discover else r.incoming_url,
        ),
        Column(translate("Lists", "Authenticate using"), lambda r: r.credential_source),
        Column(translate("Lists", "Modified on"), lambda r: r.modified_on),
    ]


def _failing_first(row) -> str:
    """Sorted ascending: Failure, Warning, Not run, Success, each A to Z."""
    return f"{status_rank(row.status)}\t{row.name.casefold()}"


def _open_alerts_tooltip(row) -> str:
    if row.alert_level is None:
        return ""
    return translate("Lists", "The worst open alert: %1").replace("%1", enum_text(row.alert_level))


def _active_tooltip(row) -> str:
    if not row.is_active:
        return translate("Lists", "Deactivated: not synchronized; its records stay.")
    if not row.owner_active:
        return translate("Lists", "Its owner is deactivated: not synchronized; its records stay.")
    return ""


def push_text(state: PushState | None) -> str:
    """How a mailbox hears of changes (app.sync.notifications): "" while the engine has not said."""
    if state is None:
        return ""
    if state.live:
        return translate("Lists", "Streaming") if state.kind == "streaming" else translate("Lists", "Pull")
    if state.retry_at is None:
        return translate("Lists", "Subscribing…")
    return translate("Lists", "Polling until %1").replace("%1", format_time(state.retry_at))


def push_tooltip(state: PushState | None) -> str:
    if state is None:
        return translate("Lists", "Shown once the synchronization engine has loaded.")
    if state.live and state.kind == "streaming":
        return translate(
            "Lists",
            "Exchange streams its changes over a held connection (impersonation): new mail is stored within "
            "seconds, and an idle cycle sends no request.",
        )
    if state.live:
        return translate(
            "Lists",
            "A pull subscription: one GetEvents request per cycle, and its folders are read only when they changed "
            "(and every 12th cycle as a safety net).",
        )
    if state.retry_at is None:
        return translate("Lists", "The subscription is being made; its folders are read on schedule meanwhile.")
    return translate(
        "Lists",
        "Its subscription failed: its folders are read on schedule, as without notifications, and it is "
        "subscribed again at this time. The Information alert says why.",
    )


def mailbox_columns(
    with_profile: bool = True,
    *,
    held_by: Callable[[int], str] | None = None,
    push: Callable[[int], PushState | None] | None = None,
) -> list[Column]:
    """Name, then its status (the worst of its server-side workloads, icon and word) and its open
    alerts: what the admin looks for first; the details follow. With *push* (the window's engine),
    how each mailbox hears of changes (mailbox id -> its state). With *held_by* (a console on a
    shared database), last: who holds a lease of the mailbox's work now (mailbox id -> names)."""
    columns = [
        Column(translate("Lists", "Name"), lambda r: r.name),
        Column(
            translate("Lists", "Mailbox status"),
            lambda r: r.status,
            icon=lambda r: run_status_icon(r.status),
            sort=_failing_first,
            tooltip=lambda r: translate(
                "Lists", "The worst status of its incoming email, outgoing email and appointments, contacts and tasks"
            ),
        ),
        Column(
            translate("Lists", "Open alerts"),
            lambda r: r.open_alerts or None,
            icon=lambda r: alert_level_icon(r.alert_level) if r.alert_level is not None else None,
            sort=lambda r: r.open_alerts,
            tooltip=_open_alerts_tooltip,
        ),
        Column(translate("Lists", "Email address"), lambda r: r.email),
        Column(translate("Lists", "Owner"), lambda r: r.owner_name),
        Column(translate("Lists", "Email address approval"), lambda r: r.approval),
        Column(translate("Lists", "Active"), lambda r: r.synchronized, tooltip=_active_tooltip),
    ]
    if with_profile:
        columns.append(Column(translate("Lists", "Server profile"), lambda r: r.profile_name))
    columns += [
        Column(translate("Lists", "Incoming email"), lambda r: r.incoming_method),
        Column(translate("Lists", "Outgoing email"), lambda r: r.outgoing_method),
        Column(translate("Lists", "Appointments, contacts and tasks"), lambda r: r.act_method),
        Column(translate("Lists", "Incoming status"), lambda r: r.incoming_status),
        Column(translate("Lists", "Outgoing status"), lambda r: r.outgoing_status),
        Column(translate("Lists", "Appointments, contacts and tasks status"), lambda r: r.act_status),
        Column(translate("Lists", "Last test"), lambda r: r.test_completed_on),
        Column(translate("Lists", "Last sync"), lambda r: r.last_sync_success_on),
        Column(translate("Lists", "Next sync"), lambda r: r.next_sync_on),
    ]
    if push is not None:
        columns.append(
            Column(
                translate("Lists", "Notifications"),
                lambda r: push_text(push(r.id)),
                tooltip=lambda r: push_tooltip(push(r.id)),
            )
        )
    if held_by is not None:
        columns.append(
            Column(
                translate("Lists", "Held by"),
                lambda r: held_by(r.id),
                tooltip=lambda r: (
                    translate("Lists", "The engine hosts synchronizing this mailbox now (their leases)")
                    if held_by(r.id)
                    else ""
                ),
            )
        )
    return columns


def sync_history_columns() -> list[Column]:
    return [
        Column(translate("Lists", "Started"), lambda r: r.started_on),
        Column(translate("Lists", "Workload"), lambda r: r.workload),
        Column(translate("Lists", "Status"), lambda r: r.status),
        Column(translate("Lists", "Created"), lambda r: r.created),
        Column(translate("Lists", "Updated"), lambda r: r.updated),
        Column(translate("Lists", "Deleted"), lambda r: r.deleted),
        Column(translate("Lists", "Message"), alert_text, tooltip=alert_text),  # translatable parts, as alerts
    ]


RESOLVED_COLOUR = "#6b6b6b"  # a resolved alert is history: grey, not the red or amber of its level


def alert_state_text(row) -> str:
    """Active (the condition lasts) or Resolved and when (it recovered; the alert is kept), with
    "unread" said as a word, not only shown bold: "Active, unread", "Resolved 2026-03-02 09:30"."""
    if row.is_open:
        state = QCoreApplication.translate("AlertsPane", "Active")
    elif getattr(row, "resolved_on", None) is not None:
        state = QCoreApplication.translate("AlertsPane", "Resolved %1").replace("%1", format_time(row.resolved_on))
    else:  # closed before the store kept the time
        state = QCoreApplication.translate("AlertsPane", "Resolved")
    if not row.is_read:
        state = QCoreApplication.translate("AlertsPane", "%1, unread").replace("%1", state)
    return state


def alert_columns() -> list[Column]:
    resolved = lambda r: None if r.is_open else RESOLVED_COLOUR  # noqa: E731
    return [
        Column(QCoreApplication.translate("AlertsPane", "Level"), lambda r: r.level, foreground=resolved),
        Column(QCoreApplication.translate("AlertsPane", "State"), alert_state_text, foreground=resolved),
        Column(QCoreApplication.translate("AlertsPane", "Time"), lambda r: r.updated_on),
        Column(QCoreApplication.translate("AlertsPane", "Regarding"), lambda r: r.mailbox_name or r.profile_name),
        Column(QCoreApplication.translate("AlertsPane", "Message"), alert_text, tooltip=alert_text),
        Column(QCoreApplication.translate("AlertsPane", "Occurrences"), lambda r: r.occurrences),
    ]

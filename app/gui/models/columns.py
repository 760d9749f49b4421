"""Columns of every list: profiles and mailboxes (main window, profile form), a mailbox's sync
history (mailbox editor) and alerts (the alerts pane, wherever it is shown)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.gui.i18n import alert_text, translate
from app.gui.models.table_models import Column


def profile_columns() -> list[Column]:
    return [
        Column(translate("Lists", "Name"), lambda r: r.name, tooltip=lambda r: r.description),
        Column(translate("Lists", "Server type"), lambda r: r.server_type),
        Column(
            translate("Lists", "Server location"),
            lambda r: translate("Lists", "Auto discover") if r.auto_discover else r.incoming_url,
        ),
        Column(translate("Lists", "Authenticate using"), lambda r: r.credential_source),
        Column(translate("Lists", "Mailboxes"), lambda r: r.mailbox_count),
        Column(translate("Lists", "Modified on"), lambda r: r.modified_on),
    ]


def mailbox_columns(with_profile: bool = True) -> list[Column]:
    columns = [
        Column(translate("Lists", "Name"), lambda r: r.name),
        Column(translate("Lists", "Email address"), lambda r: r.email),
        Column(translate("Lists", "Owner"), lambda r: r.owner_name),
        Column(translate("Lists", "Email address approval"), lambda r: r.approval),
    ]
    if with_profile:
        columns.append(Column(translate("Lists", "Server profile"), lambda r: r.profile_name))
    columns += [
        Column(translate("Lists", "Incoming email"), lambda r: r.incoming_method),
        Column(translate("Lists", "Outgoing email"), lambda r: r.outgoing_method),
        Column(translate("Lists", "Appointments, contacts and tasks"), lambda r: r.act_method),
        Column(translate("Lists", "Incoming status"), lambda r: r.incoming_status),
        Column(translate("Lists", "Outgoing status"), lambda r: r.outgoing_status),
        Column(translate("Lists", "ACT status"), lambda r: r.act_status),
        Column(translate("Lists", "Mailbox status"), lambda r: r.mailbox_status),
        Column(translate("Lists", "Last sync"), lambda r: r.last_sync_success_on),
        Column(translate("Lists", "Next sync"), lambda r: r.next_sync_on),
        Column(translate("Lists", "Open alert"), lambda r: r.alert_level),
    ]
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
    """Active (the condition lasts) or Resolved (it recovered; the alert is kept)."""
    return (
        QCoreApplication.translate("AlertsPane", "Active")
        if row.is_open
        else QCoreApplication.translate("AlertsPane", "Resolved")
    )


def alert_columns() -> list[Column]:
    resolved = lambda r: None if r.is_open else RESOLVED_COLOUR  # noqa: E731
    return [
        Column(QCoreApplication.translate("AlertsPane", "Level"), lambda r: r.level, foreground=resolved),
        Column(QCoreApplication.translate("AlertsPane", "State"), alert_state_text, foreground=resolved),
        Column(QCoreApplication.translate("AlertsPane", "Time"), lambda r: r.updated_on),
        Column(QCoreApplication.translate("AlertsPane", "Regarding"), lambda r: r.mailbox_name or r.profile_name),
        Column(QCoreApplication.translate("AlertsPane", "Error code"), lambda r: r.error_code),
        Column(QCoreApplication.translate("AlertsPane", "Message"), alert_text, tooltip=alert_text),
        Column(QCoreApplication.translate("AlertsPane", "Occurrences"), lambda r: r.occurrences),
    ]

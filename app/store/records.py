"""The Records page's lists: emails, appointments, contacts, tasks, and the emails that could not
be sent or processed; queried in two steps so that a list of 100,000 rows costs what one screen
costs.

1. ``ids(query)``: the ids of the matching rows in the list's order, one SQL query that filters,
   searches and sorts through the indexes of ``app.store.records_schema`` (8 bytes a row, in an
   ``array``; no row is read).
2. ``rows(ids)``: the shown values of one page of those ids, as plain frozen rows.

A change of sort, filter or search runs step 1 again; scrolling runs step 2 for the pages that
come into view. The search box matches every word as a substring of the columns shown: words of
three characters or more through the list's trigram full-text table, shorter ones with LIKE.

The SQL is SQLite's. On a shared PostgreSQL database (app.store.backends), which has neither the
full-text tables, the triggers of the sync codes nor NOCASE, every word is matched with ILIKE, a
record's state is worked out in the query, and text sorts by its lower case (``dialect``).
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from peewee import SqliteDatabase

from app.domain.enums import (
    AlertScope,
    ApprovalStatus,
    ConflictPolicy,
    EmailDirection,
    EmailStatus,
    RecordType,
    SyncMethod,
    SyncState,
    Workload,
)
from app.store import filters_sql
from app.store.base import UtcDateTimeField, database
from app.store.filters_query import MODELS, usable_filters
from app.store.models import ConflictLog
from app.store.records_schema import (
    EMAIL_SHOWN_ON,
    SEARCHED,
    SYNC_CONFLICT,
    SYNC_NO_LINK,
    SYNC_PENDING,
    SYNC_SYNCED,
    SYNC_UNLINKED,
    indexed_upto,
    sync_code_expression,
)

_TIME = UtcDateTimeField(null=True)
LIKE_ESCAPE = "\\"
FULL_TEXT_MIN = 3  # the trigram table finds words of at least three characters


@dataclass(frozen=True)
class ListQuery:
    """What a list shows: its search, its sort, and its filters (None: not filtered)."""

    search: str = ""
    sort: str = ""  # a key of the list's ``sorts`` ("" = its default)
    descending: bool = True
    mailbox_id: int | None = None
    owner_user_id: int | None = None
    owner_queue_id: int | None = None
    direction: EmailDirection | None = None
    status: EmailStatus | None = None
    since: datetime | None = None  # from this time on
    until: datetime | None = None  # before this time
    sync_state: SyncState | None = None  # appointments, contacts, tasks


def on_sqlite() -> bool:
    return isinstance(database.obj, SqliteDatabase)


_NOCASE = re.compile(r"(\S+|COALESCE\([^)]*\)) COLLATE NOCASE")


def dialect(sql: str) -> str:
    """SQLite's SQL of these lists as the store's database runs it (see the module docstring)."""
    if on_sqlite():
        return sql
    return _NOCASE.sub(r"lower(\1)", sql).replace("%", "%%").replace("?", "%s")


def run(sql: str, params: Sequence[Any] = ()) -> Any:
    """A cursor of *sql* (SQLite's) on the store's database."""
    return database.execute_sql(dialect(sql), list(params))


def _time(value: str | None) -> datetime | None:
    return _TIME.python_value(value)


def _stored(value: datetime) -> str:
    stored = _TIME.db_value(value)
    assert stored is not None
    return stored


def _like(word: str) -> str:
    return "%" + re.sub(r"([\\%_])", r"\\\1", word) + "%"


def _match_expression(words: Sequence[str]) -> str:
    """FTS5 query: every word as a quoted string (so that nothing in it is an operator)."""
    return " AND ".join('"' + word.replace('"', '""') + '"' for word in words)


@dataclass(frozen=True)
class Sort:
    """A list's order: SQL expressions over its alias, each in the asked direction, then the id."""

    columns: tuple[str, ...]
    join: str = ""  # a join the expressions need

    def order_by(self, alias: str, descending: bool) -> str:
        direction = "DESC" if descending else "ASC"
        return ", ".join(f"{column} {direction}" for column in (*self.columns, f'{alias}."id"'))


def _sort(column: str, join: str = "") -> Sort:
    return Sort((column,), join)


class RecordList:
    """One list: its table, how it sorts, filters and searches, and its rows."""

    table = ""
    alias = "r"
    search_table = ""
    searched: tuple[str, ...] = ()
    sorts: dict[str, Sort] = {}
    default_sort = ""

    # --- step 1: the ids in order --------------------------------------------------------

    def ids_statement(self, query: ListQuery) -> tuple[str, list[Any]]:
        """The SQL (and its parameters) of the matching ids in the list's order."""
        sort = self.sorts.get(query.sort) or self.sorts[self.default_sort]
        conditions, params = self.conditions(query)
        sql = (
            f'SELECT {self.alias}."id" FROM "{self.table}" {self.alias} {sort.join} {self.joins(query)} '
            f"WHERE {' AND '.join(conditions) or '1 = 1'} ORDER BY {sort.order_by(self.alias, query.descending)}"
        )
        return sql, params

    def ids(self, query: ListQuery) -> array[int]:
        """Every matching id in order, at once (the page streams them: app.store.record_reader)."""
        sql, params = self.ids_statement(query)
        return array("q", itertools.chain.from_iterable(run(sql, params)))

    def joins(self, query: ListQuery) -> str:
        """Joins the filters need (besides the sort's)."""
        return ""

    def conditions(self, query: ListQuery) -> tuple[list[str], list[Any]]:
        conditions, params = self.filter_conditions(query)
        search, search_params = self.search_conditions(query.search)
        return conditions + search, params + search_params

    def filter_conditions(self, query: ListQuery) -> tuple[list[str], list[Any]]:
        return [], []

    def search_conditions(self, text: str) -> tuple[list[str], list[Any]]:
        words = [word.strip("\"'") for word in (text or "").split()]
        words = [word for word in words if word]
        long_words = [word for word in words if len(word) >= FULL_TEXT_MIN and on_sqlite()]
        conditions: list[str] = []
        params: list[Any] = []
        if long_words:  # "+": walk the sort's index and look each row up in the matches, so that
            # a word found in most rows does not mean sorting all of them before the first is known;
            # the rows past the search table's mark (stored since its last catch-up) are read with LIKE
            tail, tail_params = self._like_every(long_words)
            matches = f'SELECT "rowid" FROM "{self.search_table}" WHERE "{self.search_table}" MATCH ?'
            conditions.append(
                f'(+{self.alias}."id" IN ({matches})'
                f' OR ({self.alias}."id" > {indexed_upto(self.table)} AND {" AND ".join(tail)}))'
            )
            params += [_match_expression(long_words), *tail_params]
        short, short_params = self._like_every([word for word in words if word not in long_words])
        return conditions + short, params + short_params

    def _like_every(self, words: list[str]) -> tuple[list[str], list[Any]]:
        """A condition per word: in any searched column (LIKE, ILIKE on PostgreSQL)."""
        like = "LIKE" if on_sqlite() else "ILIKE"
        conditions: list[str] = []
        params: list[Any] = []
        for word in words:
            alternatives = " OR ".join(
                f"{self.alias}.\"{column}\" {like} ? ESCAPE '{LIKE_ESCAPE}'" for column in self.searched
            )
            conditions.append(f"({alternatives})")
            params += [_like(word)] * len(self.searched)
        return conditions, params

    # --- step 2: one page of rows ----------------------------------------------------------

    def rows(self, ids: Sequence[int]) -> dict[int, Any]:
        raise NotImplementedError

    def _select(self, columns: str, joins: str, ids: Sequence[int]) -> list[tuple[Any, ...]]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        sql = f'SELECT {columns} FROM "{self.table}" {self.alias} {joins} WHERE {self.alias}."id" IN ({marks})'
        rows: list[tuple[Any, ...]] = run(sql, list(ids)).fetchall()
        return rows


def _date_range(expression: str, query: ListQuery) -> tuple[list[str], list[Any]]:
    conditions, params = [], []
    if query.since is not None:
        conditions.append(f"{expression} >= ?")
        params.append(_stored(query.since))
    if query.until is not None:
        conditions.append(f"{expression} < ?")
        params.append(_stored(query.until))
    return conditions, params


# --- emails ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmailRow:
    id: int
    shown_on: datetime | None  # received, else sent, else created
    subject: str
    sender: str
    to_recipients: str
    direction: EmailDirection
    status: EmailStatus
    tracking_token: str
    owner_name: str
    is_answer: bool  # it answers another email (In-Reply-To)


_OWNER_JOIN = (
    'LEFT JOIN "system_user" ou ON ou."id" = {a}."owner_user_id" LEFT JOIN "queue" oq ON oq."id" = {a}."owner_queue_id"'
)


class EmailList(RecordList):
    table = "email_activity"
    alias = "e"
    search_table, searched = SEARCHED["email_activity"]  # the columns its FTS table indexes
    shown_on = re.sub(r'"(\w+)"', r'e."\1"', EMAIL_SHOWN_ON)
    sorts = {
        "date": _sort(shown_on),
        "subject": _sort('e."subject" COLLATE NOCASE'),
        "sender": _sort('e."sender" COLLATE NOCASE'),
        "to": _sort('e."to_recipients" COLLATE NOCASE'),
        "direction": _sort('e."direction"'),
        "status": _sort('e."status"'),
        "token": _sort('e."tracking_token"'),
    }
    default_sort = "date"

    def filter_conditions(self, query: ListQuery) -> tuple[list[str], list[Any]]:
        conditions: list[str] = []
        params: list[Any] = []
        if query.mailbox_id is not None:
            conditions.append('e."id" IN (SELECT "email_id" FROM "email_mailbox_link" WHERE "mailbox_id" = ?)')
            params.append(query.mailbox_id)
        if query.owner_user_id is not None:
            conditions.append('e."owner_user_id" = ?')
            params.append(query.owner_user_id)
        if query.owner_queue_id is not None:
            conditions.append('e."owner_queue_id" = ?')
            params.append(query.owner_queue_id)
        if query.direction is not None:
            conditions.append('e."direction" = ?')
            params.append(query.direction.value)
        if query.status is not None:
            conditions.append('e."status" = ?')
            params.append(query.status.value)
        dates, date_params = _date_range(self.shown_on, query)
        return conditions + dates, params + date_params

    def rows(self, ids: Sequence[int]) -> dict[int, EmailRow]:
        found = self._select(
            f'e."id", {self.shown_on}, e."subject", e."sender", e."to_recipients", e."direction", e."status", '
            'COALESCE(e."tracking_token", \'\'), COALESCE(ou."name", oq."name", \'\'), '
            'e."in_reply_to" IS NOT NULL',
            _OWNER_JOIN.format(a="e"),
            ids,
        )
        return {
            row[0]: EmailRow(
                row[0],
                _time(row[1]),
                row[2],
                row[3],
                row[4],
                EmailDirection(row[5]),
                EmailStatus(row[6]),
                row[7],
                row[8],
                bool(row[9]),
            )
            for row in found
        }


# --- appointments, contacts, tasks -------------------------------------------------------------

# A record's "sync_code" (app.store.records_schema, kept by triggers) as the state shown; a record
# without a link is told apart in Python: pending (the next cycle creates it) or not synchronized
_STATE_OF_CODE = {
    SYNC_PENDING: SyncState.PENDING,
    SYNC_CONFLICT: SyncState.CONFLICT,
    SYNC_SYNCED: SyncState.SYNCED,
    SYNC_UNLINKED: SyncState.UNLINKED,
}
_STATE = "<sync state>"  # in a list's SQL until it is run: SyncedRecordList.state_sql()
_CODES_OF_STATE = {  # what a state filter keeps ("pending" also keeps the records not in Exchange yet)
    SyncState.PENDING: (SYNC_PENDING, SYNC_NO_LINK),
    SyncState.CONFLICT: (SYNC_CONFLICT,),
    SyncState.SYNCED: (SYNC_SYNCED,),
    SyncState.UNLINKED: (SYNC_UNLINKED,),
    SyncState.NOT_SYNCED: (SYNC_NO_LINK,),
}


def _conflict_expression(alias: str, record_type: RecordType) -> str:
    return (
        f'(SELECT MAX(l."conflict_id") FROM "item_link" l WHERE l."record_type" = \'{record_type.value}\' '
        f'AND l."record_id" = {alias}."id" AND l."unlinked_on" IS NULL)'
    )


@dataclass(frozen=True)
class Conflict:
    """The conflict a record's last synchronization resolved: the log entry, who won, by which policy."""

    id: int
    winner: str  # "store" or "exchange"
    policy: ConflictPolicy
    mailbox_id: int


@dataclass(frozen=True)
class RecordRow:
    """One appointment, contact or task as its list shows it."""

    id: int
    record_type: RecordType
    title: str  # the subject, or the contact's name
    values: dict[str, Any]  # the other shown fields, by name
    owner_id: int | None
    owner_name: str
    state: SyncState
    conflict: Conflict | None


class SyncedRecordList(RecordList):
    """Appointments, contacts or tasks: a sync state column, owner and sync state filters besides
    their own."""

    record_type = RecordType.APPOINTMENT
    shown: tuple[str, ...] = ()  # the record's own shown columns
    dated = ""  # the column the date range filters ("" = none)

    def __init__(self) -> None:
        self.sorts = {**type(self).sorts, "state": _sort(_STATE)}

    def state_sql(self) -> str:
        """The record's sync code: its column, kept by triggers; worked out where there are none."""
        if on_sqlite():
            return f'{self.alias}."sync_code"'
        return sync_code_expression(self.table).replace(f'"{self.table}".', f"{self.alias}.")

    def ids_statement(self, query: ListQuery) -> tuple[str, list[Any]]:
        sql, params = super().ids_statement(query)
        return sql.replace(_STATE, self.state_sql()), params

    def filter_conditions(self, query: ListQuery) -> tuple[list[str], list[Any]]:
        conditions: list[str] = []
        params: list[Any] = []
        if query.owner_user_id is not None:
            conditions.append(f'{self.alias}."owner_id" = ?')
            params.append(query.owner_user_id)
        if query.owner_queue_id is not None:
            conditions.append("1 = 0")  # a queue owns no appointments, contacts or tasks
        if query.mailbox_id is not None:  # the records its appointments-contacts-tasks sync links
            conditions.append(
                f'{self.alias}."id" IN (SELECT "record_id" FROM "item_link" '
                'WHERE "mailbox_id" = ? AND "record_type" = ?)'
            )
            params += [query.mailbox_id, self.record_type.value]
        if query.sync_state is not None:
            codes = ", ".join(str(code) for code in _CODES_OF_STATE[query.sync_state])
            conditions.append(f"{_STATE} IN ({codes})")
        if self.dated:
            dates, date_params = _date_range(f'{self.alias}."{self.dated}"', query)
            conditions, params = conditions + dates, params + date_params
        return conditions, params

    def rows(self, ids: Sequence[int]) -> dict[int, RecordRow]:
        a = self.alias
        own = ", ".join(f'{a}."{name}"' for name in self.shown)
        found = self._select(
            f'{a}."id", {own}, {a}."owner_id", COALESCE(u."name", \'\'), {self.state_sql()}, '
            f"{_conflict_expression(a, self.record_type)}",
            f'LEFT JOIN "system_user" u ON u."id" = {a}."owner_id"',
            ids,
        )
        count = len(self.shown)
        conflicts = _conflicts({row[count + 4] for row in found if row[count + 4] is not None})
        no_link = [row[0] for row in found if row[count + 3] == SYNC_NO_LINK]
        pending = records_that_would_sync(self.record_type, no_link)
        rows: dict[int, RecordRow] = {}
        for row in found:
            values = {name: self.value(name, row[1 + i]) for i, name in enumerate(self.shown)}
            code = row[count + 3]
            if code == SYNC_NO_LINK:
                state = SyncState.PENDING if row[0] in pending else SyncState.NOT_SYNCED
            else:
                state = _STATE_OF_CODE[code]
            conflict = conflicts.get(row[count + 4]) if state is SyncState.CONFLICT else None
            rows[row[0]] = RecordRow(
                row[0], self.record_type, self.title(values), values, row[count + 1], row[count + 2], state, conflict
            )
        return rows

    def value(self, name: str, raw: Any) -> Any:
        return raw

    def title(self, values: dict[str, Any]) -> str:
        return str(values.get("subject", ""))


def _conflicts(ids: set[int]) -> dict[int, Conflict]:
    if not ids:
        return {}
    return {
        c.id: Conflict(c.id, c.winner, c.policy, c.mailbox_id)
        for c in ConflictLog.select().where(ConflictLog.id.in_(ids))
    }


_ACT_MAILBOXES = (
    'SELECT m."owner_user_id", m."id" FROM "mailbox" m JOIN "system_user" u ON u."id" = m."owner_user_id" '
    'WHERE m."approval" = ? AND m."profile_id" IS NOT NULL AND m."act_method" = ? '
    'AND m."act_enabled" = 1 AND m."is_active" = 1 AND u."is_active" = 1 AND m."owner_user_id" IN ({owners}) '
    'ORDER BY m."id"'
)


def act_mailboxes(owner_ids: Iterable[int]) -> dict[int, list[int]]:
    """The mailboxes of these owners that synchronize appointments, contacts and tasks (approved,
    with a profile, active, server-side synchronization, enabled), by owner."""
    owners = sorted(set(owner_ids))
    if not owners:
        return {}
    sql = _ACT_MAILBOXES.format(owners=", ".join("?" for _ in owners))
    found: dict[int, list[int]] = {}
    for owner_id, mailbox_id in run(sql, [ApprovalStatus.APPROVED.value, SyncMethod.SERVER_SIDE.value, *owners]):
        found.setdefault(owner_id, []).append(mailbox_id)
    return found


def act_mailbox_ids(owner_id: int) -> list[int]:
    """The owner's mailboxes that synchronize appointments, contacts and tasks."""
    return act_mailboxes([owner_id]).get(owner_id, [])


def records_that_would_sync(record_type: RecordType, record_ids: Iterable[int]) -> set[int]:
    """Of these records without a link, those the next cycle creates in Exchange: their owner has a
    mailbox that synchronizes them and the owner's filters select them (the sync's own selection)."""
    record_ids = list(record_ids)
    if not record_ids:
        return set()
    model = MODELS[record_type]
    owners: dict[int, list[int]] = {}
    for record_id, owner_id in run(
        f'SELECT "id", "owner_id" FROM "{model._meta.table_name}" WHERE "id" IN ({", ".join("?" for _ in record_ids)})',
        record_ids,
    ):
        if owner_id is not None:
            owners.setdefault(owner_id, []).append(record_id)
    selected: set[int] = set()
    for owner_id in act_mailboxes(owners):
        criteria_lists = usable_filters(owner_id, record_type)
        if criteria_lists:
            query = filters_sql.selected_query(record_type, criteria_lists, owner_id)
            selected.update(r.id for r in query.where(model.id.in_(owners[owner_id])))
    return selected


class AppointmentList(SyncedRecordList):
    table = "appointment"
    alias = "a"
    record_type = RecordType.APPOINTMENT
    search_table, searched = SEARCHED["appointment"]  # the columns its FTS table indexes
    shown = ("subject", "start", "end", "is_all_day", "location")
    dated = "start"
    sorts = {
        "subject": _sort('a."subject" COLLATE NOCASE'),
        "start": _sort('a."start"'),
        "end": _sort('a."end"'),
        "location": _sort('a."location" COLLATE NOCASE'),
    }
    default_sort = "start"

    def value(self, name: str, raw: Any) -> Any:
        if name in ("start", "end"):
            return _time(raw)
        return bool(raw) if name == "is_all_day" else raw


class ContactList(SyncedRecordList):
    table = "contact"
    alias = "c"
    record_type = RecordType.CONTACT
    search_table, searched = SEARCHED["contact"]  # the columns its FTS table indexes
    shown = ("first_name", "last_name", "email", "company", "job_title", "business_phone")
    sorts = {
        "name": Sort(('c."last_name" COLLATE NOCASE', 'c."first_name" COLLATE NOCASE')),
        "email": _sort('c."email" COLLATE NOCASE'),
        "company": _sort('c."company" COLLATE NOCASE'),
        "job_title": _sort('c."job_title" COLLATE NOCASE'),
        "business_phone": _sort('c."business_phone"'),
    }
    default_sort = "name"

    def title(self, values: dict[str, Any]) -> str:
        return " ".join(p for p in (values.get("first_name", ""), values.get("last_name", "")) if p)


class TaskList(SyncedRecordList):
    table = "task"
    alias = "t"
    record_type = RecordType.TASK
    search_table, searched = SEARCHED["task"]  # the columns its FTS table indexes
    shown = ("subject", "due", "percent_complete", "is_complete")
    dated = "due"
    sorts = {
        "subject": _sort('t."subject" COLLATE NOCASE'),
        "due": _sort('t."due"'),
        "percent_complete": _sort('t."percent_complete"'),
        "is_complete": _sort('t."is_complete"'),
    }
    default_sort = "due"

    def value(self, name: str, raw: Any) -> Any:
        if name == "due":
            return _time(raw)
        return bool(raw) if name == "is_complete" else raw


# --- emails that could not be sent or processed -------------------------------------------------


@dataclass(frozen=True)
class FailedRow:
    """An email-scope alert: an outgoing email Exchange refused, or an incoming one not processed."""

    id: int  # the alert's
    happened_on: datetime | None
    workload: Workload | None
    mailbox_id: int | None
    mailbox_name: str
    error_code: str
    message: str
    message_parts: str
    details: str
    email_id: int | None
    subject: str
    email_status: EmailStatus | None
    failure_reason: str
    is_open: bool


_SUBJECT_LINE = re.compile(r"^Subject: (.*)$", re.MULTILINE)


class FailedList(RecordList):
    table = "alert"
    alias = "f"
    searched = ("message", "details", "error_code")
    sorts = {
        "date": _sort('f."created_on"'),
        "workload": _sort('f."workload"'),
        "mailbox": _sort('m."name" COLLATE NOCASE'),
        "subject": _sort('COALESCE(e."subject", f."details") COLLATE NOCASE'),
        "reason": _sort('f."message" COLLATE NOCASE'),
        "status": _sort('e."status"'),
    }
    default_sort = "date"
    _JOINS = 'LEFT JOIN "email_activity" e ON e."id" = f."email_id" LEFT JOIN "mailbox" m ON m."id" = f."mailbox_id"'

    def joins(self, query: ListQuery) -> str:
        return self._JOINS

    def filter_conditions(self, query: ListQuery) -> tuple[list[str], list[Any]]:
        conditions = ['f."scope" = ?']
        params: list[Any] = [AlertScope.EMAIL.value]
        if query.mailbox_id is not None:
            conditions.append('f."mailbox_id" = ?')
            params.append(query.mailbox_id)
        if query.owner_user_id is not None:
            conditions.append('m."owner_user_id" = ?')
            params.append(query.owner_user_id)
        if query.owner_queue_id is not None:
            conditions.append('m."owner_queue_id" = ?')
            params.append(query.owner_queue_id)
        if query.direction is not None:
            workload = Workload.INCOMING if query.direction is EmailDirection.INCOMING else Workload.OUTGOING
            conditions.append('f."workload" = ?')
            params.append(workload.value)
        if query.status is not None:
            conditions.append('e."status" = ?')
            params.append(query.status.value)
        dates, date_params = _date_range('f."created_on"', query)
        return conditions + dates, params + date_params

    def search_conditions(self, text: str) -> tuple[list[str], list[Any]]:
        """A short list: every word with LIKE, on the alert and its email's subject."""
        conditions: list[str] = []
        params: list[Any] = []
        for word in (w.strip("\"'") for w in (text or "").split()):
            if word:
                columns = [f'f."{c}"' for c in self.searched] + ['e."subject"']
                like = "LIKE" if on_sqlite() else "ILIKE"
                conditions.append("(" + " OR ".join(f"{c} {like} ? ESCAPE '{LIKE_ESCAPE}'" for c in columns) + ")")
                params += [_like(word)] * len(columns)
        return conditions, params

    def rows(self, ids: Sequence[int]) -> dict[int, FailedRow]:
        found = self._select(
            'f."id", f."created_on", f."workload", f."mailbox_id", COALESCE(m."name", \'\'), f."error_code", '
            'f."message", f."message_parts", f."details", f."email_id", e."subject", e."status", '
            'COALESCE(e."failure_reason", \'\'), f."is_open"',
            self._JOINS,
            ids,
        )
        rows: dict[int, FailedRow] = {}
        for row in found:
            subject = row[10]
            if subject is None:  # an incoming email not processed: its subject is in the details
                line = _SUBJECT_LINE.search(row[8] or "")
                subject = line.group(1) if line else ""
            rows[row[0]] = FailedRow(
                row[0],
                _time(row[1]),
                Workload(row[2]) if row[2] else None,
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                row[8],
                row[9],
                subject,
                EmailStatus(row[11]) if row[11] else None,
                row[12],
                bool(row[13]),
            )
        return rows


EMAILS = EmailList()
APPOINTMENTS = AppointmentList()
CONTACTS = ContactList()
TASKS = TaskList()
FAILED = FailedList()
SYNCED_LISTS: dict[RecordType, SyncedRecordList] = {
    RecordType.APPOINTMENT: APPOINTMENTS,
    RecordType.CONTACT: CONTACTS,
    RecordType.TASK: TASKS,
}

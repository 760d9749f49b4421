"""Stored Test & Enable runs and the conflict log, read back for the mailbox editor's history."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from ews_fixtures import EWS_PASSWORD

from app import paths, secrets
from app.diagnostics.history import STEP_TITLES, report_from_stored
from app.diagnostics.steps import run_mailbox_test
from app.domain.enums import ConflictPolicy, RecordType, RunStatus, Workload
from app.store.db import close_database, open_database
from app.store.history import conflict_rows, stored_run, stored_runs
from app.store.models import Appointment, ConflictLog, Contact, DiagnosticRun, DiagnosticStep

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def _same_steps(live, rebuilt):
    fields = ("name", "title", "workload", "status", "duration_ms", "message", "details", "message_parts")
    return [tuple(getattr(s, f) for f in fields) for s in live.steps] == [
        tuple(getattr(s, f) for f in fields) for s in rebuilt.steps
    ]


def test_every_run_reads_back_after_a_restart_newest_first_with_the_same_steps(setup, ews):
    account = ews.new_account("history")
    mailbox = setup.mailbox(setup.profile(), account.email, password="not the password")
    refused = run_mailbox_test(mailbox.id)
    secrets.set_password(secrets.mailbox_key(mailbox.id), EWS_PASSWORD)
    passed = run_mailbox_test(mailbox.id)
    assert (refused.status, passed.status) == (RunStatus.FAILURE, RunStatus.SUCCESS)

    close_database()  # the app restarts: nothing but the file carries over
    open_database(paths.database_path())

    runs = stored_runs(mailbox.id)
    assert [r.status for r in runs] == [RunStatus.SUCCESS, RunStatus.FAILURE]
    assert [r.started_on for r in runs] == [passed.started_on, refused.started_on]
    for live, run in zip((passed, refused), runs, strict=True):
        rebuilt = report_from_stored(run)
        assert _same_steps(live, rebuilt)
        assert (rebuilt.status, rebuilt.finished_on, rebuilt.email) == (live.status, live.finished_on, account.email)
        assert rebuilt.workloads == {w: s for w, s in live.workloads.items() if w in rebuilt.workloads}
    assert runs[1].first_failure is not None and runs[1].first_failure.name == "connect"
    assert runs[0].first_failure is None
    assert {s.name for s in passed.steps} <= set(STEP_TITLES), "every step the engine runs has its title here"
    assert stored_run(runs[1].id) == runs[1]


def test_runs_of_other_mailboxes_stay_out_and_a_deleted_run_is_none(setup, ews):
    profile = setup.profile()
    mine = setup.mailbox(profile, ews.new_account("mine").email)
    other = setup.mailbox(profile, ews.new_account("other").email)
    for mailbox, minutes in ((mine, 0), (other, 1), (mine, 2)):
        run = DiagnosticRun.create(
            mailbox=mailbox, started_on=T0 + timedelta(minutes=minutes), status=RunStatus.SUCCESS
        )
        DiagnosticStep.create(run=run, position=0, name="preconditions", status=RunStatus.SUCCESS)
    runs = stored_runs(mine.id)
    assert [r.started_on for r in runs] == [T0 + timedelta(minutes=2), T0]
    assert all(len(r.steps) == 1 and r.email == mine.email for r in runs)
    assert runs[0].duration_ms is None, "a run without its finish time has no duration"
    DiagnosticRun.delete_by_id(runs[0].id)
    assert stored_run(runs[0].id) is None
    assert stored_runs(10_000) == []


def test_conflict_log_names_the_record_the_policy_and_what_differed(setup, ews):
    mailbox = setup.mailbox(setup.profile(), ews.new_account("conflicts").email)
    meeting = Appointment.create(subject="Budget review", start=T0, end=T0 + timedelta(hours=1))
    contact = Contact.create(first_name="Ann", last_name="Lee", email="ann@fabrikam.com")
    for minutes, kind, record_id, policy, winner, store, exchange in (
        (
            0,
            RecordType.APPOINTMENT,
            meeting.id,
            ConflictPolicy.MOST_RECENT,
            "exchange",
            {"subject": "A", "x": 1},
            {"subject": "B", "x": 1},
        ),
        (
            5,
            RecordType.CONTACT,
            contact.id,
            ConflictPolicy.STORE_WINS,
            "store",
            {"job_title": "CFO"},
            {"job_title": "CEO"},
        ),
        (9, RecordType.TASK, 4242, ConflictPolicy.EXCHANGE_WINS, "exchange", {}, {}),
    ):
        ConflictLog.create(
            mailbox=mailbox,
            record_type=kind,
            record_id=record_id,
            item_id=f"item-{minutes}",
            policy=policy,
            winner=winner,
            store_version=json.dumps(store),
            exchange_version=json.dumps(exchange),
            happened_on=T0 + timedelta(minutes=minutes),
        )
    rows = conflict_rows(mailbox.id)
    assert [(r.record_type, r.record_name, r.policy, r.winner) for r in rows] == [
        (RecordType.TASK, "", ConflictPolicy.EXCHANGE_WINS, "exchange"),  # the task is gone: no name
        (RecordType.CONTACT, "Ann Lee", ConflictPolicy.STORE_WINS, "store"),
        (RecordType.APPOINTMENT, "Budget review", ConflictPolicy.MOST_RECENT, "exchange"),
    ]
    assert rows[2].changed_fields == ["subject"]
    assert rows[1].store_version == {"job_title": "CFO"} and rows[1].exchange_version == {"job_title": "CEO"}
    assert conflict_rows(10_000) == []


def test_an_unreadable_version_is_shown_as_empty(setup, ews):
    mailbox = setup.mailbox(setup.profile(), ews.new_account("broken").email)
    ConflictLog.create(
        mailbox=mailbox,
        record_type=RecordType.TASK,
        record_id=1,
        item_id="i",
        policy=ConflictPolicy.MOST_RECENT,
        winner="store",
        store_version="{not json",
        exchange_version='["a list"]',
    )
    (row,) = conflict_rows(mailbox.id)
    assert (row.store_version, row.exchange_version, row.changed_fields) == ({}, {}, [])


def test_workload_steps_keep_their_workload(setup, ews):
    mailbox = setup.mailbox(setup.profile(), ews.new_account("workloads").email)
    run = DiagnosticRun.create(mailbox=mailbox, started_on=T0, finished_on=T0 + timedelta(seconds=2))
    DiagnosticStep.create(run=run, position=1, name="incoming", workload=Workload.INCOMING, status=RunStatus.FAILURE)
    DiagnosticStep.create(run=run, position=0, name="mystery", status=RunStatus.SUCCESS)
    (stored,) = stored_runs(mailbox.id)
    assert [s.name for s in stored.steps] == ["mystery", "incoming"]
    assert stored.duration_ms == 2000
    report = report_from_stored(stored)
    assert [s.title for s in report.steps] == ["mystery", "Incoming email"], "an unknown step keeps its name"
    assert report.workloads == {Workload.INCOMING: RunStatus.FAILURE}

"""Two ``python -m app sync --once`` started together on one store: nothing twice, anywhere.

Found by a tester (issue 10): two processes on one profile doubled the appointments (20 → 40)
and contacts (30 → 60), in the store and in Exchange: both pushed the same records, one's
ItemLink insert failed, and the item came back in as a new record. The window and a scheduled
``run`` on one store are the same case. Every workload cycle of a mailbox is now a lease in the
store, claimed by one process (the other skips it), and every push carries its record's marker.

The two processes are real subprocesses of the real command line, on this test's store and
against this test process's loopback server; CreateItem is slowed down so that the two really
overlap.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from ews_fixtures import EWS_PASSWORD
from test_appointments_contacts_tasks import START

from app.cli import main
from app.domain.enums import TrackingOption, Workload
from app.store import repo
from app.store.models import Appointment, Contact, EmailActivity, EmailMailboxLink, ItemLink, Mailbox, Task
from app.sync.outgoing import queue_email

REPO_ROOT = Path(__file__).resolve().parents[2]
APPOINTMENTS, CONTACTS, TASKS, EMAILS = 20, 30, 10, 3
SAFETY = 180


def _subjects(ews, email, folder, name="subject"):
    items = ews.server.directory.mailbox(email).distinguished[folder].items.values()
    return Counter(item.get(name) if name != "subject" else item.subject for item in items)


def _sync_once(sssm_home) -> subprocess.Popen:
    env = dict(
        os.environ,
        SSSM_HOME=str(sssm_home),
        SSSM_WORKER_PASSWORD=EWS_PASSWORD,
        PYTHON_KEYRING_BACKEND="worker_support.EnvironmentKeyring",  # the child's password
        PYTHONPATH=os.pathsep.join([str(REPO_ROOT / "tests" / "sync"), str(REPO_ROOT)]),
    )
    return subprocess.Popen(
        [sys.executable, "-m", "app", "sync", "--once"],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_sync_once_processes_on_one_store_push_everything_once(setup, ews, sssm_home, capsys):
    account = ews.new_account("twice", emails=6, appointments=0, contacts=0, tasks=0)
    rcpt = ews.new_account("twicercpt")
    mailbox = setup.mailbox(setup.profile("Two processes", max_connections=4), account.email)
    Mailbox.update(incoming_enabled=True, outgoing_enabled=True, act_enabled=True).where(
        Mailbox.id == mailbox.id
    ).execute()
    options = repo.user_options(setup.user)
    options.tracking_option = TrackingOption.ALL
    options.save()
    for n in range(APPOINTMENTS):
        Appointment.create(owner=setup.user, subject=f"Meeting {n:02}", start=START, end=START.replace(hour=10))
    for n in range(CONTACTS):
        Contact.create(owner=setup.user, first_name="Ann", last_name=f"Contact {n:02}", email=f"c{n}@fabrikam.com")
    for n in range(TASKS):
        Task.create(owner=setup.user, subject=f"Task {n:02}")
    sent = [queue_email(setup.user, rcpt.email, f"Hello {n}", "Once only").message_id for n in range(EMAILS)]
    inbox = len(ews.server.directory.mailbox(account.email).distinguished["inbox"].items)
    seeded = _subjects(ews, account.email, "calendar")  # the meetings of seeded meeting requests, if any
    ews.faults.inject("delay", account=account.email, operation="CreateItem", count=None, seconds=1.0)

    children = [_sync_once(sssm_home), _sync_once(sssm_home)]
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=SAFETY)
        outputs.append(out)
        assert child.returncode == 0, f"{out}\n{err[-3000:]}"
    ews.faults.clear()

    email = account.email
    assert _subjects(ews, email, "calendar") == Counter(f"Meeting {n:02}" for n in range(APPOINTMENTS)) + seeded
    assert _subjects(ews, email, "contacts", "surname") == {f"Contact {n:02}": 1 for n in range(CONTACTS)}
    assert _subjects(ews, email, "tasks") == {f"Task {n:02}": 1 for n in range(TASKS)}
    assert (Appointment.select().count(), Contact.select().count(), Task.select().count()) == (
        APPOINTMENTS + seeded.total(),
        CONTACTS,
        TASKS,
    ), "nothing imported back as new"
    links = list(ItemLink.select())
    assert len(links) == APPOINTMENTS + seeded.total() + CONTACTS + TASKS
    assert (
        len({(link.record_type, link.record_id) for link in links})
        == len({link.item_id for link in links})
        == len(links)
    ), "every record linked once, to an item of its own"
    delivered = Counter(
        item.msgid for item in ews.server.directory.mailbox(rcpt.email).distinguished["inbox"].items.values()
    )
    assert delivered == dict.fromkeys(sent, 1), "every email sent once"
    assert EmailActivity.select().count() == inbox + EMAILS
    assert EmailMailboxLink.select().where(EmailMailboxLink.mailbox == mailbox.id).count() == inbox + EMAILS
    created = sum(
        int(line.split("created ")[1].split(",")[0])
        for out in outputs
        for line in out.splitlines()
        if line.startswith(f"{email} act: created")
    )
    # pushed to Exchange, and a seeded meeting request's meeting (if any) imported to the store
    assert created == APPOINTMENTS + CONTACTS + TASKS + seeded.total(), outputs

    assert main(["sync", "--once"]) == 0, "the next cycle succeeds"
    out = capsys.readouterr().out
    for workload in Workload:
        assert f"{email} {workload.value}: created 0, updated 0, deleted 0" in out, out

"""A crash between CreateItem reaching Exchange and the ItemLink commit creates nothing twice.

A worker subprocess (tests/sync/act_crash_worker.py) runs an appointments/contacts/tasks cycle
on this test's store and is killed with SIGKILL right after the appointments' CreateItem returned,
before their links are stored. The next cycle finds those items (they carry their records'
markers) and links them: one item per record on the server, one link each, nothing imported
back as a new record.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from ews_fixtures import EWS_PASSWORD
from test_appointments_contacts_tasks import NO_SEED, Env, new_record

from app.domain.enums import RecordType
from app.store.models import Appointment, Contact, ItemLink, Task
from app.sync.record_mapping import RECORD_MAPPINGS

WORKER = Path(__file__).with_name("act_crash_worker.py")


def server_items(ews, email, record_type):
    folder = ews.server.directory.mailbox(email).distinguished[RECORD_MAPPINGS[record_type].folder]
    return list(folder.items.values())


def store_counts():
    return Appointment.select().count(), Contact.select().count(), Task.select().count()


@pytest.fixture
def env(setup, ews):
    return Env(setup, ews, **NO_SEED)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_crash_between_the_push_and_its_link_leaves_one_item_and_one_link(env, ews, sssm_home):
    for n in range(3):
        new_record(RecordType.APPOINTMENT, env.user, f"Meeting {n}")
    new_record(RecordType.CONTACT, env.user, "Lee")
    new_record(RecordType.TASK, env.user, "Call back")
    email = env.account.email
    child_env = dict(os.environ, SSSM_HOME=str(sssm_home), SSSM_WORKER_PASSWORD=EWS_PASSWORD)

    worker = subprocess.run(
        [sys.executable, str(WORKER), email, ews.ews_url, str(ews.ca_path)],
        env=child_env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert worker.returncode == -signal.SIGKILL, worker.stdout + worker.stderr[-2000:]
    assert len(server_items(ews, email, RecordType.APPOINTMENT)) == 3, "the push reached Exchange"
    assert ItemLink.select().count() == 0, "killed before the links were stored"
    creates = ews.stats.count("CreateItem", email)

    run = env.cycle()

    for record_type, count in ((RecordType.APPOINTMENT, 3), (RecordType.CONTACT, 1), (RecordType.TASK, 1)):
        assert len(server_items(ews, email, record_type)) == count, record_type
        links = ItemLink.select().where(ItemLink.record_type == record_type)
        assert links.count() == count and {link.item_id for link in links} == {
            item.id for item in server_items(ews, email, record_type)
        }
    assert store_counts() == (3, 1, 1), "nothing imported back as new"
    assert ews.stats.count("CreateItem", email) - creates == 2, "only the contact and the task were created"
    assert run.created == 2 and "calendar: linked 3" in run.notes
    again = env.cycle()
    assert (again.created, again.updated, again.deleted) == (0, 0, 0)

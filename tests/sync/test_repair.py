"""``python -m app repair act --mailbox ADDRESS [--dry-run]``: the duplicates issue 10 left behind
are removed on both sides, keeping the linked item and its record.

The mailbox is seeded as the defect left it: records pushed once, then a second copy of some
items in Exchange — unmarked copies, which the next cycle imported back as new records (what
two processes did before this version), and marked copies (held back by this version) — plus
two records that are genuinely alike but are two records (different markers), which stay.
"""

from __future__ import annotations

from collections import Counter

import pytest
from test_appointments_contacts_tasks import NO_SEED, Env, new_record

from app.cli import main
from app.domain.enums import RecordType
from app.exchange.item_mapping import ITEM_MAPPINGS
from app.exchange.item_marker import MARKER_FIELD
from app.store.models import Appointment, Contact, ItemLink, Task
from app.sync.record_mapping import RECORD_MAPPINGS

LABELS = {
    RecordType.APPOINTMENT: ["Kickoff", "Review", "Retro", "Demo"],
    RecordType.CONTACT: ["Lee", "Kim", "Ono"],
    RecordType.TASK: ["Call", "Write"],
}


def copy_in_exchange(env, record_type, record, *, marked: bool) -> None:
    """A second item for *record*, as a second process made it."""
    items = ITEM_MAPPINGS[record_type]
    item = items.item_class()(account=env.client, folder=items.folder_of(env.client))
    items.to_item(RECORD_MAPPINGS[record_type].store_values(record), item)
    if marked:
        setattr(item, MARKER_FIELD, record.sync_marker)
    item.save()


def label(record_type, values_or_item) -> str:
    get = values_or_item.get if isinstance(values_or_item, dict) else (lambda k: getattr(values_or_item, k))
    return get("last_name") if record_type is RecordType.CONTACT else get("subject")


def server_labels(ews, email, record_type) -> Counter:
    folder = ews.server.directory.mailbox(email).distinguished[RECORD_MAPPINGS[record_type].folder]
    name = "surname" if record_type is RecordType.CONTACT else None
    return Counter(item.get(name) if name else item.subject for item in folder.items.values())


def store_labels(record_type) -> Counter:
    model = RECORD_MAPPINGS[record_type].model
    return Counter(label(record_type, r) for r in model.select())


@pytest.fixture
def seeded(setup, ews):
    env = Env(setup, ews, **NO_SEED)
    records = {t: [new_record(t, env.user, name) for name in names] for t, names in LABELS.items()}
    twin = new_record(RecordType.CONTACT, env.user, "Twin")  # alike, but two records
    new_record(RecordType.CONTACT, env.user, "Twin")
    env.cycle()
    # the old defect: unmarked copies, imported back as new records by the next cycle
    copy_in_exchange(env, RecordType.APPOINTMENT, records[RecordType.APPOINTMENT][0], marked=False)
    copy_in_exchange(env, RecordType.APPOINTMENT, records[RecordType.APPOINTMENT][0], marked=False)
    copy_in_exchange(env, RecordType.CONTACT, records[RecordType.CONTACT][1], marked=False)
    copy_in_exchange(env, RecordType.TASK, records[RecordType.TASK][0], marked=False)
    assert env.cycle().created == 4, "imported back as new records, as the defect did"
    # duplicates this version holds back
    copy_in_exchange(env, RecordType.APPOINTMENT, records[RecordType.APPOINTMENT][2], marked=True)
    copy_in_exchange(env, RecordType.CONTACT, twin, marked=True)
    env.cycle()
    return env


def test_repair_act_dry_run_reports_and_changes_nothing_then_a_real_run_leaves_one_of_each(seeded, ews, capsys):
    email = seeded.account.email
    before_server = {t: server_labels(ews, email, t) for t in RecordType}
    before_store = {t: store_labels(t) for t in RecordType}
    assert before_server[RecordType.APPOINTMENT] == {"Kickoff": 3, "Review": 1, "Retro": 2, "Demo": 1}
    assert before_store[RecordType.APPOINTMENT] == {"Kickoff": 3, "Review": 1, "Retro": 1, "Demo": 1}
    assert before_server[RecordType.CONTACT] == {"Lee": 1, "Kim": 2, "Ono": 1, "Twin": 3}
    links_before = ItemLink.select().count()
    capsys.readouterr()

    assert main(["repair", "act", "--mailbox", email, "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert "dry run: nothing changed" in dry
    assert "appointments: 7 items, 2 duplicated, would remove 3 items in Exchange and 2 records in the store" in dry
    assert "contacts: 7 items, 2 duplicated, would remove 2 items in Exchange and 1 records in the store" in dry
    assert "tasks: 3 items, 1 duplicated, would remove 1 items in Exchange and 1 records in the store" in dry
    assert dry.count("appointment: “Kickoff” (2031-05-06 09:00 UTC), store record") == 2
    assert "appointment: “Retro” (2031-05-06 09:00 UTC)\n" in dry, "held back: no record of its own"
    assert "contact: “Ann Kim <kim@fabrikam.com>”, store record" in dry
    assert {t: server_labels(ews, email, t) for t in RecordType} == before_server, "nothing removed in Exchange"
    assert {t: store_labels(t) for t in RecordType} == before_store and ItemLink.select().count() == links_before
    assert ews.stats.count("DeleteItem", email) == 0

    assert main(["repair", "act", "--mailbox", email]) == 0
    real = capsys.readouterr().out
    assert "appointments: 7 items, 2 duplicated, removed 3 items in Exchange and 2 records in the store" in real
    for record_type, names in LABELS.items():
        expected = Counter(names) + (Counter({"Twin": 2}) if record_type is RecordType.CONTACT else Counter())
        assert server_labels(ews, email, record_type) == expected, record_type
        assert store_labels(record_type) == expected, record_type
    assert (Appointment.select().count(), Contact.select().count(), Task.select().count()) == (4, 5, 2)
    links = list(ItemLink.select())
    assert len(links) == 11 and len({link.item_id for link in links}) == 11
    run = seeded.cycle()
    assert (run.created, run.updated, run.deleted) == (0, 0, 0), run.notes

    assert main(["repair", "act", "--mailbox", email]) == 0
    assert "removed 0 items" in capsys.readouterr().out, "nothing left to repair"
    assert main(["repair", "act", "--mailbox", "nobody@contoso.com"]) == 2


def test_repair_waits_for_nobody_and_skips_a_mailbox_another_process_syncs(seeded, capsys):
    from app.domain.enums import Workload
    from app.store import leases

    leases.claim(leases.mailbox_lease_name(seeded.mailbox.id, Workload.ACT.value), "the-window")
    assert main(["repair", "act", "--mailbox", seeded.account.email]) == 1
    assert "another process" in capsys.readouterr().err

"""Test & Enable of many mailboxes at once (app.diagnostics.bulk), over HTTPS against the loopback
Exchange server; the limit on connections is checked by the server's own count of requests in flight."""

from __future__ import annotations

from app.diagnostics.bulk import run_mailboxes_test
from app.diagnostics.failed import failed_mailbox_ids
from app.domain.cancel import CancelToken
from app.domain.enums import RunStatus
from app.store import repo
from app.store.models import DiagnosticRun, Mailbox

NOT_TESTED = (RunStatus.NOT_RUN,) * 4 + (False,) * 3
PASSED = (RunStatus.SUCCESS,) * 4 + (True,) * 3


def what_the_test_wrote(mailbox_id):
    m = Mailbox.get_by_id(mailbox_id)
    return (
        m.mailbox_status,
        m.incoming_status,
        m.outgoing_status,
        m.act_status,
        m.incoming_enabled,
        m.outgoing_enabled,
        m.act_enabled,
    )


def make_mailboxes(setup, ews, profile, count, prefix="bulk"):
    return [setup.mailbox(profile, ews.new_account(f"{prefix}{n}").email).id for n in range(count)]


def slow_down_the_test_messages(ews):
    """Each mailbox's test message waits half a second at the server: the workers meet there, so
    the peak shows how many were let through at once (exchangelib opens its connections one at a
    time, under one lock, so without a wait the tests would hardly overlap)."""
    ews.faults.inject("delay", operation="CreateItem", count=None, seconds=0.5)


def test_many_mailboxes_never_exceed_the_profiles_connections(setup, ews):
    profile = setup.profile("Three connections", max_connections=3)
    ids = make_mailboxes(setup, ews, profile, 9)
    slow_down_the_test_messages(ews)
    ews.server.in_flight.reset()
    progress = []
    reports = run_mailboxes_test(
        list(reversed(ids)) + ids[:2] + [999_999],  # repeats and an unknown id are left out
        progress=lambda done, total, report: progress.append((done, total, report)),
    )
    assert ews.server.in_flight.peak == 3, "three at once, never more"
    assert [r.mailbox_id for r in reports] == list(reversed(ids)), "in the order given"
    assert all(r.status is RunStatus.SUCCESS for r in reports), reports[0].as_text()
    assert {what_the_test_wrote(i) for i in ids} == {PASSED}
    assert progress[0] == (0, 9, None)
    assert [done for done, _, _ in progress] == list(range(10))
    assert {r.mailbox_id for _, _, r in progress[1:]} == set(ids)


def test_each_profile_keeps_its_own_limit(setup, ews):
    two = setup.profile("Two connections", max_connections=2)
    one = setup.profile("One connection", max_connections=1)
    ids = make_mailboxes(setup, ews, two, 6, "two") + make_mailboxes(setup, ews, one, 4, "one")
    slow_down_the_test_messages(ews)
    ews.server.in_flight.reset()
    reports = run_mailboxes_test(ids)
    assert len(reports) == 10 and all(r.status is RunStatus.SUCCESS for r in reports)
    assert ews.server.in_flight.peak == 3, "both profiles at once, each within its own limit"


def test_cancel_stops_starting_mailboxes_and_leaves_none_half_enabled(setup, ews):
    profile = setup.profile("Cancelled", max_connections=2)
    ids = make_mailboxes(setup, ews, profile, 10)
    cancel = CancelToken()

    def progress(done, total, report):
        if done == 3:
            cancel.cancel()

    reports = run_mailboxes_test(ids, progress=progress, cancel=cancel)
    assert 3 <= len(reports) < 10
    tested = {r.mailbox_id for r in reports}
    assert DiagnosticRun.select().count() == len(tested)
    for mailbox_id in ids:
        # a test stopped between its steps records nothing: tested completely, or not at all
        assert what_the_test_wrote(mailbox_id) == (PASSED if mailbox_id in tested else NOT_TESTED)


def test_a_mailbox_without_a_profile_fails_without_traffic(setup, ews):
    account = ews.new_account("noprofile")
    mailbox_id = setup.mailbox(setup.profile(), account.email).id
    Mailbox.update(profile=None).where(Mailbox.id == mailbox_id).execute()
    ews.stats.reset()
    [report] = run_mailboxes_test([mailbox_id])
    assert report.status is RunStatus.FAILURE
    assert [s.name for s in report.steps] == ["preconditions"]
    assert ews.stats.count() == 0 and ews.stats.unauthorized() == 0


def test_retest_the_mailboxes_whose_last_test_failed(setup, ews):
    profile = setup.profile("Retest", max_connections=2)
    good, wrong_password, act_failed, inactive = (ews.new_account(f"retest{n}") for n in range(4))
    good_id = setup.mailbox(profile, good.email).id
    wrong_id = setup.mailbox(profile, wrong_password.email, password="not-the-password").id
    act_id = setup.mailbox(profile, act_failed.email).id
    inactive_id = setup.mailbox(profile, inactive.email, password="not-the-password").id
    untested_id = setup.mailbox(profile, ews.new_account("untested").email).id
    assert failed_mailbox_ids() == []
    reports = run_mailboxes_test([good_id, wrong_id, act_id, inactive_id])
    assert [r.status for r in reports] == [RunStatus.SUCCESS, RunStatus.FAILURE, RunStatus.SUCCESS, RunStatus.FAILURE]
    # a workload's own failure (a sync after the test) counts too, the mailbox status aside
    Mailbox.update(act_status=RunStatus.FAILURE).where(Mailbox.id == act_id).execute()
    Mailbox.update(is_active=False).where(Mailbox.id == inactive_id).execute()
    assert failed_mailbox_ids() == [wrong_id, act_id], "not the passed, untested or inactive ones"

    mailbox = Mailbox.get_by_id(wrong_id)
    repo.save_mailbox(repo.mailbox_settings(mailbox), mailbox=mailbox, password="Passw0rd!")  # the admin fixes it
    retested = run_mailboxes_test(failed_mailbox_ids())
    assert [(r.mailbox_id, r.status) for r in retested] == [(wrong_id, RunStatus.SUCCESS), (act_id, RunStatus.SUCCESS)]
    assert failed_mailbox_ids() == []
    assert what_the_test_wrote(untested_id) == NOT_TESTED

"""Fuzzing every parser of the app with mutated real Exchange answers (hypothesis).

Parsers: the incoming light parse (GetItem → ``IncomingEmail``: app/exchange/services/get_item.py
and message_parse.py; SyncFolderItems → ``NewMessage``: services/sync_folder_items.py), the
appointment/contact/task mapping (app/exchange/item_mapping.py, on the items exchangelib parsed
from the answer), Autodiscover (app/exchange/autodiscover.py) and error classification
(app/exchange/errors.py ``classify``, on exceptions of every kind and on mutated SOAP faults).

Seeds: the answers recorded from real Exchange in tests/data/ews-captures and the loopback
server's own answers. Each example makes the app's real request; the answer it gets is the seed
mutated (fuzz_support.py). The verdict on each example:

- a failure must be classified: ``classify`` names it with a code other than "Unexpected" (the
  catch-all for exceptions nobody expected — an AttributeError, a KeyError …);
- a parse of a well-formed answer must give values of the right types;
- a parse of an answer that is not well-formed XML (exchangelib's parser recovers what it can)
  must give exactly what the intact answer gives, or fail: nothing cut short, nothing invented.

And the store side: a real incoming cycle whose GetItem answer is truncated or malformed (the
loopback server's faults) leaves every batch in the store whole or not at all.

50 examples per parser in ``make test`` (the same ones every run: derandomized), 500 in
``make soak`` (random). Each test prints how its examples ended.
"""

from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import pytest
from fuzz_support import Mutation, answering, apply_all, mutations, php_ews_bodies, well_formed
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_support import figure, scaled, soak

from app.domain.enums import AuthProtocol, RecordType, TrackingOption
from app.exchange import net
from app.exchange.appointments_contacts_tasks import FetchedItem, fetch_items, folder_changes
from app.exchange.autodiscover import discover
from app.exchange.connection import plan_connection
from app.exchange.errors import ItemError, classify
from app.exchange.incoming_email import Inbox, InboxPage, IncomingEmail, NewMessage
from app.exchange.item_mapping import ITEM_MAPPINGS
from app.store.models import EmailActivity, EmailMailboxLink, Mailbox, UserOptions
from app.sync.incoming import FETCH_BATCH, sync_incoming
from app.sync.session import connection_for

pytestmark = pytest.mark.soak

EXAMPLES = scaled(50, 500)
FUZZ = settings(
    max_examples=EXAMPLES, deadline=None, derandomize=not soak(), database=None, suppress_health_check=list(HealthCheck)
)

BROKEN_ACCEPTED = (
    "exchangelib parses every answer with a recovering XML parser (recover=True), so an answer that "
    "is not well-formed is handed over in part and taken as whole"
)


# --- the verdict ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    result: object
    error: BaseException | None
    handed: list[bytes]

    @property
    def well_formed(self) -> bool:
        return all(well_formed(body) for body in self.handed)


def attempt(operation: str, seed: bytes | None, edits: list[Mutation], call: Callable[[], object]) -> Outcome:
    """*call* (the app's real request) with the answers to *operation* replaced by the mutated seed
    (None: the server's own answer)."""
    with answering(operation, lambda real: apply_all(real if seed is None else seed, edits)) as handed:
        try:
            return Outcome(call(), None, handed)
        except Exception as exc:  # noqa: BLE001 - what the parser raised is what the verdict judges
            return Outcome(None, exc, handed)


class Tally:
    """How the examples of one parser ended."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.endings: Counter[str] = Counter()
        self.problems: Counter[str] = Counter()
        self.first: dict[str, str] = {}

    def judge(
        self,
        outcome: Outcome,
        intact: Callable[[], Outcome],
        types_ok: Callable[[object], str | None],
        edits: list[Mutation],
    ) -> None:
        problem = None
        if outcome.error is not None:
            failure = classify(outcome.error)  # must not raise either
            self.endings[f"failed as {failure.code}"] += 1
            if not failure.code or failure.code == "Unexpected":
                problem = f"unclassified {type(outcome.error).__name__}"
        elif outcome.well_formed:
            self.endings["parsed"] += 1
            problem = types_ok(outcome.result)
        else:
            self.endings["parsed from a broken answer"] += 1
            baseline = intact()
            if baseline.error is not None or baseline.result != outcome.result:
                problem = "a broken answer parsed into something the intact answer does not say"
        if problem:
            self.problems[problem] += 1
            detail = f"{problem}: {outcome.error!r}"[:300] if outcome.error else problem
            self.first.setdefault(problem, f"{detail} after {[e.describe() for e in edits]}")

    def finish(self) -> None:
        endings = ", ".join(f"{n} {what}" for what, n in self.endings.most_common())
        problems = ", ".join(f"{what} ×{n}" for what, n in self.problems.most_common()) or "none"
        figure(f"fuzz {self.name}: {sum(self.endings.values())} examples ({endings}); problems: {problems}")
        assert not self.problems, "\n".join(self.first.values())


def _aware(value: object) -> bool:
    return value is None or (isinstance(value, datetime) and value.utcoffset() is not None)


def emails_ok(result: object) -> str | None:
    for item in result if isinstance(result, list) else [None]:
        if isinstance(item, ItemError):
            continue
        if not isinstance(item, IncomingEmail):
            return f"not an IncomingEmail: {type(item).__name__}"
        texts = (
            item.item_id,
            item.subject,
            item.body,
            item.references,
            item.message_id,
            item.sender,
            item.to_recipients,
            item.cc_recipients,
        )
        if not all(isinstance(t, str) for t in texts) or not (_aware(item.received) and _aware(item.sent)):
            return "an IncomingEmail field of the wrong type"
    return None


def page_ok(result: object) -> str | None:
    if not isinstance(result, InboxPage) or not (result.sync_state is None or isinstance(result.sync_state, str)):
        return "not an InboxPage"
    for new in result.created:
        if new is not None and not (
            isinstance(new, NewMessage) and isinstance(new.item_id, str) and _aware(new.received)
        ):
            return "a NewMessage field of the wrong type"
    return None


def items_ok(record_type: RecordType) -> Callable[[object], str | None]:
    mapping = ITEM_MAPPINGS[record_type]

    def check(result: object) -> str | None:
        for item in result if isinstance(result, list) else [None]:
            if isinstance(item, ItemError):
                continue
            if not isinstance(item, FetchedItem) or not _aware(item.last_modified):
                return "not a FetchedItem"
            if item.values is None:
                continue
            if set(item.values) != set(mapping.store_fields):
                return f"store values with the fields {sorted(item.values)}"
            for name, value in item.values.items():
                if name in ("start", "end", "due"):
                    ok = _aware(value)
                elif name in ("is_all_day", "is_complete"):
                    ok = isinstance(value, bool)
                elif name == "percent_complete":
                    ok = isinstance(value, int) and 0 <= value <= 100
                else:
                    ok = isinstance(value, str)
                if not ok:
                    return f"{record_type.value} {name} = {value!r}"
        return None

    return check


def discovered_ok(result: object) -> str | None:
    if not (isinstance(result, str) and result.lower().startswith(("https://", "http://"))):
        return "an EWS URL that is no URL"
    return None


# --- the parsers ---------------------------------------------------------------------------------


class Fuzzed:
    """A mailbox with a little of everything, and the ids the requests ask for."""

    def __init__(self, setup, ews) -> None:
        self.account = ews.new_account("fuzz", emails=6, appointments=2, contacts=2, tasks=2)
        self.mailbox = setup.mailbox(setup.profile("Fuzz"), self.account.email)
        self.connection = connection_for(self.mailbox)
        self.inbox = Inbox(self.connection)
        page = self.inbox.sync_page(None, 512)
        self.messages = [(new.item_id, new.change_key) for new in page.created if new is not None]
        self.items = {
            t: [c.item_id for c in folder_changes(self.connection, t, None, max_changes=100).changes]
            for t in RecordType
        }
        self._intact: dict[tuple, Outcome] = {}

    def intact(
        self, key: tuple, operation: str, seed: bytes | None, call: Callable[[], object]
    ) -> Callable[[], Outcome]:
        def baseline() -> Outcome:
            if key not in self._intact:
                self._intact[key] = attempt(operation, seed, [], call)
            return self._intact[key]

        return baseline


@pytest.fixture
def fuzzed(setup, ews) -> Fuzzed:
    return Fuzzed(setup, ews)


BAD_DATE = Mutation("named-text", 0.0, "2024-13-45T25:61:61Z", name="DateTimeReceived")
NO_ITEM_ID = Mutation("named-remove", 0.0, name="ItemId")  # the first change's
CUT_SHORT = Mutation("truncate", 0.6)


def test_incoming_get_item_answers(fuzzed):
    seeds = [None, *php_ews_bodies("GetItem", "<t:Message")]
    tally = Tally("incoming GetItem (light parse)")

    def call():
        return fuzzed.inbox.fetch_emails(fuzzed.messages, FETCH_BATCH)

    @FUZZ
    @example(seed=0, edits=[BAD_DATE])
    @example(seed=0, edits=[CUT_SHORT])
    @given(seed=st.sampled_from(range(len(seeds))), edits=mutations())
    def check(seed, edits):
        outcome = attempt("GetItem", seeds[seed], edits, call)
        tally.judge(outcome, fuzzed.intact(("GetItem", seed), "GetItem", seeds[seed], call), emails_ok, edits)

    check()
    tally.finish()


def test_incoming_sync_folder_items_answers(fuzzed):
    seeds = [None, *php_ews_bodies("SyncFolderItems")]
    tally = Tally("incoming SyncFolderItems (light parse)")

    def call():
        return fuzzed.inbox.sync_page(None, 512)

    @FUZZ
    @example(seed=0, edits=[NO_ITEM_ID])
    @given(seed=st.sampled_from(range(len(seeds))), edits=mutations())
    def check(seed, edits):
        outcome = attempt("SyncFolderItems", seeds[seed], edits, call)
        tally.judge(outcome, fuzzed.intact(("Sync", seed), "SyncFolderItems", seeds[seed], call), page_ok, edits)

    check()
    tally.finish()


ITEM_TAGS = {RecordType.APPOINTMENT: "CalendarItem", RecordType.CONTACT: "Contact", RecordType.TASK: "Task"}


def test_item_mapping_of_appointment_contact_and_task_answers(fuzzed):
    seeds = [(t, None) for t in RecordType] + [
        (t, body) for t in RecordType for body in php_ews_bodies("GetItem", f"<t:{ITEM_TAGS[t]}>")
    ]
    tally = Tally("appointments/contacts/tasks GetItem (item mapping)")

    @FUZZ
    @example(seed=0, edits=[CUT_SHORT])
    @given(seed=st.sampled_from(range(len(seeds))), edits=mutations())
    def check(seed, edits):
        record_type, body = seeds[seed]

        def call():
            return fetch_items(fuzzed.connection, record_type, fuzzed.items[record_type])

        outcome = attempt("GetItem", body, edits, call)
        tally.judge(outcome, fuzzed.intact(("ACT", seed), "GetItem", body, call), items_ok(record_type), edits)

    check()
    tally.finish()


@pytest.fixture
def autodiscovered(setup, ews):
    with socket.socket() as closed:  # contoso.com itself answers nothing: the next candidate is asked
        closed.bind(("127.0.0.1", 0))
        dead_port = closed.getsockname()[1]
    net.map_host("contoso.com", 443, "127.0.0.1", dead_port)
    net.map_host("autodiscover.contoso.com", 443, "127.0.0.1", ews.server.port)
    net.map_host("autodiscover.contoso.com", 80, "127.0.0.1", dead_port)  # the last, plain-HTTP candidate
    account = ews.new_account("fuzzad")
    mailbox = setup.mailbox(
        setup.profile("Fuzz Autodiscover", auto_discover=True, incoming_url="", auth_protocol=AuthProtocol.BASIC),
        account.email,
    )
    plan = plan_connection(mailbox)
    assert discover(plan).ews_url, "sanity: Autodiscover works unmutated"
    yield plan
    net.unmap_host("autodiscover.contoso.com", 80)


def test_autodiscover_answers(autodiscovered):
    seeds = [None, *php_ews_captures_autodiscover()]
    tally = Tally("Autodiscover (SOAP GetUserSettings)")
    baselines: dict[int, Callable[[], Outcome]] = {}

    def call() -> str:
        """What the app takes from Autodiscover: the EWS URL; no URL fails with the error it found."""
        result = discover(autodiscovered)
        if result.ews_url is None:
            raise result.error or RuntimeError("neither an EWS URL nor an error")
        return result.ews_url

    @FUZZ
    @example(seed=0, edits=[Mutation("named-remove", 0.0, name="ErrorCode", count=2)])  # the UserResponse's
    @example(seed=0, edits=[Mutation("named-text", 0.0, "Bogus", name="Value", count=1)])  # ExternalEwsUrl
    @given(seed=st.sampled_from(range(len(seeds))), edits=mutations())
    def check(seed, edits):
        outcome = attempt("autodiscover", seeds[seed], edits, call)
        intact = baselines.setdefault(seed, _memo(lambda: attempt("autodiscover", seeds[seed], [], call)))
        tally.judge(outcome, intact, discovered_ok, edits)

    check()
    tally.finish()


def _memo(make: Callable[[], Outcome]) -> Callable[[], Outcome]:
    found: list[Outcome] = []

    def get() -> Outcome:
        if not found:
            found.append(make())
        return found[0]

    return get


def php_ews_captures_autodiscover() -> list[bytes]:
    """The Autodiscover answers recorded from real Exchange (POX, and an error page in its place)."""
    import json

    from fuzz_support import CAPTURES

    found = []
    for path in sorted(CAPTURES.rglob("ExchangeAutodiscoverTest.*.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            if isinstance(record, dict) and record.get("statusCode") == 200 and record.get("body"):
                found.append(record["body"].encode())
    assert found, "no recorded Autodiscover answers"
    return found


# --- error classification ------------------------------------------------------------------------


def _exchangelib_errors() -> list[type[BaseException]]:
    """exchangelib's exception classes that can be built the way exchangelib builds them."""
    from exchangelib import errors

    classes = (c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, BaseException))
    return sorted((c for c in classes if _make(c, "x") is not None), key=lambda c: c.__name__)


def _make(cls: type[BaseException], message: str) -> BaseException | None:
    """An instance of *cls* from one to three text arguments (as its constructor wants), or None."""
    for args in ((message,), (message, message), (message, 0), (message, message, message)):
        try:
            exc = cls(*args)
            str(exc)
        except Exception:  # noqa: BLE001 - try the next way of building it
            continue
        return exc
    return None


@st.composite
def exceptions(draw, depth: int = 0) -> BaseException:
    import ssl

    import requests
    from fuzz_support import ODD_TEXT

    from app.exchange.errors import ExchangeError

    message = draw(ODD_TEXT)
    family = draw(
        st.sampled_from(
            ["exchangelib", "requests", "os", "plain", "wrapped"]
            if depth < 2
            else ["exchangelib", "requests", "os", "plain"]
        )
    )
    if family == "exchangelib":
        cls = draw(st.sampled_from(_exchangelib_errors()))
        exc = _make(cls, message) or cls("x")
        if cls.__name__ == "ErrorServerBusy":
            back_off = draw(st.one_of(st.none(), st.integers(-(10**6), 10**12).map(lambda ms: ms / 1000)))
            exc = cls(message, back_off=back_off)
    elif family == "requests":
        cls = draw(
            st.sampled_from(
                [
                    requests.exceptions.ConnectionError,
                    requests.exceptions.Timeout,
                    requests.exceptions.SSLError,
                    requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ReadTimeout,
                    requests.exceptions.HTTPError,
                    requests.exceptions.InvalidURL,
                    requests.exceptions.TooManyRedirects,
                ]
            )
        )
        exc = cls(message)
    elif family == "os":
        cls = draw(
            st.sampled_from(
                [
                    OSError,
                    ConnectionResetError,
                    ConnectionRefusedError,
                    TimeoutError,
                    socket.timeout,
                    ssl.SSLError,
                    BrokenPipeError,
                    socket.gaierror,
                ]
            )
        )
        exc = cls(message)
    elif family == "plain":
        exc = draw(st.sampled_from([ValueError, KeyError, RuntimeError, TypeError, UnicodeDecodeError.__base__]))(
            message
        )
    else:
        exc = ExchangeError(message, draw(exceptions(depth + 1)))
    if depth < 2 and draw(st.booleans()):
        inner = draw(exceptions(depth + 1))
        if draw(st.booleans()):
            exc.__cause__ = inner
        else:
            exc.__context__ = inner
    return exc


def test_classify_names_every_exception():
    """classify() never raises, always gives a code, a message and a next step, and its back-off is
    never shorter than the default (escalation waits for it)."""
    from datetime import timedelta

    from app.domain.escalation import backoff_for, standard_backoff

    codes: Counter[str] = Counter()

    @FUZZ
    @given(exc=exceptions())
    def check(exc):
        failure = classify(exc)
        assert failure.code and failure.message and failure.next_step and isinstance(failure.transient, bool)
        assert backoff_for(failure) >= standard_backoff() and backoff_for(failure) < timedelta(days=365 * 100)
        codes[failure.code] += 1

    check()
    figure(f"fuzz classify: {sum(codes.values())} exceptions ({', '.join(f'{n} {c}' for c, n in codes.most_common())})")


def test_mutated_soap_faults_are_classified(fuzzed, ews):
    """ErrorServerBusy and ErrorInternalServerError faults of the loopback server, mutated: what
    exchangelib makes of them is classified, and a server-busy back-off never shortens the default."""
    from app.domain.escalation import backoff_for, standard_backoff

    tally = Tally("SOAP faults (classify)")
    email = fuzzed.account.email

    def call():
        return fuzzed.inbox.sync_page(None, 512)

    @FUZZ
    @example(kind="server_busy", edits=[Mutation("named-text", 0.0, "-5000", name="Value")])  # BackOffMilliseconds
    @example(kind="server_busy", edits=[Mutation("named-text", 0.0, "Bogus", name="Value")])
    @given(kind=st.sampled_from(["server_busy", "fault500"]), edits=mutations())
    def check(kind, edits):
        ews.faults.inject(kind, account=email, operation="SyncFolderItems", count=None, backoff_ms=60_000)
        try:
            with answering("SyncFolderItems", lambda real: apply_all(real, edits), statuses=(500,)) as handed:
                try:
                    call()
                    outcome = Outcome(None, RuntimeError("a fault was taken for an answer"), handed)
                except Exception as exc:  # noqa: BLE001 - judged below
                    outcome = Outcome(None, exc, handed)
        finally:
            ews.faults.clear(account=email)
        tally.judge(outcome, lambda: outcome, lambda _: None, edits)
        failure = classify(outcome.error)
        assert backoff_for(failure) >= standard_backoff()

    check()
    tally.finish()


# --- the store side: a broken GetItem answer never leaves half a batch -----------------------------

STORE_EXAMPLES = scaled(4, 60)  # random ones, besides the explicit examples
CASES = [
    ("truncated", 1),
    ("truncated", 3),
    ("truncated", 150),
    ("malformed", 2),
    ("malformed", 3),
    ("malformed", 150),
]  # a single email under "malformed": test_a_malformed_answer_for_one_new_email…


class IncomingStore:
    def __init__(self, setup, ews) -> None:
        self.setup, self.ews = setup, ews
        self.profile = setup.profile("Fuzz incoming store", max_connections=4)
        UserOptions.update(tracking_option=TrackingOption.ALL).where(UserOptions.user == setup.user.id).execute()
        self.cycles: Counter[str] = Counter()

    def mailbox_with(self, emails: int, body_size: int):
        account = self.ews.new_account("halfway", emails=0, appointments=0, contacts=0, tasks=0)
        for n in range(emails):
            self.ews.server.deliver(
                account.email,
                f"Whole or none {n}",
                f"Line {n}. " + "x" * body_size,
                sender=f"sender{n}@fabrikam.com",
                msgid=f"<whole-{n}-{account.email}>",
            )
        mailbox = self.setup.mailbox(self.profile, account.email)
        Mailbox.update(incoming_enabled=True).where(Mailbox.id == mailbox.id).execute()
        return account, mailbox

    def wrong(self, account, mailbox) -> tuple[int, list[str]]:
        """How many emails the store holds for the mailbox, and those that differ from the server's."""
        inbox = {
            item.msgid: item
            for item in self.ews.server.directory.mailbox(account.email).distinguished["inbox"].items_by_received()
        }
        stored = list(
            EmailActivity.select()
            .join(EmailMailboxLink, on=EmailMailboxLink.email == EmailActivity.id)
            .where(EmailMailboxLink.mailbox == mailbox.id)
        )
        differ = []
        for email in stored:
            item = inbox.get(email.message_id)
            if item is None or (email.subject, email.body, email.sender) != (item.subject, item.body, item.sender[1]):
                differ.append(
                    f"{email.message_id}: {email.subject!r}, body {len(email.body)} chars, sender {email.sender!r}"
                )
        return len(stored), differ


@pytest.fixture
def incoming_store(setup, ews) -> IncomingStore:
    return IncomingStore(setup, ews)


def test_a_broken_get_item_answer_leaves_whole_batches_or_none(incoming_store, ews):
    """A real incoming cycle whose GetItem answer the server truncates or malforms stores each
    batch whole (every email as the server has it) or not at all, and the next cycle completes it."""

    @settings(FUZZ, max_examples=STORE_EXAMPLES)
    @example(case=("truncated", 1), fraction=0.5, body_size=3000)
    @example(case=("truncated", 150), fraction=0.5, body_size=3000)
    @example(case=("malformed", 2), fraction=0.5, body_size=3000)
    @example(case=("malformed", 150), fraction=0.5, body_size=3000)
    @given(case=st.sampled_from(CASES), fraction=st.floats(0.02, 0.98), body_size=st.sampled_from([200, 3000]))
    def check(case, fraction, body_size):
        kind, emails = case
        account, mailbox = incoming_store.mailbox_with(emails, body_size)
        params = {"fraction": fraction} if kind == "truncated" else {}
        ews.faults.inject(kind, account=account.email, operation="GetItem", count=1, **params)
        try:
            failed = sync_incoming(mailbox)
        finally:
            ews.faults.clear(account=account.email)
        stored, differ = incoming_store.wrong(account, mailbox)
        incoming_store.cycles[f"{kind}: {'failed' if failed.failure else 'succeeded'}, {stored} of {emails}"] += 1
        assert differ == [], f"{kind} {fraction:.2f}: stored wrong {differ}"
        assert stored % FETCH_BATCH == 0 or stored == emails, f"half a batch stored: {stored} of {emails}"
        again = sync_incoming(mailbox)
        assert again.failure is None, again.failure
        assert incoming_store.wrong(account, mailbox) == (emails, [])

    check()
    figure(
        "fuzz incoming store (broken GetItem answers): "
        + ", ".join(f"{n}× {what}" for what, n in sorted(incoming_store.cycles.items()))
    )


def test_a_malformed_answer_for_one_new_email_is_not_stored_cut_short(incoming_store, ews):
    account, mailbox = incoming_store.mailbox_with(1, 3000)
    ews.faults.inject("malformed", account=account.email, operation="GetItem", count=1)
    try:
        run = sync_incoming(mailbox)
    finally:
        ews.faults.clear(account=account.email)
    stored, differ = incoming_store.wrong(account, mailbox)
    assert differ == [], f"stored wrong (the cycle {'failed' if run.failure else 'succeeded'}): {differ}"
    assert run.failure is not None and run.failure.code == "MalformedResponse"

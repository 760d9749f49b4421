"""exchangelib 5.6 over HTTPS on the mail features a real mailbox has: MIME in and out, file and
item attachments, replies and forwards, copies, OOF, time zones, distribution lists, filters on
ordinary fields and on MAPI properties, and no version hunting for an unknown operation."""

from __future__ import annotations

import datetime

import pytest
from ews_fixtures import exchangelib_trusts
from exchangelib import (
    DELEGATE,
    Account,
    Configuration,
    Credentials,
    ExtendedProperty,
    FileAttachment,
    ItemAttachment,
    Message,
    OofSettings,
)
from exchangelib import Mailbox as EwsMailbox
from exchangelib.errors import ErrorInvalidRequest, SOAPError
from exchangelib.ewsdatetime import UTC
from exchangelib.version import EXCHANGE_2013_SP1, Version
from mime_samples import JA_BODY, JA_SUBJECT, iso2022jp_message

NO_SEED = dict(emails=0, appointments=0, contacts=0, tasks=0)


@pytest.fixture(autouse=True)
def trusted(ews):
    with exchangelib_trusts(ews.ca_path):
        yield


def connect(ews, account):
    config = Configuration(
        service_endpoint=ews.ews_url,
        credentials=Credentials(account.email, account.password),
        version=Version(build=EXCHANGE_2013_SP1),
    )
    return Account(account.email, config=config, autodiscover=False, access_type=DELEGATE)


class MessageFlags(ExtendedProperty):
    property_tag = 0x0E07
    property_type = "Integer"


@pytest.fixture(scope="module", autouse=True)
def registered():
    Message.register("message_flags", MessageFlags)
    yield
    Message.deregister("message_flags")


def test_mime_sent_and_read_back(ews):
    sender, receiver = ews.new_account("mime-s", **NO_SEED), ews.new_account("mime-r", **NO_SEED)
    alice, bob = connect(ews, sender), connect(ews, receiver)
    raw = iso2022jp_message(sender.email, receiver.email, msgid="<exlib-ja@contoso.com>")
    Message(account=alice, folder=alice.sent, mime_content=raw).send_and_save()
    got = bob.inbox.get(message_id="<exlib-ja@contoso.com>")
    assert got.subject == JA_SUBJECT and got.text_body.strip().replace("\r\n", "\n") == JA_BODY
    assert got.mime_content == raw
    assert [a.name for a in got.attachments] == ["議事録.txt"]
    assert got.message_flags & 0x01 == 0, "PR_MESSAGE_FLAGS: unread"


def test_attachments_through_exchangelib(ews):
    owner = ews.new_account("att", **NO_SEED)
    account = connect(ews, owner)
    draft = Message(account=account, folder=account.drafts, subject="With files", body="see attached")
    draft.attach(FileAttachment(name="data.csv", content=b"a,b\n1,2\n"))
    draft.attach(ItemAttachment(name="nested", item=Message(subject="Nested one", body="inner")))
    draft.save()
    fetched = account.drafts.get(id=draft.id)
    assert fetched.has_attachments is True
    by_name = {a.name: a for a in fetched.attachments}
    assert by_name["data.csv"].content == b"a,b\n1,2\n"
    assert by_name["nested"].item.subject == "Nested one"
    by_name["data.csv"].detach()
    again = account.drafts.get(id=draft.id)
    assert [a.name for a in again.attachments] == ["nested"]


def test_reply_forward_copy_and_filters(ews):
    one, two = ews.new_account("rf1", **NO_SEED), ews.new_account("rf2", **NO_SEED)
    alice, bob = connect(ews, one), connect(ews, two)
    Message(
        account=alice,
        subject="Budget",
        body="numbers",
        to_recipients=[two.email],
        importance="High",
        categories=["Finance"],
    ).send()
    received = bob.inbox.get(subject="Budget")
    received.reply(subject="RE: Budget", body="ok")
    received.forward(subject="FW: Budget", body="fyi", to_recipients=[one.email])
    assert sorted(m.subject for m in alice.inbox.all()) == ["FW: Budget", "RE: Budget"]
    assert bob.inbox.filter(importance="High").count() == 1
    assert bob.inbox.filter(categories__contains=["Finance"]).count() == 1
    assert bob.inbox.filter(importance="Low").count() == 0
    copied = received.copy(to_folder=bob.drafts)
    assert copied is not None and bob.drafts.all().count() == 1
    bob.inbox.filter(message_flags=0).count()  # a restriction on a MAPI property answers


def test_oof_time_zones_and_expand_dl(ews):
    owner = ews.new_account("oof", **NO_SEED)
    account = connect(ews, owner)
    start = datetime.datetime(2027, 8, 1, tzinfo=UTC)
    account.oof_settings = OofSettings(
        state=OofSettings.SCHEDULED,
        start=start,
        end=start + datetime.timedelta(days=7),
        internal_reply="away",
        external_reply="away",
        external_audience="All",
    )
    assert account.oof_settings.state == OofSettings.SCHEDULED and account.oof_settings.internal_reply == "away"
    zones = {tz.id for tz in account.protocol.get_timezones(return_full_timezone_data=True)}
    assert "Tokyo Standard Time" in zones
    ews.server.directory.add_group("dl-team@contoso.com", "DL team", [owner.email])
    assert [m.email_address for m in account.protocol.expand_dl(EwsMailbox(email_address="dl-team@contoso.com"))] == [
        owner.email
    ]


def test_unknown_operation_does_not_send_exchangelib_through_every_version(ews):
    """exchangelib tries another version on ErrorInvalidRequest/ErrorInvalidServerVersion; an
    unknown method must fail once, as on Exchange."""
    from exchangelib.services.common import EWSAccountService
    from exchangelib.util import create_element

    class GetNothing(EWSAccountService):
        SERVICE_NAME = "GetNothingAtAll"

        def call(self):
            return self._get_elements(payload=create_element(f"m:{self.SERVICE_NAME}"))

    owner = ews.new_account("nov", **NO_SEED)
    account = connect(ews, owner)
    with pytest.raises(SOAPError) as caught:
        list(GetNothing(account=account).call())
    assert not isinstance(caught.value, ErrorInvalidRequest)
    assert "ActionNotSupported" in str(caught.value)
    assert ews.stats.count("GetNothingAtAll", owner.email) == 1, "asked once, not once per version"

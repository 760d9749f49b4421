"""What the dashboard reads (schema 8): the history of synchronization cycles as hourly rollups,
and the items that failed to synchronize (item monitoring).

Every cycle adds itself to two rows, in the transaction that records its outcome
(app.store.cycle_stats): its hour and workload over all mailboxes (``SyncHour``, kept 90 days: the
charts), and its hour and mailbox (``MailboxHour``, kept 8 days: which mailboxes are behind a bar,
the mailboxes with the most failures). A thousand mailboxes make at most 3 × 24 rows an hour in
the first and 1,000 × 24 in the second, however often they synchronize; the per-cycle rows
(``SyncHistory``) are kept two days. Durations are histograms (app.domain.cycle_stats).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import SQL, BooleanField, CharField, FloatField, ForeignKeyField, IntegerField, TextField

from app.domain.enums import ItemDirection, ItemKind, Workload
from app.store.base import BaseModel, EnumField, UtcDateTimeField, utcnow
from app.store.models_activity import Alert
from app.store.models_config import Mailbox


class SyncHour(BaseModel):
    """The cycles of one workload, over every mailbox, that finished in one hour (UTC)."""

    hour = UtcDateTimeField()
    workload = EnumField(Workload)
    cycles = IntegerField(default=0)
    failures_warning = IntegerField(default=0)  # failed cycles whose failure is being retried
    failures_error = IntegerField(default=0)  # failed cycles that disabled their workload
    items = IntegerField(default=0)  # emails stored or sent, records created, updated or deleted
    requests = IntegerField(default=0)  # EWS requests the cycles made
    duration_ms_total = FloatField(default=0)
    # how many cycles took how long: the buckets of app.domain.cycle_stats.DURATION_BOUNDS_MS
    d0 = IntegerField(default=0)
    d1 = IntegerField(default=0)
    d2 = IntegerField(default=0)
    d3 = IntegerField(default=0)
    d4 = IntegerField(default=0)
    d5 = IntegerField(default=0)
    d6 = IntegerField(default=0)
    d7 = IntegerField(default=0)
    d8 = IntegerField(default=0)
    d9 = IntegerField(default=0)
    d10 = IntegerField(default=0)
    d11 = IntegerField(default=0)
    d12 = IntegerField(default=0)
    d13 = IntegerField(default=0)
    d14 = IntegerField(default=0)
    d15 = IntegerField(default=0)

    class Meta:
        table_name = "sync_hour"
        indexes = ((("hour", "workload"), True),)


class MailboxHour(BaseModel):
    """The cycles of one mailbox (all its workloads) that finished in one hour (UTC)."""

    hour = UtcDateTimeField()
    mailbox = ForeignKeyField(Mailbox, on_delete="CASCADE")
    cycles = IntegerField(default=0)
    failures_warning = IntegerField(default=0)
    failures_error = IntegerField(default=0)
    items_incoming = IntegerField(default=0)
    items_outgoing = IntegerField(default=0)
    items_act = IntegerField(default=0)
    requests = IntegerField(default=0)
    duration_ms_total = FloatField(default=0)
    duration_ms_max = FloatField(default=0)

    if TYPE_CHECKING:
        mailbox_id: int

    class Meta:
        table_name = "mailbox_hour"
        indexes = ((("hour", "mailbox"), True),)


# the hours in which a mailbox failed: the top-failures chart reads only those
MailboxHour.add_index(
    MailboxHour.index(MailboxHour.hour, MailboxHour.mailbox, name="mailbox_hour_failed").where(
        SQL('"failures_warning" + "failures_error" > 0')
    )
)


# the open alerts of each mailbox: the dashboard's tiles read only those
Alert.add_index(Alert.index(Alert.mailbox, Alert.level, name="alert_open").where(SQL('"is_open" = 1')))


class ItemFailure(BaseModel):
    """One email, appointment, contact or task that did not synchronize (item monitoring): kept
    until it synchronizes, is ignored (hidden; the engine stops trying it) or gets older than the
    retention setting."""

    mailbox = ForeignKeyField(Mailbox, on_delete="CASCADE")
    kind = EnumField(ItemKind)
    direction = EnumField(ItemDirection)
    item_key = CharField(max_length=600)  # "record:<id>" (a store record) or "item:<Exchange item id>"
    record_id = IntegerField(null=True)  # the store record (an email's EmailActivity) when there is one
    item_id = CharField(max_length=512, null=True)  # the Exchange item when there is one
    subject = TextField(default="")
    error_code = CharField(max_length=64)  # the EWS response code (or app.domain.item_failures.STORE_FAILED)
    error_text = TextField(default="")  # the server's own words
    first_failed_on = UtcDateTimeField(default=utcnow)
    last_failed_on = UtcDateTimeField(default=utcnow, index=True)
    attempts = IntegerField(default=1)
    retry_requested = BooleanField(default=False)  # the admin asked for a retry: the next cycle tries it
    ignored_on = UtcDateTimeField(null=True)

    if TYPE_CHECKING:
        mailbox_id: int

    class Meta:
        table_name = "item_failure"
        indexes = ((("mailbox", "kind", "item_key"), True),)

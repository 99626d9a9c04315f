"""The current schema as peewee models, and the database they talk to. Private to the
store: nothing outside ``pos_app.store`` sees a model or a row.

Conventions: times are integer epoch milliseconds UTC (``BigIntegerField``); money is an
integer (whole dinars, or centimes for the cached balance), never a float and never a
``DecimalField`` (SQLite would store it as REAL). States and line types are their enum values.

A schema change is a new migration in ``migrations.py`` plus the matching edit here; a test
checks that migrating an empty database gives exactly these tables.

Several stores may be open at once (on several files), each used from several threads. The
models are bound to :data:`database_proxy`, which is the database of the store running the
current call: :func:`using` sets it for the duration of one store method, in the calling
thread (and task) only. Peewee's own ``bind_ctx`` would rebind the model classes for every
thread at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

import peewee as pw

_in_use: ContextVar[pw.Database | None] = ContextVar("pos_store_database", default=None)


class CallDatabaseProxy(pw.DatabaseProxy):
    """A peewee proxy that stands for the database set by :func:`using` in this thread (or
    task); with none set, any use raises like an uninitialised proxy."""

    def __init__(self) -> None:
        self._callbacks: list[object] = []

    @property
    def obj(self) -> pw.Database | None:
        return _in_use.get()

    def initialize(self, obj: object) -> None:
        raise TypeError("the store's models are bound per call: use models.using(database)")


database_proxy: Final = CallDatabaseProxy()
"""What the models talk to: the database of the store method running in this thread."""


@contextmanager
def using(database: pw.Database) -> Iterator[None]:
    """Point the models at ``database`` for the calling thread (or task) until the end."""
    token = _in_use.set(database)
    try:
        yield
    finally:
        _in_use.reset(token)


REF_LENGTH: Final = 40
STATE_LENGTH: Final = 16
LINE_TYPE_LENGTH: Final = 8
NUMBER_LENGTH: Final = 32
CAUSE_LENGTH: Final = 64
SETTING_KEY_LENGTH: Final = 128
CODE_TAIL_COLUMN_LENGTH: Final = 8
PRINT_KIND_LENGTH: Final = 16
PRINT_TARGET_LENGTH: Final = 64
USER_NAME_LENGTH: Final = 40
ROLE_LENGTH: Final = 16
ACTION_LENGTH: Final = 32


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Sale(BaseModel):
    """One sale, from the counter to its final state."""

    id = pw.AutoField()
    ref = pw.CharField(REF_LENGTH, unique=True)
    line_type = pw.CharField(LINE_TYPE_LENGTH)
    number = pw.CharField(NUMBER_LENGTH)
    face_value = pw.BigIntegerField()
    cost = pw.BigIntegerField(null=True)
    price = pw.BigIntegerField()
    state = pw.CharField(STATE_LENGTH, index=True)
    server_status = pw.TextField(null=True)
    server_id = pw.CharField(64, null=True, index=True)
    card_code = pw.TextField(null=True)
    num_trans = pw.TextField(null=True)
    date_traitement = pw.TextField(null=True)
    failure_code = pw.TextField(null=True)
    failure_reason = pw.TextField(null=True)
    cashier = pw.TextField()
    counter = pw.TextField()
    created_at = pw.BigIntegerField()
    updated_at = pw.BigIntegerField()
    sent_at = pw.BigIntegerField(null=True)
    send_attempts = pw.IntegerField(default=0)
    not_found_count = pw.IntegerField(default=0)
    next_check_at = pw.BigIntegerField(null=True, index=True)
    code_tail = pw.CharField(CODE_TAIL_COLUMN_LENGTH, null=True, index=True)
    """The card code's last letters or digits (``domain.cards.code_tail``), for searching."""

    class Meta:
        table_name = "sale"
        indexes = ((("number",), False), (("created_at",), False))


class Journal(BaseModel):
    """Append-only history of every sale: one row per state change or noted event."""

    id = pw.AutoField()
    sale = pw.ForeignKeyField(Sale, backref="journal_rows", on_delete="RESTRICT")
    at = pw.BigIntegerField(index=True)
    from_state = pw.CharField(STATE_LENGTH, null=True)
    to_state = pw.CharField(STATE_LENGTH)
    cause = pw.CharField(CAUSE_LENGTH)
    detail = pw.TextField(null=True)
    code_digest = pw.TextField(null=True)
    """``chain.code_digest`` of the card code this change wrote (NULL: it wrote none)."""
    mac = pw.TextField(null=True)
    """HMAC of the chain over the previous row's and this row's contents (``store.chain``);
    NULL only in a row written outside the app."""

    class Meta:
        table_name = "journal"


class ProductCache(BaseModel):
    """Last product list per line type (whole dinars)."""

    id = pw.AutoField()
    line_type = pw.CharField(LINE_TYPE_LENGTH)
    value = pw.BigIntegerField()
    cost = pw.BigIntegerField()
    available = pw.BooleanField()
    fetched_at = pw.BigIntegerField()

    class Meta:
        table_name = "product_cache"
        indexes = ((("line_type", "value"), True),)


class BalanceCache(BaseModel):
    """Last balance fetched; a single row with id 1, in centimes."""

    id = pw.IntegerField(primary_key=True)
    centimes = pw.BigIntegerField()
    fetched_at = pw.BigIntegerField()

    class Meta:
        table_name = "balance_cache"


class NumberCheckCache(BaseModel):
    """Last check-number answer per line."""

    id = pw.AutoField()
    line_type = pw.CharField(LINE_TYPE_LENGTH)
    number = pw.CharField(NUMBER_LENGTH)
    ncli = pw.TextField(null=True)
    offre = pw.TextField(null=True)
    error_code = pw.TextField(null=True)
    fetched_at = pw.BigIntegerField()

    class Meta:
        table_name = "number_check_cache"
        indexes = ((("line_type", "number"), True),)


class Setting(BaseModel):
    """A user or machine setting, as text."""

    id = pw.AutoField()
    key = pw.CharField(SETTING_KEY_LENGTH, unique=True)
    value = pw.TextField()

    class Meta:
        table_name = "setting"


class ReceiptPrint(BaseModel):
    """One receipt that reached a printer or a file: the first is copy 0, a reprint counts up."""

    id = pw.AutoField()
    sale = pw.ForeignKeyField(Sale, backref="prints", on_delete="RESTRICT", index=True)
    at = pw.BigIntegerField()
    kind = pw.CharField(PRINT_KIND_LENGTH)
    copy = pw.IntegerField()
    target = pw.CharField(PRINT_TARGET_LENGTH)

    class Meta:
        table_name = "receipt_print"


class BalanceReading(BaseModel):
    """The supplier's balance as read at one moment, in centimes (for the money bridge)."""

    id = pw.AutoField()
    at = pw.BigIntegerField(index=True)
    centimes = pw.BigIntegerField()

    class Meta:
        table_name = "balance_reading"


class ZReport(BaseModel):
    """A closed period: its number, bounds and the report as made (JSON), never changed.

    The period is bounded by row ids, not by clock times: it holds the sales and journal rows
    after the previous Z's ``last_sale_id``/``last_journal_id`` up to its own (ids follow the
    order of the writes), so a clock set back or a sale written while the Z is made can
    neither fall between two periods nor count in both. The times are for reading."""

    number = pw.IntegerField(primary_key=True)
    counter = pw.TextField()
    opened_at = pw.BigIntegerField()
    closed_at = pw.BigIntegerField()
    created_at = pw.BigIntegerField()
    cash_counted = pw.BigIntegerField(null=True)
    last_sale_id = pw.BigIntegerField()
    last_journal_id = pw.BigIntegerField()
    body = pw.TextField()
    journal_head = pw.TextField(null=True)
    """The journal's chain head (the MAC of row ``last_journal_id``) in full; NULL in a Z
    made before the chain existed."""
    mac = pw.TextField(null=True)
    """HMAC of the Z reports' chain (``store.chain.Z_REPORTS``)."""

    class Meta:
        table_name = "z_report"


class User(BaseModel):
    """One person at the counter: a cashier or a manager, with the hash of their PIN (never
    the PIN) and how their PIN tries stand (``domain.users.PinGuard``)."""

    id = pw.AutoField()
    name = pw.CharField(USER_NAME_LENGTH)
    """As typed (trimmed)."""
    name_key = pw.CharField(USER_NAME_LENGTH, unique=True)
    """``domain.users.name_key``: what makes two names one person."""
    role = pw.CharField(ROLE_LENGTH)
    pin_hash = pw.TextField()
    active = pw.BooleanField(default=True)
    failed_pins = pw.IntegerField(default=0)
    lock_level = pw.IntegerField(default=0)
    locked_until = pw.BigIntegerField(null=True)
    created_at = pw.BigIntegerField()
    updated_at = pw.BigIntegerField()

    class Meta:
        table_name = "user"


class Action(BaseModel):
    """Append-only log of privileged actions: who did what, when (never a secret)."""

    id = pw.AutoField()
    at = pw.BigIntegerField(index=True)
    who = pw.TextField()
    """A person's name, or ``cli:<os user>`` from the command line."""
    action = pw.CharField(ACTION_LENGTH)
    detail = pw.TextField(null=True)
    mac = pw.TextField(null=True)
    """HMAC of the action log's chain (``store.chain.ACTIONS``)."""
    user_id = pw.IntegerField(null=True)
    """The person this action changed (role, active or PIN), else NULL."""
    user_digest = pw.TextField(null=True)
    """``chain.user_digest`` of that person as the action left them."""

    class Meta:
        table_name = "action"


class ChainBlock(BaseModel):
    """A block seal: the HMAC of a whole block of a chained table's rows, kept by the writer
    when the block filled and its rows held (``store.chainscan``); a check takes a block
    whose seal matches without recomputing each row's MAC. A shortcut, never a proof: a
    block without a matching seal is checked row by row."""

    chain = pw.CharField(32)
    """The chained table (``journal``, ``action``)."""
    upto = pw.BigIntegerField()
    """The key of the block's last row."""
    rows = pw.IntegerField()
    seal = pw.TextField()

    class Meta:
        table_name = "chain_block"
        primary_key = pw.CompositeKey("chain", "upto")


class SchemaVersion(BaseModel):
    """One row per applied migration; the schema version is the largest."""

    version = pw.IntegerField(primary_key=True)
    applied_at = pw.BigIntegerField()

    class Meta:
        table_name = "schema_version"


ALL_MODELS: Final[tuple[type[BaseModel], ...]] = (
    Sale,
    Journal,
    ProductCache,
    BalanceCache,
    NumberCheckCache,
    Setting,
    ReceiptPrint,
    BalanceReading,
    ZReport,
    User,
    Action,
    ChainBlock,
    SchemaVersion,
)

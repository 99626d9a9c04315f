"""The current schema as peewee models. Private to the store: nothing outside
``pos_app.store`` sees a model or a row.

Conventions: times are integer epoch milliseconds UTC (``BigIntegerField``); money is an
integer (whole dinars, or centimes for the cached balance), never a float and never a
``DecimalField`` (SQLite would store it as REAL). States and line types are their enum values.

A schema change is a new migration in ``migrations.py`` plus the matching edit here; a test
checks that migrating an empty database gives exactly these tables.
"""

from __future__ import annotations

from typing import Final

import peewee as pw

from pos_app.store.db import database_proxy

REF_LENGTH: Final = 40
STATE_LENGTH: Final = 16
LINE_TYPE_LENGTH: Final = 8
NUMBER_LENGTH: Final = 32
CAUSE_LENGTH: Final = 64
SETTING_KEY_LENGTH: Final = 128


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

    class Meta:
        table_name = "sale"


class Journal(BaseModel):
    """Append-only history of every sale: one row per state change or noted event."""

    id = pw.AutoField()
    sale = pw.ForeignKeyField(Sale, backref="journal_rows", on_delete="RESTRICT")
    at = pw.BigIntegerField()
    from_state = pw.CharField(STATE_LENGTH, null=True)
    to_state = pw.CharField(STATE_LENGTH)
    cause = pw.CharField(CAUSE_LENGTH)
    detail = pw.TextField(null=True)

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
    SchemaVersion,
)

"""Reading another database's settings without opening it as a store: no migration, no
lock, no write. Training mode keeps a throwaway database of its own, yet a shop expects its
language and warning threshold there too."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal

from pos_app.domain.numbers import LineType
from pos_app.store.paths import sqlite_file
from pos_app.store.records import CachedBalance, CachedProduct, CachedProducts
from pos_app.store.settings import setting_text
from pos_app.store.timestamps import from_millis

log = logging.getLogger(__name__)


def read_settings(url: str) -> dict[str, str]:
    """Every setting of the SQLite database at ``url``, read-only. Empty when there is no
    such file, the URL is not SQLite, or the file cannot be read (never an exception); a
    value that is not UTF-8 text is left out (:func:`~pos_app.store.settings.setting_text`)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return {}
    try:
        uri = f"{path.as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=1.0)) as db:
            # As bytes: SQLite keeps whatever another tool wrote, and one value that is not
            # UTF-8 would otherwise stop the whole reading.
            rows = db.execute("SELECT CAST(key AS BLOB), CAST(value AS BLOB) FROM setting")
            found = rows.fetchall()
    except sqlite3.Error:
        return {}
    settings: dict[str, str] = {}
    for raw_key, raw_value in found:
        if raw_key is None:
            continue
        try:
            key = bytes(raw_key).decode("utf-8")
        except UnicodeDecodeError:
            log.warning("a stored setting whose name is not UTF-8 text was skipped")
            continue
        value = setting_text(key, raw_value)
        if value is not None:
            settings[key] = value
    return settings


@dataclass(frozen=True, slots=True)
class FirstScreen:
    """What the window shows at its first paint, read before the store is opened: the
    settings, the cached card values and balance (None: nothing cached), and whether the
    shop has anyone active (then the window opens locked)."""

    settings: dict[str, str] = field(default_factory=dict)
    products: tuple[CachedProducts, ...] = ()
    balance: CachedBalance | None = None
    has_people: bool = False


def read_first_screen(url: str, *, caches: bool = True) -> FirstScreen:
    """The :class:`FirstScreen` of the SQLite database at ``url`` with plain ``sqlite3``,
    read-only (no peewee, no migration, no lock). ``caches`` false: the settings and the
    people only (training keeps its cache elsewhere). Whatever cannot be read reads as not
    there (never an exception): the engine reads the same tables again once it runs."""
    settings = read_settings(url)
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return FirstScreen(settings)
    products: list[CachedProducts] = []
    balance = None
    has_people = False
    try:
        uri = f"{path.as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=1.0)) as db:
            with contextlib.suppress(sqlite3.Error):  # no such table: nobody yet
                has_people = (
                    db.execute("SELECT 1 FROM user WHERE active LIMIT 1").fetchone() is not None
                )
            if caches:
                products = _cached_products(db)
                row = db.execute("SELECT centimes, fetched_at FROM balance_cache WHERE id = 1")
                found = row.fetchone()
                if found is not None:
                    balance = CachedBalance(Decimal(found[0]).scaleb(-2), from_millis(found[1]))
    except (sqlite3.Error, ValueError, TypeError, ArithmeticError):
        return FirstScreen(settings, has_people=has_people)
    return FirstScreen(settings, tuple(products), balance, has_people)


def _cached_products(db: sqlite3.Connection) -> list[CachedProducts]:
    rows = db.execute(
        "SELECT line_type, value, cost, available, fetched_at FROM product_cache "
        "ORDER BY line_type, value"
    ).fetchall()
    found: list[CachedProducts] = []
    for kind in LineType:
        mine = [r for r in rows if r[0] == kind.value]
        if mine:
            found.append(
                CachedProducts(
                    line_type=kind,
                    items=tuple(CachedProduct(int(r[1]), int(r[2]), bool(r[3])) for r in mine),
                    fetched_at=from_millis(min(int(r[4]) for r in mine)),
                )
            )
    return found

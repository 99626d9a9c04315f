"""The settings table's part of :class:`~pos_app.store.store.Store` (peewee): kept apart from
:mod:`pos_app.store.settings` so reading a preference needs no peewee."""

from __future__ import annotations

from collections.abc import Mapping

import peewee as pw

from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.models import SETTING_KEY_LENGTH, Setting
from pos_app.store.settings import SettingsNotSavedError, setting_text


class Settings(StoreBase):
    """The settings table (part of :class:`~pos_app.store.store.Store`)."""

    @on_own_database
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """The value of setting ``key``, or ``default`` (also for a value that is not UTF-8
        text: :func:`setting_text`)."""
        self._open()
        value: pw.Node = Setting.value
        if isinstance(self._db, pw.SqliteDatabase):  # SQLite keeps any bytes in a TEXT column
            value = Setting.value.cast("BLOB")
        row = Setting.select(value).where(Setting.key == key).tuples().first()
        text = None if row is None else setting_text(key, row[0])
        return default if text is None else text

    @on_own_database
    def set_setting(self, key: str, value: str) -> None:
        """Set setting ``key`` to ``value`` (text)."""
        self._open()
        if not key or len(key) > SETTING_KEY_LENGTH:
            raise ValueError(f"a setting key must be 1-{SETTING_KEY_LENGTH} characters")
        if not isinstance(value, str):
            raise TypeError(f"a setting value must be a str, got {type(value).__name__}")
        with self._db.atomic():
            (
                Setting.insert(key=key, value=value)
                .on_conflict(conflict_target=[Setting.key], update={"value": value})
                .execute()
            )

    @on_own_database
    def save_settings(self, changes: Mapping[str, str | None]) -> None:
        """Set every key of ``changes`` to its value (None: remove it) in ONE transaction:
        all of them are kept, or, on any failure (``SettingsNotSavedError``), none."""
        self._open()
        for key, value in changes.items():
            if not key or len(key) > SETTING_KEY_LENGTH:
                raise ValueError(f"a setting key must be 1-{SETTING_KEY_LENGTH} characters")
            if value is not None and not isinstance(value, str):
                raise TypeError(f"a setting value must be a str, got {type(value).__name__}")
        try:
            with self._db.atomic():
                for key, value in changes.items():
                    if value is None:
                        Setting.delete().where(Setting.key == key).execute()
                        continue
                    (
                        Setting.insert(key=key, value=value)
                        .on_conflict(conflict_target=[Setting.key], update={"value": value})
                        .execute()
                    )
        except pw.PeeweeException as exc:  # disk full, read-only, locked, I/O error
            raise SettingsNotSavedError(type(exc).__name__) from exc

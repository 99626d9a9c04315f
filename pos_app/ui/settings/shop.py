"""Where the settings dialog and the set-up read and keep the shop's settings and its
people: the window's open store, else the shop's database opened for one call. Blocking:
call on a worker.

A save keeps the API key in the keyring first, then every changed setting in one
transaction; when that transaction fails the earlier key is put back, so nothing is
half-saved."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from pos_app.api import keys
from pos_app.store.settings import (
    API_URL_ENV,
    DEFAULT,
    PREFERENCES,
    InvalidSettingError,
    Settings,
    api_url,
    read_preference,
    save_preferences,
)
from pos_app.ui.settings.roster import ShopPeople
from pos_app.ui.settings.shop_database import ShopDatabase

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Shown:
    """A setting as the form shows it: ``value`` (None: empty), whether it is the default,
    and whether the stored value could not be used (shown as the default instead)."""

    value: str | None
    is_default: bool
    unusable: bool = False


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the form starts from. ``key``: the key the app would use (never shown whole),
    ``key_source``: ``keys.FROM_ENV``, ``keys.FROM_KEYRING`` or None; ``secure_keyring``:
    whether a key can be kept here; ``problem``: why the settings or the keyring could not
    be read (English, for the log: the form says it in its own words)."""

    shown: Mapping[str, Shown]
    key: str | None = field(repr=False)
    key_source: str | None
    secure_keyring: bool
    problem: str | None = None
    overridden: Mapping[str, str] = field(default_factory=dict)  # key -> environment variable


class ShopSettings(ShopDatabase):
    """The shop's settings, read and saved; ``store``: the window's open store (None: the
    shop's database, ``db_url`` else ``POS_DB_URL`` else the default file, opened per call)."""

    @cached_property
    def people(self) -> ShopPeople:
        """The shop's people, in the same database as these settings."""
        return ShopPeople(self._store, self._db_url, self._env)

    def _raw(self) -> dict[str, str]:
        with self._opened(read_only=True) as store:
            return _values(store)

    def load(self) -> Loaded:
        """Every setting as stored (a value that fails its check: the default, marked), the
        key and the keyring's state. Never raises for a bad value or an unreadable database:
        the defaults are shown and ``problem`` says why."""
        problem = None
        try:
            raw = self._raw()
        except Exception as exc:  # noqa: BLE001 - unreadable: defaults, said in the form
            problem = f"the settings could not be read ({type(exc).__name__})"
            log.warning("settings dialog: %s", problem)
            raw = {}
        shown = {key: _shown(raw, key) for key in PREFERENCES}
        overridden = {
            key: pref.env
            for key, pref in PREFERENCES.items()
            if pref.env and self._env.get(pref.env)
        }
        try:
            keys.secure_backend()
            secure = True
        except keys.InsecureKeyringError:
            secure = False
        reading = keys.configured_key(self._env)
        if reading.problem is not None:
            problem = problem or reading.problem
        return Loaded(shown, reading.key, reading.source, secure, problem, overridden)

    def api_address(self, typed: str | None) -> str:
        """The address a client of this shop sends to, ``typed`` taken as the kept
        ``api.url``: ``ONECLICK_API_URL``, else ``typed``, else the real API (the one
        reading, :func:`~pos_app.store.settings.api_url`). InvalidSettingError (a
        ValueError) for one that cannot be used."""
        return api_url({"api.url": typed} if typed else None, self._env)

    def address_override(self) -> str | None:
        """The environment variable that sets the API address here, when it is set."""
        return API_URL_ENV if self._env.get(API_URL_ENV) else None

    def save(self, changes: Mapping[str, str | None], api_key: str | None = None) -> None:
        """Keep ``api_key`` (None: unchanged) in the keyring, then ``changes`` in one
        transaction (None: back to the default). PreferenceError, ValueError (the key),
        KeyStorageError or SettingsNotSavedError: nothing was changed."""
        before = keys.stored_key() if api_key is not None else None
        if api_key is not None:
            keys.store_key(api_key)
        try:
            if changes:
                self._save(changes)
        except BaseException:
            if api_key is not None:
                _put_back(before)
            raise

    def _save(self, changes: Mapping[str, str | None]) -> None:
        with self._opened() as store:
            save_preferences(store, changes)


def _values(store: Settings) -> dict[str, str]:
    values: dict[str, str] = {}
    for key in PREFERENCES:
        value = store.get_setting(key)
        if value is not None:
            values[key] = value
    return values


def _shown(raw: Mapping[str, str], key: str) -> Shown:
    try:
        reading = read_preference(raw, key, env={})  # the stored value, not the environment's
    except InvalidSettingError:
        pref = PREFERENCES[key]
        default = pref.default() if callable(pref.default) else pref.default
        return Shown(default, True, unusable=True)
    return Shown(reading.value, reading.source == DEFAULT, unusable=bool(reading.passed_over))


def _put_back(before: str | None) -> None:
    """The key kept before a save that failed (best effort: the save's error is the news)."""
    try:
        if before is None:
            keys.forget_key()
        else:
            keys.store_key(before)
    except Exception as exc:  # noqa: BLE001
        log.error("the earlier API key could not be put back (%s)", type(exc).__name__)

"""The shop's settings, kept in the store's settings table: the raw table (``get_setting``,
``set_setting``) and the settings a manager may change.

Each of those has a checked text form (what ``pos-app config KEY VALUE`` takes), a default,
and, for some, an environment variable that overrides the stored value on one machine. This
is the one reading of them (environment, then stored value, then default): the window and the
command line read them the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from pos_app.domain.money import parse_dinars
from pos_app.domain.refs import COUNTER_ID_MAX_LENGTH, is_valid_counter_id, sanitise_counter_id
from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.models import SETTING_KEY_LENGTH, Setting


class Settings(StoreBase):
    """The settings table (part of :class:`~pos_app.store.store.Store`)."""

    @on_own_database
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        """The value of setting ``key``, or ``default``."""
        self._open()
        row = Setting.get_or_none(Setting.key == key)
        return default if row is None else row.value

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


LANGUAGES: Final = ("en", "fr", "ar")
DEFAULT_LOW_BALANCE: Final = 2000


class PreferenceError(ValueError):
    """An unknown setting or a value it does not accept (the message says which)."""


def language_code(text: str | None) -> str | None:
    """``fr``, ``ar`` or ``en`` for a language name or a locale name (``ar_DZ``, ``fr-FR``);
    None for anything else. The one reading of ``--lang``, ``POS_LANG``, the setting and
    the system locale."""
    code = (text or "").strip().replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def _language(text: str) -> str:
    code = language_code(text)
    if code is None:
        raise PreferenceError(f"language: one of {', '.join(LANGUAGES)}, not {text!r}")
    return code


def _dinars(text: str) -> str:
    try:
        return str(parse_dinars(text.strip()))
    except ValueError as exc:
        raise PreferenceError(f"low_balance: whole dinars, 0 or more, not {text!r}") from exc


def _counter(text: str) -> str:
    """Taken as typed, or refused: silently turning "caisse-2" into "caisse2", or "!!!"
    into the default "POS", could give two counters the same id."""
    counter = text.strip()
    if not is_valid_counter_id(counter):
        raise PreferenceError(
            f"counter_id: 1 to {COUNTER_ID_MAX_LENGTH} ASCII letters and digits "
            f"(e.g. {sanitise_counter_id(counter)!r}), not {text!r}"
        )
    return counter


@dataclass(frozen=True, slots=True)
class Preference:
    key: str
    meaning: str
    check: Callable[[str], str]  # the stored form of a text, or PreferenceError
    default: str | None
    env: str | None = None


PREFERENCES: Final[Mapping[str, Preference]] = {
    p.key: p
    for p in (
        Preference(
            "language",
            "window language: en, fr or ar (default: the system's)",
            _language,
            None,
            "POS_LANG",
        ),
        Preference(
            "low_balance",
            "warn when the balance falls under this many dinars",
            _dinars,
            str(DEFAULT_LOW_BALANCE),
        ),
        Preference(
            "counter_id",
            "this counter's id in sale refs (default: from the host name)",
            _counter,
            None,
            "POS_COUNTER_ID",
        ),
    )
}


def _known(key: str) -> Preference:
    try:
        return PREFERENCES[key]
    except KeyError:
        raise PreferenceError(f"unknown setting {key!r}; one of {', '.join(PREFERENCES)}") from None


def check_preference(key: str, text: str) -> str:
    """The stored form of ``text`` for ``key``, or PreferenceError (the message says why)."""
    return _known(key).check(text)


def set_preference(store: Settings, key: str, text: str) -> str:
    """Check and store ``text`` for ``key``; returns the stored form."""
    value = check_preference(key, text)
    store.set_setting(key, value)
    return value


Stored = Settings | Mapping[str, str] | None  # an open store, settings read already, or none


def _passing(pref: Preference, text: str | None) -> str | None:
    """The stored form of ``text``, or None when it is empty or fails the check."""
    if not text:
        return None
    try:
        return pref.check(text)
    except PreferenceError:
        return None


def get_preference(stored: Stored, key: str, env: Mapping[str, str] = os.environ) -> str | None:
    """The environment's value, else the stored one, else the default. A stored or
    environment value that no longer passes the check is ignored (the default shows)."""
    pref = _known(key)
    value = from_env(key, env)
    if value is None and stored is not None:
        text = stored.get_setting(key) if isinstance(stored, Settings) else stored.get(key)
        value = _passing(pref, text)
    return value if value is not None else pref.default


def from_env(key: str, env: Mapping[str, str] = os.environ) -> str | None:
    """The environment variable of ``key`` when it is set and passes the check, else None."""
    pref = _known(key)
    return _passing(pref, env.get(pref.env) if pref.env else None)


def low_balance(stored: Stored, env: Mapping[str, str] = os.environ) -> int:
    """The low-balance warning threshold, in dinars."""
    return int(get_preference(stored, "low_balance", env) or DEFAULT_LOW_BALANCE)

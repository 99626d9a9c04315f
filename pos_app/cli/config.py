"""``pos-app config [KEY [VALUE]]``: list, show or change the shop's settings;
``pos-app config api_key [--clear]``: keep the API key in the system keyring, or remove it.
A change is noted in the shop's action log before it is made (``cli.audit``)."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any, TextIO
from urllib.parse import urlsplit

from pos_app.api.client import check_api_key
from pos_app.api.keys import (
    FROM_ENV,
    FROM_KEYRING,
    KeyStorageError,
    configured_key,
    forget_key,
    key_tail,
    secure_backend,
    store_key,
)
from pos_app.cli import audit
from pos_app.domain.urls import ONECLICK_BASE_URL

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

API_KEY = "api_key"
API_URL = "api.url"
API_KEY_MEANING = (
    "the OneClickDZ API key, kept in the system keyring (set: pos-app config api_key; "
    "ONECLICK_API_KEY overrides it)"
)


def _read_key(stdin: TextIO) -> str:
    """The key typed at a prompt without echo (a terminal), else the first line of a pipe."""
    if stdin.isatty():
        return getpass.getpass("API key (not shown): ")
    return stdin.readline()


def run_api_key(
    value: str | None, out: TextIO, err: TextIO, *, clear: bool = False, stdin: TextIO | None = None
) -> int:
    """``pos-app config api_key``: read the key from standard input, check it, keep it in the
    keyring and show its last four characters; ``--clear``: remove it. A key given on the
    command line is refused (it would land in the shell history). Never writes the key.
    Keeping or removing it is noted in the shop's action log first (``cli.audit``); a
    database that cannot be written raises ``StoreUnavailableError`` (status 4)."""
    from pos_app.store import open_store
    from pos_app.store.settings import database_url

    if value is not None:
        err.write(
            "pos-app config api_key takes no value on the command line: it would stay in the "
            "shell history; type it at the prompt or pipe it in (nothing was changed)\n"
        )
        return EXIT_USAGE
    key = ""
    try:
        if not clear:
            key = check_api_key(_read_key(stdin if stdin is not None else sys.stdin))
            if not key:
                raise ValueError("the API key is empty; nothing was kept")
            secure_backend()  # no secure keyring: said before anything is noted
    except EOFError:
        err.write("pos-app: no API key was read; nothing was changed\n")
        return EXIT_USAGE
    except ValueError as exc:  # InvalidKeyFormatError (gives a position, never the key), empty
        err.write(f"pos-app: {exc}\n")
        return EXIT_USAGE
    except KeyStorageError as exc:
        err.write(f"pos-app: {exc}\n")
        return EXIT_FAILED
    store = open_store(database_url())
    try:
        audit.note(store, audit.API_KEY_CLEAR if clear else audit.API_KEY_KEEP)
        if clear:
            removed = forget_key()
            out.write(f"{API_KEY} removed from the keyring\n" if removed else "no key was kept\n")
        else:
            key = store_key(key)
            out.write(f"{API_KEY} = {key_tail(key)}  [{FROM_KEYRING}]\n")
    except audit.NotNotedError as exc:
        err.write(f"pos-app: {exc}\n")
        return EXIT_FAILED
    except ValueError as exc:
        err.write(f"pos-app: {exc}\n")
        return EXIT_USAGE
    except KeyStorageError as exc:
        err.write(f"pos-app: {exc}\n")
        return EXIT_FAILED
    finally:
        store.close()
    if os.environ.get(FROM_ENV, "").strip():
        err.write(f"note: {FROM_ENV} is set and overrides the keyring's key\n")
    return EXIT_OK


def _api_key_line() -> str:
    reading = configured_key()
    line = f"{API_KEY} = {reading.shown}"
    if reading.source == FROM_KEYRING:
        line += f"  [{FROM_KEYRING}]"
    elif reading.source is not None:
        line += f"  [from {reading.source}]"
    if reading.problem is not None:
        line += f"  [{reading.problem}]"
    return f"{line}\n    {API_KEY_MEANING}\n"


def run_config(
    key: str | None, value: str | None, out: TextIO, err: TextIO, *, clear: bool = False
) -> int:
    """``pos-app config``: list the settings; ``config KEY``: show one; ``config KEY VALUE``:
    check and store it (the window reads it at its next start).

    Listed as the app reads them (``store.settings.read_preference``), with where each value
    comes from. A value the app would refuse at start (an invalid counter id, set in
    ``POS_COUNTER_ID`` or stored) is listed as invalid, explained on stderr, and the command
    exits with status 2, as the window and ``pos-app order`` would; a value the app passes
    over (a wrong ``POS_LANG``) is listed as ignored, status 0."""
    from pos_app.store import open_store
    from pos_app.store.settings import (
        DEFAULT,
        PREFERENCES,
        STORED,
        InvalidSettingError,
        database_url,
        read_preference,
    )

    if key == API_KEY:
        return run_api_key(value, out, err, clear=clear)
    if clear:
        err.write(f"--clear applies to {API_KEY} only\n")
        return EXIT_USAGE
    if key is not None and key not in PREFERENCES:
        err.write(f"unknown setting {key!r}; one of {', '.join([API_KEY, *PREFERENCES])}\n")
        return EXIT_USAGE
    # Listing reads only: a sound database that cannot be written is still shown.
    store = open_store(database_url(), read_only=value is None)
    try:
        if key is not None and value is not None:
            return _change(store, key, value, out, err)
        status = EXIT_OK
        if key is None:
            out.write(_api_key_line())
        for pref in PREFERENCES.values():
            if key is not None and pref.key != key:
                continue
            try:
                reading = read_preference(store, pref.key, os.environ)
            except InvalidSettingError as exc:
                line = f"{pref.key} = {exc.text}  [invalid: the app will refuse to start]"
                err.write(f"pos-app: {exc}\n")
                status = EXIT_USAGE
            else:
                shown = reading.value if reading.value is not None else "(not set)"
                line = f"{pref.key} = {shown}"
                if reading.source not in (STORED, DEFAULT):
                    line += f"  [from {reading.source}]"
                elif reading.source == DEFAULT and reading.value is not None:
                    line += "  [default]"
                for source in reading.passed_over:
                    name = source if source != STORED else "stored value"
                    line += f"  [{name} ignored: not a valid value]"
            out.write(f"{line}\n    {pref.meaning}\n")
        return status
    finally:
        store.close()


def _change(store: Any, key: str, value: str, out: TextIO, err: TextIO) -> int:
    """``config KEY VALUE``: check the value, note the change in the action log, keep it.
    With people in the shop, an ``api.url`` to another host than OneClickDZ's warns: the API
    key goes there from the next start."""
    from pos_app.store.settings import PreferenceError, check_preference

    try:
        stored = check_preference(key, value)
    except PreferenceError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    try:
        who = audit.note(store, audit.SETTINGS_CHANGE, {"setting": key, "value": stored})
    except audit.NotNotedError as exc:
        err.write(f"pos-app config: {key} was not changed: {exc}\n")
        return EXIT_FAILED
    store.set_setting(key, stored)
    out.write(f"{key} = {stored}\n")
    if key == API_URL and _host(stored) != _host(ONECLICK_BASE_URL) and store.has_manager():
        err.write(
            f"warning: api.url now points to {_host(stored)}, not to OneClickDZ "
            f"({_host(ONECLICK_BASE_URL)}): the window sends the API key there from its next "
            f"start (noted in the action log as {who})\n"
        )
    return EXIT_OK


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").rstrip(".").lower()

"""``pos-app config [KEY [VALUE]]``: list, show or change the shop's settings."""

from __future__ import annotations

import os
from typing import TextIO

EXIT_OK = 0
EXIT_USAGE = 2


def run_config(key: str | None, value: str | None, out: TextIO, err: TextIO) -> int:
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
        PreferenceError,
        database_url,
        read_preference,
        set_preference,
    )

    if key is not None and key not in PREFERENCES:
        err.write(f"unknown setting {key!r}; one of {', '.join(PREFERENCES)}\n")
        return EXIT_USAGE
    # Listing reads only: a sound database that cannot be written is still shown.
    store = open_store(database_url(), read_only=value is None)
    try:
        if key is not None and value is not None:
            try:
                stored = set_preference(store, key, value)
            except PreferenceError as exc:
                err.write(f"{exc}\n")
                return EXIT_USAGE
            out.write(f"{key} = {stored}\n")
            return EXIT_OK
        status = EXIT_OK
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

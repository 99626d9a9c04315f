"""``pos-app config [KEY [VALUE]]``: list, show or change the shop's settings."""

from __future__ import annotations

import os
from typing import TextIO

EXIT_OK = 0
EXIT_USAGE = 2


def run_config(key: str | None, value: str | None, out: TextIO, err: TextIO) -> int:
    """``pos-app config``: list the settings; ``config KEY``: show one; ``config KEY VALUE``:
    check and store it (the window reads it at its next start)."""
    from pos_app.store import open_store
    from pos_app.store.paths import default_url
    from pos_app.store.settings import (
        PREFERENCES,
        PreferenceError,
        from_env,
        get_preference,
        set_preference,
    )

    if key is not None and key not in PREFERENCES:
        err.write(f"unknown setting {key!r}; one of {', '.join(PREFERENCES)}\n")
        return EXIT_USAGE
    # Listing reads only: a sound database that cannot be written is still shown.
    store = open_store(os.environ.get("POS_DB_URL") or default_url(), read_only=value is None)
    try:
        if key is not None and value is not None:
            try:
                stored = set_preference(store, key, value)
            except PreferenceError as exc:
                err.write(f"{exc}\n")
                return EXIT_USAGE
            out.write(f"{key} = {stored}\n")
            return EXIT_OK
        for pref in PREFERENCES.values():
            if key is not None and pref.key != key:
                continue
            shown = get_preference(store, pref.key)
            line = f"{pref.key} = {shown if shown is not None else '(not set)'}"
            if pref.env and from_env(pref.key) is not None:
                line += f"  [from {pref.env}]"
            elif pref.env and os.environ.get(pref.env):
                line += f"  [{pref.env} ignored: not a valid value]"
            out.write(f"{line}\n    {pref.meaning}\n")
        return EXIT_OK
    finally:
        store.close()

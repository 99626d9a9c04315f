"""Reading another database's settings without opening it as a store: no migration, no
lock, no write. Training mode keeps a throwaway database of its own, yet a shop expects its
language and warning threshold there too."""

from __future__ import annotations

import contextlib
import sqlite3

from pos_app.store.paths import sqlite_file


def read_settings(url: str) -> dict[str, str]:
    """Every setting of the SQLite database at ``url``, read-only. Empty when there is no
    such file, the URL is not SQLite, or the file cannot be read (never an exception)."""
    path = sqlite_file(url)
    if path is None or not path.is_file():
        return {}
    try:
        uri = f"{path.as_uri()}?mode=ro"
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=1.0)) as db:
            rows = db.execute("SELECT key, value FROM setting").fetchall()
    except sqlite3.Error:
        return {}
    return {str(key): str(value) for key, value in rows}

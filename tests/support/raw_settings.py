"""Settings written by another tool: raw bytes put in the settings table with plain SQL."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def put_raw_setting(db_file: Path, key: str, raw: bytes, *, as_text: bool = True) -> None:
    """Store ``raw`` as setting ``key``: as TEXT (SQLite does not check that it is UTF-8, so
    Latin-1 bytes stay as they are), or as a BLOB with ``as_text=False``."""
    value = "CAST(? AS TEXT)" if as_text else "?"
    with contextlib.closing(sqlite3.connect(db_file)) as db, db:
        db.execute("DELETE FROM setting WHERE key = ?", (key,))
        db.execute(f"INSERT INTO setting (key, value) VALUES (?, {value})", (key, raw))

"""The shop's settings as a database file holds them, read with plain SQL (for tests)."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path


def stored_settings(db_url: str) -> dict[str, str]:
    """Every setting the shop chose, by key; {} when the file does not exist. The data key's
    own rows (``vault.*``: where the key lives, the store id) are the store's, not the
    shop's, and are left out."""
    path = Path(db_url.removeprefix("sqlite:///"))
    if not path.exists():
        return {}
    with contextlib.closing(sqlite3.connect(path)) as db:
        rows = db.execute("SELECT key, value FROM setting WHERE key NOT LIKE 'vault.%'")
        return dict(rows.fetchall())

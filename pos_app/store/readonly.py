"""Reading another database's settings without opening it as a store: no migration, no
lock, no write. Training mode keeps a throwaway database of its own, yet a shop expects its
language and warning threshold there too."""

from __future__ import annotations

import contextlib
import logging
import sqlite3

from pos_app.store.paths import sqlite_file
from pos_app.store.settings import setting_text

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

"""Where the app keeps its data on this machine, and the default database URL."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final
from urllib.parse import urlparse

from platformdirs import user_data_dir

APP_NAME: Final = "pos-app"
DATA_DIR_ENV: Final = "POS_DATA_DIR"
"""Environment variable that overrides the data directory (tests, portable installs)."""
DB_FILE_NAME: Final = "pos.sqlite3"
LOG_FILE_NAME: Final = "pos-app.log"


def data_dir(env: Mapping[str, str] = os.environ) -> Path:
    """The app's data directory (``$POS_DATA_DIR`` if set, else the platform's user data
    directory for ``pos-app``), created if missing."""
    override = env.get(DATA_DIR_ENV, "").strip()
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_url(env: Mapping[str, str] = os.environ) -> str:
    """``sqlite:///<data_dir>/pos.sqlite3`` (four slashes on POSIX: the path is absolute)."""
    return f"sqlite:///{(data_dir(env) / DB_FILE_NAME).as_posix()}"


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another database or an in-memory one.

    Parses the way ``playhouse.db_url`` does: the path after the scheme minus one slash.
    """
    parsed = urlparse(url)
    if "sqlite" not in parsed.scheme:
        return None
    name = parsed.path[1:]
    if not name or name == ":memory:" or name.startswith("file::memory:"):
        return None
    return Path(name)


def log_path(env: Mapping[str, str] = os.environ) -> Path:
    """The app's log file, in ``logs`` under the data directory (created if missing)."""
    folder = data_dir(env) / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / LOG_FILE_NAME

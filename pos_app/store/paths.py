"""Where the app keeps its data on this machine, the default database URL, and the private
modes of what it writes there (0700 folders, 0600 files, on systems that have such modes)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Final
from urllib.parse import urlparse

from platformdirs import user_data_dir

from pos_app.store.errors import StoreUnavailableError

APP_NAME: Final = "pos-app"
DATA_DIR_ENV: Final = "POS_DATA_DIR"
"""Environment variable that overrides the data directory (tests, portable installs)."""
DB_FILE_NAME: Final = "pos.sqlite3"
LOG_FILE_NAME: Final = "pos-app.log"
PRIVATE_DIR_MODE: Final = 0o700
PRIVATE_FILE_MODE: Final = 0o600
HAS_MODES: Final = os.name == "posix"
"""Only POSIX systems have owner/group/other modes (Windows keeps a read-only flag)."""


def os_reason(exc: OSError) -> str:
    """A short, plain reason for a file-system error (no path: the caller names it)."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or type(exc).__name__


def make_private_dir(path: Path, *, tighten: bool = False) -> Path:
    """Create the folder ``path`` (and missing parents) if missing; the folder itself is made
    0700. ``tighten``: also take group and other bits off an existing folder (only for the
    app's own folders; a folder a person chose may be shared on purpose). Raises OSError."""
    if not path.is_dir():
        path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
        if HAS_MODES:
            os.chmod(path, PRIVATE_DIR_MODE)  # whatever the umask did
    elif tighten:
        tighten_mode(path)
    return path


def tighten_mode(path: Path) -> None:
    """Take group and other bits off ``path`` if it exists (never adds a bit). Best effort: a
    file that cannot be changed is left as it is (whoever uses it next reports the problem)."""
    if not HAS_MODES:
        return
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except OSError:
        pass


def create_private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists (files SQLite creates beside a
    database take the database's mode). Raises OSError."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


def data_dir(env: Mapping[str, str] = os.environ) -> Path:
    """The app's data directory (``$POS_DATA_DIR`` if set, else the platform's user data
    directory for ``pos-app``), created 0700 if missing. The platform's folder is the app's
    own and is tightened to 0700 if it exists; a ``$POS_DATA_DIR`` that exists is left as it
    is. Raises :class:`StoreUnavailableError` when it cannot be created."""
    override = env.get(DATA_DIR_ENV, "").strip()
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path = path.expanduser().resolve()
    try:
        make_private_dir(path, tighten=not override)
    except OSError as exc:
        raise StoreUnavailableError(
            f"the data folder {path} cannot be created ({os_reason(exc)}); "
            "nothing was sold and nothing recorded was changed",
            path,
        ) from exc
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
    """The app's log file, in ``logs`` under the data directory (created 0700 if missing, and
    tightened: it is the app's own). Raises OSError or :class:`StoreUnavailableError`."""
    folder = data_dir(env) / "logs"
    make_private_dir(folder, tighten=True)
    return folder / LOG_FILE_NAME

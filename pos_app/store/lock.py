"""The sender lock: one process at a time sends the sales of a given database.

An OS file lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on a file beside the
database. The OS drops it when the holder dies, even by kill -9 or a power cut, so a stale
lock never blocks the next start. The holder's pid is written in the file for the message.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import Final

from pos_app.store.errors import LockHeldError, StoreUnavailableError
from pos_app.store.paths import (
    HAS_MODES,
    PRIVATE_FILE_MODE,
    data_dir,
    make_private_dir,
    os_reason,
    sqlite_file,
)

LOCK_SUFFIX: Final = ".sender.lock"
# Windows locks are mandatory (a locked byte cannot be read), so the lock sits on a byte far
# past the pid text, which other processes can then still read.
_WINDOWS_LOCK_OFFSET: Final = 1 << 20
_PID_MAX_BYTES: Final = 32


def lock_path_for(db_url: str) -> Path:
    """The sender lock file of a database: beside a SQLite file, else in the data directory."""
    path = sqlite_file(db_url)
    if path is None:
        return data_dir() / "sender.lock"
    return path.with_name(path.name + LOCK_SUFFIX)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_pid(path: Path) -> int | None:
    try:
        with path.open("rb") as file:
            text = file.read(_PID_MAX_BYTES)
    except OSError:
        return None
    try:
        return int(text.decode("ascii").strip())
    except ValueError:
        return None


class SenderLock:
    """Exclusive, non-blocking, process-wide lock on ``path``; a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock now or raise :class:`LockHeldError` naming the holder's pid, or
        :class:`StoreUnavailableError` when the file cannot be written (folder missing and
        not creatable, read-only, disk full). The file is the shop's user's only (0600)."""
        if self._fd is not None:
            raise RuntimeError(f"the sender lock {self.path} is already held by this object")
        try:
            make_private_dir(self.path.parent)
        except OSError as exc:
            raise StoreUnavailableError(
                f"the data folder {self.path.parent} cannot be created ({os_reason(exc)}); "
                "nothing was sold and nothing recorded was changed",
                self.path.parent,
            ) from exc
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        except OSError as exc:
            raise self._unusable(exc) from exc
        try:
            if HAS_MODES:
                os.fchmod(fd, PRIVATE_FILE_MODE)  # a lock file left by an older version
            if not _try_lock(fd):
                raise LockHeldError(str(self.path), _read_pid(self.path))
            pid = str(os.getpid()).encode("ascii")
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, pid + b"\n")
        except OSError as exc:
            os.close(fd)
            raise self._unusable(exc) from exc
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _unusable(self, exc: OSError) -> StoreUnavailableError:
        return StoreUnavailableError(
            f"the sender lock {self.path} cannot be written ({os_reason(exc)}); "
            "nothing was sold and nothing recorded was changed",
            self.path,
        )

    def release(self) -> None:
        """Give the lock up (no-op when not held). The file stays: deleting it would race."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> SenderLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

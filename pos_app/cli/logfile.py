"""The window's log file: a private rotating file in the data folder, opened at the first
record."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import sys
from collections.abc import Iterator
from typing import Any, TextIO, cast

from pos_app.domain import redaction
from pos_app.store import StoreError

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_BYTES = 1_000_000
LOG_BACKUPS = 5


class _FileLog(logging.Handler):
    """The window's log file: a rotating file in the data folder, opened at the first
    record it gets (most days there is none: no file, and about 1 MiB less memory)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:  # under self.lock (Handler.handle)
        if self._file is None and not self._failed:
            from pos_app.store.paths import log_path

            try:
                self._file = _private_rotating_file(log_path(), LOG_BYTES, LOG_BACKUPS)
            except (OSError, StoreError) as exc:  # a read-only folder must not stop the counter
                self._failed = True
                sys.stderr.write(f"pos-app: no log file: {exc}\n")
                return
            self._file.setFormatter(logging.Formatter(LOG_FORMAT))
        if self._file is not None:
            self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def _private_rotating_file(
    path: str | os.PathLike[str], max_bytes: int, backups: int
) -> logging.Handler:
    """A rotating log file readable by the shop's user only (0600 on POSIX), its rotations
    too. ``logging.handlers`` is imported here, at the first record, not at start."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFile(RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                if os.name == "posix":
                    os.fchmod(fd, 0o600)  # a file left by an older version
                return open(fd, "a", encoding=self.encoding, errors=self.errors)
            except BaseException:
                os.close(fd)
                raise

    return PrivateRotatingFile(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")


def log_to_file() -> logging.Handler:
    """The window also logs to a file (what support reads: warnings, and every unexpected
    error with its traceback). Never the API key. Returns the handler added to the root."""
    handler = _FileLog()
    logging.getLogger().addHandler(handler)
    return handler


class RedactedStream:
    """A text stream that hides the registered secrets in whatever is written to it: the
    command's stderr, where one-line errors quote exception messages and the log goes."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(redaction.redact(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextlib.contextmanager
def redacted_stderr() -> Iterator[TextIO]:
    """``sys.stderr`` through :class:`RedactedStream` for the block (once, however nested)."""
    current = sys.stderr
    if isinstance(current, RedactedStream):
        yield cast(TextIO, current)
        return
    sys.stderr = cast(TextIO, RedactedStream(current))
    try:
        yield sys.stderr
    finally:
        sys.stderr = current

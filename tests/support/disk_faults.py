"""Real storage faults for start-up tests: damaged files, read-only files and folders, a full
disk. Root ignores permission bits, so as root a file or folder is made immutable
(``chattr +i``) and a full disk is a tiny tmpfs; tests skip where the machine allows neither."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PAGE = 4096
IS_ROOT = os.name == "posix" and os.geteuid() == 0


def posix_only() -> None:
    if os.name != "posix":
        pytest.skip("file modes and read-only files are POSIX here")


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or a folder) cannot be written by this process while inside."""
    posix_only()
    if not IS_ROOT:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("root ignores modes and chattr is missing")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is refused here: {done.stderr.strip()!r}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@contextmanager
def tiny_disk(where: Path, size: str = "64k") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``where`` (created), unmounted afterwards."""
    posix_only()
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()!r}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> None:
    """Fill the disk under ``folder`` until a write fails."""
    chunk = b"\0" * 1024
    with (folder / "filler").open("wb", buffering=0) as file:
        try:
            while True:
                file.write(chunk)
        except OSError:
            pass


def break_page(db_file: Path, page: int = 2) -> None:
    """Overwrite the header of b-tree page ``page`` (1-based) with garbage."""
    with db_file.open("r+b") as file:
        file.seek((page - 1) * PAGE)
        file.write(b"\xff" * 16)


def set_state(db_file: Path, state: str) -> None:
    """Write ``state`` into every sale row behind the app's back."""
    raw = sqlite3.connect(db_file)
    try:
        raw.execute("UPDATE sale SET state = ?", (state,))
        raw.commit()
    finally:
        raw.close()


def recorded(folder: Path) -> dict[str, tuple[str, int]]:
    """Digest and mtime of every recorded file in ``folder`` (the database, its log and its
    backups; not the lock or the shared-memory index)."""
    found = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.endswith(("-shm", ".lock")):
            data = path.read_bytes()
            found[path.name] = (hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns)
    return found


def unchanged(before: dict[str, tuple[str, int]], folder: Path) -> None:
    """Every file recorded before is byte for byte as it was; no backup was added."""
    after = recorded(folder)
    for name, seen in before.items():
        assert after.get(name) == seen, f"{name} was changed"
    new = {name for name in after if name not in before}
    assert not {name for name in new if name.endswith((".bak", ".partial"))}, new
    for name in new:  # only an empty log SQLite may leave beside a checked database
        assert name.endswith("-wal") and (folder / name).stat().st_size == 0, name

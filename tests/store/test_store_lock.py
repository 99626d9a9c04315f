"""The sender lock: one process per database, released by the OS when the holder dies."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from pos_app.store import LockHeldError, SenderLock
from tests.store.conftest import start_child

HOLDER = r"""
import sys
from pathlib import Path
from pos_app.store import SenderLock

lock = SenderLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
sys.stdin.read()  # hold until killed or stdin closes
"""


@pytest.mark.slow
def test_another_process_holds_the_lock_until_it_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "pos.sqlite3.sender.lock"
    child = start_child(HOLDER, str(path))
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "locked"
        with pytest.raises(LockHeldError) as info:
            SenderLock(path).acquire()
        assert info.value.pid == child.pid
        assert str(child.pid) in str(info.value)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with SenderLock(path) as lock:
        assert lock.held
        assert path.read_text().strip() == str(os.getpid())


def test_a_second_holder_in_the_same_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sender.lock"
    first = SenderLock(path)
    first.acquire()
    try:
        with pytest.raises(LockHeldError) as info:
            SenderLock(path).acquire()
        assert info.value.pid == os.getpid()
        with pytest.raises(RuntimeError):
            first.acquire()
    finally:
        first.release()
    assert not first.held
    first.release()  # no-op
    with SenderLock(path):
        pass
    with SenderLock(path) as again:
        assert again.held
    assert not again.held


def test_the_lock_directory_is_created(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "dir" / "sender.lock"
    with SenderLock(path):
        assert path.is_file()

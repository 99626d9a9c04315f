"""What the tests of ``pos-app`` subcommands run in this process share: a shop of the test's
own with nothing from the environment, and standard input as a pipe or as a terminal."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest


class FakeTerminal(io.StringIO):
    """A standard input that says it is a terminal (a secret is then read by getpass from the
    terminal itself, without echo, not from this stream)."""

    def isatty(self) -> bool:
        return True


def piped(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Standard input is a pipe holding ``text``."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def own_shop(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    """The shop's data in ``data_dir``; no API key, API address, database URL or language
    from the environment."""
    for name in ("ONECLICK_API_KEY", "ONECLICK_API_URL", "POS_DB_URL", "POS_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POS_DATA_DIR", str(data_dir))

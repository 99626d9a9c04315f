"""The strictness the project promises, enforced by the test command itself:
ruff, mypy (strict on the Qt-free packages) and the import-linter layer contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
QT_FREE = ["pos_app.domain", "pos_app.api", "pos_app.simulator", "pos_app.store", "pos_app.orders"]


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


@pytest.mark.slow
def test_ruff() -> None:
    result = run(str(BIN / "ruff"), "check", "pos_app", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_ruff_format() -> None:
    result = run(str(BIN / "ruff"), "format", "--check", "pos_app", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_import_contracts() -> None:
    result = run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_qt_free_packages_load_without_qt() -> None:
    """Importing the core in a fresh interpreter must not pull in PySide6 or qasync."""
    code = (
        "import sys, importlib\n"
        f"for name in {QT_FREE!r}: importlib.import_module(name)\n"
        "import pos_app.simulator.server, pos_app.api.client\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'qasync'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stdout + result.stderr


def test_command_line_loads_without_qt() -> None:
    """The command line (order, resume, history, config, sim, status) needs no Qt: importing
    it in a fresh interpreter leaves PySide6 and qasync out."""
    code = (
        "import sys\n"
        "import pos_app.cli, pos_app.cli.orders, pos_app.cli.status, pos_app.cli.config\n"
        "import pos_app.cli.logfile\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'qasync'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stdout + result.stderr

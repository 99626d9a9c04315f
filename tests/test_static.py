"""The strictness the project promises, enforced by the test command itself:
ruff, mypy (strict on the Qt-free packages) and the import-linter layer contracts."""

from __future__ import annotations

import ast
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
        "import pos_app.cli.logfile, pos_app.cli.receipt, pos_app.cli.reports\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'qasync'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stdout + result.stderr


def one_letter_aliases(source: str) -> list[str]:
    """``import x as e``, ``from x import Y as S`` and ``S = SaleState`` (a module-level
    alias of an imported name) in ``source``: names that hide what they stand for."""
    tree = ast.parse(source)
    imported: set[str] = set()
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            for alias in node.names:
                imported.add(alias.asname or alias.name.split(".")[0])
                if alias.asname is not None and len(alias.asname) == 1:
                    found.append(f"line {node.lineno}: {alias.name} as {alias.asname}")
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Name)
            and node.value.id in imported
            and any(isinstance(t, ast.Name) and len(t.id) == 1 for t in node.targets)
        ):
            found.append(f"line {node.lineno}: an alias of {node.value.id}")
    return found


def test_the_alias_check_finds_what_it_should() -> None:
    source = (
        "from m import errors as e\nfrom m import SaleState\nS = SaleState\nimport peewee as pw\n"
    )
    assert one_letter_aliases(source) == ["line 1: errors as e", "line 3: an alias of SaleState"]


def test_no_one_letter_aliases_for_modules_or_enums() -> None:
    found = {
        str(path.relative_to(ROOT)): hits
        for folder in ("pos_app", "tests")
        for path in (ROOT / folder).rglob("*.py")
        if (hits := one_letter_aliases(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "name it for what it is (SaleState, api_errors, reports)"

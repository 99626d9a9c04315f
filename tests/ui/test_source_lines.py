"""While the window starts, ``linecache`` keeps none of the files PySide6's import hook
reads (``pos_app.ui.app.forget_source_lines``); lines are still given, and kept again after."""

from __future__ import annotations

import importlib
import linecache
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401 - its import hook reads each module imported after it
import pytest

from pos_app.ui.app import forget_source_lines


def _new_module(folder: Path, name: str) -> Path:
    path = folder / f"{name}.py"
    path.write_text(f'"""A module for the test."""\n\nNAME = "{name}"\n', encoding="utf-8")
    return path


def test_no_source_is_kept_until_restored_and_lines_are_still_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    kept_before = _new_module(tmp_path, "pos_test_lines_before")
    assert linecache.getline(str(kept_before), 3) == 'NAME = "pos_test_lines_before"\n'
    assert str(kept_before) in linecache.cache  # linecache keeps what it read
    restore = forget_source_lines()
    try:
        assert str(kept_before) not in linecache.cache  # dropped at the start
        during = _new_module(tmp_path, "pos_test_lines_during")
        importlib.import_module("pos_test_lines_during")
        assert str(during) not in linecache.cache  # the import hook's reading is not kept
        assert linecache.getline(str(during), 3) == 'NAME = "pos_test_lines_during"\n'
        assert str(during) not in linecache.cache
    finally:
        held = restore()
        sys.modules.pop("pos_test_lines_during", None)
    assert held == 0
    assert linecache.getline(str(during), 1) == '"""A module for the test."""\n'
    assert str(during) in linecache.cache  # restored: kept again
    linecache.clearcache()


def test_restore_says_how_many_files_were_held(tmp_path: Path) -> None:
    restore = forget_source_lines()
    path = _new_module(tmp_path, "pos_test_lines_held")
    linecache.cache[str(path)] = (1, None, ["x\n"], str(path))  # put there by someone else
    assert restore() == 1
    assert linecache.cache == {}

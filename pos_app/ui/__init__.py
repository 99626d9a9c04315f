"""The cashier window (PySide6 + qasync). ``app.py`` is the composition root.

The Qt-free modules the first paint needs are imported here, before any module of the
window imports PySide6: PySide6's import hook (its ``__feature__`` support reads the source of
every module imported after it) about doubles what each of them costs the first paint.

That hook (``shibokensupport.feature``) also reads a module's whole source file the first
time any ``import`` statement names it after PySide6 loaded, to learn whether it mentions
PySide6; about 50 files before the first paint, some 8 ms. None of the app's modules uses
``from __feature__ import ...``, so :func:`skip_feature_scan` tells the hook their answer
beforehand, as it would have stored it, and the files are not read.
"""

import os
import sys
from importlib import import_module

QT_FREE_AT_PAINT = (
    "dataclasses",
    "datetime",
    "decimal",
    "sqlite3",
    "pos_app.assets",
    "pos_app.domain",
    "pos_app.domain.cards",
    "pos_app.orders.messages",
    "pos_app.orders.views",
    "pos_app.receipts.headless",
    "pos_app.store.readonly",
    "pos_app.store.settings",
)
"""Imported with this package (``tests/ui/test_paint_first.py`` checks that ``ui.app``
imports no other Qt-free module of the app)."""

USES_PYSIDE, IGNORED = 0, -1
"""The two answers PySide6's hook stores per module name: it mentions PySide6 (feature set 0,
none) or it does not (the module is ignored when Qt switches feature sets)."""


def _app_module_names() -> list[str]:
    """Every module and package of ``pos_app`` found on disk (none in a frozen build, whose
    modules have no source file for the hook to read anyway)."""
    top = import_module("pos_app").__path__[0]
    names = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        package = os.path.relpath(folder, os.path.dirname(top)).replace(os.sep, ".")
        for file in files:
            if file.endswith(".py"):
                stem = file[:-3]
                names.append(package if stem == "__init__" else f"{package}.{stem}")
    return names


def skip_feature_scan() -> int:
    """Import PySide6 and give its ``__feature__`` hook, for every module loaded so far and
    every module of the app, the answer it would have found by reading the file: the app's
    modules select Qt's default feature set (what the hook stores for a module that mentions
    PySide6), the others are ignored. Returns how many names were added; 0 when the hook is
    not there (another PySide6), which only costs the reading again."""
    import PySide6  # noqa: F401  (loads shiboken6 and its feature hook)

    hook = sys.modules.get("shibokensupport.feature")
    answers = getattr(hook, "pyside_feature_dict", None)
    if not isinstance(answers, dict):
        return 0
    before = len(answers)
    for name in _app_module_names():
        answers.setdefault(name, USES_PYSIDE)
    for name in list(sys.modules):
        answers.setdefault(name, IGNORED)
    return len(answers) - before


for _name in QT_FREE_AT_PAINT:
    import_module(_name)
skip_feature_scan()

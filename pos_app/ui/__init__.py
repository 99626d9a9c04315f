"""The cashier window (PySide6 + qasync). ``app.py`` is the composition root.

The Qt-free modules the first paint needs are imported here, before any module of the
window imports PySide6: PySide6's import hook (its ``__feature__`` support) runs on every
import after PySide6 loads. When it still read each module's source, it about doubled what
each of them cost the first paint (not measured again since it answers from the name).

That hook (``shibokensupport.feature``) also reads a module's whole source file the first
time any ``import`` statement names it after PySide6 loaded, to learn whether it mentions
PySide6: about 50 files before the first paint (some 8 ms) and 175 during the load (some
27 ms, and several MiB of peak memory). The answer only matters to a program that selects a
feature (``from __feature__ import snake_case``); the app never does (a test checks), so
:func:`skip_feature_scan` makes the hook answer from the module's name, without reading.
"""

import linecache
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

QT_PREFIXES = ("pos_app", "PySide6", "shiboken6", "shibokensupport")
"""Names answered "mentions PySide6" (0); every other module is ignored (-1)."""


def skip_feature_scan() -> bool:
    """Import PySide6 and make its ``__feature__`` hook answer from a module's name, as it
    would have after reading its file, but without reading it: the app's and Qt's own modules
    select Qt's default feature set, every other one is ignored. True when done; False when
    the hook is not where it was (another PySide6), which only costs the reading again.

    A module the hook would have read and found to mention PySide6 (qasync) is ignored here
    instead; with no feature ever selected, both answers leave every module on the same
    default set."""
    import PySide6  # noqa: F401  (loads shiboken6 and its feature hook)

    linecache.clearcache()  # the two files the hook read as PySide6 loaded (enum, shiboken6)
    hook = sys.modules.get("shibokensupport.feature")
    loader = sys.modules.get("shibokensupport.signature.loader")
    answers = getattr(hook, "pyside_feature_dict", None)
    if not isinstance(answers, dict) or not callable(getattr(loader, "feature_imported", None)):
        return False

    def answer_unread(module: object) -> None:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and name not in answers:
            answers[name] = USES_PYSIDE if name.startswith(QT_PREFIXES) else IGNORED

    # Qt calls the loader's function, which calls (and once binds to) the hook's own.
    hook.feature_imported = loader.feature_imported = answer_unread  # type: ignore[union-attr]
    return True


for _name in QT_FREE_AT_PAINT:
    import_module(_name)
skip_feature_scan()

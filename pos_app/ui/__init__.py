"""The cashier window (PySide6 + qasync). ``app.py`` is the composition root.

The Qt-free modules the first paint needs are imported here, before any module of the
window imports PySide6: PySide6's import hook (its ``__feature__`` support reads the source of
every module imported after it) about doubles what each of them costs the first paint.
"""

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

for _name in QT_FREE_AT_PAINT:
    import_module(_name)

"""Qt enum values for the widgets of the first paint, set without ``PySide6.QtCore.Qt``.

The first read of ``Qt`` (the namespace) makes PySide6 6.11 build all its Python enums, about
a hundred: some 0.12 G instructions, an eighth of the first paint. The modules the paint loads
do not read it at import, nor while the window is built and painted: they set the values
below (Qt's own numbers: ``tests/ui/test_paint_first.py`` checks each against its enum)
through the widgets' Qt properties, which take plain ints. Code that runs after the paint (key
handling, dialogs, the screens installed at the load) uses ``Qt`` as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

ALIGN_CENTER = 0x0084  # Qt.AlignmentFlag.AlignCenter
NO_FOCUS = 0  # Qt.FocusPolicy.NoFocus
STRONG_FOCUS = 0x0B  # Qt.FocusPolicy.StrongFocus
LEFT_TO_RIGHT = 0  # Qt.LayoutDirection.LeftToRight
RIGHT_TO_LEFT = 1  # Qt.LayoutDirection.RightToLeft
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
NO_TEXT_INTERACTION = 0  # Qt.TextInteractionFlag.NoTextInteraction
MATCH_STARTS_WITH = 2  # Qt.MatchFlag.MatchStartsWith
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole


def set_props(target: QObject, **values: int) -> None:
    """Set Qt properties of ``target`` by name (``alignment=ALIGN_CENTER``). A name that is
    not one of its Qt properties raises ValueError (Qt would add a dynamic one silently)."""
    for name, value in values.items():
        if not target.setProperty(name, value):
            raise ValueError(f"{type(target).__name__} has no Qt property {name!r}")

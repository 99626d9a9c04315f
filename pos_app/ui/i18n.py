"""Every user-facing string of the window goes through :func:`translate` (Qt translations).

Call it with literal arguments, ``translate("Context", "text")``, so that ``pyside6-lupdate``
finds the strings (resources/translations/*.ts).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str) -> str:
    """``text`` translated in ``context`` (one context per screen or module)."""
    return QCoreApplication.translate(context, text)


tr = translate

"""The mark of a text the window translates, for Qt-free modules (their texts are English;
``pyside6-lupdate`` finds each marked call and the window translates it under its context)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Marks ``text`` for pyside6-lupdate under ``context``; returns it unchanged."""
    return text

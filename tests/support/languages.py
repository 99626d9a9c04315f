"""Switching the window's language in a test, and back to English after it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QApplication

from pos_app.ui.i18n import install_language


def switched_language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    """A fixture's body: a function that installs a language (``"fr"``, ...); English is
    installed again after the test."""

    def use(code: str) -> None:
        install_language(qapp, code)

    yield use
    install_language(qapp, "en")

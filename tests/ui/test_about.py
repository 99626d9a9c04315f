"""The application icon, the About box (F1) with the version, and Qt's own words for its
standard buttons in the window's language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from pos_app import __version__
from pos_app.assets import ICON_SIZES
from pos_app.ui import i18n
from pos_app.ui.about import application_icon
from pos_app.ui.i18n import install_language, translate
from tests.support.waiting import run, wait_until
from tests.support.window import Harness

Make = Callable[..., Harness]


def test_the_icon_has_every_size_and_the_app_uses_it(harness: Make) -> None:
    harness()  # load_style(qapp) as the app does
    icon = application_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == sorted(ICON_SIZES)
    assert not icon.pixmap(32, 32).toImage().isNull()
    app_icon = QApplication.windowIcon()
    assert isinstance(app_icon, QIcon)
    assert sorted(size.width() for size in app_icon.availableSizes()) == sorted(ICON_SIZES)


def _about_box() -> QMessageBox | None:
    boxes = [
        box
        for box in QApplication.topLevelWidgets()
        if isinstance(box, QMessageBox) and box.objectName() == "aboutBox" and box.isVisible()
    ]
    return boxes[0] if boxes else None


# language: (title, the word before the version, the button: Qt's own qtbase_<language>)
SEEN = {
    "en": ("About pos-app", "Version", "OK"),
    "fr": ("À propos de pos-app", "Version", "OK"),
    "ar": ("حول pos-app", "الإصدار", "حسنًا"),
}


@pytest.mark.parametrize("language", sorted(SEEN))
def test_f1_shows_the_version_in_the_windows_language(
    harness: Make,
    qloop: qasync.QEventLoop,
    qapp: QApplication,
    language: str,
) -> None:
    title, version_word, ok = SEEN[language]
    install_language(qapp, language)
    try:
        window = harness().window

        async def body() -> None:
            QTest.keyClick(window, Qt.Key.Key_F1)
            await wait_until(lambda: _about_box() is not None, 5, what="the About box")
            box = _about_box()
            assert box is not None
            assert box.windowTitle() == title
            assert __version__ in box.informativeText()
            assert version_word in box.informativeText()
            assert [button.text() for button in box.buttons()] == [ok]
            box.accept()
            await wait_until(lambda: _about_box() is None, 5, what="closed")

        run(qloop, body())
    finally:
        install_language(qapp, "en")


def test_qt_standard_buttons_follow_the_language_and_go_back_to_english(
    qapp: QApplication,
) -> None:
    install_language(qapp, "fr")
    try:
        assert translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        install_language(qapp, "en")
    assert translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_missing_qt_translation_is_logged_not_fatal(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A build without Qt's own .qm files still shows the app in French (its own words)."""
    monkeypatch.setattr(i18n, "qt_translations_folder", lambda: str(tmp_path))
    install_language(qapp, "fr")
    try:
        assert translate("QPlatformTheme", "Cancel") == "Cancel"  # Qt's words: English
        assert translate("SaleSummary", "Sell (Enter)") != "Sell (Enter)"  # ours: French
    finally:
        install_language(qapp, "en")
    assert "standard dialogs stay in English" in caplog.text

"""The lock screen and the manager prompt in English, French and Arabic, as the cashier sees
them (saved under ``POS_UI_SCREENSHOTS`` when set: resources/screenshots/lock-*.png and
manager-prompt-*.png are made this way)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from datetime import UTC
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos_app.ui.access import gate, install_access, require_manager
from tests.support.languages import switched_language
from tests.support.people import CASHIER, add_people
from tests.support.waiting import run, wait_until
from tests.support.window import SCREENSHOTS, Harness, save_shot

Make = Callable[..., Harness]
WORDS = {  # a few words each screen must show in its language
    "en": ("The counter is locked", "Wrong PIN", "A manager must allow this"),
    "fr": ("La caisse est verrouillée", "Code PIN erroné", "Un gérant doit autoriser"),
    "ar": ("نقطة البيع مقفلة", "رمز سري خاطئ", "يجب أن يوافق مدير"),
}


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    yield from switched_language(qapp)


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_lock_screen_and_manager_prompt_in_each_language(
    code: str,
    harness: Make,
    qloop: qasync.QEventLoop,
    tmp_path: Path,
    language: Callable[[str], None],
) -> None:
    language(code)
    h = harness()
    add_people(h.services.store)
    access = install_access(h.window, h.services.store, h.services.executor, training=False, tz=UTC)
    screen = access.lock_screen
    locked, wrong, asked = WORDS[code]
    rtl = Qt.LayoutDirection.RightToLeft if code == "ar" else Qt.LayoutDirection.LeftToRight

    async def body() -> None:
        await wait_until(lambda: screen.names.count() == 3, what="people listed")
        assert screen.heading.text() == locked
        assert screen.layoutDirection() == rtl
        assert screen.pin.layoutDirection() == Qt.LayoutDirection.LeftToRight  # digits
        QTest.keyClicks(screen.pin, "Ka0000")  # Karim, a wrong PIN
        QTest.keyClick(screen.pin, Qt.Key.Key_Return)
        await wait_until(lambda: wrong in screen.message.text(), what="the wrong PIN said")
        save_shot(h.window, f"lock-{code}.png", tmp_path)
        QTest.keyClicks(screen.pin, CASHIER[1])
        QTest.keyClick(screen.pin, Qt.Key.Key_Return)
        await wait_until(lambda: not access.locked, what="signed in")
        asking = asyncio.ensure_future(require_manager(h.window, gate.Z_CLOSE))
        await wait_until(lambda: access.prompt is not None and access.prompt.isVisible())
        prompt = access.prompt
        assert prompt is not None and asked in prompt.heading.text()
        assert prompt.layoutDirection() == rtl
        folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
        assert prompt.grab().save(str(folder / f"manager-prompt-{code}.png"))
        prompt.reject()
        assert not await asking

    run(qloop, body())

"""French and Arabic: every string translated, placeholders intact, compiled files current, and
the window itself in both languages (Arabic right to left, numbers still left to right)."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout, QTextOption
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pos_app.domain.sale_states import SaleState
from pos_app.ui import i18n
from pos_app.ui.i18n import (
    LanguageError,
    install_language,
    load_shipped_fonts,
    ltr,
    resolve_language,
    translate,
)
from pos_app.ui.sale.panel import mask_ncli
from tests.support.waiting import run, wait_until
from tests.support.window import Harness, row_view, save_shot

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ("fr", "ar")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
Make = Callable[..., Harness]


def ts_messages(language: str) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message of a .ts file."""
    root = ET.parse(i18n.TRANSLATIONS / f"pos_app_{language}.ts").getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out.append((name, message.findtext("source") or "", translation))
    return out


def strings_in_code() -> set[tuple[str, str]]:
    """(context, text) of every ``translate("Context", "text")`` call in pos_app (and every
    ``QT_TRANSLATE_NOOP`` mark of the Qt-free texts)."""
    found: set[tuple[str, str]] = set()
    for path in (ROOT / "pos_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("translate", "tr", "QT_TRANSLATE_NOOP")
                and len(node.args) == 2
                and all(isinstance(a, ast.Constant) for a in node.args)
            ):
                ctx, text = (str(cast(ast.Constant, a).value) for a in node.args)  # checked above
                found.add((ctx, text))
    return found


@pytest.mark.parametrize(
    ("explicit", "env", "system", "expected"),
    [
        ("ar", "fr", "fr_FR", "ar"),
        (None, "fr", "ar_DZ", "fr"),
        (None, None, "ar_DZ", "ar"),
        (None, "", "fr-DZ", "fr"),
        (None, "de", "de_DE", "en"),  # unknown everywhere: the source language
        (None, " AR ", "C", "ar"),
        (None, None, "C", "en"),
    ],
)
def test_language_comes_from_flag_then_env_then_system(
    explicit: str | None, env: str | None, system: str, expected: str
) -> None:
    assert resolve_language(explicit, env, system) == expected


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_of_the_code_is_in_the_translation_file(language: str) -> None:
    in_code = strings_in_code()
    assert len(in_code) > 100
    in_file = {(ctx, src) for ctx, src, _ in ts_messages(language)}
    assert in_code - in_file == set(), "run packaging/update-translations"
    assert in_file - in_code == set(), "obsolete entries: run pyside6-lupdate -no-obsolete"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_is_translated_with_the_same_placeholders(language: str) -> None:
    for ctx, source, translation in ts_messages(language):
        text = translation.text or ""
        where = f"{language} {ctx}: {source!r}"
        assert translation.get("type") != "unfinished" and text.strip(), f"untranslated: {where}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        if language == "ar":
            assert re.search("[\u0600-\u06ff]", text) or source in ("ADSL", "4G"), where
            assert not re.search("[\u0660-\u0669]", text), f"Arabic-Indic digits: {where}"


def _lrelease() -> str:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lrelease")
    assert found, "pyside6-lrelease (from PySide6-Essentials) not found"
    return found


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_translation_is_current(language: str, tmp_path: Path) -> None:
    ts = i18n.TRANSLATIONS / f"pos_app_{language}.ts"
    fresh = tmp_path / f"{language}.qm"
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(fresh)], check=True, timeout=60)
    committed = i18n.TRANSLATIONS / f"pos_app_{language}.qm"
    assert committed.read_bytes() == fresh.read_bytes(), "run pyside6-lrelease on the .ts"


def test_shipped_font_has_arabic_glyphs(qapp: QApplication) -> None:
    families = load_shipped_fonts()
    assert families
    assert QFontDatabase.WritingSystem.Arabic in QFontDatabase.writingSystems(families[0])


def test_unknown_or_missing_language_is_a_clear_error_and_changes_nothing(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install_language(qapp, "ar")
    arabic = translate("SaleSummary", "Sell (Enter)")
    assert arabic != "Sell (Enter)"
    try:
        with pytest.raises(LanguageError, match="unknown language 'de'"):
            install_language(qapp, "de")
        monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)  # no .qm there
        with pytest.raises(LanguageError, match="cannot load the fr translation"):
            install_language(qapp, "fr")
        # Not half-switched: still Arabic, still right to left.
        assert translate("SaleSummary", "Sell (Enter)") == arabic
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        install_language(qapp, "en")
    assert translate("SaleSummary", "Sell (Enter)") == "Sell (Enter)"


def test_shipped_font_is_used_when_the_system_has_no_arabic_one(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare shop PC: no installed font has Arabic glyphs."""
    before = qapp.font().families()
    monkeypatch.setattr(QFontDatabase, "families", lambda *a: [])  # the class i18n asks
    install_language(qapp, "ar")
    try:
        assert qapp.font().families()[0] == load_shipped_fonts()[0] == "DejaVu Sans"
    finally:
        install_language(qapp, "en")
    assert qapp.font().families() == before  # put back when leaving Arabic


_CONTROL_CHARS = "\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u200e\u200f"
_CONTROLS = str.maketrans("", "", _CONTROL_CHARS)


def seen_left_to_right(text: str, font: QFont) -> str:
    """``text`` as a reader sees it in a right-to-left paragraph, read off left to right (the
    characters ordered by where Qt's text layout draws their glyphs).

    Each character's glyphs are asked for on their own (``glyphRuns(i, 1)``): the string
    indexes of a run are not to be trusted. Where a font fallback splits a right-to-left item
    between two fonts, Qt gives every glyph of the second run the item's first character, and
    the runs come back in hash order, so a reading built on them changes from run to run."""
    assert all(ord(c) <= 0xFFFF for c in text), "Qt counts UTF-16 units, Python code points"
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(100_000)
    layout.endLayout()
    positions = QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    x_of: dict[int, float] = {}
    for i in range(len(text)):
        xs = [p.x() for run in layout.glyphRuns(i, 1, positions) for p in run.positions()]
        if xs:
            x_of[i] = min(xs)
    unplaced = [c for i, c in enumerate(text) if i not in x_of and c not in _CONTROL_CHARS]
    assert not unplaced, f"no glyph drawn for {unplaced!r}"
    drawn = "".join(text[i] for _, i in sorted((x, i) for i, x in x_of.items()))
    return drawn.translate(_CONTROLS)


def font_without_arabic(base: QFont) -> QFont:
    """``base`` in an installed family with no Arabic glyphs (Qt then falls back for them)."""
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.Latin):
        if QFontDatabase.WritingSystem.Arabic not in QFontDatabase.writingSystems(family):
            font = QFont(base)
            font.setFamilies([family])
            return font
    pytest.skip("every installed font has Arabic glyphs")


def test_reading_holds_when_a_font_fallback_splits_the_arabic(qapp: QApplication) -> None:
    """The glyph-run reading used to scramble here (its string indexes are wrong)."""
    font = font_without_arabic(qapp.font())
    line = "الرقم: \u2066023 45 00 09\u2069"
    assert seen_left_to_right(line, font) == seen_left_to_right(line, qapp.font())
    assert seen_left_to_right(line, font) == "023 45 00 09 :مقرلا"
    price = "المبلغ المطلوب: \u20661\u202f000\xa0DA\u2069"
    assert seen_left_to_right(price, font) == "1\u202f000\xa0DA :بولطملا غلبملا"


def test_without_isolation_arabic_text_scrambles_numbers(qapp: QApplication) -> None:
    """The reason for ``ltr``, and proof that the check below can fail."""
    font = qapp.font()
    assert "09 00 45 023" in seen_left_to_right("الرقم: 023 45 00 09", font)
    assert "023 45 00 09" in seen_left_to_right("الرقم: \u2066023 45 00 09\u2069", font)


@pytest.fixture
def language(qapp: QApplication) -> Iterator[Callable[[str], None]]:
    def use(code: str) -> None:
        install_language(qapp, code)

    yield use
    install_language(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_french_window(
    harness: Make, qloop: qasync.QEventLoop, tmp_path: Path, language: Callable[[str], None]
) -> None:
    language("fr")
    h = harness(scale=50.0)
    w = h.window
    assert w.layoutDirection() == Qt.LayoutDirection.LeftToRight

    async def body() -> None:
        await h.services.counter.start()
        await wait_until(lambda: w.sale.grid.buttons and w.balance.view is not None)
        assert w.balance.amount.text().startswith("Solde")
        QTest.keyClicks(w.sale.field.edit, "02345")
        assert "ADSL" in w.sale.field.hint.text() and "chiffre" in w.sale.field.hint.text()
        save_shot(w, "window-fr.png", tmp_path)

    run(qloop, body())


def test_arabic_window_sale_to_fulfilment(
    harness: Make, qloop: qasync.QEventLoop, tmp_path: Path, language: Callable[[str], None]
) -> None:
    """Keyboard-only sale in Arabic; the window mirrors, digits and codes do not."""
    language("ar")
    h = harness(scale=50.0)
    w = h.window
    edit = w.sale.field.edit
    assert w.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert edit.layoutDirection() == Qt.LayoutDirection.LeftToRight
    popup = w.sale.field.completer.popup()
    assert popup is not None and popup.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert ltr("0 12") == "\u20660 12\u2069"

    async def body() -> None:
        await h.services.counter.start()
        await wait_until(lambda: w.sale.grid.buttons and w.balance.view is not None)
        assert re.search("[\u0600-\u06ff]", w.balance.amount.text())
        QTest.keyClicks(edit, "023450009")
        assert w.sale.field.grouped.text() == "023 45 00 09"
        await wait_until(lambda: "\u2066" in w.sale.line_info.text(), what="line check")
        QTest.keyClick(edit, Qt.Key.Key_2)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert "\u2066023 45 00 09\u2069" in w.sale.summary.body.text()
        body = w.sale.summary.body
        seen = [seen_left_to_right(line, body.font()) for line in body.text().splitlines()]
        assert any(line.startswith("023 45 00 09 ") for line in seen), seen
        assert sum(line.startswith("1\u202f000\xa0DA ") for line in seen) == 2, seen  # value, price
        ncli = w.sale._line.ncli if w.sale._line else None
        assert ncli and mask_ncli(ncli) in seen_left_to_right(
            w.sale.line_info.text(), w.sale.line_info.font()
        )
        save_shot(w, "window-ar-summary.png", tmp_path)
        QTest.keyClick(edit, Qt.Key.Key_Return)
        model = w.orders.model
        await wait_until(lambda: model.rowCount() == 1, what="sale listed")
        await wait_until(
            lambda: row_view(model, 0).state is SaleState.FULFILLED,
            15,
            what="fulfilled",
        )
        code = row_view(model, 0).card_code
        assert code is not None
        assert model.data(model.index(0, model.COL_DETAIL)) == f"\u2066•••• {code[-4:]}\u2069"
        assert w.orders.copy_code() == code  # the clipboard gets the bare code
        save_shot(w, "window-ar-fulfilled.png", tmp_path)

    run(qloop, body())

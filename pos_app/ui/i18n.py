"""Every user-facing string of the window goes through :func:`translate` (Qt translations).

Call it with literal arguments, ``translate("Context", "text")``, so that ``pyside6-lupdate``
finds the strings (pos_app/assets/translations/*.ts, compiled to *.qm beside them).

Languages: the source strings are English; French and Arabic come from the translation files.
Which one a counter shows: ``--lang``, else ``POS_LANG``, else the shop's ``language``
setting (``pos-app config language ar``), else the system locale when it is French or
Arabic, else English. Arabic turns the whole window right-to-left; digits, amounts
and card codes stay left-to-right inside it (:func:`ltr`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QGuiApplication

from pos_app import assets
from pos_app.store.settings import LANGUAGES, language_code
from pos_app.ui.qt_props import LEFT_TO_RIGHT, RIGHT_TO_LEFT, set_props

if TYPE_CHECKING:  # imported where used: an English paint makes none of their types
    from PySide6.QtCore import QTranslator
    from PySide6.QtGui import QFont

log = logging.getLogger(__name__)

TRANSLATIONS: Final = assets.TRANSLATIONS  # found by pos_app.assets (a test swaps it)
ARABIC_FONTS: Final = assets.FONT_FILES  # DejaVu Sans has Arabic glyphs
SOURCE_LANGUAGE: Final = "en"
RTL_LANGUAGES: Final = frozenset({"ar"})
# Unicode isolates: LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE.
_LRI: Final = "\u2066"
_PDI: Final = "\u2069"
_installed: list[QTranslator] = []
_font_before: list[QFont] = []  # the application font before the shipped Arabic one


def translate(context: str, text: str) -> str:
    """``text`` translated in ``context`` (one context per screen or module)."""
    return QCoreApplication.translate(context, text)


tr = translate


def resolve_language(*candidates: str | None) -> str:
    """The language to show: the first candidate (``--lang``, ``POS_LANG``, the shop's
    setting, the system locale such as ``ar_DZ`` or ``fr-FR``) that names one of
    :data:`LANGUAGES`; English otherwise."""
    for candidate in candidates:
        code = language_code(candidate)
        if code is not None:
            return code
    return SOURCE_LANGUAGE


def system_locale_name() -> str:
    return QLocale.system().name()


class LanguageError(RuntimeError):
    """A translation file is missing or unreadable."""


def install_language(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load ``language`` into ``app`` (and, for Arabic, right-to-left layout and a font with
    Arabic glyphs), replacing the one loaded before, with Qt's own words for its standard
    dialogs and buttons (``qtbase_<language>``) when Qt has them. The translator is a child
    of ``app``. English needs no file and returns None."""
    if language not in LANGUAGES:
        raise LanguageError(f"unknown language {language!r}; one of {', '.join(LANGUAGES)}")
    translator = None
    translators: list[QTranslator] = []
    if language != SOURCE_LANGUAGE:
        from PySide6.QtCore import QTranslator

        translator = QTranslator(app)
        qm = TRANSLATIONS / f"pos_app_{language}.qm"
        if not translator.load(str(qm)):
            raise LanguageError(f"cannot load the {language} translation ({qm})")
        translators = [translator, *_qt_translator(app, language)]
    while _installed:  # a second call switches language: the earlier one goes
        app.removeTranslator(_installed.pop())
    if isinstance(app, QGuiApplication):
        rtl = language in RTL_LANGUAGES
        set_props(app, layoutDirection=RIGHT_TO_LEFT if rtl else LEFT_TO_RIGHT)  # qt_props
        if rtl:
            _ensure_arabic_font(app)
        elif _font_before:
            app.setFont(_font_before.pop())
    for each in translators:
        app.installTranslator(each)
        _installed.append(each)
    return translator


def qt_translations_folder() -> str:
    """Where Qt keeps its own ``.qm`` files (inside PySide6, or the frozen build's copy)."""
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def _qt_translator(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's ``qtbase_<language>`` (OK, Cancel, the file and print dialogs), or nothing: its
    standard dialogs then stay in English, which is logged, not fatal."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if translator.load(f"qtbase_{language}", qt_translations_folder()):
        translator.setParent(app)
        return [translator]
    log.warning("Qt's own %s translation is missing: standard dialogs stay in English", language)
    return []


def _ensure_arabic_font(app: QGuiApplication) -> None:
    """Use the shipped font when the system has none with Arabic glyphs (a bare shop PC)."""
    from PySide6.QtGui import QFont, QFontDatabase

    if _font_before or QFontDatabase.families(QFontDatabase.WritingSystem.Arabic):
        return
    families = load_shipped_fonts()
    if not families:
        log.warning("no font with Arabic glyphs here and the shipped one did not load")
        return
    _font_before.append(QFont(app.font()))  # put back when leaving Arabic
    font = QFont(app.font())
    font.setFamilies([families[0], *app.font().families()])
    app.setFont(font)


def load_shipped_fonts() -> list[str]:
    """Register the shipped fonts (:data:`pos_app.assets.FONT_FILES`); their family names
    (empty if none loaded)."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for path in ARABIC_FONTS:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [
                f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families
            ]
    return families


def ltr(text: str) -> str:
    """``text`` (digits, an amount, a card code) kept left-to-right inside right-to-left text.

    In an Arabic paragraph, "0 12 34 56 78" would otherwise show its groups in reverse order.
    Left unchanged when the application is left-to-right."""
    if text and QGuiApplication.isRightToLeft():
        return f"{_LRI}{text}{_PDI}"
    return text

"""What the app reads at run time, shipped inside the package: translations (``.ts`` sources
and compiled ``.qm``), the fonts, the style sheet and the application icon.

This is the one place that finds them: the folder of this module, so the source tree, a
wheel, a non-editable ``pip install .`` and a frozen PyInstaller build (which puts the data
files beside its modules) all read the same files. Qt opens files by path, so the folder must
be on disk (not inside a zip). Not through :mod:`importlib.resources`: its modules cost the
first paint about 7 M instructions. No Qt here: the receipts' Qt-free half and the command
line may import it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final


def _on_disk() -> Path:
    """This package's folder; a clear error when it is not a folder on disk."""
    folder = Path(__file__).parent.absolute()
    if not folder.is_dir():
        raise RuntimeError(
            f"pos_app's assets must be files on disk, not inside an archive ({folder})"
        )
    return folder


ASSETS: Final = _on_disk()
TRANSLATIONS: Final = ASSETS / "translations"
"""``pos_app_<language>.ts`` (kept by ``packaging/update-translations``) and its ``.qm``."""
FONTS: Final = ASSETS / "fonts"
FONT_FILES: Final = (FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSans-Bold.ttf")
"""DejaVu Sans has Arabic glyphs (its licence: ``fonts/DejaVu-LICENSE.txt``)."""
STYLE_SHEET: Final = ASSETS / "styles" / "cashier.qss"
ICONS: Final = ASSETS / "icons"
ICON_SVG: Final = ICONS / "pos-app.svg"
"""The drawing the PNGs and the Windows ``.ico`` are made from (``packaging/make-icons``)."""
ICON_ICO: Final = ICONS / "pos-app.ico"
ICON_SIZES: Final = (16, 24, 32, 48, 64, 128, 256)


def translation_file(language: str) -> Path:
    """The compiled translation of ``language`` (it may not exist)."""
    return TRANSLATIONS / f"pos_app_{language}.qm"


def icon_file(size: int) -> Path:
    """The application icon as a ``size`` x ``size`` PNG, one of :data:`ICON_SIZES`."""
    if size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; sizes: {ICON_SIZES}")
    return ICONS / f"pos-app-{size}.png"


def style_sheet() -> str:
    """The window's Qt style sheet; empty when the file is missing."""
    try:
        return STYLE_SHEET.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ""

"""What the app reads at run time lives in pos_app/assets, is found by pos_app.assets, and is
all declared as package data (so a wheel carries it); the icons match their drawing."""

from __future__ import annotations

import fnmatch
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from pos_app import assets

ROOT = Path(__file__).resolve().parents[2]
SOURCES_ONLY = ("*.py", "*.ts")  # code, and the translations' sources (compiled to .qm)


def package_data_globs() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs: list[str] = config["tool"]["setuptools"]["package-data"]["pos_app.assets"]
    return globs


def shipped_files() -> list[str]:
    """Every file under pos_app/assets that the app may read, relative to it."""
    return sorted(
        path.relative_to(assets.ASSETS).as_posix()
        for path in assets.ASSETS.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and not any(fnmatch.fnmatch(path.name, pattern) for pattern in SOURCES_ONLY)
    )


def test_the_assets_are_found_inside_the_package() -> None:
    assert assets.ASSETS == ROOT / "pos_app" / "assets"
    for language in ("fr", "ar"):
        assert assets.translation_file(language).is_file()
        assert assets.translation_file(language).with_suffix(".ts").is_file()  # lupdate's
    assert all(path.is_file() for path in assets.FONT_FILES)
    assert "#trainingBanner" in assets.style_sheet()  # the style of MainWindow.banner
    assert assets.ICON_SVG.is_file() and assets.ICON_ICO.is_file()


def test_every_asset_is_package_data() -> None:
    """A new kind of file under pos_app/assets must be added to pyproject.toml's package
    data, or a wheel (and a non-editable install) would leave it behind."""
    files = shipped_files()
    assert len(files) >= 12  # the .qm files, the fonts, the style sheet, the icons
    globs = package_data_globs()
    left_out = [name for name in files if not any(fnmatch.fnmatch(name, g) for g in globs)]
    assert left_out == []


def test_nothing_reads_the_top_level_resources_folder() -> None:
    """Screenshots and docs stay in resources/; code that reads it breaks once installed."""
    pattern = re.compile(r"""["']resources["']|parents\[2\]""")
    found = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "pos_app").rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_an_icon_size_that_does_not_exist_is_refused() -> None:
    assert assets.icon_file(32).name == "pos-app-32.png"
    with pytest.raises(ValueError, match="no 20 px icon"):
        assets.icon_file(20)


def test_the_icons_are_drawn_from_the_svg_at_every_size(tmp_path: Path) -> None:
    """packaging/make-icons, run again, gives the committed PNGs and .ico."""
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make-icons"), str(tmp_path)],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    for size in assets.ICON_SIZES:
        committed = Image.open(assets.icon_file(size))
        assert committed.size == (size, size)
        fresh = Image.open(tmp_path / assets.icon_file(size).name)
        assert committed.convert("RGBA").tobytes() == fresh.convert("RGBA").tobytes(), size
    ico = Image.open(assets.ICON_ICO)
    assert ico.format == "ICO"
    sizes = ico.info["sizes"]
    assert sorted(sizes) == sorted((size, size) for size in assets.ICON_SIZES)

"""The PyInstaller build (packaging/build): it builds here with no network, the built app
runs the window in Arabic on a PC with no font installed, carries Qt's own French and Arabic
words and no Qt module the app does not use, and its .desktop entry points into it. Prints
the bundle's size and its largest files (see them with ``pytest -s`` or in CI's log)."""

from __future__ import annotations

import configparser
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.assets import ICON_SIZES
from tests.support.bundles import (
    FONT_WARNING,
    QT_WORDS_WARNING,
    arabic_families,
    bare_pc_env,
    run_smoke,
)

ROOT = Path(__file__).resolve().parents[2]
INSTALLED_AT = "/opt/pos-app"  # where packaging/README.md installs the folder
SIZE_CEILING_MB = 180  # 151 MB on 2026-12-01: a guard against re-growing, not a target
UNUSED_QT = ("Qt6Network", "Qt6Svg", "Qt6Qml", "Qt6Quick", "Qt6OpenGL", "Qt6Pdf", "Qt6Wayland")


def bundle_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]


@pytest.mark.slow  # a PyInstaller build: about a minute here
def test_the_frozen_app_runs_in_arabic_on_a_pc_without_fonts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: pip install -e '.[test]' -c packaging/constraints.txt")
    out = tmp_path / "out"
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    built = subprocess.run(
        [str(ROOT / "packaging" / "build"), str(out)],
        env=env | {"PYTHON": sys.executable},
        capture_output=True, text=True, timeout=1200, check=False,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    with capsys.disabled():
        sys.stdout.write("\n" + built.stdout[built.stdout.index("bundle:") :])
    app = out / "dist" / "pos-app"
    files = bundle_files(app)
    size_mb = sum(path.stat().st_size for path in files) / 1e6
    assert size_mb < SIZE_CEILING_MB
    assert [path for path in app.rglob("*") if path.is_symlink() and not path.exists()] == []
    names = {path.name for path in files}
    assert not [name for name in names if any(module in name for module in UNUSED_QT)]
    qt_words = sorted(name for name in names if name.startswith("qt") and name.endswith(".qm"))
    assert qt_words == ["qtbase_ar.qm", "qtbase_fr.qm"]
    assert {"pos_app_ar.qm", "pos_app_fr.qm", "DejaVuSans.ttf", "cashier.qss"} <= names
    assert not [name for name in names if name.endswith(".ts")]
    assert {f"pos-app-{size}.png" for size in ICON_SIZES} <= names

    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    desktop.read(app / "pos-app.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    for key in ("Exec", "TryExec", "Icon"):
        assert entry[key].startswith(INSTALLED_AT + "/")
        target = app / entry[key].removeprefix(INSTALLED_AT + "/")
        assert target.is_file(), key
    assert os.access(app / entry["Exec"].removeprefix(INSTALLED_AT + "/"), os.X_OK)

    pc = bare_pc_env(tmp_path / "pc")
    assert arabic_families(pc) == []  # the bare PC has no font with Arabic glyphs
    done = run_smoke([str(app / "pos-app")], pc, "--lang", "ar")
    assert done.returncode == 0, done.stderr
    assert done.report is not None and done.report["ok"]
    assert done.report["language"] == "ar"  # "en" when the Arabic .qm cannot be loaded
    # The frozen app starts as the installed one does: the collector paused until loaded, and
    # neither the keyring nor requests' encoding guesser loaded (pos_app.entry, api.charset).
    assert done.report["paused_collections"] == 0
    assert done.report["training_unused_loaded"] == []
    assert FONT_WARNING not in done.log and QT_WORDS_WARNING not in done.log

    # The same PC with the shipped fonts and Qt's Arabic words taken out of the bundle: the
    # app still opens, and says what it misses (so the check above can fail).
    for path in files:
        if path.name == "qtbase_ar.qm" or path.suffix == ".ttf":
            path.unlink()
    crippled = run_smoke([str(app / "pos-app")], bare_pc_env(tmp_path / "pc2"), "--lang", "ar")
    assert crippled.returncode == 0, crippled.stderr
    assert FONT_WARNING in crippled.log and QT_WORDS_WARNING in crippled.log

"""A wheel carries everything the app reads at run time: built from a copy of the sources,
installed (not editable) into a fresh virtual environment, it runs the window in Arabic on a
PC with no font installed.

The fresh environment gets no network and no second copy of PySide6: the wheel is installed
with ``--no-deps``, and a ``.pth`` file appends this test environment's site-packages to its
path for the dependencies. A path line in a ``.pth`` file is appended as is (the ``.pth`` files
found there are not run), so this environment's editable ``pos_app`` stays invisible: the
test checks that ``pos_app`` comes from the installed wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.support.bundles import (
    FONT_WARNING,
    QT_WORDS_WARNING,
    arabic_families,
    bare_pc_env,
    run_smoke,
)

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from PySide6.QtGui import QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication
import pos_app, pos_app.assets
from pos_app.ui.i18n import install_language, translate
app = QApplication(sys.argv[:1])
install_language(app, "ar")
print(json.dumps({
    "package": pos_app.__file__,
    "assets": str(pos_app.assets.ASSETS),
    "family": QFontInfo(app.font()).family(),
    "arabic_glyph": QFontMetrics(app.font()).inFontUcs4(ord("\\u0628")),
    "sell": translate("SaleSummary", "Sell (Enter)"),
    "cancel": translate("QPlatformTheme", "Cancel"),
}))
"""


def pip(*args: str, cwd: Path) -> None:
    """pip with no configuration file, no PYTHONPATH and away from the checkout (whose
    ``pos_app.egg-info`` would read as "already installed"): only its command line counts."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("PIP_") and name != "PYTHONPATH"
    }
    env |= {"PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "pip", *args],
        env=env, cwd=cwd, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def build_wheel(tmp_path: Path) -> Path:
    """The wheel of a copy of the sources (the repository is left as it is)."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "pos_app", source / "pos_app", ignore=shutil.ignore_patterns("__pycache__")
    )
    wheels = tmp_path / "wheels"
    pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "--wheel-dir", str(wheels),
        str(source), cwd=tmp_path)  # fmt: skip
    (wheel,) = wheels.glob("pos_app-*.whl")
    return wheel


def install_into_fresh_venv(wheel: Path, venv: Path) -> Path:
    """Install ``wheel`` into a new venv that borrows this one's packages; its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    pip("--python", str(python), "install", "--no-deps", "--no-index", str(wheel), cwd=venv)
    # Only now: before, pip would take this venv's pos_app metadata as already installed.
    ours = sorted({sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]})
    (Path(purelib) / "borrowed-test-venv.pth").write_text("\n".join(ours) + "\n")
    return python


@pytest.mark.slow  # builds a wheel, makes a venv and starts the app twice (about 15 s)
def test_the_wheel_runs_the_window_in_arabic_on_a_pc_without_fonts(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    for name in (
        "pos_app/assets/translations/pos_app_ar.qm",
        "pos_app/assets/translations/pos_app_fr.qm",
        "pos_app/assets/fonts/DejaVuSans.ttf",
        "pos_app/assets/fonts/DejaVuSans-Bold.ttf",
        "pos_app/assets/styles/cashier.qss",
        "pos_app/assets/icons/pos-app-256.png",
    ):
        assert name in names
    assert not [name for name in names if name.endswith(".ts") or name.startswith("tests/")]

    venv = tmp_path / "venv"
    python = install_into_fresh_venv(wheel, venv)
    env = bare_pc_env(tmp_path / "pc")
    assert arabic_families(env) == []  # the bare PC has no font with Arabic glyphs

    probe = subprocess.run(
        [str(python), "-c", PROBE],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    seen = json.loads(probe.stdout.strip().splitlines()[-1])
    assert Path(seen["package"]).is_relative_to(venv)  # the wheel's code, not the checkout's
    assert Path(seen["assets"]).is_relative_to(venv)
    assert seen["family"] == "DejaVu Sans"  # the shipped font, the only one with Arabic
    assert seen["arabic_glyph"]
    assert seen["sell"] != "Sell (Enter)" and any("\u0600" <= c <= "\u06ff" for c in seen["sell"])
    assert seen["cancel"] != "Cancel"  # Qt's own words for its buttons, in Arabic

    done = run_smoke([str(venv / "bin" / "pos-app")], env, "--lang", "ar")
    assert done.returncode == 0, done.stderr
    assert done.report is not None and done.report["ok"]
    assert done.report["language"] == "ar"  # "en" when the Arabic .qm cannot be loaded
    assert FONT_WARNING not in done.log and QT_WORDS_WARNING not in done.log

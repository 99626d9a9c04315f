"""Running an installed or frozen pos-app as on a bare shop PC: offscreen, no font installed
(a fontconfig file that lists no folder), a private data folder, nothing from the source tree
and no API key, so nothing can come from this machine but what the package carries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FONT_WARNING = "no font with Arabic glyphs"  # pos_app.ui.i18n, when the shipped font fails
QT_WORDS_WARNING = "translation is missing"  # pos_app.ui.i18n, without Qt's qtbase_<lang>
NO_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""
DROPPED = ("PYTHONPATH", "PYTHONHOME", "ONECLICK_API_KEY", "POS_LANG", "POS_DB_URL")


def bare_pc_env(folder: Path) -> dict[str, str]:
    """The environment of a PC with no font and no pos-app data; files go under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    conf = folder / "fonts.conf"
    conf.write_text(NO_FONTS.format(cache=folder / "font-cache"), encoding="utf-8")
    env = {name: value for name, value in os.environ.items() if name not in DROPPED}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(conf),
        "POS_DATA_DIR": str(folder / "data"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "LANG": "C.UTF-8",
    }
    return env


def arabic_families(env: dict[str, str]) -> list[str]:
    """The font families with Arabic glyphs that Qt finds under ``env`` (none on a bare PC)."""
    code = (
        "import json\n"
        "from PySide6.QtGui import QFontDatabase, QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "print(json.dumps(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    families: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return families


@dataclass(frozen=True)
class SmokeRun:
    """What ``pos-app --smoke`` left: its exit status, its JSON report (None when it printed
    none), its standard error and the data folder's log file ("" when none was made)."""

    returncode: int
    report: dict[str, Any] | None
    stderr: str
    log: str


def run_smoke(command: Sequence[str], env: dict[str, str], *args: str) -> SmokeRun:
    """``command --smoke --demo *args`` under ``env`` (from :func:`bare_pc_env`)."""
    data = Path(env["POS_DATA_DIR"])
    done = subprocess.run(
        [*command, "--smoke", "--demo", *args],
        env=env,
        cwd=data.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    log = data / "logs" / "pos-app.log"
    return SmokeRun(
        done.returncode,
        json.loads(lines[-1]) if lines else None,
        done.stderr,
        log.read_text(encoding="utf-8") if log.exists() else "",
    )

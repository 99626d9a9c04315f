"""Start-up modes through the real command: ``pos-app --smoke [--demo] [--screenshot]``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def smoke(tmp_path: Path, *args: str, key: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ONECLICK_API_KEY"}
    env |= {"QT_QPA_PLATFORM": "offscreen", "POS_DATA_DIR": str(tmp_path / "data"),
            "PYTHONPATH": str(ROOT)}
    if key is not None:
        env["ONECLICK_API_KEY"] = key
    return subprocess.run([sys.executable, "-m", "pos_app", "--smoke", *args], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


@pytest.mark.parametrize("args", [("--demo",), ()])
def test_smoke_shows_products_and_balance(tmp_path: Path, args: tuple[str, ...]) -> None:
    shot = tmp_path / "shot.png"
    done = smoke(tmp_path, *args, "--screenshot", str(shot))
    assert done.returncode == 0, done.stderr
    timings = json.loads(done.stdout.strip().splitlines()[-1])
    assert timings["ok"] and timings["demo"]  # no key: demo mode
    assert timings["products_shown_ms"] is not None and timings["balance_shown_ms"] is not None
    assert shot.stat().st_size > 10_000
    assert not (tmp_path / "data" / "pos.sqlite3").exists()  # training keeps nothing


def test_smoke_fails_when_nothing_can_show(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONECLICK_API_URL", "http://127.0.0.1:9/v3")  # nothing listens
    monkeypatch.setenv("POS_SMOKE_TIMEOUT", "2")
    done = smoke(tmp_path, key="some-key")
    assert done.returncode == 1
    assert json.loads(done.stdout.strip().splitlines()[-1])["ok"] is False

"""A fresh interpreter for checks that must start clean (what an import loads, how the
program starts): ``python ARGS`` with this tree first on its path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def run_child(*args: str, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python *args`` with this tree first on its path (environment: ``env``, else this
    one's, offscreen); it must exit 0."""
    base = {**os.environ, "QT_QPA_PLATFORM": "offscreen"} if env is None else env
    done = subprocess.run(
        [sys.executable, *args],
        env={**base, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def child_report(*args: str, env: Mapping[str, str] | None = None) -> Any:
    """``python *args`` as :func:`run_child` runs it; the last line it prints, read as
    JSON."""
    done = run_child(*args, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])

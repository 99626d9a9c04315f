"""A fresh interpreter for checks that must start clean (what an import loads, how the
program starts): ``python -c CODE ARGS`` with this tree first on its path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def child_report(code: str, *args: str, env: Mapping[str, str] | None = None) -> Any:
    """Run ``code`` with ``args`` (environment: ``env``, else this one's) with this tree first
    on the path; it must exit 0; the last line it prints, read as JSON."""
    environment = {**(os.environ if env is None else env), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])

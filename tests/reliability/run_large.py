"""Run the reliability battery at its large sizes and print the figures.

    .venv/bin/python -m tests.reliability.run_large [--sales 1000] [--kills 120] [--examples 200]

CI runs the same tests at small sizes; this script only raises the sizes (through the
environment variables the tests read) and shows their printed figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=1000, help="fault soak sales")
    parser.add_argument("--kills", type=int, default=120, help="random kill -9 moments")
    parser.add_argument("--examples", type=int, default=200, help="model test examples")
    args = parser.parse_args()
    env = dict(
        os.environ,
        POS_SOAK_SALES=str(args.sales),
        POS_CRASH_KILLS=str(args.kills),
        POS_MODEL_EXAMPLES=str(args.examples),
        QT_QPA_PLATFORM="offscreen",
    )
    files = [
        "tests/reliability/test_soak.py",
        "tests/reliability/test_crash.py",
        "tests/reliability/test_model.py",
        "tests/reliability/test_day_soak.py",
    ]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", *files],
        cwd=ROOT,
        env=env,
        check=False,
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())

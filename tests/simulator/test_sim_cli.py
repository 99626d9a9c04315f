"""The simulator's command line, run as a real subprocess and in-process for argument errors."""

from __future__ import annotations

import logging
import os
import re
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from pos_app.simulator.__main__ import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
URL = re.compile(r"^http://127\.0\.0\.1:(\d+)/v3$")


def launch(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "pos_app.simulator", "--port", "0", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def first_line(process: subprocess.Popen[str], timeout: float = 15.0) -> str:
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], timeout)
    assert ready, "the simulator printed nothing"
    return process.stdout.readline().strip()


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_cli_serves_until_signalled(stop_signal: signal.Signals) -> None:
    process = launch(
        "--key", "cli-key", "--seed", "3", "--key-type", "PRODUCTION", "--balance", "1234.5"
    )
    try:
        url = first_line(process)
        assert URL.match(url), url
        ping = requests.get(f"{url}/ping", timeout=5)
        assert ping.json()["data"]["api"] == "ok"
        headers = {"X-Access-Token": "cli-key"}
        validate = requests.get(f"{url}/validate", headers=headers, timeout=5).json()
        assert validate["data"]["apiKey"]["type"] == "PRODUCTION"
        balance = requests.get(f"{url}/account/balance", headers=headers, timeout=5)
        assert '"balance": 1234.50' in balance.text
        process.send_signal(stop_signal)
        assert process.wait(timeout=10) == 0
        assert process.stdout is not None
        assert process.stdout.read() == ""  # the URL is the only stdout line
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_cli_faults_are_applied() -> None:
    process = launch("--faults", "ping:503x1")
    try:
        url = first_line(process)
        assert requests.get(f"{url}/ping", timeout=5).status_code == 503
        assert requests.get(f"{url}/ping", timeout=5).status_code == 200
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--faults", "send:boom"], "unknown fault kind 'boom'"),
        (["--balance", "lots"], "not an amount"),
        (["--key-type", "DEV"], "invalid choice"),
    ],
)
def test_cli_refuses_bad_arguments(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_cli_returns_1_when_the_options_are_inconsistent(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging, "basicConfig", lambda **kwargs: None)
    assert main(["--port", "0", "--time-scale", "0"]) == 1
    assert capsys.readouterr().out == ""


def test_cli_defaults() -> None:
    args = build_parser().parse_args([])
    assert (args.port, args.key, args.seed, args.time_scale) == (8765, "sim-demo-key", 0, 1.0)
    assert (args.key_type, str(args.balance), args.faults) == ("SANDBOX", "50000.00", [])

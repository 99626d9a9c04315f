"""The pos-app command: demo start-up summary, errors a manager can act on, sim dispatch."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from pos_app import cli
from pos_app.cli.status import show_status
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator


def test_demo_prints_key_balance_and_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--demo", "status"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("TRAINING MODE") and "http://127.0.0.1:" in lines[0]
    assert "SANDBOX key" in out and "+213555000000" in out
    assert "Balance: 50\u202f000\xa0DA" in out
    adsl = next(line for line in lines if line.startswith("ADSL:"))
    assert "3\u202f000\xa0DA out of stock" in adsl and "500\xa0DA (cost 490\xa0DA)" in adsl
    lte = next(line for line in lines if line.startswith("4G:"))
    assert "1\u202f500\xa0DA out of stock" in lte


def test_no_key_means_demo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("ONECLICK_API_KEY", raising=False)
    assert cli.main(["status"]) == 0
    assert capsys.readouterr().out.startswith("TRAINING MODE")


def test_configured_key_talks_to_the_configured_url(monkeypatch: pytest.MonkeyPatch) -> None:
    with Simulator(SimConfig(key="shop-key", key_type="PRODUCTION")) as sim:
        monkeypatch.setenv("ONECLICK_API_URL", sim.base_url)
        monkeypatch.setenv("ONECLICK_API_KEY", "shop-key")
        out = io.StringIO()
        assert show_status(demo=False, out=out) == 0
        assert "PRODUCTION key" in out.getvalue()
        assert "TRAINING" not in out.getvalue()
        monkeypatch.setenv("ONECLICK_API_KEY", "wrong-key")
        out = io.StringIO()
        assert show_status(demo=False, out=out) == 1
        assert "API key was refused" in out.getvalue()
        # The refused key is not sent again by this process (rule 14): it still says so,
        # and nothing reaches the server.
        sent = len(sim.requests())
        out = io.StringIO()
        assert show_status(demo=False, out=out) == 1
        assert "API key was refused" in out.getvalue() and len(sim.requests()) == sent
        monkeypatch.setenv("ONECLICK_API_KEY", "shop-key")
        sim.go_offline()
        out = io.StringIO()
        assert show_status(demo=False, out=out) == 1
        assert "Cannot reach OneClickDZ" in out.getvalue()


def test_pos_app_sim_prints_its_url_first_and_serves() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "pos_app", "sim", "--port", "0", "--seed", "3"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/v3")
        from pos_app.api import OneClickClient

        with OneClickClient(url, DEFAULT_SIM_KEY) as client:
            assert client.ping().api_ok
            assert client.balance().amount > 0
    finally:
        proc.terminate()
        assert proc.wait(timeout=10) == 0

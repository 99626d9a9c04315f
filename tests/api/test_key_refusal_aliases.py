"""Issue 11 item 13: the refused-key latch knows a server by its host and port, not by how
its URL was spelt. The same wrong key sent to ``localhost``, ``LOCALHOST`` or
``127.0.0.1:port//v3`` is one key at one server: it is sent once (five wrong keys block the
shop's address for 15 minutes). Test connection, the engine and the command line share it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.api import NO_RETRY, OneClickClient, Timeouts
from pos_app.api import errors as api_errors
from pos_app.api.client import REFUSED_KEYS, server_identity
from pos_app.orders import EngineSettings, OrderEngine
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import open_store
from pos_app.ui.settings.connection import check_connection

WRONG = "wrong-key-alias-7"


@pytest.fixture
def sim() -> Iterator[Simulator]:
    simulator = Simulator(SimConfig(seed=5, time_scale=50)).start()
    yield simulator
    simulator.stop()


def spellings(sim: Simulator) -> list[str]:
    """One simulator, spelt every way a person or a setting may spell it."""
    port = sim.base_url.split(":")[2].split("/")[0]
    return [
        f"http://localhost:{port}/v3",
        f"http://LOCALHOST:{port}/v3",
        f"http://127.0.0.1:{port}//v3",
        f"http://127.0.0.1:{port}/v3/",
        f"http://[::1]:{port}/v3",
    ]


def client(url: str, key: str = WRONG) -> OneClickClient:
    return OneClickClient(url, key, retry=NO_RETRY, timeouts=Timeouts(connect=1, read=1))


def test_the_same_wrong_key_is_sent_once_however_the_url_is_spelt(sim: Simulator) -> None:
    with pytest.raises(api_errors.InvalidAccessTokenError):
        client(sim.base_url).balance()
    assert len(sim.requests()) == 1
    for url in spellings(sim):
        with client(url) as other:
            assert other.key_refusal is not None, url
            with pytest.raises(api_errors.InvalidAccessTokenError) as refused:
                other.validate()
            assert "not sent" in str(refused.value), url
    assert len(sim.requests()) == 1
    # Another key at the same server is still sent (and the right one works).
    with client(spellings(sim)[1], DEFAULT_SIM_KEY) as good:
        assert good.balance().amount > 0
    assert len(sim.requests()) == 2


def test_test_connection_the_engine_and_the_cli_share_the_latch(
    sim: Simulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    urls = spellings(sim)
    # Test connection (the settings dialog's button) is refused once ...
    with pytest.raises(api_errors.InvalidAccessTokenError):
        check_connection(urls[1], WRONG)
    assert len(sim.requests()) == 1
    # ... and is not sent again by the button ...
    with pytest.raises(api_errors.InvalidAccessTokenError):
        check_connection(urls[2], f"  {WRONG}\n")  # pasted with spaces: the same key
    # ... nor by the engine's client ...
    store = open_store(f"sqlite:///{tmp_path}/pos.sqlite3")
    engine_client = client(urls[3])
    engine = OrderEngine(store, engine_client, settings=EngineSettings(time_scale=50))

    async def refresh() -> None:
        await engine.refresh_balance()
        await engine.refresh_products()

    try:
        asyncio.run(refresh())
    finally:
        store.close()
    assert engine_client.key_refusal is not None
    # ... nor by the command line (the key from the environment, the URL spelt otherwise).
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ONECLICK_API_URL", urls[0])
    monkeypatch.setenv("ONECLICK_API_KEY", WRONG)
    assert cli.main(["status"]) == 1
    assert capsys.readouterr().out.strip()  # it said why
    assert len(sim.requests()) == 1, [r.endpoint for r in sim.requests()]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://api.oneclickdz.com/v3", "https://API.OneClickDZ.com:443/v3/"),
        ("https://api.oneclickdz.com/v3", "https://api.oneclickdz.com.//v3"),
        ("https://api.oneclickdz.com/v3", "https://api.oneclickdz.com/v3/topup/../"),
        ("http://localhost:8765/v3", "http://127.0.0.1:8765"),
        ("http://localhost/v3", "http://127.0.0.1:80/v3"),
    ],
)
def test_one_server_however_spelt(first: str, second: str) -> None:
    assert server_identity(first) == server_identity(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("https://api.oneclickdz.com/v3", "https://api.oneclickdz.com:8443/v3"),
        ("https://api.oneclickdz.com/v3", "https://sandbox.oneclickdz.com/v3"),
        ("http://127.0.0.1:8765/v3", "http://127.0.0.1:8766/v3"),
        ("http://127.0.0.1/v3", "https://127.0.0.1/v3"),  # ports 80 and 443
    ],
)
def test_other_servers_stay_apart(first: str, second: str) -> None:
    assert server_identity(first) != server_identity(second)


def test_a_refusal_at_one_server_does_not_hold_the_key_at_another(sim: Simulator) -> None:
    with Simulator(SimConfig(seed=6, key=WRONG)) as other:
        with pytest.raises(api_errors.InvalidAccessTokenError):
            client(sim.base_url).balance()
        with client(other.base_url) as elsewhere:
            assert elsewhere.key_refusal is None
            assert elsewhere.balance().amount > 0  # that server takes this key


def test_an_ip_block_holds_every_key_at_that_server(
    sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IP_BLOCKED blocks the shop's address, not one key: any key sent during the block would
    only be refused again. Once it has passed, a key may be tried once more."""
    for attempt in range(6):
        with pytest.raises(api_errors.AuthError):
            client(sim.base_url, f"wrong-{attempt}").balance()
    sent = len(sim.requests())
    assert any(r.status == 403 for r in sim.requests())
    with client(spellings(sim)[1], DEFAULT_SIM_KEY) as good:
        with pytest.raises(api_errors.IpBlockedError) as blocked:
            good.balance()
        assert "not sent" in str(blocked.value)
        assert len(sim.requests()) == sent
        later = REFUSED_KEYS.clock() + 16 * 60
        monkeypatch.setattr(REFUSED_KEYS, "clock", lambda: later)
        with pytest.raises(api_errors.ApiError):  # the simulator's own block may still hold
            good.balance()
        assert len(sim.requests()) == sent + 1

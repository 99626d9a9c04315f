"""Fixtures of the simulator tests: the shared fake clock, simulators on loopback and a tiny API
client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from tests.support.clock import Clock

START = datetime(2026, 1, 15, 9, 0, 0, tzinfo=UTC)
TIMEOUT = 5.0


class Client:
    """Plain requests calls against one simulator, with its key unless told otherwise."""

    def __init__(self, sim: Simulator, key: str | None = DEFAULT_SIM_KEY) -> None:
        self.sim = sim
        self.key = key

    def headers(self, key: str | None = None) -> dict[str, str]:
        chosen = self.key if key is None else key
        return {} if chosen is None else {"X-Access-Token": chosen}

    def get(self, path: str, key: str | None = None, **params: Any) -> requests.Response:
        return requests.get(
            f"{self.sim.base_url}/{path}",
            params=params,
            headers=self.headers(key),
            timeout=TIMEOUT,
        )

    def post(
        self, path: str, body: Any = None, key: str | None = None, **kwargs: Any
    ) -> requests.Response:
        kwargs.setdefault("timeout", TIMEOUT)
        return requests.post(
            f"{self.sim.base_url}/{path}", json=body, headers=self.headers(key), **kwargs
        )

    def send(
        self,
        number: str = "036362608",
        value: int = 1000,
        line_type: str = "ADSL",
        ref: str | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        body: dict[str, Any] = {"type": line_type, "number": number, "value": value}
        if ref is not None:
            body["ref"] = ref
        return self.post("internet/send", body, **kwargs)

    @staticmethod
    def data(response: requests.Response) -> Any:
        """The data of a success envelope, checked for shape."""
        assert response.status_code == 200, response.text
        payload = response.json()
        assert payload["success"] is True
        assert payload["requestId"].startswith("req_")
        return payload["data"]

    @staticmethod
    def error(response: requests.Response, status: int, code: str) -> dict[str, Any]:
        """The error object of an error envelope, checked for status, code and shape."""
        assert response.status_code == status, response.text
        payload = response.json()
        assert payload["success"] is False
        assert payload["requestId"].startswith("req_")
        assert "data" not in payload
        error: dict[str, Any] = payload["error"]
        assert error["code"] == code, error
        assert isinstance(error["message"], str)
        return error


MakeSim = Callable[..., Simulator]
ClientFor = Callable[..., Client]


@pytest.fixture
def clock() -> Clock:
    """The shared fake clock; its seconds start at 1000, its ``now()`` at START."""
    return Clock(START, seconds=1000.0)


@pytest.fixture
def make_sim(clock: Clock) -> Iterator[MakeSim]:
    """Start simulators on the fake clock (config overrides as keywords); stop them after."""
    started: list[Simulator] = []

    def make(**overrides: Any) -> Simulator:
        overrides.setdefault("start_time", START)
        sim = Simulator(SimConfig(**overrides), clock=clock).start()
        started.append(sim)
        return sim

    yield make
    for sim in started:
        sim.stop()


@pytest.fixture
def sim(make_sim: MakeSim) -> Simulator:
    return make_sim(seed=1)


@pytest.fixture
def api(sim: Simulator) -> Client:
    return Client(sim)


@pytest.fixture
def client_for() -> ClientFor:
    return Client

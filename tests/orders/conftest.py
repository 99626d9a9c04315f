"""Shared fixtures of the order tests: a simulator and a store on one fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from pos_app.api import NO_RETRY, OneClickClient, Timeouts
from pos_app.domain.numbers import LineType
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import NewSale, Store, open_store
from tests.conftest import Clock  # re-exported: the order and model tests import it from here

START = datetime(2026, 6, 1, 9, 0, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    """The shared fake clock (tests/conftest.py): seconds from 0, ``now()`` from START."""
    return Clock(START)


@pytest.fixture
def sim(clock: Clock) -> Iterator[Simulator]:
    simulator = Simulator(SimConfig(seed=11, start_time=START), clock=clock).start()
    yield simulator
    simulator.stop()


@pytest.fixture
def client(sim: Simulator) -> Iterator[OneClickClient]:
    with OneClickClient(
        sim.base_url,
        DEFAULT_SIM_KEY,
        retry=NO_RETRY,
        timeouts=Timeouts(connect=2, read=2, send_read=0.5),
    ) as c:
        yield c


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}", now=clock.now)
    yield s
    s.close()


def new_sale(
    ref: str,
    number: str = "036362608",
    value: int = 1000,
    line_type: LineType = LineType.ADSL,
    **extra: Any,
) -> NewSale:
    return NewSale(
        ref=ref,
        line_type=line_type,
        number=number,
        face_value=value,
        cost=round(value * 0.98),
        price=value,
        cashier="amina",
        counter="C1",
        **extra,
    )

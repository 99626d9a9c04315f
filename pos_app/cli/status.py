"""``pos-app status``: what the counter would show at start-up, printed to a terminal.

A quick diagnostic: it proves the key, the network and the catalogue in one go. Plain
English, no Qt (the error sentences come from ``orders.messages``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TextIO

from pos_app.api import OneClickClient
from pos_app.api import errors as api_errors
from pos_app.api.models import ProductList
from pos_app.domain.money import format_dzd
from pos_app.domain.numbers import LineType
from pos_app.orders.messages import for_error
from pos_app.orders.sender import configured_base_url


@contextlib.contextmanager
def _client(demo: bool, api_key: str | None) -> Iterator[OneClickClient]:
    if not demo:
        with OneClickClient(configured_base_url(), api_key=api_key) as client:
            yield client
        return
    from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator

    with Simulator(SimConfig()) as sim, OneClickClient(sim.base_url, DEFAULT_SIM_KEY) as client:
        yield client


def _products_line(products: ProductList) -> str:
    cells = []
    for p in products.products:
        if p.available:
            cells.append(f"{format_dzd(p.value)} (cost {format_dzd(p.cost)})")
        else:
            cells.append(f"{format_dzd(p.value)} out of stock")
    return " · ".join(cells) if cells else "none offered"


def show_status(*, demo: bool, out: TextIO, api_key: str | None = None) -> int:
    """Print key, balance and catalogue; 0 when all three were read. ``api_key``: the key
    already read (None: the configured one)."""
    try:
        with _client(demo, api_key) as client:
            if demo:
                out.write(
                    f"TRAINING MODE: embedded simulator at {client.base_url}; no real money.\n"
                )
            key = client.validate()
            badge = "SANDBOX key" if key.is_sandbox else "PRODUCTION key"
            state = "enabled" if key.is_enabled else "DISABLED"
            out.write(f"Account {key.username}: {badge}, {key.scope or '?'}, {state}\n")
            balance = client.balance()
            out.write(f"Balance: {format_dzd(balance.amount)}\n")
            for kind in LineType:
                products = client.products(kind)
                out.write(f"{kind.value}: {_products_line(products)}\n")
    except api_errors.ApiError as error:
        out.write(for_error(error) + "\n")
        return 1
    return 0

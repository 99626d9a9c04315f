"""What the counter would show at start-up, printed to a terminal.

Used by ``pos-app`` until the cashier window exists, and kept afterwards as a quick
diagnostic (``pos-app status``): it proves the key, the network and the catalogue in one go.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from pos_app.api import OneClickClient
from pos_app.api import errors as e
from pos_app.api.models import ProductList
from pos_app.domain.money import format_dzd
from pos_app.domain.numbers import LineType
from pos_app.ui.messages import for_error


def tr(text: str) -> str:
    return QCoreApplication.translate("status", text)


@contextlib.contextmanager
def _client(demo: bool) -> Iterator[OneClickClient]:
    if not demo:
        with OneClickClient() as client:
            yield client
        return
    from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator

    with Simulator(SimConfig()) as sim, OneClickClient(sim.base_url, DEFAULT_SIM_KEY) as client:
        yield client


def _products_line(products: ProductList) -> str:
    cells = []
    for p in products.products:
        if p.available:
            cells.append(tr("{value} (cost {cost})").format(value=format_dzd(p.value),
                                                              cost=format_dzd(p.cost)))
        else:
            cells.append(tr("{value} out of stock").format(value=format_dzd(p.value)))
    return " · ".join(cells) if cells else tr("none offered")


def show_status(*, demo: bool, out: TextIO) -> int:
    """Print key, balance and catalogue; 0 when all three were read."""
    try:
        with _client(demo) as client:
            if demo:
                out.write(tr("TRAINING MODE: embedded simulator at {url}; no real money.")
                          .format(url=client.base_url) + "\n")
            key = client.validate()
            badge = tr("SANDBOX key") if key.is_sandbox else tr("PRODUCTION key")
            out.write(tr("Account {user}: {badge}, {scope}, {state}").format(
                user=key.username, badge=badge, scope=key.scope or "?",
                state=tr("enabled") if key.is_enabled else tr("DISABLED")) + "\n")
            balance = client.balance()
            out.write(tr("Balance: {amount}").format(amount=format_dzd(balance.amount)) + "\n")
            for kind in LineType:
                products = client.products(kind)
                out.write(f"{kind.value}: {_products_line(products)}\n")
    except e.ApiError as error:
        out.write(for_error(error) + "\n")
        return 1
    return 0

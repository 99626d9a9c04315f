"""The real window driven from the keyboard: what the window tests, the binding stress test,
the stall benchmark and the day soak share (offscreen Qt, the composition root's services)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from pos_app.orders import OrderView
from pos_app.simulator import Simulator
from pos_app.ui.access.lock_screen import LockScreen
from pos_app.ui.app import Services
from pos_app.ui.main_window import MainWindow
from pos_app.ui.orders.model import OrderListModel
from tests.support.waiting import wait_until

SCREENSHOTS = os.environ.get("POS_UI_SCREENSHOTS")  # a folder: tests save their screenshots
KEY = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}


@dataclass
class Harness:
    """One window over its services and its simulator (the ``harness`` fixture builds it)."""

    sim: Simulator
    services: Services
    window: MainWindow


def executor_idle(services: Services) -> bool:
    """True when no job runs and every worker thread of the window's pool has finished."""
    return services.executor.running_jobs == 0 and services.executor.alive_threads == 0


def save_shot(window: MainWindow, name: str, tmp_path: Path) -> Path:
    """A screenshot of ``window`` under ``POS_UI_SCREENSHOTS`` (else ``tmp_path``)."""
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert window.grab().save(str(path))
    return path


def row_view(model: OrderListModel, row: int) -> OrderView:
    """The order shown at ``row`` of the window's list; fails the test when there is none."""
    view = model.view_at(row)
    assert view is not None, f"no order at row {row}"
    return view


async def started(h: Harness) -> None:
    """Start the window's engine and wait until the products and the balance show."""
    await h.services.counter.start()
    w = h.window
    await wait_until(
        lambda: w.sale.grid.buttons and w.balance.view is not None, what="products and balance"
    )


def sell(edit: QWidget, number: str, value_key: int = 1) -> None:
    """The keyboard-only sale: the number, the value's digit, Enter (summary), Enter (sell)."""
    QTest.keyClicks(edit, number)
    QTest.keyClick(edit, KEY[value_key])
    QTest.keyClick(edit, Qt.Key.Key_Return)
    QTest.keyClick(edit, Qt.Key.Key_Return)


async def sign_in_by_pin(screen: LockScreen, name: str, pin: str) -> None:
    """On the lock screen: pick ``name`` by its first letters typed in the PIN field, type
    ``pin``, Enter (the field is emptied at once, before the check)."""
    await wait_until(lambda: screen.names.count() > 0, what="people listed")
    QTest.keyClicks(screen.pin, name[:2])
    assert screen.selected_name() == name
    QTest.keyClicks(screen.pin, pin)
    QTest.keyClick(screen.pin, Qt.Key.Key_Return)
    assert screen.pin.text() == ""

"""The first start as a new shop lives it, through ``run_window`` itself (the composition
root's set-up path): no key anywhere, the set-up shows; the key is tested against the
simulator on loopback, the shop named, no printer, the manager's name and PIN typed; the
selling window then opens signed in as that manager, and their sale carries their name.
Closing the set-up instead ends ``run_window`` with no window at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from pos_app.api.keys import stored_key
from pos_app.domain.sale_states import SaleState
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import open_store
from pos_app.store.settings import database_url, save_preferences
from pos_app.ui.access import AccessControl
from pos_app.ui.app import EXIT_OK
from pos_app.ui.main_window import MainWindow
from pos_app.ui.settings.setup import SetupDialog
from tests.support.driving import run_driven, shown, visible
from tests.support.sales import sale_of
from tests.support.waiting import wait_until
from tests.support.window import row_view, sell


def test_a_first_start_sets_up_and_the_manager_sells_signed_in(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("POS_ENGINE_TIME_SCALE", "200")
    seen: dict[str, object] = {}
    with Simulator(SimConfig(seed=7, time_scale=200.0)) as sim:
        db_url = database_url(os.environ)
        with open_store(db_url) as store:  # this shop's API address: the simulator
            save_preferences(store, {"api.url": sim.base_url})

        async def drive() -> None:
            setup = await shown(SetupDialog)
            form = setup.form
            await wait_until(lambda: form.data is not None, what="the stored values")
            assert form.key_edit is not None and form.test_button is not None
            QTest.keyClicks(form.key_edit, DEFAULT_SIM_KEY)
            QTest.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
            result = form.connection_result
            assert result is not None
            await wait_until(lambda: "Connected." in result.text(), what="Test connection")
            assert "SANDBOX" in result.text()
            QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
            name = form.fields["shop.name"].editor
            assert isinstance(name, QLineEdit)
            QTest.keyClicks(name, "Cyber El Amel")
            QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
            kind = form.fields["printer.kind"].editor
            assert isinstance(kind, QComboBox) and kind.currentData() == "none"
            QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
            step = setup.manager_step
            assert step is not None and setup.index == 3
            await wait_until(lambda: not form.busy, what="the shop's managers read")
            QTest.keyClicks(step.name_edit, "Mona")
            QTest.keyClicks(step.pin, "2468")
            QTest.keyClicks(step.pin_again, "2468")
            QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
            window = await shown(MainWindow)
            access = window.findChild(AccessControl, "accessControl")
            assert access is not None
            await wait_until(lambda: access.user is not None, what="signed in")
            assert access.user is not None
            seen["user"] = access.user.name
            seen["locked"] = access.locked or access.lock_screen.isVisible()
            seen["training"] = "TRAINING" in window.windowTitle()
            await wait_until(lambda: bool(window.sale.grid.buttons), 20, what="products")
            sell(window.sale.field.edit, "036360009")  # ...0009: fulfilled soon
            model = window.orders.model
            await wait_until(lambda: model.rowCount() == 1, what="the sale listed")
            await wait_until(
                lambda: row_view(model, 0).state is SaleState.FULFILLED, 20, what="fulfilled"
            )
            seen["ref"] = row_view(model, 0).ref
            window.close()

        code, failures = run_driven(drive)
    assert failures == []
    assert code == EXIT_OK
    assert seen["user"] == "Mona" and seen["locked"] is False and seen["training"] is False
    assert stored_key() == DEFAULT_SIM_KEY
    with open_store(db_url) as store:
        sale = sale_of(store, str(seen["ref"]))
        assert sale.cashier == "Mona" and sale.state is SaleState.FULFILLED
        assert store.get_setting("shop.name") == "Cyber El Amel"
        assert [(a.who, a.action) for a in reversed(store.actions())][:1] == [("setup", "user.add")]


def test_closing_the_set_up_ends_without_a_window(qapp: QApplication) -> None:
    windows: list[MainWindow | None] = []

    async def drive() -> None:
        setup = await shown(SetupDialog)
        await wait_until(lambda: setup.form.data is not None and not setup.form.busy)
        windows.append(visible(MainWindow))
        setup.close()

    code, failures = run_driven(drive)
    assert failures == [] and code == EXIT_OK
    assert windows == [None]
    assert visible(MainWindow) is None and stored_key() is None

"""Issue 11's "Done when", tried as a new shop would, end to end and from the keyboard where
the window allows: ``pos-app`` on a fresh data folder with no key opens the set-up; the key
is tested against the simulator on loopback and kept in the keyring (the tests' in-memory
backend); the shop is named; manager Mona gets a PIN; the window opens signed in as her; she
adds cashier Karim on the settings' People page; Ctrl+L; Karim signs in by PIN and sells;
Ctrl+L; Mona signs in, F4, closes the day; the Z shows the sale, the journal's row count and
its chain head, the same as ``verify_chain``; ``pos-app verify`` then exits 0.

The only thing set before the first start is the shop's API address (``pos-app config
api.url``): the set-up has no field for it and would test the key against the real API.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.api.keys import ACCOUNT, SERVICE
from pos_app.cli import main
from pos_app.cli.users import command_line_user
from pos_app.domain.numbers import LineType
from pos_app.domain.sale_states import SaleState
from pos_app.receipts.report_render import report_drawing_lines
from pos_app.simulator import SimConfig, Simulator
from pos_app.store import open_store
from pos_app.store.settings import database_url
from pos_app.ui.access import AccessControl, gate
from pos_app.ui.app import EXIT_OK
from pos_app.ui.main_window import MainWindow
from pos_app.ui.reports import ReportsOpener
from pos_app.ui.settings.launcher import SettingsLauncher
from pos_app.ui.settings.setup import SetupDialog
from tests.support.canary import search, unique_key, unique_pin
from tests.support.driving import run_driven, shown
from tests.support.memory_keyring import MemoryKeyring
from tests.support.sales import sale_of
from tests.support.waiting import wait_until
from tests.support.window import row_view, sell, sign_in_by_pin

NUMBER = "036360009"  # ...0009: fulfilled after the simulator's shortest delay
SHOP = "Cyber El Amel"
MONA, KARIM = "Mona", "Karim"


@pytest.fixture
def root_handlers_restored() -> Iterator[None]:
    """``pos-app`` adds its log file to the root logger for good: taken off after the test."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()


async def active(widget: QWidget) -> None:
    """``widget``'s window in front, so that its shortcuts and mnemonics answer."""
    widget.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is widget, what="window active")


def press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None) -> None:
    QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)


@pytest.mark.usefixtures("root_handlers_restored")
def test_the_first_day_of_a_new_shop(
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("POS_ENGINE_TIME_SCALE", "200")
    caplog.set_level(logging.DEBUG)
    key, mona_pin, karim_pin = unique_key("first-day"), unique_pin(), unique_pin()
    data = Path(os.environ["POS_DATA_DIR"])
    assert not data.exists() and memory_keyring.shop_entries == {}  # a new shop, a new machine
    seen: dict[str, object] = {}
    with Simulator(SimConfig(key=key, seed=7, time_scale=200.0)) as sim:
        assert main(["config", "api.url", sim.base_url]) == 0

        async def drive() -> None:
            # -- the set-up: key (tested), shop name, no printer, the manager -----------------
            setup = await shown(SetupDialog)
            form = setup.form
            await wait_until(lambda: form.data is not None, what="the stored values")
            await active(setup)
            assert form.key_edit is not None and form.test_button is not None
            # Each step opens with the focus in its first field: typed at once.
            assert setup.focusWidget() is form.key_edit
            QTest.keyClicks(form.key_edit, key)
            press(form.key_edit, Qt.Key.Key_Tab)
            assert setup.focusWidget() is form.test_button
            press(form.test_button, Qt.Key.Key_Space)
            result = form.connection_result
            assert result is not None
            await wait_until(lambda: "Connected." in result.text(), what="Test connection")
            assert "SANDBOX" in result.text()
            # The button is off while it asks: the focus went on to Next.
            assert setup.focusWidget() is setup.next_button
            press(setup.next_button, Qt.Key.Key_Return)
            await wait_until(lambda: setup.index == 1, what="the shop's page")
            name = form.fields["shop.name"].editor
            assert setup.focusWidget() is name
            QTest.keyClicks(name, SHOP)
            press(name, Qt.Key.Key_Return)
            await wait_until(lambda: setup.index == 2, what="the printer's page")
            focused = setup.focusWidget()
            assert focused is not None
            press(focused, Qt.Key.Key_Return)  # no printer (the default): Enter, Next
            step = setup.manager_step
            assert step is not None
            await wait_until(lambda: setup.index == 3 and not form.busy, what="manager step")
            # Tab visits the name, the PIN and the PIN again.
            assert setup.focusWidget() is step.name_edit
            typing = ((step.name_edit, MONA), (step.pin, mona_pin), (step.pin_again, mona_pin))
            for field, typed in typing:
                assert setup.focusWidget() is field
                QTest.keyClicks(field, typed)
                if field is not step.pin_again:
                    press(field, Qt.Key.Key_Tab)
            press(step.pin_again, Qt.Key.Key_Return)  # Enter: finish
            # -- the window, signed in as Mona ----------------------------------------------
            window = await shown(MainWindow)
            access = window.findChild(AccessControl, "accessControl")
            assert access is not None
            await wait_until(lambda: access.user is not None, what="signed in")
            assert access.user is not None and access.user.name == MONA
            assert not access.locked and "TRAINING" not in window.windowTitle()
            await wait_until(lambda: bool(window.sale.grid.buttons), 20, what="products")
            # -- Mona adds Karim: Ctrl+, then the People page ---------------------------------
            await active(window)
            edit = window.sale.field.edit
            press(edit, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
            launcher = window.findChild(SettingsLauncher)
            assert launcher is not None
            await wait_until(
                lambda: launcher.dialog is not None and launcher.dialog.isVisible(),
                what="the settings",
            )
            dialog = launcher.dialog
            assert dialog is not None and access.prompt is None  # a manager: not asked
            people = dialog.people
            await wait_until(lambda: not dialog.form.busy and people.model.rowCount() == 1)
            await active(dialog)
            while dialog.tabs.currentWidget() is not people:  # Ctrl+Tab to the last page
                before = dialog.tabs.currentIndex()
                press(dialog.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
                assert dialog.tabs.currentIndex() == before + 1
            people.name_edit.setFocus()
            QTest.keyClicks(people.name_edit, KARIM)
            assert people.role_box.currentData() == "cashier"  # the default role
            press(people.name_edit, Qt.Key.Key_Tab)
            assert dialog.focusWidget() is people.role_box
            # Tab visits the PIN and the PIN again; Enter there adds (not the dialog's Save).
            for field in (people.new_pin, people.new_pin_again):
                press(dialog.focusWidget() or dialog, Qt.Key.Key_Tab)
                assert dialog.focusWidget() is field
                QTest.keyClicks(field, karim_pin)
            press(people.new_pin_again, Qt.Key.Key_Return)
            await wait_until(lambda: people.model.rowCount() == 2, what="Karim listed")
            assert people.result_line.text() == "Karim added (cashier)."
            press(people.table, Qt.Key.Key_Escape)
            await wait_until(lambda: not dialog.isVisible(), what="the settings closed")
            # -- Ctrl+L; Karim signs in by PIN and sells ----------------------------------------
            await active(window)
            press(edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            assert access.locked and access.user is None
            screen = access.lock_screen
            await wait_until(lambda: screen.names.count() == 2, what="Mona and Karim listed")
            await sign_in_by_pin(screen, KARIM, karim_pin)
            await wait_until(lambda: not access.locked, what="Karim signed in")
            assert access.user is not None and access.user.name == KARIM
            assert window.focusWidget() is edit
            sell(edit, NUMBER)
            model = window.orders.model
            await wait_until(lambda: model.rowCount() == 1, what="the sale listed")
            await wait_until(
                lambda: row_view(model, 0).state is SaleState.FULFILLED, 20, what="fulfilled"
            )
            seen["ref"], seen["code"] = row_view(model, 0).ref, row_view(model, 0).card_code
            # -- Ctrl+L; Mona signs in; F4; she closes the day --------------------------------
            press(edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            assert access.locked
            await sign_in_by_pin(screen, MONA, mona_pin)
            await wait_until(lambda: not access.locked, what="Mona signed in again")
            press(edit, Qt.Key.Key_F4)
            opener = window.findChild(ReportsOpener)
            assert opener is not None
            await wait_until(lambda: opener.screen is not None, what="the reports screen")
            reports = opener.screen
            assert reports is not None
            await wait_until(lambda: reports.report is not None and not reports.busy, what="X")
            await active(reports)
            assert reports.focusWidget() is reports.cash
            QTest.keyClicks(reports.cash, "1000")
            press(reports.cash, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # Close the day
            # A mnemonic clicks its button a moment later (Qt's animated click).
            await wait_until(reports.confirm.isVisible, what="the question")
            press(reports.cash, Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)  # Yes
            await wait_until(
                lambda: reports.shown_z == 1 and not reports.busy, 20, what="the Z stored"
            )
            assert access.prompt is None  # Mona is a manager: not asked again
            assert reports.report is not None
            drawn = report_drawing_lines(reports.report, reports.wording)
            seen["drawn"] = "\n".join(f"{line.text} {line.value}" for line in drawn)
            seen["chain line"] = reports.chain_status.text()
            seen["heading"] = reports.heading.text()
            press(reports.cash, Qt.Key.Key_Escape)
            await wait_until(lambda: not reports.isVisible(), what="the reports closed")
            window.close()

        code, failures = run_driven(drive, start=lambda: main(["--lang", "en"]))
    assert failures == []
    assert code == EXIT_OK
    # The key: in the keyring (the tests' backend), nowhere else.
    assert memory_keyring.shop_entries == {(SERVICE, ACCOUNT): key}
    with open_store(database_url(os.environ), read_only=True) as store:
        sale = sale_of(store, str(seen["ref"]))
        assert (sale.cashier, sale.state, sale.line_type) == (
            KARIM,
            SaleState.FULFILLED,
            LineType.ADSL,
        )
        assert store.get_setting("shop.name") == SHOP
        people = {user.name: user.role.value for user in store.users()}
        assert people == {MONA: "manager", KARIM: "cashier"}
        actions = [(a.who, a.action) for a in reversed(store.actions())]
        assert actions == [
            (command_line_user(), "settings.change"),  # `pos-app config api.url ...`
            ("setup", "user.add"),
            (MONA, gate.SETTINGS_OPEN),
            (MONA, gate.PEOPLE_CHANGE),
            (MONA, "user.add"),
            (MONA, gate.Z_CLOSE),
        ]
        (z,) = store.z_reports()
        check = store.verify_chain()
    report = z.report()
    assert check.ok and check.head is not None
    assert report.chain is not None
    assert (report.chain.rows, report.chain.head) == (check.rows, check.head[:16])
    assert report.chain.intact is True
    assert report.sales.count == 1 and report.cash_counted == 1000
    assert [(state, totals.count, totals.price) for state, totals in report.by_state] == [
        (SaleState.FULFILLED, 1, sale.price)
    ]
    assert seen["heading"] == "Z report no. 1: stored, it cannot be changed."
    drawn = str(seen["drawn"])
    assert f"Journal rows {check.rows}" in drawn and f"Chain head {check.head[:16]}" in drawn
    assert "Fulfilled 1 · " in drawn
    assert seen["chain line"] == (
        f"Journal: {check.rows} rows, chain head {check.head[:16]}: intact."
    )
    day = capsys.readouterr()
    assert main(["verify"]) == 0
    after = capsys.readouterr()
    verified = after.out.splitlines()
    assert verified[0] == f"journal: {check.rows} rows, head {check.head[:16]}, intact"
    assert any(line.endswith(f"chain head: {check.head}") for line in verified), verified
    # The day's secrets: the key and both PINs nowhere in the data folder (the database, its
    # -wal and -shm, the data key's file, a log if any) nor in what was logged or printed;
    # the card code nowhere either (encrypted in the database, never logged).
    card = seen["code"]
    assert isinstance(card, str) and card
    sources: dict[str, Path | str] = {"data folder": data, "caplog": caplog.text}
    sources |= {"stdout": day.out + after.out, "stderr": day.err + after.err}
    found = search(sources, {"api key": [key], "pin": [mona_pin, karim_pin], "card code": [card]})
    print(f"\nfirst day: the key, the PINs and the card code\n{found.table()}")
    assert "data folder/pos.sqlite3" in found.sizes  # (no log file: nothing went wrong)
    assert found.count("api key") == 0, found.where("api key")
    assert found.count("pin") == 0, found.where("pin")
    assert found.count("card code") == 0, found.where("card code")

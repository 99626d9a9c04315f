"""The set-up and the People page from the keyboard alone: each set-up step opens with the
focus in its first field, Tab visits the fields in the order they are read (then the
buttons), and Enter in the People page's add-person fields adds the person instead of
pressing the dialog's Save."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

from pos_app.domain.users import Role
from pos_app.orders.offload import Offloader
from pos_app.store import open_store
from pos_app.ui.settings.dialog import SettingsDialog
from pos_app.ui.settings.setup import SetupDialog
from pos_app.ui.settings.shop import ShopSettings
from tests.support.people import add_people
from tests.support.settings_dialogs import closed_after, shop_db_url, started_setup, worker_pool
from tests.support.shop_settings import stored_settings
from tests.support.waiting import run, wait_until

KEY = "shop-key-abcdef-123456"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return shop_db_url(tmp_path)


@pytest.fixture
def pool() -> Iterator[Offloader]:
    yield from worker_pool("test-keyboard")


@pytest.fixture
def setup(qloop: qasync.QEventLoop, pool: Offloader, db_url: str) -> Iterator[SetupDialog]:
    yield from started_setup(qloop, pool, db_url)


@pytest.fixture
def dialogs(qloop: qasync.QEventLoop) -> Iterator[list[SettingsDialog]]:
    yield from closed_after(qloop)


async def active(window: QWidget) -> None:
    """``window`` in front, as a person at the counter has it."""
    window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is window, what="window active")


def focused(window: QWidget) -> QWidget:
    found = window.focusWidget()
    assert found is not None, "nothing has the focus"
    return found


def typed(window: QWidget, text: str) -> None:
    """``text`` typed wherever the focus is (as a person types without clicking first)."""
    QTest.keyClicks(focused(window), text)


def pressed(window: QWidget, key: Qt.Key) -> None:
    QTest.keyClick(focused(window), key)


def tab_visits(window: QWidget, count: int) -> list[QWidget]:
    """The widgets the focus reaches by ``count`` presses of Tab, in order."""
    visited = []
    for _press in range(count):
        pressed(window, Qt.Key.Key_Tab)
        visited.append(focused(window))
    return visited


# -- the set-up -----------------------------------------------------------------------------


def test_each_set_up_step_opens_with_the_focus_in_its_first_field(
    qloop: qasync.QEventLoop, setup: SetupDialog
) -> None:
    form = setup.form

    async def body() -> None:
        await active(setup)
        assert focused(setup) is form.key_edit
        typed(setup, KEY)  # the key typed at once lands in its field
        assert form.key_edit is not None and form.key_edit.text() == KEY
        pressed(setup, Qt.Key.Key_Return)  # Enter: Next
        assert setup.index == 1
        shop_name = form.fields["shop.name"].editor
        assert focused(setup) is shop_name
        typed(setup, "Cyber El Amel")
        assert isinstance(shop_name, QLineEdit) and shop_name.text() == "Cyber El Amel"
        pressed(setup, Qt.Key.Key_Return)
        assert setup.index == 2
        kind = form.fields["printer.kind"].editor
        assert isinstance(kind, QComboBox) and focused(setup) is kind
        pressed(setup, Qt.Key.Key_Return)  # no printer (the default)
        assert setup.index == 3 and setup.manager_step is not None
        assert focused(setup) is setup.manager_step.name_edit
        setup.back()  # a step shown again: its first field again
        assert focused(setup) is kind

    run(qloop, body())


def test_tab_on_the_manager_step_visits_name_pin_pin_again_then_the_buttons(
    qloop: qasync.QEventLoop, setup: SetupDialog
) -> None:
    step = setup.manager_step
    assert step is not None

    async def body() -> None:
        await active(setup)
        for index in (1, 2, 3):
            setup.show_page(index)
        await wait_until(lambda: not setup.form.busy and step.required, what="managers read")
        assert focused(setup) is step.name_edit
        typed(setup, "Mona")
        pressed(setup, Qt.Key.Key_Tab)
        assert focused(setup) is step.pin
        typed(setup, "2468")
        pressed(setup, Qt.Key.Key_Tab)
        assert focused(setup) is step.pin_again
        typed(setup, "2468")
        assert tab_visits(setup, 2) == [setup.back_button, setup.next_button]
        assert (step.name_edit.text(), step.pin.text(), step.pin_again.text()) == (
            "Mona",
            "2468",
            "2468",
        )

    run(qloop, body())


def test_a_step_whose_fields_are_off_leaves_the_focus_on_next(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str
) -> None:
    with open_store(db_url) as store:
        store.add_user("Mona", "2468", Role.MANAGER, by="test")
    dialog = SetupDialog(ShopSettings(db_url=db_url, env={}), pool)
    dialog.start()
    step = dialog.manager_step
    assert step is not None

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None and step.existing == ["Mona"])
        await active(dialog)
        dialog.show_page(3)
        assert focused(dialog) is dialog.next_button

    run(qloop, body())
    dialog.hide()
    dialog.deleteLater()


# -- the People page ----------------------------------------------------------------------------


def people_page(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, made: list[SettingsDialog]
) -> SettingsDialog:
    with open_store(db_url) as store:
        add_people(store)
    dialog = SettingsDialog(ShopSettings(db_url=db_url, env={}), pool)
    made.append(dialog)
    dialog.open_dialog(approved_by="Mona")
    dialog.tabs.setCurrentWidget(dialog.people)
    run(qloop, wait_until(lambda: dialog.people.model.rowCount() == 3, what="people listed"))
    run(qloop, wait_until(lambda: dialog.form.data is not None, what="the stored values"))
    return dialog


def test_tab_on_the_people_page_visits_every_add_field_then_add(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, dialogs: list[SettingsDialog]
) -> None:
    dialog = people_page(qloop, pool, db_url, dialogs)
    page = dialog.people

    async def body() -> None:
        await active(dialog)
        page.table.setFocus()
        assert tab_visits(dialog, 5) == [
            page.name_edit,
            page.role_box,
            page.new_pin,
            page.new_pin_again,
            page.add_button,
        ]
        page.select("Karim")  # the person selected: its fields come next, in order
        page.name_edit.setFocus()
        assert tab_visits(dialog, 8)[4:] == [
            page.change_pin,
            page.change_pin_again,
            page.change_button,
            page.active_button,
        ]

    run(qloop, body())


@pytest.mark.parametrize("where", ["name", "pin_again"])
def test_enter_in_the_add_fields_adds_the_person_and_does_not_press_save(
    qloop: qasync.QEventLoop,
    pool: Offloader,
    db_url: str,
    dialogs: list[SettingsDialog],
    where: str,
) -> None:
    dialog = people_page(qloop, pool, db_url, dialogs)
    page = dialog.people
    shop_name = dialog.form.fields["shop.name"].editor
    assert isinstance(shop_name, QLineEdit)
    QTest.keyClicks(shop_name, "Not to be saved")  # Save is on: a press would keep this
    assert dialog.save_button.isEnabled()

    async def body() -> None:
        await active(dialog)
        page.name_edit.setFocus()
        typed(dialog, "Yacine")
        if where == "name":  # the PINs first, then Enter back in the name
            QTest.keyClicks(page.new_pin, "4321")
            QTest.keyClicks(page.new_pin_again, "4321")
        else:  # Tab through the role, the PIN, and the PIN again
            for field in (page.role_box, page.new_pin, page.new_pin_again):
                pressed(dialog, Qt.Key.Key_Tab)
                assert focused(dialog) is field
                if field is not page.role_box:
                    typed(dialog, "4321")
        pressed(dialog, Qt.Key.Key_Return)
        await wait_until(lambda: page.model.rowCount() == 4, what="Yacine listed")
        assert page.result_line.text() == "Yacine added (cashier)."
        await wait_until(lambda: not dialog.form.busy)

    run(qloop, body())
    assert dialog.isVisible() and dialog.result_line.text() == ""  # Save was not pressed
    assert "shop.name" not in stored_settings(db_url)


def test_enter_in_the_new_pin_fields_changes_the_pin_of_the_person_selected(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, dialogs: list[SettingsDialog]
) -> None:
    dialog = people_page(qloop, pool, db_url, dialogs)
    page = dialog.people

    async def body() -> None:
        await active(dialog)
        page.select("Karim")
        page.change_pin.setFocus()
        typed(dialog, "8642")
        pressed(dialog, Qt.Key.Key_Tab)
        typed(dialog, "8642")
        pressed(dialog, Qt.Key.Key_Return)
        await wait_until(lambda: "PIN is changed" in page.result_line.text(), what="changed")

    run(qloop, body())
    assert dialog.isVisible() and dialog.result_line.text() == ""
    with open_store(db_url) as store:
        assert store.check_pin("Karim", "8642").accepted

"""The settings need a manager: Ctrl+, and the button go through the window's manager gate; in
training (where the window's access control is off but the dialog edits the SHOP's database)
a manager of the shop's database types their PIN, checked against that database. The People
page lists, adds, re-PINs, disables and enables the shop's people, each change saved at once
on the worker pool and noted with the approving manager's name."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from datetime import UTC
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.domain.users import Role
from pos_app.orders.offload import Offloader
from pos_app.store import Store, open_store
from pos_app.store.settings import database_url
from pos_app.store.users import UserRecord
from pos_app.ui.access import AccessControl, gate, install_access
from pos_app.ui.app import load_style
from pos_app.ui.i18n import install_language
from pos_app.ui.settings.dialog import SettingsDialog
from pos_app.ui.settings.launcher import SettingsLauncher, install_settings
from pos_app.ui.settings.people import PeopleModel, PeoplePage
from pos_app.ui.settings.roster import ShopPeople
from pos_app.ui.settings.shop import ShopSettings
from tests.support.people import CASHIER, MANAGER, OTHER_CASHIER, add_people
from tests.support.settings_dialogs import closed_after, shop_db_url, worker_pool
from tests.support.waiting import run, wait_until
from tests.support.window import SCREENSHOTS, Harness

Make = Callable[..., Harness]


class RecordingPeople(ShopPeople):
    """The shop's people, recording the thread of every call that hashes a PIN."""

    def __init__(self, db_url: str) -> None:
        super().__init__(db_url=db_url, env={})
        self.hash_threads: list[str] = []

    def add_user(self, name: str, pin: str, role: Role | str, *, by: str) -> UserRecord:
        self.hash_threads.append(threading.current_thread().name)
        return super().add_user(name, pin, role, by=by)

    def set_pin(self, name: str, pin: str, *, by: str) -> UserRecord:
        self.hash_threads.append(threading.current_thread().name)
        return super().set_pin(name, pin, by=by)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return shop_db_url(tmp_path)


@pytest.fixture
def pool() -> Iterator[Offloader]:
    yield from worker_pool("test-people")


@pytest.fixture
def dialogs(qloop: qasync.QEventLoop) -> Iterator[list[SettingsDialog]]:
    yield from closed_after(qloop)


def shop_store() -> Store:
    """The shop's own database (POS_DATA_DIR's file), as training's settings open it."""
    return open_store(database_url(os.environ))


def activity(store: Store) -> list[tuple[str, str]]:
    """(who, action) of every action noted, oldest first."""
    return [(action.who, action.action) for action in reversed(store.actions())]


async def pressed_ctrl_comma(h: Harness) -> None:
    h.window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is h.window, what="window active")
    QTest.keyClick(h.window.sale.field.edit, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)


def type_pin(field: QWidget, pin: str) -> None:
    QTest.keyClicks(field, pin)
    QTest.keyClick(field, Qt.Key.Key_Return)


# -- opening the settings ----------------------------------------------------------------------


def test_a_cashier_gets_the_settings_only_with_a_manager_pin(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h = harness()
    store = h.services.store
    add_people(store)
    spawn = h.services.counter.spawn
    launcher = install_settings(h.window, h.services.executor, spawn, store=store)
    access = install_access(h.window, store, h.services.executor, training=False, tz=UTC)

    async def body() -> None:
        screen = access.lock_screen
        await wait_until(lambda: screen.names.count() == 3, what="people listed")
        QTest.keyClicks(screen.pin, CASHIER[0][:2])
        type_pin(screen.pin, CASHIER[1])
        await wait_until(lambda: not access.locked, what="Karim signed in")
        # Ctrl+, asks a manager; Esc refuses: said, no dialog, nothing noted.
        await pressed_ctrl_comma(h)
        await wait_until(lambda: access.prompt is not None, what="the manager prompt")
        prompt = access.prompt
        assert prompt is not None and "Open the settings" in prompt.heading.text()
        QTest.keyClick(prompt.pin, Qt.Key.Key_Escape)
        await wait_until(lambda: h.window.status.currentMessage().startswith("Not allowed"))
        assert launcher.dialog is None
        assert ("Mona", gate.SETTINGS_OPEN) not in activity(store)
        # The button, then Mona's PIN: the dialog opens, noted as Mona's, for the People page.
        QTest.mouseClick(launcher.button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: access.prompt is not None, what="the manager prompt again")
        assert access.prompt is not None
        type_pin(access.prompt.pin, MANAGER[1])
        await wait_until(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
        dialog = launcher.dialog
        assert dialog is not None and dialog.people.approved_by == "Mona"
        assert activity(store)[-1] == ("Mona", gate.SETTINGS_OPEN)
        assert access.user is not None and access.user.name == "Karim"  # still Karim
        await wait_until(lambda: not dialog.form.busy and dialog.people.model.rowCount() == 3)
        dialog.close()

    run(qloop, body())


def training_window(harness: Make) -> tuple[Harness, SettingsLauncher, AccessControl]:
    """A training window as ``run_window`` builds it: access control off, settings over the
    shop's own database."""
    h = harness()
    spawn = h.services.counter.spawn
    launcher = install_settings(h.window, h.services.executor, spawn)  # no store: the shop's
    access = install_access(h.window, h.services.store, h.services.executor, training=True)
    return h, launcher, access


def test_training_asks_a_manager_of_the_shops_own_database(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    """The hole closed: --demo turns the window's access control off, yet the settings edit
    the shop's real database; its managers must allow them, by a PIN checked there."""
    with shop_store() as shop:
        add_people(shop)
    h, launcher, access = training_window(harness)

    async def body() -> None:
        await pressed_ctrl_comma(h)
        await wait_until(lambda: launcher.prompt is not None, what="the shop's manager prompt")
        prompt = launcher.prompt
        assert prompt is not None and access.prompt is None
        assert prompt.selected_name() == "Mona"  # the shop's managers, not the training db's
        type_pin(prompt.pin, CASHIER[1])  # Karim's PIN is not Mona's
        await wait_until(lambda: "Wrong PIN" in prompt.message.text())
        assert launcher.dialog is None
        prompt.reject()
        await wait_until(lambda: launcher.prompt is None)
        assert h.window.status.currentMessage().startswith("Not allowed")
        assert launcher.dialog is None
        await pressed_ctrl_comma(h)
        await wait_until(lambda: launcher.prompt is not None)
        assert launcher.prompt is not None
        type_pin(launcher.prompt.pin, MANAGER[1])
        await wait_until(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
        dialog = launcher.dialog
        assert dialog is not None and dialog.people.approved_by == "Mona"
        await wait_until(lambda: not dialog.form.busy and dialog.people.model.rowCount() == 3)
        dialog.close()

    run(qloop, body())
    with shop_store() as shop:
        (opened,) = [a for a in shop.actions() if a.action == gate.SETTINGS_OPEN]
        assert (opened.who, opened.detail) == ("Mona", {"training": True})
        wrong = shop.user("Mona")
        assert wrong is not None and wrong.failed_pins == 0  # the right PIN reset the count
    assert [a for a in h.services.store.actions() if a.action == gate.SETTINGS_OPEN] == []


def test_training_opens_the_settings_as_before_when_the_shop_has_nobody(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    h, launcher, _access = training_window(harness)

    async def body() -> None:
        await pressed_ctrl_comma(h)
        await wait_until(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
        assert launcher.prompt is None
        dialog = launcher.dialog
        assert dialog is not None and dialog.people.approved_by is None
        await wait_until(lambda: not dialog.form.busy)
        dialog.close()

    run(qloop, body())


def test_training_refuses_the_settings_when_the_shops_people_cannot_be_read(
    harness: Make, qloop: qasync.QEventLoop
) -> None:
    path = Path(database_url(os.environ).removeprefix("sqlite:///"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    h, launcher, _access = training_window(harness)

    async def body() -> None:
        launcher.open()
        await wait_until(lambda: "selling window" in h.window.status.currentMessage())
        assert launcher.dialog is None and launcher.prompt is None

    run(qloop, body())


# -- the People page -----------------------------------------------------------------------------


def people_dialog(
    pool: Offloader, db_url: str, made: list[SettingsDialog], approved_by: str | None
) -> tuple[SettingsDialog, RecordingPeople]:
    shop = ShopSettings(db_url=db_url, env={})
    people = RecordingPeople(db_url)
    shop.people = people
    dialog = SettingsDialog(shop, pool)
    dialog.people.model._tz = UTC
    made.append(dialog)
    dialog.open_dialog(approved_by=approved_by)
    dialog.tabs.setCurrentWidget(dialog.people)
    return dialog, people


def add_people_one_disabled_one_locked(store: Store) -> None:
    """The test's people, Amina disabled and Karim locked out by five wrong PINs."""
    add_people(store)
    store.disable_user(OTHER_CASHIER[0], by="test")
    for _try in range(5):
        store.check_pin(CASHIER[0], "0000")


def add_person(
    page: PeoplePage, name: str, pin: str, role: Role, *, again: str | None = None
) -> None:
    """Type a person in the Add form (``again``: a different second PIN) and press Add."""
    page.name_edit.clear()
    QTest.keyClicks(page.name_edit, name)
    page.role_box.setCurrentIndex(page.role_box.findData(role.value))
    QTest.keyClicks(page.new_pin, pin)
    QTest.keyClicks(page.new_pin_again, pin if again is None else again)
    QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def shown_rows(page: PeoplePage) -> list[tuple[str, ...]]:
    model = page.model
    return [
        tuple(str(model.index(row, column).data()) for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_the_list_shows_name_role_active_and_locked_until(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, dialogs: list[SettingsDialog]
) -> None:
    with open_store(db_url) as store:
        add_people_one_disabled_one_locked(store)
        karim = store.user(CASHIER[0])
        assert karim is not None and karim.locked_until is not None
    dialog, _people = people_dialog(pool, db_url, dialogs, "Mona")
    page = dialog.people
    run(qloop, wait_until(lambda: page.model.rowCount() == 3, what="people listed"))
    until = karim.locked_until.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    rows = [tuple(cell.strip("\u2066\u2069") for cell in row) for row in shown_rows(page)]
    assert rows == [
        ("Amina", "cashier", "no", ""),
        ("Karim", "cashier", "yes", until),
        ("Mona", "manager", "yes", ""),
    ]
    assert [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Name",
        "Role",
        "Active",
        "Locked until",
    ]


def test_the_people_model_passes_the_model_tester(qapp: QApplication) -> None:
    model = PeopleModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 0 and model.person(0) is None
    model.set_people([])
    assert model.row_of("anyone") == -1


def test_adding_a_person_is_checked_saved_at_once_and_noted_with_the_manager(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, dialogs: list[SettingsDialog]
) -> None:
    with open_store(db_url) as store:
        add_people(store)
    dialog, people = people_dialog(pool, db_url, dialogs, "Mona")
    page = dialog.people

    def add(name: str, pin: str, again: str, role: Role = Role.CASHIER) -> None:
        add_person(page, name, pin, role, again=again)
        assert page.new_pin.text() == "" and page.new_pin_again.text() == ""  # cleared at once

    async def body() -> None:
        await wait_until(lambda: page.model.rowCount() == 3, what="people listed")
        assert page.new_pin.echoMode() == page.new_pin.EchoMode.Password
        QTest.keyClicks(page.new_pin, "12ab")
        assert page.new_pin.text() == "12"  # digits only
        page.new_pin.clear()
        add("Yacine", "1111", "2222")
        assert "differ" in page.new_pin_reason.text() and page.new_pin_reason.isVisible()
        add("Yacine", "123", "123")
        assert page.new_pin_reason.text() == "A PIN has at least 4 digits."
        add("   ", "1111", "1111")
        assert page.name_reason.text() == "Type a name."
        assert people.hash_threads == []  # refused before the store
        add("karim", "4321", "4321")  # the store's refusal: the name is taken
        await wait_until(lambda: not page.busy and page.name_reason.isVisible())
        assert "already called" in page.name_reason.text()
        add("Yacine", "4321", "4321", Role.MANAGER)
        await wait_until(lambda: page.model.rowCount() == 4, what="Yacine listed")
        assert page.result_line.text() == "Yacine added (manager)."
        assert page.name_edit.text() == "" and not page.name_reason.isVisible()
        selected = page.selected()
        assert selected is not None and selected.name == "Yacine"

    run(qloop, body())
    main = threading.main_thread().name
    assert people.hash_threads and main not in people.hash_threads
    with open_store(db_url) as store:
        assert store.check_pin("Yacine", "4321").accepted
        yacine = store.user("Yacine")
        assert yacine is not None and yacine.is_manager
        added = next(a for a in store.actions() if a.action == "user.add")
        assert (added.who, added.detail) == ("Mona", {"name": "Yacine", "role": "manager"})
    assert dialog.form.changes() == {}  # saved already: nothing left for the dialog's Save


def test_changing_a_pin_disabling_and_the_last_manager(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, dialogs: list[SettingsDialog]
) -> None:
    with open_store(db_url) as store:
        add_people(store)
        for _try in range(5):
            store.check_pin(CASHIER[0], "0000")  # Karim locked out
    dialog, people = people_dialog(pool, db_url, dialogs, "Mona")
    page = dialog.people

    async def body() -> None:
        await wait_until(lambda: page.model.rowCount() == 3, what="people listed")
        page.select("Karim")
        assert page.chosen_name.text() == "Karim"
        QTest.keyClicks(page.change_pin, "8642")
        QTest.keyClicks(page.change_pin_again, "8640")
        QTest.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
        assert "differ" in page.change_reason.text()
        assert page.change_pin.text() == "" and page.change_pin_again.text() == ""
        QTest.keyClicks(page.change_pin, "8642")
        QTest.keyClicks(page.change_pin_again, "8642")
        QTest.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: "PIN is changed" in page.result_line.text())
        await wait_until(lambda: shown_rows(page)[1][3] == "", what="Karim's lock cleared")
        # The last manager: refused beside the button, nothing changed.
        page.select("Mona")
        assert page.active_button.text() == "Disable"
        QTest.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
        await wait_until(page.active_reason.isVisible)
        assert "last active manager" in page.active_reason.text()
        assert shown_rows(page)[2][2] == "yes"
        # A cashier: disabled, then enabled again.
        page.select("Amina")
        QTest.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: shown_rows(page)[0][2] == "no", what="Amina disabled")
        assert page.active_button.text() == "Enable"
        QTest.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: shown_rows(page)[0][2] == "yes", what="Amina enabled")

    run(qloop, body())
    assert people.hash_threads and threading.main_thread().name not in people.hash_threads
    with open_store(db_url) as store:
        assert store.check_pin("Karim", "8642").accepted
        mona = store.user("Mona")
        assert mona is not None and mona.active
        changes = [(a.who, a.action) for a in reversed(store.actions()) if a.action != "user.add"]
    assert changes[-3:] == [
        ("Mona", "user.passwd"),
        ("Mona", "user.disable"),
        ("Mona", "user.enable"),
    ]


def test_with_nobody_yet_the_first_person_must_be_a_manager_who_then_approves(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, dialogs: list[SettingsDialog]
) -> None:
    dialog, _people = people_dialog(pool, db_url, dialogs, None)
    page = dialog.people

    def add(name: str, pin: str, role: Role) -> None:
        add_person(page, name, pin, role)

    async def body() -> None:
        await wait_until(lambda: not dialog.form.busy)
        add("Karim", "1357", Role.CASHIER)
        await wait_until(page.role_reason.isVisible, what="refused: no manager yet")
        assert "first person is a manager" in page.role_reason.text()
        add("Mona", "2468", Role.MANAGER)
        await wait_until(lambda: page.model.rowCount() == 1, what="Mona listed")
        add("Karim", "1357", Role.CASHIER)
        await wait_until(lambda: page.model.rowCount() == 2, what="Karim listed")

    run(qloop, body())
    with open_store(db_url) as store:
        added = [(a.who, a.detail["name"]) for a in reversed(store.actions())]  # type: ignore[index]
    assert added == [("settings", "Mona"), ("Mona", "Karim")]


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_the_people_page_draws_in_each_language(  # noqa: PLR0917 (fixtures)
    qloop: qasync.QEventLoop,
    qapp: QApplication,
    pool: Offloader,
    db_url: str,
    tmp_path: Path,
    dialogs: list[SettingsDialog],
    code: str,
) -> None:
    """Saved as settings-people-{code}.png under ``POS_UI_SCREENSHOTS`` (else tmp_path)."""
    with open_store(db_url) as store:
        add_people_one_disabled_one_locked(store)
    load_style(qapp)
    install_language(qapp, code)
    try:
        dialog, _people = people_dialog(pool, db_url, dialogs, "Mona")
        page = dialog.people
        run(qloop, wait_until(lambda: page.model.rowCount() == 3 and not dialog.form.busy))
        page.select("Karim")
        chosen = page.selected()
        assert chosen is not None and chosen.name == "Karim"  # in RTL too
        QTest.keyClicks(page.name_edit, "Yacine")
        QTest.keyClicks(page.new_pin, "1234")
        QTest.keyClicks(page.new_pin_again, "1243")
        QTest.mouseClick(page.add_button, Qt.MouseButton.LeftButton)  # refused: PINs differ
        qapp.processEvents()
        assert page.new_pin_reason.isVisible()
        assert (dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft) == (code == "ar")
        tab = {"en": "People", "fr": "Personnes", "ar": "الأشخاص"}[code]
        assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == tab
        folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        assert dialog.grab().save(str(folder / f"settings-people-{code}.png"))
    finally:
        install_language(qapp, "en")

"""The first-run set-up: training mode one click away, a key required to finish, what it
keeps (the key in the keyring, the shop's name and printer in the database), and the selling
window opened with that key afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit

from pos_app.api.keys import stored_key
from pos_app.domain.users import Role
from pos_app.orders.offload import Offloader
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import open_store
from pos_app.ui.app import build_services, load_style
from pos_app.ui.i18n import install_language
from pos_app.ui.settings.setup import SetupDialog, SetupOutcome, SetupPage, default_pages
from pos_app.ui.settings.shop import ShopSettings
from tests.support.memory_keyring import PlaintextMemoryKeyring
from tests.support.settings_dialogs import shop_db_url, started_setup, worker_pool
from tests.support.shop_settings import stored_settings as stored
from tests.support.waiting import run, wait_until
from tests.support.window import SCREENSHOTS


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return shop_db_url(tmp_path)


@pytest.fixture
def pool() -> Iterator[Offloader]:
    yield from worker_pool("test-setup")


@pytest.fixture
def setup(qloop: qasync.QEventLoop, pool: Offloader, db_url: str) -> Iterator[SetupDialog]:
    yield from started_setup(qloop, pool, db_url)


def outcomes(dialog: SetupDialog) -> list[SetupOutcome | None]:
    seen: list[SetupOutcome | None] = []
    dialog.done_with.connect(seen.append)
    return seen


def type_manager(dialog: SetupDialog, name: str, pin: str, again: str | None = None) -> None:
    """Type the manager's step: name, PIN, PIN again (``again``: a different second PIN)."""
    step = dialog.manager_step
    assert step is not None
    step.name_edit.clear()
    QTest.keyClicks(step.name_edit, name)
    QTest.keyClicks(step.pin, pin)
    QTest.keyClicks(step.pin_again, pin if again is None else again)


def test_training_mode_is_one_click_away_and_keeps_nothing(setup: SetupDialog, db_url: str) -> None:
    seen = outcomes(setup)
    assert setup.training_button.isVisible()
    QTest.mouseClick(setup.training_button, Qt.MouseButton.LeftButton)
    assert seen == [SetupOutcome(training=True)]
    assert stored(db_url) == {} and stored_key() is None


def test_it_cannot_finish_without_a_key_and_says_why(setup: SetupDialog) -> None:
    seen = outcomes(setup)
    QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
    assert setup.index == 0 and "Type the API key" in setup.result_line.text()
    assert seen == []


def test_finishing_keeps_the_key_the_name_and_the_printer(
    qloop: qasync.QEventLoop, setup: SetupDialog, db_url: str
) -> None:
    seen = outcomes(setup)
    key = "shop-key-abcdef-123456"

    async def body() -> None:
        assert setup.form.key_edit is not None
        QTest.keyClicks(setup.form.key_edit, key)
        QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
        assert setup.index == 1
        name = setup.form.fields["shop.name"].editor
        assert isinstance(name, QLineEdit)
        QTest.keyClicks(name, "Cyber El Amel")
        QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
        assert setup.index == 2
        kind = setup.form.fields["printer.kind"].editor
        assert isinstance(kind, QComboBox)
        kind.setCurrentIndex(kind.findData("network"))
        QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)  # no host: refused
        assert "not accepted" in setup.result_line.text() and seen == []
        host = setup.form.fields["printer.host"].editor
        assert isinstance(host, QLineEdit)
        QTest.keyClicks(host, "192.168.1.60")
        QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
        assert setup.index == 3
        await wait_until(lambda: setup.manager_step is not None and setup.manager_step.required)
        type_manager(setup, "Mona", "2468")
        QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: bool(seen), what="the set-up's end")

    run(qloop, body())
    (outcome,) = seen
    assert outcome is not None and not outcome.training and outcome.api_key == key
    assert outcome.manager is not None and outcome.manager.name == "Mona"
    with open_store(db_url) as store:
        assert store.check_pin("Mona", "2468").accepted
        (added,) = store.actions()
        assert (added.who, added.action, added.detail) == (
            "setup",
            "user.add",
            {"name": "Mona", "role": "manager"},
        )
    assert stored_key() == key
    values = stored(db_url)
    assert values["shop.name"] == "Cyber El Amel"
    assert values["printer.kind"] == "network" and values["printer.host"] == "192.168.1.60"
    assert "counter_id" not in values  # only what the set-up showed is written


def test_the_manager_step_is_required_and_says_what_is_wrong(
    qloop: qasync.QEventLoop, setup: SetupDialog, db_url: str
) -> None:
    seen = outcomes(setup)
    assert setup.findChild(QLabel, "heading").text() == (  # type: ignore[union-attr]
        "Welcome. 4 steps and the counter is ready."
    )

    async def body() -> None:
        assert setup.form.key_edit is not None
        QTest.keyClicks(setup.form.key_edit, "shop-key-abcdef-123456")
        for _step in range(3):
            QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
        assert setup.index == 3 and setup.title.text() == (
            "Step 4 of 4: Manager: your name and a PIN (twice)"
        )
        step = setup.manager_step
        assert step is not None
        await wait_until(lambda: not setup.form.busy, what="the shop's managers read")
        assert step.required and step.pin.echoMode() == step.pin.EchoMode.Password
        QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)  # nothing typed
        assert step.name_reason.text() == "Type a name."
        assert step.pin_reason.text() == "Type a PIN of 4 to 8 digits."
        assert "Type your name" in setup.result_line.text()
        type_manager(setup, "Mona", "2468", again="2486")
        QTest.keyClicks(step.pin, "x")  # digits only
        assert step.pin.text() == "2468"
        QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
        assert "differ" in step.pin_reason.text() and not step.name_reason.isVisible()
        assert seen == [] and setup.index == 3

    run(qloop, body())
    assert stored_key() is None  # nothing kept while the step is wrong
    with open_store(db_url) as store:
        assert store.users(include_disabled=True) == []


def test_a_shop_with_a_manager_already_is_not_asked_for_one(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str
) -> None:
    with open_store(db_url) as store:
        store.add_user("Mona", "2468", Role.MANAGER, by="test")
    dialog = SetupDialog(ShopSettings(db_url=db_url, env={}), pool)
    seen = outcomes(dialog)
    dialog.start()
    step = dialog.manager_step
    assert step is not None

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None and step.existing == ["Mona"])
        assert not step.name_edit.isEnabled() and "Mona" in step.note.text()
        assert dialog.form.key_edit is not None
        QTest.keyClicks(dialog.form.key_edit, "shop-key-abcdef-123456")
        for _step in range(4):
            QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: bool(seen), what="the set-up's end")

    run(qloop, body())
    (outcome,) = seen
    assert outcome is not None and not outcome.training and outcome.manager is None
    with open_store(db_url) as store:
        assert [user.name for user in store.users()] == ["Mona"]
    dialog.hide()
    dialog.deleteLater()


def test_without_a_secure_keyring_it_says_so_and_offers_training(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str
) -> None:
    import keyring

    keyring.set_keyring(PlaintextMemoryKeyring())
    dialog = SetupDialog(ShopSettings(db_url=db_url, env={}), pool)
    dialog.start()
    run(qloop, wait_until(lambda: dialog.form.data is not None))
    assert dialog.form.key_edit is not None and not dialog.form.key_edit.isEnabled()
    QTest.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert "ONECLICK_API_KEY" in dialog.result_line.text()
    dialog.hide()
    dialog.deleteLater()


def test_the_steps_are_a_list_a_later_step_can_join(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str
) -> None:
    extra = SetupPage("extra", "Extra", "A step added later.", lambda _f: QLabel())
    pages = [*default_pages(), extra]
    dialog = SetupDialog(ShopSettings(db_url=db_url, env={}), pool, pages=pages)
    assert dialog.stack.count() == 5 and "of 5" in dialog.title.text()
    dialog.deleteLater()


def test_the_window_opens_with_the_key_the_set_up_kept(
    qloop: qasync.QEventLoop, setup: SetupDialog, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the set-up the selling window runs on the key it kept, against the address the
    shop's settings give (here the simulator's), never in training mode."""
    seen = outcomes(setup)
    with Simulator(SimConfig(time_scale=200.0)) as sim:
        monkeypatch.setenv("ONECLICK_API_URL", sim.base_url)
        monkeypatch.setenv("POS_DB_URL", db_url)

        async def body() -> None:
            assert setup.form.key_edit is not None
            QTest.keyClicks(setup.form.key_edit, DEFAULT_SIM_KEY)
            for _step in range(3):
                QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
            await wait_until(lambda: setup.manager_step is not None and setup.manager_step.required)
            type_manager(setup, "Mona", "2468")
            QTest.mouseClick(setup.next_button, Qt.MouseButton.LeftButton)
            await wait_until(lambda: bool(seen), what="the set-up's end")

        run(qloop, body())
        outcome = seen[0]
        assert outcome is not None and not outcome.training
        services = build_services(demo=False, api_key=outcome.api_key)
        try:
            assert not services.training and services.simulator is None
            info = run(qloop, services.executor.run(services.client.validate))
            assert info.is_sandbox  # the simulator answered the kept key
        finally:
            run(qloop, services.shutdown())


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_every_step_draws_in_each_language(
    qloop: qasync.QEventLoop, qapp: QApplication, setup: SetupDialog, tmp_path: Path, code: str
) -> None:
    """Each step at the default size, saved under ``POS_UI_SCREENSHOTS`` (else tmp_path)."""
    load_style(qapp)  # as the app shows it
    install_language(qapp, code)
    try:
        dialog = SetupDialog(setup.form.shop, setup.form.executor)
        dialog.start()
        run(qloop, wait_until(lambda: dialog.form.data is not None))
        assert (dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft) == (code == "ar")
        folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        for index, page in enumerate(dialog.pages):
            dialog.show_page(index)
            qapp.processEvents()
            assert dialog.training_button.isVisible()  # one click away on every step
            assert dialog.grab().save(str(folder / f"setup-{page.name}-{code}.png"))
        dialog.hide()
        dialog.deleteLater()
    finally:
        install_language(qapp, "en")

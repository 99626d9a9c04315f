"""Test connection asks the address the app will use: ``ONECLICK_API_URL`` when it is set
(the window sends there too), else the address typed or kept, and shows that address beside
the button, in the settings and in the set-up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit

from pos_app.api.keys import stored_key
from pos_app.orders.offload import Offloader
from pos_app.orders.sender import configured_base_url
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import open_store
from pos_app.store.settings import save_preferences
from pos_app.ui.settings.dialog import SettingsDialog
from pos_app.ui.settings.form import SettingsForm
from pos_app.ui.settings.setup import SetupDialog
from pos_app.ui.settings.shop import ShopSettings
from tests.support.settings_dialogs import closed_after, shop_db_url, worker_pool
from tests.support.waiting import run, wait_until

NOWHERE = "http://127.0.0.1:9/v3"
"""A kept address where nothing listens: a test sent there says "cannot be reached"."""


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    url = shop_db_url(tmp_path)
    with open_store(url) as store:
        save_preferences(store, {"api.url": NOWHERE})
    return url


@pytest.fixture
def pool() -> Iterator[Offloader]:
    yield from worker_pool("test-address")


@pytest.fixture
def dialogs(qloop: qasync.QEventLoop) -> Iterator[list[SettingsDialog]]:
    yield from closed_after(qloop)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with Simulator(SimConfig(time_scale=200.0)) as started:
        yield started


def address(form: SettingsForm) -> str:
    label = form.test_address
    assert isinstance(label, QLabel)
    return label.text()


def settings_dialog(
    pool: Offloader, db_url: str, made: list[SettingsDialog], env: dict[str, str]
) -> SettingsDialog:
    dialog = SettingsDialog(ShopSettings(db_url=db_url, env=env), pool)
    made.append(dialog)
    dialog.open_dialog()
    return dialog


async def answer_to_test(form: SettingsForm, key: str) -> str:
    """``key`` typed, Test connection pressed; the line it ends with."""
    assert form.key_edit is not None and form.test_button is not None
    form.key_edit.clear()
    QTest.keyClicks(form.key_edit, key)
    QTest.mouseClick(form.test_button, Qt.MouseButton.LeftButton)
    result = form.connection_result
    assert result is not None
    await wait_until(lambda: result.text() not in ("", "Asking OneClickDZ…"), what="the answer")
    await wait_until(form.test_button.isEnabled, what="the test's end")
    return result.text()


def test_the_settings_test_the_environments_address_as_the_window_does(
    qloop: qasync.QEventLoop,
    pool: Offloader,
    db_url: str,
    dialogs: list[SettingsDialog],
    sim: Simulator,
) -> None:
    env = {"ONECLICK_API_URL": sim.base_url}
    assert configured_base_url(db_url, env) == sim.base_url  # where the window sends
    dialog = settings_dialog(pool, db_url, dialogs, env)

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None, what="the stored values")
        assert sim.base_url in address(dialog.form)
        assert "Connected." in await answer_to_test(dialog.form, DEFAULT_SIM_KEY)

    run(qloop, body())


def test_the_set_up_tests_the_environments_address_and_shows_it(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, sim: Simulator
) -> None:
    dialog = SetupDialog(ShopSettings(db_url=db_url, env={"ONECLICK_API_URL": sim.base_url}), pool)
    dialog.start()

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None, what="the stored values")
        assert sim.base_url in address(dialog.form)
        assert "Connected." in await answer_to_test(dialog.form, DEFAULT_SIM_KEY)

    run(qloop, body())
    dialog.hide()
    dialog.deleteLater()


def test_without_the_environment_the_address_shown_follows_the_one_typed(
    qloop: qasync.QEventLoop,
    pool: Offloader,
    db_url: str,
    dialogs: list[SettingsDialog],
    sim: Simulator,
) -> None:
    dialog = settings_dialog(pool, db_url, dialogs, {})

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None, what="the stored values")
        assert address(dialog.form) == NOWHERE  # the kept one
        assert "cannot be reached" in await answer_to_test(dialog.form, DEFAULT_SIM_KEY)
        url = dialog.form.fields["api.url"].editor
        assert isinstance(url, QLineEdit)
        url.selectAll()
        QTest.keyClicks(url, sim.base_url)
        assert address(dialog.form) == sim.base_url
        assert "Connected." in await answer_to_test(dialog.form, DEFAULT_SIM_KEY)

    run(qloop, body())


def test_after_a_refusal_the_key_that_passed_at_the_environments_address_is_saved(
    qloop: qasync.QEventLoop,
    pool: Offloader,
    db_url: str,
    dialogs: list[SettingsDialog],
    sim: Simulator,
) -> None:
    """The check before saving asks about the same address the test used."""
    dialog = settings_dialog(pool, db_url, dialogs, {"ONECLICK_API_URL": sim.base_url})

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None, what="the stored values")
        assert "refused" in await answer_to_test(dialog.form, "wrong-key-000011112222")
        assert "Connected." in await answer_to_test(dialog.form, DEFAULT_SIM_KEY)
        assert dialog.form.key_problem() is None
        dialog.save()
        await wait_until(lambda: "Saved." in dialog.result_line.text(), what="saved")

    run(qloop, body())
    assert stored_key() == DEFAULT_SIM_KEY

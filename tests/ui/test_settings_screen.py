"""The settings dialog: every field checked as typed with the store's own check, Save all or
nothing, the key in the keyring, Test connection against the simulator and against a server
that refuses the key (exactly one request), the printer's test page, and Ctrl+, from the
window (the dialog's module imported only then)."""

from __future__ import annotations

import http.server
import json
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import keyring
import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit

from pos_app.api import OneClickClient
from pos_app.api import errors as api_errors
from pos_app.api.keys import stored_key
from pos_app.orders.offload import Offloader
from pos_app.orders.sender import configured_base_url
from pos_app.receipts.escpos import parse_stream
from pos_app.simulator import DEFAULT_SIM_KEY, SimConfig, Simulator
from pos_app.store import open_store
from pos_app.store.settings import (
    API_URL_ENV,
    PREFERENCES,
    InvalidSettingError,
    PreferenceError,
    SettingsNotSavedError,
    api_url,
    save_preferences,
)
from pos_app.ui.app import load_style
from pos_app.ui.i18n import install_language
from pos_app.ui.settings.dialog import SettingsDialog
from pos_app.ui.settings.launcher import install_settings, open_settings
from pos_app.ui.settings.shop import ShopSettings
from tests.support.memory_keyring import PlaintextMemoryKeyring
from tests.support.printer_server import LoopbackPrinter
from tests.support.settings_dialogs import closed_after, shop_db_url, worker_pool
from tests.support.shop_settings import stored_settings as stored
from tests.support.waiting import run, wait_until
from tests.support.window import SCREENSHOTS, Harness

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return shop_db_url(tmp_path)


@pytest.fixture
def pool() -> Iterator[Offloader]:
    yield from worker_pool("test-settings")


@pytest.fixture
def opened(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str
) -> Iterator[list[SettingsDialog]]:
    """Dialogs the test made, closed after it."""
    yield from closed_after(qloop)


def make_dialog(pool: Offloader, db_url: str, made: list[SettingsDialog]) -> SettingsDialog:
    dialog = SettingsDialog(ShopSettings(db_url=db_url, env={}), pool)
    made.append(dialog)
    dialog.open_dialog()
    return dialog


def line(dialog: SettingsDialog, key: str) -> QLineEdit:
    editor = dialog.form.fields[key].editor
    assert isinstance(editor, QLineEdit)
    return editor


def retype(edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClicks(edit, text)


def choose(dialog: SettingsDialog, key: str, value: str) -> None:
    """Pick the choice whose value is ``value`` in the list of ``key``."""
    box = dialog.form.fields[key].editor
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(value))


def type_network_printer(dialog: SettingsDialog, printer: LoopbackPrinter) -> None:
    """A network printer at ``printer``'s host and port, as typed in the Printer page."""
    choose(dialog, "printer.kind", "network")
    QTest.keyClicks(line(dialog, "printer.host"), printer.host)
    retype(line(dialog, "printer.port"), str(printer.port))


# -- the api.url setting -----------------------------------------------------------------------


def test_the_api_url_is_one_setting_read_in_one_place(db_url: str) -> None:
    assert api_url(None, env={}) == "https://api.oneclickdz.com/v3"
    with open_store(db_url) as store:
        save_preferences(store, {"api.url": "http://127.0.0.1:8765/v3/"})
    assert configured_base_url(db_url, env={}) == "http://127.0.0.1:8765/v3"
    env = {API_URL_ENV: "http://127.0.0.1:9/v3"}
    assert configured_base_url(db_url, env=env) == "http://127.0.0.1:9/v3"  # still overrides
    with pytest.raises(PreferenceError, match="plain http"):
        save_preferences_to(db_url, {"api.url": "http://api.example.com/v3"})
    with pytest.raises(InvalidSettingError):  # a set URL that fails: never another address
        configured_base_url(db_url, env={API_URL_ENV: "ftp://x"})


def save_preferences_to(db_url: str, changes: dict[str, str | None]) -> None:
    with open_store(db_url) as store:
        save_preferences(store, changes)


def test_a_save_keeps_every_value_or_none(db_url: str) -> None:
    save_preferences_to(db_url, {"shop.name": "Old name", "shop.phone": "021 00 00 00"})
    with pytest.raises(PreferenceError):  # one bad value: nothing written
        save_preferences_to(db_url, {"shop.name": "New name", "printer.port": "99999"})
    assert stored(db_url)["shop.name"] == "Old name"
    save_preferences_to(db_url, {"shop.name": "New name", "shop.phone": None})
    assert stored(db_url) == {"shop.name": "New name"}


def fail_on_insert(db_url: str, key: str) -> None:
    """The database refuses one key's row: the failure comes mid-transaction, after the
    rows written before it."""
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        for event in ("INSERT", "UPDATE"):
            db.execute(
                f"CREATE TRIGGER fail_{event.lower()} BEFORE {event} ON setting "
                f"WHEN NEW.key = '{key}' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
            )


def test_a_store_failing_mid_save_leaves_the_old_values(db_url: str) -> None:
    save_preferences_to(db_url, {"shop.name": "Old name", "low_balance": "2000"})
    fail_on_insert(db_url, "shop.phone")
    with open_store(db_url) as store, pytest.raises(SettingsNotSavedError):
        save_preferences(store, {"shop.name": "New", "low_balance": "500", "shop.phone": "0555"})
    assert stored(db_url) == {"shop.name": "Old name", "low_balance": "2000"}


# -- the dialog --------------------------------------------------------------------------------


def test_fields_refuse_bad_input_with_the_reason_and_save_waits(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    dialog = make_dialog(pool, db_url, opened)

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None, what="the values")
        assert line(dialog, "counter_id").text()  # the host's id, shown as the default
        retype(line(dialog, "api.url"), "http://api.example.com/v3")
        url = dialog.form.fields["api.url"]
        assert url.error and "http" in url.error and url.reason.isVisible()
        assert not dialog.save_button.isEnabled()
        retype(line(dialog, "counter_id"), "caisse-2")
        assert "caisse2" in (dialog.form.fields["counter_id"].error or "")  # the fix offered
        retype(line(dialog, "low_balance"), "-5")
        assert dialog.form.fields["low_balance"].error
        retype(line(dialog, "shop.logo"), "/no/such/logo.png")
        assert dialog.form.fields["shop.logo"].error
        dialog.save()  # refused while fields are wrong: nothing written
        await wait_until(lambda: not dialog.form.busy)
        assert "not accepted" in dialog.result_line.text()
        assert not Path(db_url.removeprefix("sqlite:///")).exists() or "api.url" not in stored(
            db_url
        )
        retype(line(dialog, "api.url"), "https://api.oneclickdz.com/v3")
        retype(line(dialog, "counter_id"), "caisse2")
        retype(line(dialog, "low_balance"), "1500")
        retype(line(dialog, "shop.logo"), "")
        assert dialog.form.errors() == {} and dialog.save_button.isEnabled()
        dialog.save()
        await wait_until(lambda: "Saved" in dialog.result_line.text(), what="saved")
        await wait_until(lambda: not dialog.form.busy)

    run(qloop, body())
    values = stored(db_url)
    assert values["counter_id"] == "caisse2" and values["low_balance"] == "1500"
    assert "shop.logo" not in values and "shop.name" not in values  # unchanged: not written


def test_a_network_printer_without_its_host_is_refused_beside_the_host(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    dialog = make_dialog(pool, db_url, opened)

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None)
        kind = dialog.form.fields["printer.kind"].editor
        assert isinstance(kind, QComboBox)
        assert not line(dialog, "printer.host").isEnabled()  # shown per kind
        kind.setCurrentIndex(kind.findData("network"))
        assert line(dialog, "printer.host").isEnabled()
        assert "printer.host" in dialog.form.errors()
        assert not dialog.save_button.isEnabled()
        QTest.keyClicks(line(dialog, "printer.host"), "192.168.1.50")
        assert dialog.form.errors() == {} and dialog.save_button.isEnabled()

    run(qloop, body())


def test_the_save_fails_whole_on_a_disk_error_and_says_so(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    save_preferences_to(db_url, {"shop.name": "Old name", "shop.address": "Old street"})
    fail_on_insert(db_url, "shop.phone")
    dialog = make_dialog(pool, db_url, opened)

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None)
        assert line(dialog, "shop.name").text() == "Old name"
        retype(line(dialog, "shop.name"), "New name")
        retype(line(dialog, "shop.address"), "New street")
        QTest.keyClicks(line(dialog, "shop.phone"), "0555 12 34 56")
        QTest.keyClicks(dialog.form.key_edit, "new-key-123456")  # type: ignore[arg-type]
        dialog.save()
        await wait_until(lambda: "Nothing was saved" in dialog.result_line.text())
        await wait_until(lambda: not dialog.form.busy)

    run(qloop, body())
    assert stored(db_url) == {"shop.name": "Old name", "shop.address": "Old street"}
    assert stored_key() is None  # the key kept first was taken back


def test_the_key_goes_to_the_keyring_and_only_its_last_four_show(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    dialog = make_dialog(pool, db_url, opened)
    key = "prod-key-0123456789-WXYZ"

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None)
        edit = dialog.form.key_edit
        assert edit is not None and edit.echoMode() == QLineEdit.EchoMode.Password
        QTest.keyClicks(edit, key)
        dialog.save()
        await wait_until(lambda: "Saved" in dialog.result_line.text())
        await wait_until(lambda: not dialog.form.busy and edit.text() == "")
        await wait_until(lambda: "WXYZ" in edit.placeholderText())

    run(qloop, body())
    assert stored_key() == key
    note = dialog.form.key_note
    assert note is not None and "WXYZ" in note.text() and "0123" not in note.text()
    assert key not in dialog.grab().toImage().text()  # nothing of it as text either


def test_without_a_secure_keyring_the_key_entry_says_so(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    keyring.set_keyring(PlaintextMemoryKeyring())  # would keep it in clear: refused
    dialog = make_dialog(pool, db_url, opened)
    run(qloop, wait_until(lambda: dialog.form.data is not None))
    assert dialog.form.key_edit is not None and not dialog.form.key_edit.isEnabled()
    assert dialog.form.key_note is not None and "ONECLICK_API_KEY" in dialog.form.key_note.text()


def test_a_corrupt_stored_value_shows_the_default_with_a_notice(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    with open_store(db_url) as store:  # values no version writes: refused by their checks
        store.set_setting("low_balance", "lots")
        store.set_setting("counter_id", "caisse-2")
        store.set_setting("api.url", "http://evil.example/v3")
    dialog = make_dialog(pool, db_url, opened)
    run(qloop, wait_until(lambda: dialog.form.data is not None))
    for key, default in (("low_balance", "2000"), ("api.url", PREFERENCES["api.url"].default)):
        assert line(dialog, key).text() == default
        reason = dialog.form.fields[key].reason
        assert not reason.isHidden() and "could not be used" in reason.text()
    assert dialog.form.fields["low_balance"].changed_value  # Save replaces the bad value


def test_an_unreadable_database_shows_the_defaults_with_a_notice(
    qloop: qasync.QEventLoop, pool: Offloader, tmp_path: Path, opened: list[SettingsDialog]
) -> None:
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    dialog = make_dialog(pool, f"sqlite:///{bad}", opened)
    run(qloop, wait_until(lambda: dialog.form.data is not None))
    assert dialog.form.notice.isVisible() and "could not be read" in dialog.form.notice.text()
    assert line(dialog, "low_balance").text() == "2000"


# -- Test connection ----------------------------------------------------------------------------


def test_test_connection_shows_the_key_type_and_balance_from_the_simulator(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    dialog = make_dialog(pool, db_url, opened)
    with Simulator(SimConfig(balance=Decimal("12345.50"))) as sim:

        async def body() -> None:
            await wait_until(lambda: dialog.form.data is not None)
            retype(line(dialog, "api.url"), sim.base_url)
            QTest.keyClicks(dialog.form.key_edit, DEFAULT_SIM_KEY)  # type: ignore[arg-type]
            QTest.mouseClick(dialog.form.test_button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
            result = dialog.form.connection_result
            assert result is not None
            await wait_until(lambda: "Connected" in result.text(), what="the answer")

        run(qloop, body())
    text = dialog.form.connection_result.text()  # type: ignore[union-attr]
    assert "SANDBOX" in text and "READ-WRITE" in text and "12\u202f345,50" in text


class RefusingServer:
    """A loopback API that answers every request 401 INVALID_ACCESS_TOKEN, and counts them."""

    def __init__(self) -> None:
        self.requests = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests += 1
                body = json.dumps(
                    {"success": False, "error": {"code": "INVALID_ACCESS_TOKEN",
                                                 "message": "Invalid access token"}}
                ).encode()  # fmt: skip
                self.send_response(401)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v3"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


def test_a_refused_key_is_sent_once_even_when_the_button_is_pressed_twice(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    server = RefusingServer()
    dialog = make_dialog(pool, db_url, opened)
    try:

        async def body() -> None:
            await wait_until(lambda: dialog.form.data is not None)
            retype(line(dialog, "api.url"), server.base_url)
            QTest.keyClicks(dialog.form.key_edit, "wrong-key-000011112222")  # type: ignore[arg-type]
            result = dialog.form.connection_result
            button = dialog.form.test_button
            assert result is not None and button is not None
            for _press in range(2):
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
                await wait_until(lambda: "refused" in result.text(), what="the refusal")
                await wait_until(button.isEnabled)
                assert "15 minutes" in result.text()
                result.clear()

        run(qloop, body())
        assert server.requests == 1
        # The engine's client, for the same address and key, does not send it either.
        with (
            OneClickClient(server.base_url, "wrong-key-000011112222") as client,
            pytest.raises(api_errors.InvalidAccessTokenError),
        ):
            client.validate()
        assert server.requests == 1
    finally:
        server.close()


def test_an_unreachable_address_gets_one_clear_line(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    dialog = make_dialog(pool, db_url, opened)

    async def body() -> None:
        await wait_until(lambda: dialog.form.data is not None)
        retype(line(dialog, "api.url"), "http://127.0.0.1:9/v3")  # nothing listens there
        QTest.keyClicks(dialog.form.key_edit, "some-key-1234")  # type: ignore[arg-type]
        dialog.form.test_connection()
        result = dialog.form.connection_result
        assert result is not None
        await wait_until(lambda: "cannot be reached" in result.text(), what="the failure")

    run(qloop, body())


# -- Test page -----------------------------------------------------------------------------------


def test_the_test_page_prints_on_the_printer_as_typed(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    dialog = make_dialog(pool, db_url, opened)
    with LoopbackPrinter("ok") as printer:

        async def body() -> None:
            await wait_until(lambda: dialog.form.data is not None)
            type_network_printer(dialog, printer)
            choose(dialog, "printer.paper_mm", "58")
            dialog.form.print_test_page()
            result = dialog.form.print_result
            assert result is not None
            await wait_until(lambda: "sent" in result.text(), what="the test page")

        run(qloop, body())
        raster = parse_stream(printer.wait_for_job()).raster
        assert raster is not None and raster.width == 384  # 58 mm paper


def test_a_printer_that_is_off_gets_one_line(
    qloop: qasync.QEventLoop, pool: Offloader, db_url: str, opened: list[SettingsDialog]
) -> None:
    dialog = make_dialog(pool, db_url, opened)
    with LoopbackPrinter("refuse") as printer:

        async def body() -> None:
            await wait_until(lambda: dialog.form.data is not None)
            type_network_printer(dialog, printer)
            dialog.form.print_test_page()
            result = dialog.form.print_result
            assert result is not None
            await wait_until(lambda: result.text() and "…" not in result.text())
            assert printer.host in result.text() and "sent" not in result.text()

        run(qloop, body())


# -- from the window -----------------------------------------------------------------------------


def test_ctrl_comma_opens_the_settings_from_the_window(
    qloop: qasync.QEventLoop, harness: Callable[..., Harness]
) -> None:
    h = harness()
    launcher = install_settings(h.window, h.services.executor, h.services.counter.spawn)
    assert launcher.dialog is None  # built at its first opening

    async def body() -> None:
        await wait_until(launcher.button.isVisible, what="the Settings button")
        h.window.activateWindow()
        await wait_until(lambda: QApplication.activeWindow() is h.window, what="window active")
        QTest.keyClick(
            h.window.sale.field.edit, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier
        )
        # The shop has nobody yet: no PIN asked, the dialog opens (after the gate's read).
        await wait_until(lambda: launcher.dialog is not None and launcher.dialog.isVisible())
        dialog = launcher.dialog
        assert dialog is not None
        assert await open_settings(h.window) is dialog  # the one way in, past the PIN gate
        await wait_until(lambda: dialog.form.data is not None and not dialog.form.busy)
        dialog.close()

    run(qloop, body())


@pytest.mark.slow  # a child interpreter imports Qt
def test_the_dialog_module_is_imported_only_when_first_opened() -> None:
    """Starting the window loads no settings module before the first paint; installing the
    settings (the launcher) still loads neither the dialog nor its pages."""
    code = (
        "import sys, pos_app.ui.app\n"
        "print(sorted(m for m in sys.modules if m.startswith('pos_app.ui.settings')))\n"
        "import pos_app.ui.settings.launcher\n"
        "print(sorted(m for m in sys.modules if m.startswith('pos_app.ui.settings')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
    )
    at_start, installed = done.stdout.strip().splitlines()
    assert at_start == "[]"
    assert "pos_app.ui.settings.launcher" in installed
    assert "dialog" not in installed and "form" not in installed and "setup" not in installed


# -- how it looks ------------------------------------------------------------------------------

PAGES = ("connection", "shop", "printer", "counter", "limits")


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_every_page_draws_in_each_language(  # noqa: PLR0917 (fixtures)
    qloop: qasync.QEventLoop,
    qapp: QApplication,
    pool: Offloader,
    db_url: str,
    tmp_path: Path,
    opened: list[SettingsDialog],
    code: str,
) -> None:
    """Each page at the default size, saved under ``POS_UI_SCREENSHOTS`` (else tmp_path):
    Arabic right to left, every label shown whole (no label narrower than its text)."""
    load_style(qapp)  # as the app shows it
    install_language(qapp, code)
    try:
        save_preferences_to(db_url, {"shop.name": "Cyber El Amel", "printer.kind": "network",
                                     "printer.host": "192.168.1.60"})  # fmt: skip
        dialog = make_dialog(pool, db_url, opened)
        run(qloop, wait_until(lambda: dialog.form.data is not None))
        rtl = Qt.LayoutDirection.RightToLeft
        assert (dialog.layoutDirection() == rtl) == (code == "ar")
        folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
        folder.mkdir(parents=True, exist_ok=True)
        for index, name in enumerate(PAGES):
            dialog.tabs.setCurrentIndex(index)
            qapp.processEvents()
            for label in dialog.tabs.currentWidget().findChildren(QLabel):
                if label.isVisible() and not label.wordWrap() and label.text():
                    assert label.width() >= label.sizeHint().width(), (name, label.text())
            assert dialog.grab().save(str(folder / f"settings-{name}-{code}.png"))
    finally:
        install_language(qapp, "en")

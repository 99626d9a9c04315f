"""The settings form shared by the settings dialog and the first-run set-up: its fields, its
pages, the two buttons that try things (Test connection, Test page) and the save.

Values are read and saved on the worker pool (:class:`~pos_app.ui.settings.shop.ShopSettings`);
the window never waits for the database, the keyring, the network or the printer."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from pos_app.api import errors as api_errors
from pos_app.api.client import InvalidKeyFormatError, check_api_key
from pos_app.api.keys import FROM_ENV, InsecureKeyringError, KeyStorageError, key_tail
from pos_app.domain.money import format_dzd
from pos_app.orders.offload import Offloader
from pos_app.orders.settings import EngineSettings
from pos_app.receipts.escpos import test_stream
from pos_app.receipts.printers import PrinterConfig, PrinterError, send
from pos_app.store.settings import (
    PAPER_WIDTHS_MM,
    PREFERENCES,
    PreferenceError,
    SettingsNotSavedError,
)
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.printing.service import printer_text
from pos_app.ui.settings import rows
from pos_app.ui.settings.connection import (
    ConnectionCheck,
    check_connection,
    key_digest,
    key_stands_refused,
)
from pos_app.ui.settings.fields import Field
from pos_app.ui.settings.shop import Loaded, ShopSettings

log = logging.getLogger(__name__)

Spawn = Callable[[Coroutine[Any, Any, Any]], None]

PRINTER_FIELDS: Final = {  # the fields each printer kind needs, shown only for it
    "network": ("printer.host", "printer.port"),
    "usb": ("printer.usb_vendor", "printer.usb_product"),
    "serial": ("printer.serial_device", "printer.baudrate"),
    "win32": ("printer.win32_name",),
    "file": ("printer.file_path",),
    "none": (),
}
LOGO_PREVIEW: Final = 160  # pixels


def _kinds() -> list[tuple[str, str]]:
    return [
        ("none", translate("Settings", "No printer")),
        ("network", translate("Settings", "Network (Ethernet, Wi-Fi)")),
        ("usb", translate("Settings", "USB")),
        ("serial", translate("Settings", "Serial port")),
        ("win32", translate("Settings", "Windows printer")),
        ("file", translate("Settings", "File or device")),
    ]


def _languages() -> list[tuple[str, str]]:
    return [("en", "English"), ("fr", "Français"), ("ar", "العربية")]


class SettingsForm(QObject):
    """The fields of the shop's settings, loaded from and saved to ``shop`` on ``executor``.

    Pages are built on demand (``connection_page`` and so on) so that the set-up can show a
    few of them; only the fields on a built page are saved."""

    loaded = Signal()
    validity_changed = Signal(bool)  # whether every field is accepted

    def __init__(
        self,
        shop: ShopSettings,
        executor: Offloader,
        parent: QWidget,
        *,
        spawn: Spawn | None = None,
    ) -> None:
        super().__init__(parent)
        self.shop = shop
        self.executor = executor
        self._parent = parent
        self._tasks: set[asyncio.Future[Any]] = set()
        self._spawn = spawn or self._own_spawn
        self.fields: dict[str, Field] = {}
        self.data: Loaded | None = None
        self.key_edit: QLineEdit | None = None
        self.key_note: QLabel | None = None
        self.key_reason: QLabel | None = None
        self.key_error: str | None = None
        self.connection_result: QLabel | None = None
        self.test_address: QLabel | None = None  # beside Test connection: what it asks
        self.refusal_seen = False
        """Test connection had a key refused: from then on a key is saved only once Test
        connection passed with that very key (and address)."""
        self._passed: str | None = None  # key_digest of the last pair that passed the test
        self.test_button: QPushButton | None = None
        self.print_result: QLabel | None = None
        self.print_button: QPushButton | None = None
        self.notice = QLabel(parent)  # one line about the whole form (unreadable settings)
        self.notice.setObjectName("formNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self._printer_rows: list[tuple[QFormLayout, str]] = []
        self._logo: QLabel | None = None

    # -- running on the pool ---------------------------------------------------------------

    def _own_spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    # -- building ----------------------------------------------------------------------------

    def _field(
        self,
        key: str,
        editor: QLineEdit | QComboBox | QCheckBox,
        *,
        required: bool = False,
        choices: list[tuple[str, str]] | None = None,
    ) -> Field:
        field = Field(key, editor, self._parent, required=required, choices=choices or [])
        field.changed.connect(self._changed)
        self.fields[key] = field
        return field

    def _row(
        self, form: QFormLayout, label: str, field: Field, extra: QWidget | None = None
    ) -> None:
        box, column = rows.column()
        if extra is None:
            column.addWidget(field.editor)
        else:
            line = QHBoxLayout()
            line.addWidget(field.editor, 1)
            line.addWidget(extra)
            column.addLayout(line)
        column.addWidget(field.reason)
        if label:
            form.addRow(label, box)
        else:  # a check box says what it is: the whole row
            form.addRow(box)

    def _page(self) -> tuple[QWidget, QFormLayout]:
        page = QWidget()
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return page, form

    def connection_page(self, *, with_url: bool = True) -> QWidget:
        """The API key (masked; only the last 4 of the kept one are shown), the API URL and
        Test connection."""
        page, form = self._page()
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("apiKeyEdit")
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.textChanged.connect(self._key_typed)
        self.key_note = QLabel()
        self.key_note.setObjectName("keyNote")
        self.key_note.setWordWrap(True)
        self.key_reason = rows.reason_label()
        form.addRow(
            translate("Settings", "API key"),
            rows.stacked(self.key_edit, self.key_reason, self.key_note),
        )
        if with_url:
            url = self._field("api.url", QLineEdit())
            url.editor.setPlaceholderText(PREFERENCES["api.url"].default or "")  # type: ignore[arg-type,union-attr]
            self._row(form, translate("Settings", "API address"), url)
        self.test_button = QPushButton(translate("Settings", "Test connection"))
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.test_connection)
        self.test_address = QLabel()
        self.test_address.setObjectName("testAddress")
        self.connection_result = QLabel()
        self.connection_result.setObjectName("connectionResult")
        self.connection_result.setWordWrap(True)
        self.connection_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.test_button, rows.stacked(self.test_address, self.connection_result))
        self._show_address()
        return page

    def shop_page(self, *, name_only: bool = False) -> QWidget:
        """The receipt's header: name, address, phone and a logo with its preview."""
        page, form = self._page()
        self._row(form, translate("Settings", "Shop name"), self._field("shop.name", QLineEdit()))
        if name_only:
            return page
        self._row(form, translate("Settings", "Address"), self._field("shop.address", QLineEdit()))
        self._row(form, translate("Settings", "Phone"), self._field("shop.phone", QLineEdit()))
        logo = self._field("shop.logo", QLineEdit())
        browse = QPushButton(translate("Settings", "Choose…"))
        browse.setObjectName("chooseLogo")
        browse.clicked.connect(self._choose_logo)
        self._row(form, translate("Settings", "Logo (image file)"), logo, browse)
        self._logo = QLabel()
        self._logo.setObjectName("logoPreview")
        self._logo.setFixedHeight(LOGO_PREVIEW // 2)
        self._logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.changed.connect(self._show_logo)
        form.addRow("", self._logo)
        return page

    def printer_page(self, *, brief: bool = False) -> QWidget:
        """The receipt printer: its kind, the fields of that kind, and (unless ``brief``)
        paper width, auto-print, claim slip and Test page."""
        page, form = self._page()
        kind = self._field("printer.kind", QComboBox(), choices=_kinds())
        self._row(form, translate("Settings", "Receipt printer"), kind)
        labels = {
            "printer.host": translate("Settings", "Printer address (IP or name)"),
            "printer.port": translate("Settings", "TCP port"),
            "printer.usb_vendor": translate("Settings", "USB vendor id"),
            "printer.usb_product": translate("Settings", "USB product id"),
            "printer.serial_device": translate("Settings", "Serial port (COM3, /dev/ttyUSB0)"),
            "printer.baudrate": translate("Settings", "Speed (baud)"),
            "printer.win32_name": translate("Settings", "Windows printer name"),
            "printer.file_path": translate("Settings", "File or device path"),
        }
        shown = ("printer.host", "printer.port") if brief else tuple(labels)
        for key in shown:
            if key == "printer.baudrate":
                rates = [
                    (rate, rate)
                    for rate in (
                        "1200",
                        "2400",
                        "4800",
                        "9600",
                        "19200",
                        "38400",
                        "57600",
                        "115200",
                    )
                ]
                field = self._field(key, QComboBox(), choices=rates)
            else:
                field = self._field(key, QLineEdit())
            self._row(form, labels[key], field)
            self._printer_rows.append((form, key))
        if brief:
            return page
        paper = [(mm, translate("Settings", "{mm} mm").format(mm=mm)) for mm in PAPER_WIDTHS_MM]
        self._row(
            form,
            translate("Settings", "Paper width"),
            self._field("printer.paper_mm", QComboBox(), choices=paper),
        )
        auto = self._field(
            "receipt.auto_print",
            QCheckBox(translate("Settings", "Print the receipt when a sale is fulfilled")),
        )
        self._row(form, "", auto)
        claim = self._field(
            "receipt.auto_claim",
            QCheckBox(translate("Settings", "Print a claim slip when a sale is queued")),
        )
        self._row(form, "", claim)
        self.print_button = QPushButton(translate("Settings", "Test page"))
        self.print_button.setObjectName("testPage")
        self.print_button.clicked.connect(self.print_test_page)
        self.print_result = QLabel()
        self.print_result.setObjectName("printResult")
        self.print_result.setWordWrap(True)
        form.addRow(self.print_button, self.print_result)
        return page

    def counter_page(self) -> QWidget:
        """The low-balance warning, the window's language and the counter's id."""
        page, form = self._page()
        self._row(
            form,
            translate("Settings", "Warn when the balance is under (DA)"),
            self._field("low_balance", QLineEdit()),
        )
        languages = [("", translate("Settings", "The computer's language")), *_languages()]
        self._row(
            form,
            translate("Settings", "Language"),
            self._field("language", QComboBox(), choices=languages),
        )
        self._row(
            form,
            translate("Settings", "Counter id (in sale refs)"),
            self._field("counter_id", QLineEdit(), required=True),
        )
        return page

    def limits_page(self, limits: EngineSettings | None = None) -> QWidget:
        """The offline caps, read-only: fixed in this version."""
        limits = limits or EngineSettings()
        page, form = self._page()
        note = QLabel(
            translate(
                "Settings",
                "Fixed in this version: sales wait offline up to these limits, then new sales are "
                "refused.",
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        rows = (
            (translate("Settings", "Sales waiting, at most"), ltr(str(limits.cap_waiting_count))),
            (
                translate("Settings", "Money waiting, at most"),
                ltr(format_dzd(Decimal(limits.cap_waiting_dinars))),
            ),
            (
                translate("Settings", "Oldest waiting sale, at most"),
                translate("Settings", "{h} h").format(h=ltr(f"{limits.cap_waiting_age / 3600:g}")),
            ),
        )
        for label, value in rows:
            shown = QLineEdit(value)
            shown.setReadOnly(True)
            shown.setObjectName("fixedLimit")
            form.addRow(label, shown)
        return page

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        """Read the stored values on the pool, then show them (``loaded`` once shown)."""
        self._spawn(self._load())

    async def _load(self) -> None:
        data = await self.executor.run(self.shop.load)
        self.show_loaded(data)

    def show_loaded(self, data: Loaded) -> None:
        self.data = data
        unusable = []
        for key, field in self.fields.items():
            shown = data.shown[key]
            field.set_text(shown.value)
            field.dirty = shown.unusable
            if shown.unusable:
                unusable.append(key)
                field.reason.setText(
                    translate(
                        "Settings",
                        "The stored value could not be used: the default is shown. Save to replace "
                        "it.",
                    )
                )
                field.reason.show()
            env = data.overridden.get(key)
            if env:
                field.editor.setToolTip(
                    translate("Settings", "{env} overrides this on this computer.").format(env=env)
                )
        if data.problem and not unusable:
            self.notice.setText(
                translate("Settings", "Some settings could not be read: the defaults are shown.")
            )
            self.notice.show()
        self._show_key_state()
        self._show_printer_rows()
        self._show_logo()
        self._changed()
        self.loaded.emit()

    def _show_key_state(self) -> None:
        data = self.data
        if self.key_edit is None or self.key_note is None or data is None:
            return
        if data.key_source == FROM_ENV:
            self.key_note.setText(
                translate(
                    "Settings",
                    "ONECLICK_API_KEY is set on this computer and overrides the key kept here.",
                )
            )
        elif data.key:
            self.key_note.setText(
                translate(
                    "Settings", "Kept in the system keyring: {tail}. Type a new key to replace it."
                ).format(tail=ltr(key_tail(data.key)))
            )
        else:
            self.key_note.setText(translate("Settings", "No key is kept yet."))
        if not data.secure_keyring:
            self.key_edit.setEnabled(False)
            self.key_note.setText(
                translate(
                    "Settings",
                    "This computer has no secure keyring: the key cannot be kept here. Set "
                    "ONECLICK_API_KEY in pos-app's environment instead.",
                )
            )
        self.key_edit.setPlaceholderText(
            ltr(key_tail(data.key))
            if data.key
            else translate("Settings", "Paste the key from your OneClickDZ account")
        )

    # -- checking ------------------------------------------------------------------------------

    def _key_typed(self) -> None:
        assert self.key_edit is not None and self.key_reason is not None
        self.key_error = None
        try:
            check_api_key(self.key_edit.text())
        except InvalidKeyFormatError as exc:
            position = str(exc).split("position ")[-1].split(")")[0]
            self.key_error = translate(
                "Settings", "A key holds no such character (position {n}): paste it again."
            ).format(n=position)
        self.key_reason.setText(self.key_error or "")
        self.key_reason.setVisible(self.key_error is not None)
        if self.connection_result is not None:
            self.connection_result.clear()
        self._changed()

    def typed_key(self) -> str | None:
        """The key typed (stripped), or None."""
        if self.key_edit is None or not self.key_edit.isEnabled():
            return None
        return self.key_edit.text().strip() or None

    def _cross_check(self) -> None:
        """The printer's fields together (a network printer needs its host, ...)."""
        printer = [field for key, field in self.fields.items() if key.startswith("printer.")]
        for field in printer:
            if field.forced is not None:
                field.force_error(None)
        if "printer.kind" not in self.fields or any(field.error for field in printer):
            return
        try:
            self.printer_config()
        except ValueError as exc:
            key = str(exc).split(":")[0]
            if key in self.fields:
                self.fields[key].force_error(translate("Settings", "Needed for this printer."))

    def errors(self) -> dict[str, str]:
        """The reason of every field refused now (the key's under ``api_key``)."""
        self._cross_check()
        found = {
            key: field.error
            for key, field in self.fields.items()
            if field.error and field.editor.isEnabled()  # a field of another printer kind
        }
        if self.key_error:
            found["api_key"] = self.key_error
        return found

    def _changed(self) -> None:
        self._show_printer_rows()  # first: a field of another kind is not checked
        self._show_address()
        self.validity_changed.emit(self.data is not None and not self.errors())

    def changes(self) -> dict[str, str | None]:
        """Every field whose value differs from the one shown at load (None: unset)."""
        return {
            key: field.text()
            for key, field in self.fields.items()
            if field.changed_value and field.editor.isEnabled()
        }

    def value(self, key: str) -> str | None:
        """The field's text, else the value loaded (another page's), else None."""
        if key in self.fields:
            return self.fields[key].text()
        return self.data.shown[key].value if self.data is not None else None

    def api_address(self) -> str:
        """The address Test connection asks, the one the app will send to once saved:
        ``ONECLICK_API_URL`` when set, else the address typed (else kept), else the real API.
        ValueError for an address that cannot be used."""
        return self.shop.api_address(self.value("api.url"))

    def printer_config(self) -> PrinterConfig:
        """The printer as typed (ValueError naming the key that is wrong)."""
        return PrinterConfig.from_settings(self.value)

    # -- showing -------------------------------------------------------------------------------

    def _show_printer_rows(self) -> None:
        kind = self.value("printer.kind") or "none"
        wanted = PRINTER_FIELDS.get(kind, ())
        for form, key in self._printer_rows:
            field = self.fields[key]
            box = field.reason.parentWidget()
            assert box is not None  # the row's widget (see _row)
            form.setRowVisible(box, key in wanted)
            field.editor.setEnabled(key in wanted)
        if self.print_button is not None:
            self.print_button.setEnabled(kind != "none")

    def _show_address(self) -> None:
        """The address Test connection asks, beside it (the environment's: said so)."""
        if self.test_address is None:
            return
        try:
            address = self.api_address()
        except ValueError:  # the field's reason says why
            self.test_address.clear()
            return
        env = self.shop.address_override()
        self.test_address.setText(ltr(address) + (f" ({env})" if env else ""))
        self.test_address.setToolTip(
            translate("Settings", "{env} overrides this on this computer.").format(env=env)
            if env
            else ""
        )

    def _show_logo(self) -> None:
        if self._logo is None:
            return
        path = self.value("shop.logo")
        picture = QPixmap(path) if path and Path(path).is_file() else QPixmap()
        if picture.isNull():
            self._logo.clear()
            return
        self._logo.setPixmap(
            picture.scaled(
                LOGO_PREVIEW,
                LOGO_PREVIEW // 2,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self._parent,
            translate("Settings", "Choose the logo"),
            "",
            translate("Settings", "Images (*.png *.jpg *.jpeg *.bmp)"),
        )
        if path:
            editor = self.fields["shop.logo"].editor
            assert isinstance(editor, QLineEdit)
            editor.setText(path)

    # -- Test connection -----------------------------------------------------------------------

    def test_connection(self) -> None:
        """Ask ``/validate`` once (then the balance) with the typed key and URL, on the pool."""
        assert self.test_button is not None and self.connection_result is not None
        key = self.typed_key() or (self.data.key if self.data is not None else None)
        if self.key_error:
            self.connection_result.setText(self.key_error)
            return
        if not key:
            self.connection_result.setText(translate("Settings", "Type the API key first."))
            return
        url_field = self.fields.get("api.url")
        if url_field is not None and url_field.error and not self.shop.address_override():
            self.connection_result.setText(url_field.error)
            return
        try:
            url = self.api_address()
        except ValueError as exc:
            self.connection_result.setText(connection_error(exc))
            return
        self.test_button.setEnabled(False)  # one test at a time
        self.connection_result.setText(translate("Settings", "Asking OneClickDZ…"))
        self._spawn(self._test(url, key))

    async def _test(self, url: str, key: str) -> None:
        assert self.test_button is not None and self.connection_result is not None
        try:
            result: ConnectionCheck = await self.executor.run(check_connection, url, key)
        except Exception as exc:  # noqa: BLE001 - every failure is one line, never a crash
            if isinstance(exc, api_errors.AuthError) and not isinstance(
                exc, api_errors.MissingAccessTokenError
            ):
                self.refusal_seen = True
                self._passed = None
            text = connection_error(exc)
        else:
            self._passed = key_digest(url, key)
            text = connection_text(result)
        finally:
            self.test_button.setEnabled(True)
        self.connection_result.setText(text)

    def key_problem(self) -> str | None:
        """Why the key typed cannot be saved (translated), else None. A key OneClickDZ
        refused in this process is never saved (it would be sent again at every start: five
        wrong keys block the shop's address for 15 minutes); after a refusal, a key is saved
        only once Test connection passed with it."""
        key = self.typed_key()
        if key is None or self.key_error:
            return None
        try:
            url = self.api_address()
        except ValueError:  # the address's own check says why
            return None
        if key_stands_refused(url, key):
            return translate(
                "Settings",
                "OneClickDZ refused this key: it is not saved. Copy it again from your "
                "OneClickDZ account and press Test connection, or use training mode meanwhile.",
            )
        if self.refusal_seen and self._passed != key_digest(url, key):
            return translate(
                "Settings",
                "A key was refused: press Test connection with this key before saving it, or "
                "use training mode meanwhile.",
            )
        return None

    # -- Test page -----------------------------------------------------------------------------

    def print_test_page(self) -> None:
        """Print a short test page on the printer as typed, on the pool."""
        assert self.print_button is not None and self.print_result is not None
        try:
            config = self.printer_config()
        except ValueError:
            self._cross_check()
            self.print_result.setText(translate("Settings", "Complete the printer's fields first."))
            return
        self.print_button.setEnabled(False)
        self.print_result.setText(translate("Settings", "Printing a test page…"))
        self._spawn(self._print(config))

    async def _print(self, config: PrinterConfig) -> None:
        assert self.print_button is not None and self.print_result is not None
        try:
            data = test_stream(config.width_dots, mode=config.mode)
            await self.executor.run(send, config, data)
        except PrinterError as exc:
            text = exc.translated(printer_text)
        except Exception as exc:  # noqa: BLE001 - one line, never a crash
            log.error("test page not printed: %s", type(exc).__name__)
            text = translate(
                "Settings", "The test page was not printed: unexpected error (see the log)."
            )
        else:
            text = translate("Settings", "Test page sent to {printer}.").format(
                printer=ltr(config.name)
            )
        finally:
            self.print_button.setEnabled(True)
        self.print_result.setText(text)

    # -- saving --------------------------------------------------------------------------------

    async def save(self) -> str | None:
        """Save every change (and a typed key) on the pool; None when saved, else why not
        (translated; nothing was changed then)."""
        if self.data is None:
            return translate("Settings", "The settings are still being read.")
        if self.errors():
            return translate("Settings", "Some values are not accepted: see the reasons in red.")
        refused = self.key_problem()
        if refused is not None:
            return refused
        try:
            await self.executor.run(self.shop.save, self.changes(), self.typed_key())
        except PreferenceError:
            return translate("Settings", "Some values are not accepted: see the reasons in red.")
        except SettingsNotSavedError as exc:
            log.warning("settings not saved: %s", exc.reason)
            return translate(
                "Settings",
                "Nothing was saved: the shop's database could not be written ({reason}). Every "
                "setting keeps its old value.",
            ).format(reason=exc.reason)
        except InsecureKeyringError:
            return translate(
                "Settings",
                "Nothing was saved: this computer has no secure keyring for the key. Set "
                "ONECLICK_API_KEY instead.",
            )
        except KeyStorageError:
            return translate(
                "Settings", "Nothing was saved: the system keyring refused to keep the key."
            )
        except Exception as exc:  # noqa: BLE001 - a disk or database failure: said, never a crash
            log.error("settings not saved: %s", type(exc).__name__)
            return translate(
                "Settings",
                "Nothing was saved: the shop's database could not be written ({reason}). Every "
                "setting keeps its old value.",
            ).format(reason=type(exc).__name__)
        return None


def connection_text(result: ConnectionCheck) -> str:
    """One line: the key's type, scope, account and balance."""
    kind = (
        translate("Settings", "SANDBOX key (tests, no real money)")
        if result.is_sandbox
        else translate("Settings", "PRODUCTION key (real sales)")
    )
    text = translate(
        "Settings", "Connected. {kind}, scope {scope}, account {account}, balance {balance}."
    ).format(
        kind=kind,
        scope=ltr(result.scope or "?"),
        account=ltr(result.username),
        balance=ltr(format_dzd(result.balance)),
    )
    if not result.enabled:
        text += " " + translate("Settings", "This key is DISABLED at OneClickDZ.")
    return text


def connection_error(error: BaseException) -> str:
    """One translated line for a failed Test connection."""
    if isinstance(error, api_errors.IpBlockedError):
        return translate(
            "Settings",
            "This shop's address is blocked for 15 minutes after wrong keys. Wait, then check the "
            "key.",
        )
    if isinstance(error, api_errors.MissingAccessTokenError):
        return translate("Settings", "Type the API key first.")
    if isinstance(error, api_errors.AuthError):
        return translate(
            "Settings",
            "The key was refused. Check it (copy it again from your OneClickDZ account); it is not "
            "tried again by itself: five wrong keys block this shop's address for 15 minutes.",
        )
    if isinstance(error, InvalidKeyFormatError):
        return translate("Settings", "A key holds no such character: paste it again.")
    if isinstance(error, api_errors.NotSentError):
        return translate(
            "Settings",
            "OneClickDZ cannot be reached: check the internet connection and the API address.",
        )
    if isinstance(error, api_errors.NetworkError):
        return translate("Settings", "OneClickDZ did not answer in time. Try again in a moment.")
    if isinstance(error, api_errors.RateLimitedError):
        return translate(
            "Settings",
            "Too many requests: OneClickDZ asks to wait a little. Try again in a minute.",
        )
    if isinstance(error, api_errors.ServerError):
        return translate("Settings", "OneClickDZ has a server problem. Try again later.")
    if isinstance(error, api_errors.MalformedResponseError):
        return translate("Settings", "The answer could not be read: is the API address right?")
    if isinstance(error, ValueError):  # the URL, refused before anything was sent
        return translate("Settings", "The API address cannot be used: see the reason beside it.")
    if isinstance(error, api_errors.ApiError):
        return translate("Settings", "OneClickDZ refused the test ({code}).").format(
            code=error.server_code or "?"
        )
    log.error("test connection failed: %s", type(error).__name__)
    return translate("Settings", "The test failed: unexpected error (see the log).")

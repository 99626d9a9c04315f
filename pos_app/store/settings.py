"""The shop's settings, kept in the store's settings table: the raw table (``get_setting``,
``set_setting``), the settings a manager may change (:data:`PREFERENCES`), and where the
shop's database is (:func:`database_url`).

Each preference has a checked text form (what ``pos-app config KEY VALUE`` takes), a default,
and, for some, an environment variable that overrides the stored value on one machine.
:func:`read_preference` is the one reading of them (environment, then stored value, then
default): the window, the sender and ``pos-app config`` all go through it, so they cannot
disagree. A set value that fails its check is passed over (the next source shows) for a
setting that only changes what the window looks like (``language``, ``low_balance``), and
refused for one that names the sales (``counter_id``): the app does not start, and
``pos-app config`` shows it as invalid and exits with status 2.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from pos_app.domain.money import parse_dinars
from pos_app.domain.refs import COUNTER_ID_MAX_LENGTH, is_valid_counter_id, sanitise_counter_id
from pos_app.domain.urls import ONECLICK_BASE_URL, check_base_url
from pos_app.store.errors import StoreError
from pos_app.store.paths import default_url

if TYPE_CHECKING:  # the table's mixin (peewee): not imported to read a preference
    from pos_app.store.settings_table import Settings as Settings  # noqa: PLC0414 (re-export)

log = logging.getLogger(__name__)


def setting_text(key: str, raw: object) -> str | None:
    """A stored setting's value as text: bytes (``CAST(value AS BLOB)``) decoded as UTF-8.
    None when they are not UTF-8 (another tool wrote them): the setting reads as not set, and
    a notice naming the key, never the value, is logged."""
    if raw is None or isinstance(raw, str):
        return raw
    if not isinstance(raw, (bytes, bytearray, memoryview)):
        return str(raw)
    try:
        return bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        log.warning(
            "the stored setting %s is not UTF-8 text (written by another tool?): it reads as "
            "not set, its default applies; set it again with pos-app config or the settings",
            key,
        )
        return None


class SettingsNotSavedError(StoreError):
    """The settings could not be written; every one keeps its old value."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"the settings could not be written ({reason}); nothing was changed")
        self.reason = reason


LANGUAGES: Final = ("en", "fr", "ar")
DEFAULT_LOW_BALANCE: Final = 2000
DB_URL_ENV: Final = "POS_DB_URL"
COUNTER_ID_ENV: Final = "POS_COUNTER_ID"
API_URL_ENV: Final = "ONECLICK_API_URL"  # api.client.ENV_URL (the store sits beside the API)
STORED: Final = "stored"  # Reading.source of a value from the settings table
DEFAULT: Final = "default"  # Reading.source of the default


def database_url(env: Mapping[str, str] = os.environ) -> str:
    """Where the shop's database is: ``POS_DB_URL``, else the default file in the data
    folder. The one reading for the window, the sender and every command."""
    return env.get(DB_URL_ENV) or default_url(env)


class PreferenceError(ValueError):
    """An unknown setting or a value it does not accept (the message says which)."""


class InvalidSettingError(PreferenceError):
    """A set value of a setting that refuses invalid values (the counter id) fails its check:
    the app refuses to start rather than use another value. ``source`` is the environment
    variable or :data:`STORED`, ``text`` the value as set."""

    def __init__(self, key: str, source: str, text: str, reason: str) -> None:
        where = source if source != STORED else f"the stored {key} (pos-app config {key})"
        super().__init__(f"{where}: {reason}")
        self.key = key
        self.source = source
        self.text = text


def language_code(text: str | None) -> str | None:
    """``fr``, ``ar`` or ``en`` for a language name or a locale name (``ar_DZ``, ``fr-FR``);
    None for anything else. The one reading of ``--lang``, ``POS_LANG``, the setting and
    the system locale."""
    code = (text or "").strip().replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def _language(text: str) -> str:
    code = language_code(text)
    if code is None:
        raise PreferenceError(f"language: one of {', '.join(LANGUAGES)}, not {text!r}")
    return code


def _dinars(text: str) -> str:
    try:
        return str(parse_dinars(text.strip()))
    except ValueError as exc:
        raise PreferenceError(f"low_balance: whole dinars, 0 or more, not {text!r}") from exc


def _api_url(text: str) -> str:
    try:
        return check_base_url(text.strip())
    except ValueError as exc:  # InsecureUrlError, BadUrlError: kept as the cause
        raise PreferenceError(f"api.url: {exc}") from exc


def _counter(text: str) -> str:
    """Taken as typed, or refused: silently turning "caisse-2" into "caisse2", or "!!!"
    into the default "POS", could give two counters the same id."""
    counter = text.strip()
    if not is_valid_counter_id(counter):
        raise PreferenceError(
            f"counter_id: 1 to {COUNTER_ID_MAX_LENGTH} ASCII letters and digits "
            f"(e.g. {sanitise_counter_id(counter)!r}), not {text!r}"
        )
    return counter


def host_counter_id() -> str:
    """The default counter id: made from this machine's host name (8 characters at most),
    "POS" when nothing of it is usable."""
    import socket  # here: the window paints before anything needs it

    return sanitise_counter_id(socket.gethostname())[:8] or "POS"


@dataclass(frozen=True, slots=True)
class Preference:
    """A setting a manager may change, and how it is read."""

    key: str
    meaning: str
    check: Callable[[str], str]  # the stored form of a text, or PreferenceError
    default: str | Callable[[], str] | None  # a value, or how to make one
    env: str | None = None  # the environment variable that overrides the stored value
    refuse_invalid: bool = False  # a set value that fails the check: refused (else passed over)


# -- the receipt, shop and printer settings (read by pos_app.receipts.settings) -------------
# The store sits below the receipts package, so the printer's choices are spelt out here;
# tests/receipts/test_job.py checks them against receipts.printers.PrinterConfig.

PRINTER_KINDS: Final = ("none", "network", "usb", "serial", "win32", "file")
PAPER_WIDTHS_MM: Final = ("58", "80")
RECEIPT_OUTPUTS: Final = ("escpos", "system", "pdf", "none")
BAUDRATES: Final = ("1200", "2400", "4800", "9600", "19200", "38400", "57600", "115200")
SHOP_TEXT_MAX: Final = 120
_TRUE: Final = ("true", "yes", "on", "1")
_FALSE: Final = ("false", "no", "off", "0")


def _line(key: str, limit: int = SHOP_TEXT_MAX) -> Callable[[str], str]:
    """One line of text, at most ``limit`` characters, spaces around dropped."""

    def check(text: str) -> str:
        line = text.strip()
        if not line or len(line) > limit or any(ch in line for ch in "\r\n\t"):
            raise PreferenceError(f"{key}: one line of 1 to {limit} characters, not {text!r}")
        return line

    return check


def _choice(key: str, choices: tuple[str, ...]) -> Callable[[str], str]:
    def check(text: str) -> str:
        value = text.strip().lower()
        if value not in choices:
            raise PreferenceError(f"{key}: one of {', '.join(choices)}, not {text!r}")
        return value

    return check


def _flag(key: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        value = text.strip().lower()
        if value not in _TRUE + _FALSE:
            raise PreferenceError(f"{key}: true or false, not {text!r}")
        return "true" if value in _TRUE else "false"

    return check


def _whole(key: str, low: int, high: int) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            value = int(text.strip())
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise PreferenceError(f"{key}: a whole number from {low} to {high}, not {text!r}")
        return str(value)

    return check


def _seconds(key: str, most: float = 300.0) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            value = float(text.strip())
        except ValueError:
            value = -1.0
        if not 0 < value <= most:  # NaN fails too
            raise PreferenceError(f"{key}: seconds, more than 0 and at most {most:g}, not {text!r}")
        return f"{value:g}"

    return check


def _usb_id(key: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            value = int(text.strip(), 16)
        except ValueError:
            value = -1
        if not 0 < value <= 0xFFFF:
            raise PreferenceError(f"{key}: a USB id in hex such as 0x0416, not {text!r}")
        return f"0x{value:04x}"

    return check


def _image_file(key: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        path = Path(text.strip()).expanduser()
        if not text.strip() or not path.is_file():
            raise PreferenceError(f"{key}: the path of an image file, not {text!r}")
        return str(path)

    return check


def _folder(key: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        if not text.strip():
            raise PreferenceError(f"{key}: a folder path, not {text!r}")
        return str(Path(text.strip()).expanduser())

    return check


def _receipt_preferences() -> tuple[Preference, ...]:
    """The shop header, the receipt and the printer (pos_app.receipts.settings reads them)."""

    def p(key: str, meaning: str, check: Callable[[str], str], default: str | None) -> Preference:
        return Preference(key, meaning, check, default)

    return (
        p("shop.name", "shop name at the top of receipts", _line("shop.name"), None),
        p("shop.address", "shop address on receipts", _line("shop.address"), None),
        p("shop.phone", "shop phone number on receipts", _line("shop.phone", 60), None),
        p("shop.logo", "a logo image printed above the shop name", _image_file("shop.logo"), None),
        p(
            "receipt.language",
            "receipt language: en, fr or ar (default: the window's language)",
            _choice("receipt.language", LANGUAGES),
            None,
        ),
        p(
            "receipt.width",
            "receipt width in mm, 58 or 80, for PDF and system printing (default: "
            "printer.paper_mm; an ESC/POS printer always gets its own paper width)",
            _choice("receipt.width", PAPER_WIDTHS_MM),
            None,
        ),
        p(
            "receipt.mask_number",
            "true: the customer's number shows only its last 4 digits",
            _flag("receipt.mask_number"),
            "false",
        ),
        p(
            "receipt.auto_print",
            "true: print the receipt when a sale is fulfilled (F9 reprints)",
            _flag("receipt.auto_print"),
            "true",
        ),
        p(
            "receipt.auto_claim",
            "true: print a claim slip when a sale is queued by OneClickDZ",
            _flag("receipt.auto_claim"),
            "true",
        ),
        p(
            "receipt.output",
            "where receipts go: escpos (the printer.* printer), system (a system printer), "
            "pdf (a file in receipt.pdf_folder) or none",
            _choice("receipt.output", RECEIPT_OUTPUTS),
            "escpos",
        ),
        p(
            "receipt.pdf_folder",
            "folder for receipt.output pdf (default: receipts/ in the data folder)",
            _folder("receipt.pdf_folder"),
            None,
        ),
        p(
            "receipt.system_printer",
            "system printer name for receipt.output system (default: the system's default)",
            _line("receipt.system_printer"),
            None,
        ),
        p(
            "printer.kind",
            "receipt printer connection: none, network, usb, serial, win32 or file",
            _choice("printer.kind", PRINTER_KINDS),
            "none",
        ),
        p("printer.host", "network printer: host name or address", _line("printer.host"), None),
        p("printer.port", "network printer: TCP port", _whole("printer.port", 1, 65535), "9100"),
        p(
            "printer.usb_vendor",
            "USB printer: vendor id in hex",
            _usb_id("printer.usb_vendor"),
            None,
        ),
        p(
            "printer.usb_product",
            "USB printer: product id in hex",
            _usb_id("printer.usb_product"),
            None,
        ),
        p(
            "printer.serial_device",
            "serial printer: port name (COM3, /dev/ttyUSB0)",
            _line("printer.serial_device"),
            None,
        ),
        p(
            "printer.baudrate",
            "serial printer: baud rate",
            _choice("printer.baudrate", BAUDRATES),
            "9600",
        ),
        p(
            "printer.win32_name",
            "win32 printer: Windows printer queue name (default: the default printer)",
            _line("printer.win32_name"),
            None,
        ),
        p(
            "printer.file_path",
            "file printer: file or device path",
            _line("printer.file_path"),
            None,
        ),
        p(
            "printer.paper_mm",
            "receipt printer paper width in mm: 58 or 80",
            _choice("printer.paper_mm", PAPER_WIDTHS_MM),
            "80",
        ),
        p(
            "printer.mode",
            "raster, or column for printers without GS v 0",
            _choice("printer.mode", ("raster", "column")),
            "raster",
        ),
        p(
            "printer.open_drawer",
            "true: open the cash drawer after each receipt",
            _flag("printer.open_drawer"),
            "false",
        ),
        p(
            "printer.timeout",
            "seconds a receipt may take to reach the printer",
            _seconds("printer.timeout"),
            "10",
        ),
    )


PREFERENCES: Final[Mapping[str, Preference]] = {
    p.key: p
    for p in (
        Preference(
            "language",
            "window language: en, fr or ar (default: the system's)",
            _language,
            None,
            "POS_LANG",
        ),
        Preference(
            "low_balance",
            "warn when the balance falls under this many dinars",
            _dinars,
            str(DEFAULT_LOW_BALANCE),
        ),
        Preference(
            "counter_id",
            "this counter's id in sale refs (default: from the host name, kept at the first start)",
            _counter,
            host_counter_id,
            COUNTER_ID_ENV,
            refuse_invalid=True,
        ),
        Preference(
            "api.url",
            "the OneClickDZ API base URL (https; plain http only to the local simulator)",
            _api_url,
            ONECLICK_BASE_URL,
            API_URL_ENV,
            refuse_invalid=True,  # never sell through another address than the one set
        ),
        *_receipt_preferences(),
    )
}


def _known(key: str) -> Preference:
    try:
        return PREFERENCES[key]
    except KeyError:
        raise PreferenceError(f"unknown setting {key!r}; one of {', '.join(PREFERENCES)}") from None


def check_preference(key: str, text: str) -> str:
    """The stored form of ``text`` for ``key``, or PreferenceError (the message says why)."""
    return _known(key).check(text)


def set_preference(store: Settings, key: str, text: str) -> str:
    """Check and store ``text`` for ``key``; returns the stored form."""
    value = check_preference(key, text)
    store.set_setting(key, value)
    return value


class SettingsReader(Protocol):
    """What reads one stored setting (an open store)."""

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...


Stored = SettingsReader | Mapping[str, str] | None  # an open store, settings read, or none


@dataclass(frozen=True, slots=True)
class Reading:
    """A preference as the app reads it: its value (None: not set, no default), where the
    value came from (the environment variable, :data:`STORED` or :data:`DEFAULT`) and the
    sources whose set value failed the check and was passed over."""

    key: str
    value: str | None
    source: str
    passed_over: tuple[str, ...] = ()


def read_preference(stored: Stored, key: str, env: Mapping[str, str] = os.environ) -> Reading:
    """The one reading of preference ``key``: the environment's value, else the stored one,
    else the default. A set value that fails the check is passed over, or, for a preference
    that refuses invalid values, raises InvalidSettingError (PreferenceError for an unknown
    key)."""
    pref = _known(key)
    passed_over: list[str] = []
    candidates: list[tuple[str, str | None]] = []
    if pref.env:
        candidates.append((pref.env, env.get(pref.env)))
    if stored is not None:
        text = stored.get(key) if isinstance(stored, Mapping) else stored.get_setting(key)
        candidates.append((STORED, text))
    for source, text in candidates:
        if not text:
            continue
        try:
            return Reading(key, pref.check(text), source, tuple(passed_over))
        except PreferenceError as exc:
            if pref.refuse_invalid:
                raise InvalidSettingError(key, source, text, str(exc)) from None
            passed_over.append(source)
    default = pref.default() if callable(pref.default) else pref.default
    return Reading(key, default, DEFAULT, tuple(passed_over))


def get_preference(stored: Stored, key: str, env: Mapping[str, str] = os.environ) -> str | None:
    """The value of :func:`read_preference`."""
    return read_preference(stored, key, env).value


def low_balance(stored: Stored, env: Mapping[str, str] = os.environ) -> int:
    """The low-balance warning threshold, in dinars."""
    return int(get_preference(stored, "low_balance", env) or DEFAULT_LOW_BALANCE)


def api_url(stored: Stored, env: Mapping[str, str] = os.environ) -> str:
    """The API base URL every client of the shop uses: ``ONECLICK_API_URL``, else the stored
    ``api.url``, else the real API. Raises InvalidSettingError for a set URL that fails its
    check (the app does not send to another address than the one set)."""
    return get_preference(stored, "api.url", env) or ONECLICK_BASE_URL


def save_preferences(store: Settings, changes: Mapping[str, str | None]) -> dict[str, str | None]:
    """Check every value of ``changes`` (None: unset the key, back to its default), then
    store them all in one transaction; returns the stored forms. A PreferenceError (for the
    first bad value) or SettingsNotSavedError leaves every setting as it was."""
    checked: dict[str, str | None] = {}
    for key, text in changes.items():
        _known(key)  # an unknown key is refused even when it is to be unset
        checked[key] = None if text is None else check_preference(key, text)
    store.save_settings(checked)
    return checked


def __getattr__(name: str) -> type:
    """``Settings`` (the table's peewee mixin) still imports from here, loaded at first use."""
    if name == "Settings":
        from pos_app.store import settings_table

        return settings_table.Settings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The shop's receipt printer: where it is (from the settings) and sending bytes to it.

:func:`send` opens the python-escpos backend the settings name (Network on port 9100, Usb,
Serial, Win32Raw, File), writes every byte within the configured timeout and closes it. It
blocks, so it runs on a worker thread, never the GUI thread; every failure is one
:class:`PrinterError` whose message names the printer and what to check. The bytes sent
never appear in a message or a log.

No Qt; python-escpos and the USB/serial libraries are imported only when sending.
"""

from __future__ import annotations

import contextlib
import errno
import math
import os
import select
import socket
import stat
import struct
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, Final, Literal, get_args

from pos_app.domain.translatable import QT_TRANSLATE_NOOP
from pos_app.receipts.escpos import MODES, Mode
from pos_app.receipts.raster import PAPER_WIDTHS

PrinterKind = Literal["network", "usb", "serial", "win32", "file", "none"]
KINDS: Final[tuple[PrinterKind, ...]] = get_args(PrinterKind)

FailureKind = Literal[
    "not_configured",
    "unsupported",
    "refused",
    "unreachable",
    "not_found",
    "permission",
    "driver",
    "no_port",
    "not_writable",
    "closed",
    "timeout",
    "failed",
]
"""Why printing failed: the UI may choose an icon or an action by it."""

MESSAGES: Final[dict[FailureKind, str]] = {
    "not_configured": QT_TRANSLATE_NOOP(
        "printers", "No receipt printer is set up. Choose one in the settings."
    ),
    "unsupported": QT_TRANSLATE_NOOP(
        "printers",
        "The printer {printer} is a Windows printer queue, which only works on Windows. "
        "Choose another connection in the settings.",
    ),
    "refused": QT_TRANSLATE_NOOP(
        "printers",
        "The printer {printer} refused the connection. Check that it is on and that the "
        "address and port are right.",
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "printers",
        "Cannot reach the printer {printer}. Check that it is on, on the network, and that "
        "the address is right.",
    ),
    "not_found": QT_TRANSLATE_NOOP(
        "printers",
        "The printer {printer} is not found. Check its cable and power, and its name or ids "
        "in the settings.",
    ),
    "permission": QT_TRANSLATE_NOOP(
        "printers",
        "This PC does not let the app use the printer {printer}. Check the printer driver "
        "and the user's rights on the port.",
    ),
    "driver": QT_TRANSLATE_NOOP(
        "printers",
        "USB printing needs the libusb driver, which this PC lacks (printer {printer}). "
        "Install it, or use the printer's Windows queue.",
    ),
    "no_port": QT_TRANSLATE_NOOP(
        "printers",
        "The serial port {printer} does not exist on this PC. Check the cable and the port "
        "name in the settings.",
    ),
    "not_writable": QT_TRANSLATE_NOOP(
        "printers",
        "Cannot write the receipt to {printer}. Check that the folder exists and may be "
        "written to.",
    ),
    "closed": QT_TRANSLATE_NOOP(
        "printers",
        "The printer {printer} broke off while printing (switched off or unplugged?). "
        "Check it, then reprint.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "printers",
        "The printer {printer} stopped taking the receipt (out of paper, cover open or "
        "busy?). Check it, then reprint.",
    ),
    "failed": QT_TRANSLATE_NOOP(
        "printers",
        "The printer {printer} could not print ({reason}). Check it, then reprint.",
    ),
}

Translate = Callable[[str], str]


class PrinterError(Exception):
    """Printing failed: ``kind`` says why, ``message`` says so in one English sentence
    (``translated`` gives it in the window's language)."""

    def __init__(self, kind: FailureKind, printer: str, reason: str = "") -> None:
        self.kind: Final = kind
        self.printer: Final = printer
        self.reason: Final = reason
        super().__init__(self.translated())

    @property
    def message(self) -> str:
        """The English sentence."""
        return str(self)

    def translated(self, translate: Translate = lambda text: text) -> str:
        """The sentence in the language ``translate`` gives (context "printers")."""
        return translate(MESSAGES[self.kind]).format(printer=self.printer, reason=self.reason)


# -- the configuration ----------------------------------------------------------------------

SETTINGS_PREFIX: Final = "printer."
DEFAULT_TIMEOUT: Final = 10.0
"""Seconds a whole receipt may take to reach the printer (it prints as it receives)."""
MAX_TIMEOUT: Final = 300.0
BAUDRATES: Final = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)
_TRUE: Final = frozenset({"true", "yes", "on", "1"})
_FALSE: Final = frozenset({"false", "no", "off", "0"})


def _key(field: str) -> str:
    return SETTINGS_PREFIX + field


def _usb_id(field: str, text: str) -> int:
    try:
        value = int(text, 16)
    except ValueError:
        value = -1
    if not 0 < value <= 0xFFFF:
        raise ValueError(f"{_key(field)}: a USB id in hex such as 0x0416, not {text!r}")
    return value


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    """Which receipt printer to use and how: a value checked when made (a bad one is a
    ValueError naming its settings key)."""

    kind: PrinterKind = "none"
    host: str = ""
    port: int = 9100
    usb_vendor: str = ""
    """Hex text such as ``0x0416``."""
    usb_product: str = ""
    serial_device: str = ""
    """``COM3`` on Windows, ``/dev/ttyUSB0`` on Linux."""
    baudrate: int = 9600
    win32_name: str = ""
    """The Windows printer queue's name; empty for the default printer."""
    file_path: str = ""
    paper_mm: int = 80
    mode: Mode = "raster"
    open_drawer: bool = False
    timeout: float = DEFAULT_TIMEOUT

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{_key('kind')}: one of {', '.join(KINDS)}, not {self.kind!r}")
        if self.kind == "network" and not self.host.strip():
            raise ValueError(f"{_key('host')}: a network printer needs a host name or address")
        if not 0 < self.port < 65536:
            raise ValueError(f"{_key('port')}: a TCP port from 1 to 65535, not {self.port}")
        if self.kind == "usb" or self.usb_vendor or self.usb_product:
            _usb_id("usb_vendor", self.usb_vendor)
            _usb_id("usb_product", self.usb_product)
        if self.kind == "serial" and not self.serial_device.strip():
            raise ValueError(f"{_key('serial_device')}: a serial printer needs its port name")
        if self.baudrate not in BAUDRATES:
            rates = ", ".join(map(str, BAUDRATES))
            raise ValueError(f"{_key('baudrate')}: one of {rates}, not {self.baudrate}")
        if self.kind == "file" and not self.file_path.strip():
            raise ValueError(f"{_key('file_path')}: a file printer needs a path")
        if self.paper_mm not in PAPER_WIDTHS:
            raise ValueError(f"{_key('paper_mm')}: 58 or 80, not {self.paper_mm}")
        if self.mode not in MODES:
            raise ValueError(f"{_key('mode')}: raster or column, not {self.mode!r}")
        if not (math.isfinite(self.timeout) and 0 < self.timeout <= MAX_TIMEOUT):
            raise ValueError(
                f"{_key('timeout')}: seconds, more than 0 and at most {MAX_TIMEOUT:g}, "
                f"not {self.timeout}"
            )

    @property
    def width_dots(self) -> int:
        """Dots across the paper (384 or 576)."""
        return PAPER_WIDTHS[self.paper_mm]

    @property
    def name(self) -> str:
        """How messages name the printer: its address, ids, port, queue or file."""
        match self.kind:
            case "network":
                return f"{self.host}:{self.port}"
            case "usb":
                return f"USB {self.usb_vendor}:{self.usb_product}"
            case "serial":
                return self.serial_device
            case "win32":
                return f'"{self.win32_name}"' if self.win32_name else "(Windows default)"
            case "file":
                return self.file_path
        return "(none)"

    @classmethod
    def from_settings(cls, get: Callable[[str], str | None]) -> PrinterConfig:
        """The configuration the settings hold (``get("printer.kind")`` and so on; a key
        without a value keeps its default), or a ValueError naming the bad key."""
        values: dict[str, Any] = {}
        for field in fields(cls):
            text = get(_key(field.name))
            if text is None or not text.strip():
                continue
            text = text.strip()
            if field.type == "int":
                values[field.name] = _parse(field.name, text, int, "a whole number")
            elif field.type == "float":
                values[field.name] = _parse(field.name, text, float, "a number of seconds")
            elif field.type == "bool":
                if text.lower() not in _TRUE | _FALSE:
                    raise ValueError(f"{_key(field.name)}: true or false, not {text!r}")
                values[field.name] = text.lower() in _TRUE
            else:
                values[field.name] = text
        return cls(**values)

    def to_settings(self) -> dict[str, str]:
        """Every field as settings text (``printer.kind`` and so on), which
        :meth:`from_settings` reads back to an equal configuration."""
        out: dict[str, str] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, bool):
                out[_key(field.name)] = "true" if value else "false"
            elif isinstance(value, float):
                out[_key(field.name)] = repr(value)
            else:
                out[_key(field.name)] = str(value)
        return out


def _parse(field: str, text: str, kind: Callable[[str], Any], what: str) -> Any:
    try:
        return kind(text)
    except ValueError:
        raise ValueError(f"{_key(field)}: {what}, not {text!r}") from None


# -- sending --------------------------------------------------------------------------------

CHUNK: Final = 4096
"""Bytes written at a time, so the deadline is checked as the printer takes the data."""
SEND_BUFFER: Final = 16 * 1024
"""Bytes the OS may hold for a network printer: more than its own buffer, far less than a
receipt, and at LAN round trips still far faster than it prints."""
_DRAIN_POLL: Final = 0.02


def send(config: PrinterConfig, data: bytes) -> None:
    """Write ``data`` to the configured printer and close it; blocks for at most
    ``config.timeout`` seconds (plus, on a serial line, the time its baud rate needs for the
    bytes), a ``file`` printer (a device or a FIFO) included. Raises :class:`PrinterError`
    for every failure."""
    if config.kind == "none":
        raise PrinterError("not_configured", config.name)
    deadline = time.monotonic() + config.timeout
    if config.kind == "serial":
        deadline += len(data) * 10 / config.baudrate  # 8 data bits, a start and a stop bit
    if config.kind == "file" and os.name == "posix":
        _send_to_file(config, data, deadline)
        return
    printer = _open(config)
    failed = True
    try:
        for start in range(0, len(data), CHUNK):
            _write(config, printer, data[start : start + CHUNK], deadline)
        _wait_until_taken(config, printer, deadline)
        failed = False
    finally:
        _close(config, printer, failed=failed)


def _send_to_file(config: PrinterConfig, data: bytes, deadline: float) -> None:
    """The ``file`` kind on POSIX: a file, or a device such as ``/dev/usb/lp0`` or a FIFO,
    opened without blocking and written as fast as it takes the bytes, never past
    ``deadline`` (a printer that stops taking them, a FIFO nobody reads: "timeout")."""
    fd = _open_file(config, deadline)
    try:
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        view = memoryview(data)
        while view:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not poller.poll(math.ceil(remaining * 1000)):
                raise PrinterError("timeout", config.name)
            try:
                view = view[os.write(fd, view[:CHUNK]) :]
            except BlockingIOError:
                continue  # taken by another writer meanwhile: wait again
            except OSError as exc:
                raise _write_failure(config, exc) from None
    finally:
        os.close(fd)


def _open_file(config: PrinterConfig, deadline: float) -> int:
    """The ``file`` printer's descriptor, opened for writing without blocking; a FIFO with
    no reader yet (or a device not ready) is tried again until ``deadline``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    while True:
        try:
            fd = os.open(config.file_path, flags, 0o644)
        except OSError as exc:
            if exc.errno not in (errno.ENXIO, errno.EAGAIN, errno.EBUSY):
                raise _open_failure(config, exc) from None
            if time.monotonic() >= deadline:
                raise PrinterError("timeout", config.name) from None
            time.sleep(_DRAIN_POLL)
            continue
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode):
                os.ftruncate(fd, 0)  # a plain file holds this receipt only, as before
        except OSError as exc:
            os.close(fd)
            raise _open_failure(config, exc) from None
        return fd


def _open(config: PrinterConfig) -> Any:
    """The opened python-escpos printer, or PrinterError."""
    from escpos import printer as backends  # type: ignore[import-untyped]
    from escpos.exceptions import DeviceNotFoundError  # type: ignore[import-untyped]

    printer: Any
    match config.kind:
        case "network":
            printer = backends.Network(config.host, config.port, timeout=config.timeout)
        case "usb":
            printer = backends.Usb(
                _usb_id("usb_vendor", config.usb_vendor),
                _usb_id("usb_product", config.usb_product),
                timeout=_milliseconds(config.timeout),
            )
        case "serial":
            printer = backends.Serial(
                config.serial_device, baudrate=config.baudrate, timeout=config.timeout
            )
        case "win32":
            if sys.platform != "win32" or not backends.Win32Raw.is_usable():
                raise PrinterError("unsupported", config.name)
            printer = backends.Win32Raw(config.win32_name)
        case _:
            printer = backends.File(config.file_path)
    try:
        if config.kind == "network":
            # Connected here: python-escpos's open() leaks its socket when the connection
            # fails, and knows no IPv6. The backend then writes and closes as usual.
            printer.device = socket.create_connection(
                (config.host, config.port), timeout=config.timeout
            )
        else:
            printer.open()
    except DeviceNotFoundError as exc:
        raise _open_failure(config, exc.__context__) from None
    except _backend_errors() as exc:  # e.g. pyusb's NoBackendError, raised past escpos
        raise _open_failure(config, exc) from None
    if config.kind == "network":
        # A small send buffer: a printer that stops taking data stops the writes soon,
        # instead of a whole receipt vanishing into a buffer the OS grows to megabytes.
        with contextlib.suppress(OSError):
            printer.device.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER)
    return printer


def _open_failure(config: PrinterConfig, cause: BaseException | None) -> PrinterError:
    """The PrinterError for a backend that would not open, from its underlying exception."""
    code = getattr(cause, "errno", None)
    text = str(cause)  # pyserial on Windows keeps the reason in its text only
    if code in (errno.EACCES, errno.EPERM) or "Access is denied" in text:
        return PrinterError("permission", config.name)
    match config.kind:
        case "network":
            if isinstance(cause, ConnectionRefusedError):
                return PrinterError("refused", config.name)
            return PrinterError("unreachable", config.name)
        case "usb":
            if type(cause).__name__ == "NoBackendError":
                return PrinterError("driver", config.name)
            return PrinterError("not_found", config.name)
        case "serial":
            return PrinterError("no_port", config.name)
        case "file":
            return PrinterError("not_writable", config.name)
    return PrinterError("not_found", config.name)


def _write(config: PrinterConfig, printer: Any, chunk: bytes, deadline: float) -> None:
    """Write one chunk, waiting for the printer no later than ``deadline``."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise PrinterError("timeout", config.name)
    match config.kind:
        case "network":
            printer.device.settimeout(remaining)
        case "usb":
            printer.timeout = _milliseconds(remaining)
        case "serial":
            printer.device.write_timeout = remaining
    try:
        printer._raw(chunk)
    except _backend_errors() as exc:
        raise _write_failure(config, exc) from None


def _backend_errors() -> tuple[type[Exception], ...]:
    """What the backends raise: OSError (sockets, files, pyserial, pyusb), ValueError (pyusb
    without libusb), RuntimeError, and pywin32's own error where python-escpos loaded it."""
    win32_error = getattr(sys.modules.get("pywintypes"), "error", None)
    errors: tuple[type[Exception], ...] = (OSError, ValueError, RuntimeError)
    return (*errors, win32_error) if isinstance(win32_error, type) else errors


def _write_failure(config: PrinterConfig, exc: Exception) -> PrinterError:
    """The PrinterError for a write that failed part way."""
    name = type(exc).__name__
    if isinstance(exc, TimeoutError) or name in ("SerialTimeoutException", "USBTimeoutError"):
        return PrinterError("timeout", config.name)
    if config.kind == "file":
        return PrinterError("not_writable", config.name)
    if isinstance(exc, OSError):  # pyserial's and pyusb's errors are OSErrors too
        return PrinterError("closed", config.name)
    return PrinterError("failed", config.name, name)


def _wait_until_taken(config: PrinterConfig, printer: Any, deadline: float) -> None:
    """Wait until the printer has taken every byte the OS still holds for it, so one that
    stops reading times out even when the end of a receipt fits in the OS's buffers. A
    serial port tells how much is still to go out; a socket does on Linux (what the printer
    has not acknowledged); elsewhere the last write returning is all there is."""
    device = printer.device
    if config.kind == "serial":

        def unsent() -> int:
            return int(device.out_waiting)

    elif config.kind == "network" and sys.platform == "linux":
        import fcntl
        import termios

        def unsent() -> int:
            if device.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                raise ConnectionResetError  # the printer reset the connection
            queued = fcntl.ioctl(device.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")
            return int(struct.unpack("i", queued)[0])

    else:
        return
    try:
        while unsent():
            if time.monotonic() >= deadline:
                raise PrinterError("timeout", config.name)
            time.sleep(_DRAIN_POLL)
    except _backend_errors() as exc:
        raise _write_failure(config, exc) from None


def _close(config: PrinterConfig, printer: Any, *, failed: bool) -> None:
    """Close the backend without waiting on a printer that stopped reading."""
    device = printer._device
    with contextlib.suppress(*_backend_errors()):
        if failed and config.kind == "serial" and device:
            device.reset_output_buffer()  # or close() would wait for them to drain
        if failed and config.kind == "network" and device:
            # Drop what is still queued at once (a reset) instead of lingering on it.
            device.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    try:
        printer.close()
    except _backend_errors() as exc:
        if not failed:
            raise _write_failure(config, exc) from None


def _milliseconds(seconds: float) -> int:
    return max(1, math.ceil(seconds * 1000))

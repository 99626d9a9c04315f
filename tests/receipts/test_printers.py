"""Sending receipts to printers: a loopback network printer (tests/receipts/printer_server.py)
that prints, refuses, breaks off and stalls; the File backend; the other backends' failures
on a machine without them; and the printer settings."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app.receipts.escpos import parse_stream, receipt_stream
from pos_app.receipts.printers import (
    KINDS,
    MESSAGES,
    FailureKind,
    PrinterConfig,
    PrinterError,
    send,
)
from pos_app.receipts.raster import WIDTH_58MM, WIDTH_80MM, Raster
from tests.receipts.test_escpos import random_raster, text_like_raster
from tests.support.printer_server import LoopbackPrinter

HANG_GUARD = 10.0
"""Seconds past its timeout after which a send counts as hung (a guard, not a speed check)."""


def network(printer: LoopbackPrinter, timeout: float = 5.0) -> PrinterConfig:
    return PrinterConfig(kind="network", host=printer.host, port=printer.port, timeout=timeout)


def failure_of(config: PrinterConfig, data: bytes) -> PrinterError:
    """The PrinterError ``send`` raises, from a worker thread that must end in time."""
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            send(config, data)
        except BaseException as exc:  # noqa: BLE001 (whatever it is, the test reports it)
            outcome.append(exc)
        else:
            outcome.append(None)

    worker = threading.Thread(target=work, name="test-send", daemon=True)
    worker.start()
    worker.join(config.timeout + HANG_GUARD)
    assert not worker.is_alive(), "send hung past its timeout"
    error = outcome[0]
    assert isinstance(error, PrinterError), f"expected a PrinterError, got {error!r}"
    return error


def big_stream() -> bytes:
    """A long receipt (about 210 KB), far more than the loopback buffers hold."""
    return receipt_stream(random_raster(WIDTH_80MM, 3000))


# -- the network printer ---------------------------------------------------------------------


@pytest.mark.parametrize("width", [WIDTH_58MM, WIDTH_80MM])
@pytest.mark.parametrize("mode", ["raster", "column"])
def test_the_network_printer_gets_the_picture_that_was_sent(width: int, mode: str) -> None:
    raster = text_like_raster(width, 600)
    data = receipt_stream(raster, mode=mode, open_drawer=True)  # type: ignore[arg-type]
    with LoopbackPrinter("ok") as printer:
        send(network(printer), data)
        job = printer.wait_for_job()
    assert job == data
    parsed = parse_stream(job)
    assert parsed.raster is not None
    assert parsed.raster.band(0, raster.height) == raster
    assert parsed.commands[-3:] == ("feed", "cut", "drawer")


def test_two_receipts_are_two_jobs() -> None:
    first = receipt_stream(text_like_raster(WIDTH_58MM, 100))
    second = receipt_stream(random_raster(WIDTH_58MM, 50))
    with LoopbackPrinter("ok") as printer:
        send(network(printer), first)
        send(network(printer), second)
        assert printer.wait_for_job() == first
        assert printer.wait_for_job() == second
        assert printer.connections == 2


def test_a_printer_that_is_off_refuses_the_connection() -> None:
    with LoopbackPrinter("refuse") as printer:
        error = failure_of(network(printer, timeout=1.0), big_stream())
    assert error.kind == "refused"
    assert f"127.0.0.1:{printer.port}" in error.message


def test_a_printer_that_breaks_off_mid_receipt_is_reported() -> None:
    with LoopbackPrinter("close_mid_stream", close_after=1000) as printer:
        error = failure_of(network(printer, timeout=2.0), big_stream())
        assert printer.connections == 1
    assert error.kind == "closed"
    assert "reprint" in error.message


def test_a_printer_that_stops_reading_times_out() -> None:
    with LoopbackPrinter("slow") as printer:
        error = failure_of(network(printer, timeout=0.5), big_stream())
    assert error.kind == "timeout"
    assert f"127.0.0.1:{printer.port}" in error.message


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux tells what the peer took")
def test_a_printer_that_stops_reading_times_out_even_for_a_receipt_the_buffers_hold() -> None:
    """A few kilobytes fit in the kernel's buffers at once; the sender still waits for the
    printer to take them and gives up at the timeout."""
    small = receipt_stream(random_raster(WIDTH_58MM, 400))
    assert len(small) > 16_000
    with LoopbackPrinter("slow") as printer:
        error = failure_of(network(printer, timeout=0.5), small)
    assert error.kind == "timeout"


def test_an_unknown_host_is_unreachable() -> None:
    config = PrinterConfig(kind="network", host="printer.invalid", timeout=0.5)
    error = failure_of(config, b"\x1b@")
    assert error.kind == "unreachable"
    assert "printer.invalid:9100" in error.message


def test_the_loopback_printer_leaves_no_thread_or_socket_behind() -> None:
    before = set(threading.enumerate())
    for mode in ("ok", "slow", "close_mid_stream", "refuse"):
        with LoopbackPrinter(mode) as printer:
            if mode != "refuse":
                assert printer.alive
        assert not printer.alive
        assert printer._listener is None
    assert set(threading.enumerate()) == before


def test_no_message_carries_the_receipt() -> None:
    data = receipt_stream(Raster(WIDTH_58MM, 3000, b"\x55" * (WIDTH_58MM // 8 * 3000)))
    with LoopbackPrinter("close_mid_stream") as printer:
        error = failure_of(network(printer), data)
    text = error.message + repr(error) + repr(error.args)
    assert "UUUU" not in text and "\\x1d" not in text


# -- the other backends ----------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["raster", "column"])
def test_the_file_printer_writes_the_stream(tmp_path: Path, mode: str) -> None:
    data = receipt_stream(text_like_raster(WIDTH_80MM, 200), mode=mode)  # type: ignore[arg-type]
    path = tmp_path / "receipt.bin"
    send(PrinterConfig(kind="file", file_path=str(path)), data)
    assert path.read_bytes() == data


def test_a_file_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "receipt.bin"
    error = failure_of(PrinterConfig(kind="file", file_path=str(path)), b"\x1b@")
    assert error.kind == "not_writable"
    assert str(path) in error.message


def test_a_file_printer_is_a_file_of_this_receipt_only(tmp_path: Path) -> None:
    path = tmp_path / "receipt.bin"
    path.write_bytes(b"an older, longer receipt" * 100)
    send(PrinterConfig(kind="file", file_path=str(path)), b"\x1b@new")
    assert path.read_bytes() == b"\x1b@new"


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX FIFOs")


@needs_fifo
def test_a_fifo_nobody_reads_times_out(tmp_path: Path) -> None:
    """A device that never takes the receipt (a FIFO without a reader) keeps the send no
    longer than the printer's timeout."""
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    error = failure_of(PrinterConfig(kind="file", file_path=str(fifo), timeout=0.3), big_stream())
    assert error.kind == "timeout" and str(fifo) in error.message


@needs_fifo
def test_a_fifo_that_stops_reading_times_out(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    got = bytearray()
    stop = threading.Event()

    def printer() -> None:  # takes the start of the receipt, then jams
        with open(fifo, "rb", buffering=0) as end:
            got.extend(end.read(1000))
            stop.wait(HANG_GUARD)

    reader = threading.Thread(target=printer, daemon=True)
    reader.start()
    try:
        error = failure_of(
            PrinterConfig(kind="file", file_path=str(fifo), timeout=0.5), big_stream()
        )
    finally:
        stop.set()
        reader.join(HANG_GUARD)
    assert error.kind == "timeout"
    assert 0 < len(got) <= 1000


@needs_fifo
def test_a_fifo_that_reads_everything_gets_the_receipt(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    data = big_stream()  # more than a pipe holds: the writes wait for the reader
    got = bytearray()

    def printer() -> None:
        with open(fifo, "rb") as end:
            while chunk := end.read(4096):
                got.extend(chunk)

    reader = threading.Thread(target=printer, daemon=True)
    reader.start()
    send(PrinterConfig(kind="file", file_path=str(fifo), timeout=5.0), data)
    reader.join(HANG_GUARD)
    assert not reader.is_alive()
    assert bytes(got) == data


@pytest.fixture
def serial_line() -> Iterator[tuple[int, str]]:
    """A pseudo-terminal standing in for a serial cable: (the printer's end, the port's path)."""
    printer_end, port_end = os.openpty()
    try:
        yield printer_end, os.ttyname(port_end)
    finally:
        os.close(printer_end)
        os.close(port_end)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals")
def test_the_serial_printer_gets_every_byte(serial_line: tuple[int, str]) -> None:
    printer_end, port = serial_line
    data = receipt_stream(text_like_raster(WIDTH_58MM, 400), mode="column")
    taken = bytearray()

    def read() -> None:
        while len(taken) < len(data):
            taken.extend(os.read(printer_end, 65536))

    reader = threading.Thread(target=read, name="test-serial-printer", daemon=True)
    reader.start()
    send(PrinterConfig(kind="serial", serial_device=port, baudrate=115200, timeout=2.0), data)
    reader.join(HANG_GUARD)
    assert bytes(taken) == data


@pytest.mark.slow  # the timeout plus the 2.1 s that 24 KB take at 115200 baud
@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals")
def test_a_serial_printer_that_stops_reading_times_out(serial_line: tuple[int, str]) -> None:
    """24 KB are more than a terminal buffers (12 to 18 KB here), so the writes stall."""
    _, port = serial_line
    data = random_raster(WIDTH_58MM, 500).rows
    config = PrinterConfig(kind="serial", serial_device=port, baudrate=115200, timeout=0.5)
    error = failure_of(config, data)
    assert error.kind == "timeout"
    assert port in error.message


def test_a_missing_serial_port_is_reported(tmp_path: Path) -> None:
    port = str(tmp_path / "ttyUSB9")
    error = failure_of(PrinterConfig(kind="serial", serial_device=port, timeout=1.0), b"\x1b@")
    assert error.kind == "no_port"
    assert port in error.message


def test_a_usb_printer_that_is_not_there_is_reported() -> None:
    """No printer 0x0416:0x5011 is plugged in here (and libusb may be missing too)."""
    config = PrinterConfig(kind="usb", usb_vendor="0x0416", usb_product="0x5011", timeout=1.0)
    error = failure_of(config, b"\x1b@")
    assert error.kind in ("not_found", "driver")
    assert "0x0416:0x5011" in error.message


@pytest.mark.skipif(sys.platform == "win32", reason="the Windows queue exists on Windows")
def test_the_windows_queue_elsewhere_is_unsupported() -> None:
    error = failure_of(PrinterConfig(kind="win32", win32_name="POS-80"), b"\x1b@")
    assert error.kind == "unsupported"
    assert '"POS-80"' in error.message


def test_no_printer_configured_is_reported() -> None:
    error = failure_of(PrinterConfig(), b"\x1b@")
    assert error.kind == "not_configured"


def test_every_failure_has_one_plain_line_naming_the_printer() -> None:
    for kind, template in MESSAGES.items():
        assert "\n" not in template
        if kind != "not_configured":
            assert "{printer}" in template
        error = PrinterError(kind, "10.0.0.9:9100", "OSError")
        assert "{" not in error.message
    french = {MESSAGES["timeout"]: "L'imprimante {printer} ne prend plus le ticket."}
    error = PrinterError("timeout", "10.0.0.9:9100")
    assert (
        error.translated(french.__getitem__)
        == "L'imprimante 10.0.0.9:9100 ne prend plus le ticket."
    )
    assert error.message.startswith("The printer 10.0.0.9:9100 stopped")


# -- the settings ----------------------------------------------------------------------------

CONFIGS = [
    PrinterConfig(),
    PrinterConfig(kind="network", host="192.168.1.50", port=9101, paper_mm=58, timeout=7.5),
    PrinterConfig(kind="usb", usb_vendor="0x0416", usb_product="0x5011", mode="column"),
    PrinterConfig(kind="serial", serial_device="COM3", baudrate=115200, open_drawer=True),
    PrinterConfig(kind="win32", win32_name="XP-58 (copy 1)"),
    PrinterConfig(kind="file", file_path="/dev/usb/lp0"),
]


@pytest.mark.parametrize("config", CONFIGS, ids=lambda config: config.kind)
def test_the_settings_round_trip(config: PrinterConfig) -> None:
    stored = config.to_settings()
    assert all(key.startswith("printer.") and isinstance(v, str) for key, v in stored.items())
    assert PrinterConfig.from_settings(stored.get) == config


def test_no_settings_mean_no_printer() -> None:
    config = PrinterConfig.from_settings(lambda key: None)
    assert config == PrinterConfig()
    assert config.kind == "none"
    assert (config.port, config.paper_mm, config.mode) == (9100, 80, "raster")
    assert config.width_dots == WIDTH_80MM
    assert PrinterConfig(paper_mm=58).width_dots == WIDTH_58MM


def test_settings_text_is_read_leniently() -> None:
    stored = {
        "printer.kind": " network ",
        "printer.host": "pos-printer.local",
        "printer.open_drawer": "Yes",
        "printer.timeout": "3",
    }
    config = PrinterConfig.from_settings(stored.get)
    assert (config.kind, config.host, config.open_drawer, config.timeout) == (
        "network",
        "pos-printer.local",
        True,
        3.0,
    )


@pytest.mark.parametrize(
    ("key", "text", "kind"),
    [
        ("printer.kind", "bluetooth", "none"),
        ("printer.port", "abc", "network"),
        ("printer.port", "70000", "network"),
        ("printer.paper_mm", "76", "none"),
        ("printer.mode", "graphics", "none"),
        ("printer.open_drawer", "maybe", "none"),
        ("printer.timeout", "-1", "none"),
        ("printer.timeout", "nan", "none"),
        ("printer.timeout", "soon", "none"),
        ("printer.baudrate", "1234", "serial"),
        ("printer.usb_vendor", "xyz", "usb"),
        ("printer.usb_product", "0x10000", "usb"),
        ("printer.host", "  ", "network"),
        ("printer.serial_device", "", "serial"),
        ("printer.file_path", "", "file"),
    ],
)
def test_a_bad_setting_is_refused_by_its_key(key: str, text: str, kind: str) -> None:
    stored = {
        "printer.kind": kind,
        "printer.host": "10.0.0.9",
        "printer.usb_vendor": "0x0416",
        "printer.usb_product": "0x5011",
        "printer.serial_device": "COM3",
        "printer.file_path": "receipt.bin",
    }
    stored[key] = text
    with pytest.raises(ValueError, match=key.replace(".", r"\.")):
        PrinterConfig.from_settings(stored.get)


def test_every_kind_is_known() -> None:
    assert set(KINDS) == {"network", "usb", "serial", "win32", "file", "none"}
    kinds: set[FailureKind] = set(MESSAGES)
    assert {"refused", "closed", "timeout", "not_writable"} <= kinds

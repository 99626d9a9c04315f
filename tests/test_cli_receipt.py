"""``pos-app receipt REF``: text, PNG, PDF and ESC/POS exports of a stored sale, printing on
the configured (loopback) printer, and a clear refusal for an unknown ref."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from pos_app import cli
from pos_app.domain.sale_states import SaleState
from pos_app.receipts.escpos import parse_stream
from pos_app.receipts.raster import WIDTH_58MM, WIDTH_80MM
from pos_app.store import open_store
from pos_app.store.settings import set_preference
from tests.support.printer_server import LoopbackPrinter
from tests.support.sales import new_sale

REF = "C1-20260601T093000-00000001"
CODE = "10538081079512345678"


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    """A shop database with one fulfilled sale (the command finds it through POS_DB_URL)."""
    db = tmp_path / "pos.sqlite3"
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("POS_DB_URL", f"sqlite:///{db}")
    monkeypatch.delenv("POS_LANG", raising=False)
    store = open_store(f"sqlite:///{db}")
    try:
        store.add_sale(new_sale(REF))
        store.transition(REF, SaleState.WAITING, SaleState.SENDING, "test")
        store.transition(REF, SaleState.SENDING, SaleState.ACCEPTED, "test")
        store.transition(
            REF, SaleState.ACCEPTED, SaleState.FULFILLED, "test", card_code=CODE, num_trans="NT1"
        )
        set_preference(store, "shop.name", "Cyber El Nour")
    finally:
        store.close()
    yield db


def prints_logged(db: Path) -> int:
    store = open_store(f"sqlite:///{db}", read_only=True)
    try:
        return store.print_count(REF)
    finally:
        store.close()


def test_png_export(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.png"
    assert cli.main(["receipt", REF, "--png", str(path), "--width", "58"]) == 0
    assert capsys.readouterr().out == f"wrote {path}\n"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert QImage(str(path)).width() == WIDTH_58MM
    assert prints_logged(shop) == 0  # an export is not a printed copy


def test_pdf_export(shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.pdf"
    assert cli.main(["receipt", REF, "--pdf", str(path), "--lang", "ar"]) == 0
    assert path.read_bytes().startswith(b"%PDF")
    assert prints_logged(shop) == 0


def test_escpos_export_is_a_stream_a_printer_takes(shop: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.bin"
    assert cli.main(["receipt", REF, "--escpos", str(path)]) == 0
    parsed = parse_stream(path.read_bytes())
    assert parsed.raster is not None and parsed.raster.width == WIDTH_80MM  # printer.paper_mm
    assert parsed.commands[0] == "init" and "cut" in parsed.commands
    assert prints_logged(shop) == 0


def test_text_by_default(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["receipt", REF, "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Cyber El Nour" in out and REF in out and "1053 8081" in out


def test_print_on_the_configured_printer_counts_copies(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LoopbackPrinter("ok") as printer:
        store = open_store(f"sqlite:///{shop}")
        try:
            for key, value in (
                ("printer.kind", "network"),
                ("printer.host", printer.host),
                ("printer.port", str(printer.port)),
                ("printer.paper_mm", "58"),
            ):
                set_preference(store, key, value)
        finally:
            store.close()
        assert cli.main(["receipt", REF, "--print"]) == 0
        assert capsys.readouterr().out == f"printed {REF} on 127.0.0.1:{printer.port}\n"
        assert cli.main(["receipt", REF, "--print"]) == 0
        assert "(duplicate 1)" in capsys.readouterr().out
        jobs = [printer.wait_for_parsed_job() for _ in range(2)]
    assert all(job.raster is not None and job.raster.width == WIDTH_58MM for job in jobs)
    assert prints_logged(shop) == 2


def test_a_printer_that_is_off_fails_with_its_message(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LoopbackPrinter("refuse") as printer:
        store = open_store(f"sqlite:///{shop}")
        try:
            set_preference(store, "printer.kind", "network")
            set_preference(store, "printer.host", printer.host)
            set_preference(store, "printer.port", str(printer.port))
        finally:
            store.close()
        assert cli.main(["receipt", REF, "--print"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "refused the connection" in err
    assert prints_logged(shop) == 0


def test_no_printer_set_up(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["receipt", REF, "--print"]) == 1
    assert "No receipt printer is set up" in capsys.readouterr().err


def test_an_unknown_ref_exits_2_with_one_line(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["receipt", "C1-NOPE", "--png", "x.png"]) == 2
    err = capsys.readouterr().err
    assert err == "pos-app receipt: no sale with ref 'C1-NOPE'\n"


def test_a_missing_ref_is_a_usage_error(shop: Path) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["receipt"])
    assert exited.value.code == 2


def test_help_says_what_counts_as_a_printed_copy() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pos_app", "receipt", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Only --print counts as a printed copy" in text
    assert "files are exports and count nothing" in text


def test_the_command_line_still_loads_without_qt() -> None:
    code = (
        "import sys, pos_app.cli, pos_app.cli.receipt\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'qasync'})\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr

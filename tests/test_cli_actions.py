"""Issue 11 items 1 and 3 (review finding 10): the command line asks for no PIN (it is the
shop owner's recovery tool), so what it does that a cashier may not is noted in the action
log as ``cli:<os user>``, before it is done: ``config KEY VALUE``, ``config api_key``,
``history --full-codes``, ``report --z`` and a ``receipt`` that shows a card code. Details
hold no secret. With people in the shop, ``config api.url`` to another host warns. In this
process, over a real SQLite file."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pos_app import cli
from pos_app.domain.sale_states import SaleState
from pos_app.domain.users import Role
from pos_app.store import open_store
from pos_app.store.settings import set_preference
from pos_app.store.users import ActionRecord
from tests.support.disk_faults import read_only
from tests.support.sales import new_sale

REF = "C1-20260601T093000-00000001"
WAITING = "C1-20260601T094500-00000002"
CODE = "10538081079512345678"
KEY = "ock_live_5d1e9a0c7b3f2468Kq2W"
WHO = "cli:owner"


@pytest.fixture(autouse=True)
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A shop database with one fulfilled sale (a card code) and one sale still waiting."""
    for name in ("ONECLICK_API_KEY", "ONECLICK_API_URL", "POS_LANG", "POS_COUNTER_ID"):
        monkeypatch.delenv(name, raising=False)
    db = tmp_path / "pos.sqlite3"
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("POS_DB_URL", f"sqlite:///{db}")
    monkeypatch.setattr("getpass.getuser", lambda: "owner")
    with open_store(f"sqlite:///{db}") as store:
        store.add_sale(new_sale(REF))
        store.transition(REF, SaleState.WAITING, SaleState.SENDING, "test")
        store.transition(REF, SaleState.SENDING, SaleState.ACCEPTED, "test")
        store.transition(
            REF, SaleState.ACCEPTED, SaleState.FULFILLED, "test", card_code=CODE, num_trans="NT1"
        )
        store.add_sale(new_sale(WAITING, number="036362609"))
        set_preference(store, "shop.name", "Cyber El Nour")
    return db


def actions(db: Path) -> list[ActionRecord]:
    """The action log, oldest first."""
    with open_store(f"sqlite:///{db}", read_only=True) as store:
        return list(reversed(store.actions()))


def add_manager(db: Path) -> None:
    with open_store(f"sqlite:///{db}") as store:
        store.add_user("Salim", "73915208", Role.MANAGER, by="test")


# -- config ---------------------------------------------------------------------------------


def test_a_setting_changed_is_noted_with_its_value(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["config", "low_balance", "3000"]) == 0
    assert capsys.readouterr().out == "low_balance = 3000\n"
    noted = actions(shop)
    assert [(a.who, a.action, dict(a.detail or {})) for a in noted] == [
        (WHO, "settings.change", {"setting": "low_balance", "value": "3000"})
    ]
    # A refused value changes nothing and notes nothing; reading notes nothing.
    assert cli.main(["config", "language", "de"]) == 2
    assert cli.main(["config"]) == 0
    assert cli.main(["config", "low_balance"]) == 0
    assert len(actions(shop)) == 1


@pytest.mark.parametrize(
    ("url", "warned"),
    [
        ("https://proxy.example.net/v3", True),
        ("http://127.0.0.1:8765/v3", True),  # the simulator: still not OneClickDZ
        ("https://api.oneclickdz.com/v3", False),
        ("https://API.OneClickDZ.com/v3/", False),
    ],
)
def test_api_url_to_another_host_warns_when_the_shop_has_people(
    shop: Path, capsys: pytest.CaptureFixture[str], url: str, warned: bool
) -> None:
    assert cli.main(["config", "api.url", url]) == 0
    assert "warning" not in capsys.readouterr().err  # nobody yet: the owner sets up
    add_manager(shop)
    assert cli.main(["config", "api.url", url]) == 0
    err = capsys.readouterr().err
    assert ("warning" in err) is warned, err
    if warned:
        assert len(err.strip().splitlines()) == 1
        assert "api.url" in err and WHO in err and "API key" in err
    changes = [a for a in actions(shop) if a.action == "settings.change"]
    assert len(changes) == 2 and all(
        a.detail == {"setting": "api.url", "value": url.rstrip("/")} for a in changes
    )


def piped(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_the_api_key_kept_and_removed_is_noted_without_the_key(
    shop: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    piped(monkeypatch, f"{KEY}\n")
    assert cli.main(["config", "api_key"]) == 0
    assert cli.main(["config", "api_key", "--clear"]) == 0
    assert [(a.who, a.action) for a in actions(shop)] == [
        (WHO, "settings.api_key.keep"),
        (WHO, "settings.api_key.clear"),
    ]
    # Refused before anything: a key on the command line, a key that is not one, none at all.
    piped(monkeypatch, "")
    assert cli.main(["config", "api_key"]) == 2
    piped(monkeypatch, "bad key with spaces\n")
    assert cli.main(["config", "api_key"]) == 2
    assert cli.main(["config", "api_key", KEY]) == 2
    assert len(actions(shop)) == 2
    captured = capsys.readouterr()
    assert KEY not in captured.out + captured.err
    for path in shop.parent.glob("pos.sqlite3*"):
        assert KEY.encode() not in path.read_bytes(), path.name
        assert KEY[-4:].encode() not in path.read_bytes(), path.name


# -- history --------------------------------------------------------------------------------


def test_full_codes_exports_are_noted_masked_ones_are_not(
    shop: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["history", "--json"]) == 0
    assert CODE not in capsys.readouterr().out
    assert cli.main(["history", "--csv", str(tmp_path / "masked.csv")]) == 0
    assert actions(shop) == []
    assert cli.main(["history", "--json", "--full-codes"]) == 0
    assert CODE in capsys.readouterr().out
    target = tmp_path / "full.csv"
    assert cli.main(["history", "--csv", str(target), "--full-codes"]) == 0
    assert CODE in target.read_text(encoding="utf-8-sig")
    assert cli.main(["history", "--csv", "-", "--full-codes"]) == 0
    assert [(a.who, a.action, dict(a.detail or {})) for a in actions(shop)] == [
        (WHO, "history.export.json", {"full_codes": True, "to": "stdout"}),
        (WHO, "history.export.csv", {"full_codes": True, "to": str(target)}),
        (WHO, "history.export.csv", {"full_codes": True, "to": "stdout"}),
    ]


def test_full_codes_are_not_given_when_the_note_cannot_be_written(
    shop: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = actions(shop)
    with read_only(shop):
        assert cli.main(["history", "--json"]) == 0  # masked: read-only still works
        assert cli.main(["history", "--json", "--full-codes"]) == 4
    captured = capsys.readouterr()
    assert CODE not in captured.out + captured.err
    assert "history" in captured.err or "database" in captured.err
    assert actions(shop) == before


# -- report ---------------------------------------------------------------------------------


def test_a_z_report_closed_is_noted(shop: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["report"]) == 0  # an X report: nothing closed, nothing noted
    assert actions(shop) == []
    assert cli.main(["report", "--z", "--cash", "1000"]) == 0
    assert "Z" in capsys.readouterr().out
    assert [(a.who, a.action, dict(a.detail or {})) for a in actions(shop)] == [
        (WHO, "z.close", {"cash_counted": 1000})
    ]
    assert cli.main(["verify"]) == 0  # the action log's chain takes the new row


# -- receipt --------------------------------------------------------------------------------


@pytest.fixture
def drawing(qapp: QApplication) -> Iterator[None]:
    """The receipt command draws with Qt (one application per process)."""
    yield


def test_a_receipt_that_shows_the_card_code_is_noted(
    shop: Path, tmp_path: Path, drawing: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["receipt", REF]) == 0
    assert CODE.replace(" ", "")[-4:] in capsys.readouterr().out.replace(" ", "")
    png = tmp_path / "r.png"
    assert cli.main(["receipt", REF, "--png", str(png)]) == 0
    with open_store(f"sqlite:///{shop}") as store:
        set_preference(store, "printer.kind", "file")
        set_preference(store, "printer.file_path", str(tmp_path / "printer.bin"))
    assert cli.main(["receipt", REF, "--print"]) == 0
    assert (tmp_path / "printer.bin").stat().st_size > 0
    noted = [(a.who, a.action, dict(a.detail or {})) for a in actions(shop)]
    receipts = [entry for entry in noted if entry[1].startswith("receipt.")]
    assert receipts == [
        (WHO, "receipt.show", {"ref": REF}),
        (WHO, "receipt.export.png", {"ref": REF, "file": str(png)}),
        (WHO, "receipt.print", {"ref": REF}),
    ]
    assert all(CODE not in json.dumps(entry[2]) for entry in noted)


def test_a_receipt_without_a_card_code_notes_nothing(
    shop: Path, drawing: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["receipt", WAITING]) == 0
    assert capsys.readouterr().out
    assert actions(shop) == []


def test_a_card_code_receipt_is_not_shown_when_the_note_cannot_be_written(
    shop: Path, drawing: None, capsys: pytest.CaptureFixture[str]
) -> None:
    with read_only(shop):
        status = cli.main(["receipt", REF])
    captured = capsys.readouterr()
    assert status == 4
    assert CODE not in captured.out.replace(" ", "")
    assert CODE[-4:] not in captured.out.replace(" ", "")
    assert actions(shop) == []

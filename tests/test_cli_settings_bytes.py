"""Issue 11 item 7 (review finding 11): ``pos-app config`` with a stored setting that is not
UTF-8 text (written by another tool): listed as not set (its default), the notice names the
key, never the value; it can be set again."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.store import open_store
from pos_app.store.settings import set_preference
from tests.support.raw_settings import put_raw_setting


@pytest.fixture
def db_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("POS_DB_URL", "POS_LANG", "POS_COUNTER_ID", "ONECLICK_API_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    path = tmp_path / "pos.sqlite3"
    with open_store(f"sqlite:///{path}") as store:
        set_preference(store, "language", "fr")
    put_raw_setting(path, "low_balance", b"5\xa0000")  # a Latin-1 no-break space
    put_raw_setting(path, "shop.name", "Caf\xe9".encode("latin-1"))
    return path


def test_config_lists_the_default_and_names_the_key(
    db_file: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert cli.main(["config"]) == 0
    out, err = capsys.readouterr()
    assert "low_balance = 2000  [default]" in out
    assert "shop.name = (not set)" in out
    assert "language = fr" in out
    notices = " ".join(r.getMessage() for r in caplog.records)
    assert "low_balance" in notices and "shop.name" in notices
    for shown in (out, err, caplog.text):
        assert "Caf" not in shown and "5\xa0000" not in shown and "\\xa0" not in shown


def test_config_sets_it_again(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["config", "low_balance", "5000"]) == 0
    assert cli.main(["config", "low_balance"]) == 0
    assert capsys.readouterr().out.splitlines()[-2] == "low_balance = 5000"

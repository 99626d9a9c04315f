"""The shop's settings: checked when set, read env > stored > default, and ``pos-app config``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pos_app import cli
from pos_app.store import Store, open_store
from pos_app.store.settings import (
    DEFAULT_LOW_BALANCE,
    PREFERENCES,
    InvalidSettingError,
    PreferenceError,
    Reading,
    get_preference,
    host_counter_id,
    low_balance,
    read_preference,
    set_preference,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}")
    yield opened
    opened.close()


def test_values_are_checked_and_stored_in_their_plain_form(store: Store) -> None:
    assert set_preference(store, "language", " AR ") == "ar"
    assert set_preference(store, "language", "fr_DZ") == "fr"  # a locale name: its language
    assert set_preference(store, "low_balance", "5000.00") == "5000"
    assert set_preference(store, "counter_id", " Caisse2 ") == "Caisse2"
    assert store.get_setting("language") == "fr" and store.get_setting("low_balance") == "5000"
    assert store.get_setting("counter_id") == "Caisse2"
    for key, bad in (
        ("language", "de"),
        ("low_balance", "-1"),
        ("low_balance", "12.5"),
        ("low_balance", "beaucoup"),
        ("nope", "1"),
        # never silently changed: two counters could end up with one id
        ("counter_id", "caisse 2"),
        ("counter_id", "!!!"),
        ("counter_id", ""),
        ("counter_id", "é"),
        ("counter_id", "C" * 16),
    ):
        with pytest.raises(PreferenceError, match=key):
            set_preference(store, key, bad)
    assert store.get_setting("language") == "fr"  # a refused value changes nothing
    assert store.get_setting("counter_id") == "Caisse2"


def test_environment_then_store_then_default(store: Store) -> None:
    assert get_preference(store, "language", env={}) is None
    assert low_balance(store, env={}) == DEFAULT_LOW_BALANCE
    set_preference(store, "language", "fr")
    set_preference(store, "low_balance", "750")
    assert get_preference(store, "language", env={}) == "fr"
    assert get_preference(store, "language", env={"POS_LANG": "ar"}) == "ar"
    assert get_preference(store, "language", env={"POS_LANG": "klingon"}) == "fr"  # ignored
    assert low_balance(store, env={}) == 750
    assert low_balance(None, env={}) == DEFAULT_LOW_BALANCE  # training: no shop settings


def test_settings_read_already_count_as_stored(store: Store) -> None:
    assert get_preference({"language": "ar"}, "language", env={}) == "ar"
    assert low_balance({"low_balance": "900"}, env={}) == 900
    assert read_preference(None, "language", {"POS_LANG": "ar_DZ"}) == Reading(
        "language", "ar", "POS_LANG"
    )
    assert read_preference({"language": "fr"}, "language", {"POS_LANG": "de"}) == Reading(
        "language", "fr", "stored", passed_over=("POS_LANG",)
    )
    assert read_preference({}, "low_balance", {"POS_LOW_BALANCE": "5"}) == Reading(
        "low_balance", "2000", "default"
    )  # no variable for it


def test_the_counter_id_is_refused_where_the_others_are_passed_over(store: Store) -> None:
    """One reading for the window, the sender and ``pos-app config``: an invalid counter id
    is refused wherever it is set; a wrong language or threshold only falls back."""
    assert read_preference(store, "counter_id", env={}) == Reading(
        "counter_id", host_counter_id(), "default"
    )
    assert get_preference(store, "counter_id", {"POS_COUNTER_ID": " C03 "}) == "C03"
    with pytest.raises(InvalidSettingError, match=r"^POS_COUNTER_ID: .*'caisse-2'") as bad:
        read_preference(store, "counter_id", {"POS_COUNTER_ID": "caisse-2"})
    assert (bad.value.source, bad.value.text) == ("POS_COUNTER_ID", "caisse-2")
    store.set_setting("counter_id", "!!!")
    with pytest.raises(InvalidSettingError, match=r"stored counter_id.*'!!!'"):
        read_preference(store, "counter_id", env={})
    assert get_preference(store, "counter_id", {"POS_COUNTER_ID": "C03"}) == "C03"  # env first
    store.set_setting("low_balance", "lots")
    assert read_preference(store, "low_balance", env={}).passed_over == ("stored",)


def test_a_stored_value_that_no_longer_passes_is_ignored(store: Store) -> None:
    store.set_setting("low_balance", "lots")  # written by hand, or by an older version
    assert low_balance(store, env={}) == DEFAULT_LOW_BALANCE


def test_config_command_lists_sets_and_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DB_URL", raising=False)
    monkeypatch.delenv("POS_LANG", raising=False)
    assert cli.main(["config", "low_balance", "3000"]) == 0
    assert capsys.readouterr().out == "low_balance = 3000\n"
    assert cli.main(["config", "language", "de"]) == 2
    assert "one of en, fr, ar" in capsys.readouterr().err
    assert cli.main(["config", "colour", "red"]) == 2
    assert "unknown setting 'colour'" in capsys.readouterr().err
    assert cli.main(["config"]) == 0
    out = capsys.readouterr().out
    assert "low_balance = 3000" in out and "language = (not set)" in out
    monkeypatch.setenv("POS_LANG", "ar_DZ")  # as the window reads it
    assert cli.main(["config", "language"]) == 0
    assert capsys.readouterr().out.startswith("language = ar  [from POS_LANG]")
    monkeypatch.setenv("POS_LANG", "de")
    assert cli.main(["config", "language"]) == 0
    assert capsys.readouterr().out.startswith(
        "language = (not set)  [POS_LANG ignored: not a valid value]"
    )
    with open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}") as store:
        assert store.get_setting("low_balance") == "3000"


def test_config_lists_an_invalid_counter_id_as_the_app_refuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Chosen: the app refuses to start with an invalid counter id, so ``pos-app config``
    lists it as invalid, says why on stderr and exits 2 (the other settings still listed)."""
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("POS_DB_URL", raising=False)
    monkeypatch.delenv("POS_LANG", raising=False)
    monkeypatch.delenv("POS_COUNTER_ID", raising=False)
    assert cli.main(["config", "counter_id"]) == 0  # nothing set: what the sender will keep
    assert capsys.readouterr().out.startswith(f"counter_id = {host_counter_id()}  [default]")
    monkeypatch.setenv("POS_COUNTER_ID", "caisse-2")
    assert cli.main(["config"]) == 2
    listed = capsys.readouterr()
    assert "counter_id = caisse-2  [invalid: the app will refuse to start]" in listed.out
    assert "low_balance = 2000  [default]" in listed.out  # the others still listed
    assert listed.err.startswith("pos-app: POS_COUNTER_ID: counter_id: ")
    assert "'caisse2'" in listed.err  # the valid id it suggests
    monkeypatch.setenv("POS_COUNTER_ID", "C03")
    assert cli.main(["config", "counter_id"]) == 0
    assert capsys.readouterr().out.startswith("counter_id = C03  [from POS_COUNTER_ID]")
    monkeypatch.delenv("POS_COUNTER_ID")
    with open_store(f"sqlite:///{tmp_path / 'pos.sqlite3'}") as store:
        store.set_setting("counter_id", "caisse 2")  # by hand, or an older version
    assert cli.main(["config", "counter_id"]) == 2
    listed = capsys.readouterr()
    assert listed.out.startswith("counter_id = caisse 2  [invalid: the app will refuse to start]")
    assert "the stored counter_id (pos-app config counter_id)" in listed.err
    assert cli.main(["config", "counter_id", "caisse2"]) == 0  # the way out
    assert capsys.readouterr().out == "counter_id = caisse2\n"
    assert cli.main(["config", "counter_id"]) == 0
    meaning = PREFERENCES["counter_id"].meaning
    assert capsys.readouterr().out == f"counter_id = caisse2\n    {meaning}\n"  # no marker

"""``open_sender``: one opening of client, lock, store, counter id and engine for the command
line and the window; one reading of the counter id (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pos_app.orders.identity import counter_id
from pos_app.orders.sender import MissingKeyError, open_sender
from pos_app.store import LockHeldError, StoreConfigError, open_store
from pos_app.store.settings import InvalidSettingError, host_counter_id, set_preference


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'pos.sqlite3'}"


def test_it_opens_everything_and_closes_it_once(db_url: str) -> None:
    env = {"POS_COUNTER_ID": "caisse2", "USER": "amina"}
    with open_sender(db_url=db_url, base_url="http://127.0.0.1:9", api_key="k", env=env) as sender:
        assert sender.counter_id == "caisse2" == sender.engine.counter_id
        assert sender.engine.cashier == "amina"
        assert sender.lock is not None and sender.lock.held
        with pytest.raises(LockHeldError):  # one sender per database
            open_sender(db_url=db_url, base_url="http://127.0.0.1:9", api_key="k", env=env)
    assert sender.closed and sender.store.closed and not sender.lock.held
    sender.close()  # twice: nothing more


def test_an_invalid_counter_id_is_refused_not_changed(db_url: str) -> None:
    """``POS_COUNTER_ID=caisse-2`` used to become "caisse2" in refs while ``pos-app config``
    refused it: now both refuse it, and nothing stays open."""
    env = {"POS_COUNTER_ID": "caisse-2"}
    with pytest.raises(InvalidSettingError, match=r"POS_COUNTER_ID.*caisse-2"):
        open_sender(db_url=db_url, base_url="http://127.0.0.1:9", api_key="k", env=env)
    with open_sender(
        db_url=db_url,
        base_url="http://127.0.0.1:9",
        api_key="k",
        env={"POS_COUNTER_ID": " caisse2 "},
    ) as sender:  # lock released
        assert sender.counter_id == "caisse2"
        with pytest.raises(ValueError, match="counter_id"):
            set_preference(sender.store, "counter_id", "caisse-2")  # the same check
        assert sender.store.get_setting("counter_id") is None  # neither refused value kept


def test_an_invalid_stored_counter_id_is_refused_not_passed_over(db_url: str) -> None:
    """Written by hand or by an older version: the sender does not start under another id
    (the host name's), and says where the value is."""
    with open_store(db_url) as store:
        store.set_setting("counter_id", "caisse-2")
    with pytest.raises(InvalidSettingError, match=r"stored counter_id.*caisse-2") as refused:
        open_sender(db_url=db_url, base_url="http://127.0.0.1:9", api_key="k", env={})
    assert refused.value.source == "stored" and refused.value.text == "caisse-2"
    with open_store(db_url) as store:
        assert store.get_setting("counter_id") == "caisse-2"  # left for the manager to fix


def test_the_counter_id_comes_from_env_then_store_then_host(db_url: str) -> None:
    with open_store(db_url) as store:
        host = counter_id(store, env={})
        assert host == host_counter_id() and store.get_setting("counter_id") == host  # kept
        set_preference(store, "counter_id", "C02")
        assert counter_id(store, env={}) == "C02"
        assert counter_id(store, env={"POS_COUNTER_ID": "C03"}) == "C03"


def test_failures_are_typed_and_touch_no_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pos.sqlite3'}"
    with pytest.raises(MissingKeyError, match="ONECLICK_API_KEY"):
        open_sender(db_url=url, require_key=True, env={})
    with pytest.raises(ValueError):  # an unusable API URL: before any file
        open_sender(db_url=url, base_url="ftp://example", api_key="k", env={})
    with pytest.raises(StoreConfigError):
        open_sender(db_url="nosuch://x", base_url="http://127.0.0.1:9", api_key="k", env={})
    assert list(tmp_path.iterdir()) == []

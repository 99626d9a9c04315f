"""Where the data lives and the default database URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from playhouse.db_url import parse

from pos_app.store import data_dir, default_url, lock_path_for
from pos_app.store import paths as store_paths


def test_env_overrides_the_data_dir_and_creates_it(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    assert data_dir({"POS_DATA_DIR": str(target)}) == target.resolve()
    assert target.is_dir()


def test_platform_data_dir_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[object, ...]] = []

    def fake_user_data_dir(name: str, appauthor: object = None) -> str:
        calls.append((name, appauthor))
        return str(tmp_path / "platform")

    monkeypatch.setattr(store_paths, "user_data_dir", fake_user_data_dir)
    assert data_dir({}) == (tmp_path / "platform").resolve()
    assert calls == [("pos-app", False)]
    assert (tmp_path / "platform").is_dir()


def test_default_url_points_at_the_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    env = {"POS_DATA_DIR": str(tmp_path)}
    url = default_url(env)
    assert url.startswith("sqlite:///")
    expected = tmp_path.resolve() / "pos.sqlite3"
    assert Path(parse(url)["database"]) == expected, "peewee reads the same path"
    assert store_paths.sqlite_file(url) == expected


def test_sqlite_file_of_other_urls() -> None:
    assert store_paths.sqlite_file("postgresql://u@host/pos") is None
    assert store_paths.sqlite_file("sqlite:///:memory:") is None
    assert store_paths.sqlite_file("sqlite://") is None


def test_lock_path_is_beside_the_sqlite_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "shop" / "pos.sqlite3"
    assert lock_path_for(f"sqlite:///{db.as_posix()}") == db.with_name("pos.sqlite3.sender.lock")
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    assert lock_path_for("postgresql://u@host/pos") == (tmp_path / "data").resolve() / "sender.lock"

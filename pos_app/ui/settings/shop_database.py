"""The shop's database as the settings reach it: the window's open store, else the shop's
own database file opened for one call (training, and the first-run set-up). Qt-free."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from pos_app.store import Store, open_store
from pos_app.store.settings import database_url


class ShopDatabase:
    """``store``: the window's open store (None: the shop's database, ``db_url`` else
    ``POS_DB_URL`` else the default file, opened per call)."""

    def __init__(
        self,
        store: Store | None = None,
        db_url: str | None = None,
        env: Mapping[str, str] = os.environ,
    ) -> None:
        self._store = store
        self._db_url = db_url
        self._env = env

    @contextmanager
    def _opened(self, *, read_only: bool = False) -> Iterator[Store]:
        """The open store, else the shop's database opened until the block ends."""
        if self._store is not None:
            yield self._store
            return
        url = self._db_url or database_url(self._env)
        with open_store(url, read_only=read_only) as store:
            yield store

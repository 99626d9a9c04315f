"""The shop's people as the settings see them: in the window's open store, else in the
shop's database opened for one call (training, and the first-run set-up). Qt-free and
light: the window imports it at start for the settings' manager check."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from pos_app.domain.users import Role
from pos_app.store import Store, open_store
from pos_app.store.settings import database_url
from pos_app.store.users import ActionRecord, PinCheck, UserRecord


class ShopPeople:
    """The shop's people and its action log (``store.users``), in the window's open store,
    else in the shop's database opened for one call. Every method blocks (a PIN's scrypt
    hash among them): call it on the worker pool. Errors are the store's (``UserError``
    and its kinds: nothing was written then)."""

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
        if self._store is not None:
            yield self._store
            return
        url = self._db_url or database_url(self._env)
        with open_store(url, read_only=read_only) as store:
            yield store

    def users(self, include_disabled: bool = False) -> list[UserRecord]:
        """The people, by name (the disabled ones too with ``include_disabled``)."""
        with self._opened(read_only=True) as store:
            return store.users(include_disabled)

    def check_pin(self, name: str, pin: str) -> PinCheck:
        with self._opened() as store:
            return store.check_pin(name, pin)

    def note_action(
        self, who: str, action: str, detail: Mapping[str, object] | None = None
    ) -> ActionRecord:
        with self._opened() as store:
            return store.note_action(who, action, detail)

    def add_user(self, name: str, pin: str, role: Role | str, *, by: str) -> UserRecord:
        with self._opened() as store:
            return store.add_user(name, pin, role, by=by)

    def set_pin(self, name: str, pin: str, *, by: str) -> UserRecord:
        with self._opened() as store:
            return store.set_pin(name, pin, by=by)

    def disable_user(self, name: str, *, by: str) -> UserRecord:
        with self._opened() as store:
            return store.disable_user(name, by=by)

    def enable_user(self, name: str, *, by: str) -> UserRecord:
        with self._opened() as store:
            return store.enable_user(name, by=by)

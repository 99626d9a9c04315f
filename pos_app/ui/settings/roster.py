"""The shop's people as the settings see them: in the window's open store, else in the
shop's database opened for one call (training, and the first-run set-up). Qt-free and
light: the window imports it at start for the settings' manager check."""

from __future__ import annotations

from collections.abc import Mapping

from pos_app.domain.users import Role
from pos_app.store.users import ActionRecord, PinCheck, UserRecord
from pos_app.ui.settings.shop_database import ShopDatabase


class ShopPeople(ShopDatabase):
    """The shop's people and its action log (``store.users``), in the window's open store,
    else in the shop's database opened for one call. Every method blocks (a PIN's scrypt
    hash among them): call it on the worker pool. Errors are the store's (``UserError``
    and its kinds: nothing was written then)."""

    def users(self, include_disabled: bool = False) -> list[UserRecord]:
        """The people, by name (the disabled ones too with ``include_disabled``)."""
        with self._opened(read_only=True) as store:
            return store.users(include_disabled)

    def user(self, name: str) -> UserRecord | None:
        """The person called ``name`` (any case), or None."""
        with self._opened(read_only=True) as store:
            return store.user(name)

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

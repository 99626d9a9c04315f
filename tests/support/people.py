"""The shop's people for window tests (a manager and two cashiers, with their PINs), and a
store wrapper that records which thread each PIN check ran on."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Final

from pos_app.domain.users import Role
from pos_app.store import Store
from pos_app.store.users import ActionRecord, PinCheck, UserRecord

MANAGER: Final = ("Mona", "2468")
CASHIER: Final = ("Karim", "1357")
OTHER_CASHIER: Final = ("Amina", "9753")


def add_people(store: Store) -> None:
    """Mona (manager), Karim and Amina (cashiers), each with their PIN above."""
    store.add_user(*MANAGER, Role.MANAGER, by="test")
    store.add_user(*CASHIER, Role.CASHIER, by="test")
    store.add_user(*OTHER_CASHIER, Role.CASHIER, by="test")


class ThreadRecordingStore:
    """The access control's store calls, passed on to ``store``; ``check_threads`` names the
    thread of every PIN check."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.check_threads: list[str] = []

    def users(self, include_disabled: bool = False) -> list[UserRecord]:
        return self.store.users(include_disabled)

    def user(self, name: str) -> UserRecord | None:
        return self.store.user(name)

    def check_pin(self, name: str, pin: str) -> PinCheck:
        self.check_threads.append(threading.current_thread().name)
        return self.store.check_pin(name, pin)

    def note_action(
        self, who: str, action: str, detail: Mapping[str, object] | None = None
    ) -> ActionRecord:
        return self.store.note_action(who, action, detail)

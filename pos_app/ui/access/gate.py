"""Manager-only actions: their names in the action log, the approval a gate gives, and the
helper a screen uses to ask for it before doing one of them.

A gate is asynchronous (a cashier's screen asks for a manager's PIN, checked on the worker
pool), so a screen method guarded by :class:`ManagerActions` hands its work to the gate and
returns at once; the gate runs it again, once, when a manager allowed it. With no gate (no
access control installed) every action runs at once, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol

from PySide6.QtWidgets import QWidget

SETTINGS_OPEN: Final = "settings.open"
Z_CLOSE: Final = "z.close"
EXPORT_CSV: Final = "history.export.csv"
EXPORT_PDF: Final = "history.export.pdf"
CODE_SHOW: Final = "history.code.show"
CODE_COPY: Final = "history.code.copy"
SALE_CANCEL: Final = "sale.cancel"
REPRINT: Final = "history.reprint"
"""A receipt printed again (DUPLICATE) carrying a card code: from the history, or F9 at the
counter for a sale someone else sold."""
REPORT_PDF: Final = "report.pdf"
"""An X or Z report (costs and margin) saved as a PDF file."""
SALE_CODE_SHOW: Final = "sale.code.show"
"""A card code in the counter's list, hidden after a lock or a switch, shown again."""
PEOPLE_CHANGE: Final = "settings.people"
"""A change on the settings' People page (add, PIN, disable, enable)."""
MANAGER_ACTIONS: Final = (
    SETTINGS_OPEN,
    Z_CLOSE,
    EXPORT_CSV,
    EXPORT_PDF,
    CODE_SHOW,
    CODE_COPY,
    SALE_CANCEL,
    REPRINT,
    REPORT_PDF,
    SALE_CODE_SHOW,
    PEOPLE_CHANGE,
)
"""Every action only a manager may allow (its name in the action log)."""

Spawn = Callable[[Coroutine[Any, Any, Any]], None]


@dataclass(frozen=True, slots=True)
class Approval:
    """What a gate answered: ``allowed`` (true as a bool), ``by`` the name noted in the action
    log as having allowed it, ``text`` the translated reason when it was not allowed."""

    allowed: bool
    by: str | None = None
    text: str = ""

    def __bool__(self) -> bool:
        return self.allowed


class ManagerGate(Protocol):
    """Asks (when need be) for a manager's approval of ``action``; notes it when given."""

    async def __call__(
        self,
        action: str,
        detail: Mapping[str, object] | None = None,
        *,
        parent: QWidget | None = None,
    ) -> Approval: ...


class ManagerActions:
    """One screen's manager-only actions. ``held(...)`` is True when the action must wait for
    the gate (the screen returns then); the gate's approval runs ``proceed`` once, during
    which ``held`` lets the same action through. A refusal is said with ``say``."""

    def __init__(self, spawn: Spawn, say: Callable[[str], None]) -> None:
        self.gate: ManagerGate | None = None
        self._spawn = spawn
        self._say = say
        self._passing: set[str] = set()
        self._asking: set[str] = set()

    def held(
        self,
        action: str,
        detail: Mapping[str, object] | None,
        parent: QWidget,
        proceed: Callable[[], object],
    ) -> bool:
        """Whether ``action`` waits for the gate (True: ``proceed`` runs once it is
        allowed; nothing at all when it is refused or cancelled)."""
        if self.gate is None or action in self._passing:
            return False
        if action not in self._asking:  # asked already: the prompt is on the screen
            self._asking.add(action)
            self._spawn(self._ask(self.gate, action, detail, parent, proceed))
        return True

    async def _ask(
        self,
        gate: ManagerGate,
        action: str,
        detail: Mapping[str, object] | None,
        parent: QWidget,
        proceed: Callable[[], object],
    ) -> None:
        try:
            approval = await gate(action, detail, parent=parent)
        finally:
            self._asking.discard(action)
        if not approval:
            self._say(approval.text)
            return
        self._passing.add(action)
        try:
            proceed()
        finally:
            self._passing.discard(action)

"""Who is at the counter: the lock screen, Ctrl+L, the signed-in person in the status bar and
in every sale, and the manager's approval of manager-only actions.

When the shop's database has at least one active person (and the window is not in training),
the window opens locked; Ctrl+L locks it again (the sale being typed is cleared; sales in
progress keep running and show again after unlock); a PIN signs someone in (a quick switch
is Ctrl+L, the first letters of the other name, the PIN, Enter). The name signed in is the
engine's ``cashier``, recorded in every sale placed. With no one in the database the window
works as before, with a notice that a manager can be added in Settings.

Manager-only actions (settings, the Z, history exports, a full card code, cancelling a sale
not yet sent) are allowed at once for a signed-in manager, and after a one-off manager PIN
prompt for a cashier (who stays signed in); each allowed action is noted in the store's
action log with the name of the manager who allowed it.

Every PIN check (scrypt, 50-100 ms) and every store call runs on the worker pool, never on
the GUI thread. A PIN is never logged, nor kept after its check.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Mapping
from datetime import tzinfo
from enum import Enum
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from pos_app.domain.users import PinOutcome
from pos_app.orders import SaleRefusedError
from pos_app.orders.offload import Offloader
from pos_app.store.users import ActionRecord, PinCheck, UserRecord
from pos_app.ui import messages
from pos_app.ui.access import gate
from pos_app.ui.access.gate import Approval
from pos_app.ui.access.lock_screen import LockScreen
from pos_app.ui.access.manager_prompt import ManagerPrompt
from pos_app.ui.access.pin_field import PinEntry
from pos_app.ui.access.texts import (
    action_text,
    cancelled_text,
    not_checked_text,
    refused_text,
    signed_in_text,
)
from pos_app.ui.i18n import translate
from pos_app.ui.main_window import MainWindow
from pos_app.ui.sale.panel import Stage

log = logging.getLogger(__name__)

LOCK_KEY = "Ctrl+L"


class PeopleStore(Protocol):
    """What the access control needs of the store (``Store`` has it all)."""

    def users(self, include_disabled: bool = False) -> list[UserRecord]: ...

    def user(self, name: str) -> UserRecord | None: ...

    def check_pin(self, name: str, pin: str) -> PinCheck: ...

    def note_action(
        self, who: str, action: str, detail: Mapping[str, object] | None = None
    ) -> ActionRecord: ...


class Recheck(Enum):
    """What reading the signed-in person again found."""

    CURRENT = "current"  # read now: ``AccessControl.user`` is as the store has them
    UNREAD = "unread"  # nobody signed in, or the store could not tell: no role trusted
    SIGNED_OUT = "signed_out"  # disabled or removed: the counter locked


class Launcher(Protocol):
    """A screen opener whose screen has manager-only actions (history, reports)."""

    manager_gate: gate.ManagerGate | None


class AccessControl(QObject):
    """The window's lock, its signed-in person and its manager gate (see the module)."""

    user_did_change = Signal(object)
    """The person now signed in (a ``UserRecord``), or None when the counter locks."""

    def __init__(
        self,
        window: MainWindow,
        store: PeopleStore,
        executor: Offloader,
        *,
        training: bool = False,
        tz: tzinfo | None = None,
        covered: bool = True,
    ) -> None:
        """Nothing is read here: :meth:`start` reads the people on the worker pool. Until
        then the window is covered (not in training), so no sale starts before it is known
        whether someone must sign in; ``covered`` false: a read at the first paint found
        nobody, the window stays open unless :meth:`start` finds someone."""
        super().__init__(window)
        self.setObjectName("accessControl")
        self.window = window
        self.store = store
        self.executor = executor
        self.training = training
        self._tz = tz
        self.enabled = not training
        """Someone must sign in (the database has people, and this is not training)."""
        self.user: UserRecord | None = None
        """The person signed in (None: locked, or nobody to sign in)."""
        self.locked = False
        self._last_name: str | None = None
        self.prompt: ManagerPrompt | None = None
        """The manager prompt on the screen (None: none)."""
        self.lock_screen = LockScreen(window)
        self.lock_screen.entered.connect(self._on_entered)
        self.lock_screen.reload_requested.connect(lambda: self._spawn(self._list_people()))
        self.label = QLabel(window.status)
        self.label.setObjectName("accessLabel")
        self.label.hide()
        window.status.addPermanentWidget(self.label)
        self.shortcut = QShortcut(QKeySequence(LOCK_KEY), window)
        self.shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        self.shortcut.activated.connect(self.lock)
        window.orders.cancel_requested.connect(self.cancel_sale)
        window.orders.reveal_requested.connect(self.reveal_code)
        # On a lock or a switch, the list hides the codes of sales others sold.
        self.user_did_change.connect(
            lambda user: window.orders.set_viewer(None if user is None else user.name)
        )
        if self.enabled and covered:
            self._cover(translate("Access", "Reading who may sell…"))

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        self.window.counter.spawn(coro)

    # --- start and people -----------------------------------------------------------------

    async def start(self) -> None:
        """Read the people: with someone active, the window stays locked for a PIN; with
        nobody, it opens as before with the notice. Training: nothing to read."""
        if self.training:
            return
        people = await self._list_people()
        if people is None:
            return  # unreadable: stays locked, said on the lock screen (Enter reads again)
        if not people and self.user is None:
            self.enabled = False
            self._uncover()
            self._show_label()
        elif people and self.user is None and not self.locked:  # added since the first paint
            self._cover("")

    async def _list_people(self) -> list[UserRecord] | None:
        """The active people, listed on the lock screen; None when they cannot be read."""
        try:
            people: list[UserRecord] = await self.executor.run(self.store.users)
        except Exception as exc:  # noqa: BLE001 - said on the lock screen, never fatal
            log.error("the shop's people could not be read: %s", type(exc).__name__)
            self.lock_screen.say(
                translate(
                    "Access",
                    "The list of people could not be read (see the log). Press Enter to try again.",
                )
            )
            return None
        self.lock_screen.set_people(people, self._last_name)
        if people and self.lock_screen.message.text() == translate(
            "Access", "Reading who may sell…"
        ):
            self.lock_screen.say("")
        return people

    # --- locking --------------------------------------------------------------------------

    def lock(self) -> None:
        """Ctrl+L: hide the counter until a PIN is typed. The sale being typed is cleared;
        sales in progress go on. With nobody to sign in yet, the people are read again first
        (someone may have been added since the window opened)."""
        if self.training:
            self.window.status.say(translate("Access", "Training mode: nobody signs in."))
            return
        if not self.enabled:
            self._spawn(self._lock_if_people())
            return
        if self.locked:
            return
        self._close_screens()
        if self.window.sale.stage is not Stage.PLACING:  # a sale being recorded finishes
            self.window.sale.reset()
        self.user = None
        self._cover("")
        self.user_did_change.emit(None)
        self._spawn(self._list_people())

    async def _lock_if_people(self) -> None:
        people = await self._list_people()
        if not people:
            self.window.status.say(
                translate("Access", "No one to sign in yet: add a manager in Settings.")
            )
            return
        self.enabled = True
        self.lock()

    def _cover(self, text: str) -> None:
        self.locked = True
        self.label.hide()
        for part in self._covered_parts():
            part.setEnabled(False)  # no focus, click or shortcut of theirs under the cover
        self.lock_screen.set_busy(False)
        self.lock_screen.say(text)
        self.lock_screen.cover()

    def _uncover(self) -> None:
        self.locked = False
        self.lock_screen.hide()
        self.lock_screen.pin.clear()
        for part in self._covered_parts():
            part.setEnabled(True)
        self.window.sale.focus_number()

    def _covered_parts(self) -> list[QWidget]:
        """What the lock screen covers: the counter and the status bar."""
        parts: list[QWidget | None] = [self.window.centralWidget(), self.window.status]
        return [part for part in parts if part is not None]

    def _close_screens(self) -> None:
        """The history, the reports or a prompt open over the counter go when it locks."""
        for dialog in self.window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def _show_label(self) -> None:
        if self.user is not None:
            self.label.setText(signed_in_text(self.user))
            self.label.setToolTip(translate("Access", "Ctrl+L locks the counter."))
        else:
            self.label.setText(translate("Access", "No manager yet: add one in Settings"))
            self.label.setToolTip("")
        self.label.show()

    # --- signing in -----------------------------------------------------------------------

    def _on_entered(self, entry: PinEntry) -> None:
        self._spawn(self._sign_in(entry))

    async def _check(self, entry: PinEntry) -> PinCheck | None:
        """``entry``'s PIN checked on the worker pool (None: it could not be)."""
        try:
            check: PinCheck = await self.executor.run(self.store.check_pin, entry.name, entry.pin)
        except Exception as exc:  # noqa: BLE001 - the type only: never the PIN
            log.error("a PIN could not be checked: %s", type(exc).__name__)
            return None
        return check

    async def _sign_in(self, entry: PinEntry) -> None:
        try:
            check = await self._check(entry)
        finally:
            self.lock_screen.set_busy(False)
        if not self.locked:
            return
        if check is None:
            self.lock_screen.say(not_checked_text())
            return
        if not check.accepted or check.user is None:
            self.lock_screen.say(refused_text(check, entry.name, self._tz))
            if check.outcome in (PinOutcome.UNKNOWN, PinOutcome.DISABLED):
                await self._list_people()
            return
        self.sign_in_as(check.user)

    def sign_in_as(self, user: UserRecord) -> None:
        """``user`` is at the counter now (their PIN was just checked, or they were just
        made the shop's manager): the counter unlocks and their sales carry their name."""
        self.enabled = True
        self.user = user
        self._last_name = user.name
        # On the loop's thread, as every engine call: the next sale placed carries it.
        self.window.counter.engine.cashier = user.name
        self.lock_screen.say("")
        self._uncover()
        self._show_label()
        self.window.status.say(translate("Access", "{name} is signed in.").format(name=user.name))
        self.user_did_change.emit(user)

    # --- the manager gate -----------------------------------------------------------------

    def _anonymous(self) -> str:
        """Who allowed an action when nobody can sign in (training, or no one yet)."""
        cashier = self.window.counter.engine.cashier
        return f"window:{cashier}"[:80] if cashier else "window"

    async def require_manager(
        self,
        action: str,
        detail: Mapping[str, object] | None = None,
        *,
        parent: QWidget | None = None,
    ) -> Approval:
        """A manager's approval of ``action``: at once for a signed-in manager, else by a
        one-off prompt over ``parent`` (the window by default). With nobody to sign in
        (training, or no one in the database yet) every action is allowed. An allowed
        action is noted in the action log (who allowed it, ``action``, ``detail``); a
        refusal, a cancelled prompt or a note that cannot be written allows nothing and says
        so in the status bar."""
        if not self.enabled and not self.training:
            # Someone may have been added since the window opened (settings, pos-app user).
            try:
                self.enabled = bool(await self.executor.run(self.store.users))
            except Exception as exc:  # noqa: BLE001 - cannot tell: ask for a manager
                log.error("the shop's people could not be read: %s", type(exc).__name__)
                self.enabled = True
        if not self.enabled:
            who = self._anonymous()
        elif (known := await self._recheck_user()) is Recheck.SIGNED_OUT:
            return self._refused(cancelled_text())
        elif known is Recheck.CURRENT and self.user is not None and self.user.is_manager:
            who = self.user.name
        else:
            manager = await self._ask_manager(action, parent or self.window)
            if manager is None:
                return self._refused(cancelled_text())
            who = manager.name
        try:
            await self.executor.run(self.store.note_action, who, action, detail)
        except Exception as exc:  # noqa: BLE001 - not noted: not done
            log.error("action %s not noted: %s", action, type(exc).__name__)
            return self._refused(
                translate("Access", "Not done: the action could not be noted (see the log).")
            )
        return Approval(True, who)

    def _refused(self, text: str) -> Approval:
        self.window.status.say(text)
        return Approval(False, None, text)

    async def _recheck_user(self) -> Recheck:
        """Read the signed-in person again on the worker pool (a manager may have been
        disabled or made a cashier since signing in, from another counter or the command
        line). Disabled or gone: signed out, the counter locks. Another role: taken."""
        user = self.user
        if user is None:
            return Recheck.UNREAD
        try:
            fresh: UserRecord | None = await self.executor.run(self.store.user, user.name)
        except Exception as exc:  # noqa: BLE001 - cannot tell: their role is not trusted
            log.error("the signed-in person could not be read: %s", type(exc).__name__)
            return Recheck.UNREAD
        if self.user is not user:  # locked or switched meanwhile
            return Recheck.UNREAD
        if fresh is None or not fresh.active:
            self.lock()
            self.lock_screen.say(
                translate("Access", "{name} is disabled: signed out.").format(name=user.name)
            )
            return Recheck.SIGNED_OUT
        if fresh.role is not user.role:
            self.user = fresh
            self._show_label()
            self.user_did_change.emit(fresh)
        return Recheck.CURRENT

    async def _ask_manager(self, action: str, parent: QWidget) -> UserRecord | None:
        """The manager who typed their PIN in a one-off prompt; None when it was cancelled."""

        def showing(prompt: ManagerPrompt | None) -> None:
            self.prompt = prompt

        return await ask_manager(
            self.store, self.executor, self._spawn, action, parent, tz=self._tz, showing=showing
        )

    # --- a card code hidden in the list ---------------------------------------------------

    def reveal_code(self, ref: str) -> None:
        """The list asked to show ``ref``'s hidden card code (someone else sold it): a
        manager allows it, then it shows and can be copied until the next lock or switch."""
        self._spawn(self._reveal_code(ref))

    async def _reveal_code(self, ref: str) -> None:
        if await self.require_manager(gate.SALE_CODE_SHOW, {"ref": ref}):
            self.window.orders.reveal(ref)

    # --- cancelling a sale not yet sent ---------------------------------------------------

    def cancel_sale(self, ref: str) -> None:
        """The in-progress list asked to cancel ``ref`` (a sale not yet sent): a manager
        allows it, then the engine cancels it or says why not."""
        self._spawn(self._cancel_sale(ref))

    async def _cancel_sale(self, ref: str) -> None:
        if not await self.require_manager(gate.SALE_CANCEL, {"ref": ref}):
            return
        try:
            await self.window.counter.cancel(ref)
        except SaleRefusedError as exc:
            self.window.status.say(messages.for_refusal(exc.reason))
            return
        self.window.status.say(translate("Access", "Sale {ref} cancelled.").format(ref=ref))


async def ask_manager(
    store: PeopleStore,
    executor: Offloader,
    spawn: Callable[[Coroutine[Any, Any, Any]], None],
    action: str,
    parent: QWidget,
    *,
    tz: tzinfo | None = None,
    showing: Callable[[ManagerPrompt | None], None] | None = None,
) -> UserRecord | None:
    """A one-off manager prompt over ``parent`` for ``action``, the PINs checked against
    ``store`` on ``executor``; the manager who typed theirs, None when it was cancelled (or
    the people could not be read). ``showing`` is told of the prompt, then of None."""
    try:
        people: list[UserRecord] = await executor.run(store.users)
    except Exception as exc:  # noqa: BLE001 - no prompt without the managers' names
        log.error("the shop's people could not be read: %s", type(exc).__name__)
        return None
    managers = [person for person in people if person.is_manager]
    prompt = ManagerPrompt(managers, action_text(action), parent)
    answer: asyncio.Future[UserRecord | None] = asyncio.get_running_loop().create_future()

    async def check(entry: PinEntry) -> None:
        try:
            result: PinCheck | None = await executor.run(store.check_pin, entry.name, entry.pin)
        except Exception as exc:  # noqa: BLE001 - the type only: never the PIN
            log.error("a PIN could not be checked: %s", type(exc).__name__)
            result = None
        finally:
            prompt.set_busy(False)
        if answer.done():
            return
        if result is None:
            prompt.say(not_checked_text())
        elif not result.accepted or result.user is None:
            prompt.say(refused_text(result, entry.name, tz))
        elif not result.user.is_manager:
            not_manager = translate("Access", "{name} is not a manager.")
            prompt.say(not_manager.format(name=result.user.name))
        else:
            answer.set_result(result.user)
            prompt.accept()

    def finished(_result: int) -> None:
        if not answer.done():
            answer.set_result(None)

    prompt.entered.connect(lambda entry: spawn(check(entry)))
    prompt.finished.connect(finished)
    if showing is not None:
        showing(prompt)
    prompt.open()
    try:
        return await answer
    finally:
        if showing is not None:
            showing(None)
        prompt.hide()
        prompt.deleteLater()


def require_manager_of(window: QWidget) -> gate.ManagerGate | None:
    """The manager gate of ``window`` (None: no access control installed)."""
    control = window.findChild(AccessControl, "accessControl")
    return control.require_manager if control is not None else None


async def require_manager(
    window: QWidget,
    action: str,
    detail: Mapping[str, object] | None = None,
    *,
    parent: QWidget | None = None,
) -> Approval:
    """Ask ``window``'s access control for a manager's approval of ``action`` (see
    :meth:`AccessControl.require_manager`); allowed when the window has none (as before).
    The settings screen awaits ``require_manager(window, gate.SETTINGS_OPEN)`` before
    opening."""
    check = require_manager_of(window)
    if check is None:
        return Approval(True)
    return await check(action, detail, parent=parent)


def install_access(
    window: MainWindow,
    store: PeopleStore,
    executor: Offloader,
    *,
    training: bool,
    screens: tuple[Launcher, ...] = (),
    tz: tzinfo | None = None,
    covered: bool = True,
) -> AccessControl:
    """Give ``window`` its lock screen, Ctrl+L and manager gate (``screens``' launchers get
    the gate for their manager-only actions), and start reading the people (``covered``:
    :class:`AccessControl`)."""
    control = AccessControl(window, store, executor, training=training, tz=tz, covered=covered)
    for launcher in screens:
        launcher.manager_gate = control.require_manager
    window.counter.spawn(control.start())
    return control

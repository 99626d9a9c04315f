"""Ctrl+, (and the window's Settings button) opens the settings dialog, whose module is
imported, and the dialog built, only then: start-up time matters.

The dialog opens only once a manager allowed it (:meth:`SettingsLauncher.open`, the one way
in). The window's own database: its access control decides (``require_manager``). In
training the window's database is a throwaway one and its access control is off, yet the
dialog edits the SHOP's database: there a manager of the shop's database must type their PIN
(checked against that database) whenever it has anyone active; with nobody yet, the dialog
opens as before."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

from pos_app.orders.offload import Offloader
from pos_app.store import Store
from pos_app.ui.access import Approval, ask_manager, gate, require_manager
from pos_app.ui.access.texts import cancelled_text
from pos_app.ui.i18n import translate
from pos_app.ui.main_window import MainWindow
from pos_app.ui.settings.roster import ShopPeople

if TYPE_CHECKING:
    from pos_app.ui.access.manager_prompt import ManagerPrompt
    from pos_app.ui.settings.dialog import SettingsDialog
    from pos_app.ui.settings.form import Spawn

log = logging.getLogger(__name__)

SETTINGS_KEYS = "Ctrl+,"


class SettingsLauncher(QObject):
    """The window's Settings action and button. :meth:`open` is the ONE way the dialog
    opens: the manager's PIN check goes there."""

    def __init__(
        self,
        window: MainWindow,
        executor: Offloader,
        spawn: Spawn,
        *,
        store: Store | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.executor = executor
        self._spawn = spawn
        self._store = store
        self.people = ShopPeople(store)
        """The people of the database the dialog edits (the shop's own one in training)."""
        self.dialog: SettingsDialog | None = None
        self.prompt: ManagerPrompt | None = None
        """The shop's manager prompt on the screen (training only; None: none)."""
        self._asking = False
        self.action = QAction(translate("MainWindow", "Settings (Ctrl+,)"), window)
        self.action.setObjectName("settingsAction")
        self.action.setShortcut(QKeySequence(SETTINGS_KEYS))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open)
        window.addAction(self.action)
        self.button = QPushButton(translate("MainWindow", "Settings"), window)
        self.button.setObjectName("settingsButton")
        self.button.setToolTip(translate("MainWindow", "Settings (Ctrl+,)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the number field keeps the focus
        self.button.clicked.connect(self.open)
        window.add_tool_button(self.button)

    def open(self) -> None:
        """Ctrl+, or the button: ask for a manager's approval, then show the dialog (see
        :meth:`open_when_allowed`; a refusal is said in the status bar)."""
        self._spawn(self.open_when_allowed())

    async def open_when_allowed(self) -> SettingsDialog | None:
        """The dialog shown once a manager allowed it (built, and its module imported, the
        first time); None when it was refused (said in the status bar) or is being asked."""
        if self._asking:
            return None  # the prompt is on the screen already
        self._asking = True
        try:
            approval = await self._approval()
        finally:
            self._asking = False
        if not approval:
            return None
        if self.dialog is None:
            from pos_app.ui.settings.dialog import SettingsDialog
            from pos_app.ui.settings.shop import ShopSettings

            shop = ShopSettings(self._store)
            self.dialog = SettingsDialog(shop, self.executor, self.window, spawn=self._spawn)
            self.dialog.people.gate = self._people_gate  # every change asks again
            self.dialog.closed_idle.connect(self.window.status.say)
        self.dialog.open_dialog(approved_by=approval.by)
        return self.dialog

    async def _approval(self) -> Approval:
        if self._store is not None:
            return await require_manager(self.window, gate.SETTINGS_OPEN)
        return await self._shop_approval(gate.SETTINGS_OPEN, {"training": True}, self.window)

    async def _people_gate(
        self,
        action: str,
        detail: Mapping[str, object] | None = None,
        *,
        parent: QWidget | None = None,
    ) -> Approval:
        """A change on the People page: the window's gate (a signed-in manager at once, else
        a manager's PIN); in training, a manager of the shop's database, as at the opening."""
        if self._store is not None:
            return await require_manager(self.window, action, detail, parent=parent)
        return await self._shop_approval(
            action, {**(detail or {}), "training": True}, parent or self.window
        )

    async def _shop_approval(
        self, action: str, detail: Mapping[str, object], parent: QWidget
    ) -> Approval:
        """Training: a manager of the shop's own database, when it has anyone active."""
        people = self.people
        try:
            anyone = bool(await self.executor.run(people.users))
        except Exception as exc:  # noqa: BLE001 - cannot tell who may: refuse, say where
            log.error("the shop's people could not be read: %s", type(exc).__name__)
            return self._refused(
                translate(
                    "Settings",
                    "The shop's people could not be read: open the settings from the selling "
                    "window (pos-app without --demo).",
                )
            )
        if not anyone:
            return Approval(True)  # a new shop: nobody to ask yet
        manager = await ask_manager(
            people, self.executor, self._spawn, action, parent, showing=self._showing
        )
        if manager is None:
            return self._refused(cancelled_text())
        try:
            await self.executor.run(people.note_action, manager.name, action, detail)
        except Exception as exc:  # noqa: BLE001 - not noted: not done
            log.error("action %s not noted: %s", action, type(exc).__name__)
            return self._refused(
                translate("Access", "Not done: the action could not be noted (see the log).")
            )
        return Approval(True, manager.name)

    def _showing(self, prompt: ManagerPrompt | None) -> None:
        self.prompt = prompt

    def _refused(self, text: str) -> Approval:
        self.window.status.say(text)
        return Approval(False, None, text)


def install_settings(
    window: MainWindow, executor: Offloader, spawn: Spawn, *, store: Store | None = None
) -> SettingsLauncher:
    """Give ``window`` its settings (Ctrl+, and a button). ``store``: the window's open store
    (None in training: the shop's own database is opened for each read and save, and its own
    managers allow the opening)."""
    return SettingsLauncher(window, executor, spawn, store=store)


async def open_settings(window: MainWindow) -> SettingsDialog | None:
    """Open the settings of ``window`` (installed by :func:`install_settings`) once a manager
    allowed it; None when refused."""
    launcher = window.findChild(SettingsLauncher)
    if launcher is None:
        raise LookupError("no settings are installed on this window")
    return await launcher.open_when_allowed()

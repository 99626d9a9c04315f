"""Ctrl+, (and the window's Settings button) opens the settings dialog, whose module is
imported, and the dialog built, only then: start-up time matters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from pos_app.orders.offload import Offloader
from pos_app.store.settings import Settings
from pos_app.ui.i18n import translate
from pos_app.ui.main_window import MainWindow

if TYPE_CHECKING:
    from pos_app.ui.settings.dialog import SettingsDialog
    from pos_app.ui.settings.form import Spawn

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
        store: Settings | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.executor = executor
        self._spawn = spawn
        self._store = store
        self.dialog: SettingsDialog | None = None
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

    def open(self) -> SettingsDialog:
        """Show the settings dialog (built, and its module imported, the first time)."""
        if self.dialog is None:
            from pos_app.ui.settings.dialog import SettingsDialog
            from pos_app.ui.settings.shop import ShopSettings

            self.dialog = SettingsDialog(
                ShopSettings(self._store), self.executor, self.window, spawn=self._spawn
            )
        self.dialog.open_dialog()
        return self.dialog


def install_settings(
    window: MainWindow, executor: Offloader, spawn: Spawn, *, store: Settings | None = None
) -> SettingsLauncher:
    """Give ``window`` its settings (Ctrl+, and a button). ``store``: the window's open store
    (None in training: the shop's own database is opened for each read and save)."""
    return SettingsLauncher(window, executor, spawn, store=store)


def open_settings(window: MainWindow) -> SettingsDialog:
    """Open the settings of ``window`` (installed by :func:`install_settings`)."""
    launcher = window.findChild(SettingsLauncher)
    if launcher is None:
        raise LookupError("no settings are installed on this window")
    return launcher.open()

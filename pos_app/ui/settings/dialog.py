"""The settings dialog (manager only, once PINs exist): Connection, Shop, Printer, Counter, the
offline limits and People. Opened by :func:`pos_app.ui.settings.launcher.SettingsLauncher.open`
once a manager allowed it."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.orders.offload import Offloader
from pos_app.orders.settings import EngineSettings
from pos_app.ui.i18n import translate
from pos_app.ui.settings.form import SettingsForm, Spawn
from pos_app.ui.settings.people import PeoplePage
from pos_app.ui.settings.shop import ShopSettings

DEFAULT_SIZE = (760, 600)
IDLE_MS: Final = 3 * 60_000
"""The dialog closes itself, unsaved, after this long without a key or a mouse in it."""
_INPUT_EVENTS: Final = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)


class SettingsDialog(QDialog):
    """Every setting of the shop, checked as typed; Save keeps them all, or none. Left
    alone for :data:`IDLE_MS` it closes itself without saving (:attr:`closed_idle`)."""

    closed_idle = Signal(str)
    """The dialog closed itself after the idle time; the sentence saying so."""

    def __init__(
        self,
        shop: ShopSettings,
        executor: Offloader,
        parent: QWidget | None = None,
        *,
        spawn: Spawn | None = None,
        limits: EngineSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("Settings", "Settings"))
        self.resize(*DEFAULT_SIZE)
        self.form = SettingsForm(shop, executor, self, spawn=spawn)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form.connection_page(), translate("Settings", "Connection"))
        self.tabs.addTab(self.form.shop_page(), translate("Settings", "Shop"))
        self.tabs.addTab(self.form.printer_page(), translate("Settings", "Printer"))
        self.tabs.addTab(self.form.counter_page(), translate("Settings", "Counter"))
        self.tabs.addTab(self.form.limits_page(limits), translate("Settings", "Offline limits"))
        self.people = PeoplePage(shop.people, executor, self.form._spawn, self)
        self.tabs.addTab(self.people, translate("Settings", "People"))
        self.result_line = QLabel(self)
        self.result_line.setObjectName("saveResult")
        self.result_line.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(translate("Settings", "Save"), self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.setEnabled(False)
        self.close_button = QPushButton(translate("Settings", "Close"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.form.validity_changed.connect(self.save_button.setEnabled)
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(IDLE_MS)
        self.idle_timer.timeout.connect(self.close_idle)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form.notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.result_line)
        layout.addWidget(buttons)

    def open_dialog(self, approved_by: str | None = None) -> None:
        """Show the dialog with the values and the people as stored now. ``approved_by``:
        the manager who allowed this opening (noted with each change of the People page;
        None: the shop has nobody yet)."""
        self.result_line.clear()
        self.save_button.setEnabled(False)
        self.people.approved_by = approved_by
        self.people.result_line.clear()
        self.form.load()
        self.people.load()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # a key or a mouse in the dialog: not idle
        self.idle_timer.start()
        self.show()
        self.raise_()
        self.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() in _INPUT_EVENTS and self._holds(watched):
            self.idle_timer.start()
        return super().eventFilter(watched, event)

    def _holds(self, watched: QObject) -> bool:
        """Whether ``watched`` is this dialog or inside it (a manager prompt over it too)."""
        node: QObject | None = watched
        while node is not None:
            if node is self:
                return True
            node = node.parent()
        return False

    def close_idle(self) -> None:
        """Left alone too long: close without saving; a key typed and PINs are dropped."""
        if not self.isVisible():
            return
        for prompt in self.findChildren(QDialog):
            if prompt.isVisible():
                prompt.reject()
        self.reject()
        self.closed_idle.emit(
            translate(
                "Settings",
                "The settings closed after 3 minutes without use; nothing unsaved was kept.",
            )
        )

    def done(self, result: int) -> None:
        """Closing drops what was typed and not saved (the key, the People page's PINs)."""
        self.idle_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.form.key_edit is not None:
            self.form.key_edit.clear()
        for pin in (
            self.people.new_pin,
            self.people.new_pin_again,
            self.people.change_pin,
            self.people.change_pin_again,
        ):
            pin.clear()
        super().done(result)

    def save(self) -> None:
        """Save on the pool; the result in one line under the pages."""
        self.save_button.setEnabled(False)
        self.result_line.setText(translate("Settings", "Saving…"))
        self.form._spawn(self._save())

    async def _save(self) -> None:
        problem = await self.form.save()
        if problem is not None:
            self.result_line.setText(problem)
            self.save_button.setEnabled(not self.form.errors())
            return
        self.result_line.setText(
            translate("Settings", "Saved. pos-app uses the new values from its next start.")
        )
        if self.form.key_edit is not None:
            self.form.key_edit.clear()
        self.form.load()

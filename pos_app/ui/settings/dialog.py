"""The settings dialog (manager only, once PINs exist): Connection, Shop, Printer, Counter, the
offline limits and People. Opened by :func:`pos_app.ui.settings.launcher.SettingsLauncher.open`
once a manager allowed it."""

from __future__ import annotations

from PySide6.QtWidgets import (
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


class SettingsDialog(QDialog):
    """Every setting of the shop, checked as typed; Save keeps them all, or none."""

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
        self.show()
        self.raise_()
        self.activateWindow()

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

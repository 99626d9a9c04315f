"""The one-off manager prompt: a cashier is signed in and a manager-only action was asked
for; a manager picks their name and types their PIN, once, for this action only (the cashier
stays signed in). Modal to the screen that asked, never blocking the event loop: it is
opened, not executed, and the access control awaits its outcome."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.store.users import UserRecord
from pos_app.ui.access.pin_field import NameRole, PinAsking, PinField
from pos_app.ui.i18n import translate


class ManagerPrompt(PinAsking, QDialog):
    """A manager's name and PIN for one action; Esc or Cancel refuses it."""

    entered = Signal(object)
    """A :class:`PinEntry` for a manager (its form already checked)."""

    def __init__(self, managers: list[UserRecord], action: str, parent: QWidget) -> None:
        """``action``: what is asked for, in words (translated)."""
        super().__init__(parent)
        self.setObjectName("managerPrompt")
        self.setWindowTitle(translate("Access", "Manager approval"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.busy = False
        self.heading = QLabel(
            translate("Access", "A manager must allow this: {action}").format(action=action),
            self,
        )
        self.heading.setObjectName("promptHeading")
        self.heading.setWordWrap(True)
        self.hint = QLabel(
            translate(
                "Access",
                "Manager: pick your name and type your PIN. The cashier stays signed in.",
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.names = QListWidget(self)
        self.names.setObjectName("promptNames")
        self.names.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for manager in managers:
            item = QListWidgetItem(manager.name, self.names)
            item.setData(NameRole, manager.name)
        if managers:
            self.names.setCurrentRow(0)
        self.names.setMaximumHeight(
            self.names.sizeHintForRow(0) * min(max(len(managers), 1), 4)
            + 2 * self.names.frameWidth()
            + 4
        )
        pin_label = QLabel(translate("Access", "Manager's &PIN:"), self)
        self.pin = PinField(self)
        self.pin.names = self.names
        pin_label.setBuddy(self.pin)
        self.pin.returnPressed.connect(self.submit)
        self.message = QLabel(self)
        self.message.setObjectName("promptMessage")
        self.message.setWordWrap(True)
        self.submit_button = QPushButton(translate("Access", "Allow (Enter)"), self)
        self.submit_button.setAutoDefault(False)
        self.submit_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(translate("Access", "Cancel (Esc)"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        pin_row = QHBoxLayout()
        pin_row.addWidget(pin_label)
        pin_row.addWidget(self.pin, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.names)
        layout.addLayout(pin_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        self.pin.setFocus()
        if not managers:
            self.say(translate("Access", "This shop has no active manager."))
            self.submit_button.setEnabled(False)

    def event(self, event: QEvent) -> bool:
        # Enter belongs to the PIN field, not to a default button of the dialog.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            event.accept()
            return True
        return super().event(event)

    def submit(self) -> None:
        """Enter: the PIN goes to be checked and leaves the field."""
        pin = self.pin.take()
        name = self.selected_name()
        if self.busy or name is None:
            return
        self.send(name, pin)

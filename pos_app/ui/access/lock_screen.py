"""The lock screen: a page over the whole window (not a window of its own) that hides the
counter until someone signs in with their PIN.

The active people are listed (arrows or first letters pick one, from the list or from the
PIN field); Enter in the PIN field asks for the PIN to be checked (:attr:`entered`: the
access control checks it on the worker pool). The PIN is cleared from the field at every
try. While it shows, no shortcut of the window underneath works: it takes every key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
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
from pos_app.ui.access.texts import person_text
from pos_app.ui.i18n import translate


class LockScreen(PinAsking, QWidget):
    """Names, a PIN field and one line of answer; covers its parent whole while shown."""

    entered = Signal(object)
    """A :class:`PinEntry`: a PIN was typed for a name (its form already checked)."""
    reload_requested = Signal()
    """Enter with no name to pick: read the people again."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.busy = False
        self.heading = QLabel(translate("Access", "The counter is locked"), self)
        self.heading.setObjectName("lockHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(
            translate(
                "Access",
                "Pick your name (arrows or its first letters), type your PIN, press Enter.",
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.names = QListWidget(self)
        self.names.setObjectName("lockNames")
        self.names.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        pin_label = QLabel(translate("Access", "&PIN:"), self)
        self.pin = PinField(self)
        self.pin.names = self.names
        self.names.itemActivated.connect(lambda _item: self.pin.setFocus())
        self.names.itemClicked.connect(lambda _item: self.pin.setFocus())
        pin_label.setBuddy(self.pin)
        self.pin.returnPressed.connect(self.submit)
        self.submit_button = QPushButton(translate("Access", "Sign in (Enter)"), self)
        self.submit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.submit_button.clicked.connect(self.submit)
        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        card = QFrame(self)
        card.setObjectName("lockCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(480)
        pin_row = QHBoxLayout()
        pin_row.addWidget(pin_label)
        pin_row.addWidget(self.pin, 1)
        pin_row.addWidget(self.submit_button)
        inner = QVBoxLayout(card)
        inner.addWidget(self.heading)
        inner.addWidget(self.hint)
        inner.addWidget(self.names, 1)
        inner.addLayout(pin_row)
        inner.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 2)
        middle.addStretch(1)
        outer.addLayout(middle, 4)
        outer.addStretch(1)
        self.setFocusProxy(self.pin)
        parent.installEventFilter(self)
        self.hide()

    # --- covering the window --------------------------------------------------------------

    def cover(self) -> None:
        """Show over the whole parent, the PIN field focused."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        # Every key is the lock screen's while it shows: none reaches a window shortcut
        # (F3 history, F4 reports, F9 reprint, ...). The key then comes as a key press.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            event.accept()
            return True
        return super().event(event)

    # --- people ---------------------------------------------------------------------------

    def set_people(self, people: list[UserRecord], preferred: str | None = None) -> None:
        """List ``people`` and select ``preferred`` (a name) if listed, else the first."""
        self.names.clear()
        chosen = 0
        for row, user in enumerate(people):
            item = QListWidgetItem(person_text(user), self.names)
            item.setData(NameRole, user.name)
            if preferred is not None and user.name == preferred:
                chosen = row
        if people:
            self.names.setCurrentRow(chosen)

    # --- trying a PIN ---------------------------------------------------------------------

    def submit(self) -> None:
        """Enter: the PIN goes to be checked (if it has the form of a PIN) and leaves the
        field; a PIN of the wrong form is said at once and counts for nothing."""
        if self.busy:
            self.pin.clear()
            return
        name = self.selected_name()
        pin = self.pin.take()
        if name is None:
            self.say(translate("Access", "Pick your name in the list first."))
            self.reload_requested.emit()
            return
        self.send(name, pin)

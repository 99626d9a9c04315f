"""The PIN field of the lock screen and of the manager prompt: digits only, masked, 8 at
most; the names list beside it is driven from it (arrows and first letters), so a quick
switch is the first letters of a name, the PIN and Enter without leaving the field. Also
what both screens share around it (:class:`PinAsking`)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, SignalInstance
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from pos_app.domain.users import PIN_MAX_LENGTH, pin_problem
from pos_app.ui.access.texts import pin_problem_text
from pos_app.ui.i18n import translate

NameRole = Qt.ItemDataRole.UserRole
"""Where a names list keeps each person's name (a row may show more: "Amina (manager)")."""

_LIST_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown})


@dataclass(frozen=True, slots=True)
class PinEntry:
    """A name and the PIN typed for it (the PIN never shows in a repr)."""

    name: str
    pin: str

    def __repr__(self) -> str:
        return f"PinEntry(name={self.name!r}, pin=<hidden>)"


class PinField(QLineEdit):
    """A masked field taking only the digits 0-9 (at most 8). Up, Down, Page Up and Page Down
    and letters go to ``names`` (when given): they pick the person."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinField")
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setMaxLength(PIN_MAX_LENGTH)
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(f"[0-9]{{0,{PIN_MAX_LENGTH}}}"), self)
        )
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no paste of a PIN
        self.names: QAbstractItemView | None = None
        self._letters = ""  # the first letters of a name typed so far

    def take(self) -> str:
        """The PIN typed, cleared from the field at once."""
        pin = self.text()
        self.clear()
        return pin

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        names = self.names
        if names is not None and names.isEnabled():
            if event.key() in _LIST_KEYS:
                QCoreApplication.sendEvent(names, event)
                return
            text = event.text()
            plain = not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if plain and text and text.isalpha():
                self._pick_name(names, self._letters + text)
                return
        self._letters = ""  # a digit, Enter, ...: the next letters start a new name
        super().keyPressEvent(event)

    def _pick_name(self, names: QAbstractItemView, letters: str) -> None:
        """Select the first name starting with ``letters`` (any case); else, the first one
        starting with the last letter alone (typing on starts a new search)."""
        model = names.model()
        for wanted in (letters, letters[-1:]):
            key = wanted.casefold()
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                if str(index.data()).casefold().startswith(key):
                    names.setCurrentIndex(index)
                    self._letters = wanted
                    return


class PinAsking:
    """What the lock screen and the manager prompt share: a names list, one line of answer,
    and a PIN checked for its form before it is sent (a wrong form counts for nothing)."""

    entered: SignalInstance
    """A :class:`PinEntry`: a PIN of the right form was typed for a name."""
    names: QListWidget
    message: QLabel
    submit_button: QPushButton
    busy: bool

    def selected_name(self) -> str | None:
        """The name of the row selected, or None."""
        item = self.names.currentItem()
        name = None if item is None else item.data(NameRole)
        return name if isinstance(name, str) else None

    def send(self, name: str, pin: str) -> None:
        """``pin`` for ``name`` goes to be checked (:attr:`entered`; busy until then); a PIN
        of the wrong form is said at once instead."""
        problem = pin_problem(pin)
        if problem is not None:
            self.say(pin_problem_text(problem))
            return
        self.set_busy(True)
        self.say(translate("Access", "Checking the PIN…"))
        self.entered.emit(PinEntry(name, pin))

    def set_busy(self, busy: bool) -> None:
        """While a PIN is checked, another cannot be sent."""
        self.busy = busy
        self.submit_button.setEnabled(not busy)
        self.names.setEnabled(not busy)

    def say(self, text: str) -> None:
        self.message.setText(text)

"""The line number field: validates on every keystroke with ``domain.check_number`` and only
renders the verdict (inferred type, grouped digits, a precise hint). Recent numbers (from the
sales history) are offered in a popup once five digits are typed and typing pauses; the text
only changes when the cashier picks one (Down, then Enter), never by itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.numbers import LineType, NumberCheck, Problem, check_number, group_number
from pos_app.ui import messages
from pos_app.ui.i18n import translate
from pos_app.ui.qt_props import (
    LEFT_TO_RIGHT,
    MATCH_STARTS_WITH,
    NO_FOCUS,
    NO_TEXT_INTERACTION,
    USER_ROLE,
    set_props,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QCompleter

_DIGIT_KEYS = {0x30 + n: n for n in range(1, 10)}  # Qt.Key.Key_1..Key_9 (no Qt enum: qt_props)
# Fewer digits (the area code) would list many earlier customers' numbers on a screen the
# next customer may see.
MIN_COMPLETION_DIGITS = 5
OFFER_DELAY_MS = 250
_DIGITS_ROLE = USER_ROLE + 1  # what a completion puts in the field


@dataclass(frozen=True, slots=True)
class NumberEntry:
    """What the cashier typed, judged: the check, the forced type and the shown type."""

    check: NumberCheck
    forced: LineType | None

    @property
    def kind(self) -> LineType | None:
        return self.forced or self.check.kind

    @property
    def is_complete(self) -> bool:
        return self.check.is_valid


@dataclass(frozen=True, slots=True)
class FieldLook:
    """How the field renders a verdict: a style state and the texts."""

    state: str  # "empty" | "typing" | "valid" | "invalid"
    grouped: str
    hint: str


def look_of(entry: NumberEntry) -> FieldLook:
    """Pure mapping from a verdict to its look (tested without widgets)."""
    check = entry.check
    if check.problem is Problem.EMPTY:
        return FieldLook("empty", "", messages.number_hint(check))
    if check.problem is None:
        return FieldLook("valid", check.grouped, "")
    if check.problem is Problem.TOO_SHORT:
        return FieldLook("typing", check.grouped, messages.number_hint(check))
    return FieldLook("invalid", check.grouped, messages.number_hint(check))


def _recent_item(digits: str) -> QStandardItem:
    """One recent number's row: shown grouped, completed as bare digits."""
    from PySide6.QtGui import QStandardItem

    check = check_number(digits)
    item = QStandardItem(group_number(digits, check.kind) if check.kind else digits)
    item.setData(digits, _DIGITS_ROLE)
    item.setEditable(False)
    return item


class NumberField(QWidget):
    """A line edit plus its type toggle, grouped reading and hint."""

    entry_did_change = Signal(object)  # NumberEntry
    value_key_pressed = Signal(int)  # 1-9 typed once the number is complete, or Alt+1-9
    submitted = Signal()  # Enter
    escaped = Signal()  # Esc

    def __init__(self, parent: QWidget | None = None, *, keys_later: bool = False) -> None:
        """``keys_later``: the field's own keys (Enter, Esc, F2, value digits) are taken from
        :meth:`take_keys` on, not at once: the first paint makes no ``QEvent`` (its Python
        type costs some 13 M instructions) if no event reaches Python before it."""
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("numberEdit")
        self.edit.setPlaceholderText(translate("NumberField", "Line number"))
        self.edit.setMaxLength(24)
        self.edit.setAccessibleName(translate("NumberField", "Line number"))
        self._keys_taken = False
        if not keys_later:
            self.take_keys()
        self.adsl = QPushButton(translate("NumberField", "ADSL"), self)
        self.lte = QPushButton(translate("NumberField", "4G"), self)
        self._group = QButtonGroup(self)
        for button, kind in ((self.adsl, LineType.ADSL), (self.lte, LineType.LTE)):
            button.setCheckable(True)
            set_props(button, focusPolicy=NO_FOCUS)  # built at the paint: no Qt enum
            button.setObjectName("typeButton")
            button.setProperty("kind", kind.value)
            button.clicked.connect(lambda _=False, k=kind: self._on_type_clicked(k))
        self.mode = QLabel(self)
        self.mode.setObjectName("typeMode")
        self.grouped = QLabel(self)
        self.grouped.setObjectName("groupedNumber")
        set_props(self.grouped, textInteractionFlags=NO_TEXT_INTERACTION)
        # Digits read left to right in Arabic too: without this, a right-to-left window shows
        # "0 12 34 56 78" as "78 56 34 12 0".
        for widget in (self.edit, self.grouped):
            set_props(widget, layoutDirection=LEFT_TO_RIGHT)
        self.hint = QLabel(self)
        self.hint.setObjectName("numberHint")
        self.hint.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.edit, 1)
        row.addWidget(self.adsl)
        row.addWidget(self.lte)
        row.addWidget(self.mode)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.grouped)
        layout.addWidget(self.hint)

        self._recent: QStandardItemModel | None = None
        self._completer: QCompleter | None = None  # made at its first use: completer

        self._forced: LineType | None = None
        self._entry = NumberEntry(check_number(""), None)
        self.edit.textChanged.connect(self._revalidate)
        # Offered once typing pauses: a cashier typing a number straight through sees no
        # list flash up (and the GUI thread builds no popup per keystroke).
        self._offer_timer = QTimer(self)
        self._offer_timer.setSingleShot(True)
        self._offer_timer.setInterval(OFFER_DELAY_MS)
        self._offer_timer.timeout.connect(self._offer_recent)
        self.edit.textEdited.connect(self._on_text_edited)
        self._revalidate(polished=False)

    # --- public ---------------------------------------------------------------------------

    @property
    def entry(self) -> NumberEntry:
        return self._entry

    @property
    def completer(self) -> QCompleter:
        """The recent numbers' completer, made at its first use (the recent numbers come
        after the first paint; its popup is a list view of its own)."""
        if self._completer is None:
            from PySide6.QtGui import QStandardItemModel
            from PySide6.QtWidgets import QCompleter

            self._recent = QStandardItemModel(self)
            completer = QCompleter(self._recent, self)
            completer.setCompletionRole(_DIGITS_ROLE)  # match and insert bare digits
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            set_props(completer, filterMode=MATCH_STARTS_WITH)
            completer.setMaxVisibleItems(6)
            # After the field's own filter on the edit, so QCompleter's runs first there.
            completer.setWidget(self.edit)  # popped up by hand: see _offer_recent
            completer.activated.connect(self._take_completion)
            popup = completer.popup()
            assert popup is not None
            set_props(popup, layoutDirection=LEFT_TO_RIGHT)  # its own window: see edit
            # While the popup shows, QCompleter hands keys to the edit's event() directly,
            # past the edit's filter: this filter (installed after QCompleter's, so it runs
            # first) keeps F2, Alt+digit and Enter working then.
            popup.installEventFilter(self)
            self._completer = completer
        return self._completer

    def clear(self) -> None:
        self._forced = None
        self._hide_recent()
        if self.edit.text():
            self.edit.clear()  # textChanged judges the empty field
        else:
            self._revalidate()  # the forced type may have changed

    def recent(self) -> list[str]:
        """The numbers offered as completions now, newest first (their bare digits)."""
        model = self._recent
        if model is None:
            return []
        rows = (model.item(row) for row in range(model.rowCount()))
        return [str(item.data(_DIGITS_ROLE)) for item in rows if item is not None]

    def set_recent(self, numbers: Sequence[str]) -> None:
        """The numbers to offer as completions, newest first (shown grouped). After a sale
        the list has one number put first: that row alone moves, for a rebuild makes the
        completer redo its whole list (some 2 ms on the GUI thread after each sale)."""
        _ = self.completer
        model = self._recent
        assert model is not None
        new, old = list(numbers), self.recent()
        if new == old:
            return
        if new and new[1:] == [digits for digits in old if digits != new[0]][: len(new) - 1]:
            if new[0] in old:
                model.removeRow(old.index(new[0]))
            model.insertRow(0, _recent_item(new[0]))
            if model.rowCount() > len(new):
                model.removeRows(len(new), model.rowCount() - len(new))
            return
        model.clear()
        for digits in new:
            model.appendRow(_recent_item(digits))

    def force(self, kind: LineType | None) -> None:
        """Force a line type (None: infer it from the digits)."""
        self._forced = kind
        self._revalidate()

    def cycle_type(self) -> None:
        """F2: automatic -> ADSL -> 4G -> automatic."""
        order = [None, LineType.ADSL, LineType.LTE]
        self.force(order[(order.index(self._forced) + 1) % len(order)])

    # --- internals ------------------------------------------------------------------------

    def _on_text_edited(self) -> None:
        popup = self._completer.popup() if self._completer is not None else None
        if popup is not None and popup.isVisible():
            self._offer_timer.stop()
            self._offer_recent()  # already open: follow the digits now
            return
        self._offer_timer.start()  # (re)started: the list waits for a pause

    def _offer_recent(self) -> None:
        """Typed by the cashier: pop up the recent numbers that start with these digits."""
        # Judged afresh: textEdited may come before textChanged has revalidated.
        check = check_number(self.edit.text(), self._forced)
        if len(check.digits) < MIN_COMPLETION_DIGITS or check.is_valid:
            self._hide_recent()
            return
        self.completer.setCompletionPrefix(check.digits)
        if self.completer.completionCount() == 0:
            self._hide_recent()
            return
        self.completer.complete()

    def _hide_recent(self) -> None:
        self._offer_timer.stop()
        popup = self._completer.popup() if self._completer is not None else None
        if popup is not None:
            popup.hide()

    def _take_completion(self, picked: object) -> None:
        """A recent number was picked (Qt passes its completion text, or its index)."""
        digits = picked if isinstance(picked, str) else picked.data(_DIGITS_ROLE)  # type: ignore[attr-defined]
        self.edit.setText(str(digits))
        self.edit.setFocus()

    def _on_type_clicked(self, kind: LineType) -> None:
        self.force(None if self._forced is kind else kind)
        self.edit.setFocus()

    def _revalidate(self, *, polished: bool = True) -> None:
        """Judge the text and show the verdict (``polished`` false: from ``__init__``, before
        the first polish, which reads the style properties set here)."""
        self._entry = NumberEntry(check_number(self.edit.text(), self._forced), self._forced)
        look = look_of(self._entry)
        kind = self._entry.kind
        self._group.setExclusive(False)
        self.adsl.setChecked(kind is LineType.ADSL)
        self.lte.setChecked(kind is LineType.LTE)
        self._group.setExclusive(True)
        self.mode.setText(
            translate("NumberField", "forced (F2)")
            if self._forced
            else translate("NumberField", "auto (F2)")
        )
        self.grouped.setText(look.grouped or " ")
        self.hint.setText(look.hint)
        if self.edit.property("state") != look.state:
            # Re-styling costs a style-sheet pass per widget: only when the look changes,
            # not on every keystroke.
            for widget in (self.edit, self.hint, self.grouped):
                widget.setProperty("state", look.state)
                # Not polished yet (the window is being built): its first polish reads the
                # property, and style() here would cost the first paint ~10 ms (QStyle's enums).
                if polished and widget.testAttribute(QtCore.Qt.WidgetAttribute.WA_WState_Polished):
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)
        self.entry_did_change.emit(self._entry)

    def take_keys(self) -> None:
        """From now on the field's own keys act (once; see ``keys_later``)."""
        if not self._keys_taken:
            self._keys_taken = True
            self.edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if event.type() == QtCore.QEvent.Type.KeyPress:
            assert isinstance(event, QtGui.QKeyEvent)
            if watched is self.edit:
                return self._edit_key(event)
            if self._completer is not None and watched is self._completer.popup():
                return self._popup_key(event)
        return super().eventFilter(watched, event)

    def _edit_key(self, event: QKeyEvent) -> bool:
        """The field's own keys; True when taken (not typed into the number)."""
        Qt = QtCore.Qt  # noqa: N806 - read at the first key, after the paint (qt_props)
        key = Qt.Key(event.key())
        mods = event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.isAutoRepeat():
                self.submitted.emit()
            return True
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return True
        if key == Qt.Key.Key_F2:
            self.cycle_type()
            return True
        if key in _DIGIT_KEYS and (
            mods & Qt.KeyboardModifier.AltModifier
            or (self._entry.is_complete and not mods & Qt.KeyboardModifier.ControlModifier)
        ):
            self.value_key_pressed.emit(_DIGIT_KEYS[key])
            return True
        return False

    def _popup_key(self, event: QKeyEvent) -> bool:
        """A key while recent numbers are offered: arrows move in the list, Enter on a
        highlighted number takes it, Esc closes the list (QCompleter does those); F2,
        Alt+digit and Enter with nothing highlighted close it and act as in the field."""
        Qt = QtCore.Qt  # noqa: N806 - read at the first key, after the paint (qt_props)
        key = Qt.Key(event.key())
        popup = self.completer.popup()
        if key == Qt.Key.Key_Escape:
            self._offer_timer.stop()  # dismissed: it must not come back by itself
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and popup is not None:
            if popup.currentIndex().isValid():
                return False
        elif key != Qt.Key.Key_F2 and not (
            key in _DIGIT_KEYS and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            return False  # typing and moving: QCompleter forwards or handles it
        self._hide_recent()
        return self._edit_key(event)

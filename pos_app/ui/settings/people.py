"""The settings' People page (manager only, as the whole dialog): the shop's people (name,
role, active, locked until), adding a person, changing a PIN, disabling and enabling.

Each action is saved at once, as its own store call (not by the dialog's Save), and noted in
the action log with the name of the manager who allowed the dialog's opening. A PIN is typed
twice in masked digit-only fields, taken out of them at once, and hashed on the worker pool
(scrypt, never on the GUI thread). The store's refusals (the last manager kept, a name taken,
a PIN that breaks the rule) are shown next to the field concerned."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.users import (
    NAME_MAX_LENGTH,
    NAME_MESSAGES,
    NameProblem,
    PinProblem,
    Role,
    name_key,
    name_problem,
    pin_problem,
)
from pos_app.orders.offload import Offloader
from pos_app.store.errors import (
    DuplicateUserError,
    InvalidUserInputError,
    LastManagerError,
    UnknownUserError,
    UserError,
)
from pos_app.store.users import UserRecord
from pos_app.ui.access.gate import PEOPLE_CHANGE, ManagerGate
from pos_app.ui.access.pin_field import PinField
from pos_app.ui.access.texts import cancelled_text, pin_problem_text, role_text
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.settings.form import Spawn
from pos_app.ui.settings.roster import ShopPeople
from pos_app.ui.settings.rows import reason_label, show_reason, stacked, tab_order

log = logging.getLogger(__name__)

NO_MANAGER_YET: Final = "settings"
"""Who is noted for a change made while the shop had nobody to approve the dialog."""

Index = QModelIndex | QPersistentModelIndex


def name_text(problem: NameProblem) -> str:
    """Why a name is refused, in the window's language."""
    return translate("users", NAME_MESSAGES[problem])


def pins_problem(first: str, second: str) -> str | None:
    """Why a PIN typed twice is refused (translated), or None."""
    problem = pin_problem(first)
    if problem is not None:
        return pin_problem_text(problem)
    if first != second:
        return translate("People", "The two PINs differ: type the same PIN twice.")
    return None


def name_field(parent: QWidget, object_name: str) -> QLineEdit:
    """A field for a person's name (a name too long is typed whole: refused, not cut)."""
    edit = QLineEdit(parent)
    edit.setObjectName(object_name)
    edit.setMaxLength(NAME_MAX_LENGTH + 10)
    return edit


def last_manager_text(name: str) -> str:
    return translate(
        "People", "{name} is the last active manager: make someone else a manager first."
    ).format(name=name)


class PeopleModel(QAbstractTableModel):
    """The shop's people, one row each: name, role, active, locked until."""

    COLUMNS: Final = 4

    def __init__(self, parent: QWidget | None = None, *, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self._people: list[UserRecord] = []
        self._tz = tz

    def set_people(self, people: list[UserRecord]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person(self, row: int) -> UserRecord | None:
        return self._people[row] if 0 <= row < len(self._people) else None

    def row_of(self, name: str) -> int:
        """The row of ``name`` (compared as the store compares names), -1 when absent."""
        key = name_key(name)
        for row, person in enumerate(self._people):
            if name_key(person.name) == key:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt)
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt)
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(  # noqa: N802 (Qt)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            translate("People", "Name"),
            translate("People", "Role"),
            translate("People", "Active"),
            translate("People", "Locked until"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self.person(index.row()) if index.isValid() else None
        if person is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return person.name
        if column == 1:
            return role_text(person.role)
        if column == 2:
            return translate("People", "yes") if person.active else translate("People", "no")
        if column == 3 and person.locked_until is not None:
            return ltr(person.locked_until.astimezone(self._tz).strftime("%Y-%m-%d %H:%M"))
        if column == 3:
            return ""
        return None


class PeoplePage(QWidget):
    """The People page; ``approved_by`` is the manager who allowed the dialog (None: the shop
    had nobody yet), noted with every change."""

    def __init__(
        self,
        people: ShopPeople,
        executor: Offloader,
        spawn: Spawn,
        parent: QWidget | None = None,
        *,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("peoplePage")
        self.people = people
        self.executor = executor
        self._spawn = spawn
        self.approved_by: str | None = None
        self.gate: ManagerGate | None = None
        """Asked before each change (None: not asked, the opening's approval stands). The
        window's gate lets a signed-in manager through and asks a cashier's manager for
        their PIN, for every change: whoever stays at the dialog cannot add a manager."""
        self.busy = False
        self.model = PeopleModel(self, tz=tz)
        self.table = QTableView(self)
        self.table.setObjectName("peopleTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        note = QLabel(translate("People", "Each change here is saved at once."), self)
        note.setWordWrap(True)

        # -- adding --------------------------------------------------------------------------
        adding = QGroupBox(translate("People", "Add a person"), self)
        self.name_edit = name_field(adding, "personName")
        self.name_reason = reason_label(adding)
        self.role_box = QComboBox(adding)
        self.role_box.setObjectName("personRole")
        self.role_box.addItem(role_text(Role.CASHIER), Role.CASHIER.value)
        self.role_box.addItem(role_text(Role.MANAGER), Role.MANAGER.value)
        self.role_reason = reason_label(adding)
        self.new_pin = PinField(adding)
        self.new_pin.setObjectName("newPin")
        self.new_pin_again = PinField(adding)
        self.new_pin_again.setObjectName("newPinAgain")
        self.new_pin_reason = reason_label(adding)
        self.add_button = QPushButton(translate("People", "Add"), adding)
        self.add_button.setObjectName("addPerson")
        self.add_button.clicked.connect(self.add)
        add_form = QFormLayout(adding)
        add_form.addRow(translate("People", "Name"), stacked(self.name_edit, self.name_reason))
        add_form.addRow(translate("People", "Role"), stacked(self.role_box, self.role_reason))
        add_form.addRow(translate("People", "PIN (4 to 8 digits)"), self.new_pin)
        add_form.addRow(
            translate("People", "PIN again"), stacked(self.new_pin_again, self.new_pin_reason)
        )
        add_form.addRow("", self.add_button)

        # -- the person selected -------------------------------------------------------------
        chosen = QGroupBox(translate("People", "The person selected"), self)
        self.chosen_name = QLabel(chosen)
        self.chosen_name.setObjectName("chosenName")
        self.change_pin = PinField(chosen)
        self.change_pin.setObjectName("changePin")
        self.change_pin_again = PinField(chosen)
        self.change_pin_again.setObjectName("changePinAgain")
        self.change_reason = reason_label(chosen)
        self.change_button = QPushButton(translate("People", "Change the PIN"), chosen)
        self.change_button.setObjectName("changePinButton")
        self.change_button.clicked.connect(self.change)
        self.active_button = QPushButton(translate("People", "Disable"), chosen)
        self.active_button.setObjectName("toggleActive")
        self.active_button.clicked.connect(self.toggle_active)
        self.active_reason = reason_label(chosen)
        chosen_form = QFormLayout(chosen)
        chosen_form.addRow(self.chosen_name)
        chosen_form.addRow(translate("People", "New PIN"), self.change_pin)
        chosen_form.addRow(
            translate("People", "New PIN again"),
            stacked(self.change_pin_again, self.change_reason),
        )
        chosen_form.addRow("", self.change_button)
        chosen_form.addRow("", stacked(self.active_button, self.active_reason))

        self.result_line = QLabel(self)
        self.result_line.setObjectName("peopleResult")
        self.result_line.setWordWrap(True)
        sides = QHBoxLayout()
        sides.addWidget(adding, 1)
        sides.addWidget(chosen, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(sides)
        layout.addWidget(self.result_line)
        tab_order(
            self.table,
            self.name_edit,
            self.role_box,
            self.new_pin,
            self.new_pin_again,
            self.add_button,
            self.change_pin,
            self.change_pin_again,
            self.change_button,
            self.active_button,
        )
        # Enter in a group's fields presses that group's button, not the dialog's Save.
        self._enter_presses: dict[QObject, Callable[[], None]] = {
            self.name_edit: self.add,
            self.role_box: self.add,
            self.new_pin: self.add,
            self.new_pin_again: self.add,
            self.change_pin: self.change,
            self.change_pin_again: self.change,
        }
        for field in self._enter_presses:
            field.installEventFilter(self)
        self._selected()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        """Enter in an add-person field adds; in a new-PIN field, changes the PIN."""
        press = self._enter_presses.get(watched)
        if (
            press is not None
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            press()
            return True
        return super().eventFilter(watched, event)

    # -- who and what ------------------------------------------------------------------------

    @property
    def by(self) -> str:
        """The name noted with each change."""
        return self.approved_by or NO_MANAGER_YET

    def selected(self) -> UserRecord | None:
        index = self.table.currentIndex()
        return self.model.person(index.row()) if index.isValid() else None

    def select(self, name: str) -> None:
        row = self.model.row_of(name)
        if row >= 0:  # not selectRow: right to left it may pick no column, and no row
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    def _selected(self, *_args: object) -> None:
        person = self.selected()
        for widget in (self.change_pin, self.change_pin_again, self.change_button):
            widget.setEnabled(person is not None and not self.busy)
        self.active_button.setEnabled(person is not None and not self.busy)
        show_reason(self.change_reason, None)
        show_reason(self.active_reason, None)
        if person is None:
            self.chosen_name.setText(translate("People", "Select a person in the list."))
            self.active_button.setText(translate("People", "Disable"))
            return
        self.chosen_name.setText(person.name)
        self.active_button.setText(
            translate("People", "Disable") if person.active else translate("People", "Enable")
        )

    async def _approved(self, detail: dict[str, object]) -> str | None:
        """The name to note with a change (``detail``), once the gate allowed it; None when
        it did not (said on the page; the caller is busy no more)."""
        if self.gate is None:
            return self.by
        approval = await self.gate(PEOPLE_CHANGE, detail, parent=self)
        if not approval:
            self._set_busy(False)
            self.result_line.setText(approval.text or cancelled_text())
            return None
        return approval.by or self.by

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.add_button.setEnabled(not busy)
        self._selected()

    # -- reading -----------------------------------------------------------------------------

    def load(self, select: str | None = None) -> None:
        """Read the people on the pool and list them (``select``: that name then)."""
        self._spawn(self._load(select))

    async def _load(self, select: str | None = None) -> None:
        current = self.selected()
        chosen = select or (current.name if current is not None else None)
        try:
            people: list[UserRecord] = await self.executor.run(self.people.users, True)
        except Exception as exc:  # noqa: BLE001 - said on the page, never a crash
            log.error("the shop's people could not be read: %s", type(exc).__name__)
            self.result_line.setText(
                translate("People", "The list of people could not be read (see the log).")
            )
            return
        self.model.set_people(people)
        if chosen is not None:
            self.select(chosen)
        self._selected()

    # -- adding ------------------------------------------------------------------------------

    def add(self) -> None:
        """Add the person typed (the PINs leave their fields at once); refused with the
        reason beside the field."""
        first, second = self.new_pin.take(), self.new_pin_again.take()
        if self.busy:
            return
        name = self.name_edit.text()
        role = str(self.role_box.currentData())
        problem = name_problem(name)
        show_reason(self.name_reason, name_text(problem) if problem is not None else None)
        show_reason(self.role_reason, None)
        pin_text = pins_problem(first, second)
        show_reason(self.new_pin_reason, pin_text)
        if problem is not None or pin_text is not None:
            self.result_line.setText(translate("People", "Not added: see the reasons in red."))
            return
        self._set_busy(True)
        self.result_line.setText(translate("People", "Saving…"))
        self._spawn(self._add(name.strip(), first, role))

    async def _add(self, name: str, pin: str, role: str) -> None:
        by = await self._approved({"change": "add", "name": name, "role": role})
        if by is None:
            return
        try:
            person: UserRecord = await self.executor.run(
                lambda: self.people.add_user(name, pin, role, by=by)
            )
        except UserError as exc:
            self._set_busy(False)
            self._add_refused(exc, name)
            return
        except Exception as exc:  # noqa: BLE001 - a disk or database failure: said
            self._set_busy(False)
            self._failed(exc)
            return
        self._set_busy(False)
        if self.approved_by is None and person.is_manager:
            self.approved_by = person.name  # the shop's first manager makes the next changes
        self.name_edit.clear()
        show_reason(self.name_reason, None)
        self.result_line.setText(
            translate("People", "{name} added ({role}).").format(
                name=person.name, role=role_text(person.role)
            )
        )
        await self._load(person.name)

    def _add_refused(self, exc: UserError, name: str) -> None:
        self.result_line.setText(translate("People", "Not added: see the reasons in red."))
        if isinstance(exc, DuplicateUserError):
            show_reason(
                self.name_reason,
                translate(
                    "People", "Someone is already called {name}: choose another name."
                ).format(name=exc.name),
            )
        elif isinstance(exc, LastManagerError):
            show_reason(
                self.role_reason,
                translate("People", "The shop has no manager yet: the first person is a manager."),
            )
        elif isinstance(exc, InvalidUserInputError) and isinstance(exc.problem, NameProblem):
            show_reason(self.name_reason, name_text(exc.problem))
        elif isinstance(exc, InvalidUserInputError) and isinstance(exc.problem, PinProblem):
            show_reason(self.new_pin_reason, pin_problem_text(exc.problem))
        else:
            self._failed(exc)

    # -- changing a PIN ----------------------------------------------------------------------

    def change(self) -> None:
        """Give the person selected the PIN typed twice (both fields cleared at once)."""
        first, second = self.change_pin.take(), self.change_pin_again.take()
        person = self.selected()
        if self.busy or person is None:
            return
        problem = pins_problem(first, second)
        show_reason(self.change_reason, problem)
        if problem is not None:
            return
        self._set_busy(True)
        self.result_line.setText(translate("People", "Saving…"))
        self._spawn(self._change(person.name, first))

    async def _change(self, name: str, pin: str) -> None:
        def refused(exc: UserError) -> None:
            if isinstance(exc, InvalidUserInputError) and isinstance(exc.problem, PinProblem):
                show_reason(self.change_reason, pin_problem_text(exc.problem))
            self.result_line.setText(translate("People", "The PIN was not changed."))

        by = await self._approved({"change": "pin", "name": name})
        if by is None:
            return
        await self._save_change(
            name,
            lambda: self.people.set_pin(name, pin, by=by),
            InvalidUserInputError,
            refused,
            translate("People", "{name}'s PIN is changed; their lock-out is cleared.").format(
                name=name
            ),
        )

    # -- disabling and enabling --------------------------------------------------------------

    def toggle_active(self) -> None:
        """Disable the person selected (enable them when disabled)."""
        person = self.selected()
        if self.busy or person is None:
            return
        self._set_busy(True)
        self.result_line.setText(translate("People", "Saving…"))
        self._spawn(self._toggle(person.name, disable=person.active))

    async def _toggle(self, name: str, *, disable: bool) -> None:
        call = self.people.disable_user if disable else self.people.enable_user

        def refused(_exc: UserError) -> None:
            show_reason(self.active_reason, last_manager_text(name))
            self.result_line.setText(translate("People", "Nothing was changed."))

        done = (
            translate("People", "{name} is disabled: they can no longer sign in.")
            if disable
            else translate("People", "{name} is enabled again.")
        )
        by = await self._approved({"change": "disable" if disable else "enable", "name": name})
        if by is None:
            return
        await self._save_change(
            name, lambda: call(name, by=by), LastManagerError, refused, done.format(name=name)
        )

    async def _save_change(
        self,
        name: str,
        work: Callable[[], object],
        refusal: type[UserError],
        refused: Callable[[UserError], None],
        done: str,
    ) -> None:
        """Run ``work`` (a change of ``name``) on the pool; say ``done`` and list the people
        again, else say why not: a ``refusal`` through ``refused``, a person gone, a failure."""
        try:
            await self.executor.run(work)
        except refusal as exc:
            self._set_busy(False)
            refused(exc)
            return
        except UnknownUserError:
            self._set_busy(False)
            self._gone(name)
            await self._load()
            return
        except Exception as exc:  # noqa: BLE001 - said, never a crash
            self._set_busy(False)
            self._failed(exc)
            return
        self._set_busy(False)
        self.result_line.setText(done)
        await self._load(name)

    # -- failures ----------------------------------------------------------------------------

    def _gone(self, name: str) -> None:
        self.result_line.setText(
            translate("People", "No one is called {name} any more: the list is read again.").format(
                name=name
            )
        )

    def _failed(self, exc: BaseException) -> None:
        log.error("a change of the shop's people failed: %s", type(exc).__name__)
        self.result_line.setText(
            translate(
                "People",
                "Nothing was saved: the shop's database could not be written (see the log).",
            )
        )

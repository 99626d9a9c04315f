"""The first-run set-up: ``pos-app`` without a key (none kept, none in the environment) shows
it instead of the bare window. A few pages (the key with Test connection, the shop's name,
the printer, the manager's name and PIN), and training mode one click away on every page.
Finishing saves like the settings dialog, makes the manager (``add_user`` by ``setup``) and
opens the selling window with the key, signed in as that manager.

The pages are a list (:attr:`SetupDialog.pages`), so a step can be added. The manager's step
is required unless the shop has an active manager already (then the counter opens locked)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.users import NameProblem, PinProblem, Role, name_problem
from pos_app.orders.offload import Offloader
from pos_app.store.errors import DuplicateUserError, InvalidUserInputError
from pos_app.store.users import UserRecord
from pos_app.ui.access.pin_field import PinField
from pos_app.ui.access.texts import pin_problem_text
from pos_app.ui.i18n import translate
from pos_app.ui.settings.form import SettingsForm, Spawn
from pos_app.ui.settings.people import name_field, name_text, pins_problem
from pos_app.ui.settings.rows import first_field, reason_label, show_reason, stacked, tab_order
from pos_app.ui.settings.shop import ShopSettings

log = logging.getLogger(__name__)

DEFAULT_SIZE: Final = (720, 520)
SETUP_BY: Final = "setup"
"""Who is noted in the action log for the manager the set-up makes."""


@dataclass(frozen=True, slots=True)
class SetupOutcome:
    """How the set-up ended: training mode, or the key just kept (sell for real) and the
    manager just made (None: the shop had one already)."""

    training: bool
    api_key: str | None = field(default=None, repr=False)
    manager: UserRecord | None = None


class ManagerStep(QWidget):
    """The manager's name and PIN (twice, masked, digits only), checked as the step is left;
    the PINs leave their fields when taken."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("managerStep")
        self.existing: list[str] = []
        """The shop's active managers already there (then nothing is asked)."""
        self.name_edit = name_field(self, "managerName")
        self.name_reason = reason_label(self)
        self.pin = PinField(self)
        self.pin.setObjectName("managerPin")
        self.pin_again = PinField(self)
        self.pin_again.setObjectName("managerPinAgain")
        self.pin_reason = reason_label(self)
        self.note = QLabel(self)
        self.note.setObjectName("managerNote")
        self.note.setWordWrap(True)
        self.note.hide()
        form = QFormLayout(self)
        form.addRow(translate("Setup", "Your name"), stacked(self.name_edit, self.name_reason))
        form.addRow(translate("Setup", "PIN (4 to 8 digits)"), self.pin)
        form.addRow(translate("Setup", "PIN again"), stacked(self.pin_again, self.pin_reason))
        form.addRow(self.note)
        tab_order(self.name_edit, self.pin, self.pin_again)

    @property
    def required(self) -> bool:
        return not self.existing

    def set_existing(self, managers: list[str]) -> None:
        """The shop has these active managers: nothing is asked, the counter opens locked."""
        self.existing = list(managers)
        for widget in (self.name_edit, self.pin, self.pin_again):
            widget.setEnabled(not self.existing)
        if self.existing:
            self.note.setText(
                translate(
                    "Setup",
                    "This shop has a manager already ({names}): the counter opens locked, "
                    "sign in there.",
                ).format(names=", ".join(self.existing))
            )
        self.note.setVisible(bool(self.existing))

    def problem(self) -> str | None:
        """Why the step cannot be left (translated, the reasons shown beside the fields)."""
        if not self.required:
            return None
        name = name_problem(self.name_edit.text())
        self.show_name_reason(name_text(name) if name is not None else None)
        pins = pins_problem(self.pin.text(), self.pin_again.text())
        self.show_pin_reason(pins)
        if name is not None or pins is not None:
            return translate("Setup", "Type your name and the same PIN twice.")
        return None

    def take(self) -> tuple[str, str]:
        """The name and the PIN typed; both PIN fields are cleared."""
        pin = self.pin.take()
        self.pin_again.clear()
        return self.name_edit.text().strip(), pin

    def show_name_reason(self, text: str | None) -> None:
        show_reason(self.name_reason, text)

    def show_pin_reason(self, text: str | None) -> None:
        show_reason(self.pin_reason, text)


@dataclass(frozen=True, slots=True)
class SetupPage:
    """One step: its title, a sentence saying what it is for, and how its page is built."""

    name: str
    title: str
    intro: str
    build: Callable[[SettingsForm], QWidget]


def default_pages() -> list[SetupPage]:
    """The steps, in order: the key, the shop, the printer, the manager."""
    return [
        SetupPage(
            "key",
            translate("Setup", "Your OneClickDZ API key"),
            translate(
                "Setup",
                "Paste the API key of your OneClickDZ account, then press Test connection. "
                "It is kept in this computer's keyring, never in a file.",
            ),
            lambda form: form.connection_page(with_url=False),
        ),
        SetupPage(
            "shop",
            translate("Setup", "Your shop"),
            translate("Setup", "The name printed at the top of every receipt."),
            lambda form: form.shop_page(name_only=True),
        ),
        SetupPage(
            "printer",
            translate("Setup", "Receipt printer (optional)"),
            translate(
                "Setup",
                "A network receipt printer needs its address; the others can be set later in "
                "the settings (Ctrl+,).",
            ),
            lambda form: form.printer_page(brief=True),
        ),
        SetupPage(
            "manager",
            translate("Setup", "Manager: your name and a PIN (twice)"),
            translate(
                "Setup",
                "The manager opens the settings, closes the day and adds the cashiers. The PIN "
                "signs you in at the counter: keep it to yourself.",
            ),
            lambda _form: ManagerStep(),
        ),
    ]


class SetupDialog(QDialog):
    """The set-up's steps; ``done_with`` carries the :class:`SetupOutcome` (closing the
    dialog: None)."""

    done_with = Signal(object)

    def __init__(
        self,
        shop: ShopSettings,
        executor: Offloader,
        parent: QWidget | None = None,
        *,
        spawn: Spawn | None = None,
        pages: list[SetupPage] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupDialog")
        self.setWindowTitle(translate("Setup", "pos-app: first start"))
        self.resize(*DEFAULT_SIZE)
        self.form = SettingsForm(shop, executor, self, spawn=spawn)
        self.pages = pages if pages is not None else default_pages()
        self._ended = False
        welcome = QLabel(
            translate("Setup", "Welcome. {n} steps and the counter is ready.").format(
                n=len(self.pages)
            ),
            self,
        )
        welcome.setObjectName("heading")
        welcome.setWordWrap(True)
        self.training_button = QPushButton(
            translate("Setup", "Use training mode (no key, no real money)"), self
        )
        self.training_button.setObjectName("trainingButton")
        self.training_button.setMinimumHeight(48)
        self.training_button.clicked.connect(self.use_training)
        self.title = QLabel(self)
        self.title.setObjectName("setupTitle")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.manager_step: ManagerStep | None = None
        for page in self.pages:
            widget = page.build(self.form)
            if isinstance(widget, ManagerStep):
                self.manager_step = widget
            self.stack.addWidget(widget)
        self.result_line = QLabel(self)
        self.result_line.setObjectName("saveResult")
        self.result_line.setWordWrap(True)
        self.back_button = QPushButton(translate("Setup", "Back"), self)
        self.next_button = QPushButton(translate("Setup", "Next"), self)
        self.next_button.setObjectName("nextButton")
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(welcome)
        layout.addWidget(self.training_button)
        layout.addSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.form.notice)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.result_line)
        layout.addLayout(buttons)
        self.show_page(0)

    def start(self) -> None:
        """Read what is stored already (a shop name, a printer, its managers) and show the
        first step."""
        self.form.load()
        if self.manager_step is not None:
            self.form._spawn(self._read_managers())
        self.show()

    async def _read_managers(self) -> None:
        try:
            people = await self.form.executor.run(self.form.shop.people.users)
        except Exception as exc:  # noqa: BLE001 - unreadable: asked; the finish says why
            log.warning("the shop's people could not be read: %s", type(exc).__name__)
            return
        if self.manager_step is not None:
            self.manager_step.set_existing([p.name for p in people if p.is_manager])

    @property
    def index(self) -> int:
        return self.stack.currentIndex()

    def show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        page = self.pages[index]
        self.title.setText(
            translate("Setup", "Step {n} of {total}: {title}").format(
                n=index + 1, total=len(self.pages), title=page.title
            )
        )
        self.intro.setText(page.intro)
        self.back_button.setEnabled(index > 0)
        last = index == len(self.pages) - 1
        self.next_button.setText(
            translate("Setup", "Finish and start selling") if last else translate("Setup", "Next")
        )
        self.result_line.clear()
        # The first field has the focus, so a key typed at once lands there (none: Next).
        page_widget = self.stack.currentWidget()
        field = first_field(page_widget) if page_widget is not None else None
        (field or self.next_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def back(self) -> None:
        if self.index > 0:
            self.show_page(self.index - 1)

    def next(self) -> None:
        """The next step; on the last one, save and finish (refused, with the reason, while a
        field is wrong or no key is typed)."""
        problem = self._page_problem()
        if problem is not None:
            self.result_line.setText(problem)
            return
        if self.index < len(self.pages) - 1:
            self.show_page(self.index + 1)
            return
        self.next_button.setEnabled(False)
        self.result_line.setText(translate("Settings", "Saving…"))
        self.form._spawn(self._finish())

    def _page_problem(self) -> str | None:
        if self.form.data is None:
            return translate("Settings", "The settings are still being read.")
        if self.pages[self.index].name == "key":
            if self.form.key_edit is not None and not self.form.key_edit.isEnabled():
                return translate(
                    "Setup",
                    "The key cannot be kept on this computer: set ONECLICK_API_KEY, or use "
                    "training mode.",
                )
            if self.form.typed_key() is None:
                return translate("Setup", "Type the API key, or use training mode.")
            refused = self.form.key_problem()
            if refused is not None:
                return refused
        widget = self.stack.currentWidget()
        if isinstance(widget, ManagerStep):
            return widget.problem()
        if self.form.errors():
            return translate("Settings", "Some values are not accepted: see the reasons in red.")
        return None

    async def _finish(self) -> None:
        key = self.form.typed_key()
        step = self.manager_step
        typed = step.take() if step is not None and step.required else None
        problem = await self.form.save()
        if problem is None and typed is not None:
            manager, problem = await self._add_manager(*typed)
        else:
            manager = None
        self.next_button.setEnabled(True)
        if problem is not None:
            self.result_line.setText(problem)
            return
        self._end(SetupOutcome(training=False, api_key=key, manager=manager))

    async def _add_manager(self, name: str, pin: str) -> tuple[UserRecord | None, str | None]:
        """The shop's first manager, made on the pool (the PIN's hash is slow); else why not
        (translated, said beside the field too)."""
        people = self.form.shop.people
        step = self.manager_step
        assert step is not None
        try:
            manager: UserRecord = await self.form.executor.run(
                lambda: people.add_user(name, pin, Role.MANAGER, by=SETUP_BY)
            )
        except DuplicateUserError as exc:
            text = translate(
                "People", "Someone is already called {name}: choose another name."
            ).format(name=exc.name)
            step.show_name_reason(text)
            return None, text
        except InvalidUserInputError as exc:
            if isinstance(exc.problem, NameProblem):
                step.show_name_reason(name_text(exc.problem))
            elif isinstance(exc.problem, PinProblem):
                step.show_pin_reason(pin_problem_text(exc.problem))
            return None, translate("Setup", "Type your name and the same PIN twice.")
        except Exception as exc:  # noqa: BLE001 - a disk or database failure
            log.error("the set-up's manager was not added: %s", type(exc).__name__)
            return None, translate(
                "Setup",
                "The settings are saved, but the manager could not be added (see the log). "
                "Type the PIN twice again and finish.",
            )
        return manager, None

    def use_training(self) -> None:
        """Training mode, nothing saved."""
        self._end(SetupOutcome(training=True))

    def _end(self, outcome: SetupOutcome | None) -> None:
        if self._ended:
            return
        self._ended = True
        self.done_with.emit(outcome)
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        self._end(None)
        event.accept()

    def reject(self) -> None:  # Esc
        self._end(None)
        super().reject()


async def run_setup(
    shop: ShopSettings, executor: Offloader, *, pages: list[SetupPage] | None = None
) -> SetupOutcome | None:
    """Show the set-up until it ends; its outcome (None: closed without a choice)."""
    loop = asyncio.get_running_loop()
    ended: asyncio.Future[SetupOutcome | None] = loop.create_future()
    dialog = SetupDialog(shop, executor, pages=pages)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

    def settle(outcome: object) -> None:
        if not ended.done():
            ended.set_result(outcome if isinstance(outcome, SetupOutcome) else None)

    dialog.done_with.connect(settle)
    dialog.start()
    try:
        return await ended
    finally:
        dialog.hide()
        dialog.deleteLater()

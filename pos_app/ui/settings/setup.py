"""The first-run set-up: ``pos-app`` without a key (none kept, none in the environment) shows
it instead of the bare window. A few pages (the key with Test connection, the shop's name,
the printer), and training mode one click away on every page. Finishing saves like the
settings dialog and opens the selling window with the key.

The pages are a list (:attr:`SetupDialog.pages`), so a step can be added (the manager's name
and PIN will be)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.orders.offload import Offloader
from pos_app.ui.i18n import translate
from pos_app.ui.settings.form import SettingsForm, Spawn
from pos_app.ui.settings.shop import ShopSettings

DEFAULT_SIZE: Final = (720, 520)


@dataclass(frozen=True, slots=True)
class SetupOutcome:
    """How the set-up ended: training mode, or the key just kept (sell for real)."""

    training: bool
    api_key: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class SetupPage:
    """One step: its title, a sentence saying what it is for, and how its page is built."""

    name: str
    title: str
    intro: str
    build: Callable[[SettingsForm], QWidget]


def default_pages() -> list[SetupPage]:
    """The steps, in order: the key, the shop, the printer."""
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
        welcome = QLabel(translate("Setup", "Welcome. Three steps and the counter is ready."), self)
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
        for page in self.pages:
            self.stack.addWidget(page.build(self.form))
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
        """Read what is stored already (a shop name, a printer) and show the first step."""
        self.form.load()
        self.show()

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
        if self.form.errors():
            return translate("Settings", "Some values are not accepted: see the reasons in red.")
        return None

    async def _finish(self) -> None:
        key = self.form.typed_key()
        problem = await self.form.save()
        self.next_button.setEnabled(True)
        if problem is not None:
            self.result_line.setText(problem)
            return
        self._end(SetupOutcome(training=False, api_key=key))

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

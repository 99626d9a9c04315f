"""The status bar: online or offline, sales waiting and the oldest one's age, badges."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from pos_app.ui import messages
from pos_app.ui.counter import problem_text
from pos_app.ui.i18n import translate

if TYPE_CHECKING:  # made after the first paint (pos_app.orders.views)
    from pos_app.orders import ConnectionView, KeyView


def age_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return translate("StatusBar", "{n} s").format(n=seconds)
    if seconds < 3600:
        return translate("StatusBar", "{n} min").format(n=seconds // 60)
    return translate("StatusBar", "{h} h {m} min").format(h=seconds // 3600, m=seconds % 3600 // 60)


def connection_text(view: ConnectionView, now: datetime) -> str:
    state = translate("StatusBar", "Online") if view.online else translate("StatusBar", "Offline")
    if view.auth_problem:
        state = translate("StatusBar", "API key refused")
    if not view.waiting:
        return state
    text = translate("StatusBar", "{state} · {n} sale(s) waiting to be sent").format(
        state=state, n=view.waiting
    )
    if view.oldest_waiting is not None:
        text += translate("StatusBar", ", oldest {age}").format(
            age=age_text((now - view.oldest_waiting).total_seconds())
        )
    return text


class StatusBar(QStatusBar):
    """Connection and badges on the right, transient messages on the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.connection_view: ConnectionView | None = None
        self.connection = QLabel(translate("StatusBar", "Connecting…"), self)
        self.connection.setObjectName("connection")
        self.sandbox = QLabel(translate("StatusBar", "SANDBOX"), self)
        self.sandbox.setObjectName("sandboxBadge")
        self.sandbox.setToolTip(translate("StatusBar", "Test key: sales are not real."))
        self.sandbox.hide()
        self.training = QLabel(translate("StatusBar", "TRAINING"), self)
        self.training.setObjectName("trainingBadge")
        self.training.setToolTip(
            translate("StatusBar", "Demo mode: a local simulator, no real money.")
        )
        self.training.hide()
        self.addPermanentWidget(self.connection)
        self.addPermanentWidget(self.sandbox)
        self.addPermanentWidget(self.training)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._redraw)
        self._timer.start()

    def show_connection(self, view: ConnectionView) -> None:
        self.connection_view = view
        self._redraw()

    def show_key(self, view: KeyView) -> None:
        self.sandbox.setVisible(view.sandbox)
        self.training.setVisible(view.training)
        if view.problem:
            self.showMessage(problem_text(view) or "")

    def set_training(self, training: bool) -> None:
        self.training.setVisible(training)

    def say(self, text: str, ms: int = 8000) -> None:
        self.showMessage(text, ms)

    def stop(self) -> None:
        self._timer.stop()

    def _redraw(self) -> None:
        view = self.connection_view
        if view is None:
            return
        # Every second and after each sale's change: only what differs is set, for a new
        # text lays the bar out again and a new look re-styles the label.
        text = connection_text(view, datetime.now(UTC))
        if self.connection.text() != text:
            self.connection.setText(text)
        online = bool(view.online and not view.auth_problem)
        if self.connection.property("online") != online:
            self.connection.setProperty("online", online)
            self.connection.style().unpolish(self.connection)
            self.connection.style().polish(self.connection)
        if view.auth_problem:
            self.showMessage(messages.for_code("INVALID_ACCESS_TOKEN"))

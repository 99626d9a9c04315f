"""The small parts every settings row is built from: the label that says why a value is
refused (shown only when there is a reason), a field stacked over that label, and the order
in which Tab visits the fields."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def reason_label(parent: QWidget | None = None) -> QLabel:
    """An empty, hidden, word-wrapped label for a field's reason (styled as ``fieldReason``)."""
    label = QLabel(parent)
    label.setObjectName("fieldReason")
    label.setWordWrap(True)
    label.hide()
    return label


def show_reason(label: QLabel, text: str | None) -> None:
    """Say ``text`` in ``label``; no text hides it."""
    label.setText(text or "")
    label.setVisible(bool(text))


def column() -> tuple[QWidget, QVBoxLayout]:
    """A box whose widgets stand one over the other, tight (no margins, 2 px apart)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    return box, layout


def stacked(*widgets: QWidget) -> QWidget:
    """``widgets`` one over the other in a tight :func:`column` (a field over its reason)."""
    box, layout = column()
    for widget in widgets:
        layout.addWidget(widget)
    return box


def tab_order(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` in this order. Call once the layout is built: a field moved
    into a box made later (:func:`stacked`) goes to the end of the focus chain."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def first_field(page: QWidget) -> QWidget | None:
    """The first widget of ``page`` that Tab reaches and that takes input now (enabled, not
    hidden), in the focus chain's order; None when there is none."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.isEnabled()
            and widget.isVisibleTo(page)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None

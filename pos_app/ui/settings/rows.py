"""The small parts every settings row is built from: the label that says why a value is
refused (shown only when there is a reason), and a field stacked over that label."""

from __future__ import annotations

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

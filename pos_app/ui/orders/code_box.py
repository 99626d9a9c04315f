"""The card code set large under a caption naming its sale: what the cashier reads out or
copies (the counter's in-progress list and the history screen show it the same way)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class CodeBox(QWidget):
    """A caption and the code under it (``codeBox``, ``codeCaption`` and ``codeLarge`` in the
    style sheet); hidden until its owner shows it. ``lines`` takes any further line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codeBox")
        # A QWidget subclass paints no style-sheet background or border without this.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.caption = QLabel(self)
        self.caption.setObjectName("codeCaption")
        self.label = QLabel(self)
        self.label.setObjectName("codeLarge")
        self.label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # digits: LTR
        # ...but on the window's reading side, under its caption.
        self.label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
            if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
            else Qt.AlignmentFlag.AlignLeft
        )
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines = QVBoxLayout(self)
        self.lines.addWidget(self.caption)
        self.lines.addWidget(self.label)
        self.hide()

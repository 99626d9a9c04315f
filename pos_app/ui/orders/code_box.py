"""The card code set large under a caption naming its sale: what the cashier reads out or
copies (the counter's in-progress list and the history screen show it the same way), and
:func:`copy_card_code`, the one way a card code goes to the clipboard."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QVBoxLayout, QWidget

CLEAR_AFTER_MS: Final = 60_000
"""A copied card code leaves the clipboard after this long (if it is still there)."""

_NO_DWORD: Final = b"\x00\x00\x00\x00"
PRIVATE_FORMATS: Final = {
    # Windows: keep the copy out of the clipboard history (Win+V) and the cloud clipboard.
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"1",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': _NO_DWORD,
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': _NO_DWORD,
    # KDE's Klipper keeps no history of an entry marked so.
    "x-kde-passwordManagerHint": b"secret",
}
"""Formats that ask clipboard managers not to keep the copy; other systems ignore them."""


def copy_card_code(code: str) -> None:
    """Put ``code`` on the clipboard marked as private (:data:`PRIVATE_FORMATS`), and take
    it off after :data:`CLEAR_AFTER_MS` if the clipboard still holds it then."""
    clipboard = QGuiApplication.clipboard()
    data = QMimeData()
    data.setText(code)
    for kind, value in PRIVATE_FORMATS.items():
        data.setData(kind, value)
    clipboard.setMimeData(data)

    def clear() -> None:
        if clipboard.text() == code:
            clipboard.clear()

    # The clipboard is the timer's context: it never fires after the application is gone.
    QTimer.singleShot(CLEAR_AFTER_MS, clipboard, clear)


class CodeBox(QWidget):
    """A caption and the code under it (``codeBox``, ``codeCaption`` and ``codeLarge`` in the
    style sheet); hidden until its owner shows it. ``lines`` takes any further line.

    The code cannot be selected: a click in the box then Ctrl+C, or the context menu's one
    action (``copy_text``), emit :attr:`copy_requested`, which the owner connects to its
    own copy (its manager gate, then :func:`copy_card_code`): a plain text copy would skip
    the private marking and the clearing, and would copy the grouped or masked text."""

    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, copy_text: str) -> None:
        super().__init__(parent)
        self.setObjectName("codeBox")
        self.copy_text = copy_text
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a click in it: Ctrl+C copies
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
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.lines = QVBoxLayout(self)
        self.lines.addWidget(self.caption)
        self.lines.addWidget(self.label)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt)
        """A menu of one action: the owner's copy."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addAction(self.copy_text, self.copy_requested.emit)
        menu.popup(event.globalPos())
        event.accept()

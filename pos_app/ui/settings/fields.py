"""The settings form's fields: each one edits one stored setting, is checked as it is typed
with the store's own check (``store.settings.check_preference``), and shows why a value is
refused next to it, in the window's language."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from pos_app.domain.refs import COUNTER_ID_MAX_LENGTH, sanitise_counter_id
from pos_app.domain.urls import BadUrlError, InsecureUrlError
from pos_app.store.settings import SHOP_TEXT_MAX, PreferenceError, check_preference
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.settings.rows import reason_label

Editor = QLineEdit | QComboBox | QCheckBox


def reason_for(key: str, error: PreferenceError, text: str) -> str:
    """Why ``text`` is refused for ``key``, in one translated sentence."""
    cause = error.__cause__
    if key == "api.url":
        if isinstance(cause, InsecureUrlError) and text.strip().lower().startswith("http://"):
            return translate(
                "Settings",
                "Plain http is refused: the key would travel in clear. Use https "
                "(http only for the local simulator on 127.0.0.1).",
            )
        if isinstance(cause, BadUrlError):
            return translate("Settings", "Not a usable address: check the host and the port.")
        return translate("Settings", "An https:// address, such as https://api.oneclickdz.com/v3.")
    if key == "counter_id":
        return translate(
            "Settings", "1 to {n} letters (A-Z) and digits, such as {example}."
        ).format(n=COUNTER_ID_MAX_LENGTH, example=ltr(sanitise_counter_id(text)[:8] or "C01"))
    if key == "low_balance":
        return translate("Settings", "Whole dinars, 0 or more.")
    if key == "shop.logo":
        return translate("Settings", "The path of an image file that exists.")
    if key == "shop.phone":
        return translate("Settings", "One line of at most {n} characters.").format(n=60)
    if key in ("printer.usb_vendor", "printer.usb_product"):
        return translate("Settings", "A USB id in hex, such as 0x0416.")
    if key == "printer.port":
        return translate("Settings", "A port number from 1 to 65535.")
    if key == "printer.timeout":
        return translate("Settings", "Seconds, more than 0 and at most 300.")
    if key.startswith(("shop.", "printer.", "receipt.")):
        return translate("Settings", "One line of at most {n} characters.").format(n=SHOP_TEXT_MAX)
    return translate("Settings", "This value is not accepted.")


class Field(QObject):
    """One setting's editor and the label that says why its value is refused.

    ``text()`` is the value as typed (None: empty, the setting goes back to its default);
    ``error`` is the reason it is refused, or None."""

    changed = Signal()

    def __init__(
        self,
        key: str,
        editor: Editor,
        parent: QWidget,
        *,
        required: bool = False,
        choices: Sequence[tuple[str, str]] = (),
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.editor = editor
        self.required = required
        self.reason = reason_label(parent)
        self.error: str | None = None
        self.forced: str | None = None  # a refusal found by a check across fields
        self.initial: str | None = None
        self.dirty = False  # a stored value that could not be used: saving replaces it
        editor.setObjectName(f"field:{key}")
        if isinstance(editor, QComboBox):
            for value, label in choices:
                editor.addItem(label, value)
            editor.currentIndexChanged.connect(self._edited)
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(self._edited)
        else:
            editor.textChanged.connect(self._edited)

    def text(self) -> str | None:
        editor = self.editor
        if isinstance(editor, QComboBox):
            data = editor.currentData()
            return str(data) if data else None
        if isinstance(editor, QCheckBox):
            return "true" if editor.isChecked() else "false"
        return editor.text().strip() or None

    def set_text(self, value: str | None) -> None:
        """Show ``value`` (as stored) without counting it as a change."""
        editor = self.editor
        if isinstance(editor, QComboBox):
            index = editor.findData(value or "")
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(value == "true")
        else:
            editor.setText(value or "")
        self.initial = self.text()
        self.check()

    @property
    def changed_value(self) -> bool:
        return self.dirty or self.text() != self.initial

    def check(self) -> str | None:
        """Check the value now; the reason (also shown beside the field), or None."""
        text = self.text()
        error = self.forced
        if text is None:
            if self.required:
                error = translate("Settings", "Needed.")
        elif error is None:
            try:
                check_preference(self.key, text)
            except PreferenceError as exc:
                error = reason_for(self.key, exc, text)
        self._show(error)
        return error

    def force_error(self, reason: str | None) -> None:
        """A refusal that only shows against other fields (a network printer without a host)."""
        self.forced = reason
        self.check()

    def _show(self, error: str | None) -> None:
        self.error = error
        self.reason.setText(error or "")
        self.reason.setVisible(error is not None and self.editor.isEnabled())
        self.editor.setProperty("state", "invalid" if error else "")
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)

    def _edited(self, *_args: object) -> None:
        self.forced = None
        self.check()
        self.changed.emit()

"""The command line's privileged actions in the shop's action log.

The command line is the OS account's recovery tool (``pos-app user passwd`` must work when
the manager forgot the PIN), so it asks for no PIN: it is trusted as the shop owner's
account. In return, each privileged thing it does is noted in the database's action log as
``cli:<os user>`` before it is done: a setting changed, the API key kept or removed, card
codes exported in full, a Z report closed, a receipt showing a card code. When the note
cannot be written, the action is not done. Details hold no secret (never the key, a PIN or
a card code).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from pos_app.cli.users import command_line_user

# Names in the style of the window's (pos_app/ui/access/gate.py); the same name where the
# window does the same thing.
SETTINGS_CHANGE: Final = "settings.change"
API_KEY_KEEP: Final = "settings.api_key.keep"
API_KEY_CLEAR: Final = "settings.api_key.clear"
HISTORY_EXPORT_CSV: Final = "history.export.csv"
HISTORY_EXPORT_JSON: Final = "history.export.json"
Z_CLOSE: Final = "z.close"
RECEIPT_SHOW: Final = "receipt.show"
RECEIPT_PRINT: Final = "receipt.print"
RECEIPT_EXPORT: Final = "receipt.export"  # + ".png", ".pdf" or ".escpos"

CLI_ACTIONS: Final = (
    SETTINGS_CHANGE,
    API_KEY_KEEP,
    API_KEY_CLEAR,
    HISTORY_EXPORT_CSV,
    HISTORY_EXPORT_JSON,
    Z_CLOSE,
    RECEIPT_SHOW,
    RECEIPT_PRINT,
    f"{RECEIPT_EXPORT}.png",
    f"{RECEIPT_EXPORT}.pdf",
    f"{RECEIPT_EXPORT}.escpos",
)
"""Every action the command line notes."""


class NotNotedError(Exception):
    """The action could not be noted in the action log, so it was not done. The message
    names the reason's type only."""


def note(store: Any, action: str, detail: Mapping[str, object] | None = None) -> str:
    """Note ``action`` (with ``detail``) in ``store``'s action log as ``cli:<os user>``;
    returns that name. Raises :class:`NotNotedError` when the row cannot be written."""
    who = command_line_user()
    try:
        store.note_action(who, action, detail)
    except Exception as exc:  # noqa: BLE001 - not noted: not done, whatever the reason
        raise NotNotedError(
            f"the action could not be noted in the action log ({type(exc).__name__}); "
            "nothing was done"
        ) from None
    return who

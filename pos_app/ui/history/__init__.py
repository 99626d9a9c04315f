"""The history screen (F3): every sale the store keeps, searched, filtered and exported.

The screen and its model are imported at the first F3 (or the first use of their names
here), not when the window installs the launcher."""

from typing import TYPE_CHECKING, Any

from pos_app.ui.history.launcher import HistoryLauncher, install_history

if TYPE_CHECKING:
    from pos_app.ui.history.model import HistoryModel
    from pos_app.ui.history.screen import HistoryScreen

__all__ = ["HistoryLauncher", "HistoryModel", "HistoryScreen", "install_history"]


def __getattr__(name: str) -> Any:
    if name == "HistoryModel":
        from pos_app.ui.history.model import HistoryModel

        return HistoryModel
    if name == "HistoryScreen":
        from pos_app.ui.history.screen import HistoryScreen

        return HistoryScreen
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

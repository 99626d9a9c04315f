"""The history screen (F3): every sale the store keeps, searched, filtered and exported."""

from pos_app.ui.history.launcher import HistoryLauncher, install_history
from pos_app.ui.history.model import HistoryModel
from pos_app.ui.history.screen import HistoryScreen

__all__ = ["HistoryLauncher", "HistoryModel", "HistoryScreen", "install_history"]

"""Who is at the counter: the lock screen, the manager's approval, the signed-in person."""

from pos_app.ui.access import gate
from pos_app.ui.access.control import (
    AccessControl,
    ask_manager,
    install_access,
    require_manager,
    require_manager_of,
)
from pos_app.ui.access.gate import Approval, ManagerActions, ManagerGate

__all__ = [
    "AccessControl",
    "Approval",
    "ManagerActions",
    "ManagerGate",
    "ask_manager",
    "gate",
    "install_access",
    "require_manager",
    "require_manager_of",
]

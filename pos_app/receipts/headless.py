"""Qt on a machine without a display (a server, CI, a shop PC's command line): which platform
to draw with. No Qt import, so the command line may use it before it loads Qt."""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping


def use_offscreen_without_display(env: MutableMapping[str, str] = os.environ) -> None:
    """Qt's offscreen platform unless one is chosen (``QT_QPA_PLATFORM``) or a display exists.
    Call it before the Qt application is made."""
    if env.get("QT_QPA_PLATFORM"):
        return
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or sys.platform in ("win32", "darwin"):
        return
    env["QT_QPA_PLATFORM"] = "offscreen"

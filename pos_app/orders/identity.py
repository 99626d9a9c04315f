"""Who is selling: this counter's id in sale refs, and the engine settings of this process.

One rule for every front end (the window and the command line).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping

from pos_app.domain.refs import sanitise_counter_id
from pos_app.orders.settings import EngineSettings
from pos_app.store import Store


def counter_id(store: Store, env: Mapping[str, str] = os.environ) -> str:
    """``POS_COUNTER_ID``, else the stored id, else one made from the host name and kept."""
    configured = env.get("POS_COUNTER_ID") or store.get_setting("counter_id")
    if configured:
        return sanitise_counter_id(configured)
    counter = sanitise_counter_id(socket.gethostname())[:8] or "POS"
    store.set_setting("counter_id", counter)
    return counter


def engine_settings(env: Mapping[str, str] = os.environ) -> EngineSettings:
    """The defaults, with ``POS_ENGINE_TIME_SCALE`` (tests only) dividing every delay."""
    return EngineSettings(time_scale=float(env.get("POS_ENGINE_TIME_SCALE", "1") or 1))

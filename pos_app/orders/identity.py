"""Who is selling: this counter's id in sale refs, and the engine settings of this process.

One rule for every front end (the window, the command line and ``pos-app config``).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Mapping

from pos_app.domain.refs import sanitise_counter_id
from pos_app.orders.settings import EngineSettings
from pos_app.store import Store
from pos_app.store.settings import PreferenceError, check_preference

COUNTER_ID_ENV = "POS_COUNTER_ID"


class CounterIdError(ValueError):
    """A counter id that would not be kept as typed in a ref (the message says why)."""


def check_counter_id(text: str) -> str:
    """``text`` without surrounding spaces, or CounterIdError: the check of
    ``pos-app config counter_id``, so the two can never disagree."""
    try:
        return check_preference("counter_id", text)
    except PreferenceError as exc:
        raise CounterIdError(str(exc)) from None


def counter_id(store: Store, env: Mapping[str, str] = os.environ) -> str:
    """``POS_COUNTER_ID``, else the stored id, else one made from the host name and kept.
    A set value that is not a valid id is refused (CounterIdError), not changed."""
    configured = env.get(COUNTER_ID_ENV)
    if configured:
        try:
            return check_counter_id(configured)
        except CounterIdError as exc:
            raise CounterIdError(f"{COUNTER_ID_ENV}: {exc}") from None
    stored = store.get_setting("counter_id")
    if stored:
        return check_counter_id(stored)
    counter = sanitise_counter_id(socket.gethostname())[:8] or "POS"
    store.set_setting("counter_id", counter)
    return counter


def engine_settings(env: Mapping[str, str] = os.environ) -> EngineSettings:
    """The defaults, with ``POS_ENGINE_TIME_SCALE`` (tests only) dividing every delay."""
    return EngineSettings(time_scale=float(env.get("POS_ENGINE_TIME_SCALE", "1") or 1))

"""Who is selling: this counter's id in sale refs, and the engine settings of this process.

One rule for every front end: the window and the command line get the counter id here, and
``pos-app config`` lists it through the same reading (``store.settings.read_preference``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from pos_app.orders.settings import EngineSettings
from pos_app.store import Store
from pos_app.store.settings import DEFAULT, read_preference


def counter_id(store: Store, env: Mapping[str, str] = os.environ) -> str:
    """``POS_COUNTER_ID``, else the stored id, else one made from the host name, which is
    stored at once so that it never changes with the host name (the reading of
    ``pos-app config``). A set value that is not a valid id is refused
    (``InvalidSettingError``, a ValueError naming where it was set), never changed or passed
    over: the sender does not start."""
    reading = read_preference(store, "counter_id", env)
    if reading.value is None:  # the preference always has a default
        raise AssertionError("counter_id has no default")
    if reading.source == DEFAULT:
        store.set_setting("counter_id", reading.value)
    return reading.value


def engine_settings(env: Mapping[str, str] = os.environ) -> EngineSettings:
    """The defaults, with ``POS_ENGINE_TIME_SCALE`` (tests only) dividing every delay."""
    return EngineSettings(time_scale=float(env.get("POS_ENGINE_TIME_SCALE", "1") or 1))

"""Python's cyclic garbage collector, paused while the program loads (:func:`pause`, from
the entry point, :mod:`pos_app.entry`) and turned back on when it has (:func:`settle`).

Loading makes some 95,000 objects that live as long as the process (modules, classes,
functions, Qt's enums), and the collector would walk them over and over meanwhile: about
19 ms of the time to the first window. :func:`settle` sets everything made so far aside for
good (``gc.freeze``: no later collection, not even a full one, walks the start-up's objects
again) and turns the collector back on. What the start-up left unreachable stays: some 2,000
small objects, about 0.4 MiB (collecting them would hold the GUI thread 30-50 ms).
"""

import gc

_paused_at: list[int] = []
"""The collections Python had run when :func:`pause` was called; empty when not paused."""


def _collections() -> int:
    return sum(generation["collections"] for generation in gc.get_stats())


def pause() -> None:
    """Stop the collector's automatic runs until :func:`settle`."""
    gc.disable()
    _paused_at[:] = [_collections()]


def settle() -> int | None:
    """Turn the collector back on, everything made so far set aside for good: once the
    window has loaded, before a set-up or a command runs. Returns how many collections ran
    while it was paused (none: only an explicit ``gc.collect()`` would run one). Does nothing
    and returns None when :func:`pause` was not called (the command line's ``main`` called
    directly, as tests do) or it was settled already."""
    if not _paused_at:
        return None
    ran = _collections() - _paused_at.pop()
    gc.freeze()
    gc.enable()
    return ran

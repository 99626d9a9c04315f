"""The one line to the shop's printer: receipts and reports take turns, one print at a time,
so two slips never go to one printer at once and the DUPLICATE counts follow each other.

A print joins the line at once, when it is asked for (:meth:`PrinterQueue.join`, on the GUI
thread), and is refused when the line is full; it then waits for its turn (``async with
turn``). A turn lasts as long as the print's bounded work (the store's few writes, the
drawing, and the send, which the printer's timeout bounds), so a stuck printer delays the
next print by one timeout at most, never for ever.
"""

from __future__ import annotations

import asyncio
from types import TracebackType
from typing import Final

MAX_WAITING: Final = 3
"""Prints that may wait behind the one running; more are refused (and said so)."""


class PrinterBusyError(Exception):
    """The line to the printer is full: one print runs and :data:`MAX_WAITING` wait."""


class PrinterQueue:
    """The line to the printer, shared by the print service and the reports screen (the
    window makes one). GUI thread only."""

    def __init__(self, max_waiting: int = MAX_WAITING) -> None:
        self.max_waiting = max_waiting
        self._lock = asyncio.Lock()
        self._in_line = 0

    @property
    def busy(self) -> bool:
        """A print is running (or about to: it joined and waits for the loop)."""
        return self._in_line > 0

    @property
    def waiting(self) -> int:
        """Prints in line behind the running one."""
        return max(0, self._in_line - 1)

    def join(self) -> PrinterTurn:
        """A place in the line, taken now; :class:`PrinterBusyError` when it is full. Use
        it as ``async with turn:`` (or :meth:`PrinterTurn.leave` it unused)."""
        if self._in_line > self.max_waiting:
            raise PrinterBusyError(f"a print is running and {self.waiting} wait")
        self._in_line += 1
        return PrinterTurn(self)


class PrinterTurn:
    """One print's place in the :class:`PrinterQueue`: ``async with`` waits until the
    printer is free and holds it to the end of the block."""

    def __init__(self, queue: PrinterQueue) -> None:
        self._queue = queue
        self._holding = False
        self._left = False

    async def __aenter__(self) -> PrinterTurn:
        if self._left:
            raise RuntimeError("this turn has left the line")
        try:
            await self._queue._lock.acquire()
        except BaseException:  # cancelled while waiting: out of the line
            self.leave()
            raise
        self._holding = True
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.leave()

    def leave(self) -> None:
        """Free the printer (when held) and the place in the line; twice does nothing."""
        if self._holding:
            self._holding = False
            self._queue._lock.release()
        if not self._left:
            self._left = True
            self._queue._in_line -= 1

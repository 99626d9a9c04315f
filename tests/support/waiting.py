"""Bounded waits for async test bodies, on any asyncio loop (qasync's included)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any


def run(
    loop: asyncio.AbstractEventLoop, body: Coroutine[Any, Any, Any], timeout: float = 30.0
) -> Any:
    """Run an async test body on ``loop``, bounded; its result."""
    return loop.run_until_complete(asyncio.wait_for(body, timeout))


async def wait_until(
    predicate: Callable[[], object], timeout: float = 10.0, what: str = "condition"
) -> None:
    """Poll ``predicate`` on the running loop (asyncio.sleep lets Qt and tasks run); an
    AssertionError naming ``what`` after ``timeout`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)

"""Named crash points on the send path, for the kill -9 tests.

``POS_CRASH_AT=<name>`` in the environment makes the process SIGKILL itself the first time
it reaches that point; without it a crash point costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal
from typing import Final

ENV: Final = "POS_CRASH_AT"
POINTS: Final = (
    "after_commit_waiting",  # the sale and its ref are on disk, nothing sent
    "after_commit_sending",  # SENDING is on disk, the request has not left
    "after_send_response",  # the server answered the send, nothing recorded yet
    "after_commit_accepted",  # ACCEPTED is on disk
    "after_check_response",  # a check-ref/check-id/list answer arrived, not recorded
    "after_commit_final",  # a final state is on disk
)


def crashpoint(name: str) -> None:
    """Die here, as a power cut would, when the environment asks for it."""
    if os.environ.get(ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)

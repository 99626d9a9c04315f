"""Special test numbers: the last four digits of a line choose its fate, for ADSL and 4G alike.

The numbers must still have the right format for their type (ADSL ``0XXXXXXXX``, 4G
``213XXXXXXXXX``), e.g. ADSL ``023450001`` or 4G ``213550000001``.

======  ==========================================================================
suffix  behaviour
======  ==========================================================================
0000    the line does not exist: check-number and send answer ERR_PHONE
        with reason "Line does not exist"
0001    accepted, HANDLING for the drawn delay, then REFUNDED (cost credited back)
0002    accepted, HANDLING, then QUEUED for the drawn 12-48 h, then FULFILLED
0003    accepted, HANDLING, then QUEUED for the drawn 12-48 h, then REFUNDED
0009    accepted, FULFILLED after the minimum HANDLING delay (3 s by default)
other   the seeded draw: FULFILLED 92 %, QUEUED 4 % (then 80 % FULFILLED, 20 %
        REFUNDED), REFUNDED 4 %
======  ==========================================================================

All delays are divided by the simulator's time scale. Scenario orders still consume their share
of the seeded draw, so adding one never shifts the outcomes of the other orders.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from pos_app.api import contract


@dataclass(frozen=True)
class Scenario:
    """What a special test number forces, in place of the seeded draw."""

    suffix: str
    description: str
    line_exists: bool = True
    outcome: str | None = None  # the final status forced, None: keep the draw
    via_queue: bool = False  # pass through QUEUED before the final status
    fastest: bool = False  # leave HANDLING after the minimum delay


SCENARIOS: Final[Mapping[str, Scenario]] = MappingProxyType(
    {
        "0000": Scenario("0000", "line does not exist (ERR_PHONE)", line_exists=False),
        "0001": Scenario("0001", "HANDLING then REFUNDED", outcome=contract.STATUS_REFUNDED),
        "0002": Scenario(
            "0002",
            "HANDLING, QUEUED, then FULFILLED",
            outcome=contract.STATUS_FULFILLED,
            via_queue=True,
        ),
        "0003": Scenario(
            "0003",
            "HANDLING, QUEUED, then REFUNDED",
            outcome=contract.STATUS_REFUNDED,
            via_queue=True,
        ),
        "0009": Scenario(
            "0009",
            "FULFILLED after the minimum delay",
            outcome=contract.STATUS_FULFILLED,
            fastest=True,
        ),
    }
)


def scenario_for(number: str) -> Scenario | None:
    """The scenario chosen by the last four digits of ``number``, if it is a special one."""
    return SCENARIOS.get(number[-4:])

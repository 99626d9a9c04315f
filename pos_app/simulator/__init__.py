"""A local simulator of the OneClickDZ v3 internet top-up API (ADSL and 4G).

A real HTTP server on 127.0.0.1 (stdlib only, no Qt) that follows the documented contract, with
a seeded order schedule, special test numbers (see :mod:`pos_app.simulator.scenarios`) and
injectable faults. Used by the client's contract tests, by fault soaks and as a training mode.
"""

from pos_app.simulator.config import DEFAULT_SIM_KEY, SimConfig
from pos_app.simulator.faults import FaultRule, parse_faults
from pos_app.simulator.server import RequestRecord, Simulator
from pos_app.simulator.state import SimOrder

__all__ = [
    "DEFAULT_SIM_KEY",
    "FaultRule",
    "RequestRecord",
    "SimConfig",
    "SimOrder",
    "Simulator",
    "parse_faults",
]

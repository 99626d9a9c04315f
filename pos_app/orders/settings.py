"""How the order engine paces itself. Every delay is in seconds and divided by ``time_scale``
(tests and benchmarks run the same schedule faster)."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """Defaults follow the docs (5-minute short poll, QUEUED re-checked after 24 h)."""

    max_sends_in_flight: int = 2
    send_pacing: tuple[float, float] = (0.2, 1.0)  # jittered gap between backlog sends
    # Status polls, in seconds since the send: every 2.5 s while HANDLING usually ends
    # (3-45 s: about 10 checks for an average order, a median delay near 1.2 s for a lone
    # sale), then sparser. Several sales in flight share list calls (see steps.poll).
    poll_schedule: tuple[float, ...] = (
        *(round(3.0 + 2.5 * i, 1) for i in range(18)),
        50.0,
        57.0,
        65.0,
        80.0,
        100.0,
        130.0,
        170.0,
        220.0,
        300.0,
    )
    short_poll_window: float = 300.0
    list_threshold: int = 2  # with this many sales in flight, one list call replaces check-ids
    list_min_interval: float = 0.5
    unknown_recheck: float = 2.0  # first check-ref after an unknown outcome
    not_found_confirm_after: float = 10.0  # the second NOT_FOUND must come this much later
    retry_backoff_max: float = 60.0
    # Ceiling of every wait a server can ask for (Retry-After) and of every backoff.
    max_wait: float = 300.0
    # A refusal of a retry while an earlier attempt is unknown (VERIFYING): check-ref is asked
    # after each of these gaps (15 minutes in all, long past any request still in flight)
    # before the refusal is taken as final.
    verify_gaps: tuple[float, ...] = (20.0, 40.0, 60.0, 180.0, 300.0, 300.0)
    # FULFILLED without a card code (CODE_PENDING): asked again this often, and a case for
    # the manager (CODE_MISSING, asked hourly) once it has lasted this long.
    code_recheck: float = 15.0
    code_wait: float = 600.0
    code_missing_recheck: float = 3600.0
    # A step that fails for a local reason (disk full, database locked, a bug) backs off.
    step_backoff_min: float = 1.0
    step_backoff_max: float = 60.0
    background_recheck: float = 180.0  # unresolved sales after the short poll window
    queued_first_recheck: float = 24 * 3600.0
    queued_recheck: float = 6 * 3600.0
    offline_probe_min: float = 2.0
    offline_probe_max: float = 30.0
    products_refresh: float = 7 * 60.0  # the docs advise 5-10 min
    balance_refresh: float = 120.0
    # Offline caps: once reached, new sales are refused with a clear message.
    cap_waiting_count: int = 20
    cap_waiting_dinars: int = 30_000
    cap_waiting_age: float = 6 * 3600.0
    time_scale: float = 1.0

    def scaled(self) -> EngineSettings:
        """The same settings with every delay divided by ``time_scale`` (and scale 1)."""
        if self.time_scale == 1.0:
            return self
        k = 1.0 / self.time_scale
        changes: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in _NOT_DELAYS:
                continue
            if isinstance(value, float):
                changes[f.name] = value * k
            elif isinstance(value, tuple):
                changes[f.name] = tuple(v * k for v in value)
        return replace(self, time_scale=1.0, **changes)  # type: ignore[arg-type]


_NOT_DELAYS = frozenset(
    {
        "time_scale",
        "max_sends_in_flight",
        "list_threshold",
        "cap_waiting_count",
        "cap_waiting_dinars",
    }
)

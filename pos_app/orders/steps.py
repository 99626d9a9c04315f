"""One step of one sale: the blocking, synchronous heart of the order engine.

Each function takes the store, the client and the time, does at most one HTTP call, records
what it learnt as transitions (one transaction each, with a journal row) and returns what
changed. The async engine decides *when* to run them; tests can run them directly against a
simulator on a fake clock.

Money rules (see RELIABILITY.md): the ref never changes; an unclear answer to a send becomes
UNKNOWN and is resolved only by check-ref; a sale is REJECTED only on a definite refusal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pos_app.api import contract
from pos_app.api import errors as e
from pos_app.api.client import OneClickClient
from pos_app.api.models import Topup
from pos_app.domain.sale_states import SaleState
from pos_app.orders.crash import crashpoint
from pos_app.orders.settings import EngineSettings
from pos_app.store import SaleRecord, StaleStateError, Store

log = logging.getLogger(__name__)
S = SaleState
Now = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class StepResult:
    """What a step changed and what it learnt about the network."""

    changed: tuple[SaleRecord, ...] = ()
    offline: bool = False  # nothing could leave the machine
    online: bool = False  # the server answered (whatever it said)
    auth_failed: e.AuthError | None = None
    final: bool = False  # some sale reached a final state (refresh the balance)
    stock_changed: bool = False  # ERR_STOCK: refresh the products
    notes: tuple[str, ...] = field(default_factory=tuple)


def _later(now: datetime, seconds: float) -> datetime:
    return now + timedelta(seconds=max(0.0, seconds))


def _backoff(settings: EngineSettings, attempt: int, retry_after: float | None) -> float:
    base = min(settings.retry_backoff_max, settings.unknown_recheck * 2.0 ** max(0, attempt))
    return float(max(base, retry_after or 0.0))


def next_poll_at(sale: SaleRecord, now: datetime, settings: EngineSettings) -> datetime:
    """The next status check of an accepted sale: the first schedule point still ahead, then
    the background re-check once the short window is over."""
    origin = sale.sent_at or sale.created_at
    age = (now - origin).total_seconds()
    for point in settings.poll_schedule:
        if point > age and point <= settings.short_poll_window:
            return _later(origin, point)
    return _later(now, settings.background_recheck)


# --- send ----------------------------------------------------------------------------------


def send(store: Store, client: OneClickClient, ref: str, now: Now,
         settings: EngineSettings) -> StepResult:
    """WAITING -> SENDING -> ACCEPTED | REJECTED | UNKNOWN | WAITING, with one POST."""
    sale = store.get(ref)
    if sale is None or sale.state is not S.WAITING:
        return StepResult()
    sale = store.transition(
        ref, S.WAITING, S.SENDING, "send",
        sent_at=sale.sent_at or now(), send_attempts=sale.send_attempts + 1,
    )
    crashpoint("after_commit_sending")
    try:
        result = client.send(sale.line_type, sale.number, sale.face_value, sale.ref)
    except e.NotSentError as exc:
        back = store.transition(ref, S.SENDING, S.WAITING, "not sent", detail=_err(exc),
                                not_found_count=0)
        return StepResult(changed=(back,), offline=True)
    except e.OutcomeUnknownError as exc:
        unknown = store.transition(
            ref, S.SENDING, S.UNKNOWN, "outcome unknown", detail=_err(exc),
            next_check_at=_later(now(), _backoff(settings, 0, exc.retry_after)),
        )
        return StepResult(changed=(unknown,))
    except e.DuplicatedRefError as exc:
        # The ref is already on the server: an earlier attempt landed. Adopt it, never resend.
        unknown = store.transition(ref, S.SENDING, S.UNKNOWN, "duplicated ref: adopt",
                                   detail=_err(exc), next_check_at=now())
        return StepResult(changed=(unknown,), online=True)
    except e.RefusedError as exc:
        rejected = store.transition(
            ref, S.SENDING, S.REJECTED, "refused", detail=_err(exc),
            failure_code=exc.server_code or type(exc).__name__,
            failure_reason=exc.message,
        )
        return StepResult(changed=(rejected,), online=True, final=True,
                          stock_changed=isinstance(exc, e.OutOfStockError))
    except e.AuthError as exc:
        back = store.transition(ref, S.SENDING, S.WAITING, "key refused", detail=_err(exc))
        return StepResult(changed=(back,), online=True, auth_failed=exc)
    except Exception as exc:
        log.exception("unexpected error while sending %s", ref)
        unknown = store.transition(ref, S.SENDING, S.UNKNOWN, "unexpected error",
                                   detail={"error": type(exc).__name__},
                                   next_check_at=_later(now(), settings.unknown_recheck))
        return StepResult(changed=(unknown,))
    crashpoint("after_send_response")
    accepted = store.transition(
        ref, S.SENDING, S.ACCEPTED, "accepted",
        server_id=result.topup_id, server_status=contract.STATUS_HANDLING,
        next_check_at=next_poll_at(sale, now(), settings),
    )
    crashpoint("after_commit_accepted")
    return StepResult(changed=(accepted,), online=True)


# --- what the server says ------------------------------------------------------------------


def adopt(store: Store, sale: SaleRecord, topup: Topup, now: Now, settings: EngineSettings,
          *, cause: str) -> SaleRecord | None:
    """Record the server's view of a sale; None when nothing changed."""
    fields: dict[str, Any] = {"server_status": topup.status}
    if topup.id and topup.id != sale.server_id:
        fields["server_id"] = topup.id
    state = sale.state
    if topup.is_fulfilled:
        if not topup.card_code:
            log.warning("sale %s FULFILLED without a card code", sale.ref)
        target = S.FULFILLED
        fields |= {"card_code": topup.card_code, "num_trans": topup.num_trans,
                   "date_traitement": topup.date_traitement}
    elif topup.is_refunded:
        target = S.REFUNDED
        fields["failure_code"] = contract.STATUS_REFUNDED
    elif topup.is_queued:
        target = S.QUEUED
        first = state is not S.QUEUED
        fields["next_check_at"] = _later(
            now(), settings.queued_first_recheck if first else settings.queued_recheck)
    else:
        # HANDLING, or a status this app does not know: still running, never final.
        target = S.ACCEPTED
        if not topup.is_known_status:
            log.warning("sale %s: unknown server status %r, treated as running",
                        sale.ref, topup.status)
    if target is state:
        changed = {k: v for k, v in fields.items()
                   if k != "next_check_at" and getattr(sale, k) != v}
        if not changed:
            return None
        return store.record(sale.ref, f"server status {topup.status}", **changed)
    if state is S.UNKNOWN:
        fields["not_found_count"] = 0
    if target is S.ACCEPTED:
        fields["next_check_at"] = next_poll_at(sale, now(), settings)
    updated = store.transition(sale.ref, state, target, cause, **fields)
    if target in {S.FULFILLED, S.REFUNDED}:
        crashpoint("after_commit_final")
    return updated


def resolve(store: Store, client: OneClickClient, ref: str, now: Now,
            settings: EngineSettings) -> StepResult:
    """UNKNOWN: ask check-ref. Found -> adopt; NOT_FOUND twice, some time apart -> WAITING."""
    sale = store.get(ref)
    if sale is None or sale.state is not S.UNKNOWN:
        return StepResult()
    try:
        topup = client.check_ref(ref)
    except e.NotFoundError:
        crashpoint("after_check_response")
        if sale.not_found_count >= 1:
            back = store.transition(ref, S.UNKNOWN, S.WAITING, "not found twice: resend",
                                    not_found_count=0)
            return StepResult(changed=(back,), online=True)
        counted = store.record(
            ref, "not found once", not_found_count=1,
            next_check_at=_later(now(), settings.not_found_confirm_after),
        )
        return StepResult(changed=(counted,), online=True)
    except e.ApiError as exc:
        return _check_failed(store, sale, exc, now, settings)
    crashpoint("after_check_response")
    if topup.ref is not None and topup.ref != ref:
        log.error("check-ref %s answered another ref %r; ignored", ref, topup.ref)
        return _check_failed(store, sale, e.MalformedResponseError("ref mismatch"), now,
                             settings)
    updated = adopt(store, sale, topup, now, settings, cause="found on server")
    return StepResult(changed=(updated,) if updated else (), online=True,
                      final=bool(updated and updated.state in {S.FULFILLED, S.REFUNDED}))


def _check_failed(store: Store, sale: SaleRecord, exc: e.ApiError, now: Now,
                  settings: EngineSettings) -> StepResult:
    """A status question got no usable answer: ask again later, with backoff."""
    retry_after = getattr(exc, "retry_after", None)
    store.schedule(sale.ref, _later(now(), _backoff(settings, 1, retry_after)))
    if isinstance(exc, e.AuthError):
        return StepResult(auth_failed=exc, online=True)
    return StepResult(offline=isinstance(exc, e.NotSentError),
                      online=not isinstance(exc, e.NetworkError))


# --- follow accepted and queued sales ------------------------------------------------------


def poll(store: Store, client: OneClickClient, refs: Sequence[str], now: Now,
         settings: EngineSettings, *, in_flight: int) -> StepResult:
    """Check the status of accepted/queued sales: one list call when several are in flight,
    else check-id for each. Sales the list does not show are checked one by one."""
    sales = [s for s in (store.get(r) for r in refs)
             if s is not None and s.state in {S.ACCEPTED, S.QUEUED}]
    if not sales:
        return StepResult()
    seen: dict[str, Topup] = {}
    changed: list[SaleRecord] = []
    if in_flight >= settings.list_threshold and any(s.state is S.ACCEPTED for s in sales):
        try:
            page = client.list_topups(page=1, page_size=contract.MAX_PAGE_SIZE)
            seen = {t.ref: t for t in page.items if t.ref}
        except e.ApiError as exc:
            if isinstance(exc, e.NetworkError | e.AuthError):
                for sale in sales:
                    _check_failed(store, sale, exc, now, settings)
                return StepResult(offline=isinstance(exc, e.NotSentError),
                                  auth_failed=exc if isinstance(exc, e.AuthError) else None)
            log.info("list failed (%s); falling back to check-id", type(exc).__name__)
        # The list answers for every sale in flight, not only those due now.
        for sale in store.by_state(S.ACCEPTED):
            if sale.ref in seen and sale.ref not in refs:
                crashpoint("after_check_response")
                updated = adopt(store, sale, seen[sale.ref], now, settings, cause="listed")
                if updated:
                    changed.append(updated)
    result = StepResult(online=True)
    for sale in sales:
        topup = seen.get(sale.ref)
        if topup is None:
            if not sale.server_id:
                store.schedule(sale.ref, _later(now(), settings.background_recheck))
                continue
            try:
                topup = client.check_id(sale.server_id)
            except e.NotFoundError:
                # The server forgot its own id? Fall back to asking by ref.
                log.warning("check-id %s not found for %s; asking by ref", sale.server_id,
                            sale.ref)
                try:
                    topup = client.check_ref(sale.ref)
                except e.ApiError as exc:
                    result = _merge(result, _check_failed(store, sale, exc, now, settings))
                    continue
            except e.ApiError as exc:
                result = _merge(result, _check_failed(store, sale, exc, now, settings))
                continue
        crashpoint("after_check_response")
        fresh = store.get(sale.ref)
        if fresh is None:
            continue
        try:
            updated = adopt(store, fresh, topup, now, settings, cause="status")
        except StaleStateError:
            continue
        if updated:
            changed.append(updated)
        latest = updated or fresh
        if latest.state is S.ACCEPTED:
            store.schedule(latest.ref, next_poll_at(latest, now(), settings))
        elif latest.state is S.QUEUED and updated is None:
            store.schedule(latest.ref, _later(now(), settings.queued_recheck))
    final = any(c.state in {S.FULFILLED, S.REFUNDED} for c in changed)
    return _merge(result, StepResult(changed=tuple(changed), final=final))


def _merge(a: StepResult, b: StepResult) -> StepResult:
    return StepResult(
        changed=a.changed + b.changed,
        offline=a.offline or b.offline,
        online=(a.online or b.online) and not (a.offline or b.offline),
        auth_failed=a.auth_failed or b.auth_failed,
        final=a.final or b.final,
        stock_changed=a.stock_changed or b.stock_changed,
        notes=a.notes + b.notes,
    )


# --- start-up ------------------------------------------------------------------------------


def recover(store: Store, now: Now) -> list[SaleRecord]:
    """On start, before selling: a sale caught SENDING may have left; ask the server."""
    return [store.transition(sale.ref, S.SENDING, S.UNKNOWN, "recovered after a stop",
                             next_check_at=now())
            for sale in store.by_state(S.SENDING)]


def orphaned(store: Store, client: OneClickClient, ref: str, now: Now,
             settings: EngineSettings) -> StepResult:
    """A sale left SENDING by a step that failed before recording the answer: ask the server."""
    sale = store.get(ref)
    if sale is None or sale.state is not S.SENDING:
        return StepResult()
    return StepResult(changed=(store.transition(ref, S.SENDING, S.UNKNOWN, "orphaned send",
                                                next_check_at=now()),))


def _err(exc: e.ApiError) -> dict[str, Any]:
    """Journal detail of an API error (never a key, never a card code)."""
    detail: dict[str, Any] = {"error": type(exc).__name__}
    if exc.server_code:
        detail["code"] = exc.server_code
    if exc.http_status is not None:
        detail["http"] = exc.http_status
    if exc.request_id:
        detail["requestId"] = exc.request_id
    return detail


def due(sales: Iterable[SaleRecord], now: datetime) -> list[SaleRecord]:
    """Sales whose next check time has come (or that have none)."""
    return [s for s in sales if s.next_check_at is None or s.next_check_at <= now]

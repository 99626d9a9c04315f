"""One step of one sale: the blocking, synchronous heart of the order engine.

Each function takes the store, the client and the time, does at most one HTTP call, records
what it learnt as transitions (one transaction each, with a journal row) and returns what
changed. The async engine decides *when* to run them; tests can run them directly against a
simulator on a fake clock.

Money rules (the README's "Sales are never lost"): the ref never changes; an unclear answer
to a send becomes UNKNOWN and is resolved only by check-ref; a sale is REJECTED only on a
definite refusal, and a refusal that follows an attempt of unknown outcome waits in VERIFYING
until check-ref has been asked long enough; a ref found on the server is adopted only when it
is the same sale; FULFILLED needs a card code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pos_app.api import contract, errors
from pos_app.api.client import OneClickClient
from pos_app.api.models import Topup
from pos_app.domain.numbers import normalise
from pos_app.domain.sale_states import SaleState
from pos_app.orders.crash import crashpoint
from pos_app.orders.schedule import ASKED_BY_REF, FOLLOWED, next_poll_at
from pos_app.orders.settings import EngineSettings
from pos_app.store import SaleRecord, StaleStateError, Store

log = logging.getLogger(__name__)
Now = Callable[[], datetime]
FINAL_NOW = frozenset(
    {SaleState.FULFILLED, SaleState.REFUNDED, SaleState.REJECTED, SaleState.CONFLICT}
)


@dataclass(frozen=True, slots=True)
class StepResult:
    """What a step changed and what it learnt about the network."""

    changed: tuple[SaleRecord, ...] = ()
    offline: bool = False  # nothing could leave the machine
    online: bool = False  # the server answered (whatever it said)
    auth_failed: errors.AuthError | None = None
    final: bool = False  # some sale reached a final state (refresh the balance)
    stock_changed: bool = False  # ERR_STOCK: refresh the products
    notes: tuple[str, ...] = field(default_factory=tuple)


def _later(now: datetime, seconds: float) -> datetime:
    return now + timedelta(seconds=max(0.0, seconds))


def _backoff(settings: EngineSettings, attempt: int, retry_after: float | None) -> float:
    """Capped exponential backoff; a server's Retry-After is honoured up to ``max_wait``."""
    base = min(settings.retry_backoff_max, settings.unknown_recheck * 2.0 ** max(0, attempt))
    wanted = max(base, retry_after or 0.0)
    return float(min(wanted, settings.max_wait))


# --- send ----------------------------------------------------------------------------------


def send(
    store: Store, client: OneClickClient, ref: str, now: Now, settings: EngineSettings
) -> StepResult:
    """WAITING -> SENDING -> ACCEPTED | REJECTED | UNKNOWN | WAITING, with one POST."""
    sale = store.get(ref)
    if sale is None or sale.state is not SaleState.WAITING:
        return StepResult()
    sale = store.transition(
        ref,
        SaleState.WAITING,
        SaleState.SENDING,
        "send",
        sent_at=sale.sent_at or now(),
        send_attempts=sale.send_attempts + 1,
    )
    crashpoint("after_commit_sending")
    try:
        result = client.send(sale.line_type, sale.number, sale.face_value, sale.ref)
    except errors.NotSentError as exc:
        back = store.transition(
            ref,
            SaleState.SENDING,
            SaleState.WAITING,
            "not sent",
            detail=_err(exc),
            not_found_count=0,
        )
        return StepResult(changed=(back,), offline=True)
    except errors.OutcomeUnknownError as exc:
        unknown = store.transition(
            ref,
            SaleState.SENDING,
            SaleState.UNKNOWN,
            "outcome unknown",
            detail=_err(exc),
            next_check_at=_later(now(), _backoff(settings, 0, exc.retry_after)),
        )
        return StepResult(changed=(unknown,))
    except errors.DuplicatedRefError as exc:
        # The ref is already on the server: an earlier attempt landed. Adopt it, never resend.
        unknown = store.transition(
            ref,
            SaleState.SENDING,
            SaleState.UNKNOWN,
            "duplicated ref: adopt",
            detail=_err(exc),
            next_check_at=now(),
        )
        return StepResult(changed=(unknown,), online=True)
    except errors.RefusedError as exc:
        stock = isinstance(exc, errors.OutOfStockError)
        code = exc.server_code or type(exc).__name__
        if had_unknown_attempt(store, ref):
            # Rule 11: an earlier attempt may still land; no cash back until it cannot.
            verifying = store.transition(
                ref,
                SaleState.SENDING,
                SaleState.VERIFYING,
                "refused on retry: verifying",
                detail=_err(exc),
                failure_code=code,
                failure_reason=exc.message,
                not_found_count=0,
                next_check_at=_later(now(), settings.verify_gaps[0]),
            )
            return StepResult(changed=(verifying,), online=True, stock_changed=stock)
        rejected = store.transition(
            ref,
            SaleState.SENDING,
            SaleState.REJECTED,
            "refused",
            detail=_err(exc),
            failure_code=code,
            failure_reason=exc.message,
        )
        return StepResult(changed=(rejected,), online=True, final=True, stock_changed=stock)
    except errors.AuthError as exc:
        back = store.transition(
            ref, SaleState.SENDING, SaleState.WAITING, "key refused", detail=_err(exc)
        )
        return StepResult(changed=(back,), online=True, auth_failed=exc)
    except Exception as exc:
        log.exception("unexpected error while sending %s", ref)
        unknown = store.transition(
            ref,
            SaleState.SENDING,
            SaleState.UNKNOWN,
            "unexpected error",
            detail={"error": type(exc).__name__},
            next_check_at=_later(now(), settings.unknown_recheck),
        )
        return StepResult(changed=(unknown,))
    crashpoint("after_send_response")
    if result.topup_ref != ref:
        # Rule 12: an answer for another ref proves nothing about this sale: ask check-ref.
        log.error("send %s was answered for another ref; asking check-ref", ref)
        unknown = store.transition(
            ref,
            SaleState.SENDING,
            SaleState.UNKNOWN,
            "answer for another ref",
            next_check_at=_later(now(), settings.unknown_recheck),
        )
        return StepResult(changed=(unknown,), online=True)
    accepted = store.transition(
        ref,
        SaleState.SENDING,
        SaleState.ACCEPTED,
        "accepted",
        server_id=result.topup_id,
        server_status=contract.STATUS_HANDLING,
        next_check_at=next_poll_at(sale, now(), settings),
    )
    crashpoint("after_commit_accepted")
    return StepResult(changed=(accepted,), online=True)


# --- what the server says ------------------------------------------------------------------


def had_unknown_attempt(store: Store, ref: str) -> bool:
    """Whether any earlier attempt at ``ref`` ended with an unknown outcome."""
    return any(row.to_state is SaleState.UNKNOWN for row in store.journal(ref))


def mismatch(sale: SaleRecord, topup: Topup) -> str | None:
    """Why the server's top-up is not this sale (line type, number, value), or None.

    A missing echo counts as a mismatch: the docs promise it, and adopting an order that
    cannot be shown to be ours could hand a customer another customer's card.
    """
    if topup.ref != sale.ref:
        return "ref"
    if sale.server_id is not None and topup.id != sale.server_id:
        return "id"
    if topup.line_type is not sale.line_type:
        return "type"
    if topup.number is None or normalise(topup.number) != sale.number:
        return "number"
    if topup.topup_amount != sale.face_value:
        return "value"
    return None


def _conflict(store: Store, sale: SaleRecord, topup: Topup, why: str, cause: str) -> SaleRecord:
    """Rule 12: the ref on the server belongs to another sale; a person decides."""
    log.error("sale %s: the server holds this ref for another sale (%s differs)", sale.ref, why)
    detail = {
        "differs": why,
        "server_type": topup.line_type.value if topup.line_type else None,
        "server_value": topup.topup_amount,
        "server_status": topup.status,
    }
    return store.transition(
        sale.ref,
        sale.state,
        SaleState.CONFLICT,
        f"{cause}: another sale's ref",
        detail=detail,
        failure_code="CONFLICT",
        failure_reason=f"the server holds this ref for another sale ({why} differs)",
        next_check_at=None,
    )


def adopt(
    store: Store, sale: SaleRecord, topup: Topup, now: Now, settings: EngineSettings, *, cause: str
) -> SaleRecord | None:
    """Record the server's view of a sale; None when nothing changed.

    A top-up whose type, number or value differ from the sale's makes it a CONFLICT; a
    FULFILLED one without a card code makes it CODE_PENDING (then CODE_MISSING).
    """
    why = mismatch(sale, topup)
    if why is not None:
        return _conflict(store, sale, topup, why, cause)
    fields: dict[str, Any] = {"server_status": topup.status}
    if topup.id and topup.id != sale.server_id:
        fields["server_id"] = topup.id
    state = sale.state
    if topup.is_fulfilled and not topup.card_code:
        return _code_pending(store, sale, fields, now, settings, cause=cause)
    if topup.is_fulfilled:
        target = SaleState.FULFILLED
        fields |= {
            "card_code": topup.card_code,
            "num_trans": topup.num_trans,
            "date_traitement": topup.date_traitement,
        }
    elif topup.is_refunded:
        target = SaleState.REFUNDED
        fields["failure_code"] = contract.STATUS_REFUNDED
    elif topup.is_queued:
        target = SaleState.QUEUED
        first = state is not SaleState.QUEUED
        fields["next_check_at"] = _later(
            now(), settings.queued_first_recheck if first else settings.queued_recheck
        )
    else:
        # HANDLING, or a status this app does not know: still running, never final.
        target = SaleState.ACCEPTED
        if not topup.is_known_status:
            log.warning(
                "sale %s: unknown server status %r, treated as running", sale.ref, topup.status
            )
    waiting_for_code = state in {SaleState.CODE_PENDING, SaleState.CODE_MISSING}
    if target in {SaleState.ACCEPTED, SaleState.QUEUED} and waiting_for_code:
        # The server said FULFILLED before: a running status changes nothing, and the wait
        # for the code goes on (and ends as a manager's case) whatever it says meanwhile.
        fields.pop("next_check_at", None)
        return _code_pending(store, sale, fields, now, settings, cause=cause)
    if target is state:
        changed = {
            k: v for k, v in fields.items() if k != "next_check_at" and getattr(sale, k) != v
        }
        if not changed:
            return None
        return store.record(sale.ref, f"server status {topup.status[:40]}", **changed)
    if state in ASKED_BY_REF:
        fields["not_found_count"] = 0
    if state is SaleState.VERIFYING:
        fields["failure_code"] = None
        fields["failure_reason"] = None
    if target is SaleState.ACCEPTED:
        fields["next_check_at"] = next_poll_at(sale, now(), settings)
    updated = store.transition(sale.ref, state, target, cause, **fields)
    if target in {SaleState.FULFILLED, SaleState.REFUNDED}:
        crashpoint("after_commit_final")
    return updated


def _code_pending(
    store: Store,
    sale: SaleRecord,
    fields: dict[str, Any],
    now: Now,
    settings: EngineSettings,
    *,
    cause: str,
) -> SaleRecord | None:
    """FULFILLED without a card code: keep asking every ``code_recheck``; once the answers
    without a code span ``code_wait`` it is CODE_MISSING, a manager's case (counted in
    answers, so no clock change can shorten or stretch it)."""
    if sale.state is SaleState.CODE_MISSING:
        store.schedule(sale.ref, _later(now(), settings.code_missing_recheck))
        return None
    if sale.state is not SaleState.CODE_PENDING:
        log.warning("sale %s FULFILLED without a card code: asking again", sale.ref)
        return store.transition(
            sale.ref,
            sale.state,
            SaleState.CODE_PENDING,
            f"{cause}: fulfilled, code pending",
            next_check_at=_later(now(), settings.code_recheck),
            not_found_count=0,
            **{k: v for k, v in fields.items() if k != "not_found_count"},
        )
    answers = sale.not_found_count + 1
    if answers * settings.code_recheck >= settings.code_wait:
        log.error("sale %s: FULFILLED and still no card code; a case for the manager", sale.ref)
        return store.transition(
            sale.ref,
            SaleState.CODE_PENDING,
            SaleState.CODE_MISSING,
            "no card code: manager",
            failure_code="CODE_MISSING",
            not_found_count=answers,
            failure_reason="the server says fulfilled but gives no card code",
            next_check_at=_later(now(), settings.code_missing_recheck),
        )
    return store.record(
        sale.ref,
        "still no card code",
        not_found_count=answers,
        next_check_at=_later(now(), settings.code_recheck),
    )


def _ensure_scheduled(store: Store, ref: str, now: Now, settings: EngineSettings) -> None:
    """A sale waiting for its card code is never left due at once (no tight loop)."""
    sale = store.get(ref)
    if sale is None or (sale.next_check_at is not None and sale.next_check_at > now()):
        return
    wait = (
        settings.code_recheck
        if sale.state is SaleState.CODE_PENDING
        else settings.code_missing_recheck
    )
    store.schedule(ref, _later(now(), wait))


def resolve(
    store: Store, client: OneClickClient, ref: str, now: Now, settings: EngineSettings
) -> StepResult:
    """UNKNOWN or VERIFYING: ask check-ref.

    Found -> adopt (when it is this sale). NOT_FOUND: for UNKNOWN, twice some time apart ->
    WAITING (resend the same ref); for VERIFYING, at each gap of ``verify_gaps`` and, after
    the last, the refusal is final (REJECTED).
    """
    sale = store.get(ref)
    if sale is None or sale.state not in ASKED_BY_REF or not _is_due(sale, now):
        # Not due (another step rescheduled it meanwhile): the waits between questions are
        # what makes "not found" mean something; never shorten them.
        return StepResult()
    try:
        topup = client.check_ref(ref)
    except errors.NotFoundError:
        crashpoint("after_check_response")
        if sale.state is SaleState.VERIFYING:
            return _still_not_found(store, sale, now, settings)
        if sale.not_found_count >= 1:
            back = store.transition(
                ref,
                SaleState.UNKNOWN,
                SaleState.WAITING,
                "not found twice: resend",
                not_found_count=0,
            )
            return StepResult(changed=(back,), online=True)
        counted = store.record(
            ref,
            "not found once",
            not_found_count=1,
            next_check_at=_later(now(), settings.not_found_confirm_after),
        )
        return StepResult(changed=(counted,), online=True)
    except errors.ApiError as exc:
        return _check_failed(store, sale, exc, now, settings)
    crashpoint("after_check_response")
    if topup.ref is not None and topup.ref != ref:
        log.error("check-ref %s answered for another ref; ignored", ref)
        return _check_failed(
            store, sale, errors.MalformedResponseError("ref mismatch"), now, settings
        )
    updated = adopt(store, sale, topup, now, settings, cause="found on server")
    return StepResult(
        changed=(updated,) if updated else (),
        online=True,
        final=bool(updated and updated.state in FINAL_NOW),
    )


def _is_due(sale: SaleRecord, now: Now) -> bool:
    return sale.next_check_at is None or sale.next_check_at <= now()


def _still_not_found(
    store: Store, sale: SaleRecord, now: Now, settings: EngineSettings
) -> StepResult:
    """VERIFYING and check-ref still says NOT_FOUND: wait for the next gap, or, after the
    last one, take the refusal as final (no earlier attempt can land any more)."""
    asked = sale.not_found_count + 1
    gaps = settings.verify_gaps
    if asked >= len(gaps):
        rejected = store.transition(
            sale.ref,
            SaleState.VERIFYING,
            SaleState.REJECTED,
            "refusal confirmed: not found after waiting",
            not_found_count=asked,
            next_check_at=None,
        )
        return StepResult(changed=(rejected,), online=True, final=True)
    counted = store.record(
        sale.ref,
        "refused on retry: still not found",
        not_found_count=asked,
        next_check_at=_later(now(), gaps[asked]),
    )
    return StepResult(changed=(counted,), online=True)


def _check_failed(
    store: Store, sale: SaleRecord, exc: errors.ApiError, now: Now, settings: EngineSettings
) -> StepResult:
    """A status question got no usable answer: ask again later, with backoff."""
    retry_after = getattr(exc, "retry_after", None)
    store.schedule(sale.ref, _later(now(), _backoff(settings, 1, retry_after)))
    if isinstance(exc, errors.AuthError):
        return StepResult(auth_failed=exc, online=True)
    return StepResult(
        offline=isinstance(exc, errors.NotSentError),
        online=not isinstance(exc, errors.NetworkError),
    )


# --- follow accepted and queued sales ------------------------------------------------------


def poll(
    store: Store,
    client: OneClickClient,
    refs: Sequence[str],
    now: Now,
    settings: EngineSettings,
    *,
    in_flight: int,
) -> StepResult:
    """Check the status of accepted/queued sales: one list call when several are in flight,
    else check-id for each. Sales the list does not show are checked one by one."""
    sales = [
        s
        for s in (store.get(r) for r in refs)
        if s is not None and s.state in FOLLOWED and _is_due(s, now)
    ]
    if not sales:
        return StepResult()
    seen: dict[str, Topup] = {}
    changed: list[SaleRecord] = []
    if in_flight >= settings.list_threshold and any(s.state is SaleState.ACCEPTED for s in sales):
        try:
            page = client.list_topups(page=1, page_size=contract.MAX_PAGE_SIZE)
            seen = {t.ref: t for t in page.items if t.ref}
        except errors.ApiError as exc:
            if isinstance(exc, errors.NetworkError | errors.AuthError):
                for sale in sales:
                    _check_failed(store, sale, exc, now, settings)
                return StepResult(
                    offline=isinstance(exc, errors.NotSentError),
                    auth_failed=exc if isinstance(exc, errors.AuthError) else None,
                )
            log.info("list failed (%s); falling back to check-id", type(exc).__name__)
        # The list answers for every sale in flight, not only those due now.
        for sale in store.by_state(SaleState.ACCEPTED):
            if sale.ref in seen and sale.ref not in refs:
                crashpoint("after_check_response")
                updated = _adopt_one(store, sale, seen[sale.ref], now, settings, "listed")
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
            except errors.NotFoundError:
                # The server forgot its own id? Fall back to asking by ref.
                log.warning("check-id %s not found for %s; asking by ref", sale.server_id, sale.ref)
                try:
                    topup = client.check_ref(sale.ref)
                except errors.ApiError as exc:
                    result = _merge(result, _check_failed(store, sale, exc, now, settings))
                    continue
            except errors.ApiError as exc:
                result = _merge(result, _check_failed(store, sale, exc, now, settings))
                continue
        crashpoint("after_check_response")
        fresh = store.get(sale.ref)
        if fresh is None:
            continue
        updated = _adopt_one(store, fresh, topup, now, settings, "status")
        if updated:
            changed.append(updated)
        latest = updated or fresh
        if latest.state is SaleState.ACCEPTED:
            store.schedule(latest.ref, next_poll_at(latest, now(), settings))
        elif latest.state is SaleState.QUEUED and updated is None:
            store.schedule(latest.ref, _later(now(), settings.queued_recheck))
        elif latest.state in {SaleState.CODE_PENDING, SaleState.CODE_MISSING}:
            _ensure_scheduled(store, latest.ref, now, settings)
    final = any(c.state in FINAL_NOW for c in changed)
    return _merge(result, StepResult(changed=tuple(changed), final=final))


def _adopt_one(  # noqa: PLR0917 - the step's usual arguments, in their usual order
    store: Store,
    sale: SaleRecord,
    topup: Topup,
    now: Now,
    settings: EngineSettings,
    cause: str,
) -> SaleRecord | None:
    """``adopt`` for one sale of a batch: whatever goes wrong with this sale (a state that
    moved meanwhile, an answer the store refuses, a bug) never stops the others; the sale is
    asked again later and the error is logged (its type, never its text)."""
    try:
        return adopt(store, sale, topup, now, settings, cause=cause)
    except StaleStateError:
        return None
    except Exception as exc:
        log.error(
            "sale %s: could not record the server's answer (%s); asking again later",
            sale.ref,
            type(exc).__name__,
            exc_info=exc,
        )
        store.schedule(sale.ref, _later(now(), settings.retry_backoff_max))
        return None


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


def recover(
    store: Store,
    now: Now,
    settings: EngineSettings = EngineSettings(),  # noqa: B008 - frozen
) -> list[SaleRecord]:
    """On start, before selling: a sale caught SENDING may have left; ask the server.

    Stored schedules are sanity-checked (rule 13): when the clock reads earlier than the
    latest recorded change (it was set back), or a next check lies further ahead than any
    schedule the engine makes, that check is due now. Returns the sales that changed state.
    """
    recovered = [
        store.transition(
            sale.ref,
            SaleState.SENDING,
            SaleState.UNKNOWN,
            "recovered after a stop",
            next_check_at=now(),
        )
        for sale in store.by_state(SaleState.SENDING)
    ]
    unresolved = store.unresolved()
    moment = now()
    latest = max((s.updated_at for s in unresolved), default=None)
    clock_went_back = latest is not None and moment < latest - timedelta(seconds=1)
    for sale in unresolved:
        planned = sale.next_check_at
        if planned is None or planned <= moment:
            continue
        horizon = moment + timedelta(seconds=_longest_wait(settings, sale.state) * 1.5)
        if clock_went_back or planned > horizon:
            log.warning(
                "sale %s: its next check was set for a time that cannot be right "
                "(clock moved); checking now",
                sale.ref,
            )
            store.schedule(sale.ref, moment)
    return recovered


def _longest_wait(settings: EngineSettings, state: SaleState) -> float:
    """The furthest ahead the engine ever schedules the next check of a sale in ``state``."""
    if state is SaleState.QUEUED:
        return max(settings.queued_first_recheck, settings.queued_recheck)
    if state is SaleState.CODE_MISSING:
        return settings.code_missing_recheck
    return max(
        settings.background_recheck,
        settings.max_wait,
        settings.code_recheck,
        *settings.verify_gaps,
        *settings.poll_schedule,
    )


def orphaned(
    store: Store, client: OneClickClient, ref: str, now: Now, settings: EngineSettings
) -> StepResult:
    """A sale left SENDING by a step that failed before recording the answer: ask the server."""
    sale = store.get(ref)
    if sale is None or sale.state is not SaleState.SENDING:
        return StepResult()
    orphan = store.transition(
        ref, SaleState.SENDING, SaleState.UNKNOWN, "orphaned send", next_check_at=now()
    )
    return StepResult(changed=(orphan,))


def _err(exc: errors.ApiError) -> dict[str, Any]:
    """Journal detail of an API error (never a key, never a card code)."""
    detail: dict[str, Any] = {"error": type(exc).__name__}
    if exc.server_code:
        detail["code"] = exc.server_code
    if exc.http_status is not None:
        detail["http"] = exc.http_status
    if exc.request_id:
        detail["requestId"] = exc.request_id
    return detail

"""``pos-app order``, ``pos-app resume`` and ``pos-app history``: the order engine, headless.

Each state change is printed as one JSON object per line. Exit statuses (also in the README):
0 fulfilled (or, for resume, everything settled), 10 queued, 11 refunded, 12 rejected or
refused, 13 waiting to be sent (offline or key refused), 14 outcome still unknown (or refused
on a retry and still verifying), 15 still in progress at the time limit (or fulfilled with the
card code pending), 16 conflict (the server holds the ref for another sale), 17 fulfilled
without a card code for too long (a manager's case), 2 usage or configuration error, 3 another
process holds the sender lock, 4 the database cannot be used (damaged, newer, unreadable,
unwritable, disk full: nothing sold, nothing recorded changed). The status comes from the sale's
state in the database.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Iterable
from datetime import tzinfo
from pathlib import Path
from typing import Any, Final, TextIO

from pos_app.cli import audit
from pos_app.domain.cards import code_tail
from pos_app.domain.numbers import LineType, check_number
from pos_app.domain.sale_states import FINAL_STATES, SaleState
from pos_app.orders import ConnectionView, EngineEvent, OrderView, SaleRefusedError
from pos_app.orders.engine import wait_event
from pos_app.orders.sender import MissingKeyError, Sender, open_sender
from pos_app.store import (
    HistoryFilter,
    LockHeldError,
    SaleRecord,
    Store,
    StoreConfigError,
    StoreUnavailableError,
    open_store,
    write_history_csv,
)
from pos_app.store.settings import database_url

log = logging.getLogger(__name__)

EXIT_FULFILLED = 0
EXIT_QUEUED = 10
EXIT_REFUNDED = 11
EXIT_REJECTED = 12
EXIT_WAITING = 13
EXIT_UNKNOWN = 14
EXIT_IN_PROGRESS = 15
EXIT_CONFLICT = 16
EXIT_CODE_MISSING = 17
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_STORE = 4  # the database cannot be used: damaged, newer, unreadable, unwritable, disk full

EXIT_BY_STATE = {
    SaleState.FULFILLED: EXIT_FULFILLED,
    SaleState.QUEUED: EXIT_QUEUED,
    SaleState.REFUNDED: EXIT_REFUNDED,
    SaleState.REJECTED: EXIT_REJECTED,
    SaleState.CANCELLED: EXIT_REJECTED,
    SaleState.WAITING: EXIT_WAITING,
    SaleState.UNKNOWN: EXIT_UNKNOWN,
    SaleState.SENDING: EXIT_UNKNOWN,
    SaleState.VERIFYING: EXIT_UNKNOWN,
    SaleState.ACCEPTED: EXIT_IN_PROGRESS,
    SaleState.CODE_PENDING: EXIT_IN_PROGRESS,
    SaleState.CODE_MISSING: EXIT_CODE_MISSING,
    SaleState.CONFLICT: EXIT_CONFLICT,
}
SETTLED = FINAL_STATES | {SaleState.QUEUED, SaleState.CODE_MISSING}
# What a cashier must know about a sale that is neither sold nor refused (stderr, last line).
NOTICES = {
    SaleState.VERIFYING: "refused on retry, still verifying: an earlier attempt may still "
    "land; do not give the cash back yet",
    SaleState.CODE_PENDING: "fulfilled, code pending: the server has not given the card code "
    "yet; it is asked again",
    SaleState.CODE_MISSING: "fulfilled without a card code for too long: a case for the "
    "manager (check with the supplier)",
    SaleState.CONFLICT: "conflict: the server holds this ref for another sale; no card is "
    "handed over, a manager must decide",
}


def add_parsers(sub: Any) -> None:
    order = sub.add_parser("order", help="place one sale and follow it")
    order.add_argument("--type", required=True, choices=[t.value for t in LineType])
    order.add_argument("--number", required=True)
    order.add_argument("--value", required=True, type=int)
    order.add_argument("--ref", help="the sale's ref; an existing ref is resumed, not re-sold")
    order.add_argument(
        "--no-wait", action="store_true", help="return once the send has been answered"
    )
    order.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds to follow the sale (default: the 5-minute short poll)",
    )
    resume = sub.add_parser("resume", help="reconcile and drain every unresolved sale")
    resume.add_argument("--timeout", type=float, default=300.0)
    add_history_parser(sub)


def _line(view: OrderView, started: float) -> str:
    record: dict[str, Any] = {
        "ref": view.ref,
        "state": view.state.value,
        "server_status": view.server_status,
        "elapsed_ms": round((time.monotonic() - started) * 1000),
    }
    if view.state is SaleState.FULFILLED:
        record |= {
            "card_code": view.card_code,
            "num_trans": view.num_trans,
            "date_traitement": view.date_traitement,
        }
    if view.failure_code or view.failure_reason:
        record |= {"failure_code": view.failure_code, "failure_reason": view.failure_reason}
    return json.dumps(record, ensure_ascii=False)


def _as_sender(err: TextIO, work: Callable[[Sender], Coroutine[Any, Any, int]]) -> int:
    """Run ``work`` as this database's one sender (``open_sender``: key configured, lock
    held, store open, engine built; released afterwards)."""
    try:
        sender = open_sender(require_key=True)
    except MissingKeyError as exc:
        err.write(f"{exc}\n")
        return EXIT_USAGE
    except LockHeldError as exc:
        err.write(
            f"another pos-app process (pid {exc.pid}) is sending for this database; "
            "it can still be read with 'pos-app history'\n"
        )
        return EXIT_LOCKED
    except (StoreUnavailableError, ValueError) as exc:
        return cannot_start(exc, err)
    with sender:
        return asyncio.run(work(sender))


def cannot_start(exc: Exception, err: TextIO) -> int:
    """Report a setting or a database that stops a command at start: one line on stderr (no
    traceback), and the exit status: 4 when the database cannot be used, else 2."""
    if isinstance(exc, StoreUnavailableError):
        err.write(f"pos-app: {exc}\n")
        return EXIT_STORE
    if isinstance(exc, StoreConfigError):
        err.write(f"pos-app: {exc}; nothing was sold\n")
    else:
        err.write(f"pos-app: a setting cannot be used ({exc}); nothing was sold\n")
    return EXIT_USAGE


def run_order(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _as_sender(err, lambda sender: _order(sender, args, out, err))


async def _order(sender: Sender, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    started = time.monotonic()
    store, engine = sender.store, sender.engine
    ref: str | None = args.ref
    latest: dict[str, OrderView] = {}
    offline = asyncio.Event()
    changed = asyncio.Event()

    early: list[OrderView] = []  # views that came before this sale's ref was known

    def show(view: OrderView) -> None:
        latest[view.ref] = view
        out.write(_line(view, started) + "\n")
        out.flush()
        changed.set()

    def listen(event: EngineEvent) -> None:
        # Only this sale's changes are printed: the engine also drives other sales.
        match event:
            case OrderView() if ref is None:
                early.append(event)
            case OrderView() if event.ref == ref:
                show(event)
            case ConnectionView() if not event.online or event.auth_problem:
                offline.set()
                changed.set()
            case _:
                pass

    existing = store.get(ref) if ref else None
    if existing is not None:
        differs = _differs(existing, args)
        if differs:
            # Rule 12: a ref is one sale; following it for other details would show
            # another customer's sale (and card) as this one. Refused before any request.
            err.write(
                f"sale refused (ref): ref {ref} already belongs to a sale with another "
                f"{differs}; nothing was sent\n"
            )
            return EXIT_REJECTED
    engine.subscribe(listen)
    await engine.start()
    try:
        if existing is not None:
            view = OrderView.of(existing)
            listen(view)
        else:
            if store.cached_products(LineType(args.type)) is None:
                await engine.refresh_products()
            try:
                view = await engine.place(LineType(args.type), args.number, args.value, ref=ref)
            except SaleRefusedError as exc:
                err.write(f"sale refused ({exc.reason}): {exc.message}\n")
                return EXIT_REJECTED
        ref = view.ref
        for seen in early:
            if seen.ref == ref:
                show(seen)
        early.clear()
        limit = (
            args.timeout if args.timeout is not None else (engine.settings.short_poll_window + 30)
        )
        deadline = time.monotonic() + limit
        while True:
            view = latest.get(ref, view)
            if view.state in SETTLED:
                break
            if args.no_wait and view.state not in {SaleState.WAITING, SaleState.SENDING}:
                break
            if offline.is_set() and view.state is SaleState.WAITING:
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            changed.clear()
            await wait_event(changed, remaining)
        key_refused = engine.auth_error is not None
    finally:
        await engine.stop()
    if key_refused:
        err.write("the API key was refused; the sale waits until the key is fixed\n")
    # Read after the engine stopped: no step can change the sale any more.
    return _outcome(store, view, err)


def _differs(sale: SaleRecord, args: argparse.Namespace) -> str | None:
    """Which detail of ``order --ref`` differs from the recorded sale with that ref."""
    if sale.line_type is not LineType(args.type):
        return "line type"
    verdict = check_number(args.number, forced=sale.line_type)
    if verdict.digits != sale.number:
        return "number"
    if sale.face_value != args.value:
        return "value"
    return None


def _outcome(store: Store, view: OrderView, err: TextIO) -> int:
    """The exit status from the sale's state in the database (not from the last event
    printed: a write may have failed after it), with a notice for the in-between states."""
    try:
        recorded = store.get(view.ref)
    except Exception:  # the database failed: the last event is all there is
        log.exception("could not read sale %s back", view.ref)
        recorded = None
    state = recorded.state if recorded is not None else view.state
    if recorded is None:
        err.write(
            "the sale's state could not be read back from the database; "
            f"the last known state is {state.value}\n"
        )
    notice = NOTICES.get(state)
    if notice:
        err.write(notice + "\n")
    return EXIT_BY_STATE[state]


def run_resume(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return _as_sender(err, lambda sender: _resume(sender, args.timeout, out))


async def _resume(sender: Sender, timeout: float, out: TextIO) -> int:
    started = time.monotonic()
    store, engine = sender.store, sender.engine
    changed = asyncio.Event()
    needs_a_person: set[str] = set()  # conflicts met during this resume

    def listen(event: EngineEvent) -> None:
        match event:
            case OrderView():
                out.write(_line(event, started) + "\n")
                out.flush()
                if event.state is SaleState.CONFLICT:
                    needs_a_person.add(event.ref)
            case _:
                pass
        changed.set()

    engine.subscribe(listen)
    await engine.start()
    try:
        deadline = time.monotonic() + timeout
        while True:
            open_sales = [
                s
                for s in store.unresolved()
                if s.state not in {SaleState.QUEUED, SaleState.CODE_MISSING}
            ]
            stuck_offline = all(s.state is SaleState.WAITING for s in open_sales) and (
                not engine.online or engine.auth_error is not None
            )
            remaining = deadline - time.monotonic()
            if not open_sales or stuck_offline or remaining <= 0:
                break
            changed.clear()
            await wait_event(changed, min(remaining, 1.0))
        counts = store.count_by_state()
        out.write(json.dumps({"summary": {s.value: n for s, n in counts.items() if n}}) + "\n")
        if needs_a_person:
            return EXIT_CONFLICT  # "settled" would hide a sale a manager must look at
        if counts.get(SaleState.CODE_MISSING):
            return EXIT_CODE_MISSING
        if not open_sales:
            return EXIT_FULFILLED
        if all(s.state is SaleState.WAITING for s in open_sales):
            return EXIT_WAITING
        if any(
            s.state in {SaleState.UNKNOWN, SaleState.SENDING, SaleState.VERIFYING}
            for s in open_sales
        ):
            return EXIT_UNKNOWN
        return EXIT_IN_PROGRESS
    finally:
        await engine.stop()


HISTORY_DESCRIPTION = (
    "List the sales, newest first, as a table, or the fields of each one as JSON lines in "
    "the order sold (--json), or as CSV (--csv, UTF-8 with a byte-order mark; to stdout, or "
    "to PATH). Card codes show by their last four characters and the wholesale cost is left "
    "out, unless --full-codes is given (a card code is as good as cash: noted in the "
    "action log, so it needs a database it can write). Dates are local "
    "days, YYYY-MM-DD: --since from the start of that day, --until to the end of that day."
)
HISTORY_COLUMNS: Final = (
    ("time", 16), ("type", 4), ("number", 12), ("value", 6), ("price", 6), ("state", 12),
    ("code", 8), ("counter", 8), ("cashier", 10), ("ref", 0),
)  # fmt: skip
"""The text table's columns and widths (0: as wide as the value)."""
CODE_MASK: Final = "••••"


def add_history_parser(sub: Any) -> None:
    """The ``history`` subcommand's arguments."""
    history = sub.add_parser(
        "history", help="list or export the sales", description=HISTORY_DESCRIPTION
    )
    output = history.add_mutually_exclusive_group()
    output.add_argument(
        "--json", action="store_true", help="every field, one JSON object per line, as sold"
    )
    output.add_argument(
        "--csv", nargs="?", const="-", metavar="PATH", help="CSV to PATH (none: to stdout)"
    )
    history.add_argument(
        "--full-codes",
        action="store_true",
        help="with --json or --csv: the whole card codes (and, in JSON, the wholesale cost)",
    )
    history.add_argument("--since", metavar="DATE", help="from this local day (YYYY-MM-DD)")
    history.add_argument("--until", metavar="DATE", help="up to this local day, included")
    history.add_argument(
        "--state",
        metavar="S",
        help="only sales in these states, comma-separated: "
        + ", ".join(s.value for s in SaleState),
    )
    history.add_argument(
        "--number",
        metavar="N",
        help="search as the history screen does: a number as typed (any grouping) or its "
        "start, a ref, or a card code's last 4 to 6 characters",
    )


def history_filter(args: argparse.Namespace, tz: tzinfo | None = None) -> HistoryFilter:
    """The filter the ``history`` arguments ask for; ValueError (one clear line) for a date,
    state or search that cannot be used. Days are local to ``tz`` (this computer's when
    None)."""
    from pos_app.cli.reports import parse_day
    from pos_app.receipts.report_model import local_day

    since = until = None
    if args.since is not None:
        since, _ = local_day(parse_day(args.since, "--since"), tz)
    if args.until is not None:
        _, until = local_day(parse_day(args.until, "--until"), tz)
    if since is not None and until is not None and since >= until:
        raise ValueError(f"--since {args.since} is after --until {args.until}")
    states: set[SaleState] = set()
    if args.state is not None:
        for name in args.state.split(","):
            try:
                states.add(SaleState(name.strip().lower()))
            except ValueError:
                known = ", ".join(s.value for s in SaleState)
                raise ValueError(f"--state: no state {name.strip()!r}; one of {known}") from None
    text = ""
    if args.number is not None:
        text = args.number.strip()
        if not text:
            raise ValueError("--number: empty")
    return HistoryFilter(text=text, since=since, until=until, states=frozenset(states))


def run_history(
    args: argparse.Namespace, out: TextIO, err: TextIO | None = None, *, tz: tzinfo | None = None
) -> int:
    """The sales matching the arguments, as a table, JSON lines or CSV. Read-only: a
    database file that cannot be written (but is sound) is still listed; a damaged or newer
    one is not (status 4). Arguments that cannot be used: one line, status 2."""
    err = err or sys.stderr
    full_codes = bool(getattr(args, "full_codes", False))
    try:
        wanted = history_filter(args, tz)
        if full_codes and not args.json and args.csv is None:
            raise ValueError("--full-codes: only with --json or --csv (the table masks codes)")
    except ValueError as exc:
        err.write(f"pos-app history: {exc}\n")
        return EXIT_USAGE
    try:
        # Full codes are noted in the action log first: that needs a database it can write.
        store = open_store(database_url(), read_only=not full_codes)
    except (StoreUnavailableError, StoreConfigError) as exc:
        return cannot_start(exc, err)
    try:
        if full_codes:
            export = audit.HISTORY_EXPORT_JSON if args.json else audit.HISTORY_EXPORT_CSV
            to = "stdout" if args.json or args.csv == "-" else str(args.csv)
            try:
                audit.note(store, export, {"full_codes": True, "to": to})
            except audit.NotNotedError as exc:
                err.write(f"pos-app history: no full codes were given: {exc}\n")
                return 1
        if args.json:
            _history_json(store, wanted, out, full_codes=full_codes)
        elif args.csv is not None:
            return _history_csv(store, wanted, args.csv, out, err, tz, full_codes=full_codes)
        else:
            _history_table(store, wanted, out, tz)
    finally:
        store.close()
    return 0


def _history_json(
    store: Store, wanted: HistoryFilter, out: TextIO, *, full_codes: bool = False
) -> None:
    """The fields of each matching sale, in the order sold (the order of every sale): card
    codes masked and no cost, unless ``full_codes``."""
    if wanted == HistoryFilter():
        sales: Iterable[SaleRecord] = store.iter_sales()
    else:
        refs: list[str] = []
        before = None
        while page := store.history_page(wanted, before=before, limit=1000):
            refs += [row.ref for row in page]
            before = page[-1].cursor
        sales = (sale for ref in reversed(refs) if (sale := store.get(ref)) is not None)
    for sale in sales:
        out.write(json.dumps(sale_json(sale, full_codes=full_codes), ensure_ascii=False) + "\n")


def _history_csv(  # noqa: PLR0917 (the command's parts)
    store: Store,
    wanted: HistoryFilter,
    target: str,
    out: TextIO,
    err: TextIO,
    tz: tzinfo | None,
    *,
    full_codes: bool = False,
) -> int:
    """The CSV export (``write_history_csv``: UTF-8 with BOM, codes by their last four
    unless ``full_codes``) to the file ``target``, or to stdout for ``-``."""
    if target != "-":
        try:
            count = write_history_csv(store, wanted, Path(target), tz=tz, full_codes=full_codes)
        except OSError as exc:
            err.write(f"pos-app history: cannot write {target} ({exc.strerror or exc})\n")
            return 1
        out.write(f"wrote {count} sales to {target}\n")
        return 0
    with tempfile.TemporaryDirectory(prefix="pos-app-history-") as folder:
        path = Path(folder) / "history.csv"
        write_history_csv(store, wanted, path, tz=tz, full_codes=full_codes)
        data = path.read_bytes()
    buffer = getattr(out, "buffer", None)
    if buffer is not None:
        out.flush()
        buffer.write(data)
        buffer.flush()
    else:
        out.write(data.decode("utf-8"))  # the byte-order mark stays, as U+FEFF
    return 0


def _history_table(store: Store, wanted: HistoryFilter, out: TextIO, tz: tzinfo | None) -> None:
    """The matching sales newest first, one a line under a header; codes masked."""
    out.write(_table_line([name for name, _ in HISTORY_COLUMNS]) + "\n")
    before = None
    while page := store.history_page(wanted, before=before, limit=500):
        for row in page:
            code = f"{CODE_MASK}{row.code_tail}" if row.code_tail else "-"
            cells = [
                row.created_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                row.line_type.value,
                row.number,
                str(row.face_value),
                str(row.price),
                row.state.value,
                code,
                row.counter,
                row.cashier,
                row.ref,
            ]
            out.write(_table_line(cells) + "\n")
        before = page[-1].cursor


def _table_line(cells: list[str]) -> str:
    parts = []
    for (name, width), cell in zip(HISTORY_COLUMNS, cells, strict=True):
        right = name in {"value", "price"}
        parts.append(cell.rjust(width) if right else cell.ljust(width))
    return "  ".join(parts).rstrip()


def sale_json(sale: SaleRecord, *, full_codes: bool = False) -> dict[str, Any]:
    """The fields of a sale, JSON-ready: every one with ``full_codes``; else the card code
    masked to its last four characters (as the table shows it) and no wholesale cost."""
    fields: dict[str, Any] = {
        "ref": sale.ref,
        "type": sale.line_type.value,
        "number": sale.number,
        "face_value": sale.face_value,
        "cost": sale.cost,
        "price": sale.price,
        "state": sale.state.value,
        "server_status": sale.server_status,
        "server_id": sale.server_id,
        "card_code": sale.card_code,
        "num_trans": sale.num_trans,
        "date_traitement": sale.date_traitement,
        "failure_code": sale.failure_code,
        "failure_reason": sale.failure_reason,
        "cashier": sale.cashier,
        "counter": sale.counter,
        "created_at": sale.created_at.isoformat(),
        "updated_at": sale.updated_at.isoformat(),
        "send_attempts": sale.send_attempts,
    }
    if sale.card_code_problem is not None:  # a stored code this data key cannot read
        fields["card_code_problem"] = sale.card_code_problem
    if not full_codes:
        del fields["cost"]
        tail = code_tail(sale.card_code)
        fields["card_code"] = f"{CODE_MASK}{tail}" if tail else None
    return fields

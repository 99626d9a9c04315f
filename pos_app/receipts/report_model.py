"""The X and Z reports as the store has them now: the open period's X report, a local day's,
and the closing of a period (a numbered Z, stored once). No Qt: the command line and the
reports screen share it; the drawing is ``report_render``.

A period runs from the last Z's close (else the first sale) to now. Its figures cover every
counter of the database: the supplier balance is the whole account's, so the money bridge
only balances over all of them. The balance readings are those the store kept (the window
stores one at each refresh); nothing here asks the supplier.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

from pos_app.domain.reports import Report, ReportKind, build_report
from pos_app.store import Store, ZRecord
from pos_app.store.chain import ChainCheck

log = logging.getLogger(__name__)

CASH_MAX_DIGITS: Final = 12
_CASH_SPACES: Final = re.compile(r"[\s\u00a0\u202f\u2009]")  # typed groupings of thousands
_ARABIC_INDIC: Final = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def parse_cash(text: str) -> int:
    """Whole dinars typed by hand (``12500``, ``12 500``, ``١٢٥٠٠``), as an int. Raises
    ValueError for anything else (empty, a sign, letters, a decimal mark: ``12.500`` could
    be twelve dinars fifty or twelve thousand five hundred, too many digits)."""
    digits = _CASH_SPACES.sub("", text.strip()).translate(_ARABIC_INDIC)
    if not digits:
        raise ValueError("the cash counted is empty")
    if not (digits.isascii() and digits.isdigit()):
        raise ValueError(f"the cash counted is whole dinars, digits only, not {text!r}")
    if len(digits) > CASH_MAX_DIGITS:
        raise ValueError(f"the cash counted has more than {CASH_MAX_DIGITS} digits")
    return int(digits)


def local_day(day: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The half-open bounds ``[midnight, next midnight)`` of ``day`` in ``tz`` (this
    computer's zone when None), as aware datetimes."""
    if tz is not None:
        start = datetime.combine(day, time(0), tzinfo=tz)
        end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
        return start, end
    start = datetime.combine(day, time(0)).astimezone()
    end = datetime.combine(day + timedelta(days=1), time(0)).astimezone()
    return start, end


def period_report(  # noqa: PLR0917 (a report's parts, as build_report takes them)
    store: Store,
    kind: ReportKind,
    since: datetime,
    until: datetime,
    cash_counted: int | None = None,
    number: int | None = None,
) -> Report:
    """The report of ``[since, until)`` over every counter, with the balance readings the
    store has at both ends."""
    figures = store.period_figures(since, until)
    opening, closing = store.balance_at(since), store.balance_at(until)
    return build_report(kind, figures, opening, closing, cash_counted, number)


def open_period_report(store: Store, *, cash_counted: int | None = None) -> Report:
    """The X report of the open period: every sale and journal row since the last Z (else
    since the first sale), until now."""
    figures = store.open_period_figures()
    opening, closing = store.balance_at(figures.since), store.balance_at(figures.until)
    return build_report("X", figures, opening, closing, cash_counted, None)


def day_report(
    store: Store, day: date, *, tz: tzinfo | None = None, cash_counted: int | None = None
) -> Report:
    """The X report of the local ``day`` (until now when the day is not over)."""
    since, until = local_day(day, tz)
    now = store.now()
    if since <= now < until:
        until = now
    return period_report(store, "X", since, until, cash_counted)


def check_chain(store: Store) -> ChainCheck:
    """Verify the journal's chain; a break is logged as a warning (it never stops selling
    nor a report: it is for the manager to see)."""
    check = store.verify_chain()
    if not check.ok:
        log.warning("the journal's chain is broken: %s", check.describe())
    return check


def close_period(
    store: Store, *, counter: str, cash_counted: int | None, check: ChainCheck | None = None
) -> ZRecord:
    """Close the open period now: the journal's chain is verified first (``check``: one made
    just before by the caller; a break is logged and recorded in the Z, never a reason not
    to close), then its Z report is built and stored in one transaction by the store,
    numbered after the last, and never changed. ``counter`` is who closed it."""
    intact = (check if check is not None else check_chain(store)).ok
    return store.close_period(counter=counter, cash_counted=cash_counted, chain_intact=intact)


def with_cash(report: Report, cash_counted: int | None) -> Report:
    """``report`` with another cash count (and its difference); nothing else changes."""
    difference = None if cash_counted is None else cash_counted - report.cash_expected
    return replace(report, cash_counted=cash_counted, cash_difference=difference)

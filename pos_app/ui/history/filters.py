"""What the history screen's filter boxes mean: local days turned into the store's time range,
and a filter told back in words (the PDF export prints it under its title)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from pos_app.domain.numbers import LineType
from pos_app.store.history import HistoryFilter
from pos_app.ui import messages
from pos_app.ui.history.model import state_word
from pos_app.ui.i18n import ltr, translate


def day_start(day: date, tz: tzinfo | None = None) -> datetime:
    """Midnight at the start of ``day`` in ``tz`` (None: this computer's zone), aware."""
    midnight = datetime(day.year, day.month, day.day)
    return midnight.replace(tzinfo=tz) if tz is not None else midnight.astimezone()


def day_range(
    first: date | None, last: date | None, tz: tzinfo | None = None
) -> tuple[datetime | None, datetime | None]:
    """The half-open ``[since, until)`` covering the days ``first`` to ``last`` included
    (None: no bound on that side)."""
    since = day_start(first, tz) if first is not None else None
    until = day_start(last + timedelta(days=1), tz) if last is not None else None
    return since, until


def week_start(today: date, first_weekday: int) -> date:
    """The first day of the week holding ``today``; ``first_weekday`` 1 is Monday ... 7 is
    Sunday (as Qt's ``QLocale.firstDayOfWeek`` numbers them)."""
    back = (today.isoweekday() - first_weekday) % 7
    return today - timedelta(days=back)


def describe(filter: HistoryFilter, tz: tzinfo | None = None) -> str:
    """The filter in a line of words: "All sales", or each condition that is set."""
    parts: list[str] = []
    if filter.text.strip():
        parts.append(translate("History", "Search: {text}").format(text=ltr(filter.text.strip())))
    if filter.since is not None:
        day = filter.since.astimezone(tz).date().isoformat()
        parts.append(translate("History", "From: {day}").format(day=ltr(day)))
    if filter.until is not None:
        day = (filter.until.astimezone(tz) - timedelta(days=1)).date().isoformat()
        parts.append(translate("History", "To: {day}").format(day=ltr(day)))
    if filter.states:
        words = ", ".join(sorted(state_word(state) for state in filter.states))
        parts.append(translate("History", "State: {states}").format(states=words))
    if filter.line_types:
        kinds = ", ".join(
            messages.type_name(kind) for kind in LineType if kind in filter.line_types
        )
        parts.append(translate("History", "Type: {types}").format(types=kinds))
    if filter.counters:
        names = ", ".join(ltr(name) for name in sorted(filter.counters))
        parts.append(translate("History", "Counter: {names}").format(names=names))
    if filter.cashiers:
        names = ", ".join(sorted(filter.cashiers))
        parts.append(translate("History", "Cashier: {names}").format(names=names))
    return " · ".join(parts) if parts else translate("History", "All sales")

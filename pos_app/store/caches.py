"""The caches of what the API last said: products, the balance, number checks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from typing import Final

from pos_app.domain.numbers import LineType
from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.models import BalanceCache, NumberCheckCache, ProductCache
from pos_app.store.records import CachedBalance, CachedProduct, CachedProducts
from pos_app.store.reports import append_balance_reading
from pos_app.store.sale_records import CachedNumberCheck
from pos_app.store.timestamps import from_millis, to_millis

_BALANCE_ROW_ID: Final = 1


class Caches(StoreBase):
    """The API caches (part of :class:`~pos_app.store.store.Store`)."""

    @on_own_database
    def save_products(
        self, line_type: LineType, items: Iterable[tuple[int, int, bool]], fetched_at: datetime
    ) -> None:
        """Replace the cached products of ``line_type`` by ``items`` ((value, cost,
        available) in dinars), atomically."""
        self._open()
        at = to_millis(fetched_at)
        rows: list[dict[str, object]] = []
        for value, cost, available in items:
            for amount in (value, cost):
                if isinstance(amount, bool) or not isinstance(amount, int):
                    raise TypeError(f"product amounts are whole dinars (int), got {amount!r}")
            rows.append(
                {
                    "line_type": line_type.value,
                    "value": value,
                    "cost": cost,
                    "available": bool(available),
                    "fetched_at": at,
                }
            )
        with self._db.atomic():
            ProductCache.delete().where(ProductCache.line_type == line_type.value).execute()
            if rows:
                ProductCache.insert_many(rows).execute()

    @on_own_database
    def cached_products(self, line_type: LineType) -> CachedProducts | None:
        """The cached products of ``line_type`` by value, or None if none were saved."""
        self._open()
        rows = list(
            ProductCache.select()
            .where(ProductCache.line_type == line_type.value)
            .order_by(ProductCache.value)
        )
        if not rows:
            return None
        return CachedProducts(
            line_type=line_type,
            items=tuple(CachedProduct(r.value, r.cost, bool(r.available)) for r in rows),
            fetched_at=from_millis(min(r.fetched_at for r in rows)),
        )

    @on_own_database
    def save_balance(self, amount: Decimal, fetched_at: datetime) -> None:
        """Cache the balance; ``amount`` must be exact to the centime (ValueError otherwise).
        Also kept as a balance reading for the reports (``Reports.record_balance``)."""
        self._open()
        if not isinstance(amount, Decimal) or not amount.is_finite():
            raise ValueError(f"the balance must be a finite Decimal, got {amount!r}")
        centimes = amount.scaleb(2)
        if centimes != centimes.to_integral_value():
            raise ValueError(f"the balance is not a whole number of centimes: {amount}")
        values = {"centimes": int(centimes), "fetched_at": to_millis(fetched_at)}
        with self._db.atomic():
            (
                BalanceCache.insert(id=_BALANCE_ROW_ID, **values)
                .on_conflict(conflict_target=[BalanceCache.id], update=values)
                .execute()
            )
            append_balance_reading(int(centimes), values["fetched_at"])

    @on_own_database
    def cached_balance(self) -> CachedBalance | None:
        """The cached balance (two decimals), or None if none was saved."""
        self._open()
        row = BalanceCache.get_or_none(BalanceCache.id == _BALANCE_ROW_ID)
        if row is None:
            return None
        return CachedBalance(Decimal(row.centimes).scaleb(-2), from_millis(row.fetched_at))

    @on_own_database
    def save_number_check(  # noqa: PLR0917 (the order of an API answer, kept positional)
        self,
        line_type: LineType,
        number: str,
        ncli: str | None,
        offre: str | None,
        error_code: str | None,
        fetched_at: datetime,
    ) -> None:
        """Cache the check-number answer for one line (replacing the previous one)."""
        self._open()
        values = {
            "ncli": ncli,
            "offre": offre,
            "error_code": error_code,
            "fetched_at": to_millis(fetched_at),
        }
        with self._db.atomic():
            (
                NumberCheckCache.insert(line_type=line_type.value, number=number, **values)
                .on_conflict(
                    conflict_target=[NumberCheckCache.line_type, NumberCheckCache.number],
                    update=values,
                )
                .execute()
            )

    @on_own_database
    def cached_number_check(self, line_type: LineType, number: str) -> CachedNumberCheck | None:
        """The cached check-number answer for this line, or None."""
        self._open()
        row = NumberCheckCache.get_or_none(
            (NumberCheckCache.line_type == line_type.value) & (NumberCheckCache.number == number)
        )
        if row is None:
            return None
        return CachedNumberCheck(
            line_type=line_type,
            number=row.number,
            ncli=row.ncli,
            offre=row.offre,
            error_code=row.error_code,
            fetched_at=from_millis(row.fetched_at),
        )

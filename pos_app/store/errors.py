"""What can go wrong when the store is asked to do something, as exception types."""

from __future__ import annotations

from pos_app.domain.sale_states import SaleState


class StoreError(Exception):
    """Base class of every error raised by :mod:`pos_app.store`."""


class StoreClosedError(StoreError):
    """The store was used after :meth:`Store.close`, or another store replaced it."""


class StoreAlreadyOpenError(StoreError):
    """A second store was opened in a process that still has one open."""


class DuplicateSaleError(StoreError):
    """A sale with this ref already exists: a ref is minted once per sale, forever."""

    def __init__(self, ref: str) -> None:
        super().__init__(f"a sale with ref {ref!r} already exists")
        self.ref = ref


class SaleNotFoundError(StoreError, LookupError):
    """No sale has this ref."""

    def __init__(self, ref: str) -> None:
        super().__init__(f"no sale with ref {ref!r}")
        self.ref = ref


class StaleStateError(StoreError):
    """The sale is no longer in the state the caller expected; nothing was written."""

    def __init__(self, ref: str, expected: SaleState, actual: SaleState) -> None:
        super().__init__(
            f"sale {ref!r} is {actual.value}, not {expected.value} as expected; nothing written"
        )
        self.ref = ref
        self.expected = expected
        self.actual = actual


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of the app; opening it could lose data."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"the database schema is version {found}, but this version of the app only knows "
            f"up to version {known}. Refusing to open it: going back to an older schema would "
            "lose data. Install the newer version of the app again."
        )
        self.found = found
        self.known = known


class LockHeldError(StoreError):
    """Another process is already the sender for this database."""

    def __init__(self, path: str, pid: int | None) -> None:
        holder = f"process {pid}" if pid is not None else "another process"
        super().__init__(f"{holder} already holds the sender lock {path}")
        self.path = path
        self.pid = pid

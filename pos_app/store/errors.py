"""What can go wrong when the store is asked to do something, as exception types."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pos_app.domain.sale_states import SaleState


class StoreError(Exception):
    """Base class of every error raised by :mod:`pos_app.store`."""


class StoreClosedError(StoreError):
    """The store was used after :meth:`Store.close`."""


class StoreAlreadyOpenError(StoreError):
    """Never raised since several stores may be open at once (on different databases);
    kept so that code naming it still imports."""


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


class StoreConfigError(StoreError, ValueError):
    """The database URL (``POS_DB_URL``) cannot name a usable database: a setting to fix."""


class StoreUnavailableError(StoreError):
    """The database cannot be used at start (damaged, newer, unreadable, unwritable, its folder
    missing, the disk full). Nothing was sold and nothing recorded was changed. Its text is
    one line for the person at the counter."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class DamagedDatabaseError(StoreUnavailableError):
    """SQLite's check, or a value no version of the app writes, says the database is damaged.

    ``backup`` is the newest backup beside it (None when there is none)."""

    def __init__(self, path: Path | None, problem: str, backup: Path | None) -> None:
        where = f"the database {path}" if path is not None else "the database"
        if backup is not None:
            restore = f"the last backup is {backup}"
        else:
            restore = "there is no backup of it beside it"
        super().__init__(
            f"{where} is damaged ({problem}); nothing was sold and nothing in it was changed. "
            f"Keep the file as it is for support; {restore}.",
            path,
        )
        self.problem = problem
        self.backup = backup


class SchemaTooNewError(StoreUnavailableError):
    """The database was written by a newer version of the app; opening it could lose data."""

    def __init__(self, found: int, known: int, path: Path | None = None) -> None:
        where = f"the database {path}" if path is not None else "the database"
        super().__init__(
            f"{where} has schema version {found}, but this version of the app only knows "
            f"up to version {known}. Refusing to open it: going back to an older schema would "
            "lose data. Install the newer version of the app again.",
            path,
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


class UserError(StoreError):
    """A change to the shop's people refused; nothing was written. Its text is one sentence
    fit for the person at the counter (it never holds a PIN)."""


class UnknownUserError(UserError, LookupError):
    """No one has this name."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no one is called {name!r}")
        self.name = name


class DuplicateUserError(UserError):
    """Someone already has this name (names are compared without case)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"someone is already called {name!r}; choose another name")
        self.name = name


class LastManagerError(UserError):
    """The change would leave the shop without an active manager (or a first user who is not
    a manager): one must always remain."""


class InvalidUserInputError(UserError, ValueError):
    """A name, PIN or role breaks its rule; ``problem`` is the domain's ``NameProblem`` or
    ``PinProblem`` (whose message, marked for translation, is the text), None for a role."""

    def __init__(self, message: str, problem: StrEnum | None = None) -> None:
        super().__init__(message)
        self.problem = problem

"""What every part of the store shares: its database, its clock, the closed check, and the
binding of the models to its own database for the length of one call."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Concatenate, Final, ParamSpec, TypeVar

import peewee as pw

from pos_app.store.chain import JOURNAL, ChainSpec, Sealer
from pos_app.store.codes import CodeCipher
from pos_app.store.errors import StoreClosedError
from pos_app.store.models import using
from pos_app.store.timestamps import to_millis, utc_now
from pos_app.store.vault import CARD_CODES, Vault

_OPEN: Final[dict[int, StoreBase]] = {}
"""Every store opened and not yet closed, by id (read by the tests' leak guard only)."""


def open_stores() -> list[StoreBase]:
    """The stores of this process that were opened and not closed, oldest first. An open
    store stays listed until closed, even when its opener dropped it: its connections live
    on until then."""
    return list(_OPEN.values())


class StoreBase:
    """The state of one open store; :class:`~pos_app.store.store.Store` adds its parts."""

    def __init__(
        self,
        database: pw.Database,
        *,
        url: str,
        now: Callable[[], datetime] | None = None,
        vault: Vault,
    ) -> None:
        self._db = database
        self._vault = vault
        self._code_cipher: CodeCipher | None = None
        self._chain_sealers: dict[str, Sealer] = {}
        self._url = url
        self._now = now or utc_now
        self._closed = False
        _OPEN[id(self)] = self

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Close this thread's connection; further use raises :class:`StoreClosedError`.
        Idempotent. Other threads' connections close with them."""
        if self._closed:
            return
        self._closed = True
        _OPEN.pop(id(self), None)
        self._db.close()

    def _open(self) -> None:
        if self._closed:
            raise StoreClosedError("the store is closed")

    @property
    def vault(self) -> Vault:
        """The database's data key (``vault.subkey(purpose)`` for other sealed data)."""
        return self._vault

    def _sealer(self, spec: ChainSpec = JOURNAL) -> Sealer:
        """The sealer of ``spec``'s chain (the journal's by default), made once."""
        sealer = self._chain_sealers.get(spec.purpose)
        if sealer is None:
            sealer = self._chain_sealers[spec.purpose] = Sealer(self._vault.subkey(spec.purpose))
        return sealer

    def _codes(self) -> CodeCipher:
        """The card codes' cipher, made once."""
        if self._code_cipher is None:
            self._code_cipher = CodeCipher(self._vault.subkey(CARD_CODES))
        return self._code_cipher

    def _now_ms(self) -> int:
        return to_millis(self._now())

    @contextmanager
    def _models(self) -> Iterator[None]:
        """The models talk to this store's database in this thread until the end."""
        with using(self._db):
            yield


_P = ParamSpec("_P")
_R = TypeVar("_R")
_S = TypeVar("_S", bound=StoreBase)


def on_own_database(
    method: Callable[Concatenate[_S, _P], _R],
) -> Callable[Concatenate[_S, _P], _R]:
    """Run a store method with the models pointed at that store's database (not for
    generators: they would keep the binding across their yields)."""

    @functools.wraps(method)
    def bound(self: _S, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        with self._models():
            return method(self, *args, **kwargs)

    return bound

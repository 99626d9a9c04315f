"""Opening a sender: the one way the command line and the window get the API client (URL and
key), the sender lock, the store, the counter id and the order engine (Qt-free).

``open_sender`` fails with typed exceptions that the callers turn into their one-line
messages and exit statuses, and never leaves anything open behind a failure:

- ``MissingKeyError``: no API key while one is required;
- ``ValueError``: a setting that cannot be used (the API URL or key, ``POS_DB_URL``
  (``StoreConfigError``), an invalid counter id set in ``POS_COUNTER_ID`` or stored
  (``InvalidSettingError``));
- ``LockHeldError``: another process sends for this database;
- ``StoreUnavailableError``: the database cannot be used (damaged, newer, read-only, ...).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from concurrent.futures import Executor
from dataclasses import dataclass, field
from types import TracebackType

from pos_app.api import NO_RETRY, OneClickClient
from pos_app.api.client import ENV_KEY
from pos_app.api.keys import configured_key
from pos_app.orders.engine import OrderEngine
from pos_app.orders.identity import counter_id, engine_settings
from pos_app.orders.offload import Offloader
from pos_app.orders.settings import EngineSettings
from pos_app.store import SenderLock, Store, lock_path_for, open_store
from pos_app.store.readonly import read_settings
from pos_app.store.settings import API_URL_ENV, api_url, database_url


def configured_base_url(db_url: str | None = None, env: Mapping[str, str] = os.environ) -> str:
    """The one reading of the API URL for everything that builds a client (the window,
    ``status``, ``order``, ``resume``): ``ONECLICK_API_URL``, else the ``api.url`` stored in
    the shop's database (``db_url``, else the default; read-only, no file made), else the
    real API. Raises InvalidSettingError (a ValueError) for a set URL that cannot be used."""
    if env.get(API_URL_ENV):  # wins, and a bad one stops before any file is read
        return api_url(None, env)
    return api_url(read_settings(db_url or database_url(env)), env)


class MissingKeyError(ValueError):
    """No API key is configured and this command needs one."""

    def __init__(self) -> None:
        super().__init__(
            "no API key: keep one in the system keyring with `pos-app config api_key`, "
            f"or set {ENV_KEY} (and ONECLICK_API_URL for the simulator)"
        )


@dataclass
class Sender:
    """What sends for one database; ``close`` (after ``engine.stop``) releases it, once."""

    client: OneClickClient
    store: Store
    engine: OrderEngine
    counter_id: str
    lock: SenderLock | None = None
    closed: bool = field(default=False)

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.client.close()
            self.store.close()
        finally:
            if self.lock is not None and self.lock.held:
                self.lock.release()

    def __enter__(self) -> Sender:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_sender(
    *,
    db_url: str | None = None,
    base_url: str | None = None,
    api_key: str | None = None,
    lock: bool = True,
    require_key: bool = False,
    settings: EngineSettings | None = None,
    executor: Offloader | Executor | None = None,
    cashier: str | None = None,
    training: bool = False,
    env: Mapping[str, str] = os.environ,
) -> Sender:
    """Open the client (``base_url``, else :func:`configured_base_url`; ``api_key``, else the
    configured key: ``ONECLICK_API_KEY``, else the keyring's,
    :func:`~pos_app.api.keys.configured_key`),
    take the sender lock (unless ``lock`` is False: a throwaway database), open the store
    (``db_url``, else ``POS_DB_URL``, else the default file), read the counter id
    (:func:`~pos_app.orders.identity.counter_id`) and build the engine.

    A bad URL or key stops before any file is touched. See the module for the exceptions.
    """
    key = api_key if api_key is not None else configured_key(env).key or ""
    if require_key and not key:
        raise MissingKeyError
    if base_url is None:
        base_url = configured_base_url(db_url, env)
    client = OneClickClient(base_url, key, retry=NO_RETRY)
    held: SenderLock | None = None
    store: Store | None = None
    try:
        url = db_url or database_url(env)
        if lock:
            held = SenderLock(lock_path_for(url))
            held.acquire()
        store = open_store(url, key_in_file=training)  # a throwaway database: no keyring entry
        counter = counter_id(store, env)
        engine = OrderEngine(
            store,
            client,
            settings=settings or engine_settings(env),
            executor=executor,
            counter_id=counter,
            cashier=env.get("USER", "") if cashier is None else cashier,
            training=training,
        )
    except BaseException:
        client.close()
        if store is not None:
            store.close()
        if held is not None and held.held:
            held.release()
        raise
    return Sender(client, store, engine, counter, held)

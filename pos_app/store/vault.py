"""The database's data key: 32 random bytes per database, kept OUTSIDE it, and the sub-keys
derived from it (HKDF-SHA256) for the journal's chain and the card codes.

The key lives in the system keyring when a secure one exists (:mod:`pos_app.keychain`),
else in a 0600 file beside the database (``<db>.key``, written atomically). The database
records WHERE (setting ``vault.key_place``) and a random store id (``vault.store_id``,
which names the keyring entry and salts the derivation), never the key. A key that cannot
be found is an error that says where it was looked for: never a silent new key, which would
make every recorded MAC look forged.

``POS_DATA_KEY_STORE=file`` keeps the key of a NEW database in the file even where a
keyring exists (a portable install; the tests, whose child processes have no keyring).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import keyring.errors
import peewee as pw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from pos_app import keychain
from pos_app.store.errors import StoreConfigError, StoreUnavailableError
from pos_app.store.paths import PRIVATE_FILE_MODE, make_private_dir

KEY_BYTES: Final = 32
STORE_ID_SETTING: Final = "vault.store_id"
KEY_PLACE_SETTING: Final = "vault.key_place"
IN_KEYRING: Final = "keyring"
IN_FILE: Final = "file"
KEY_STORE_ENV: Final = "POS_DATA_KEY_STORE"
"""``file``: a new database keeps its key in the file beside it; unset or ``auto``: in the
keyring when a secure one exists."""
KEYRING_SERVICE: Final = "pos-app"
JOURNAL_CHAIN: Final = "journal-chain"
CARD_CODES: Final = "card-codes"
FILE_FORMAT: Final = "pos-app data key 1"
_SETTINGS: Final = pw.Table("setting", ("id", "key", "value"))


class DataKeyError(StoreUnavailableError):
    """The data key cannot be read or kept (a locked keyring, an unreadable or malformed file,
    no place to keep one). Nothing was sold and nothing recorded was changed."""


class DataKeyMissingError(DataKeyError):
    """The database says where its key lives and it is not there."""


def keyring_account(store_id: str) -> str:
    """The keyring entry (under :data:`KEYRING_SERVICE`) of the store ``store_id``."""
    return f"data-key:{store_id}"


def key_file_for(db_file: Path) -> Path:
    """The key file beside the SQLite database ``db_file``."""
    return db_file.with_name(db_file.name + ".key")


@dataclass(frozen=True, slots=True)
class Vault:
    """One database's data key and where it lives; its repr never shows the key."""

    store_id: str
    place: str
    """:data:`IN_KEYRING` or :data:`IN_FILE`."""
    key_file: Path | None
    _key: bytes = field(repr=False)

    @property
    def where(self) -> str:
        """Where the key is kept, for messages."""
        if self.place == IN_FILE:
            return f"the file {self.key_file}"
        return "the system keyring"

    def subkey(self, purpose: str) -> bytes:
        """A 32-byte key for ``purpose`` (:data:`JOURNAL_CHAIN`, :data:`CARD_CODES`), derived
        with HKDF-SHA256 (salt: the store id, info: the purpose)."""
        if not purpose:
            raise ValueError("a sub-key needs a purpose")
        hkdf = HKDF(
            algorithm=hashes.SHA256(),
            length=KEY_BYTES,
            salt=self.store_id.encode("ascii"),
            info=purpose.encode("utf-8"),
        )
        return hkdf.derive(self._key)


def _settings(database: pw.Database) -> dict[str, str]:
    if "setting" not in database.get_tables():
        return {}
    table = _SETTINGS.bind(database)
    keys = (STORE_ID_SETTING, KEY_PLACE_SETTING)
    rows = (
        table.select(pw.Column(table, "key"), pw.Column(table, "value"))
        .where(pw.Column(table, "key").in_(keys))
        .tuples()
    )
    return {str(key): str(value) for key, value in rows}


def _missing(where: str, path: Path | None, hint: str) -> DataKeyMissingError:
    return DataKeyMissingError(
        f"the data key for this database is missing from {where}: the journal cannot be "
        f"verified nor extended, so nothing was sold and nothing recorded was changed; {hint}",
        path,
    )


def load_vault(
    database: pw.Database,
    db_file: Path | None,
    env: Mapping[str, str] = os.environ,
    *,
    prefer_file: bool = False,
) -> Vault:
    """The vault of ``database`` (``db_file``: its SQLite file, None for another engine):
    loaded from where the database says, or made now when the database has none yet (its
    two settings are written in the caller's transaction, after the key is kept).

    Raises :class:`DataKeyMissingError` when the recorded key is not where the database
    says, :class:`DataKeyError` when it cannot be read or kept, :class:`StoreConfigError`
    for a :data:`KEY_STORE_ENV` value it does not know. ``prefer_file``: a new key goes to
    the file even where a keyring exists (a throwaway database)."""
    found = _settings(database)
    store_id, place = found.get(STORE_ID_SETTING), found.get(KEY_PLACE_SETTING)
    key_file = key_file_for(db_file) if db_file is not None else None
    if store_id is None and place is None:
        if _has_sealed_rows(database):
            raise DataKeyError(
                "the database no longer says where its data key is kept (its settings "
                f"{STORE_ID_SETTING} and {KEY_PLACE_SETTING} are gone) while its journal is "
                "sealed: nothing was sold and nothing recorded was changed",
                db_file,
            )
        wanted = IN_FILE if prefer_file and key_file is not None else None
        return _create(database, key_file, wanted or _new_place(env, key_file))
    if not store_id or place not in (IN_KEYRING, IN_FILE):
        raise DataKeyError(
            f"the database's record of its data key is damaged ({STORE_ID_SETTING}="
            f"{store_id!r}, {KEY_PLACE_SETTING}={place!r}); nothing was sold and nothing "
            "recorded was changed",
            db_file,
        )
    if place == IN_FILE:
        if key_file is None:
            raise DataKeyError("the database keeps its data key in a file, but is no file")
        return Vault(store_id, IN_FILE, key_file, _read_file(key_file, store_id))
    return Vault(store_id, IN_KEYRING, None, _read_keyring(store_id, db_file))


def _has_sealed_rows(database: pw.Database) -> bool:
    if "journal" not in database.get_tables():
        return False
    columns = {column.name for column in database.get_columns("journal")}
    if "mac" not in columns:
        return False
    table = pw.Table("journal", ("id", "mac")).bind(database)
    return bool(
        table.select(pw.Column(table, "id"))
        .where(pw.Column(table, "mac").is_null(False))
        .limit(1)
        .exists()
    )


def _new_place(env: Mapping[str, str], key_file: Path | None) -> str:
    wanted = env.get(KEY_STORE_ENV, "").strip().lower() or "auto"
    if wanted not in ("auto", IN_FILE):
        raise StoreConfigError(
            f"{KEY_STORE_ENV} must be 'file' or 'auto', not {wanted!r}; nothing was sold"
        )
    if wanted == "auto":
        try:
            keychain.secure_backend()
        except keychain.NoSecureKeyringError as exc:
            if key_file is None:
                raise DataKeyError(
                    f"{exc}, and the database is not a file beside which its data key could "
                    "be kept; nothing was sold and nothing recorded was changed"
                ) from None
        else:
            return IN_KEYRING
    if key_file is None:
        raise StoreConfigError(
            f"{KEY_STORE_ENV}=file needs a database file (POS_DB_URL names another engine)"
        )
    return IN_FILE


def _create(database: pw.Database, key_file: Path | None, place: str) -> Vault:
    store_id = secrets.token_hex(16)
    key = secrets.token_bytes(KEY_BYTES)
    if place == IN_FILE:
        assert key_file is not None
        _write_file(key_file, store_id, key)
    else:
        try:
            backend = keychain.secure_backend()
            backend.set_password(KEYRING_SERVICE, keyring_account(store_id), _b64(key))
        except (keychain.NoSecureKeyringError, keyring.errors.KeyringError) as exc:
            raise DataKeyError(
                f"the system keyring refused to keep the database's data key "
                f"({type(exc).__name__}); nothing was sold and nothing recorded was changed"
            ) from None
    table = _SETTINGS.bind(database)
    with database.atomic():
        for name, value in ((STORE_ID_SETTING, store_id), (KEY_PLACE_SETTING, place)):
            table.insert(
                {pw.Column(table, "key"): name, pw.Column(table, "value"): value}
            ).execute()
    return Vault(store_id, place, key_file if place == IN_FILE else None, key)


def _b64(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def _decode(text: object) -> bytes | None:
    if not isinstance(text, str):
        return None
    try:
        key = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
    return key if len(key) == KEY_BYTES else None


def _read_keyring(store_id: str, db_file: Path | None) -> bytes:
    try:
        backend = keychain.secure_backend()
    except keychain.NoSecureKeyringError as exc:
        raise _missing("the system keyring", db_file, f"{exc}") from None
    try:
        text = backend.get_password(KEYRING_SERVICE, keyring_account(store_id))
    except keyring.errors.KeyringError as exc:
        raise DataKeyError(
            f"the system keyring could not be read for the database's data key "
            f"({type(exc).__name__}); nothing was sold and nothing recorded was changed",
            db_file,
        ) from None
    if text is None:
        raise _missing(
            "the system keyring",
            db_file,
            f"it was kept there as {KEYRING_SERVICE}/{keyring_account(store_id)} by the user "
            "who set this database up",
        )
    key = _decode(text)
    if key is None:
        raise DataKeyError(
            "the database's data key in the system keyring is not a key; nothing was sold "
            "and nothing recorded was changed",
            db_file,
        )
    return key


def _read_file(path: Path, store_id: str) -> bytes:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _missing(
            f"{path}", path, "put back that file from the copy kept with the database's backups"
        ) from None
    except OSError as exc:
        raise DataKeyError(
            f"the data key file {path} cannot be read ({exc.strerror or type(exc).__name__}); "
            "nothing was sold and nothing recorded was changed",
            path,
        ) from None
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    key = _decode(data.get("key")) if isinstance(data, dict) else None
    if key is None or not isinstance(data, dict) or data.get("format") != FILE_FORMAT:
        raise DataKeyError(
            f"the data key file {path} is damaged; nothing was sold and nothing recorded was "
            "changed",
            path,
        )
    if data.get("store_id") != store_id:
        raise _missing(
            f"{path}", path, "that file holds the key of another database (its store id differs)"
        )
    return key


def _write_file(path: Path, store_id: str, key: bytes) -> None:
    """Write the key file atomically (a 0600 temporary file, flushed, then renamed), in a
    0700 folder; a key file of another database already there is kept aside, renamed."""
    folder = make_private_dir(path.parent)
    text = json.dumps({"format": FILE_FORMAT, "store_id": store_id, "key": _b64(key)})
    partial = path.with_name(f"{path.name}.{store_id}.partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text + "\n")
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.replace(path, path.with_name(f"{path.name}.replaced-{store_id}"))
        os.replace(partial, path)
        _sync_folder(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise DataKeyError(
            f"the data key file {path} cannot be written ({exc.strerror or type(exc).__name__})"
            "; nothing was sold and nothing recorded was changed",
            path,
        ) from None


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry of a renamed file (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""The database's data key: 32 random bytes per database, kept OUTSIDE it, and the sub-keys
derived from it (HKDF-SHA256) for the chains and the card codes.

The key lives in the system keyring when a secure one exists (:mod:`pos_app.keychain`),
else in a 0600 file beside the database (``<db>.key``, written atomically; a key file that
others may read is set back to 0600, with a warning). The database records WHERE (setting
``vault.key_place``) and a random store id (``vault.store_id``, which names the keyring
entry and salts the derivation), never the key. A key that cannot be found is an error that
says where it was looked for: never a silent new key, which would make every recorded MAC
look forged.

What is kept outside the database besides the key, so that someone who can write the
database (and the folder) cannot swap the key under it:

- a key in the file while the keyring holds this store's key is refused (the database's
  record of the place was changed);
- where a secure keyring exists, it keeps a fingerprint of a key kept in a file (an
  HKDF sub-key, which tells nothing of the key): a key file that does not match is refused;
- at each Z report the newest Z's number and MAC (:func:`keep_anchor`) go to the keyring
  and to a file beside the database (``<db>.anchor``): ``verify_chain`` finds a Z cut from
  the end, or Zs resealed under another key.

What remains: where no secure keyring exists, someone with the folder holds the key file,
its fingerprint has nowhere safe to live and the anchor file is theirs to edit: with the
key they can rewrite and reseal everything. And a key fingerprint first seen on a machine
is trusted (a database moved to another PC brings no fingerprint with it).

``POS_DATA_KEY_STORE=file`` keeps the key of a NEW database in the file even where a
keyring exists (a portable install; the tests, whose child processes have no keyring).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import json
import logging
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Final

import peewee as pw

from pos_app import keychain
from pos_app.store.errors import StoreConfigError, StoreUnavailableError
from pos_app.store.paths import HAS_MODES, PRIVATE_FILE_MODE, make_private_dir

if TYPE_CHECKING:  # keyring is imported where a keyring is used: never for a throwaway
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

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
FINGERPRINT: Final = "key-fingerprint"
"""The sub-key purpose whose first bytes are the key's fingerprint (kept in the keyring)."""
ANCHOR_FORMAT: Final = "pos-app z anchor 1"
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


def anchor_file_for(db_file: Path) -> Path:
    """The file beside the SQLite database ``db_file`` that keeps its newest Z's seal."""
    return db_file.with_name(db_file.name + ".anchor")


def fingerprint_account(store_id: str) -> str:
    """The keyring entry that keeps the fingerprint of the store's key kept in a file."""
    return f"data-key-fingerprint:{store_id}"


def anchor_account(store_id: str) -> str:
    """The keyring entry that keeps the store's newest Z seal."""
    return f"z-anchor:{store_id}"


@dataclass(frozen=True, slots=True)
class Vault:
    """One database's data key and where it lives; its repr never shows the key."""

    store_id: str
    place: str
    """:data:`IN_KEYRING` or :data:`IN_FILE`."""
    key_file: Path | None
    _key: bytes = field(repr=False)
    anchor_file: Path | None = None
    """Where the newest Z's seal is kept beside the database (None: not a file)."""
    throwaway: bool = False
    """A training database, thrown away after the run: its key stays in its file and
    nothing about it (fingerprint, Z seal) is written to the system keyring."""

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
        return hkdf_sha256(self._key, self.store_id.encode("ascii"), purpose.encode("utf-8"))

    @property
    def fingerprint(self) -> str:
        """32 hex digits that tell this key from another (and nothing of the key)."""
        return self.subkey(FINGERPRINT)[:16].hex()


def hkdf_sha256(key: bytes, salt: bytes, info: bytes, length: int = KEY_BYTES) -> bytes:
    """HKDF-SHA256 (RFC 5869) with the standard library: the same bytes as
    ``cryptography``'s HKDF, without loading it (and its OpenSSL) when a store opens."""
    if not 0 < length <= 255 * hashlib.sha256().digest_size:
        raise ValueError("HKDF-SHA256 gives 1 to 8160 bytes")
    pseudo_random = hmac.digest(salt, key, "sha256")
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.digest(pseudo_random, block + info + bytes([counter]), "sha256")
        out += block
        counter += 1
    return out[:length]


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
        return _create(
            database, key_file, wanted or _new_place(env, key_file), throwaway=prefer_file
        )
    if not store_id or place not in (IN_KEYRING, IN_FILE):
        raise DataKeyError(
            f"the database's record of its data key is damaged ({STORE_ID_SETTING}="
            f"{store_id!r}, {KEY_PLACE_SETTING}={place!r}); nothing was sold and nothing "
            "recorded was changed",
            db_file,
        )
    anchor_file = anchor_file_for(db_file) if db_file is not None else None
    if place == IN_FILE:
        if key_file is None:
            raise DataKeyError("the database keeps its data key in a file, but is no file")
        found_vault = Vault(
            store_id,
            IN_FILE,
            key_file,
            _read_file(key_file, store_id),
            anchor_file,
            throwaway=prefer_file,
        )
        _check_file_key(found_vault)
        return found_vault
    return Vault(store_id, IN_KEYRING, None, _read_keyring(store_id, db_file), anchor_file)


def _keyring_of(found: Vault) -> KeyringBackend | None:
    """The keyring that keeps ``found``'s fingerprint and Z seals (none for a throwaway)."""
    return None if found.throwaway else _secure_backend()


def _secure_backend() -> KeyringBackend | None:
    try:
        return keychain.secure_backend()
    except keychain.NoSecureKeyringError:
        return None


def _check_file_key(found: Vault) -> None:
    """Refuse a key file when the keyring says otherwise: the keyring holds this store's key
    (so the database's ``file`` was written by someone else), or a fingerprint of another
    key. The first time a key file is met where a keyring exists, its fingerprint is kept."""
    backend = _keyring_of(found)
    if backend is None:
        return
    import keyring.errors

    try:
        in_keyring = backend.get_password(KEYRING_SERVICE, keyring_account(found.store_id))
        kept = backend.get_password(KEYRING_SERVICE, fingerprint_account(found.store_id))
    except keyring.errors.KeyringError as exc:
        log.warning("the data key's fingerprint could not be read (%s)", type(exc).__name__)
        return
    if in_keyring is not None:
        raise DataKeyError(
            f"the database says its data key is in the file {found.key_file}, but the system "
            "keyring holds this database's key: the database's record of where its key lives "
            "was changed outside the app; nothing was sold and nothing recorded was changed",
            found.key_file,
        )
    if kept is None:
        _keep_fingerprint(found)
    elif kept != found.fingerprint:
        raise DataKeyError(
            f"the data key file {found.key_file} does not hold the key this database was "
            "sealed with (the system keyring keeps the fingerprint of another key): the file "
            "was replaced; put back the one kept with the database's backups; nothing was "
            "sold and nothing recorded was changed",
            found.key_file,
        )


def _keep_fingerprint(found: Vault) -> None:
    """Keep the fingerprint of a file key in the keyring, where a secure one exists."""
    backend = _keyring_of(found)
    if backend is None:
        return
    import keyring.errors

    try:
        backend.set_password(
            KEYRING_SERVICE, fingerprint_account(found.store_id), found.fingerprint
        )
    except keyring.errors.KeyringError as exc:
        log.warning("the data key's fingerprint could not be kept (%s)", type(exc).__name__)


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


def _create(
    database: pw.Database, key_file: Path | None, place: str, *, throwaway: bool = False
) -> Vault:
    store_id = secrets.token_hex(16)
    key = secrets.token_bytes(KEY_BYTES)
    if place == IN_FILE:
        assert key_file is not None
        _write_file(key_file, store_id, key)
    else:
        import keyring.errors

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
    anchor_file = None
    if key_file is not None:
        anchor_file = key_file.with_name(key_file.name.removesuffix(".key") + ".anchor")
    made = Vault(
        store_id,
        place,
        key_file if place == IN_FILE else None,
        key,
        anchor_file,
        throwaway=throwaway and place == IN_FILE,
    )
    if place == IN_FILE:
        _keep_fingerprint(made)
    return made


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
    import keyring.errors

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
        _make_private(path)
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


def _make_private(path: Path) -> None:
    """Set a key file that others may read back to 0600, with a warning (POSIX)."""
    if not HAS_MODES:
        return
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        os.chmod(path, PRIVATE_FILE_MODE)
        log.warning(
            "the data key file %s could be read by other users (mode %o): set back to 600; "
            "whoever could read it holds the database's data key",
            path,
            mode,
        )


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


@dataclass(frozen=True, slots=True)
class Anchor:
    """The newest Z's number and MAC as kept outside the database, and where (for
    messages)."""

    number: int
    mac: str
    where: str


def _anchor_text(number: int, mac: str) -> str:
    return json.dumps({"format": ANCHOR_FORMAT, "z": number, "mac": mac})


def _anchor(text: object, where: str) -> Anchor | None:
    try:
        data = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        data = None
    if not isinstance(data, dict) or data.get("format") != ANCHOR_FORMAT:
        return None
    number, mac = data.get("z"), data.get("mac")
    if isinstance(number, bool) or not isinstance(number, int) or not isinstance(mac, str):
        return None
    return Anchor(number, mac, where)


def anchors(found: Vault) -> list[Anchor]:
    """The newest Z seals kept outside the database: in the keyring (where a secure one
    exists) and in the file beside the database. A place that cannot be read, or holds
    something else, gives none (logged)."""
    kept: list[Anchor] = []
    backend = _keyring_of(found)
    if backend is not None:
        import keyring.errors

        try:
            text = backend.get_password(KEYRING_SERVICE, anchor_account(found.store_id))
        except keyring.errors.KeyringError as exc:
            log.warning("the Z seal in the keyring could not be read (%s)", type(exc).__name__)
            text = None
        if text is not None:
            kept.append(_anchor(text, "the system keyring") or _bad_anchor("the keyring"))
    if found.anchor_file is not None:
        try:
            text = found.anchor_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = None
        except OSError as exc:
            log.warning("the Z seal file could not be read (%s)", type(exc).__name__)
            text = None
        if text is not None:
            where = f"the file {found.anchor_file}"
            kept.append(_anchor(text, where) or _bad_anchor(where))
    return [anchor for anchor in kept if anchor.number > 0]


def _bad_anchor(where: str) -> Anchor:
    log.warning("the Z seal kept in %s is not one this app writes: ignored", where)
    return Anchor(0, "", where)


def keep_anchor(found: Vault, number: int, mac: str) -> None:
    """Keep Z ``number``'s MAC outside the database, in the keyring (where a secure one
    exists) and in the file beside the database, unless a later Z is kept there already.
    Best effort: a failure is logged (the Z itself is stored)."""
    text = _anchor_text(number, mac)
    newer = {anchor.where: anchor.number for anchor in anchors(found)}
    backend = _keyring_of(found)
    if backend is not None and newer.get("the system keyring", 0) < number:
        import keyring.errors

        try:
            backend.set_password(KEYRING_SERVICE, anchor_account(found.store_id), text)
        except keyring.errors.KeyringError as exc:
            log.warning("the Z seal could not be kept in the keyring (%s)", type(exc).__name__)
    path = found.anchor_file
    if path is not None and newer.get(f"the file {path}", 0) < number:
        partial = path.with_name(f"{path.name}.partial")
        try:
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text + "\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(partial, path)
        except OSError as exc:
            log.warning("the Z seal file %s could not be written (%s)", path, type(exc).__name__)

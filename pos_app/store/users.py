"""The shop's people (cashiers and managers) and the log of privileged actions.

Promises:
- a PIN is kept only as its salted scrypt hash (``store.pins``); no record, log
  line, action detail or exception holds a PIN or its hash;
- one active manager always remains: disabling or demoting the last one is refused, and so is
  a first person who is not a manager;
- every change of a person is one transaction together with its action row; a change of
  their role, active flag or PIN hash seals the person's digest in that row
  (``chain.user_digest``), which ``verify_chain`` compares with the user table. The lock-out
  counters (``failed_pins``, ``lock_level``, ``locked_until``) are not sealed: they change
  at every wrong PIN, and an edit there can lock a person out or lift a lock, never grant
  a role or a PIN;
- a PIN check reads and updates the person's count in one write transaction, so two counters
  cannot each get five tries;
- the action log is append-only (no method changes a row; on SQLite, triggers refuse it).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Final

from pos_app.domain.users import (
    MAX_WRONG_PINS,
    InvalidNameError,
    InvalidPinError,
    PinGuard,
    PinOutcome,
    Role,
    checked_name,
    checked_pin,
    judge_pin,
    lock_end,
    lock_length,
    name_key,
)
from pos_app.store import chain
from pos_app.store.base import StoreBase, on_own_database
from pos_app.store.chain import ACTIONS
from pos_app.store.errors import (
    DuplicateUserError,
    InvalidUserInputError,
    LastManagerError,
    UnknownUserError,
)
from pos_app.store.models import ACTION_LENGTH, Action, User
from pos_app.store.pins import new_pin_hash, pin_matches
from pos_app.store.sales import _detail_json
from pos_app.store.timestamps import from_millis, to_millis

log = logging.getLogger(__name__)

WHO_MAX_LENGTH: Final = 80
_ACTION_NAME: Final = re.compile(rf"[a-z0-9][a-z0-9_.-]{{0,{ACTION_LENGTH - 1}}}")

# What a detail key may not name (besides a card code, refused by the journal's own check):
# whole words of the key ("pin", "pin_hash", "newPin"; "ping" is not "pin") ...
_SECRET_WORDS: Final = frozenset(
    {"pin", "pins", "password", "passwd", "secret", "token", "hash", "salt", "key", "mac"}
)
# ... and names run together ("apikey", "accesstoken").
_SECRET_JOINED: Final = ("apikey", "accesstoken", "pinhash", "password", "passwd")


@dataclass(frozen=True, slots=True)
class UserRecord:
    """One person as the store knows them (never their PIN or its hash). ``locked_until``
    is when their lock ends, seen at the store's clock when read (None: not locked)."""

    id: int
    name: str
    role: Role
    active: bool
    failed_pins: int
    lock_level: int
    locked_until: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def is_manager(self) -> bool:
        return self.role is Role.MANAGER


@dataclass(frozen=True, slots=True)
class PinCheck:
    """What came of a PIN typed for a name. ``user`` is the person (None when the name is
    unknown); ``tries_left`` the wrong PINs still allowed before a lock (WRONG);
    ``locked_until`` when the lock ends (LOCKED: this try may have set it)."""

    outcome: PinOutcome
    user: UserRecord | None = None
    tries_left: int | None = None
    locked_until: datetime | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome is PinOutcome.ACCEPTED


@dataclass(frozen=True, slots=True)
class ActionRecord:
    """One privileged action: when, who (a name or ``cli:<os user>``), what, and its detail."""

    id: int
    at: datetime
    who: str
    action: str
    detail: Mapping[str, object] | None
    mac: str | None


def _key_words(key: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", key)  # camelCase -> camel Case
    return re.findall(r"[a-z0-9]+", spaced.lower())


def _is_secret_key(key: str) -> bool:
    words = _key_words(key)
    joined = "".join(words)
    return bool(_SECRET_WORDS.intersection(words)) or any(s in joined for s in _SECRET_JOINED)


def _check_secret_keys(value: object) -> None:
    """Refuse a detail that names a PIN, key, password or hash under any key, however deep."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and _is_secret_key(key):
                raise ValueError(f"a secret may not be written to the action log ({key!r})")
            _check_secret_keys(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _check_secret_keys(item)


def action_detail_json(detail: Mapping[str, object] | None) -> str | None:
    """``detail`` as the JSON text of an action row: the journal's check (no card code, under
    any key) plus no key naming a PIN, an API key, a password, a hash or a token."""
    if detail is not None:
        _check_secret_keys(detail)
    return _detail_json(detail, ())


def _check_who(who: str) -> str:
    if not isinstance(who, str) or not who.strip() or len(who) > WHO_MAX_LENGTH:
        raise ValueError(f"who did it must be 1-{WHO_MAX_LENGTH} characters")
    if not who.isprintable():
        raise ValueError("who did it must be printable text")
    return who.strip()


def _check_action(action: str) -> str:
    if not isinstance(action, str) or not _ACTION_NAME.fullmatch(action):
        raise ValueError(
            f"an action is 1-{ACTION_LENGTH} lower-case letters, digits, '.', '_' or '-', "
            f"such as 'user.add'"
        )
    return action


def _name(name: str) -> str:
    try:
        return checked_name(name)
    except InvalidNameError as exc:
        raise InvalidUserInputError(str(exc), exc.problem) from None


def _pin(pin: str) -> str:
    try:
        return checked_pin(pin)
    except InvalidPinError as exc:
        raise InvalidUserInputError(str(exc), exc.problem) from None


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        roles = ", ".join(r.value for r in Role)
        raise InvalidUserInputError(f"a role is one of: {roles}") from None


def _guard(row: User) -> PinGuard:
    until = None if row.locked_until is None else from_millis(row.locked_until)
    return PinGuard(row.failed_pins, row.lock_level, until)


class Users(StoreBase):
    """The shop's people and the action log (part of :class:`~pos_app.store.store.Store`)."""

    def _user_record(self, row: User) -> UserRecord:
        return UserRecord(
            id=row.id,
            name=row.name,
            role=Role(row.role),
            active=bool(row.active),
            failed_pins=row.failed_pins,
            lock_level=row.lock_level,
            locked_until=lock_end(_guard(row), self._now()),
            created_at=from_millis(row.created_at),
            updated_at=from_millis(row.updated_at),
        )

    # -- people: writes ----------------------------------------------------------------------

    @on_own_database
    def add_user(self, name: str, pin: str, role: Role | str, *, by: str) -> UserRecord:
        """Add a person with ``pin`` (kept as its hash) and ``role``; noted as ``user.add``
        by ``by``. Raises :class:`InvalidUserInputError` (name, PIN or role),
        :class:`DuplicateUserError`, or :class:`LastManagerError` for a first person who is
        not a manager; nothing is written then."""
        self._open()
        name, role, by = _name(name), _role(role), _check_who(by)
        pin_hash = new_pin_hash(_pin(pin))
        now = self._now_ms()
        with self._db.atomic():
            if User.select().where(User.name_key == name_key(name)).exists():
                raise DuplicateUserError(name)
            if role is not Role.MANAGER and not self._has_manager():
                raise LastManagerError(
                    "the shop has no manager yet: the first person added must be a manager"
                )
            user_id = User.insert(
                name=name,
                name_key=name_key(name),
                role=role.value,
                pin_hash=pin_hash,
                active=True,
                failed_pins=0,
                lock_level=0,
                locked_until=None,
                created_at=now,
                updated_at=now,
            ).execute()
            row = User.get_by_id(user_id)
            self._note(by, "user.add", {"name": name, "role": role.value}, now, person=row)
            return self._user_record(row)

    @on_own_database
    def set_pin(self, name: str, pin: str, *, by: str) -> UserRecord:
        """Give ``name`` a new PIN and clear their lock and count; noted as ``user.passwd``.
        Raises :class:`InvalidUserInputError` or :class:`UnknownUserError` (nothing
        written)."""
        self._open()
        by = _check_who(by)
        pin_hash = new_pin_hash(_pin(pin))
        now = self._now_ms()
        with self._db.atomic():
            row = self._user_row(name)
            row.pin_hash = pin_hash
            row.failed_pins, row.lock_level, row.locked_until = 0, 0, None
            row.updated_at = now
            row.save()
            self._note(by, "user.passwd", {"name": row.name}, now, person=row)
            return self._user_record(row)

    @on_own_database
    def set_role(self, name: str, role: Role | str, *, by: str) -> UserRecord:
        """Make ``name`` a cashier or a manager; noted as ``user.role``. Demoting the last
        active manager raises :class:`LastManagerError`; an unknown name
        :class:`UnknownUserError` (nothing written). The same role changes nothing."""
        self._open()
        role, by = _role(role), _check_who(by)
        now = self._now_ms()
        with self._db.atomic():
            row = self._user_row(name)
            if Role(row.role) is role:
                return self._user_record(row)
            if role is not Role.MANAGER and row.active and self._active_managers() <= 1:
                raise LastManagerError(
                    f"{row.name} is the last active manager: make someone else a manager first"
                )
            row.role, row.updated_at = role.value, now
            row.save()
            self._note(by, "user.role", {"name": row.name, "role": role.value}, now, person=row)
            return self._user_record(row)

    @on_own_database
    def disable_user(self, name: str, *, by: str) -> UserRecord:
        """Stop ``name`` from logging in (their sales and actions stay); noted as
        ``user.disable``. The last active manager raises :class:`LastManagerError`; an
        unknown name :class:`UnknownUserError`. Disabled already: nothing changes."""
        return self._set_active(name, active=False, by=by)

    @on_own_database
    def enable_user(self, name: str, *, by: str) -> UserRecord:
        """Let a disabled person log in again; noted as ``user.enable``."""
        return self._set_active(name, active=True, by=by)

    def _set_active(self, name: str, *, active: bool, by: str) -> UserRecord:
        self._open()
        by = _check_who(by)
        now = self._now_ms()
        with self._db.atomic():
            row = self._user_row(name)
            if bool(row.active) is active:
                return self._user_record(row)
            last = Role(row.role) is Role.MANAGER and self._active_managers() <= 1
            if not active and last:
                raise LastManagerError(
                    f"{row.name} is the last active manager: make someone else a manager first"
                )
            row.active, row.updated_at = active, now
            row.save()
            action = "user.enable" if active else "user.disable"
            self._note(by, action, {"name": row.name}, now, person=row)
            return self._user_record(row)

    @on_own_database
    def check_pin(self, name: str, pin: str) -> PinCheck:
        """Check the PIN typed for ``name`` and count it: 5 wrong PINs in a row lock that
        person (5 minutes, doubling up to 24 h until a right PIN); while locked every try is
        refused, the right PIN too. The count is read and written in one write transaction.
        A lock is noted as ``user.locked``. Never raises for a wrong or malformed PIN."""
        self._open()
        row = User.get_or_none(User.name_key == name_key(name))
        if row is None:
            return PinCheck(PinOutcome.UNKNOWN)
        # The slow hash is computed outside the write lock, then the count is decided inside
        # it on a fresh read (another counter may have counted meanwhile).
        hashed = row.pin_hash
        right = pin_matches(pin, hashed)
        with self._db.atomic():
            row = User.get_or_none(User.id == row.id)
            if row is None:
                return PinCheck(PinOutcome.UNKNOWN)
            if not row.active:
                return PinCheck(PinOutcome.DISABLED, self._user_record(row))
            if not self._as_sealed(row):
                log.warning("refused a sign-in: person %d differs from the sealed log", row.id)
                return PinCheck(PinOutcome.UNSEALED, self._user_record(row))
            if row.pin_hash != hashed:  # the PIN was changed meanwhile
                right = pin_matches(pin, row.pin_hash)
            before, now = _guard(row), self._now()
            judged = judge_pin(before, now, right=right)
            if judged.guard != before:
                newly_locked = judged.outcome is PinOutcome.LOCKED and lock_end(before, now) is None
                self._keep_guard(row, judged.guard, newly_locked=newly_locked)
            record = self._user_record(row)
        if judged.outcome is PinOutcome.WRONG:
            return PinCheck(PinOutcome.WRONG, record, tries_left=judged.tries_left)
        if judged.outcome is PinOutcome.LOCKED:
            until = judged.locked_until
            return PinCheck(PinOutcome.LOCKED, record, tries_left=0, locked_until=until)
        return PinCheck(PinOutcome.ACCEPTED, record, tries_left=MAX_WRONG_PINS)

    def _as_sealed(self, row: User) -> bool:
        """Whether the person's role, active flag and PIN hash are as the newest action about
        them sealed them (that action's MAC checked against the row before it): a user row
        rewritten by another tool (a cashier made manager, a PIN hash replaced) is not let in."""
        newest = chain.newest_sealed(
            self._db, ACTIONS, self._sealer(ACTIONS), "user_id = ?", (row.id,)
        )
        if newest is None:
            return False
        digest = newest[ACTIONS.columns.index("user_digest")]
        return bool(digest == _person_digest(row))

    def _keep_guard(self, row: User, guard: PinGuard, *, newly_locked: bool) -> None:
        now = self._now_ms()
        row.failed_pins, row.lock_level = guard.failed_pins, guard.lock_level
        row.locked_until = None if guard.locked_until is None else to_millis(guard.locked_until)
        row.updated_at = now
        row.save()
        if newly_locked:
            minutes = int(lock_length(guard.lock_level).total_seconds() // 60)
            self._note(row.name, "user.locked", {"name": row.name, "minutes": minutes}, now)

    # -- people: reads -----------------------------------------------------------------------

    @on_own_database
    def users(self, include_disabled: bool = False) -> list[UserRecord]:
        """Everyone active (and disabled ones too with ``include_disabled``), by name."""
        self._open()
        query = User.select().order_by(User.name_key)
        if not include_disabled:
            query = query.where(User.active == True)  # noqa: E712 (a peewee expression)
        return [self._user_record(row) for row in query]

    @on_own_database
    def user(self, name: str) -> UserRecord | None:
        """The person called ``name`` (compared without case), or None."""
        self._open()
        row = User.get_or_none(User.name_key == name_key(name))
        return None if row is None else self._user_record(row)

    @on_own_database
    def has_manager(self) -> bool:
        """Whether the shop has an active manager (False for a new shop)."""
        self._open()
        return self._has_manager()

    def _has_manager(self) -> bool:
        return self._active_managers() > 0

    def _active_managers(self) -> int:
        managers = (User.role == Role.MANAGER.value) & (User.active == True)  # noqa: E712
        return int(User.select().where(managers).count())

    def _user_row(self, name: str) -> User:
        row = User.get_or_none(User.name_key == name_key(name))
        if row is None:
            raise UnknownUserError(name.strip())
        return row

    # -- the action log ----------------------------------------------------------------------

    @on_own_database
    def note_action(
        self, who: str, action: str, detail: Mapping[str, object] | None = None
    ) -> ActionRecord:
        """Append a privileged action to the log: ``who`` (a person's name, or
        ``cli:<os user>``), ``action`` (short, such as ``z.close`` or ``export.csv``) and an
        optional ``detail`` that may hold no secret (ValueError, nothing written)."""
        self._open()
        now = self._now_ms()
        with self._db.atomic():
            action_id = self._note(who, action, detail, now)
            return _action_record(Action.get_by_id(action_id))

    def _note(
        self,
        who: str,
        action: str,
        detail: Mapping[str, object] | None,
        at: int,
        *,
        person: User | None = None,
    ) -> int:
        """Insert one action row in the caller's transaction, chained to the last one; its
        id. ``person``: the user row as this action leaves it, whose digest the row seals."""
        values = {
            "at": at,
            "who": _check_who(who),
            "action": _check_action(action),
            "detail": action_detail_json(detail),
            "user_id": None if person is None else person.id,
            "user_digest": None if person is None else _person_digest(person),
        }
        return chain.append(self._db, ACTIONS, self._sealer(ACTIONS), values)

    @on_own_database
    def actions(self, since: datetime | None = None, limit: int = 500) -> list[ActionRecord]:
        """The actions noted at or after ``since`` (all when None), newest first, at most
        ``limit``."""
        self._open()
        if limit < 1:
            return []
        query = Action.select().order_by(Action.id.desc()).limit(limit)
        if since is not None:
            query = query.where(Action.at >= to_millis(since))
        return [_action_record(row) for row in query]


def _person_digest(row: User) -> str:
    """The digest an action row seals of ``row`` (as it is saved)."""
    return chain.user_digest(row.name_key, row.role, row.active, row.pin_hash)


def _action_record(row: Action) -> ActionRecord:
    detail: Mapping[str, object] | None = None
    if row.detail is not None:
        parsed = json.loads(row.detail)
        detail = MappingProxyType(parsed) if isinstance(parsed, dict) else {"value": parsed}
    return ActionRecord(
        id=row.id,
        at=from_millis(row.at),
        who=row.who,
        action=row.action,
        detail=detail,
        mac=row.mac,
    )

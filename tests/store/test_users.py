"""The shop's people in the store (issue 11, item 3): PINs kept only as hashes, the lock-out
after wrong PINs counted in the database, the last manager protected, every change noted in
the append-only action log, and the v3 migration of an existing database."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from pos_app.domain.users import NameProblem, PinOutcome, PinProblem, Role
from pos_app.store import Store, open_store
from pos_app.store import migrations as store_migrations
from pos_app.store.errors import (
    DuplicateUserError,
    InvalidUserInputError,
    LastManagerError,
    UnknownUserError,
)
from pos_app.store.users import action_detail_json
from tests.store.conftest import Clock, new_sale, sqlite_url

BY = "cli:owner"
BOSS_PIN = "73915208"
CASHIER_PIN = "4826"


@pytest.fixture
def shop(store: Store) -> Store:
    """A store with a manager (Samir) and a cashier (Amina)."""
    store.add_user("Samir", BOSS_PIN, Role.MANAGER, by=BY)
    store.add_user("Amina", CASHIER_PIN, Role.CASHIER, by=BY)
    return store


def raw_rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    raw = sqlite3.connect(db_path)
    try:
        return raw.execute(sql).fetchall()
    finally:
        raw.close()


def action_names(store: Store) -> list[str]:
    return [action.action for action in reversed(store.actions())]


# -- adding and reading people ----------------------------------------------------------------


def test_a_person_is_kept_as_typed_and_found_without_case(shop: Store, clock: Clock) -> None:
    amina = shop.user("  AMINA ")
    assert amina is not None
    assert (amina.name, amina.role, amina.active, amina.is_manager) == (
        "Amina",
        Role.CASHIER,
        True,
        False,
    )
    assert amina.created_at == amina.updated_at == clock.now()
    assert amina.locked_until is None and amina.failed_pins == 0
    assert [person.name for person in shop.users()] == ["Amina", "Samir"]
    assert shop.user("Nadia") is None


def test_the_record_never_holds_the_pin_or_its_hash(shop: Store) -> None:
    amina = shop.user("Amina")
    text = repr(amina) + repr(shop.users()) + repr(shop.check_pin("Amina", CASHIER_PIN))
    assert CASHIER_PIN not in text and "scrypt" not in text
    assert not hasattr(amina, "pin_hash")


def test_a_name_taken_in_another_case_is_refused(shop: Store, db_path: Path) -> None:
    before = raw_rows(db_path, "SELECT * FROM user")
    with pytest.raises(DuplicateUserError, match="already called 'aMiNa'"):
        shop.add_user(" aMiNa", "9999", Role.CASHIER, by=BY)
    assert raw_rows(db_path, "SELECT * FROM user") == before


@pytest.mark.parametrize(
    ("name", "pin", "problem"),
    [
        ("", "1234", NameProblem.EMPTY),
        ("x" * 41, "1234", NameProblem.TOO_LONG),
        ("Nadia\n", "1234", None),  # trimmed: accepted
        ("Na\tdia", "1234", NameProblem.NOT_PRINTABLE),
        ("Nadia", "123", PinProblem.TOO_SHORT),
        ("Nadia", "123456789", PinProblem.TOO_LONG),
        ("Nadia", "12 34", PinProblem.NOT_DIGITS),
        ("Nadia", "", PinProblem.EMPTY),
    ],
)
def test_bad_input_is_refused_with_its_reason_and_writes_nothing(
    shop: Store, name: str, pin: str, problem: NameProblem | PinProblem | None
) -> None:
    before = (shop.users(include_disabled=True), shop.actions())
    if problem is None:
        assert shop.add_user(name, pin, Role.CASHIER, by=BY).name == "Nadia"
        return
    with pytest.raises(InvalidUserInputError) as info:
        shop.add_user(name, pin, Role.CASHIER, by=BY)
    assert info.value.problem is problem
    if pin.strip():
        assert pin not in str(info.value)
    assert (shop.users(include_disabled=True), shop.actions()) == before


def test_an_unknown_role_is_refused(shop: Store) -> None:
    with pytest.raises(InvalidUserInputError, match="cashier, manager"):
        shop.add_user("Nadia", "1234", "owner", by=BY)
    assert shop.user("Nadia") is None


def test_the_first_person_must_be_a_manager(store: Store) -> None:
    assert not store.has_manager()
    with pytest.raises(LastManagerError, match="first person added must be a manager"):
        store.add_user("Amina", CASHIER_PIN, Role.CASHIER, by=BY)
    assert store.users(include_disabled=True) == [] and store.actions() == []
    store.add_user("Samir", BOSS_PIN, "manager", by=BY)
    assert store.has_manager()
    store.add_user("Amina", CASHIER_PIN, Role.CASHIER, by=BY)


def test_unknown_names_are_a_clear_error(shop: Store) -> None:
    with pytest.raises(UnknownUserError, match="no one is called 'Nadia'"):
        shop.set_pin("Nadia", "1234", by=BY)
    with pytest.raises(UnknownUserError, match="no one is called 'Nadia'"):
        shop.disable_user("Nadia", by=BY)
    with pytest.raises(UnknownUserError, match="no one is called 'Nadia'"):
        shop.enable_user("Nadia", by=BY)
    with pytest.raises(UnknownUserError, match="no one is called 'Nadia'"):
        shop.set_role("Nadia", Role.MANAGER, by=BY)


# -- PIN checks and the lock-out --------------------------------------------------------------


def test_the_right_pin_is_accepted_and_a_wrong_one_counted(shop: Store) -> None:
    accepted = shop.check_pin("amina", CASHIER_PIN)
    assert accepted.accepted and accepted.user is not None and accepted.user.name == "Amina"
    wrong = shop.check_pin("Amina", "4827")
    assert (wrong.outcome, wrong.tries_left) == (PinOutcome.WRONG, 4)
    assert shop.user("Amina").failed_pins == 1  # type: ignore[union-attr]
    malformed = shop.check_pin("Amina", "48")
    assert (malformed.outcome, malformed.tries_left) == (PinOutcome.WRONG, 3)
    assert shop.check_pin("Amina", CASHIER_PIN).accepted
    assert shop.user("Amina").failed_pins == 0  # type: ignore[union-attr]


def test_unknown_and_disabled_people_are_refused(shop: Store) -> None:
    assert shop.check_pin("Nadia", "1234").outcome is PinOutcome.UNKNOWN
    shop.disable_user("Amina", by=BY)
    refused = shop.check_pin("Amina", CASHIER_PIN)
    assert refused.outcome is PinOutcome.DISABLED and not refused.accepted


def lock_out(store: Store, name: str) -> None:
    for _ in range(5):
        store.check_pin(name, "0000")


def test_five_wrong_pins_lock_and_the_sixth_is_refused_even_right(
    shop: Store, clock: Clock
) -> None:
    outcomes = [shop.check_pin("Amina", "0000") for _ in range(5)]
    assert [check.outcome for check in outcomes] == [PinOutcome.WRONG] * 4 + [PinOutcome.LOCKED]
    assert [check.tries_left for check in outcomes] == [4, 3, 2, 1, 0]
    end = clock.now() + timedelta(minutes=5)
    assert outcomes[-1].locked_until == end
    assert shop.user("Amina").locked_until == end  # type: ignore[union-attr]
    sixth = shop.check_pin("Amina", CASHIER_PIN)
    assert (sixth.outcome, sixth.locked_until) == (PinOutcome.LOCKED, end)
    assert shop.check_pin("Samir", BOSS_PIN).accepted, "only that person is locked"
    locked = [a for a in shop.actions() if a.action == "user.locked"]
    assert len(locked) == 1 and locked[0].who == "Amina"
    assert dict(locked[0].detail or {}) == {"name": "Amina", "minutes": 5}


def test_the_lock_ends_after_five_minutes_and_the_next_one_doubles(
    shop: Store, clock: Clock
) -> None:
    lock_out(shop, "Amina")
    clock.advance(minutes=4, seconds=59)
    assert shop.check_pin("Amina", CASHIER_PIN).outcome is PinOutcome.LOCKED
    clock.advance(seconds=1)
    assert shop.user("Amina").locked_until is None  # type: ignore[union-attr]
    assert shop.check_pin("Amina", "0000").tries_left == 4, "five new tries after a lock"
    lock_out(shop, "Amina")  # the 5th of these is refused as locked already
    assert shop.user("Amina").locked_until == clock.now() + timedelta(minutes=10)  # type: ignore[union-attr]
    clock.advance(minutes=10)
    assert shop.check_pin("Amina", CASHIER_PIN).accepted
    lock_out(shop, "Amina")
    assert shop.user("Amina").locked_until == clock.now() + timedelta(minutes=5), (  # type: ignore[union-attr]
        "a right PIN resets the doubling"
    )


def test_a_clock_set_back_cannot_stretch_a_lock(shop: Store, clock: Clock) -> None:
    lock_out(shop, "Amina")
    clock.advance(days=-2)
    seen = shop.check_pin("Amina", CASHIER_PIN)
    assert seen.outcome is PinOutcome.LOCKED
    assert seen.locked_until == clock.now() + timedelta(minutes=5)
    clock.advance(minutes=5)
    assert shop.check_pin("Amina", CASHIER_PIN).accepted


def test_two_counters_share_one_count(shop: Store, db_url: str, clock: Clock) -> None:
    """Two stores on one database, each typing wrong PINs at once: 5 wrong in all lock."""
    other = open_store(db_url, now=clock.now)
    results: list[PinOutcome] = []
    failures: list[BaseException] = []

    def type_wrong(store: Store) -> None:
        try:
            for _ in range(6):
                results.append(store.check_pin("Amina", "0000").outcome)
        except Exception as exc:  # noqa: BLE001 (reported below, in the test thread)
            failures.append(exc)
        finally:
            store.release_connection()

    try:
        threads = [threading.Thread(target=type_wrong, args=(s,)) for s in (shop, other)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        other.close()
    assert not failures
    assert results.count(PinOutcome.WRONG) == 4, results
    assert results.count(PinOutcome.LOCKED) == 8
    assert [a.action for a in shop.actions()].count("user.locked") == 1


def test_a_new_pin_clears_the_lock(shop: Store) -> None:
    lock_out(shop, "Amina")
    record = shop.set_pin("Amina", "135790", by="Samir")
    assert record.locked_until is None and record.failed_pins == 0 and record.lock_level == 0
    assert shop.check_pin("Amina", "135790").accepted
    assert shop.check_pin("Amina", CASHIER_PIN).outcome is PinOutcome.WRONG
    with pytest.raises(InvalidUserInputError):
        shop.set_pin("Amina", "abc", by="Samir")
    assert shop.check_pin("Amina", "135790").accepted


# -- the last manager -------------------------------------------------------------------------


def test_the_last_manager_can_be_neither_disabled_nor_demoted(shop: Store) -> None:
    before = (shop.users(include_disabled=True), shop.actions())
    with pytest.raises(LastManagerError, match="Samir is the last active manager"):
        shop.disable_user("samir", by=BY)
    with pytest.raises(LastManagerError, match="last active manager"):
        shop.set_role("Samir", Role.CASHIER, by=BY)
    assert (shop.users(include_disabled=True), shop.actions()) == before


def test_with_a_second_manager_the_first_may_go(shop: Store) -> None:
    assert shop.set_role("Amina", Role.MANAGER, by="Samir").is_manager
    disabled = shop.disable_user("Samir", by="Amina")
    assert not disabled.active
    assert [person.name for person in shop.users()] == ["Amina"]
    assert [p.name for p in shop.users(include_disabled=True)] == ["Amina", "Samir"]
    with pytest.raises(LastManagerError):
        shop.set_role("Amina", Role.CASHIER, by="Amina")  # Samir is disabled: not counted
    shop.enable_user("Samir", by="Amina")
    assert shop.set_role("Amina", Role.CASHIER, by="Samir").role is Role.CASHIER
    assert shop.has_manager()


def test_a_change_that_changes_nothing_notes_nothing(shop: Store) -> None:
    before = shop.actions()
    shop.enable_user("Amina", by=BY)
    shop.set_role("Samir", Role.MANAGER, by=BY)
    assert shop.actions() == before


# -- the action log ---------------------------------------------------------------------------


def test_every_change_is_noted_with_who_and_when(shop: Store, clock: Clock) -> None:
    clock.advance(minutes=1)
    shop.set_pin("Amina", "9999", by="Samir")
    shop.set_role("Amina", Role.MANAGER, by="Samir")
    shop.disable_user("Amina", by="Samir")
    shop.enable_user("Amina", by=BY)
    assert action_names(shop) == [
        "user.add",
        "user.add",
        "user.passwd",
        "user.role",
        "user.disable",
        "user.enable",
    ]
    newest = shop.actions()
    assert [a.who for a in newest[:4]] == [BY, "Samir", "Samir", "Samir"]
    assert newest[-1].detail == {"name": "Samir", "role": "manager"}
    assert newest[3].at == clock.now() and newest[3].detail == {"name": "Amina"}
    assert newest[2].detail == {"name": "Amina", "role": "manager"}
    assert all(a.mac is not None and len(a.mac) == 64 for a in newest)  # chained


def test_actions_since_a_time_newest_first_and_limited(store: Store, clock: Clock) -> None:
    for number in range(5):
        store.note_action(BY, "z.close", {"number": number})
        clock.advance(minutes=1)
    since = store.actions(since=clock.now() - timedelta(minutes=2))
    assert [a.detail["number"] for a in since if a.detail] == [4, 3]
    assert len(store.actions(limit=3)) == 3 and store.actions(limit=0) == []
    assert store.actions()[0].detail == {"number": 4}


@pytest.mark.parametrize(
    "detail",
    [
        {"pin": "1234"},
        {"new_pin": "1234"},
        {"pinHash": "scrypt$..."},
        {"api_key": "ock_live"},
        {"apiKey": "ock_live"},
        {"user": {"password": "x"}},
        {"rows": [{"access_token": "x"}]},
        {"card_code": "1234-5678"},
        {"cardCode": "1234-5678"},
    ],
)
def test_a_secret_never_enters_the_action_log(store: Store, detail: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="may not be written"):
        store.note_action(BY, "settings.save", detail)
    assert store.actions() == []


def test_innocent_keys_are_kept(store: Store) -> None:
    detail = {"ping_ms": 12, "keyboard": "fr", "shipping": 1, "count": 3}
    assert action_detail_json(detail) is not None
    assert store.note_action(BY, "settings.save", detail).detail == detail


@pytest.mark.parametrize(
    ("who", "action"),
    [("", "z.close"), ("x" * 81, "z.close"), ("a\nb", "z.close"), (BY, ""), (BY, "Z Close")],
)
def test_who_and_action_are_checked(store: Store, who: str, action: str) -> None:
    with pytest.raises(ValueError):
        store.note_action(who, action)
    assert store.actions() == []


def test_sqlite_refuses_to_change_or_delete_an_action(shop: Store, db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    try:
        for sql in ("UPDATE action SET who = 'someone else'", "DELETE FROM action"):
            with pytest.raises(sqlite3.IntegrityError, match="never changed"):
                raw.execute(sql)
        assert raw.execute("SELECT count(*) FROM action").fetchone() == (2,)
    finally:
        raw.close()


# -- the PIN at rest --------------------------------------------------------------------------


def test_no_pin_is_in_the_database_files(db_path: Path, clock: Clock) -> None:
    pins = ["73915208", "48260413", "90517362"]
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        store.add_user("Samir", pins[0], Role.MANAGER, by=BY)
        store.add_user("Amina", pins[1], Role.CASHIER, by=BY)
        store.set_pin("Amina", pins[2], by="Samir")
        store.check_pin("Amina", pins[2])
        store.check_pin("Amina", pins[1])
        files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
        assert any(p.name.endswith("-wal") for p in files), "the log is searched too"
        data = b"".join(p.read_bytes() for p in files)
    assert data.count(b"scrypt$16384$8$1$") >= 2, "the hashes are there"
    for pin in pins:
        for encoded in (pin.encode("ascii"), pin.encode("utf-16-le")):
            assert encoded not in data
    hashes = raw_rows(db_path, "SELECT pin_hash FROM user")
    assert all(str(value).startswith("scrypt$") for (value,) in hashes)


# -- the v3 migration -------------------------------------------------------------------------


def test_a_v2_database_gains_people_and_the_action_log(
    db_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(store_migrations, "MIGRATIONS", store_migrations.MIGRATIONS[:2])
        with open_store(sqlite_url(db_path), now=clock.now):
            pass
    assert raw_rows(db_path, "SELECT max(version) FROM schema_version") == [(2,)]
    clock.advance(days=1)
    with open_store(sqlite_url(db_path), now=clock.now) as store:
        assert not store.has_manager() and store.users() == []
        store.add_user("Samir", BOSS_PIN, Role.MANAGER, by=BY)
        assert store.check_pin("Samir", BOSS_PIN).accepted
        sale = store.add_sale(new_sale(1))
        assert store.get(sale.ref) == sale
    latest = store_migrations.latest_version()
    assert raw_rows(db_path, "SELECT max(version) FROM schema_version") == [(latest,)]
    backups = sorted(path.name for path in db_path.parent.glob("*.bak"))
    assert backups and backups[0].startswith("pos.sqlite3.v2-to-v")
    triggers = raw_rows(db_path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")
    assert {"action_no_update", "action_no_delete"} <= {name for (name,) in triggers}


def test_pins_are_not_masked_in_logs_so_masks_cannot_betray_them(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    """A PIN is never written to a log in the first place. Masking its digits wherever they
    appear would do harm: "sale ...1201... (number 036[redacted]234)" gives the PIN away.
    So the store registers no PIN with the redaction: other text keeps its digits."""
    import logging

    from pos_app.domain.redaction import install

    undo = install()
    try:
        store.add_user("Samia", "1201", "manager", by="test")
        store.check_pin("Samia", "9135")  # a wrong try
        with caplog.at_level(logging.INFO):
            logging.getLogger("pos_app.test").info("number %s, %s DZD", "036120123", "9135")
        text = caplog.text
    finally:
        undo()
    assert "number 036120123, 9135 DZD" in text

"""The secret registry and the redaction of every log record (pos_app/domain/redaction.py)."""

from __future__ import annotations

import io
import logging
import random
import sys
import threading
from collections.abc import Iterator

import pytest

from pos_app.domain import redaction
from pos_app.domain.cards import group_code
from pos_app.domain.redaction import MASK, SecretRegistry

KEY = "Zk9-canary-unit-7f3b2c19e4"
CODE = "105380810795"  # 12 digits: looks like a 4G number on purpose
GROUPED = "1053 8081 0795"
PIN = "482913"


# --- the registry ----------------------------------------------------------------------------


def test_a_code_is_hidden_in_every_form_it_is_written_in() -> None:
    secrets = SecretRegistry()
    assert secrets.register_code(CODE)
    for written in (CODE, GROUPED, f"code={CODE};", f"«{GROUPED}»"):
        redacted = secrets.redact(f"sale CLI-1 {written} done")
        assert "0795" not in redacted and MASK in redacted, redacted
    assert secrets.redact("sale CLI-1 1053-8081-0795") == "sale CLI-1 1053-8081-0795"


def test_a_code_given_with_dashes_is_hidden_as_given_without_them_and_grouped() -> None:
    secrets = SecretRegistry()
    secrets.register_code("1053-8081-0795")
    for written in ("1053-8081-0795", CODE, GROUPED):
        assert secrets.redact(f"[{written}]") == f"[{MASK}]"


def test_only_what_was_registered_is_hidden_never_a_digit_pattern() -> None:
    secrets = SecretRegistry()
    secrets.register_code(CODE)
    text = "4G 213550000009, ADSL 036362609, ref CLI-20261123T101010Z-ab12cd34, 1000 DA"
    assert secrets.redact(text) == text


def test_secrets_shorter_than_four_characters_are_refused() -> None:
    secrets = SecretRegistry()
    assert not secrets.register_pin("123")
    assert not secrets.register_key("  ab  ")
    assert not secrets.register_code(None)
    assert not secrets.register_code("")
    assert len(secrets) == 0
    assert secrets.redact("pin 123 key ab") == "pin 123 key ab"
    with pytest.raises(TypeError):
        secrets.register_code(105380810795)  # type: ignore[arg-type]


def test_a_key_and_a_pin_are_hidden_anywhere_in_a_text() -> None:
    secrets = SecretRegistry()
    secrets.register_key(f"  {KEY}\n")  # as pasted: whitespace around it
    secrets.register_pin(PIN)
    text = f"X-Access-Token: {KEY} pin={PIN} again{KEY}again"
    assert secrets.redact(text) == f"X-Access-Token: {MASK} pin={MASK} again{MASK}again"


def test_overlapping_secrets_are_hidden_together_leaving_no_piece() -> None:
    secrets = SecretRegistry()
    secrets.register_pin("1053")  # the first group of the code
    secrets.register_code(CODE)
    assert secrets.redact(f"a {GROUPED} b") == f"a {MASK} b"
    assert secrets.redact(f"{CODE}{CODE}") == MASK


def test_memory_is_bounded_and_the_newest_are_kept() -> None:
    secrets = SecretRegistry(max_codes=100, max_keys=2)
    codes = [f"{n:012d}" for n in range(7_000_000_000, 7_000_000_150)]
    for code in codes:
        secrets.register_code(code)
    assert secrets.count("code") == 100
    assert MASK in secrets.redact(codes[-1]) and MASK in secrets.redact(codes[50])
    assert secrets.redact(codes[0]) == codes[0]  # the oldest were let go
    secrets.register_code(codes[50])  # read again: now the newest
    secrets.register_code("999999999999")
    assert MASK in secrets.redact(codes[50]) and secrets.redact(codes[51]) == codes[51]
    for key in ("key-one-aaaa", "key-two-bbbb", "key-three-cc"):
        secrets.register_key(key)
    assert secrets.count("key") == 2
    assert secrets.redact("key-one-aaaa") == "key-one-aaaa"
    assert secrets.redact("key-three-cc") == MASK


def test_ten_thousand_codes_are_each_found_in_a_long_text() -> None:
    rng = random.Random(11)
    secrets = SecretRegistry()
    codes = [str(rng.randrange(10**11, 10**12)) for _ in range(10_000)]
    for code in codes:
        secrets.register_code(code)
    picked = rng.sample(codes, 50)
    text = " | ".join(f"sale {n} code {group_code(c)}" for n, c in enumerate(picked))
    redacted = secrets.redact(text)
    assert redacted.count(MASK) == 50
    assert not any(c[-4:] in redacted for c in picked)


def test_many_threads_register_and_redact_at_once() -> None:
    secrets = SecretRegistry(max_codes=10_000)
    failures: list[str] = []
    start = threading.Barrier(8)

    def work(worker: int) -> None:
        start.wait()
        for n in range(300):
            code = f"{worker}{n:011d}"
            secrets.register_code(code)
            text = f"thread {worker} sale {n}: {group_code(code)}"
            if secrets.redact(text) != f"thread {worker} sale {n}: {MASK}":
                failures.append(text)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(1, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert secrets.count("code") == 2400


# --- every log record ------------------------------------------------------------------------


@pytest.fixture
def redacted_logs() -> Iterator[None]:
    """Redaction installed for the test (and taken out after), with the canary's secrets."""
    uninstall = redaction.install()
    redaction.register_key(KEY)
    redaction.register_code(CODE)
    redaction.register_pin(PIN)
    yield
    uninstall()
    redaction.SECRETS.clear()


def _stream_logger(name: str) -> tuple[logging.Logger, io.StringIO]:
    """A logger with a handler added now, after installation, writing to a string."""
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger(f"tests.redaction.{name}")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger, out


@pytest.mark.usefixtures("redacted_logs")
def test_records_with_args_are_redacted_for_a_handler_added_after_installation() -> None:
    logger, out = _stream_logger("args")
    logger.info("sending with key %s and code %s", KEY, GROUPED)
    logger.warning("pin %(pin)s for %(who)s", {"pin": PIN, "who": "Amina"})
    logger.error(f"formatted already: {CODE}")
    text = out.getvalue()
    assert KEY not in text and "0795" not in text and PIN not in text, text
    assert text.count(MASK) == 4 and "for Amina" in text


@pytest.mark.usefixtures("redacted_logs")
def test_a_traceback_and_a_chained_cause_holding_secrets_are_redacted() -> None:
    logger, out = _stream_logger("exc")
    try:
        try:
            raise KeyError(CODE)
        except KeyError as inner:
            raise RuntimeError(f"refused key {KEY}") from inner
    except RuntimeError:
        logger.exception("the send failed")
    text = out.getvalue()
    assert "Traceback (most recent call last)" in text and "RuntimeError: refused key" in text
    assert KEY not in text and CODE not in text, text


@pytest.mark.usefixtures("redacted_logs")
def test_stack_info_is_kept_and_redacted() -> None:
    logger, out = _stream_logger("stack")
    logger.warning("here", stack_info=True)
    assert "Stack (most recent call last)" in out.getvalue()
    record = logging.LogRecord("x", logging.WARNING, __file__, 1, "m", None, None)
    record.stack_info = f'  File "x.py", line 1, in f\n    send(key="{KEY}")'
    redaction.redact_record(record)
    assert record.stack_info is not None and KEY not in record.stack_info


@pytest.mark.usefixtures("redacted_logs")
def test_caplog_sees_only_redacted_records(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="tests.redaction.caplog"):
        logging.getLogger("tests.redaction.caplog").info("key %r", KEY, exc_info=True)
    assert caplog.records and all(r.args is None for r in caplog.records)
    assert KEY not in caplog.text and MASK in caplog.text


@pytest.mark.usefixtures("redacted_logs")
def test_bad_arguments_neither_raise_nor_leak() -> None:
    logger, out = _stream_logger("bad")
    logger.warning("%d items for " + KEY, "not a number")
    text = out.getvalue()
    assert "could not be formatted: TypeError" in text and KEY not in text


@pytest.mark.usefixtures("redacted_logs")
def test_crashes_in_the_main_and_other_threads_are_logged_redacted() -> None:
    _, out = _stream_logger("unused")
    crash_handler = logging.StreamHandler(out)
    redaction.crash_log.addHandler(crash_handler)
    try:
        assert sys.excepthook is redaction.report_crash
        try:
            raise ValueError(f"bad key {KEY}")
        except ValueError:
            sys.excepthook(*sys.exc_info())

        def die() -> None:
            raise RuntimeError(f"card {GROUPED}")

        thread = threading.Thread(target=die, name="canary-thread")
        thread.start()
        thread.join()
    finally:
        redaction.crash_log.removeHandler(crash_handler)
    text = out.getvalue()
    assert "uncaught ValueError" in text and "uncaught RuntimeError in thread canary-thread" in text
    assert "ValueError: bad key [redacted]" in text
    assert KEY not in text and "0795" not in text, text


def test_install_is_idempotent_and_undone() -> None:
    before = (logging.getLogRecordFactory(), sys.excepthook, threading.excepthook)
    uninstall = redaction.install()
    try:
        assert redaction.installed()
        again = redaction.install()
        again()  # the second call changed nothing, so undoing it changes nothing
        assert redaction.installed()
    finally:
        uninstall()
    assert (logging.getLogRecordFactory(), sys.excepthook, threading.excepthook) == before
    assert not redaction.installed()

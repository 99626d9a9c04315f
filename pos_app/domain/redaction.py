"""Secrets kept out of every log: the API key, cashiers' PINs and card codes.

A process-wide registry (:data:`SECRETS`) learns each secret where the code meets it
(:func:`register_key`, :func:`register_pin`, :func:`register_code`) in the forms it may be
written in: as given, without spaces and dashes, and grouped by four as the screen shows a
card code (:func:`written_forms`). :func:`redact` replaces every occurrence of any of those
exact strings with :data:`MASK`. Nothing is guessed from a pattern (a card code can look like
a 4G number): only what was registered is hidden, and a secret shorter than
:data:`MIN_SECRET_LENGTH` is refused (it would hide too much innocent text).

Memory is bounded: the newest :data:`MAX_KEYS` keys, :data:`MAX_PINS` PINs and
:data:`MAX_CODES` card codes are kept. Redacting costs the same whatever the number of secrets:
keys are found with ``str.find``; PINs and codes through an index by their first four
characters, looked up only inside runs of the characters they are made of (found by one
regular expression in C), so a record without such runs costs a few microseconds.

:func:`install` (each entry point calls it once) redacts every log record of the process when
it is created: a ``LogRecordFactory`` formats ``msg % args``, the exception's traceback and the
stack, and keeps only their redacted text. It was chosen over a ``logging.Filter`` because a
filter sees only the records of the handler or logger it is attached to, and handlers come
and go (a library's, pytest's ``caplog``, ``logging.lastResort``): the factory runs before any
of them. What it cannot cover: a record built with ``logging.makeLogRecord`` from a dict,
attributes passed through ``extra=``, and a handler that formats ``record.exc_info`` again
itself instead of using ``record.exc_text`` (the standard ``Formatter`` uses it). Uncaught
exceptions (``sys.excepthook``, ``threading.excepthook``, ``sys.unraisablehook``) are logged
through the same factory instead of being printed raw.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from types import TracebackType
from typing import Any, Final

from pos_app.domain.cards import group_code

MASK: Final = "[redacted]"
"""What a secret is replaced with in a log."""

MIN_SECRET_LENGTH: Final = 4
"""Shorter secrets are refused: redacting them would hide ordinary text."""

MAX_KEYS: Final = 8
MAX_PINS: Final = 64
MAX_CODES: Final = 10_000

_PREFIX: Final = MIN_SECRET_LENGTH  # every indexed form is at least this long
_SEPARATORS: Final = " -"

crash_log = logging.getLogger("pos_app.crash")


def written_forms(secret: str) -> frozenset[str]:
    """The ways ``secret`` may be written: as given (surrounding whitespace stripped), without
    spaces and dashes, and grouped by four (``group_code``); forms shorter than
    :data:`MIN_SECRET_LENGTH` are left out."""
    given = secret.strip()
    compact = "".join(ch for ch in given if ch not in _SEPARATORS)
    forms = {given, compact, group_code(compact)}
    return frozenset(form for form in forms if len(form) >= MIN_SECRET_LENGTH)


class SecretRegistry:
    """Secrets to hide, bounded, shared by every thread (one lock; no method logs)."""

    def __init__(
        self, *, max_keys: int = MAX_KEYS, max_pins: int = MAX_PINS, max_codes: int = MAX_CODES
    ) -> None:
        self._lock = threading.RLock()  # re-entrant: a signal handler may log mid-redaction
        self._limits = {"key": max_keys, "pin": max_pins, "code": max_codes}
        self._secrets: dict[str, OrderedDict[str, frozenset[str]]] = {
            kind: OrderedDict() for kind in self._limits
        }
        self._key_forms: tuple[str, ...] = ()  # longest first
        self._index: dict[str, dict[str, int]] = {}  # first 4 characters -> form -> owners
        self._alphabet: set[str] = set()
        self._runs: re.Pattern[str] | None = None  # runs of the alphabet, built lazily

    # --- registering ------------------------------------------------------------------------

    def register_key(self, key: str | None) -> bool:
        """Hide an API key; False (nothing kept) for None or a key shorter than 4."""
        return self._add("key", key)

    def register_pin(self, pin: str | None) -> bool:
        """Hide a cashier's PIN; False (nothing kept) for None or a PIN shorter than 4."""
        return self._add("pin", pin)

    def register_code(self, code: str | None) -> bool:
        """Hide a card code; False (nothing kept) for None or a code shorter than 4."""
        return self._add("code", code)

    def _add(self, kind: str, secret: str | None) -> bool:
        if secret is None:
            return False
        if not isinstance(secret, str):
            raise TypeError(f"a secret must be a str, got {type(secret).__name__}")
        if len(secret.strip()) < MIN_SECRET_LENGTH:
            return False
        # Keyed by the form without separators: "1053 8081 0795" and "105380810795" are one.
        identity = "".join(ch for ch in secret.strip() if ch not in _SEPARATORS)
        forms = written_forms(secret)
        with self._lock:
            kept = self._secrets[kind]
            old = kept.get(identity)
            if old is not None:
                kept.move_to_end(identity)
                if forms <= old:
                    return True
                self._forget(kind, old)
                forms |= old
            kept[identity] = forms
            self._remember(kind, forms)
            while len(kept) > self._limits[kind]:
                _, evicted = kept.popitem(last=False)
                self._forget(kind, evicted)
        return True

    def _remember(self, kind: str, forms: frozenset[str]) -> None:
        if kind == "key":
            self._rebuild_keys()
            return
        for form in forms:
            owners = self._index.setdefault(form[:_PREFIX], {})
            owners[form] = owners.get(form, 0) + 1
            new = set(form) - self._alphabet
            if new:
                self._alphabet |= new
                self._runs = None

    def _forget(self, kind: str, forms: frozenset[str]) -> None:
        if kind == "key":
            self._rebuild_keys()
            return
        for form in forms:
            owners = self._index.get(form[:_PREFIX])
            if owners is None or form not in owners:
                continue
            owners[form] -= 1
            if owners[form] <= 0:
                del owners[form]
                if not owners:
                    del self._index[form[:_PREFIX]]

    def _rebuild_keys(self) -> None:
        forms = {form for kept in self._secrets["key"].values() for form in kept}
        self._key_forms = tuple(sorted(forms, key=len, reverse=True))

    def clear(self) -> None:
        """Forget every secret (tests)."""
        with self._lock:
            for kept in self._secrets.values():
                kept.clear()
            self._key_forms = ()
            self._index.clear()
            self._alphabet.clear()
            self._runs = None

    def count(self, kind: str) -> int:
        """How many secrets of ``kind`` (``key``, ``pin``, ``code``) are kept."""
        with self._lock:
            return len(self._secrets[kind])

    def __len__(self) -> int:
        with self._lock:
            return sum(len(kept) for kept in self._secrets.values())

    # --- redacting --------------------------------------------------------------------------

    def redact(self, text: str) -> str:
        """``text`` with every registered form of every secret replaced by :data:`MASK`
        (overlapping ones hidden together)."""
        if not text:
            return text
        with self._lock:
            spans = self._key_spans(text) + self._indexed_spans(text)
        if not spans:
            return text
        spans.sort()
        parts: list[str] = []
        done = 0
        start, end = spans[0]
        for next_start, next_end in spans[1:]:
            if next_start <= end:  # overlapping or touching: one mask
                end = max(end, next_end)
                continue
            parts += [text[done:start], MASK]
            done, start, end = end, next_start, next_end
        parts += [text[done:start], MASK, text[end:]]
        return "".join(parts)

    def _key_spans(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for form in self._key_forms:
            at = text.find(form)
            while at >= 0:
                spans.append((at, at + len(form)))
                at = text.find(form, at + 1)
        return spans

    def _indexed_spans(self, text: str) -> list[tuple[int, int]]:
        if not self._index:
            return []
        runs = self._runs
        if runs is None:
            chars = "".join(re.escape(ch) for ch in sorted(self._alphabet))
            runs = self._runs = re.compile(f"[{chars}]{{{_PREFIX},}}")
        index = self._index
        spans = []
        for run in runs.finditer(text):
            for at in range(run.start(), run.end() - _PREFIX + 1):
                owners = index.get(text[at : at + _PREFIX])
                if owners:
                    for form in tuple(owners):
                        if text.startswith(form, at):
                            spans.append((at, at + len(form)))
        return spans


SECRETS: Final = SecretRegistry()
"""The process's registry: what every log record is redacted against."""


def register_key(key: str | None) -> bool:
    """Hide this API key from every log of the process (False: refused, too short)."""
    return SECRETS.register_key(key)


def register_pin(pin: str | None) -> bool:
    """Hide this PIN from every log of the process (False: refused, too short)."""
    return SECRETS.register_pin(pin)


def register_code(code: str | None) -> bool:
    """Hide this card code from every log of the process (False: refused, too short)."""
    return SECRETS.register_code(code)


def redact(text: str) -> str:
    """``text`` with the process's registered secrets hidden."""
    return SECRETS.redact(text)


# --- log records -----------------------------------------------------------------------------

_TRACEBACKS = logging.Formatter()  # formats exc_info as every standard formatter would
WITHHELD: Final = "[a log record was withheld: it could not be redacted]"


def redact_record(record: logging.LogRecord, registry: SecretRegistry = SECRETS) -> None:
    """Replace the record's message by its formatted, redacted text (``args`` emptied), and
    keep its traceback and stack only as redacted text (``exc_text``, ``stack_info``; the
    standard ``Formatter`` prints ``exc_text`` instead of formatting ``exc_info`` again).
    Never raises: a record that cannot be redacted loses its content instead."""
    try:
        try:
            message = record.getMessage()
        except Exception as exc:  # noqa: BLE001 - bad arguments must not stop the caller
            message = (
                f"{record.msg!s} [the log arguments could not be formatted: {type(exc).__name__}]"
            )
        record.msg = registry.redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = registry.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = registry.redact(record.stack_info)
    except Exception:  # noqa: BLE001 - fail closed: nothing unredacted goes out
        record.msg, record.args = WITHHELD, None
        record.exc_info, record.exc_text, record.stack_info = None, None, None


class RedactingFactory:
    """A ``LogRecordFactory`` that redacts each record as it is made (see the module)."""

    def __init__(self, inner: Callable[..., logging.LogRecord]) -> None:
        self.inner = inner

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.inner(*args, **kwargs)
        redact_record(record)
        return record


# --- crash output ----------------------------------------------------------------------------


def report_crash(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook``: the uncaught exception goes to the log (redacted), not raw to
    stderr (``logging.lastResort`` prints it there when nothing else is configured)."""
    crash_log.critical("uncaught %s", kind.__name__, exc_info=(kind, error, tb))


def report_thread_crash(args: threading.ExceptHookArgs) -> None:
    """``threading.excepthook``: as :func:`report_crash`, naming the thread."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    error = args.exc_value
    crash_log.critical(
        "uncaught %s in thread %s",
        args.exc_type.__name__,
        name,
        exc_info=(args.exc_type, error, args.exc_traceback) if error is not None else None,
    )


def report_unraisable(args: Any) -> None:
    """``sys.unraisablehook`` (an error in ``__del__``, a finaliser): logged, redacted."""
    kind = args.exc_type
    crash_log.error(
        "%s: %s",
        args.err_msg or "Exception ignored in",
        args.object,
        exc_info=(kind, args.exc_value, args.exc_traceback) if kind is not None else None,
    )


_INSTALL_LOCK = threading.Lock()


def installed() -> bool:
    """True when this process's log records are redacted."""
    return isinstance(logging.getLogRecordFactory(), RedactingFactory)


def install() -> Callable[[], None]:
    """Redact every log record of this process from now on and log uncaught exceptions
    (redacted) instead of printing them raw; each entry point calls it first. A second call
    changes nothing. Returns the function that puts the previous factory and hooks back."""
    with _INSTALL_LOCK:
        if installed():
            return lambda: None
        factory = RedactingFactory(logging.getLogRecordFactory())
        logging.setLogRecordFactory(factory)
        hooks = (sys.excepthook, threading.excepthook, sys.unraisablehook)
        sys.excepthook = report_crash
        threading.excepthook = report_thread_crash
        sys.unraisablehook = report_unraisable

    def uninstall() -> None:
        with _INSTALL_LOCK:
            if logging.getLogRecordFactory() is factory:
                logging.setLogRecordFactory(factory.inner)
            if sys.excepthook is report_crash:
                sys.excepthook = hooks[0]
            if threading.excepthook is report_thread_crash:
                threading.excepthook = hooks[1]
            if sys.unraisablehook is report_unraisable:
                sys.unraisablehook = hooks[2]

    return uninstall

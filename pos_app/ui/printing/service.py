"""The window's receipt printing: a receipt when a sale is fulfilled, a claim slip when it is
queued or left for the manager (once per sale and slip in a session), and reprints on request.

Each print runs as a task on the loop and takes its turn in the window's one
:class:`~pos_app.ui.printing.queue.PrinterQueue` (shared with the reports screen): the copy
number is reserved in the store on the window's worker pool, the receipt is drawn here on
the GUI thread, and the bytes go to the printer on the worker pool, never on the GUI thread.
A printer that is off, refuses, breaks off or is slow costs one thread of the pool and the
printer's turn for at most its timeout; the sale is already saved and the next one can be
placed meanwhile. A print asked for while another runs waits its turn (a few at most; the
status bar says so). A failure is one translated message (:attr:`PrintService.failed`);
nothing about the sale changes, and the reserved copy number is given back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import UTC, datetime, tzinfo
from typing import Any, Final

from PySide6.QtCore import QObject, Signal

from pos_app.domain.sale_states import SaleState
from pos_app.orders import OrderView
from pos_app.orders.offload import Offloader
from pos_app.receipts.job import (
    Printed,
    ReceiptJob,
    deliver_escpos,
    deliver_file,
    give_back,
    job_raster,
    not_printing,
    prepare_job,
    print_done,
    print_target,
)
from pos_app.receipts.model import ReceiptKind
from pos_app.receipts.printers import PrinterError
from pos_app.receipts.settings import ReceiptOutput, ReceiptSettings
from pos_app.store import Store
from pos_app.store.errors import SaleNotFoundError
from pos_app.store.settings import Stored
from pos_app.ui.i18n import translate
from pos_app.ui.printing.queue import PrinterBusyError, PrinterQueue, PrinterTurn

log = logging.getLogger(__name__)

CLAIM_STATES: Final = frozenset({SaleState.QUEUED, SaleState.CODE_MISSING, SaleState.CONFLICT})
"""States that print a claim slip on their own (``receipt.auto_claim``): the card will come
later (queued), or the manager must look (left unresolved)."""

Spawn = Callable[[Coroutine[Any, Any, Any]], None]


def printer_text(text: str) -> str:
    """A sentence of ``receipts.printers.MESSAGES`` in the window's language."""
    return translate("printers", text)


class PrintService(QObject):
    """Prints receipts for the window (see the module's docstring)."""

    printed = Signal(object)
    """A ``Printed``: a receipt reached its printer (or file); its copy stays logged."""
    failed = Signal(str, str)
    """The ref, and the translated sentence saying why its receipt did not print."""
    message = Signal(str, int)
    """A status-bar text and how long to show it (ms; 0: until the next message)."""

    def __init__(
        self,
        store: Store,
        executor: Offloader,
        spawn: Spawn,
        settings: ReceiptSettings | None,
        *,
        settings_problem: str | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        tz: tzinfo | None = None,
        queue: PrinterQueue | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``settings`` None: the receipt settings could not be used (``settings_problem``
        says why), so every print reports that. ``spawn`` runs a coroutine owned by the
        window (cancelled when it closes); ``now`` stamps receipts; ``tz``: the time zone
        they are printed in (None: the system's); ``queue``: the line to the printer,
        shared with the reports screen (None: one of its own)."""
        super().__init__(parent)
        self.store = store
        self.executor = executor
        self.settings = settings
        self.settings_problem = settings_problem
        self._spawn = spawn
        self._now = now
        self._tz = tz
        self.queue = queue if queue is not None else PrinterQueue()
        self._pending: set[str] = set()
        self._seen: dict[str, SaleState] = {}
        self._auto_done: set[tuple[str, ReceiptKind]] = set()
        self.last_ref: str | None = None
        """The sale printed (or tried) last: what F9 reprints when nothing is selected."""
        self.failed_ref: str | None = None
        """The sale whose receipt failed last and was not printed since."""

    @property
    def pending(self) -> frozenset[str]:
        """Refs whose print is queued or under way."""
        return frozenset(self._pending)

    # -- what asks for a print ----------------------------------------------------------------

    def watch(self, view: OrderView) -> None:
        """An engine event (``order_did_change``): print when a sale seen this session moves
        to FULFILLED (``auto_print``) or to a claim state (``auto_claim``); each slip of a
        sale once. Sales shown at start in the state they already had print nothing."""
        before = self._seen.get(view.ref)
        self._seen[view.ref] = view.state
        if before is None or before is view.state:
            return
        settings = self.settings
        if settings is not None and not settings.prints:
            return  # no printer set up: nothing to print onto, nothing to say each sale
        if view.state is SaleState.FULFILLED and view.card_code:
            wanted, slip = settings is None or settings.auto_print, ReceiptKind.SALE
        elif view.state in CLAIM_STATES:
            wanted, slip = settings is None or settings.auto_claim, ReceiptKind.CLAIM
        else:
            return
        if not wanted or (view.ref, slip) in self._auto_done:
            return
        self._auto_done.add((view.ref, slip))
        self.request(view.ref)

    def reprint(self, ref: str | None = None) -> bool:
        """F9: print sale ``ref`` again (else the one printed or tried last); its receipt
        says DUPLICATE n when n were printed before. False when there is nothing to print."""
        ref = ref or self.failed_ref or self.last_ref
        if ref is None:
            self.message.emit(
                translate("Printing", "No receipt to reprint: select a sale in the list."), 6000
            )
            return False
        self.request(ref)
        return True

    def request(self, ref: str) -> None:
        """Queue a print of sale ``ref`` (ignored while one of it is already queued). While
        another print runs it waits its turn, and the status bar says so; when the line is
        full it is refused (F9 prints it later)."""
        if ref in self._pending:
            return
        running = self.queue.busy
        try:
            turn = self.queue.join()
        except PrinterBusyError:
            self.failed_ref = ref
            self.message.emit(
                translate(
                    "Printing",
                    "A print is still running and others wait: this receipt was not "
                    "queued. Press F9 once they are done; the sale is saved.",
                ),
                0,
            )
            return
        if running:
            self.message.emit(
                translate("Printing", "A print is still running: this receipt prints after it."),
                0,
            )
        self._pending.add(ref)
        self._spawn(self._print(ref, turn))

    # -- the print -------------------------------------------------------------------------

    async def _print(self, ref: str, turn: PrinterTurn) -> None:
        try:
            async with turn:
                self.last_ref = ref
                await self._print_now(ref)
        finally:
            turn.leave()  # idempotent: the line never keeps a place that ended
            self._pending.discard(ref)

    async def _print_now(self, ref: str) -> None:
        settings = self.settings
        if settings is None:
            self._fail(
                ref,
                translate(
                    "Printing",
                    "Receipt not printed: the printer settings cannot be used ({problem}). "
                    "Fix them with pos-app config; the sale is saved.",
                ).format(problem=self.settings_problem or ""),
            )
            return
        try:
            problem = not_printing(settings)
            if problem is not None:
                raise problem
            job: ReceiptJob = await self.executor.run(
                lambda: prepare_job(
                    self.store,
                    ref,
                    settings,
                    printed_at=self._now(),
                    tz=self._tz,
                    target=print_target(settings),
                )
            )  # its copy number reserved in the store: the slip may go out from here on
            try:
                if job.output is ReceiptOutput.ESCPOS:
                    raster = job_raster(job)  # drawn here, on the GUI thread
                    target = await self.executor.run(deliver_escpos, raster, settings.printer)
                else:
                    target = deliver_file(job, settings)
            except Exception:
                await self._give_back(job)
                raise
            printed: Printed = print_done(job, target)
        except PrinterError as exc:
            self._fail(
                ref,
                translate("Printing", "Receipt not printed. {reason} The sale is saved.").format(
                    reason=exc.translated(printer_text)
                ),
            )
            return
        except SaleNotFoundError:
            self._fail(ref, translate("Printing", "Receipt not printed: no such sale."))
            return
        except Exception as exc:  # noqa: BLE001 - a bug or a full disk: said, never fatal
            log.error("receipt of %s not printed: %s", ref, type(exc).__name__)
            self._fail(
                ref, translate("Printing", "Receipt not printed: unexpected error (see the log).")
            )
            return
        if self.failed_ref == ref:
            self.failed_ref = None
        if printed.copy:
            text = translate("Printing", "Receipt printed (duplicate {copy}).").format(
                copy=printed.copy
            )
        else:
            text = translate("Printing", "Receipt printed.")
        self.message.emit(text, 4000)
        self.printed.emit(printed)

    async def _give_back(self, job: ReceiptJob) -> None:
        """The slip was not sent: its copy number leaves the print log (if that fails, it
        stays: the next slip says DUPLICATE, the safe side)."""
        try:
            await self.executor.run(give_back, self.store, job)
        except Exception as exc:  # noqa: BLE001 - the print's own failure is what is said
            log.error("copy number of %s not given back: %s", job.ref, type(exc).__name__)

    def _fail(self, ref: str, text: str) -> None:
        self.failed_ref = ref
        log.warning("receipt of %s not printed", ref)
        self.message.emit(text + " " + translate("Printing", "F9 reprints."), 0)
        self.failed.emit(ref, text)


def open_print_service(
    store: Store,
    executor: Offloader,
    spawn: Spawn,
    stored: Stored,
    *,
    window_language: str,
    training: bool = False,
    queue: PrinterQueue | None = None,
    parent: QObject | None = None,
) -> PrintService:
    """The print service over the receipt settings in ``stored`` (the shop's settings);
    settings that cannot be used do not stop the window: each print then says why.
    ``training``: every slip is marked as a training one (worth nothing); ``queue``: the
    line to the printer (None: the service makes one; the reports screen takes
    ``service.queue``)."""
    try:
        settings: ReceiptSettings | None = replace(
            ReceiptSettings.read(stored, window_language=window_language), training=training
        )
        problem = None
    except ValueError as exc:
        settings, problem = None, str(exc)
        log.warning("receipt settings cannot be used: %s", exc)
    return PrintService(
        store, executor, spawn, settings, settings_problem=problem, queue=queue, parent=parent
    )

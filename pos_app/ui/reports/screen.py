"""The reports screen (F4 from the counter, Esc closes): the X report of the open period, the
cash counted, the closing of the day with a numbered Z report, and the Z reports made before.

The report is shown as it prints (drawn by ``receipts.report_render``, in the receipts'
language). Every store read and write runs on the window's worker pool; the drawing runs
here, on the GUI thread; the bytes go to the printer on the worker pool. Closing the period
asks for a confirmation first: a Z report is stored once and can never be changed. Past Z
reports can be shown, printed again and saved as PDF.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.reports import Report
from pos_app.orders.offload import Offloader
from pos_app.receipts.escpos import receipt_stream
from pos_app.receipts.job import pdf_folder
from pos_app.receipts.printers import PrinterError, send
from pos_app.receipts.raster import WIDTH_80MM
from pos_app.receipts.render import to_raster, write_image_pdf
from pos_app.receipts.report_model import (
    check_chain,
    close_period,
    open_period_report,
    parse_cash,
    with_cash,
)
from pos_app.receipts.report_render import (
    ReportLanguage,
    draw_report,
    print_report_system,
)
from pos_app.receipts.settings import ReceiptOutput, ReceiptSettings
from pos_app.store import ChainCheck, Store, ZRecord
from pos_app.ui.access.gate import REPORT_PDF, Z_CLOSE, ManagerActions
from pos_app.ui.i18n import ltr, translate
from pos_app.ui.printing.queue import PrinterBusyError, PrinterQueue, PrinterTurn
from pos_app.ui.printing.service import printer_text

log = logging.getLogger(__name__)

Spawn = Callable[[Coroutine[Any, Any, Any]], None]
BALANCE_WAIT: Final = 8.0
"""Seconds a fresh balance reading is awaited before a report is made without it."""
TIME_FORMAT: Final = "%Y-%m-%d %H:%M"


class ReportScreen(QDialog):
    """X report, cash counted, Z closing and past Z reports (see the module's docstring)."""

    z_did_close = Signal(object)
    """A ``ZRecord``: a period was closed and its Z report stored."""
    message = Signal(str, int)
    """A status text for the window and how long to show it (ms; 0: until the next)."""

    def __init__(
        self,
        store: Store,
        executor: Offloader,
        spawn: Spawn,
        *,
        counter: str,
        settings: ReceiptSettings | None,
        language: str = "en",
        refresh_balance: Callable[[], Awaitable[object]] | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        tz: tzinfo | None = None,
        printer_queue: PrinterQueue | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``counter``: who closes a period; ``settings``: where reports print (None: not
        set up); ``language``: of the drawn report; ``refresh_balance``: asks the supplier
        for the balance (stored as a reading) before a report is made; ``printer_queue``:
        the line to the printer shared with the receipts (None: one of its own)."""
        super().__init__(parent)
        self.setObjectName("reportScreen")
        self.setWindowTitle(translate("ReportScreen", "Reports: X and Z"))
        self.resize(1000, 720)
        self.store = store
        self.executor = executor
        self._spawn = spawn
        self.counter = counter
        self.settings = settings
        self.wording = ReportLanguage.load(language)
        self._refresh_balance = refresh_balance
        self._now = now
        self._tz = tz
        self.printer_queue = printer_queue if printer_queue is not None else PrinterQueue()
        self.report: Report | None = None
        """The report shown (an X of the open period, or a stored Z)."""
        self.shown_z: int | None = None
        """The number of the Z report shown; None while the X report shows."""
        self.busy = False
        self.z_records: list[ZRecord] = []
        self.manager_actions = ManagerActions(spawn, self._say)
        """Closing a period is a manager's (its gate: the opener's)."""

        self.heading = QLabel(self)
        self.heading.setObjectName("reportHeading")
        self.heading.setWordWrap(True)
        self.picture = QLabel(self)
        self.picture.setObjectName("reportPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(WIDTH_80MM + 2 * scroll.frameWidth() + 24)  # the paper, whole
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Down scroll it

        self.refresh_button = QPushButton(
            translate("ReportScreen", "&Refresh the X report (F5)"), self
        )
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        cash_label = QLabel(translate("ReportScreen", "&Cash counted (DA):"), self)
        self.cash = QLineEdit(self)
        self.cash.setObjectName("cashCounted")
        self.cash.setPlaceholderText(translate("ReportScreen", "whole dinars, e.g. 12500"))
        self.cash.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        cash_label.setBuddy(self.cash)
        self.cash_problem = QLabel(self)
        self.cash_problem.setObjectName("cashProblem")
        self.cash.textChanged.connect(self._cash_changed)
        self.close_button = QPushButton(translate("ReportScreen", "Close the &day (Z)…"), self)
        self.close_button.setObjectName("closeDay")
        self.close_button.clicked.connect(self.ask_close)

        self.confirm = QWidget(self)
        self.confirm.setObjectName("confirmZ")
        self.confirm_text = QLabel(self.confirm)
        self.confirm_text.setWordWrap(True)
        self.confirm_button = QPushButton(
            translate("ReportScreen", "&Yes, close the period"), self.confirm
        )
        self.confirm_button.setObjectName("confirmClose")
        self.confirm_button.clicked.connect(self.close_day)
        self.cancel_button = QPushButton(translate("ReportScreen", "&No"), self.confirm)
        self.cancel_button.clicked.connect(self.cancel_close)
        confirm_layout = QVBoxLayout(self.confirm)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_layout.addWidget(self.confirm_text)
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addWidget(self.confirm_button)
        confirm_buttons.addWidget(self.cancel_button)
        confirm_layout.addLayout(confirm_buttons)
        self.confirm.setVisible(False)

        self.print_button = QPushButton(translate("ReportScreen", "&Print"), self)
        self.print_button.setObjectName("printReport")
        self.print_button.clicked.connect(self.print_shown)
        self.pdf_button = QPushButton(translate("ReportScreen", "&Save as PDF…"), self)
        self.pdf_button.setObjectName("saveReportPdf")
        self.pdf_button.clicked.connect(self._choose_pdf)
        past_label = QLabel(translate("ReportScreen", "Past &Z reports:"), self)
        self.past = QListWidget(self)
        self.past.setObjectName("pastZ")
        past_label.setBuddy(self.past)
        self.past.itemActivated.connect(self._past_chosen)
        self.past.currentItemChanged.connect(lambda item, _old: self._past_chosen(item))
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.chain_status = QLabel(self)
        self.chain_status.setObjectName("chainStatus")
        self.chain_status.setWordWrap(True)
        self.chain_check: ChainCheck | None = None
        """The last check of the journal's chain (made at each refresh and before a Z)."""
        close = QPushButton(translate("ReportScreen", "Close (Esc)"), self)
        close.clicked.connect(self.reject)

        side = QVBoxLayout()
        side.addWidget(self.refresh_button)
        side.addSpacing(12)
        side.addWidget(cash_label)
        side.addWidget(self.cash)
        side.addWidget(self.cash_problem)
        side.addWidget(self.close_button)
        side.addWidget(self.confirm)
        side.addSpacing(12)
        side.addWidget(self.print_button)
        side.addWidget(self.pdf_button)
        side.addSpacing(12)
        side.addWidget(past_label)
        side.addWidget(self.past, 1)
        side.addWidget(self.chain_status)
        side.addWidget(self.status)
        side.addWidget(close)
        body = QHBoxLayout()
        body.addWidget(scroll, 0)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        self._update_controls()

    # -- what the screen shows ---------------------------------------------------------------

    def _moment(self, at: datetime) -> str:
        return ltr(at.astimezone(self._tz).strftime(TIME_FORMAT))

    def _show(self, report: Report) -> None:
        self.report = report
        self.shown_z = report.number if report.kind == "Z" else None
        if report.kind == "Z":
            self.heading.setText(
                translate(
                    "ReportScreen", "Z report no. {number}: stored, it cannot be changed."
                ).format(number=ltr(str(report.number)))
            )
        else:
            self.heading.setText(
                translate(
                    "ReportScreen",
                    "X report of the open period, since {since} (nothing is closed).",
                ).format(since=self._moment(report.since))
            )
        image = draw_report(report, WIDTH_80MM, self.wording, tz=self._tz)
        self.picture.setPixmap(QPixmap.fromImage(image))
        self._update_controls()

    def _show_chain(self, check: ChainCheck) -> None:
        """The line about the journal's chain: its rows and head, or where it breaks (for
        the manager; selling goes on either way)."""
        self.chain_check = check
        if check.ok:
            text = translate(
                "ReportScreen", "Journal: {rows} rows, chain head {head}: intact."
            ).format(rows=ltr(str(check.rows)), head=ltr(check.head_short))
            self.chain_status.setStyleSheet("")
        else:
            where = check.first_break.describe() if check.first_break is not None else ""
            text = translate(
                "ReportScreen",
                "The journal was changed outside the app: {where} (run pos-app verify).",
            ).format(where=ltr(where))
            self.chain_status.setStyleSheet("color: #b00020; font-weight: bold;")
        self.chain_status.setText(text)

    def _say(self, text: str, timeout: int = 6000) -> None:
        self.status.setText(text)
        self.message.emit(text, timeout)

    def _cash_value(self) -> tuple[int | None, str | None]:
        """The cash typed (None when empty) and what is wrong with it (None when fine)."""
        text = self.cash.text()
        if not text.strip():
            return None, None
        try:
            return parse_cash(text), None
        except ValueError:
            return None, translate(
                "ReportScreen", "Type the cash counted in whole dinars, digits only."
            )

    def _cash_changed(self) -> None:
        cash, problem = self._cash_value()
        self.cash_problem.setText(problem or "")
        self.cash_problem.setVisible(problem is not None)
        if problem is None and self.report is not None and self.report.kind == "X":
            self._show(with_cash(self.report, cash))
        self._update_controls()

    def _update_controls(self) -> None:
        _, problem = self._cash_value()
        x_shown = self.report is not None and self.report.kind == "X"
        self.refresh_button.setEnabled(not self.busy)
        self.close_button.setEnabled(not self.busy and problem is None and x_shown)
        self.confirm_button.setEnabled(not self.busy and problem is None)
        self.print_button.setEnabled(not self.busy and self.report is not None)
        self.pdf_button.setEnabled(not self.busy and self.report is not None)

    # -- work ----------------------------------------------------------------------------------

    def open_screen(self) -> None:
        """Show the screen with a fresh X report and the list of past Z reports."""
        self.cancel_close()
        self.show()
        self.raise_()
        self.activateWindow()
        self.cash.setFocus()
        self.refresh()

    def refresh(self) -> None:
        """Make the X report of the open period again (after a fresh balance reading)."""
        if self.busy:
            return
        self._set_busy(True)
        self._spawn(self._refresh())

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_controls()

    async def _fresh_balance(self) -> None:
        if self._refresh_balance is None:
            return
        try:
            await asyncio.wait_for(self._refresh_balance(), BALANCE_WAIT)
        except Exception:  # noqa: BLE001 - offline: the report uses the last reading stored
            log.warning("balance not refreshed before the report")

    async def _refresh(self) -> None:
        try:
            self._say(translate("ReportScreen", "Making the X report…"), 0)
            await self._fresh_balance()
            report = await self.executor.run(lambda: open_period_report(self.store))
            records = await self.executor.run(self.store.z_reports)
            check = await self._check_chain()
        except Exception as exc:  # noqa: BLE001 - said once, never fatal
            log.error("X report not made: %s", type(exc).__name__)
            self._say(translate("ReportScreen", "The report could not be made (see the log)."), 0)
            return
        finally:
            self._set_busy(False)
        self._list_past(records)
        self._show_chain(check)
        cash, problem = self._cash_value()  # as typed now (it may change while the X is made)
        self._show(report if problem is not None else with_cash(report, cash))
        self._say(translate("ReportScreen", "X report made."))

    async def _check_chain(self) -> ChainCheck:
        """Verify the chains on the worker pool (a million rows take a second or more: the
        window stays live), saying so meanwhile."""
        text = translate("ReportScreen", "Checking the journal…")
        self.chain_status.setStyleSheet("")
        self.chain_status.setText(text)
        self._say(text, 0)
        return await self.executor.run(lambda: check_chain(self.store))

    def _list_past(self, records: list[ZRecord]) -> None:
        self.z_records = records
        self.past.blockSignals(True)
        self.past.clear()
        for record in reversed(records):
            text = translate(
                "ReportScreen", "Z {number}: {opened} to {closed}, counter {counter}"
            ).format(
                number=ltr(str(record.number)),
                opened=self._moment(record.opened_at),
                closed=self._moment(record.closed_at),
                counter=ltr(record.counter),
            )
            item = QListWidgetItem(text, self.past)
            item.setData(Qt.ItemDataRole.UserRole, record.number)
        self.past.setCurrentRow(-1)
        self.past.blockSignals(False)

    def _past_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        number = item.data(Qt.ItemDataRole.UserRole)
        self.show_z(int(number))

    def show_z(self, number: int) -> bool:
        """Show the stored Z report ``number`` (False when there is none)."""
        for record in self.z_records:
            if record.number == number:
                self.cancel_close()
                self._show(record.report())
                return True
        return False

    # -- closing the period -------------------------------------------------------------------

    def ask_close(self) -> None:
        """Close the day: ask for confirmation first (nothing is stored yet)."""
        cash, problem = self._cash_value()
        if problem is not None or self.report is None or self.report.kind != "X":
            return
        counted = (
            translate("ReportScreen", "no cash count")
            if cash is None
            else translate("ReportScreen", "cash counted {amount} DA").format(
                amount=ltr(f"{cash:,}")
            )
        )
        self.confirm_text.setText(
            translate(
                "ReportScreen",
                "Close the period now, with {counted}? The Z report is stored and can never "
                "be changed; a new period opens.",
            ).format(counted=counted)
        )
        self.confirm.setVisible(True)
        self.cancel_button.setFocus()  # Enter on a stray key press does not close the day

    def cancel_close(self) -> None:
        """Leave the period open."""
        self.confirm.setVisible(False)

    def close_day(self) -> None:
        """The confirmation was given: close the period and store its Z report."""
        cash, problem = self._cash_value()
        if self.busy or problem is not None or not self.confirm.isVisible():
            return
        detail = None if cash is None else {"cash_counted": cash}
        if self.manager_actions.held(Z_CLOSE, detail, self, self.close_day):
            return  # the confirmation stays until a manager allowed it (or not)
        self.confirm.setVisible(False)
        self._set_busy(True)
        self._spawn(self._close(cash))

    async def _close(self, cash: int | None) -> None:
        try:
            self._say(translate("ReportScreen", "Closing the period…"), 0)
            await self._fresh_balance()
            check = await self._check_chain()
            self._say(translate("ReportScreen", "Closing the period…"), 0)
            record: ZRecord = await self.executor.run(
                lambda: close_period(
                    self.store, counter=self.counter, cash_counted=cash, check=check
                )
            )
        except Exception as exc:  # noqa: BLE001 - nothing was closed: said, never fatal
            log.error("period not closed: %s", type(exc).__name__)
            self._say(translate("ReportScreen", "The period was not closed (see the log)."), 0)
            self._set_busy(False)
            return
        try:
            records = await self.executor.run(self.store.z_reports)
        except Exception as exc:  # noqa: BLE001 - the Z is stored; the list waits
            log.error("Z reports not listed: %s", type(exc).__name__)
            records = [*self.z_records, record]
        finally:
            self._set_busy(False)
        self.cash.blockSignals(True)
        self.cash.clear()  # the next period starts with no count
        self.cash.blockSignals(False)
        self._list_past(records)
        self._show(record.report())
        self._show_chain(check)
        self._say(
            translate("ReportScreen", "Z report no. {number} stored.").format(number=record.number),
            0,
        )
        self.print_button.setFocus()
        self.z_did_close.emit(record)

    # -- print and PDF ------------------------------------------------------------------------

    def _choose_pdf(self) -> None:
        if self.report is None:
            return
        detail = {"kind": self.report.kind}
        if self.manager_actions.held(REPORT_PDF, detail, self, self._choose_pdf):
            return  # costs and margin: a manager's (asked first, the file chosen after)
        name = f"report-{self._file_stem(self.report)}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("ReportScreen", "Save the report as PDF"),
            name,
            translate("ReportScreen", "PDF files (*.pdf)"),
        )
        if path:
            self.save_pdf(Path(path))

    def _file_stem(self, report: Report) -> str:
        if report.kind == "Z":
            return f"Z{report.number:05d}"
        return "X-" + report.until.astimezone(self._tz).strftime("%Y%m%d-%H%M")

    def save_pdf(self, path: Path) -> bool:
        """Write the report shown to ``path`` as a PDF (A4); True when written (False too
        while a manager is asked to allow it: then it is written once they did)."""
        if self.report is None:
            return False
        detail = {"kind": self.report.kind}
        if self.manager_actions.held(REPORT_PDF, detail, self, lambda: self.save_pdf(path)):
            return False
        image = draw_report(self.report, WIDTH_80MM, self.wording, tz=self._tz)
        try:
            write_image_pdf(image, path, "A4")
        except OSError:
            self._say(
                translate("ReportScreen", "The PDF could not be written to {path}.").format(
                    path=str(path)
                ),
                0,
            )
            return False
        self._say(translate("ReportScreen", "Report saved as {path}.").format(path=str(path)))
        return True

    def print_shown(self) -> None:
        """Print the report shown on the receipt printer (never on the GUI thread), in its
        turn after the receipts and reports already in the printer's line."""
        if self.report is None or self.busy:
            return
        running = self.printer_queue.busy
        try:
            turn = self.printer_queue.join()
        except PrinterBusyError:
            self._say(
                translate(
                    "ReportScreen",
                    "A print is still running and others wait: the report was not printed. "
                    "Print it again once they are done.",
                ),
                0,
            )
            return
        if running:
            self._say(
                translate("ReportScreen", "A print is still running: the report prints after it."),
                0,
            )
        self._set_busy(True)
        self._spawn(self._print(self.report, turn))

    async def _print(self, report: Report, turn: PrinterTurn) -> None:
        try:
            async with turn:
                await self._print_now(report)
        except PrinterError as exc:
            self._say(
                translate("ReportScreen", "The report was not printed. {reason}").format(
                    reason=exc.translated(printer_text)
                ),
                0,
            )
        except Exception as exc:  # noqa: BLE001 - a bug or a full disk: said, never fatal
            log.error("report not printed: %s", type(exc).__name__)
            self._say(
                translate(
                    "ReportScreen", "The report was not printed: unexpected error (see the log)."
                ),
                0,
            )
        else:
            self._say(translate("ReportScreen", "Report printed."))
        finally:
            turn.leave()
            self._set_busy(False)

    async def _print_now(self, report: Report) -> None:
        settings = self.settings
        if settings is None or not settings.prints:
            raise PrinterError("not_configured", settings.printer.name if settings else "")
        image = draw_report(report, settings.width_px, self.wording, tz=self._tz,
                            printed_at=self._now())  # fmt: skip
        if settings.output is ReceiptOutput.ESCPOS:
            data = receipt_stream(to_raster(image), mode=settings.printer.mode)
            await self.executor.run(send, settings.printer, data)
        elif settings.output is ReceiptOutput.PDF:
            folder = pdf_folder(settings)
            try:
                folder.mkdir(parents=True, exist_ok=True)
                write_image_pdf(image, folder / f"report-{self._file_stem(report)}.pdf", "roll")
            except OSError:
                raise PrinterError("not_writable", str(folder)) from None
        else:
            name = settings.system_printer
            try:
                print_report_system(image, name, f"report {self._file_stem(report)}")
            except OSError:
                raise PrinterError("not_found", name or "(system default)") from None

"""The receipt settings as the app reads them: the shop header, the receipt's language, width
and options, where receipts go, and the receipt printer. No Qt.

Every value comes through the store's one reading of the settings
(``store.settings.read_preference``: environment, stored value, default), so the window,
``pos-app receipt`` and ``pos-app config`` agree; the keys and their checks are listed in
``store.settings.PREFERENCES`` (``shop.*``, ``receipt.*``, ``printer.*``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Final

from pos_app.receipts.model import ShopHeader
from pos_app.receipts.printers import PrinterConfig
from pos_app.receipts.raster import PAPER_WIDTHS
from pos_app.receipts.texts import LANGUAGES
from pos_app.store.settings import Stored, get_preference

RECEIPTS_FOLDER: Final = "receipts"
"""The folder under the data folder that ``receipt.output pdf`` writes to by default."""


class ReceiptOutput(StrEnum):
    """Where a printed receipt goes."""

    ESCPOS = "escpos"  # the thermal printer of the printer.* settings
    SYSTEM = "system"  # a printer of the operating system (its driver), through Qt
    PDF = "pdf"  # a PDF file in receipt.pdf_folder
    NONE = "none"  # nowhere: printing is off


@dataclass(frozen=True, slots=True)
class ReceiptSettings:
    """How this counter prints receipts (read with :meth:`read`)."""

    shop: ShopHeader
    language: str
    """en, fr or ar."""
    width_mm: int
    """58 or 80: the paper of PDF and system prints (an ESC/POS printer uses its own)."""
    mask_number: bool
    auto_print: bool
    """Print the receipt when a sale is fulfilled."""
    auto_claim: bool
    """Print a claim slip when a sale is queued or left for the manager."""
    output: ReceiptOutput
    printer: PrinterConfig
    pdf_folder: Path | None = None
    """None: ``receipts/`` in the data folder."""
    system_printer: str | None = None
    """None: the system's default printer."""
    training: bool = False
    """Training mode: every slip says it is not a sale and worth nothing."""

    @property
    def width_px(self) -> int:
        """Dots across the receipt as drawn for this output: the ESC/POS printer's paper, or
        ``width_mm`` for the others."""
        if self.output is ReceiptOutput.ESCPOS:
            return self.printer.width_dots
        return PAPER_WIDTHS[self.width_mm]

    @property
    def prints(self) -> bool:
        """Whether receipts go anywhere (an output set, and for ESC/POS a printer set up)."""
        if self.output is ReceiptOutput.NONE:
            return False
        return self.output is not ReceiptOutput.ESCPOS or self.printer.kind != "none"

    @classmethod
    def read(
        cls,
        stored: Stored,
        *,
        window_language: str | None = None,
        env: Mapping[str, str] = os.environ,
    ) -> ReceiptSettings:
        """The settings from ``stored`` (an open store, settings already read, or None).
        ``receipt.language`` unset: ``window_language``, else the ``language`` setting, else
        English. Raises ValueError naming the key of a printer setting that cannot be used
        with the others (a network printer without a host, say)."""

        def get(key: str) -> str | None:
            return get_preference(stored, key, env)

        language = get("receipt.language") or window_language or get("language") or "en"
        if language not in LANGUAGES:
            language = "en"
        printer = PrinterConfig.from_settings(get)
        width = get("receipt.width")
        logo = get("shop.logo")
        folder = get("receipt.pdf_folder")
        return cls(
            shop=ShopHeader(
                name=get("shop.name") or "",
                address=get("shop.address") or "",
                phone=get("shop.phone") or "",
                logo=Path(logo) if logo else None,
            ),
            language=language,
            width_mm=int(width) if width else printer.paper_mm,
            mask_number=get("receipt.mask_number") == "true",
            auto_print=get("receipt.auto_print") == "true",
            auto_claim=get("receipt.auto_claim") == "true",
            output=ReceiptOutput(get("receipt.output") or ReceiptOutput.ESCPOS),
            printer=printer,
            pdf_folder=Path(folder) if folder else None,
            system_printer=get("receipt.system_printer"),
        )

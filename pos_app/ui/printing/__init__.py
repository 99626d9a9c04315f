"""Receipt printing in the window: the print service and its Reprint action (F9)."""

from pos_app.ui.printing.queue import PrinterBusyError, PrinterQueue, PrinterTurn
from pos_app.ui.printing.reprint import ReprintControl, install_printing, selected_ref
from pos_app.ui.printing.service import PrintService, open_print_service

__all__ = [
    "PrintService",
    "PrinterBusyError",
    "PrinterQueue",
    "PrinterTurn",
    "ReprintControl",
    "install_printing",
    "open_print_service",
    "selected_ref",
]

"""The X and Z reports screen (F4 from the counter) and its wiring into the window.

The screen's module (and with it the receipts' renderer, qrcode and Pillow) is imported at
the first F4, not when the window starts: ``ReportScreen`` is looked up on first use."""

from typing import TYPE_CHECKING

from pos_app.ui.reports.opener import ReportsOpener, install_reports

if TYPE_CHECKING:
    from pos_app.ui.reports.screen import ReportScreen

__all__ = ["ReportScreen", "ReportsOpener", "install_reports"]


def __getattr__(name: str) -> object:
    if name == "ReportScreen":
        from pos_app.ui.reports.screen import ReportScreen

        return ReportScreen
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The X and Z reports screen (F4 from the counter) and its wiring into the window."""

from pos_app.ui.reports.opener import ReportsOpener, install_reports
from pos_app.ui.reports.screen import ReportScreen

__all__ = ["ReportScreen", "ReportsOpener", "install_reports"]

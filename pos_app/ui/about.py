"""The app's face outside its screens: the window icon and the About box (F1) with the version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from pos_app import __version__
from pos_app.assets import ICON_SIZES, icon_file
from pos_app.ui.i18n import ltr, translate

if TYPE_CHECKING:
    from PySide6.QtGui import QShortcut
    from PySide6.QtWidgets import QMessageBox

ABOUT_KEY = "F1"


def application_icon() -> QIcon:
    """The app's icon, one PNG per size (no SVG support needed at run time)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_file(size)))
    return icon


def show_about(parent: QWidget) -> QMessageBox:
    """Open the About box over ``parent`` (window-modal, it closes itself); return it.
    ``QMessageBox`` is imported here: making its Python type costs the first paint ~4 ms."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("aboutBox")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setWindowTitle(translate("About", "About pos-app"))
    box.setIconPixmap(application_icon().pixmap(64, 64))
    box.setText(translate("About", "Top-up counter for Algérie Télécom ADSL and 4G cards"))
    box.setInformativeText(translate("About", "Version {version}").format(version=ltr(__version__)))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def install_about(window: QWidget) -> QShortcut:
    """F1 in ``window`` opens the About box."""
    from PySide6.QtGui import QKeySequence, QShortcut

    shortcut = QShortcut(QKeySequence(ABOUT_KEY), window)
    shortcut.activated.connect(lambda: show_about(window))
    return shortcut

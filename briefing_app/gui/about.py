"""Help > About: the app's version, the Qt, PySide6 and Python it runs on, and where its log file is (the
path selectable and copyable, a button to open its folder), so a user can send the log with a report."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
)

from .. import __version__
from ..core.logs import log_file

APP_NAME = "briefing-app"


def versions() -> str:
    """E.g. "Qt 6.7.2, PySide6 6.7.2, Python 3.11.7"."""
    return f"Qt {qVersion()}, PySide6 {PySide6.__version__}, Python {platform.python_version()}"


class AboutDialog(QDialog):
    def __init__(self, parent: QMainWindow | None = None, log_path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.log_path = log_path or log_file()
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{APP_NAME} {__version__}</b>")
        blurb = QLabel("Turns an article into a structured, cited brief, entirely on this computer.")
        self.versions = QLabel(versions())
        for label in (blurb, self.versions):
            label.setTextFormat(Qt.PlainText)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(title)
        layout.addWidget(blurb)
        layout.addWidget(self.versions)
        layout.addSpacing(8)
        layout.addWidget(QLabel("The log (files opened, saved and exported, and errors; never their text):"))
        self.log_field = QLineEdit(str(self.log_path))
        self.log_field.setReadOnly(True)  # selectable and copyable, not editable
        self.log_field.setMinimumWidth(
            min(640, self.log_field.fontMetrics().horizontalAdvance(str(self.log_path)) + 24)
        )
        self.log_field.setCursorPosition(0)
        layout.addWidget(self.log_field)
        self.note = QLabel("")
        self.note.setTextFormat(Qt.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.open_folder_button = QPushButton("&Open log folder")
        self.open_folder_button.setToolTip("Show the log's folder in the file manager")
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ActionRole)
        self.open_folder_button.clicked.connect(self.open_log_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_log_folder(self) -> bool:
        """Open the log's folder in the file manager; with none to be found, say so under the path."""
        folder = self.log_path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)  # nothing logged yet: the folder may not be there
        except OSError:
            pass
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        self.note.setText("No file manager could open the folder. The path above can be selected and copied.")
        self.note.show()
        return False


def show_about(window: QMainWindow) -> AboutDialog:
    """Help > About, window-modal and not blocking; kept as ``window.about_dialog``."""
    dialog = AboutDialog(window)
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.finished.connect(lambda _: setattr(window, "about_dialog", None))
    window.about_dialog = dialog
    dialog.open()
    return dialog

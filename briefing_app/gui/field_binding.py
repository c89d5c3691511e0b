"""Text widgets bound to one value in the model: typing commits after a short pause or on leaving the
field, never on every key, and a value coming back from the model (undo) never moves the cursor of a
widget that already shows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

COMMIT_DELAY_MS = 700


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    return widget.text()


def show_text(widget: QWidget, value: str) -> None:
    """Show ``value`` unless the widget already does (so the cursor stays where the user left it)."""
    if widget_text(widget) == value:
        return
    blocked = widget.blockSignals(True)
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        widget.setCurrentText(value)
    else:
        widget.setText(value)
    widget.blockSignals(blocked)


class FieldBinding(QObject):
    """Calls ``commit(value)`` when the user has changed ``widget`` and paused, or left it."""

    def __init__(self, widget: QWidget, commit: Callable[[str], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self._commit = commit
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        if isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._timer.start)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(self._timer.start)
            widget.lineEdit().editingFinished.connect(self.flush)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._timer.start)
            widget.editingFinished.connect(self.flush)
        widget.installEventFilter(self)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Commit now if the user changed the widget since the last commit."""
        if self._timer.isActive():
            self._timer.stop()
        self._commit(widget_text(self.widget))

    def eventFilter(self, obj: QObject, event) -> bool:
        if event.type() == event.Type.FocusOut and self._timer.isActive():
            self.flush()
        return False

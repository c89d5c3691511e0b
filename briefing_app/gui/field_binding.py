"""Text widgets bound to one value in the model: typing commits after a short pause or on leaving the
field, never on every key, and a value coming back from the model (undo) never moves the cursor of a
widget that already shows it.

With :meth:`FieldBinding.share_undo`, the field has no undo history of its own: Ctrl+Z, Ctrl+Shift+Z and
Ctrl+Y in it (and Undo/Redo in its context menu) commit what was typed and then undo or redo on the
brief's stack, the one the toolbar and the Edit menu show. Two histories, one per editor and one for
the brief, would undo different things for the same key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
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


def undo_key(event: QKeyEvent) -> str | None:
    """Whether ``event`` is an undo or a redo key ("undo", "redo", else None): the platform's own, and
    Ctrl+Shift+Z and Ctrl+Y as the window's Redo action has them."""
    if event.matches(QKeySequence.Undo):
        return "undo"
    if event.matches(QKeySequence.Redo):
        return "redo"
    modifiers = event.modifiers() & ~Qt.KeypadModifier
    if event.key() == Qt.Key_Z and modifiers == Qt.ControlModifier:
        return "undo"
    if (event.key(), modifiers) in ((Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier), (Qt.Key_Y, Qt.ControlModifier)):
        return "redo"
    return None


class FieldBinding(QObject):
    """Calls ``commit(value)`` when the user has changed ``widget`` and paused, or left it."""

    def __init__(
        self,
        widget: QWidget,
        commit: Callable[[str], None],
        limit: int | None = None,
        cut: Callable[[int], None] | None = None,
    ) -> None:
        """``limit``: the most characters the model holds; longer text (a big paste) is cut to it when
        committed, as a line edit's maximum length cuts a paste, and ``cut`` is told how many characters
        were left out. Refusing it whole lost what was typed with it."""
        super().__init__(widget)
        self.widget = widget
        self._commit = commit
        self._limit, self._cut = limit, cut
        self._undo_stack: QUndoStack | None = None
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
        value = widget_text(self.widget)
        if self._limit is not None and len(value) > self._limit:
            left_out = len(value) - self._limit
            value = value[: self._limit]
            show_text(self.widget, value)
            if self._cut is not None:
                self._cut(left_out)
        self._commit(value)

    def share_undo(self, stack: QUndoStack) -> None:
        """Undo and redo in this field act on ``stack`` (the brief's), never on the widget's own history."""
        self._undo_stack = stack
        if isinstance(self.widget, QPlainTextEdit):
            self.widget.setUndoRedoEnabled(False)
        if isinstance(self.widget, (QLineEdit, QPlainTextEdit)):  # an editable combo box has no menu
            self.widget.setContextMenuPolicy(Qt.CustomContextMenu)
            self.widget.customContextMenuRequested.connect(self._context_menu)

    def undo_or_redo(self, which: str) -> None:
        """Commit what was typed (one command, merged with the field's earlier typing), then undo or redo.
        A commit the model refused has already put the field back: that was the undo."""
        if self._timer.isActive():
            typed = widget_text(self.widget)
            self.flush()
            if widget_text(self.widget) != typed:
                return
        if which == "undo":
            self._undo_stack.undo()
        else:
            self._undo_stack.redo()

    def eventFilter(self, obj: QObject, event) -> bool:
        kind = event.type()
        if self._undo_stack is not None and kind in (QEvent.ShortcutOverride, QEvent.KeyPress):
            which = undo_key(event)
            if which is not None:
                if kind == QEvent.ShortcutOverride:
                    event.accept()  # the key comes here as a key press, not to a window shortcut
                else:
                    self.undo_or_redo(which)
                return True  # and never to the widget's own undo
        if kind == QEvent.FocusOut and self._timer.isActive():
            self.flush()
        return False

    def _context_menu(self, pos) -> None:
        widget = self.widget
        menu = widget.createStandardContextMenu()
        stack = self._undo_stack
        for action in menu.actions():  # the widget's own Undo and Redo give way to the brief's
            which = {"edit-undo": "undo", "edit-redo": "redo"}.get(action.objectName())
            if which is None:
                continue
            text = stack.undoText() if which == "undo" else stack.redoText()
            label = f"&{which.capitalize()} {text}".rstrip()
            ours = QAction(label, menu)
            ours.setEnabled(stack.canUndo() if which == "undo" else stack.canRedo())
            ours.triggered.connect(lambda checked=False, w=which: self.undo_or_redo(w))
            menu.insertAction(action, ours)
            menu.removeAction(action)
        menu.setAttribute(Qt.WA_DeleteOnClose)
        origin = widget.viewport() if isinstance(widget, QPlainTextEdit) else widget
        menu.popup(origin.mapToGlobal(pos))
        self.menu = menu  # for a test to look at

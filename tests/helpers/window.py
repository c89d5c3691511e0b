"""Driving the window as a person does: focus, keys, a selection in the article, items added by Ctrl+1."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from briefing_app.core.document import Document

FACTS = [
    "The Pentagon and NATO confirmed on October 28, 2024, that 10,000 North Korean soldiers have been dispatched",
    "Moscow is reportedly recruiting 30,000 new soldiers each month",
    "the 1.3 million active soldiers of Kim Jong-Un’s military",
]


def activate(qtbot, window):
    """Offscreen there is no window manager to give focus back after a dialog."""
    with qtbot.waitActive(window):
        window.activateWindow()


def select(window, start: int, end: int) -> None:
    """Select characters start..end of the article with a text cursor, as a drag of the mouse would."""
    view = window.article_view
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.KeepAnchor)
    view.setTextCursor(cursor)


def select_text(window, passage: str, trim: int = 0) -> tuple[int, int]:
    text = window.article_view.toPlainText()
    start = text.index(passage)
    select(window, start + trim, start + len(passage) - trim)
    return start, start + len(passage)


def press(qtbot, widget, key, modifier=Qt.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def add_facts(qtbot, window, passages) -> None:
    """Select each passage and press Ctrl+1."""
    for passage in passages:
        select_text(window, passage)
        press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)


def undo_in_a_field(qtbot, window):
    """Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y typed in the BLUF and the title act on the brief's one history."""
    brief = window.document.brief
    add_facts(qtbot, window, FACTS[:1])
    window.brief_pane.setCurrentIndex(1)
    bluf = window.brief_pane.field_editors["bluf"]
    bluf.setFocus()
    qtbot.waitUntil(bluf.hasFocus)
    qtbot.keyClicks(bluf, "Troops reach Russia.")
    press(qtbot, bluf, Qt.Key_Z, Qt.ControlModifier)  # at once: the typing is committed, then undone
    assert brief.bluf == "" and bluf.toPlainText() == ""
    assert window.undo_stack.canRedo()  # the brief's redo, as the toolbar shows it
    assert window.redo_action.toolTip().startswith(f"Redo {window.undo_stack.redoText()}")
    press(qtbot, bluf, Qt.Key_Z, Qt.ControlModifier)  # the next undo is the brief's previous step
    assert not brief.key_facts
    press(qtbot, bluf, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert len(brief.key_facts) == 1
    press(qtbot, bluf, Qt.Key_Y, Qt.ControlModifier)
    assert brief.bluf == "Troops reach Russia." and bluf.toPlainText() == "Troops reach Russia."
    assert not bluf.document().isUndoAvailable()  # the editor keeps no history of its own

    title = window.brief_pane.field_editors["title"]
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    old = brief.title
    title.selectAll()
    qtbot.keyClicks(title, "Troops")
    press(qtbot, title, Qt.Key_Z, Qt.ControlModifier)
    assert brief.title == old and title.text() == old
    press(qtbot, title, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert brief.title == "Troops" and title.text() == "Troops"


def ready(qtbot, window):
    """Wait for the engine (it runs in a worker thread) and show the Suggestions tab."""
    qtbot.waitUntil(lambda: not window.suggesting.busy and bool(window.suggestions), timeout=20_000)
    window.brief_pane.setCurrentWidget(window.suggestions_pane)
    pane = window.suggestions_pane
    pane.list.setFocus()
    return pane


def show(qtbot, window, brief):
    """``brief`` in the window, with a fresh history, and the window active for its keys."""
    window.set_document(Document(brief))
    activate(qtbot, window)
    return brief


def alt(qtbot, key) -> None:
    """Alt+``key`` where the keyboard focus is (a tab's or a label's mnemonic)."""
    press(qtbot, QApplication.focusWidget() or QApplication.activeWindow(), key, Qt.AltModifier)


def focused(qtbot, widget) -> None:
    qtbot.waitUntil(widget.hasFocus)

"""Keys as an X11 user presses them (run by test_xcb_platform.py on the xcb platform under Xvfb).

The offscreen platform has other standard key bindings: Redo was dead on X11 while every offscreen
test passed."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from briefing_app.core.brief import KEY_FACTS

from helpers.window import FACTS, add_facts, press, select_text

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def active(window, qtbot):
    """Keys reach the window the X server gives focus to (no window manager runs under Xvfb)."""
    with qtbot.waitActive(window):
        window.activateWindow()


def test_the_platform_is_xcb():
    assert QGuiApplication.platformName() == "xcb"


@pytest.mark.parametrize("redo", [(Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier), (Qt.Key_Y, Qt.ControlModifier)])
def test_undo_and_redo_from_the_keyboard_outside_a_text_field(window, qtbot, redo):
    brief = window.document.brief
    add_facts(qtbot, window, FACTS[:2])
    assert len(brief.key_facts) == 2
    window.brief_pane.lists[KEY_FACTS].setFocus()  # outside a text field: the window's shortcuts act
    target = window.brief_pane.lists[KEY_FACTS]
    press(qtbot, target, Qt.Key_Z, Qt.ControlModifier)
    assert len(brief.key_facts) == 1
    press(qtbot, target, *redo)
    assert len(brief.key_facts) == 2


def test_ctrl_1_adds_what_the_user_selected_after_a_suggestion_was_current(window, qtbot):
    qtbot.waitUntil(lambda: not window.suggesting.busy and bool(window.suggestions), timeout=20_000)
    pane = window.suggestions_pane
    window.brief_pane.setCurrentWidget(pane)
    pane.list.setCurrentRow(0)
    first = pane.list.suggestion_at(0)
    window.brief_pane.setCurrentIndex(0)  # back to Items
    start, end = select_text(window, FACTS[1])
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)
    assert [item.text for item in window.document.brief.key_facts] == [FACTS[1]]
    qtbot.waitUntil(lambda: not window._marks_timer.isActive())  # marks and the list are redone after a change
    qtbot.wait(50)
    cursor = window.article_view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (start, end)  # not moved to the suggestion
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)  # same passage: refused, nothing added
    texts = [item.text for item in window.document.brief.key_facts]
    assert first.text not in texts


def test_tab_into_suggestions_then_enter_accepts_the_current_row(window, qtbot):
    qtbot.waitUntil(lambda: not window.suggesting.busy and bool(window.suggestions), timeout=20_000)
    pane = window.suggestions_pane
    window.brief_pane.setCurrentWidget(pane)
    pane.filter.setFocus()
    qtbot.waitUntil(pane.filter.hasFocus)
    press(qtbot, pane.filter, Qt.Key_Tab)
    qtbot.waitUntil(pane.list.hasFocus)
    assert pane.list.currentRow() == 0 and not pane.list.selectionModel().selectedRows()
    first = pane.list.suggestion_at(0)
    press(qtbot, pane.list, Qt.Key_Return)
    assert [item.text for _, item in window.document.brief.all_items()] == [first.text]
    current = pane.list.suggestion_at(pane.list.currentRow())
    pane.list.clearSelection()
    press(qtbot, pane.list, Qt.Key_Delete)
    assert current not in pane.shown()


def test_ctrl_z_in_a_text_field_undoes_on_the_briefs_one_history(window, qtbot):
    from helpers.window import undo_in_a_field

    undo_in_a_field(qtbot, window)

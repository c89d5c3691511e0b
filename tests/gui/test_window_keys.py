"""The README's file and window shortcuts, pressed as a person does, reach the controllers behind the window
(the window is a shell; these keys once lived in it). Run offscreen, and on X11 by tests/gui/xcb/."""

import pytest
from PySide6.QtCore import Qt

from helpers.window import activate, press

pytestmark = pytest.mark.gui

CTRL_SHIFT = Qt.ControlModifier | Qt.ShiftModifier


@pytest.mark.parametrize(
    ("key", "modifier", "title"),
    [(Qt.Key_O, Qt.ControlModifier, "Open"), (Qt.Key_N, Qt.ControlModifier, "New brief from article")],
)
def test_ctrl_o_and_ctrl_n_ask_for_a_file(window, qtbot, key, modifier, title):
    activate(qtbot, window)
    press(qtbot, window.article_view, key, modifier)
    dialog = window.files.open_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == title
    dialog.reject()


def test_ctrl_s_and_ctrl_shift_s_ask_where_to_save(window, qtbot):
    activate(qtbot, window)
    for modifier in (Qt.ControlModifier, CTRL_SHIFT):  # a brief never saved: Ctrl+S asks too
        press(qtbot, window.article_view, Qt.Key_S, modifier)
        dialog = window.files.save_dialog
        assert dialog.isVisible() and dialog.selectedFiles()[0].endswith(".brief")
        dialog.reject()
        activate(qtbot, window)


def test_ctrl_f_opens_the_find_bar(window, qtbot):
    activate(qtbot, window)
    press(qtbot, window.article_view, Qt.Key_F, Qt.ControlModifier)
    assert window.article_pane.find_bar.isVisible()

"""The file and window shortcuts on X11, where Qt's standard keys come from the platform (run by
test_xcb_platform.py; the offscreen platform has no Quit key at all)."""

from PySide6.QtCore import Qt
from test_window_keys import (  # noqa: F401 (collected here too, on the xcb platform)
    test_ctrl_f_opens_the_find_bar,
    test_ctrl_o_and_ctrl_n_ask_for_a_file,
    test_ctrl_s_and_ctrl_shift_s_ask_where_to_save,
)

from helpers.window import activate, press


def test_ctrl_q_quits_at_once_with_nothing_unsaved(window, qtbot):
    activate(qtbot, window)
    press(qtbot, window.article_view, Qt.Key_Q, Qt.ControlModifier)
    assert not window.isVisible()

"""The Brief tab's fields for the PDF's title block, typed as a user does: reached by their Alt keys,
committed on leaving the field, one step of undo each, saved with the brief. tests/gui/xcb/ runs the same
test again on the X11 platform, where mnemonics and focus are the platform's own."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing_app.core.brief_file import load_brief

pytestmark = pytest.mark.gui


def test_prepared_for_and_distribution_are_typed_in_the_brief_tab_and_undone(window, qtbot, tmp_path):
    with qtbot.waitActive(window):
        window.activateWindow()
    pane, brief = window.brief_pane, window.document.brief
    qtbot.keyClick(window.article_view, Qt.Key_B, Qt.AltModifier)  # the Brief tab
    assert pane.currentIndex() == 1
    typed = {"prepared_for": (Qt.Key_P, "Director, Asia desk"), "distribution": (Qt.Key_R, "Asia desk; NATO")}
    for name, (key, value) in typed.items():
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.AltModifier)  # the label's mnemonic
        field = pane.field_editors[name]
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClicks(field, value)
        qtbot.keyClick(field, Qt.Key_Tab)  # leaving the field commits it
        assert getattr(brief, name) == value
    assert window.undo_stack.count() == 2 and window.modified
    window.undo_action.trigger()
    assert brief.distribution == "" and brief.prepared_for == "Director, Asia desk"
    assert pane.field_editors["distribution"].text() == ""
    window.redo_action.trigger()
    assert pane.field_editors["distribution"].text() == "Asia desk; NATO"
    out = tmp_path / "memo.brief"
    window.document.save(out)
    saved, _ = load_brief(out)
    assert (saved.prepared_for, saved.distribution) == ("Director, Asia desk", "Asia desk; NATO")
    window.undo_stack.setClean()  # saved: closing asks nothing

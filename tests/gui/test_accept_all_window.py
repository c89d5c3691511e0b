"""Accept all key facts in the window, as one step of undo (issue 16): every open key fact of the seed becomes
an item in one model call; Ctrl+Z takes them all back and redo puts the same items (the same ids) back, the
item list, the article's marks and the Suggestions list following each step. Run twice: with the items added
and the list updated in the click's own event (a few suggestions), and on the next turn of the event loop
(thousands)."""

import pytest
from PySide6.QtCore import Qt

from briefing_app.core.brief import KEY_FACTS
from briefing_app.gui import suggestions_controller
from briefing_app.gui.highlighter import SUGGESTION

from helpers.window import ready


def marks(window, kind):
    """The spans marked as ``kind`` in the article, in code points."""
    from_qt = window.article_pane.positions.from_qt
    return [(from_qt(a), from_qt(b)) for a, b in window.article_pane.highlighter.spans(kind)]


def settled(qtbot, window, facts_open: bool) -> None:
    """Wait until the lists and the marks show the brief as it is."""
    qtbot.waitUntil(lambda: not window.article_pane.highlighter.busy and not window._marks_timer.isActive())
    window.brief_pane.redraw()
    pane = window.suggestions_pane
    qtbot.waitUntil(lambda: pane.accept_facts_button.isEnabled() == facts_open)


@pytest.mark.parametrize("at_once", [suggestions_controller.AT_ONCE, 0], ids=["in-the-click", "next-turn"])
def test_accept_all_key_facts_is_one_step_undone_and_redone_whole(qtbot, window, monkeypatch, at_once):
    monkeypatch.setattr(suggestions_controller, "AT_ONCE", at_once)
    monkeypatch.setattr(suggestions_controller, "PLAN_STEP", 3)  # the seed's few: planned in several steps
    pane = ready(qtbot, window)
    brief = window.document.brief
    settled(qtbot, window, facts_open=True)
    facts = [s for s in pane.open_suggestions() if s.kind == "key_fact"]
    others = [(s.start, s.end) for s in pane.open_suggestions() if s.kind == "expert_assessment"]
    assert len(facts) > 5 and not brief.items(KEY_FACTS)
    heard = []
    brief.subscribe(heard.append)
    steps = window.undo_stack.count()

    qtbot.mouseClick(pane.accept_facts_button, Qt.LeftButton)
    if not at_once:  # planned in the click, added on the next turn of the event loop
        assert not brief.items(KEY_FACTS)
        errors = []
        window.error_reported.connect(errors.append)
        qtbot.mouseClick(pane.accept_facts_button, Qt.LeftButton)  # a second click meanwhile: nothing twice
        qtbot.waitUntil(lambda: bool(brief.items(KEY_FACTS)))
        qtbot.wait(50)
        assert errors == []  # not "already in the brief" either: the second click was not taken
    added = brief.items(KEY_FACTS)
    assert [(i.start, i.end, i.text) for i in added] == [(s.start, s.end, s.text) for s in facts]
    assert len(heard) == 1 and heard[0].items == added  # one model call, one change told
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == f"Accept {len(facts)} suggestions"
    settled(qtbot, window, facts_open=False)
    list_ = window.brief_pane.lists[KEY_FACTS]
    assert list_.ids() == [i.id for i in added]
    assert marks(window, KEY_FACTS) == [(i.start, i.end) for i in added]
    assert sorted(marks(window, SUGGESTION)) == sorted(others)  # the facts are no longer offered, the rest are
    assert not any(s.kind == "key_fact" for s in pane.shown())

    window.undo_stack.undo()
    assert brief.items(KEY_FACTS) == () and len(heard) == 2 and heard[1].items == added
    settled(qtbot, window, facts_open=True)
    assert list_.count() == 0 and marks(window, KEY_FACTS) == []
    assert [(s.start, s.end) for s in pane.open_suggestions() if s.kind == "key_fact"] == [
        (s.start, s.end) for s in facts
    ]
    assert sorted(marks(window, SUGGESTION)) == sorted([(s.start, s.end) for s in facts] + others)

    window.undo_stack.redo()
    assert brief.items(KEY_FACTS) == added  # the very same items: their ids too
    assert [i.id for i in brief.items(KEY_FACTS)] == [i.id for i in added] and len(heard) == 3
    settled(qtbot, window, facts_open=False)
    assert list_.ids() == [i.id for i in added] and marks(window, KEY_FACTS) == [(i.start, i.end) for i in added]
    assert sorted(marks(window, SUGGESTION)) == sorted(others)

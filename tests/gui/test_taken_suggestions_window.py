"""A suggestion that overlaps an item of the brief is not offered (issue 16 point 2: the pane asks the
model's span index, it keeps no list of its own). Driven as an analyst would: pick part of a suggested
passage with Ctrl+1, see the suggestion leave the list and the article's marks, undo, see it come back."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from briefing_app.gui.highlighter import SUGGESTION

pytestmark = pytest.mark.gui

PASSAGE = "The Pentagon and NATO confirmed"


def offered(window, s) -> bool:
    pane = window.suggestions_pane
    return (
        s in pane.open_suggestions()
        and any((r.start, r.end) == (s.start, s.end) for r in pane.shown())
        and (s.start, s.end) in window.article_pane.highlighter.spans(SUGGESTION)
    )


def test_a_picked_item_takes_the_suggestion_it_overlaps_until_undone(qtbot, window):
    qtbot.waitUntil(lambda: not window.suggesting.busy and bool(window.suggestions), timeout=20_000)
    window.brief_pane.setCurrentWidget(window.suggestions_pane)
    pane = window.suggestions_pane
    (fact,) = [s for s in pane.open_suggestions() if s.text.startswith(PASSAGE)]
    others = [s for s in pane.open_suggestions() if s is not fact and s.kind != "opinion"]
    assert offered(window, fact) and others

    # pick two words from the middle of the suggested passage: a different span, but an overlapping one
    middle = fact.text.index("NATO")
    view = window.article_view
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(fact.start + middle)
    cursor.setPosition(fact.start + middle + len("NATO confirmed"), QTextCursor.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key_1, Qt.ControlModifier)
    (item,) = window.document.brief.key_facts
    assert item.text == "NATO confirmed" and (item.start, item.end) != (fact.start, fact.end)

    # the list and the marks follow the brief once per burst of changes, when the event loop turns
    qtbot.waitUntil(lambda: not offered(window, fact))  # taken: neither listed nor marked nor accepted
    assert all(offered(window, s) for s in others)  # the rest untouched
    qtbot.mouseClick(pane.accept_facts_button, Qt.LeftButton)
    assert not any(i.text == fact.text for i in window.document.brief.key_facts)

    window.undo_stack.undo()  # the "accept all"
    window.undo_stack.undo()  # the pick
    assert not window.document.brief.key_facts
    qtbot.waitUntil(lambda: offered(window, fact))
    assert all(offered(window, s) for s in others)

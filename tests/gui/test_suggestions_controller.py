"""The suggestions controller alone, without the window: a real brief on a real article, the engine run in
its worker, acceptance as one undo step, rejections kept on disk per article text."""

import pytest
from PySide6.QtGui import QUndoStack

from briefing_app.core.brief import KEY_FACTS
from briefing_app.core.document import Document
from briefing_app.core.loaders import load_article
from briefing_app.core.rejections import Rejections
from briefing_app.gui.suggestions_controller import SuggestionsController
from briefing_app.gui.suggestions_pane import SuggestionsPane


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(
        "Ferry strike ends\n\n"
        "The ferry operator said on Monday that 1,200 crossings were cancelled during the 9-day strike.\n\n"
        "Ana Ruiz, head of the Harbour Board, said she expects traffic to recover within a month, "
        "though the backlog will probably last into the summer.\n\n"
        "Freight volumes fell by 35 percent in March compared with a year earlier.\n",
        "utf-8",
    )
    return load_article(path)


@pytest.fixture
def suggesting(qtbot, tmp_path, article):
    pane = SuggestionsPane()
    qtbot.addWidget(pane)
    stack = QUndoStack(pane)
    controller = SuggestionsController(pane, stack, Rejections(tmp_path / "rejected"), pane)
    document = Document.from_article(article)
    controller.show(document.brief, 1)  # the pane is not on screen: nothing starts by itself
    assert pane.status.text() == "Reading the article for suggestions…" and not controller.suggesting.busy
    with qtbot.waitSignal(controller.suggesting.finished, timeout=30_000), qtbot.waitSignal(controller.marks_changed):
        controller.start()
    return controller, document.brief


def test_suggestions_are_worked_out_once_and_marked(suggesting, qtbot, article):
    controller, brief = suggesting
    found = controller.suggestions[article.sha256]
    kinds = {s.kind for s in found}
    assert {"key_fact", "expert_assessment"} <= kinds
    assert controller.pane.list.count() == len(found)
    with qtbot.waitSignal(controller.marks_changed) as marked:
        controller.show(brief, 1)  # known now: listed at once, no second run
    assert not controller.suggesting.busy
    assert marked.args[0] == [(s.start, s.end) for s in controller.pane.open_suggestions() if s.kind != "opinion"]
    assert all(brief.source(1).text[a:b] for a, b in marked.args[0])


def test_accepting_makes_items_in_one_undo_step(suggesting, qtbot):
    controller, brief = suggesting
    facts = [s for s in controller.pane.open_suggestions() if s.kind == "key_fact"]
    with (
        qtbot.waitSignal(controller.accepted),
        qtbot.waitSignal(controller.status) as status,
        qtbot.waitSignal(controller.marks_updated) as remarked,
    ):
        controller.pane.accept_all("key_fact")
    assert [item.text for item in brief.items(KEY_FACTS)] == [s.text for s in facts]
    assert status.args[0] == f"Added {len(facts)} suggestion" + ("s" if len(facts) > 1 else "")
    assert remarked.args == [[(s.start, s.end) for s in facts], []]  # only those: no longer marked
    assert not any(s.kind == "key_fact" for s in controller.pane.open_suggestions())  # taken: off the list
    with qtbot.waitSignal(controller.error) as error:
        controller.accept(facts)
    assert error.args == ["Not added", "Those passages are already in the brief."]
    controller.undo_stack.undo()
    assert brief.items(KEY_FACTS) == ()


def test_a_rejection_is_remembered_for_the_same_text(suggesting, qtbot, tmp_path, article):
    controller, brief = suggesting
    pane = controller.pane
    pane.list.setCurrentRow(0)
    gone = pane.list.suggestion_at(0)
    with qtbot.waitSignal(controller.marks_changed) as marked:
        pane.reject_selected()
    assert (gone.start, gone.end) not in marked.args[0]
    assert Rejections(tmp_path / "rejected").load(article.sha256) == {(gone.start, gone.end)}

    # another pane and controller (a new session) on the same text: still hidden
    again = SuggestionsPane()
    qtbot.addWidget(again)
    later = SuggestionsController(again, QUndoStack(again), Rejections(tmp_path / "rejected"), again)
    later.suggestions.update(controller.suggestions)
    later.show(Document.from_article(article).brief, 1)
    assert gone not in again.open_suggestions() and again.restore_button.isEnabled()

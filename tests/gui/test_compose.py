"""Composing a brief in the window as an analyst does: select, press Ctrl+1 / Ctrl+2, arrange with the
keyboard, undo and redo, save, close and reopen."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS
from briefing_app.core.brief_file import load_brief
from briefing_app.gui.app import open_main_window

from helpers.window import FACTS, activate, add_facts, press, select, select_text, undo_in_a_field

pytestmark = pytest.mark.gui

SOREL = "this is a communication effect from Russia, 10,000 soldiers not being strategically essential"


def add_assessment(qtbot, window, passage: str, speaker: str | None = None):
    select_text(window, passage)
    press(qtbot, window.article_view, Qt.Key_2, Qt.ControlModifier)
    dialog = window.picking.assessment_dialog
    assert dialog is not None and dialog.isVisible()
    if speaker is not None:
        dialog.speaker.setText(speaker)
    press(qtbot, dialog.speaker, Qt.Key_Return)
    assert window.picking.assessment_dialog is None
    activate(qtbot, window)


def test_an_analyst_composes_saves_and_reopens_a_brief(window, qtbot, tmp_path):
    brief = window.document.brief
    activate(qtbot, window)

    # the Sorel quotation, selected a little short at both ends: the span snaps to whole words
    select_text(window, SOREL, trim=3)
    press(qtbot, window.article_view, Qt.Key_2, Qt.ControlModifier)
    dialog = window.picking.assessment_dialog
    assert dialog.speaker.text() == "Jean-Marc Sorel"  # guessed from "according to Jean-Marc Sorel, the director…"
    assert dialog.affiliation.text().startswith("director of the Sorbonne Institute")
    dialog.speaker.clear()
    qtbot.keyClicks(dialog.speaker, "Jean-Marc Sorel")
    press(qtbot, dialog.speaker, Qt.Key_Return)
    activate(qtbot, window)
    (quote,) = brief.expert_assessments
    assert quote.text == SOREL and quote.speaker == "Jean-Marc Sorel" and quote.paragraph == 18

    add_facts(qtbot, window, FACTS)
    assert [it.text for it in brief.key_facts] == FACTS
    assert window.windowTitle().startswith("*")

    # the item list shows them; move the third fact up twice with the keyboard
    facts_list = window.brief_pane.lists[KEY_FACTS]
    assert facts_list.count() == 3
    window.brief_pane.select_item(brief.key_facts[2].id, focus=True)
    press(qtbot, facts_list, Qt.Key_Up, Qt.AltModifier)
    press(qtbot, facts_list, Qt.Key_Up, Qt.AltModifier)
    assert [it.text for it in brief.key_facts] == [FACTS[2], FACTS[0], FACTS[1]]
    assert facts_list.caption(0).startswith("1. the 1.3 million")

    # undo twice (both moves), redo once
    press(qtbot, facts_list, Qt.Key_Z, Qt.ControlModifier)
    press(qtbot, facts_list, Qt.Key_Z, Qt.ControlModifier)
    assert [it.text for it in brief.key_facts] == FACTS
    press(qtbot, facts_list, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert [it.text for it in brief.key_facts] == [FACTS[0], FACTS[2], FACTS[1]]
    expected = brief.snapshot()

    # save: Ctrl+S asks where the first time
    target = tmp_path / "troops.brief"
    press(qtbot, window, Qt.Key_S, Qt.ControlModifier)
    dialog = window.files.save_dialog
    assert dialog.isVisible() and dialog.selectedFiles()[0].endswith(".brief")
    with qtbot.waitSignal(window.saved):
        dialog.selectFile(str(target))
        dialog.accept()
    assert not window.windowTitle().startswith("*")
    assert load_brief(target)[0] == expected

    window.close()
    assert not window.isVisible()  # saved: closing asks nothing
    again = open_main_window(target)
    qtbot.addWidget(again)
    assert again.document.brief == expected
    caption = again.brief_pane.lists[EXPERT_ASSESSMENTS].caption(0)
    assert caption.endswith(
        "— Jean-Marc Sorel, director of the Sorbonne Institute for Research in International Law (IREDIES)"
    )
    again.close()


def click_at(qtbot, window, offset: int, modifier=Qt.NoModifier) -> None:
    """A mouse click on character ``offset`` of the article (Shift: extend the selection to it, as a drag)."""
    view = window.article_view
    cursor = view.textCursor()
    cursor.setPosition(offset)
    rect = view.cursorRect(cursor)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, modifier, rect.center())
    qtbot.wait(300)  # two clicks are not a double click


def test_a_drag_ending_inside_the_last_word_keeps_the_sentences_full_stop(window, qtbot):
    activate(qtbot, window)
    sentence = "Will sending a handful of “helpful” North Koreans change the outcome of the war in Ukraine?"
    start = window.article_view.toPlainText().index(sentence)
    window.article_pane.select_span(start, start)  # scrolled into view
    click_at(qtbot, window, start + 2)  # inside "Will"
    click_at(qtbot, window, start + len(sentence) - 4, Qt.ShiftModifier)  # inside "Ukraine"
    assert window.article_view.textCursor().selectedText() == sentence[2:-4]
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)
    assert [item.text for item in window.document.brief.key_facts] == [sentence]


def test_a_taken_span_is_refused_naming_its_item(window, qtbot):
    activate(qtbot, window)
    select_text(window, FACTS[0])
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)
    start = window.article_view.toPlainText().index(FACTS[0])
    select(window, start + 10, start + 40)
    with qtbot.waitSignal(window.error_reported) as error:
        press(qtbot, window.article_view, Qt.Key_2, Qt.ControlModifier)
    assert error.args[0].startswith("That passage is already in the brief as key fact 1: “The Pentagon")
    assert window.picking.assessment_dialog is None
    assert len(window.document.brief.key_facts) == 1 and not window.document.brief.expert_assessments


def test_nothing_selected_says_what_to_do(window, qtbot):
    activate(qtbot, window)
    window.article_view.moveCursor(QTextCursor.Start)
    with qtbot.waitSignal(window.error_reported) as error:
        press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)
    assert "Select a passage" in error.args[0]
    assert window.undo_stack.count() == 0


def test_delete_move_between_sections_sort_and_undo_in_one_step(window, qtbot):
    activate(qtbot, window)
    brief = window.document.brief
    add_facts(qtbot, window, reversed(FACTS))  # in reverse article order
    window.sort_action.trigger()
    assert [it.text for it in brief.key_facts] == FACTS
    facts_list = window.brief_pane.lists[KEY_FACTS]
    facts_list.setFocus()
    facts_list.selectAll()
    press(qtbot, facts_list, Qt.Key_Delete)
    assert brief.key_facts == ()
    press(qtbot, facts_list, Qt.Key_Z, Qt.ControlModifier)  # one undo puts all three back, in order
    assert [it.text for it in brief.key_facts] == FACTS

    window.brief_pane.select_item(brief.key_facts[1].id, focus=True)
    press(qtbot, facts_list, Qt.Key_M, Qt.ControlModifier)
    assert [it.text for it in brief.expert_assessments] == [FACTS[1]]
    press(qtbot, facts_list, Qt.Key_Z, Qt.ControlModifier)
    assert [it.text for it in brief.key_facts] == FACTS and brief.expert_assessments == ()


def test_drag_an_item_onto_the_other_list_and_within_a_list(window, qtbot):
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDropEvent

    activate(qtbot, window)
    brief = window.document.brief
    add_facts(qtbot, window, FACTS)
    facts, quotes = window.brief_pane.lists[KEY_FACTS], window.brief_pane.lists[EXPERT_ASSESSMENTS]
    qtbot.waitUntil(lambda: facts.count() == 3)

    def drop(source_list, target_list, point):
        mime = source_list.model().mimeData(source_list.selectedIndexes())
        event = QDropEvent(QPointF(point), Qt.MoveAction, mime, Qt.LeftButton, Qt.NoModifier)
        event.source = lambda: source_list  # what Qt reports for a drag started in this process
        target_list.dropEvent(event)
        assert isinstance(mime, QMimeData)

    # the first fact dropped below the last one
    facts.setCurrentRow(0)
    drop(facts, facts, facts.visualRect(facts.model().index(2)).bottomLeft() - facts.rect().topLeft())
    assert [it.text for it in brief.key_facts] == [FACTS[1], FACTS[2], FACTS[0]]
    # the (now) first fact dragged onto the empty assessments list
    facts.setCurrentRow(0)
    drop(facts, quotes, quotes.rect().center())
    assert [it.text for it in brief.expert_assessments] == [FACTS[1]]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert [it.text for it in brief.key_facts] == FACTS


def test_clicking_an_item_shows_its_passage_and_clicking_a_passage_selects_its_item(window, qtbot):
    activate(qtbot, window)
    brief = window.document.brief
    add_facts(qtbot, window, FACTS)
    window.article_view.moveCursor(QTextCursor.Start)
    facts = window.brief_pane.lists[KEY_FACTS]
    qtbot.mouseClick(facts.viewport(), Qt.LeftButton, pos=facts.visualRect(facts.model().index(1)).center())
    assert window.article_view.textCursor().selectedText() == FACTS[1]

    # a click inside the third fact's passage in the article selects that item
    facts.clearSelection()
    start = window.article_view.toPlainText().index(FACTS[2]) + 5
    cursor = window.article_view.textCursor()
    cursor.setPosition(start)
    window.article_view.setTextCursor(cursor)
    assert window.brief_pane.current_item().id == brief.key_facts[2].id


def test_editing_fields_and_item_details_is_undoable(window, qtbot):
    activate(qtbot, window)
    brief = window.document.brief
    add_assessment(qtbot, window, SOREL)
    window.brief_pane.select_item(brief.expert_assessments[0].id)
    note = window.brief_pane.item_editors["note"]
    note.setFocus()
    qtbot.keyClicks(note, "Contradicts the Pentagon's reading")
    press(qtbot, note, Qt.Key_Return)
    assert brief.expert_assessments[0].note == "Contradicts the Pentagon's reading"

    window.brief_pane.setCurrentIndex(1)
    bluf = window.brief_pane.field_editors["bluf"]
    bluf.setFocus()
    qtbot.keyClicks(bluf, "North Korean troops <b>& shells</b> reach Russia.")
    qtbot.waitUntil(lambda: brief.bluf == "North Korean troops <b>& shells</b> reach Russia.")  # after a pause
    date = window.brief_pane.field_editors["date"]
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "28 October")
    with qtbot.waitSignal(window.error_reported) as error:
        press(qtbot, date, Qt.Key_Return)
    assert "date" in error.args[0]
    assert date.text() == brief.date  # the bad value is not kept

    window.undo_stack.undo()
    assert brief.bluf == "" and window.brief_pane.field_editors["bluf"].toPlainText() == ""
    window.undo_stack.undo()
    assert brief.expert_assessments[0].note == ""


def test_unsaved_changes_are_asked_about_before_closing(window, qtbot, tmp_path):
    activate(qtbot, window)
    select_text(window, FACTS[0])
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)
    window.close()
    assert window.isVisible()
    prompt = window.prompt
    assert prompt.isVisible() and "Save the changes" in prompt.text()
    prompt.button(QMessageBox.Cancel).click()
    assert window.isVisible() and len(window.document.brief.key_facts) == 1

    window.close()
    window.prompt.button(QMessageBox.Discard).click()
    assert not window.isVisible()


def test_opening_another_file_with_unsaved_changes_can_save_first(window, qtbot, tmp_path):
    activate(qtbot, window)
    select_text(window, FACTS[0])
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)
    window.document.path = tmp_path / "first.brief"  # as if saved once before
    other = tmp_path / "other.txt"
    other.write_text("Other article\n\nThe ministry said exports rose 4% in May.\n", "utf-8")
    window.files.request_open(other)
    assert window.document.brief.key_facts  # nothing happens until the question is answered
    with qtbot.waitSignal(window.document_changed):
        window.prompt.button(QMessageBox.Save).click()
    assert len(load_brief(tmp_path / "first.brief")[0].key_facts) == 1
    assert window.document.brief.title == "Other article" and window.document.path is None


def test_a_dropped_file_opens(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    dropped = tmp_path / "dropped.txt"
    dropped.write_text("Dropped article\n\nThe port handled 2.1 million containers in 2023.\n", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.document_changed):
        QApplication.sendEvent(window, QDropEvent(QPoint(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert window.document.brief.title == "Dropped article"
    assert "2.1 million containers" in window.article_view.toPlainText()


def test_paste_as_a_new_article(window, qtbot):
    activate(qtbot, window)
    QApplication.clipboard().setText("Pasted headline\n\nThe central bank held rates at 4.5% on Thursday.")
    press(qtbot, window, Qt.Key_V, Qt.ControlModifier | Qt.ShiftModifier)
    assert window.document.brief.title == "Pasted headline"
    assert window.article_view.toPlainText().startswith("Pasted headline\n\nThe central bank")


def test_the_item_details_show_a_long_passage_whole_scrolling_if_needed(window, qtbot):
    from PySide6.QtWidgets import QScrollArea

    activate(qtbot, window)
    text = window.article_view.toPlainText()
    start = text.index("As Russia seeks to bolster")
    paragraph = text[start : text.index("\n", start)]  # ¶16, over 500 characters
    add_assessment(qtbot, window, paragraph, "Dimitri Minic")
    window.resize(1280, 760)
    qtbot.wait(50)
    label = window.brief_pane.item_text
    assert label.text().startswith(f"“{paragraph}”")  # the whole passage, not a snippet
    assert label.height() >= label.heightForWidth(label.width())  # laid out at its full height
    area = label.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    assert area is not None, "the passage is not in a scroll area"
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    visible = label.visibleRegion().boundingRect()
    assert visible.bottom() == label.height() - 1  # scrolled down, its last line is on screen


def test_del_in_an_item_list_deletes_the_current_item_when_none_is_selected(window, qtbot):
    from PySide6.QtCore import QItemSelectionModel

    activate(qtbot, window)
    add_facts(qtbot, window, FACTS[:2])
    facts_list = window.brief_pane.lists[KEY_FACTS]
    facts_list.setFocus()
    facts_list.clearSelection()
    facts_list.setCurrentRow(1, QItemSelectionModel.NoUpdate)  # framed as current, not selected
    press(qtbot, facts_list, Qt.Key_Delete)
    assert [item.text for item in window.document.brief.key_facts] == FACTS[:1]


def test_ctrl_z_in_a_text_field_undoes_on_the_briefs_one_history(window, qtbot):
    activate(qtbot, window)
    undo_in_a_field(qtbot, window)


def test_a_fields_context_menu_offers_the_briefs_undo(window, qtbot):
    activate(qtbot, window)
    add_facts(qtbot, window, FACTS[:1])
    window.brief_pane.setCurrentIndex(1)
    comment = window.brief_pane.field_editors["comment"]
    binding = next(b for b in window.brief_pane._bindings if b.widget is comment)
    comment.customContextMenuRequested.emit(comment.rect().center())
    undo = next(a for a in binding.menu.actions() if a.text().startswith("&Undo"))
    assert undo.text() == f"&Undo {window.undo_stack.undoText()}" and undo.isEnabled()
    undo.trigger()
    assert not window.document.brief.key_facts
    binding.menu.close()


def test_adjacent_items_of_one_kind_show_where_each_begins(window, qtbot):
    activate(qtbot, window)
    first = ("The Pentagon and NATO confirmed on October 28, 2024, that 10,000 North Korean soldiers have been "
             "dispatched to a military training camp located in eastern Russia.")  # fmt: skip
    second = "These troops are slated for deployment on the intense Ukrainian front"
    third = "intensifying the conflict that has ravaged the region."
    add_facts(qtbot, window, [first, second, third])  # back to back: one space, then a comma and a space
    window.update_marks()
    window.article_pane.highlighter.settle()
    text = window.article_view.toPlainText()

    def background(passage: str):
        start = text.index(passage)
        block = window.article_view.document().findBlock(start)
        colours = {
            r.format.background().color().name()
            for r in block.layout().formats()
            if r.start <= start - block.position() + 5 < r.start + r.length
        }
        (colour,) = colours
        return colour

    assert background(first) != background(second)  # two items, not one yellow block
    assert background(third) == background(first)  # after a comma (a visible boundary) the section's own tone
    # the item lists keep the section's own colour
    assert window.brief_pane.lists[KEY_FACTS].model().index(0).data(Qt.DecorationRole).name() == background(first)

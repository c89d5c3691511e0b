"""The window's tradecraft fields (issue 17), driven by keys as an analyst does: the likelihood scale in the
Brief tab (one Ctrl+Z puts back the scale and every term it mapped), a likelihood and a confidence under the
BLUF and the comment, an assessment's judgement and every item's credibility with its grade in the item
details, and a source's access, date of information and perspective. Each change is one step of the
brief's undo history. tests/gui/xcb/ runs these again on the X11 platform."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing_app.core.brief import EXPERT_ASSESSMENTS
from briefing_app.gui.tradecraft_fields import NO_SCALE_TIP

from helpers.review import clean_brief, likelihoods
from helpers.window import alt, focused, press, show

pytestmark = pytest.mark.gui


def shows(qtbot, label, text: str) -> None:
    """The pane redraws from the model once the event loop turns (one redraw per burst of changes)."""
    qtbot.waitUntil(lambda: label.text() == text)


def test_the_scale_is_chosen_by_keys_and_one_ctrl_z_puts_back_every_term_it_mapped(window, qtbot):
    brief = clean_brief()
    brief.set_field("comment_likelihood", "roughly even chance")
    show(qtbot, window, brief)
    pane = window.brief_pane
    window.article_view.setFocus()
    alt(qtbot, Qt.Key_B)  # the Brief tab
    alt(qtbot, Qt.Key_K)  # Likelihood scale
    box = pane.scale_box
    focused(qtbot, box)
    assert box.currentText() == "ICD 203 (US)"
    before = likelihoods(brief)
    assert before == ("icd203", "likely", "roughly even chance", "likely")

    press(qtbot, box, Qt.Key_Down)  # the PHIA yardstick: each term goes to the band that overlaps it most
    assert likelihoods(brief) == ("phia", "likely or probably", "realistic possibility", "likely or probably")
    assert pane.judgements["bluf"].likelihood.currentText() == "likely or probably (55–75%)"
    assert pane.judgements["comment"].likelihood.currentText() == "realistic possibility (40–50%)"
    assert window.undo_stack.count() == 1 and window.undo_stack.undoText() == "Use the PHIA yardstick for likelihood"
    press(qtbot, box, Qt.Key_Z, Qt.ControlModifier)
    assert likelihoods(brief) == before
    assert box.currentText() == "ICD 203 (US)" and pane.judgements["bluf"].likelihood.currentText() == "likely (55–80%)"

    press(qtbot, box, Qt.Key_Up)  # none: every likelihood is cleared, confidence stays
    assert likelihoods(brief) == ("", "", "", "")
    assert brief.bluf_confidence == "moderate"
    bluf_likelihood = pane.judgements["bluf"].likelihood
    assert not bluf_likelihood.isEnabled() and bluf_likelihood.toolTip() == NO_SCALE_TIP
    assert bluf_likelihood.currentText() == "likelihood not stated"
    press(qtbot, box, Qt.Key_Z, Qt.ControlModifier)
    assert likelihoods(brief) == before and bluf_likelihood.isEnabled()
    press(qtbot, box, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)  # redo: cleared again
    assert likelihoods(brief) == ("", "", "", "")


def test_the_bluf_and_comment_judgements_are_chosen_by_keys_and_undone(window, qtbot):
    brief = show(qtbot, window, clean_brief())
    pane = window.brief_pane
    window.article_view.setFocus()
    alt(qtbot, Qt.Key_B)
    alt(qtbot, Qt.Key_L)  # the BLUF; Tab goes on to its likelihood, then its confidence
    focused(qtbot, pane.field_editors["bluf"])
    press(qtbot, pane.field_editors["bluf"], Qt.Key_Tab)
    bluf = pane.judgements["bluf"]
    focused(qtbot, bluf.likelihood)
    press(qtbot, bluf.likelihood, Qt.Key_Down)
    assert brief.bluf_likelihood == "very likely"
    press(qtbot, bluf.likelihood, Qt.Key_Tab)
    focused(qtbot, bluf.confidence)
    press(qtbot, bluf.confidence, Qt.Key_Down)
    assert brief.bluf_confidence == "high" and bluf.confidence.currentText() == "high confidence"
    press(qtbot, bluf.confidence, Qt.Key_Tab)
    focused(qtbot, pane.field_editors["comment"])
    press(qtbot, pane.field_editors["comment"], Qt.Key_Tab)
    comment = pane.judgements["comment"]
    focused(qtbot, comment.likelihood)
    press(qtbot, comment.likelihood, Qt.Key_U)  # the first choice starting with u
    assert brief.comment_likelihood == "unlikely"
    press(qtbot, comment.likelihood, Qt.Key_Tab)
    press(qtbot, comment.confidence, Qt.Key_End)
    assert brief.comment_confidence == "high"
    assert window.undo_stack.count() == 4 and window.undo_stack.undoText() == "Edit the comment's confidence"
    for _ in range(4):
        press(qtbot, comment.confidence, Qt.Key_Z, Qt.ControlModifier)
    assert (brief.bluf_likelihood, brief.bluf_confidence) == ("likely", "moderate")
    assert (brief.comment_likelihood, brief.comment_confidence) == ("", "")
    assert bluf.likelihood.currentText() == "likely (55–80%)" and comment.confidence.currentText() == (
        "confidence not stated"
    )


def test_an_assessments_judgement_and_an_items_credibility_and_grade_in_the_item_details(window, qtbot):
    brief = show(qtbot, window, clean_brief())
    pane = window.brief_pane
    assessment = brief.expert_assessments[0]
    pane.select_item(assessment.id, focus=True)
    details = pane.item_judgement
    alt(qtbot, Qt.Key_J)  # Judgement: the likelihood, then Tab to the confidence
    focused(qtbot, details.likelihood)
    assert details.likelihood.currentText() == "likely (55–80%)" and details.confidence.currentText() == (
        "moderate confidence"
    )
    press(qtbot, details.likelihood, Qt.Key_Down)
    assert brief.find(assessment.id)[2].likelihood == "very likely"
    press(qtbot, details.likelihood, Qt.Key_Tab)
    focused(qtbot, details.confidence)
    press(qtbot, details.confidence, Qt.Key_H)
    assert brief.find(assessment.id)[2].confidence == "high"
    alt(qtbot, Qt.Key_D)  # Credibility, 1-6 with its meaning; the grade beside it
    credibility = pane.item_credibility
    focused(qtbot, credibility.box)
    assert credibility.box.currentText() == "6 — cannot be judged" and credibility.grade.text() == "Grade: B6"
    press(qtbot, credibility.box, Qt.Key_2)
    assert brief.find(assessment.id)[2].credibility == 2
    shows(qtbot, credibility.grade, "Grade: B2")
    assert "usually reliable" in credibility.grade.toolTip() and "probably true" in credibility.grade.toolTip()
    assert window.undo_stack.count() == 3
    for _ in range(3):
        press(qtbot, credibility.box, Qt.Key_Z, Qt.ControlModifier)
    item = brief.find(assessment.id)[2]
    assert (item.likelihood, item.confidence, item.credibility) == ("likely", "moderate", 6)
    shows(qtbot, credibility.grade, "Grade: B6")
    assert details.likelihood.currentText() == "likely (55–80%)"

    # a key fact states no likelihood: its details have credibility and grade, no judgement
    fact = brief.key_facts[0]
    pane.select_item(fact.id, focus=True)
    assert not details.isVisible() and credibility.isVisible()
    assert credibility.box.currentText() == "2 — probably true" and credibility.grade.text() == "Grade: B2"
    # the grade follows the source's reliability, chosen by keys in the Sources tab
    alt(qtbot, Qt.Key_S)
    assert pane.currentWidget() is pane.sources_page
    pane.sources_list.setFocus()
    press(qtbot, pane.sources_list, Qt.Key_Home)  # source 1, which the fact cites
    reliability = pane.source_editors["reliability"]
    reliability.setFocus()
    press(qtbot, reliability, Qt.Key_D)
    assert brief.source(1).reliability == "D"
    alt(qtbot, Qt.Key_I)
    shows(qtbot, credibility.grade, "Grade: D2")
    press(qtbot, pane.lists[EXPERT_ASSESSMENTS], Qt.Key_Z, Qt.ControlModifier)
    assert brief.source(1).reliability == "B"
    shows(qtbot, credibility.grade, "Grade: B2")


def test_a_sources_access_date_of_information_and_perspective_are_typed_and_undone(window, qtbot):
    brief = show(qtbot, window, clean_brief())
    pane = window.brief_pane
    window.article_view.setFocus()
    alt(qtbot, Qt.Key_S)
    assert pane.currentWidget() is pane.sources_page
    pane.sources_list.setFocus()
    press(qtbot, pane.sources_list, Qt.Key_End)  # source 2
    access = pane.source_editors["access"]
    access.setFocus()
    assert access.currentText() == "unknown"
    press(qtbot, access, Qt.Key_Up)
    assert brief.source(2).access == "indirect"
    press(qtbot, access, Qt.Key_Tab)  # down the form: the date of information, then the perspective
    when = pane.source_editors["information_date"]
    focused(qtbot, when)
    qtbot.keyClicks(when, "2024-10-30")
    press(qtbot, when, Qt.Key_Tab)
    assert brief.source(2).information_date == "2024-10-30"
    perspective = pane.source_editors["perspective"]
    focused(qtbot, perspective)
    qtbot.keyClicks(perspective, "Insurers' <b>trade</b> press & lobby")
    press(qtbot, perspective, Qt.Key_Tab)
    assert brief.source(2).perspective == "Insurers' <b>trade</b> press & lobby"
    assert brief.source(1).information_date == "" and brief.source(1).access == "unknown"  # only source 2
    assert window.undo_stack.count() == 3
    perspective.setFocus()
    for _ in range(3):
        press(qtbot, perspective, Qt.Key_Z, Qt.ControlModifier)
    source = brief.source(2)
    assert (source.access, source.information_date, source.perspective) == ("unknown", "", "")
    qtbot.waitUntil(lambda: (access.currentText(), when.text(), perspective.text()) == ("unknown", "", ""))

    # a date that is none is refused in one line, and the field shows the brief's value again
    when.setFocus()
    qtbot.keyClicks(when, "2024-13-45")
    with qtbot.waitSignal(window.error_reported) as error:
        press(qtbot, when, Qt.Key_Tab)
    assert error.args[0].startswith("The ") and "\n" not in error.args[0] and "2024-13-45" in error.args[0]
    assert brief.source(2).information_date == "" and when.text() == ""
    QApplication.activeModalWidget().accept()

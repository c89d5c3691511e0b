"""Markup in a file is text, everywhere in the window: a brief's title, an article's words, a source's
title, a field named in an error. Qt shows a string that merely looks like HTML as rich text (a label, a
message box, a tooltip), which would draw a big red link to a local file, or load a local image on hover.
Each test loads markup bait the way an attacker would deliver it, then sweeps every label, message box
and tooltip of the window and its dialogs and checks the bait is displayed literally."""

import json

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QListWidget, QMessageBox, QWidget

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS
from briefing_app.core.document import Document
from briefing_app.core.recovery import write_recovery
from briefing_app.core.suggest import Suggestion
from briefing_app.gui.autosave import recovery_folder
from briefing_app.gui.undo_commands import AddItem, SetField, UpdateSource

pytestmark = pytest.mark.gui

LINK = '<a href="file:///etc/passwd"><font size=6 color=red>Session expired: click to re-verify</font></a>'
IMAGE = '<img src="/tmp/x.png">'
BAIT = f"{LINK} {IMAGE}"
MARKERS = ("a href", "img src", "font size")  # a string naming any of these, escaped or not, holds bait


def displayed(text: str, text_format=Qt.AutoText) -> str:
    """What a person sees for ``text`` shown in ``text_format`` (Qt's rule: AutoText is rich when it looks so)."""
    rich = text_format == Qt.RichText or (text_format == Qt.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def check_literal(where: str, text: str, text_format=Qt.AutoText) -> bool:
    """Whether ``text`` holds bait; if it does, it must be displayed with its tags, as written."""
    if not any(m in text for m in MARKERS):
        return False
    shown = displayed(text, text_format)
    for marker in MARKERS:
        if marker in text:
            assert f"<{marker}" in shown, f"{where} renders markup from a file: {text[:120]!r} shows as {shown[:80]!r}"
    return True


def sweep() -> dict[str, int]:
    """Every label, message box text and tooltip of every top-level widget; the count of those holding bait."""
    found = {"label": 0, "message box": 0, "tooltip": 0}
    for top in QApplication.topLevelWidgets():
        widgets = [top, *top.findChildren(QWidget)]
        for w in widgets:
            if isinstance(w, QLabel):
                if check_literal(f"label {w.objectName() or w.text()[:30]!r}", w.text(), w.textFormat()):
                    found["message box" if isinstance(w.window(), QMessageBox) else "label"] += 1
                    assert not (w.openExternalLinks() and w.textFormat() != Qt.PlainText), "a link would open"
            if isinstance(w, QMessageBox):
                check_literal("a message box's text", w.text(), w.textFormat())
            found["tooltip"] += check_literal(f"tooltip of {type(w).__name__}", w.toolTip())
            if isinstance(w, QListWidget):
                for row in range(w.count()):
                    found["tooltip"] += check_literal("a list entry's tooltip", w.item(row).toolTip())
            elif isinstance(w, QAbstractItemView) and isinstance(w.model(), QAbstractItemModel):
                model = w.model()
                for row in range(model.rowCount()):
                    tip = model.data(model.index(row, 0), Qt.ToolTipRole)
                    found["tooltip"] += check_literal("a list row's tooltip", tip or "")
        for action in top.findChildren(QAction):
            found["tooltip"] += check_literal(f"action {action.text()!r}'s tooltip", action.toolTip())
    return found


def close_boxes() -> None:
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QMessageBox) and top.isVisible():
            top.close()


@pytest.fixture
def baited(window, tmp_path):
    """The window on an article whose title line and body hold the bait, with a key fact, an expert
    assessment and a suggestion on the baited passage, and the bait as brief and source title."""
    article = tmp_path / "news.txt"
    article.write_text(
        f"{BAIT}\n\nThe ministry said {BAIT} on Monday, and 4,000 troops moved.\n\nAn analyst thinks {BAIT}.\n",
        "utf-8",
    )
    assert window.open_article(article)
    brief = window.document.brief
    text = brief.sources[0].text
    window.undo_stack.push(SetField(brief, "title", BAIT))
    window.undo_stack.push(UpdateSource(brief, 1, title=BAIT, publisher=LINK))
    image = text.index(IMAGE, len(BAIT))
    window.undo_stack.push(AddItem(brief, EXPERT_ASSESSMENTS, 1, image, image + len(IMAGE), speaker=LINK))
    start = text.index(LINK, len(BAIT))
    window.undo_stack.push(AddItem(brief, KEY_FACTS, 1, start, start + len(LINK)))  # the Undo tooltip quotes it
    later = text.index(BAIT, image)
    suggestion = Suggestion("key_fact", later, later + len(BAIT), BAIT, None, None, 0.9)
    window.suggestions_pane.set_suggestions(1, [suggestion], set(), brief)
    window.brief_pane.select_item(brief.items(KEY_FACTS)[0].id)
    return window


def test_labels_lists_and_tooltips_show_markup_literally(baited):
    found = sweep()
    assert found["label"] >= 2 and found["tooltip"] >= 3, found  # title, item passage; item, suggestion, undo


def test_the_unsaved_changes_prompt_shows_a_baited_title_literally(baited):
    baited.files.confirm_discard(lambda: None)
    assert isinstance(baited.prompt, QMessageBox) and "Session expired" in baited.prompt.text()
    assert sweep()["message box"] >= 1
    close_boxes()


def test_the_assessment_dialog_shows_a_baited_passage_literally(baited):
    text = baited.document.brief.sources[0].text
    start = text.index("An analyst")
    baited.article_pane.select_span(start, len(text.rstrip()))
    baited.undo_stack.clear()
    baited.picking.add_selection(EXPERT_ASSESSMENTS)
    assert baited.picking.assessment_dialog is not None
    assert sweep()["label"] >= 3
    baited.picking.assessment_dialog.reject()


def test_the_restore_prompt_shows_a_baited_title_literally(window, qtbot):
    document = Document.from_article(window.document.brief.sources[0])
    document.brief.set_field("title", BAIT)
    copy = write_recovery(document.brief, recovery_folder(), "bait", None)
    try:
        window.offer_recovery()
        assert window.prompt is not None and "Session expired" in window.prompt.text()
        assert sweep()["message box"] >= 1
    finally:
        close_boxes()
        copy.unlink(missing_ok=True)


def test_an_error_naming_a_baited_field_shows_it_literally(window, qtbot, tmp_path):
    good = tmp_path / "good.brief"
    window.document.save(good)
    data = json.loads(good.read_text("utf-8"))
    data[BAIT] = 1  # an unknown key: the error names it
    bad = tmp_path / "<img src=x.png>.brief"
    bad.write_text(json.dumps(data), "utf-8")
    with qtbot.waitSignal(window.error_reported) as error:
        assert not window.open_brief(bad)
    assert "a href" in error.args[0]
    assert sweep()["message box"] >= 1
    close_boxes()

"""Several sources in one brief, find in the article, and big files loading in the background."""

import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from test_compose import FACTS, activate, press, select_text

from briefing_app.core.brief import KEY_FACTS

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
from bench_loaders import make_pdf  # noqa: E402

pytestmark = pytest.mark.gui

SECOND = "Seoul briefing\n\nThe defence ministry said 1,500 North Korean special forces left Chongjin on 8 October.\n"


def test_add_a_source_switch_between_sources_and_jump_to_each_items_source(window, qtbot, tmp_path):
    activate(qtbot, window)
    brief = window.document.brief
    select_text(window, FACTS[0])
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)

    other = tmp_path / "seoul.txt"
    other.write_text(SECOND, "utf-8")
    assert window.add_source_file(other)
    assert [s.title for s in brief.sources][1] == "Seoul briefing"
    assert window.article_view.toPlainText() == SECOND  # the new source is shown
    assert window.article_pane.source_picker.isVisible() and window.article_pane.source_picker.count() == 2
    select_text(window, "1,500 North Korean special forces left Chongjin on 8 October")
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)
    fact = brief.key_facts[1]
    assert (fact.source, fact.paragraph) == (2, 1)
    assert "[2, ¶1]" in window.brief_pane.lists[KEY_FACTS].item(1).text()

    # choosing the first fact jumps back to source 1 and selects its passage
    window.show_item(brief.key_facts[0])
    assert window.article_view.toPlainText().startswith("North Koreans in Russia")
    assert window.article_view.textCursor().selectedText() == FACTS[0]
    assert window.article_pane.source_picker.currentIndex() == 0
    # the picker shows source 2 again, with its mark
    window.article_pane.source_picker.activated.emit(1)
    assert window.article_view.toPlainText() == SECOND
    assert window.article_pane.highlighter.spans(KEY_FACTS) == [(SECOND.index("1,500"), SECOND.index(" on 8") + 13)]

    # undo removes the item, then the source
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert len(brief.sources) == 1 and len(brief.key_facts) == 1
    assert window.article_view.toPlainText().startswith("North Koreans in Russia")

    # the same text twice is refused
    window.add_source_file(other)
    with qtbot.waitSignal(window.error_reported) as error:
        window.add_source_file(other)
    assert "already source 2" in error.args[0]


def test_find_in_the_article(window, qtbot):
    activate(qtbot, window)
    press(qtbot, window, Qt.Key_F, Qt.ControlModifier)
    bar = window.article_pane.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "Pyongyang")
    first = window.article_view.textCursor().selectionStart()
    assert window.article_view.textCursor().selectedText() == "Pyongyang"
    press(qtbot, bar.field, Qt.Key_Return)
    assert window.article_view.textCursor().selectionStart() > first
    qtbot.keyClicks(bar.field, "zzz")
    assert bar.status.text() == "No match"
    press(qtbot, bar.field, Qt.Key_Escape)
    assert not bar.isVisible() and window.article_view.hasFocus()


def test_a_long_pdf_loads_in_the_background_with_progress(window, qtbot, tmp_path):
    """The open call returns at once and the window shows progress; the article arrives later.
    (How often the GUI thread gets to run while pypdf works depends on the GIL: see the issue notes.)"""
    pdf = tmp_path / "report.pdf"
    make_pdf(pdf, 120)
    began = time.perf_counter()
    with qtbot.waitSignal(window.document_changed, timeout=60_000):
        assert window.open_article(pdf)
        returned = time.perf_counter() - began
        assert window.load_progress.isVisible() and window.statusBar().currentMessage().startswith("Loading")
        assert window.document.brief.title != "Bench report"  # still the seed: nothing blocked on the load
    loaded = time.perf_counter() - began
    assert returned < 0.1 < loaded, (returned, loaded)
    assert window.document.brief.title == "Bench report"
    assert "Russia" in window.article_view.toPlainText()
    assert not window.load_progress.isVisible()
    window.article_view.moveCursor(QTextCursor.End)

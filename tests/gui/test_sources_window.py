"""Several sources in one brief, find in the article, and big files loading in the background."""

import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor, QTextFormat

from briefing_app.core.brief import KEY_FACTS

from helpers import paragraph_article
from helpers.support import answer_encoding_later
from helpers.window import FACTS, activate, press, select, select_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
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
    assert "[2, ¶1]" in window.brief_pane.lists[KEY_FACTS].caption(1)

    # choosing the first fact jumps back to source 1 and selects its passage
    window.show_item(brief.key_facts[0])
    assert window.article_view.toPlainText().startswith("North Koreans in Russia")
    assert window.article_view.textCursor().selectedText() == FACTS[0]
    assert window.article_pane.source_picker.currentIndex() == 0
    # the picker shows source 2 again, with its mark
    window.article_pane.source_picker.activated.emit(1)
    assert window.article_view.toPlainText() == SECOND
    # the selection reached the sentence's last word, so the fact takes its full stop (issue 14, point 7)
    assert window.article_pane.highlighter.spans(KEY_FACTS) == [(SECOND.index("1,500"), SECOND.index("October.") + 8)]

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


# --- issue 14: the source's author, where its date came from, and its file's folder kept at home
def show_sources_tab(qtbot, window):
    bar = window.brief_pane.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(2).center())
    assert window.brief_pane.currentIndex() == 2


def type_into(qtbot, editor, text: str) -> None:
    """Click into a field, replace what it holds by typing, and leave it with Tab (which commits)."""
    qtbot.mouseClick(editor, Qt.LeftButton)
    press(qtbot, editor, Qt.Key_A, Qt.ControlModifier)
    press(qtbot, editor, Qt.Key_Backspace)
    qtbot.keyClicks(editor, text)
    press(qtbot, editor, Qt.Key_Tab)


def test_the_sources_tab_shows_the_author_and_where_the_published_date_came_from(window, qtbot, tmp_path):
    """A browser's PDF: its date comes from the byline (not from when it was printed), and the tab says
    so; the analyst adds the author and corrects the date, both undoable, both saved."""
    pdf = tmp_path / "saved.pdf"
    pdf.write_bytes(paragraph_article.reportlab_pdf("browser"))
    with qtbot.waitSignal(window.document_changed, timeout=30_000):
        window.open_article(pdf)
    activate(qtbot, window)
    show_sources_tab(qtbot, window)
    pane, brief = window.brief_pane, window.document.brief
    editors = pane.source_editors
    assert editors["published"].text() == "2020-03-03"
    assert (
        pane.published_from.isVisible() and pane.published_from.text() == "Read from the article's dateline or byline"
    )
    assert editors["author"].isVisible() and editors["author"].text() == ""
    tmp_path.joinpath("screens").mkdir()
    pane.grab().save(str(tmp_path / "screens" / "sources-tab.png"))

    type_into(qtbot, editors["author"], "Jana Novak")  # (QTest types ASCII only)
    assert brief.sources[0].author == "Jana Novak"
    qtbot.waitUntil(lambda: "Jana Novak · " in pane.sources_list.item(0).text())  # the list redraws once idle
    type_into(qtbot, editors["published"], "2020-03-04")
    assert (brief.sources[0].published, brief.sources[0].published_from) == ("2020-03-04", "analyst")
    qtbot.waitUntil(lambda: pane.published_from.text() == "Entered by hand")
    window.undo_stack.undo()
    assert (brief.sources[0].published, brief.sources[0].published_from) == ("2020-03-03", "text")
    qtbot.waitUntil(lambda: pane.published_from.text() == "Read from the article's dateline or byline")
    window.undo_stack.undo()
    assert brief.sources[0].author == ""
    qtbot.waitUntil(lambda: editors["author"].text() == "")
    window.undo_stack.redo()
    type_into(qtbot, editors["published"], "")  # no date at all: the tab says none was found
    qtbot.waitUntil(lambda: pane.published_from.text() == "Not found in the article: enter it if you know it")

    saved = window.document.save(tmp_path / "talks.brief")
    window.open_brief(saved)
    show_sources_tab(qtbot, window)
    assert window.brief_pane.source_editors["author"].text() == "Jana Novak"


def test_reopen_with_encoding_finds_the_file_of_a_brief_that_names_it_without_its_folder(window, qtbot, tmp_path):
    """The .brief names the article by its file name only; this computer's settings know where it is, so
    File > Reopen with encoding… still reads the file again, also after the brief was saved and reopened."""
    folder = tmp_path / "jana.novak" / "Downloads"
    folder.mkdir(parents=True)
    article = folder / "facade.txt"
    article.write_bytes("Façade talks\nThe façade of the ministry was repainted, officials said.".encode("cp1252"))
    assert window.open_article(article)
    saved = window.document.save(tmp_path / "facade.brief")
    raw = saved.read_text("utf-8")
    assert '"origin": "facade.txt"' in raw and "jana.novak" not in raw
    window.open_brief(saved)
    assert window.article_view.article.origin == "facade.txt"

    answer_encoding_later("cp1252")
    with qtbot.waitSignal(window.document_changed):
        window.reopen_encoding_action.trigger()
    assert window.document.brief.sources[0].text.startswith("Façade talks")
    assert "cp1252" in window.article_pane.meta_label.text()

    # a brief from another computer: its file is not known here, and the window says so
    other = tmp_path / "other.brief"
    window.document.save(other)
    QSettings().remove("source_files")
    window.open_brief(other)
    with qtbot.waitSignal(window.error_reported) as error:
        window.reopen_encoding_action.trigger()
    assert error.args[0].startswith("This text was not opened from a file on this computer")


def marked_text(window, kind: str) -> list[str]:
    """The article's text under each mark of ``kind``: the marks are in Qt positions (UTF-16 units)."""
    units = window.article_view.toPlainText().encode("utf-16-le")
    return [units[2 * a : 2 * b].decode("utf-16-le") for a, b in window.article_pane.highlighter.spans(kind)]


def select_in_qt_units(window, passage: str) -> None:
    """Select ``passage`` as a drag would: the cursor counts UTF-16 units, Python's str code points."""
    text = window.article_view.toPlainText()
    start = len(text[: text.index(passage)].encode("utf-16-le")) // 2
    select(window, start, start + len(passage.encode("utf-16-le")) // 2)


def test_marks_land_on_their_passages_past_wide_characters_and_go_with_the_source_shown(window, qtbot, tmp_path):
    """Characters outside the Basic Multilingual Plane (emoji, rare CJK) count twice in Qt's positions: a
    picked passage after them is stored, marked and shown again on its own words. Switching sources
    takes the old marks off and puts the new source's on."""
    activate(qtbot, window)
    brief = window.document.brief
    wide = "Wide briefing\n\n🚀 Launch 𠀀: 3 rockets 🚀🚀 left the pad on 8 October.\n\nCafé owners: “no comment”.\n"
    other = tmp_path / "wide.txt"
    other.write_text(wide, "utf-8")
    assert window.add_source_file(other)
    passage = "3 rockets 🚀🚀 left the pad on 8 October"
    select_in_qt_units(window, passage)
    press(qtbot, window.article_view, Qt.Key_1, Qt.ControlModifier)
    fact = brief.key_facts[-1]
    assert fact.text.startswith(passage) and brief.sources[1].text[fact.start : fact.end] == fact.text
    qtbot.waitUntil(lambda: marked_text(window, KEY_FACTS) == [fact.text])  # the same words marked in the view
    window.article_pane.source_picker.activated.emit(0)  # the first source: its marks only
    assert window.article_view.toPlainText().startswith("North Koreans in Russia")
    qtbot.waitUntil(lambda: marked_text(window, KEY_FACTS) == [])
    window.article_pane.source_picker.activated.emit(1)
    qtbot.waitUntil(lambda: marked_text(window, KEY_FACTS) == [fact.text])
    block = window.article_view.document().findBlock(window.article_pane.highlighter.spans(KEY_FACTS)[0][0])
    qtbot.waitUntil(lambda: any(r.format.hasProperty(QTextFormat.BackgroundBrush) for r in block.layout().formats()))

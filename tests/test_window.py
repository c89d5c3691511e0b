"""The window as a person meets it: the seed article, paragraph numbers, opening files, bad files."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor

pytestmark = pytest.mark.gui


def test_opens_on_the_seed_article_read_only_with_paragraph_numbers(window, seed_text):
    view = window.article_view
    assert window.windowTitle() == "North Koreans in Russia: A Match Made in Military Heaven? — briefing-app"
    assert window.title_label.text() == "North Koreans in Russia: A Match Made in Military Heaven?"
    assert view.toPlainText() == seed_text
    assert view.isReadOnly()
    # the title line carries no number; body paragraphs 1..19 are numbered on their own lines
    assert view.paragraph_label(0) == ""
    assert [view.paragraph_label(b) for b in range(1, 20)] == [str(n) for n in range(1, 20)]
    assert "19 paragraphs" in window.meta_label.text()


def test_text_is_selectable_but_not_editable(window, qtbot, seed_text):
    view = window.article_view
    view.setFocus()
    cursor = view.textCursor()
    cursor.setPosition(seed_text.index("Barthélémy"))
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key_Right, Qt.ShiftModifier)
    qtbot.keyClick(view, Qt.Key_Right, Qt.ShiftModifier)
    assert view.textCursor().selectedText() == "Ba"
    qtbot.keyClicks(view, "xyz")
    qtbot.keyClick(view, Qt.Key_Delete)
    assert view.toPlainText() == seed_text


def test_open_article_shows_it_and_a_bad_file_keeps_the_current_one(window, qtbot, tmp_path):
    good = tmp_path / "brief-source.txt"
    good.write_text("Budget talks\n\nThe minister announced a 4% rise.\n\nTalks resume on Monday.\n", "utf-8")
    assert window.open_article(good)
    assert window.windowTitle() == "Budget talks — briefing-app"
    assert window.article_view.paragraph_label(2) == "1" and window.article_view.paragraph_label(4) == "2"

    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with qtbot.waitSignal(window.error_reported) as signal:
        assert not window.open_article(bad)
    assert "binary" in signal.args[0]
    assert window.windowTitle() == "Budget talks — briefing-app"


def test_markup_in_an_article_is_shown_literally(window, tmp_path):
    f = tmp_path / "markup.txt"
    f.write_text('<b>AT&T</b> <img src="/etc/passwd"/>\nBody with <font color="red">tags</font>.\n', "utf-8")
    window.open_article(f)
    assert window.title_label.text() == '<b>AT&T</b> <img src="/etc/passwd"/>'
    assert window.title_label.textFormat() == Qt.PlainText
    assert "<font color=" in window.article_view.toPlainText()


def test_menu_actions_and_shortcuts(window):
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.Open)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.Quit)
    window.quit_action.trigger()
    assert not window.isVisible()


def test_window_reads_at_1280x720(window, tmp_path):
    window.resize(1280, 720)
    window.article_view.moveCursor(QTextCursor.End)
    shot = tmp_path / "window.png"
    assert window.grab().save(str(shot))
    assert shot.stat().st_size > 10_000


def test_reopen_with_another_encoding_and_other_formats(window, tmp_path):
    f = tmp_path / "ru.txt"
    f.write_bytes("Заголовок статьи\nПервый абзац о переговорах в Москве.".encode("cp1251"))
    assert window.open_article(f, encoding="koi8-r")  # the wrong choice shows mojibake, as asked
    assert "Заголовок" not in window.article_view.toPlainText()
    assert window.open_article(f, encoding="cp1251")
    assert window.article_view.toPlainText().startswith("Заголовок статьи")
    assert "cp1251" in window.meta_label.text()

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


def test_toolbar_buttons_keep_their_place_as_undo_and_redo_change(window, qtbot):
    from helpers.window import FACTS, activate, add_facts

    activate(qtbot, window)
    bar = window.toolbar
    buttons = {a.iconText(): bar.widgetForAction(a) for a in (window.undo_action, window.redo_action,
                                                               window.save_action, window.export_action)}  # fmt: skip
    before = {name: button.geometry() for name, button in buttons.items()}
    add_facts(qtbot, window, FACTS[:2])
    window.undo_action.trigger()
    qtbot.wait(10)
    assert buttons["Undo"].text() == "Undo" and buttons["Redo"].text() == "Redo"
    assert {name: button.geometry() for name, button in buttons.items()} == before
    # what would be undone or redone is in the tooltip and the menu entry
    assert window.undo_action.toolTip().startswith("Undo Add key fact “The Pentagon")
    assert window.redo_action.toolTip().startswith("Redo Add key fact “Moscow")
    assert window.undo_action.text().startswith("&Undo Add key fact")
    window.undo_action.trigger()
    assert window.undo_action.toolTip().startswith("Nothing to undo")


def test_small_text_url_label_counts_and_capitals(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from helpers.support import SEED
    from helpers.window import activate, press, ready

    pane = window.brief_pane
    url = pane.source_editors["url"]
    assert [label.text() for label in pane.findChildren(QLabel) if label.buddy() is url] == ["URL:"]

    one = tmp_path / "one.txt"
    one.write_text("Budget talks\n\nThe minister announced a 4% rise.\n", "utf-8")
    window.open_article(one)
    assert "· 1 paragraph ·" in window.meta_label.text()
    window.open_path(SEED)

    # the Suggestions status counts in the singular for one: reject assessments with Del until one is left
    suggestions = ready(qtbot, window)
    suggestions.filter.setCurrentIndex(2)  # expert assessments
    while suggestions.list.count() > 1:
        suggestions.list.setCurrentRow(0)
        press(qtbot, suggestions.list, Qt.Key_Delete)
    assert ", 1 assessment," in suggestions.status.text()

    # a refused edit is reported as a sentence, though the model's message starts lower-case
    activate(qtbot, window)
    pane.setCurrentIndex(1)
    date = pane.field_editors["date"]
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "tomorrow")
    with qtbot.waitSignal(window.error_reported) as error:
        press(qtbot, date, Qt.Key_Return)
    assert error.args[0].startswith("The brief's date must be a date like")


def test_the_details_line_under_the_title_is_readable(window, qtbot):
    """Muted, but at least 4.5:1 against the window (WCAG AA), measured on the label as drawn."""
    from PySide6.QtGui import QColor

    from briefing_app.gui.article_pane import contrast

    image = window.meta_label.grab().toImage()
    colours = {}
    for y in range(image.height()):
        for x in range(image.width()):
            rgb = image.pixel(x, y)
            colours[rgb] = colours.get(rgb, 0) + 1
    background = QColor(max(colours, key=colours.get))
    text = min((QColor(rgb) for rgb in colours), key=lambda c: c.lightness())  # the glyphs' cores
    assert contrast(text, background) >= 4.5


def test_a_small_window_keeps_the_article_readable_and_the_side_pane_gives_way(window, qtbot, tmp_path):
    view = window.article_view
    chars = view.fontMetrics().averageCharWidth()
    window.resize(1280, 760)
    window.splitter.setSizes([560, 720])  # the user had widened the side pane
    qtbot.wait(20)
    side_wide = window.brief_pane.width()
    qtbot.waitUntil(lambda: bool(window.suggestions), timeout=20_000)
    window.brief_pane.setCurrentWidget(window.suggestions_pane)  # its counts once held the side pane wide
    qtbot.wait(20)
    window.resize(700, 500)
    qtbot.wait(50)  # the layout settles: nothing in either pane may hold the window wider
    assert window.width() == 700 and window.minimumSizeHint().width() <= 700
    assert view.viewport().width() >= 40 * chars  # still about 40 characters a line
    assert window.brief_pane.width() < side_wide - 150  # the side pane gave way
    assert window.brief_pane.width() >= window.brief_pane.minimumSizeHint().width()  # nothing in it cut off
    window.grab().save(str(tmp_path / "small.png"))


def test_a_maximised_window_caps_the_articles_line_length_and_centres_it(window, qtbot):
    view = window.article_view
    # as opened: the text wraps to the view, never running under the scroll bar
    assert view.document().size().width() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0
    window.resize(2400, 1000)
    qtbot.waitUntil(lambda: window.width() == 2400)
    chars = view.fontMetrics().averageCharWidth()
    assert view.viewport().width() <= 90 * chars + 2 * view.document().documentMargin() + 1
    left = view.viewport().geometry().left() - view.margin_width()  # blank space left of the numbers
    right = view.width() - view.viewport().geometry().right() - view.verticalScrollBar().width()
    assert left > 100 and abs(left - right) <= 2 * view.frameWidth() + 4  # centred
    # the paragraph numbers stay beside the text, not at the far edge of the window
    assert view._margin.geometry().right() + 1 == view.viewport().geometry().left()
    assert view.document().size().width() <= view.viewport().width()
    window.resize(1280, 760)
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert view.document().size().width() <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0


def test_showing_a_brief_picks_no_item_the_analyst_did_not_click(window, qtbot):
    # the new text puts the article's cursor at its start; that is no click, so the item there stays unpicked
    from briefing_app.core.document import Document

    from helpers.big_brief import big_brief

    brief = big_brief(30, 0.05)
    assert any(item.start == 0 for _, item in brief.all_items())  # an item where the cursor lands
    window.set_document(Document(brief))
    qtbot.wait(50)
    assert all(not rows.selected_ids() for rows in window.brief_pane.lists.values())
    # a click in the article still picks the item under it
    view = window.article_view
    cursor = view.textCursor()
    cursor.setPosition(5)
    view.setTextCursor(cursor)
    assert any(rows.selected_ids() for rows in window.brief_pane.lists.values())

"""Issue 15 in the window: a .brief with a number written as 26.0, or a field beyond the limit, is refused on
opening with one message naming its place (the window keeps what it showed); a pasted text beyond the limit
is cut to the limit, saying how much was left out."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing_app.core.brief import MAX_FIELD_CHARS
from briefing_app.core.brief_file import dumps
from briefing_app.core.document import Document

from helpers.support import SEED


def saved_seed_brief(tmp_path, change) -> str:
    """The seed article's brief with one key fact, its data changed by ``change``, written to a .brief."""
    from briefing_app.core.brief import KEY_FACTS
    from briefing_app.core.loaders import load_article

    document = Document.from_article(load_article(SEED))
    text = document.brief.sources[0].text
    start = text.index("The Pentagon and NATO confirmed")
    document.brief.add_item(KEY_FACTS, 1, start, text.index(".", start) + 1)
    data = json.loads(dumps(document.brief))
    change(data)
    path = tmp_path / "hostile.brief"
    path.write_text(json.dumps(data), "utf-8")
    return str(path)


def test_opening_a_brief_with_a_number_written_as_26_0_says_where(window, qtbot, tmp_path):
    """It passed the schema and then failed inside the window with an internal TypeError."""
    path = saved_seed_brief(tmp_path, lambda d: d["key_facts"][0].update(start=float(d["key_facts"][0]["start"])))
    shown = window.document
    with qtbot.waitSignal(window.error_reported, timeout=10_000) as error:
        window.open_path(path)
    assert "key_facts[0].start: must be a whole number written without a decimal point" in error.args[0]
    assert window.document is shown


def test_opening_a_brief_with_a_field_beyond_the_limit_says_where(window, qtbot, tmp_path):
    path = saved_seed_brief(tmp_path, lambda d: d["key_facts"][0].update(note="n" * (MAX_FIELD_CHARS + 1)))
    shown = window.document
    with qtbot.waitSignal(window.error_reported, timeout=10_000) as error:
        window.open_path(path)
    assert f"key_facts[0].note: must be at most {MAX_FIELD_CHARS:,} characters" in error.args[0]
    assert window.document is shown


def test_pasting_a_comment_beyond_the_limit_keeps_what_fits_and_says_how_much_was_left_out(window, qtbot):
    """Refusing the whole text reverted the field, losing what was typed with the paste. Now the field is cut
    to the limit, as a line edit's maximum length cuts a paste, the brief takes it, and a message says how
    many characters were left out (they are still on the clipboard). One undo takes the edit back."""
    brief = window.document.brief
    window.brief_pane.setCurrentIndex(1)
    comment = window.brief_pane.field_editors["comment"]
    comment.setFocus()
    qtbot.keyClicks(comment, "Typed first. ")
    QApplication.clipboard().setText("c" * MAX_FIELD_CHARS)
    with qtbot.waitSignal(window.error_reported, timeout=10_000) as error:
        qtbot.keyClick(comment, Qt.Key_V, Qt.ControlModifier)
    assert error.args[0] == (
        f"The comment holds at most {MAX_FIELD_CHARS:,} characters: the 13 characters past that were left out"
    )
    kept = "Typed first. " + "c" * (MAX_FIELD_CHARS - 13)
    assert brief.comment == kept and comment.toPlainText() == kept
    window.undo_stack.undo()
    assert brief.comment == "" and comment.toPlainText() == ""


def test_a_note_pasted_beyond_the_limit_is_cut_too(window, qtbot):
    """The item's note is a line edit like the speaker and affiliation: the same cut, the same message."""
    from helpers.window import add_facts

    text = window.article_view.toPlainText()
    start = text.index("The Pentagon and NATO confirmed")
    add_facts(qtbot, window, [text[start : text.index(".", start) + 1]])
    note = window.brief_pane.item_editors["note"]
    note.setFocus()
    QApplication.clipboard().setText("n" * (MAX_FIELD_CHARS + 2))
    with qtbot.waitSignal(window.error_reported, timeout=10_000) as error:
        qtbot.keyClick(note, Qt.Key_V, Qt.ControlModifier)
        note.clearFocus()
    assert error.args[0].startswith(f"The note holds at most {MAX_FIELD_CHARS:,} characters: the 2 characters")
    assert window.document.brief.key_facts[0].note == "n" * MAX_FIELD_CHARS

"""Loading in the window (issue 15): a pipe refused at once, a codec that is no text encoding named, Word documents,
web pages and big briefs loaded off the GUI thread, and an edit made meanwhile never lost without asking. gui/xcb/
runs some of these again on the X11 platform."""

import os
import threading

import pytest

from briefing_app.core.loaders import load_article

from helpers.article_files import BODY, docx_bytes, web_page, with_document_xml
from helpers.support import SEED, answer_encoding_later


def test_the_window_refuses_a_fifo_and_stays_usable(window, qtbot, tmp_path):
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    stop = threading.Timer(20, lambda: open(fifo, "wb").close())  # before: unblocks a hung window after 20 s
    stop.start()
    try:
        with qtbot.waitSignal(window.error_reported, timeout=5_000) as error:
            assert not window.open_article(fifo)
    finally:
        stop.cancel()
    assert error.args[0].startswith(str(fifo)) and "is a pipe (FIFO)" in error.args[0]
    assert window.document.brief.title.startswith("North Koreans")  # the seed is still open


@pytest.mark.parametrize("kind", ["docx", "html"])
def test_word_documents_and_web_pages_load_in_the_background(window, qtbot, tmp_path, kind):
    """A small file can be a lot of work (a 0.1 MB .docx holding 5 MB of XML, a page for trafilatura):
    open returns at once with the progress bar up, and the article arrives later. Before, only PDFs and
    files over 2 MB went to a thread, and the window froze."""
    import docx

    if kind == "docx":
        document = docx.Document()
        document.add_paragraph("Budget talks resume")
        para = "<w:p><w:r><w:t>The minister announced a 4% rise in defence spending on Monday.</w:t></w:r></w:p>"
        data = with_document_xml(docx_bytes(document), lambda xml: xml.replace("<w:body>", "<w:body>" + para * 50_000))
    else:
        data = web_page("", "").encode("utf-8")
    f = tmp_path / f"talks.{kind}"
    f.write_bytes(data)
    with qtbot.waitSignal(window.document_changed, timeout=60_000):
        assert window.open_article(f)
        assert window.load_progress.isVisible() and window.statusBar().currentMessage().startswith("Loading")
        assert window.document.brief.title.startswith("North Koreans")  # still the seed: nothing blocked
    assert window.document.brief.title == "Grain talks resume" if kind == "html" else "Budget talks resume"
    assert not window.load_progress.isVisible()


def test_a_brief_with_many_items_opens_in_the_background(window, qtbot, tmp_path):
    from briefing_app.core.brief import KEY_FACTS, brief_from_article
    from briefing_app.core.brief_file import save_brief

    article = load_article(SEED)
    brief = brief_from_article(article)
    for start in range(0, 400 * 15, 15):
        brief.add_item(KEY_FACTS, 1, start + 1, start + 12)
    path = tmp_path / "many.brief"
    save_brief(brief, path)
    with qtbot.waitSignal(window.document_changed, timeout=60_000):
        assert window.open_brief(path)
        assert window.load_progress.isVisible() and window.document.path is None  # still the seed
    assert window.document.path == path and len(window.document.brief.key_facts) == 400
    assert not window.load_progress.isVisible()
    broken = tmp_path / "broken.brief"
    broken.write_bytes(path.read_bytes().replace(b'"start": 21', b'"start": -21'))
    with qtbot.waitSignal(window.error_reported, timeout=60_000) as error:
        assert window.open_brief(broken)
    assert error.args[0].startswith(str(broken)) and "must be at least 0" in error.args[0]
    assert window.document.path == path


def test_the_window_says_a_codec_is_no_text_encoding(window, qtbot, tmp_path):
    f = tmp_path / "talks.txt"
    f.write_text("Grain talks\n" + BODY, "utf-8")
    assert window.open_article(f)

    answer_encoding_later("base64")
    with qtbot.waitSignal(window.error_reported, timeout=10_000) as error:
        window.reopen_encoding_action.trigger()
    assert error.args[0].startswith("'base64' is not a text encoding")
    assert window.document.brief.sources[0].text.startswith("Grain talks")  # the article as it was


def test_an_edit_made_while_a_brief_loads_is_not_lost_without_asking(window, qtbot, tmp_path):
    """The load runs in the background, so the analyst can go on typing; when it is done, the window asks
    again before the edited brief is replaced."""
    from PySide6.QtWidgets import QMessageBox

    from briefing_app.core.brief import KEY_FACTS, brief_from_article
    from briefing_app.core.brief_file import save_brief
    from briefing_app.gui.undo_commands import SetField

    brief = brief_from_article(load_article(SEED))
    for start in range(0, 400 * 15, 15):
        brief.add_item(KEY_FACTS, 1, start + 1, start + 12)
    path = tmp_path / "many.brief"
    save_brief(brief, path)
    assert window.open_brief(path)
    window.undo_stack.push(SetField(window.document.brief, "title", "Edited while it loaded"))
    qtbot.waitUntil(lambda: window.prompt is not None, timeout=60_000)
    assert window.document.brief.title == "Edited while it loaded" and window.document.path is None
    with qtbot.waitSignal(window.document_changed):
        window.prompt.button(QMessageBox.Discard).click()
    assert window.document.path == path

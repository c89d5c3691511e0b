"""Suggestions in the window (issue 8), driven as an analyst would: open the Suggestions tab, move
through the list, Enter to accept, Del to reject, accept all of a kind, undo."""

from PySide6.QtCore import Qt

from briefing_app.gui.highlighter import SUGGESTION

from helpers.window import press, ready


def row_of(pane, startswith: str) -> int:
    for row in range(pane.list.count()):
        if pane.list.suggestion_at(row).text.startswith(startswith):
            return row
    raise AssertionError(f"no suggestion starting {startswith!r}")


def test_suggestions_are_listed_and_marked_without_blocking_the_window(qtbot, window):
    pane = ready(qtbot, window)
    shown = pane.shown()
    assert {s.kind for s in shown} == {"key_fact", "expert_assessment", "opinion"}
    assert shown[0].kind != "opinion" and shown[-1].kind == "opinion"  # rhetoric last
    marked = window.article_pane.highlighter.spans(SUGGESTION)
    assert len(marked) == sum(s.kind != "opinion" for s in shown)
    pane.filter.setCurrentIndex(2)  # expert assessments only
    assert {pane.list.suggestion_at(r).kind for r in range(pane.list.count())} == {"expert_assessment"}


def test_enter_accepts_with_speaker_del_rejects_and_undo_takes_it_back(qtbot, window):
    pane = ready(qtbot, window)
    brief = window.document.brief
    pane.list.setCurrentRow(row_of(pane, "“Behind the Moscow-Pyongyang agreement"))
    # choosing a suggestion shows its passage selected in the article
    assert window.article_view.textCursor().selectedText().startswith("“Behind the Moscow")
    press(qtbot, pane.list, Qt.Key_Return)
    (item,) = brief.expert_assessments
    assert item.speaker == "Barthélémy Courmont" and "IRIS" in item.affiliation
    assert not any(s.text.startswith("“Behind the Moscow") for s in pane.shown())  # taken, so not listed
    assert window.windowTitle().startswith("*") or window.isWindowModified() or not window.undo_stack.isClean()

    before = len(pane.shown())
    pane.list.setCurrentRow(row_of(pane, "The Pentagon and NATO confirmed"))
    press(qtbot, pane.list, Qt.Key_Delete)
    assert len(pane.shown()) == before - 1 and not brief.key_facts  # rejected: hidden, nothing added

    press(qtbot, window.article_view, Qt.Key_Z, Qt.ControlModifier)
    assert not brief.expert_assessments
    qtbot.waitUntil(lambda: any(s.text.startswith("“Behind the Moscow") for s in pane.shown()))


def test_accept_all_of_a_kind_is_one_undo_step(qtbot, window):
    pane = ready(qtbot, window)
    brief = window.document.brief
    facts = [s for s in pane.open_suggestions() if s.kind == "key_fact"]
    qtbot.mouseClick(pane.accept_facts_button, Qt.LeftButton)
    assert [i.text for i in brief.key_facts] == [s.text for s in facts]
    assert not brief.expert_assessments
    qtbot.mouseClick(pane.accept_assessments_button, Qt.LeftButton)
    assert all(i.speaker for i in brief.expert_assessments) and len(brief.expert_assessments) >= 4
    assert not pane.accept_facts_button.isEnabled() and not pane.accept_assessments_button.isEnabled()
    window.undo_stack.undo()
    assert not brief.expert_assessments and len(brief.key_facts) == len(facts)
    window.undo_stack.undo()
    assert not brief.key_facts
    qtbot.waitUntil(lambda: pane.accept_facts_button.isEnabled())


def test_rejections_are_remembered_for_the_article_and_can_be_restored(qtbot, window):
    from briefing_app.gui.app import open_main_window

    pane = ready(qtbot, window)
    pane.list.setCurrentRow(row_of(pane, "The Pentagon and NATO confirmed"))
    press(qtbot, pane.list, Qt.Key_Delete)
    assert not any(s.text.startswith("The Pentagon and NATO confirmed") for s in pane.shown())
    assert pane.restore_button.isEnabled() and "(1)" in pane.restore_button.text()

    # the same article in a new window (another session): still rejected
    again = open_main_window()
    qtbot.addWidget(again)
    try:
        other = ready(qtbot, again)
        assert not any(s.text.startswith("The Pentagon and NATO confirmed") for s in other.shown())
        qtbot.mouseClick(other.restore_button, Qt.LeftButton)
        assert any(s.text.startswith("The Pentagon and NATO confirmed") for s in other.shown())
        assert not other.restore_button.isEnabled()
        assert window.rejections.load(again.document.brief.source(1).sha256) == set()  # forgotten on disk
    finally:
        again.undo_stack.clear()
        again.close()


def test_thousands_of_marks_are_drawn_a_chunk_at_a_time(qtbot, qapp):
    from PySide6.QtGui import QPalette, QTextDocument

    from briefing_app.gui.highlighter import CHUNK, SpanHighlighter

    doc = QTextDocument("\n".join(f"Paragraph {i} says 12 things happened." for i in range(1000)))
    lighter = SpanHighlighter(doc, QPalette())
    spans = [(b.position(), b.position() + 9) for b in (doc.findBlockByNumber(i) for i in range(1000))]
    lighter.set_spans(SUGGESTION, spans)

    def underlined(number: int) -> bool:
        return any(
            f.format.fontUnderline() or f.format.underlineStyle()
            for f in doc.findBlockByNumber(number).layout().formats()
        )

    assert lighter.busy and not underlined(0)  # a slice per turn of the event loop, from the top of the article
    # one pass of the event loop at a time (qtbot.waitUntil sleeps 10 ms a poll, in which a fast machine runs every
    # slice, or a loaded one three)
    for _ in range(100):
        qapp.processEvents()
        if underlined(0):
            break
    assert not underlined(999) and sum(underlined(n) for n in range(1000)) <= 2 * CHUNK  # CHUNK blocks a slice
    qtbot.waitUntil(lambda: not lighter.busy)
    assert all(underlined(n) for n in range(1000))
    lighter.set_spans(SUGGESTION, [])
    lighter.settle()
    assert not any(underlined(n) for n in (0, 500, 999))


def test_tab_into_the_list_then_enter_accepts_the_current_row_and_del_rejects_it(qtbot, window):
    pane = ready(qtbot, window)
    brief = window.document.brief
    with qtbot.waitActive(window):
        window.activateWindow()
    pane.filter.setFocus()
    press(qtbot, pane.filter, Qt.Key_Tab)  # into the list: a row becomes current, none is selected
    assert pane.list.hasFocus() and pane.list.currentRow() == 0
    assert not pane.list.selectionModel().selectedRows()
    first = pane.list.suggestion_at(0)
    assert pane.accept_button.isEnabled() and pane.reject_button.isEnabled()  # they act on it too
    press(qtbot, pane.list, Qt.Key_Return)
    assert [item.text for _, item in brief.all_items()] == [first.text]
    pane.list.clearSelection()
    current = pane.list.suggestion_at(pane.list.currentRow())
    before = len(pane.shown())
    press(qtbot, pane.list, Qt.Key_Delete)
    assert len(pane.shown()) == before - 1 and current not in pane.shown()


def test_the_focused_list_and_its_current_row_are_framed_plainly(qtbot, window):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtGui import QPalette

    pane = ready(qtbot, window)
    with qtbot.waitActive(window):
        window.activateWindow()
    pane.list.setFocus()
    pane.list.selectionModel().setCurrentIndex(pane.list.model().index(1), QItemSelectionModel.NoUpdate)
    qtbot.wait(20)
    highlight = pane.list.palette().color(QPalette.Highlight).rgb()
    image = pane.list.viewport().grab().toImage()
    row = pane.list.visualRect(pane.list.model().index(1))
    top = [image.pixel(x, row.top()) for x in range(row.left() + 4, row.right() - 4)]
    left = [image.pixel(row.left(), y) for y in range(row.top() + 4, row.bottom() - 4)]
    # a solid line in the highlight colour along the row's edges, not a faint dotted one
    assert sum(p == highlight for p in top) > 0.9 * len(top)
    assert sum(p == highlight for p in left) > 0.9 * len(left)
    whole = pane.list.grab().toImage()  # the list's own frame shows it has the focus
    assert whole.pixel(0, whole.height() // 2) == highlight and whole.pixel(1, whole.height() // 2) == highlight


def test_suggestions_wait_until_a_big_brief_s_rows_are_laid_out(qtbot, window):
    # the engine's thread holds the interpreter; started while the item lists measure 1,500 rows a batch at a
    # time, it made each batch wait its turn and the window stall for over 100 ms
    from briefing_app.core.document import Document

    from helpers.big_brief import big_brief

    def unplaced_rows() -> bool:  # a shown list whose last row has no place yet: its batches are still measured
        lists = [rows for rows in window.brief_pane.lists.values() if rows.isVisible() and rows.count()]
        return any(not rows.visualRect(rows.model().index(rows.count() - 1)).isValid() for rows in lists)

    started = []
    runner = window.suggest.suggesting
    real_start = runner.start

    def start(job):
        started.append(unplaced_rows())
        real_start(job)

    runner.start = start
    window.set_document(Document(big_brief(1500, 0.2)))
    assert unplaced_rows()  # the rows are measured after the brief is shown, not before
    qtbot.waitUntil(lambda: bool(started), timeout=20000)
    assert started == [False]
    qtbot.waitUntil(lambda: not runner.busy, timeout=20000)


def test_suggestions_wait_for_the_lists_no_longer_than_a_limit(qtbot, window, monkeypatch):
    # a list that never reports its rows laid out (however that could happen) never keeps suggestions away
    from briefing_app.core.article import article_from_text
    from briefing_app.core.brief import brief_from_article
    from briefing_app.core.document import Document
    from briefing_app.gui import suggestions_controller

    monkeypatch.setattr(suggestions_controller, "SETTLE_MAX_S", 0.5)
    window.suggest.settling = lambda: True
    text = "Harbour costs\n\nAna Ruiz, an economist at Kappa Bank, said costs would probably rise next year.\n"
    window.set_document(Document(brief_from_article(article_from_text(text, origin="costs.txt"))))
    qtbot.waitUntil(lambda: window.suggestions_pane.shown() != [], timeout=20000)

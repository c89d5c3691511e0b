"""One-click export from the window: Ctrl+E asks once, then re-exports; big exports never freeze the window."""

import os
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox

from briefing_app.core.brief import KEY_FACTS
from briefing_app.core.brief_file import dumps
from briefing_app.core.review import review
from briefing_app.gui.app import open_main_window
from briefing_app.gui.wording import counted

from helpers.pdf_helpers import all_text, reader
from helpers.url_opener import Opener

pytestmark = pytest.mark.gui


def press_ctrl_e(qtbot, window):
    qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier)


def test_ctrl_e_asks_once_then_re_exports_to_the_same_file(window, qtbot, tmp_path):
    text = window.document.brief.sources[0].text
    start = text.index("The Pentagon and NATO confirmed")
    window.document.brief.add_item(KEY_FACTS, 1, start, text.index(".", start) + 1)

    press_ctrl_e(qtbot, window)
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith(".pdf")  # pre-filled with the brief's title
    target = tmp_path / "troops.pdf"
    with qtbot.waitSignal(window.export_finished, timeout=30_000) as done:
        dialog.selectFile(str(target))
        dialog.accept()
    assert done.args[0].path == target and done.args[0].pages == 1
    findings = counted(len(review(window.document.brief)), "review finding")  # no BLUF, no comment ...: advice only
    assert window.statusBar().currentMessage() == f"Exported 1 page to {target} — {findings}"
    assert window.open_pdf_button.isVisible()
    assert "ThePentagonandNATOconfirmedonOctober28,2024" in all_text(target)

    # second time: no dialog, the same file, the brief's latest state
    qtbot.waitUntil(window.export_action.isEnabled)
    with qtbot.waitActive(window):  # offscreen has no window manager to give focus back after the dialog
        window.activateWindow()
    window.export_dialog = None
    window.document.brief.set_field("title", "Second export")
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        press_ctrl_e(qtbot, window)
    assert window.export_dialog is None
    assert "Secondexport" in all_text(target)


def test_a_large_export_shows_progress_and_keeps_the_window_responsive(window, qtbot, tmp_path):
    """An export of thousands of items runs while the GUI thread keeps handling events: no gap between
    two ticks of a 20 ms GUI timer may come near the export's own length (an export on the GUI thread
    would show one gap as long as the export)."""
    seed = window.document.brief.sources[0].text
    article = tmp_path / "long.txt"
    article.write_text(seed + "\n" + "\n".join(seed.split("\n")[1:] * 2), "utf-8")
    window.open_article(article)
    brief = window.document.brief
    text = brief.sources[0].text
    for start in range(0, len(text) - 5, 4):
        if not text[start].isspace():
            brief.add_item(KEY_FACTS, 1, start, start + 3)
    assert len(brief.key_facts) > 3000
    # let the window draw the 3,000 items first: laying out a list that long while the export thread
    # runs competes with it for the GIL, which is not what this test measures
    qtbot.waitUntil(lambda: window.brief_pane.lists[KEY_FACTS].count() == len(brief.key_facts))
    qtbot.wait(300)
    window.document.export_path = tmp_path / "big.pdf"
    ticks, progress_seen = [], []
    window.export_progress.valueChanged.connect(progress_seen.append)
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(20)
    began = time.perf_counter()
    with qtbot.waitSignal(window.export_finished, timeout=120_000) as done:
        press_ctrl_e(qtbot, window)
        assert not window.export_action.isEnabled()  # no second export while one runs
    ended = time.perf_counter()
    timer.stop()
    assert done.args[0].pages > 50
    assert ended - began > 0.6, "the export must be long enough for this test to mean something"
    moments = [began] + [t for t in ticks if began <= t <= ended] + [ended]
    longest_gap = max(b - a for a, b in zip(moments, moments[1:], strict=False))
    assert longest_gap < 0.5, f"the window froze for {longest_gap:.2f} s of a {ended - began:.2f} s export"
    moving = [p for p in progress_seen if 0 < p < 100]
    assert len(moving) >= 3 and moving == sorted(moving)  # the bar moved forward on the way
    qtbot.waitUntil(window.export_action.isEnabled)
    assert not window.export_progress.isVisible()


def test_an_export_failure_is_reported_and_the_brief_is_untouched(window, qtbot, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    window.document.export_path = folder / "x.pdf"
    before = dumps(window.document.brief)
    if os.geteuid() == 0:  # root writes anywhere: aim at a folder that does not exist instead
        window.document.export_path = tmp_path / "missing" / "x.pdf"
    with qtbot.waitSignal(window.error_reported, timeout=30_000) as error:
        press_ctrl_e(qtbot, window)
    assert "does not exist" in error.args[0] or "permission denied" in error.args[0]
    qtbot.waitUntil(lambda: window.export_action.isEnabled())
    assert dumps(window.document.brief) == before


def test_page_size_is_chosen_in_the_menu_and_remembered(window, qtbot, tmp_path):
    letter = next(a for a in window.page_size_actions.actions() if a.data() == "letter")
    letter.trigger()
    assert window.page_size() == "letter"
    window.document.export_path = tmp_path / "letter.pdf"
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        press_ctrl_e(qtbot, window)
    box = reader(tmp_path / "letter.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    again = open_main_window()  # a new window (or a new start) reads the same setting
    qtbot.addWidget(again)
    assert again.page_size() == "letter"
    assert next(a for a in again.page_size_actions.actions() if a.isChecked()).data() == "letter"
    next(a for a in window.page_size_actions.actions() if a.data() == "a4").trigger()


def export_once(window, qtbot, target):
    window.document.export_path = target
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        press_ctrl_e(qtbot, window)
    assert window.open_pdf_button.isVisible()


def test_open_pdf_without_a_viewer_says_so_and_offers_the_folder(window, qtbot, tmp_path):
    target = tmp_path / "brief.pdf"
    export_once(window, qtbot, target)
    # offscreen, as on a desktop without a PDF viewer, QDesktopServices.openUrl returns False
    qtbot.mouseClick(window.open_pdf_button, Qt.LeftButton)
    box = window.prompt
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "brief.pdf" in box.text() and str(tmp_path) in box.informativeText()
    show = next(b for b in box.buttons() if b.text() == "Show &folder")
    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        qtbot.mouseClick(show, Qt.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opener.urls == [str(tmp_path)] and window.prompt is None


def test_open_pdf_with_neither_viewer_nor_file_manager_shows_the_path_to_copy(window, qtbot, tmp_path):
    target = tmp_path / "brief.pdf"
    export_once(window, qtbot, target)
    qtbot.mouseClick(window.open_pdf_button, Qt.LeftButton)
    show = next(b for b in window.prompt.buttons() if b.text() == "Show &folder")
    qtbot.mouseClick(show, Qt.LeftButton)  # the folder cannot be opened either
    box = window.prompt
    assert box.isVisible() and box.informativeText() == str(target)
    assert box.textInteractionFlags() & Qt.TextSelectableByMouse
    copy = next(b for b in box.buttons() if b.text() == "&Copy path")
    qtbot.mouseClick(copy, Qt.LeftButton)
    assert QApplication.clipboard().text() == str(target)


def test_open_pdf_opens_it_in_the_viewer(window, qtbot, tmp_path):
    target = tmp_path / "brief.pdf"
    export_once(window, qtbot, target)
    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        qtbot.mouseClick(window.open_pdf_button, Qt.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opener.urls == [str(target)] and window.prompt is None
    assert "Opening brief.pdf" in window.statusBar().currentMessage()

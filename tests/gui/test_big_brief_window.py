"""Opening a big brief in the window (issue 16 point 6): from PROCESS_LOAD_BYTES on it is read in a worker
process, with a progress bar and Cancel, so the window goes on handling events; the brief it shows is the
one a load in the GUI's own process gives; Cancel leaves the open brief as it was; a spoilt big brief is
refused with the very message a small one gets."""

import re

import pytest
from PySide6.QtCore import Qt

from briefing_app.core.brief import KEY_FACTS
from briefing_app.core.brief_file import BriefFileError, save_brief
from briefing_app.core.document import Document
from briefing_app.gui.files_controller import OPENING_BRIEF
from briefing_app.gui.jobs import PROCESS_LOAD_BYTES, ProcessJob
from briefing_app.gui.undo_commands import AddItem
from briefing_app.gui.wording import sentence

from helpers.big_brief import altered_item_text, big_brief, write_big_brief

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.brief"
    brief = write_big_brief(path)
    assert path.stat().st_size >= PROCESS_LOAD_BYTES
    return path, brief


def test_a_big_brief_opens_in_a_worker_process_with_progress_and_is_the_same_brief(window, qtbot, saved):
    path, brief = saved
    files = window.files
    shown: list[int] = []
    files.loads.progressed.connect(shown.append)
    with qtbot.waitSignal(files.document_opened, timeout=30_000):
        assert window.open_path(path)
        job = files.loads.job
        assert isinstance(job, ProcessJob) and job.name == OPENING_BRIEF
        assert files.progress.isVisible() and files.progress.maximum() == 100  # a percentage, not "busy"
        assert files.loads.cancel_button.isVisible()
    assert window.document.brief == brief == Document.open(path).brief  # as an in-thread load gives it
    assert window.document.path == path and window.document.disk_sha256 == Document.open(path).disk_sha256
    assert shown and shown == sorted(shown) and shown[-1] == 100  # the worker's progress reached the bar
    assert files.progress.isHidden() and not files.loads.cancel_button.isVisible()
    assert window.windowTitle().startswith(brief.title or "big") and window.undo_stack.isClean()
    # the window works on it: the items are listed, an edit is one undo step
    assert window.brief_pane.lists[KEY_FACTS].count() == len(brief.key_facts)


def test_cancel_leaves_the_open_brief_as_it_was(window, qtbot, saved):
    path, _ = saved
    files = window.files
    before = window.document
    text = before.brief.sources[0].text
    start = text.index("The Pentagon")
    window.undo_stack.push(AddItem(before.brief, KEY_FACTS, 1, start, text.index(".", start) + 1))
    kept, index, title = before.brief.snapshot(), window.undo_stack.index(), window.windowTitle()
    with qtbot.waitSignal(files.loads.finished, timeout=30_000) as finished:
        assert files.open_brief(path)  # as the Open dialog does once unsaved changes are let go or kept
        assert files.loads.cancel_button.isVisible()
        qtbot.mouseClick(files.loads.cancel_button, Qt.LeftButton)
    assert finished.args[0].cancelled
    assert window.document is before and before.brief == kept and window.undo_stack.index() == index
    assert window.windowTitle() == title and window.statusBar().currentMessage() == "Not opened: loading was cancelled"
    assert files.progress.isHidden() and not files.loads.cancel_button.isVisible()


def test_a_spoilt_big_brief_is_refused_with_the_message_a_small_one_gets(window, qtbot, saved, tmp_path):
    small, big = tmp_path / "small.brief", tmp_path / "big.brief"
    save_brief(big_brief(items=30, megabytes=0.01), small)
    big.write_bytes(saved[0].read_bytes())
    before = window.document
    said = {}
    for path in (small, big):
        altered_item_text(path)
        with pytest.raises(BriefFileError) as refused:  # what a load in this process says
            Document.open(path)
        with qtbot.waitSignal(window.error_reported, timeout=30_000) as error:
            window.open_path(path)
            assert isinstance(window.files.loads.job, ProcessJob) == (path is big)
        assert error.args[0] == sentence(str(refused.value))  # one line, the same words, thread or process
        said[path] = re.sub(r"\d+-\d+", "<span>", error.args[0].replace(str(path), "<file>"))
    assert said[big] == said[small] == "<file>: key_facts[0].text: does not match source 1 at <span>"
    assert window.document is before

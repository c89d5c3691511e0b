"""Never lose work: a killed window's brief is offered back at the next start, with every change."""

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS
from briefing_app.core.document import Document
from briefing_app.core.loaders import load_article
from briefing_app.core.recovery import recovery_path, write_recovery
from briefing_app.gui.app import open_main_window
from briefing_app.gui.autosave import pending_recoveries, recovery_folder
from briefing_app.gui.undo_commands import SetField

from helpers.support import SEED

pytestmark = pytest.mark.gui
CRASH = Path(__file__).resolve().parents[1] / "helpers" / "crash_window.py"


def kill_after_autosave() -> Path:
    from briefing_app.gui.app import application

    application()  # names the app, which names its data folder
    for old in recovery_folder().glob("*.recovery.json"):  # left by windows of other tests
        old.unlink()
    proc = subprocess.Popen([sys.executable, str(CRASH)], stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("autosaved "), f"the window never autosaved (said {line!r})"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return Path(line.split(" ", 1)[1].strip())


def test_a_killed_window_is_offered_back_and_nothing_is_lost(qtbot):
    copy = kill_after_autosave()
    window = open_main_window()
    qtbot.addWidget(window)
    assert copy.parent == recovery_folder() and copy.exists()  # the user's data folder (XDG_DATA_HOME)
    prompt = window.prompt
    assert prompt is not None and "was not saved" in prompt.text()
    # when, as a person reads it: local time, no ISO "T" or UTC offset
    assert re.search(r"A recovery copy from (today|yesterday) at \d\d:\d\d holds", prompt.informativeText())
    # the details line under the title shows the seed article as opened, before the restore
    assert "Le Monde diplomatique" not in window.meta_label.text()
    with qtbot.waitSignal(window.document_changed):
        next(b for b in prompt.buttons() if "Restore" in b.text()).click()
    brief = window.document.brief
    assert [it.text for it in brief.items(KEY_FACTS)] == [
        "Moscow is reportedly recruiting 30,000 new soldiers each month"
    ]
    assert brief.items(EXPERT_ASSESSMENTS)[0].speaker == "Barthélémy Courmont"
    assert brief.bluf == "Killed before saving."
    assert window.windowTitle().startswith("*")  # restored, not yet saved
    assert window.brief_pane.lists[KEY_FACTS].count() == 1
    # and after it, the restored brief's source: not the details of the article opened at the start
    assert "Le Monde diplomatique · 2024-11-02" in window.meta_label.text()

    # the copy stays until the brief is saved; saving removes it
    assert copy.exists()
    window.save_to(copy.parent.parent / "restored.brief")
    assert not copy.exists() and copy not in [c.path for c in pending_recoveries()]
    window.close()


def test_discarding_a_recovery_copy_removes_it_and_a_clean_start_asks_nothing(qtbot):
    copy = kill_after_autosave()
    window = open_main_window()
    qtbot.addWidget(window)
    next(b for b in window.prompt.buttons() if "Discard" in b.text()).click()
    assert not copy.exists()
    window.close()
    again = open_main_window()
    qtbot.addWidget(again)
    assert again.prompt is None
    again.close()


# --- a running window's copy is its own
def start_autosaved_window() -> tuple[subprocess.Popen, Path]:
    """Another running window (another process) with an unsaved change and its recovery copy on disk."""
    from briefing_app.gui.app import application

    application()
    for old in recovery_folder().glob("*.recovery.json"):
        old.unlink()
    proc = subprocess.Popen([sys.executable, str(CRASH)], stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line.startswith("autosaved "):
        proc.kill()
        pytest.fail(f"the window never autosaved (said {line!r})")
    return proc, Path(line.split(" ", 1)[1].strip())


def test_a_second_window_never_offers_or_discards_a_running_windows_copy(qtbot):
    proc, copy = start_autosaved_window()
    try:
        second = open_main_window()
        qtbot.addWidget(second)
        assert second.prompt is None  # not "was not saved when the app last stopped": it is being worked on
        assert copy not in [c.path for c in pending_recoveries()]
        second.close()
        assert copy.exists()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    # once that window is gone (killed), its copy is an orphan and is offered back
    third = open_main_window()
    qtbot.addWidget(third)
    assert third.prompt is not None and "was not saved" in third.prompt.text()
    next(b for b in third.prompt.buttons() if "Discard" in b.text()).click()
    assert not copy.exists()
    third.close()


def test_two_windows_in_one_app_keep_their_own_copies(qtbot):
    first = open_main_window()
    qtbot.addWidget(first)
    brief = first.document.brief
    first.undo_stack.push(SetField(brief, "bluf", "Work in the first window"))
    first.autosaver.write_now()
    mine = recovery_path(first.autosaver.folder, first.document.recovery_key)
    assert mine.exists()
    second = open_main_window()
    qtbot.addWidget(second)
    assert second.prompt is None and mine.exists()
    second.close()
    first.undo_stack.undo()  # back to as opened: its copy goes
    first.close()
    assert not mine.exists()


# --- one bad copy never stops the app
def test_a_bad_recovery_copy_is_named_with_its_problem_and_the_app_starts(qtbot):
    from briefing_app.gui.app import application

    application()
    for old in recovery_folder().glob("*.recovery.json"):
        old.unlink()
    document = Document.from_article(load_article(SEED))
    bad = write_recovery(document.brief, recovery_folder(), "bad-date")
    envelope = json.loads(bad.read_text("utf-8"))
    envelope["brief"]["date"] = "2024-02-30"
    bad.write_text(json.dumps(envelope), "utf-8")

    window = open_main_window()  # before: BriefError, and the app did not start at all
    qtbot.addWidget(window)
    assert window.document is not None and window.isVisible()
    box = window.prompt
    assert box is not None and "cannot be restored" in box.text() and "2024-02-30" in box.text()
    assert str(bad) in box.informativeText()
    next(b for b in box.buttons() if "Keep" in b.text()).click()
    assert bad.exists() and window.prompt is None
    window.close()

    again = open_main_window()  # kept: named again at the next start, and this time discarded
    qtbot.addWidget(again)
    next(b for b in again.prompt.buttons() if "Discard" in b.text()).click()
    assert not bad.exists()
    again.close()

"""Never lose work: a killed window's brief is offered back at the next start, with every change."""

import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS
from briefing_app.gui.app import open_main_window
from briefing_app.gui.autosave import pending_recoveries, recovery_folder

pytestmark = pytest.mark.gui
CRASH = Path(__file__).resolve().parent / "crash_window.py"


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

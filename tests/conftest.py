"""Test-wide set-up: Qt offscreen, and every per-user folder (settings, data, recovery) in a temp dir."""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# Before anything imports Qt: no display is needed, and nothing touches the real user's files.
# tests/xcb/ runs again on the xcb platform under Xvfb (test_xcb_platform.py starts it): key bindings,
# focus and dialogs differ there, and offscreen once hid a dead Redo shortcut.
PLATFORM = os.environ.get("BRIEFING_APP_TEST_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = PLATFORM
collect_ignore = [] if PLATFORM == "xcb" else ["xcb"]
_HOME = Path(tempfile.mkdtemp(prefix="briefing-app-tests-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(_HOME / var.lower())
os.environ["XDG_RUNTIME_DIR"] = str(_HOME / "runtime")
(_HOME / "runtime").mkdir(mode=0o700)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "north-koreans-in-russia.txt"
PROBE = Path(__file__).resolve().parent / "probe_window.py"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def venv_bin(name: str) -> str:
    """A console script installed beside the running interpreter (the project's .venv)."""
    return str(Path(sys.executable).parent / name)


@pytest.fixture
def window(qtbot):
    """The app's main window on the seed article, shown offscreen, closed after the test."""
    from briefing_app.gui.app import open_main_window

    w = open_main_window()
    qtbot.addWidget(w)
    qtbot.waitExposed(w)
    yield w
    w.undo_stack.clear()  # a test's unsaved changes are let go: no prompt, no recovery copy left behind
    w.autosaver.discard()
    w.close()
    shutil.rmtree(w.rejections.folder, ignore_errors=True)  # each test starts with no suggestion rejected


def answer_encoding_later(name: str) -> None:
    """Once the event loop turns, type ``name`` into the "Reopen with encoding" dialog and press OK, as a
    user would answer the modal question that the next action opens."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(name)
        dialog.accept()

    QTimer.singleShot(0, answer)

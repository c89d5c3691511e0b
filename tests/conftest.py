"""Test-wide set-up: Qt offscreen, and every per-user folder (settings, data, recovery) in a temp dir."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from helpers.support import SEED

# Before anything imports Qt: no display is needed, and nothing touches the real user's files.
# gui/xcb/ runs again on the xcb platform under Xvfb (gui/test_xcb_platform.py starts it): key bindings,
# focus and dialogs differ there, and offscreen once hid a dead Redo shortcut.
PLATFORM = os.environ.get("BRIEFING_APP_TEST_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = PLATFORM
collect_ignore = [] if PLATFORM == "xcb" else ["gui/xcb"]
_HOME = Path(tempfile.mkdtemp(prefix="briefing-app-tests-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[var] = str(_HOME / var.lower())
os.environ["XDG_RUNTIME_DIR"] = str(_HOME / "runtime")
(_HOME / "runtime").mkdir(mode=0o700)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


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


@pytest.fixture
def default_log():
    """The log where the app keeps it (the tests' XDG_DATA_HOME), put back there after the test. It starts
    the test rolled over, empty: a 1 MB rollover between reading the log's size and reading what a command
    added would otherwise hand the test half a line."""
    import logging

    from briefing_app.core.logs import LOGGER, setup_logging

    path = setup_logging()
    for handler in logging.getLogger(LOGGER).handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            handler.doRollover()
    yield path
    setup_logging()


# The fixtures below serve a feature's library tests (unit/) and its command-line tests (cli/) alike.
@pytest.fixture(scope="module")
def p12(tmp_path_factory):
    """A throwaway PKCS#12 certificate (helpers/signing.py), made once per module."""
    from helpers.signing import make_p12

    return make_p12(tmp_path_factory.mktemp("certificate"))


@pytest.fixture(scope="module")
def signed(p12, tmp_path_factory):
    """The sample brief and its PDF, exported and signed with ``p12``."""
    from briefing_app.export import export_pdf
    from briefing_app.export.signing import open_certificate

    from helpers.sample_brief import sample_brief
    from helpers.signing import PASSWORD

    brief = sample_brief()
    out = tmp_path_factory.mktemp("signed") / "signed.pdf"
    export_pdf(brief, out, sign=open_certificate(p12, PASSWORD))
    return brief, out


@pytest.fixture(scope="module")
def sample():
    """The sample brief and its archival PDF's bytes."""
    from briefing_app.export import render_pdf

    from helpers.sample_brief import sample_brief

    brief = sample_brief()
    return brief, render_pdf(brief)[0]

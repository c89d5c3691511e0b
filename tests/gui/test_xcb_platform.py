"""Runs tests/gui/xcb/ again on the xcb platform under Xvfb, as an X11 user's keys reach the window.

The xcb platform cannot share a process with the offscreen one the rest of the suite uses, so the
xcb tests run in a pytest of their own (``xvfb-run`` comes with the test set-up, .ci/setup --test)."""

import os
import shutil
import subprocess
import sys

import pytest

from helpers.support import ROOT

pytestmark = pytest.mark.slow


def test_the_x11_key_tests_pass_under_xvfb():
    xvfb_run = shutil.which("xvfb-run")
    assert xvfb_run, "xvfb-run is missing: run `bash .ci/setup --test` (it installs the Debian package xvfb)"
    env = {**os.environ, "BRIEFING_APP_TEST_PLATFORM": "xcb"}
    env.pop("QT_QPA_PLATFORM", None)
    p = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 1600x1000x24", sys.executable, "-m", "pytest", "-q", "-p",
         "no:cacheprovider", str(ROOT / "tests" / "gui" / "xcb")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert p.returncode == 0, p.stdout[-4000:] + p.stderr[-2000:]
    assert " passed" in p.stdout and "skipped" not in p.stdout

"""The command line as a user runs it: the installed console script, exit codes, one-line errors."""

import json
import os
import subprocess
import sys

import pytest
from conftest import PROBE, venv_bin

from briefing_app import __version__
from briefing_app.__main__ import main


def run(*args, env=None, cwd=None):
    return subprocess.run(
        [venv_bin("briefing-app"), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"briefing-app {__version__}"
    assert main(["--help"]) == 0
    assert "usage: briefing-app" in capsys.readouterr().out


def test_usage_error_exits_2(capsys):
    assert main(["a.txt", "b.txt"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_python_m_and_console_script_agree(tmp_path):
    a = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    b = run("--version", cwd=tmp_path)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout == f"briefing-app {__version__}\n"


@pytest.mark.parametrize("display", [None, ":97"])
def test_no_display_gives_one_line_not_a_qt_abort(display):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if display:
        env["DISPLAY"] = display  # no X server listens there
    p = run(env=env)
    assert p.returncode == 1
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display found" in lines[0] and "briefing-app --help" in lines[0]


def test_run_command_opens_the_window_on_the_seed_article(seed_text):
    """The README's run command (no arguments) through the real entry point, offscreen, until painted."""
    p = subprocess.run([sys.executable, str(PROBE), "app"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    shown = json.loads(p.stdout.strip().splitlines()[-1])
    assert shown["title"] == "North Koreans in Russia: A Match Made in Military Heaven? — briefing-app"
    assert shown["chars"] == len(seed_text)
    assert shown["platform"] == "offscreen"


def test_a_path_on_the_command_line_is_opened(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("Troop numbers\nTen thousand soldiers arrived.\n", encoding="utf-8")
    p = subprocess.run(
        [sys.executable, str(PROBE), "app", str(article)], capture_output=True, text=True, timeout=60
    )
    assert json.loads(p.stdout.strip().splitlines()[-1])["title"] == "Troop numbers — briefing-app"

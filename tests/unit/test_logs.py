"""The app's log (issue 16, 7): a rotating file in the user's data folder, written by the command line, naming
files by their names only and never quoting an article or a brief (the window's side, and Help > About:
gui/test_logs_window.py)."""

import logging

from briefing_app.__main__ import main
from briefing_app.commands import COMMANDS
from briefing_app.core.brief_file import save_brief
from briefing_app.core.logs import LOG_NAME, data_folder, log_file, log_folder, scrub, setup_logging

from helpers.logs import log_size, logged_since


def test_the_log_is_in_the_data_folder_the_recovery_copies_use(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert data_folder() == tmp_path / "data" / "briefing-app" / "briefing-app"
    assert log_folder() == data_folder() / "logs"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # not absolute: ignored, as Qt ignores it
    assert str(data_folder()).endswith(".local/share/briefing-app/briefing-app")


def test_the_log_rotates_and_keeps_a_few_old_files(tmp_path, default_log):
    path = setup_logging(tmp_path, max_bytes=2_000, backups=2)
    assert path == tmp_path / LOG_NAME and log_file() == path
    log = logging.getLogger("briefing_app.tests")
    for n in range(200):
        log.info("line %03d of the rotation test", n)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2"]
    assert all(p.stat().st_size <= 2_000 for p in tmp_path.iterdir())
    assert "line 199 of the rotation test" in path.read_text("utf-8")  # the newest in the file itself
    assert "line 000" not in "".join(p.read_text("utf-8") for p in tmp_path.iterdir())  # the oldest let go


def test_a_folder_that_cannot_be_made_leaves_the_app_without_a_log_not_broken(tmp_path, default_log):
    (tmp_path / "file").write_text("not a folder")
    assert setup_logging(tmp_path / "file" / "logs") is None
    logging.getLogger("briefing_app.tests").warning("goes nowhere, raises nothing")


def test_messages_lose_what_they_quote_and_their_folders():
    assert scrub("the passage 'secret words' overlaps “other words”") == "the passage '…' overlaps '…'"
    assert scrub("permission denied: cannot write /home/ana/Cases/Kyiv/brief.pdf; choose another") == (
        "permission denied: cannot write brief.pdf; choose another"
    )
    assert len(scrub("x" * 5_000)) == 300


def test_the_command_line_logs_each_command_by_file_names_and_its_faults(tmp_path, default_log, monkeypatch, capsys):
    from helpers.sample_brief import sample_brief

    brief = tmp_path / "Case folder" / "troops.brief"
    brief.parent.mkdir()
    save_brief(sample_brief(), brief)
    start = log_size()
    assert main(["check", str(brief)]) == 0
    text = logged_since(start)
    assert "INFO briefing_app.cli: check brief=troops.brief\n" in text
    assert "briefing_app.cli: check: exit 0 in " in text
    assert str(tmp_path) not in text and "Case folder" not in text

    def broken(args):
        return {}["no such key"]

    monkeypatch.setitem(COMMANDS, "check", (COMMANDS["check"][0], COMMANDS["check"][1], broken))
    start = log_size()
    assert main(["check", str(brief)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: KeyError" in err  # one line for the user
    text = logged_since(start)
    assert "ERROR briefing_app.cli: Unexpected error:\nTraceback (most recent call last):" in text
    assert "in broken" in text and "KeyError: 'no such key'" in text

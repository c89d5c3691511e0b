"""The app's log (issue 16, 7): a rotating file in the user's data folder, written by the window and the
command line, naming files by their names only and never quoting an article or a brief; Help > About shows
where it is."""

import logging
import platform

import pytest
from PySide6.QtCore import qVersion
from url_opener import Opener

from briefing_app.__main__ import main
from briefing_app.commands import COMMANDS
from briefing_app.core.brief_file import save_brief
from briefing_app.core.logs import LOG_NAME, data_folder, log_file, log_folder, scrub, setup_logging


@pytest.fixture
def default_log():
    """The log where the app keeps it (the tests' XDG_DATA_HOME), put back there after the test."""
    yield setup_logging()
    setup_logging()


def logged_since(start: int) -> str:
    return log_file().read_text("utf-8")[start:]


def log_size() -> int:
    return log_file().stat().st_size if log_file().exists() else 0


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
    from sample_brief import sample_brief

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


def test_the_window_logs_files_by_name_and_never_their_text(window, qtbot, tmp_path, default_log, seed_text):
    start = log_size()
    folder = tmp_path / "Private case"
    folder.mkdir()
    article = folder / "report.txt"
    article.write_text(seed_text, "utf-8")
    window.open_article(article)
    window.document.export_path = folder / "report.pdf"
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        window.export_action.trigger()
    assert window.save_to(folder / "report.brief")
    window.brief_pane.error.emit("that passage overlaps 'The Pentagon and NATO confirmed'")
    text = logged_since(start)
    assert "New brief on report.txt" in text
    assert "exporting report.pdf: started in a worker process" in text and "Exported 1 page to report.pdf" in text
    assert "Saved report.brief" in text
    assert "Told the user: That passage overlaps '…'" in text
    assert "Private case" not in text and str(tmp_path) not in text
    for paragraph in seed_text.split("\n"):
        for sentence in paragraph.split(". "):
            if len(sentence) > 30:
                assert sentence not in text


def test_help_about_shows_the_versions_and_the_log_file_and_opens_its_folder(window, qtbot, default_log):
    from PySide6.QtGui import QDesktopServices

    from briefing_app import __version__
    from briefing_app.gui.autosave import app_data_folder

    assert data_folder() == app_data_folder()  # the log follows the folder rules of the recovery copies
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.about_action in help_menu.actions()
    window.about_action.trigger()
    dialog = window.about_dialog
    qtbot.waitExposed(dialog)
    assert dialog.log_field.text() == str(log_file()) == str(default_log)
    assert dialog.log_field.isReadOnly()
    dialog.log_field.selectAll()
    assert dialog.log_field.selectedText() == str(log_file())  # selectable, so it can be copied
    shown = " ".join(label.text() for label in dialog.findChildren(type(dialog.versions)))
    assert __version__ in shown and platform.python_version() in shown and f"Qt {qVersion()}" in shown
    opener = Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        dialog.open_folder_button.click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opener.urls == [str(log_file().parent)]
    dialog.close()
    qtbot.waitUntil(lambda: window.about_dialog is None)

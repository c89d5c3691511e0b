"""The log in the window (issue 16, 7): files named by their names only, never their text; Help > About shows the
log file and opens its folder."""

import platform

from PySide6.QtCore import qVersion

from briefing_app.core.logs import data_folder, log_file

from helpers.logs import log_size, logged_since
from helpers.url_opener import Opener


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

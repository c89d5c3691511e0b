"""The files controller alone, without the window: real articles and briefs on disk, its signals observed."""

import os

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from briefing_app.core.brief_file import load_brief
from briefing_app.core.recovery import recovery_path
from briefing_app.gui.app import application
from briefing_app.gui.files_controller import FilesController
from briefing_app.gui.jobs import ProcessJob
from briefing_app.gui.undo_commands import SetField

ARTICLE = "Harbour report\n\nThe port handled 4,000 ships in 2023.\n\nA second paragraph says more.\n"
OTHER = "Rail report\n\nTrains carried 2 million tonnes of grain in May.\n"


@pytest.fixture
def files(qtbot, tmp_path):
    application()  # the settings' names, as the app sets them (recent files are kept there)
    parent = QWidget()
    qtbot.addWidget(parent)
    stack = QUndoStack(parent)
    controller = FilesController(stack, parent)
    yield controller
    stack.clear()
    controller.autosaver.discard()
    controller.autosaver.release()


def write(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def test_opening_an_article_announces_a_new_brief(files, qtbot, tmp_path):
    path = write(tmp_path, "harbour.txt", ARTICLE)
    with qtbot.waitSignal(files.document_opened) as opened, qtbot.waitSignal(files.status) as status:
        assert files.open_path(path)
    document, modified = opened.args
    assert document is files.document and not modified
    assert document.brief.sources[0].text == ARTICLE and document.brief.title == "Harbour report"
    assert document.brief.sources[0].encoding == "utf-8"  # the source is the article as it was read
    assert status.args[0] == f"Opened {path}"
    menu_owner = QWidget()
    qtbot.addWidget(menu_owner)
    menu = QMenu(menu_owner)
    files.fill_recent_menu(menu)
    assert menu.actions()[0].text() == "harbour.txt" and menu.actions()[0].statusTip() == str(path.resolve())


def test_a_missing_file_is_one_clear_error_and_changes_nothing(files, qtbot, tmp_path):
    with qtbot.waitSignal(files.error) as error:
        assert not files.open_path(tmp_path / "gone.txt")
    assert error.args[0] == "Could not open the article" and "gone.txt" in error.args[1]
    assert files.document is None
    with qtbot.waitSignal(files.error) as error:
        files.open_recent(str(tmp_path / "gone.txt"))
    assert error.args[0] == "File not found"


def big_article(folder):
    paragraph = "The port handled 4,000 ships in 2023 and more are expected next year. " * 20
    path = write(folder, "big.txt", "Big harbour report\n\n" + "\n\n".join([paragraph] * 1800))
    assert os.path.getsize(path) > 2 * 1024 * 1024
    return path


def test_a_big_article_loads_in_a_worker_process(files, qtbot, tmp_path):
    path = big_article(tmp_path)
    with qtbot.waitSignal(files.document_opened, timeout=30_000) as opened:
        assert files.open_article(path)
        assert isinstance(files.loads.job, ProcessJob) and not files.progress.isHidden()  # with a progress bar
    assert opened.args[0].brief.title == "Big harbour report" and files.progress.isHidden()
    assert opened.args[0].brief.sources[0].text == path.read_text("utf-8")


def test_a_cancelled_load_changes_nothing(files, qtbot, tmp_path):
    files.open_path(write(tmp_path, "harbour.txt", ARTICLE))
    first = files.document
    said = []
    files.status.connect(lambda message, _ms: said.append(message))
    with qtbot.waitSignal(files.loads.finished, timeout=30_000) as finished:
        files.open_article(big_article(tmp_path))
        assert files.loads.cancel()
    assert finished.args[0].cancelled and files.document is first
    assert said[-1] == "Not opened: loading was cancelled"
    assert files.progress.isHidden()


def test_saving_writes_the_brief_and_marks_it_clean(files, qtbot, tmp_path):
    files.open_path(write(tmp_path, "harbour.txt", ARTICLE))
    files.undo_stack.push(SetField(files.document.brief, "title", "Port traffic"))
    assert files.modified
    target = tmp_path / "port.brief"
    with qtbot.waitSignal(files.saved) as saved, qtbot.waitSignal(files.flush_requested):
        files.save_as()
        files.save_dialog.selectFile(str(target))
        files.save_dialog.accept()
    assert saved.args == [str(target)] and not files.modified
    assert load_brief(target)[0] == files.document.brief

    # reopened: the same brief, from its file
    with qtbot.waitSignal(files.document_opened) as opened:
        files.open_path(target)
    assert opened.args[0].brief.title == "Port traffic" and opened.args[0].path == target


def test_a_file_changed_on_disk_is_only_overwritten_when_the_user_says_so(files, qtbot, tmp_path):
    files.open_path(write(tmp_path, "harbour.txt", ARTICLE))
    target = tmp_path / "port.brief"
    assert files.save_to(target)
    target.write_text(target.read_text("utf-8").replace("Harbour report", "Edited elsewhere"), "utf-8")
    files.undo_stack.push(SetField(files.document.brief, "title", "Mine"))
    with qtbot.waitSignal(files.prompt_changed) as asked:
        assert not files.save_to(target)
    box = asked.args[0]
    assert isinstance(box, QMessageBox) and "was changed by someone else" in box.text()
    assert "Edited elsewhere" in target.read_text("utf-8")  # nothing written yet
    with qtbot.waitSignal(files.saved):
        box.button(QMessageBox.Save).click()
    assert load_brief(target)[0].title == "Mine"


def test_unsaved_changes_are_asked_about_before_another_file_replaces_them(files, qtbot, tmp_path):
    files.open_path(write(tmp_path, "harbour.txt", ARTICLE))
    first = files.document
    files.undo_stack.push(SetField(first.brief, "title", "Unsaved work"))
    with qtbot.waitSignal(files.prompt_changed) as asked:
        files.request_open(write(tmp_path, "rail.txt", OTHER))
    box = asked.args[0]
    assert "Unsaved work" in box.text() and files.document is first  # asked, nothing replaced yet
    with qtbot.waitSignal(files.document_opened) as opened:
        box.button(QMessageBox.Discard).click()
    assert opened.args[0].brief.sources[0].text == OTHER
    assert files.may_close(lambda: None)  # nothing to ask about now


def recovery_copy(files):
    """The open brief's recovery copy, written now (as the autosave timer would)."""
    files.autosaver.write_now()
    path = recovery_path(files.autosaver.folder, files.document.recovery_key)
    assert path.exists()
    return path


def test_changes_let_go_keep_their_recovery_copy_until_another_brief_replaces_them(files, qtbot, tmp_path):
    files.open_path(write(tmp_path, "harbour.txt", ARTICLE))
    first = files.document
    files.undo_stack.push(SetField(first.brief, "title", "Unsaved work"))
    copy = recovery_copy(files)

    # "Discard", then the file cannot be read: the brief stays open with its changes, and so does its copy
    with qtbot.waitSignal(files.prompt_changed) as asked:
        files.request_open(tmp_path / "gone.txt")
    with qtbot.waitSignal(files.error):
        asked.args[0].button(QMessageBox.Discard).click()
    assert files.document is first and files.modified and copy.exists()

    # "Discard", then the big article's load is cancelled: the same
    with qtbot.waitSignal(files.prompt_changed) as asked:
        files.request_open(big_article(tmp_path))
    with qtbot.waitSignal(files.loads.finished, timeout=30_000) as finished:
        asked.args[0].button(QMessageBox.Discard).click()
        assert files.loads.cancel()
    assert finished.args[0].cancelled and files.document is first and copy.exists()

    # "Discard", and the other article opens: now the changes are gone, and their copy with them
    with qtbot.waitSignal(files.prompt_changed) as asked:
        files.request_open(write(tmp_path, "rail.txt", OTHER))
    with qtbot.waitSignal(files.document_opened):
        asked.args[0].button(QMessageBox.Discard).click()
    assert files.document is not first and not copy.exists()


def test_closing_with_changes_asks_then_closes_once_they_are_let_go(files, qtbot, tmp_path):
    files.open_path(write(tmp_path, "harbour.txt", ARTICLE))
    files.undo_stack.push(SetField(files.document.brief, "title", "Unsaved work"))
    closed = []
    with qtbot.waitSignal(files.prompt_changed) as asked:
        assert not files.may_close(lambda: closed.append(files.may_close(lambda: None)))
    copy = recovery_copy(files)
    asked.args[0].button(QMessageBox.Discard).click()
    assert closed == [True]  # asked again from close(), it now lets the window go
    assert not copy.exists()  # let go: not offered back at the next start


def test_adding_a_source_and_the_same_text_twice(files, qtbot, tmp_path):
    files.open_path(write(tmp_path, "harbour.txt", ARTICLE))
    rail = write(tmp_path, "rail.txt", OTHER)
    with qtbot.waitSignal(files.source_added) as added:
        assert files.add_source_file(rail)
    assert added.args == [2] and files.document.brief.sources[1].text == OTHER
    with qtbot.waitSignal(files.error) as error:
        files.add_source_file(rail)
    assert error.args == ["Already a source", "That text is already source 2 of the brief."]
    files.undo_stack.undo()  # adding a source is one step of undo
    assert len(files.document.brief.sources) == 1


def test_a_file_dropped_on_the_widget_opens(files, qtbot, tmp_path):
    target = QWidget()
    qtbot.addWidget(target)
    files.watch_drops(target)
    path = write(tmp_path, "rail.txt", OTHER)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPointF(5, 5).toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(files.document_opened) as opened:
        QApplication.sendEvent(target, QDropEvent(QPointF(5, 5), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
    assert opened.args[0].brief.sources[0].text == OTHER

    text_only = QMimeData()
    text_only.setText("not a file")
    refused = QDragEnterEvent(QPointF(5, 5).toPoint(), Qt.CopyAction, text_only, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, refused)
    assert not refused.isAccepted()


def test_a_recovery_copy_is_offered_and_restored(files, qtbot, tmp_path):
    files.open_path(write(tmp_path, "harbour.txt", ARTICLE))
    files.undo_stack.push(SetField(files.document.brief, "title", "Killed before saving"))
    files.autosaver.write_now()
    files.autosaver.release()  # as if the process had died: the copy is an orphan now
    files.autosaver.document = None

    parent = QWidget()
    qtbot.addWidget(parent)
    later = FilesController(QUndoStack(parent), parent)
    with qtbot.waitSignal(later.prompt_changed) as asked:
        later.offer_recovery()
    box = asked.args[0]
    assert "Killed before saving" in box.text()
    with qtbot.waitSignal(later.document_opened) as opened:
        next(b for b in box.buttons() if "Restore" in b.text()).click()
    document, modified = opened.args
    assert document.brief.title == "Killed before saving" and modified and later.modified
    later.undo_stack.clear()
    later.autosaver.discard()
    later.autosaver.release()

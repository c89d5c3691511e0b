"""The window's outputs as a user meets them: Export offers PDF, Word and Markdown and remembers the last one
(in a new window, and after a restart); each file reads back with its hostile text literal; Copy brief puts
HTML and plain text on the clipboard together; the Brief tab's Final box undoes like any edit and decides
whether the outputs say DRAFT; a PDF is signed with the certificate chosen once, its password asked at each
export, and a wrong password or an expired certificate leaves the earlier PDF as it was."""

import json
import subprocess
import sys

import docx
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from briefing_app.core.brief_file import load_brief
from briefing_app.core.document import Document
from briefing_app.core.review import review
from briefing_app.export import FORMATS
from briefing_app.export.clipboard import render_html, render_plain
from briefing_app.export.markdown import render_markdown
from briefing_app.export.signing import verify_pdf
from briefing_app.gui.app import open_main_window
from briefing_app.gui.dialogs import PasswordDialog
from briefing_app.gui.outputs import CERTIFICATE_KEY, FORMAT_KEY, SIGN_KEY, name_filter
from briefing_app.gui.wording import counted

from helpers import hostile_brief as h
from helpers.pdf_helpers import all_text, squash
from helpers.signing import PASSWORD, SIGNER, make_p12
from helpers.text_formats import COMMONMARK, Page

pytestmark = pytest.mark.gui

CTRL_SHIFT = Qt.ControlModifier | Qt.ShiftModifier


@pytest.fixture(autouse=True)
def fresh_settings():
    """Each test starts, and leaves the next one, with no format remembered and no certificate set."""
    keys = (FORMAT_KEY, SIGN_KEY, CERTIFICATE_KEY)
    for key in keys:
        QSettings().remove(key)
    yield
    for key in keys:
        QSettings().remove(key)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("certificates")
    return {"valid": make_p12(folder), "expired": make_p12(folder, days=-1)}


def activate(qtbot, window) -> None:
    """Keys reach the window that is active (offscreen has no window manager to give focus back)."""
    with qtbot.waitActive(window):
        window.activateWindow()


def export_dialog(qtbot, window, keys=(Qt.Key_E, CTRL_SHIFT)):
    """Export As (Ctrl+Shift+E) as the user presses it: the export dialog."""
    activate(qtbot, window)
    window.export_dialog = None
    qtbot.keyClick(window, *keys)
    dialog = window.export_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def choose_format(dialog, name: str) -> None:
    """Pick ``name``'s entry in "Files of type" with the arrow keys, as a user does."""
    combo = dialog.findChild(QComboBox, "fileTypeCombo")
    wanted = combo.findText(name_filter(FORMATS[name]))
    assert wanted >= 0
    while combo.currentIndex() != wanted:
        QTest.keyClick(combo, Qt.Key_Down if combo.currentIndex() < wanted else Qt.Key_Up)


def export_as(qtbot, window, path, fmt: str | None = None):
    """Export to ``path`` through the dialog (in format ``fmt`` if given); the ExportResult."""
    dialog = export_dialog(qtbot, window)
    if fmt is not None:
        choose_format(dialog, fmt)
    with qtbot.waitSignal(window.export_finished, timeout=30_000) as done:
        dialog.selectFile(str(path))
        dialog.accept()
    return done.args[0]


def show_hostile_brief(window):
    window.set_document(Document(h.hostile_brief()))
    return window.document.brief


@pytest.mark.parametrize("fmt", ["pdf", "docx", "markdown"])
def test_export_offers_every_format_and_each_file_reads_back_literally(window, qtbot, tmp_path, fmt):
    brief = show_hostile_brief(window)
    dialog = export_dialog(qtbot, window)
    assert dialog.nameFilters() == [name_filter(f) for f in FORMATS.values()]
    dialog.reject()
    # a name without an extension gets the chosen format's
    result = export_as(qtbot, window, tmp_path / "brief", fmt)
    target = tmp_path / f"brief{FORMATS[fmt].suffix}"
    assert result.path == target and result.format == fmt and target.is_file()
    assert not (tmp_path / "brief").exists()
    said = window.statusBar().currentMessage()
    findings = f" — {counted(len(review(brief)), 'review finding')}"  # the hostile brief has some: advice only
    if fmt == "pdf":
        assert said == f"Exported {result.pages} pages to {target}{findings}" and result.pages > 1
        text = all_text(target)
        for value in (h.TITLE, h.FACTS[0], h.FACTS[1]):
            assert squash(value) in text
        assert load_brief(target)[0] == brief  # the PDF carries the brief, every string of it
    elif fmt == "docx":
        assert said == f"Exported a Word document to {target}{findings}"
        paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
        assert h.TITLE in paragraphs
        for fact in h.FACTS:
            assert any(p.startswith(fact) for p in paragraphs), fact
    else:
        assert said == f"Exported a Markdown file to {target}{findings}"
        assert target.read_text("utf-8") == render_markdown(brief)
        page = Page(COMMONMARK.render(target.read_text("utf-8")))
        assert page.texts("h1") == [h.TITLE]
        for fact in h.FACTS:
            assert any(text.startswith(fact) for text in page.texts("li")), fact
    assert window.open_pdf_button.isVisible() and window.open_pdf_button.text().startswith("Open ")


def test_the_format_follows_the_extension_typed_and_re_export_keeps_it(window, qtbot, tmp_path):
    # the PDF filter is offered, the name says Word: the name decides
    result = export_as(qtbot, window, tmp_path / "typed.docx")
    assert result.format == "docx" and docx.Document(str(tmp_path / "typed.docx")).paragraphs
    # the second Ctrl+E asks nothing and writes the same file, in the same format
    window.document.brief.set_field("title", "Second version")
    activate(qtbot, window)
    window.export_dialog = None
    with qtbot.waitSignal(window.export_finished, timeout=30_000) as done:
        qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier)
    assert window.export_dialog is None
    assert done.args[0].path == tmp_path / "typed.docx" and done.args[0].format == "docx"
    assert "Second version" in [p.text for p in docx.Document(str(tmp_path / "typed.docx")).paragraphs]
    # a name whose extension names no format gets the chosen filter's, after it
    result = export_as(qtbot, window, tmp_path / "Brief 2024.10", "markdown")
    assert result.path == tmp_path / "Brief 2024.10.md"


def test_choosing_a_format_changes_the_names_extension(window, qtbot):
    dialog = export_dialog(qtbot, window)
    assert dialog.selectedFiles()[0].endswith(".pdf")
    choose_format(dialog, "docx")
    assert dialog.selectedFiles()[0].endswith(".docx") and dialog.defaultSuffix() == "docx"
    choose_format(dialog, "markdown")
    assert dialog.selectedFiles()[0].endswith(".md")
    dialog.reject()


def test_the_last_format_is_offered_first_in_a_new_window_and_after_a_restart(window, qtbot, tmp_path):
    export_as(qtbot, window, tmp_path / "memo", "docx")
    again = open_main_window()
    qtbot.addWidget(again)
    dialog = export_dialog(qtbot, again, (Qt.Key_E, Qt.ControlModifier))  # its first Ctrl+E asks where
    assert dialog.selectedNameFilter() == name_filter(FORMATS["docx"])
    assert dialog.selectedFiles()[0].endswith(".docx")
    dialog.reject()
    again.close()
    QSettings().sync()  # as the settings are on disk when the app quits
    probe = (
        "import json, os\n"
        "from briefing_app.gui.app import open_main_window\n"
        "w = open_main_window()\n"
        "w.outputs.export()\n"
        "print(json.dumps([w.export_dialog.selectedNameFilter(), w.export_dialog.selectedFiles()[0]]), flush=True)\n"
        "os._exit(0)\n"
    )
    p = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    shown_filter, name = json.loads(p.stdout.strip().splitlines()[-1])
    assert shown_filter == name_filter(FORMATS["docx"]) and name.endswith(".docx")


def test_copy_brief_puts_html_and_plain_text_on_the_clipboard_together(window, qtbot):
    brief = show_hostile_brief(window)
    QApplication.clipboard().clear()
    activate(qtbot, window)
    window.brief_pane.lists["key_facts"].setFocus()
    qtbot.keyClick(window.brief_pane.lists["key_facts"], Qt.Key_C, CTRL_SHIFT)
    data = QApplication.clipboard().mimeData()
    assert data.hasHtml() and data.hasText()
    assert data.html() == render_html(brief) and data.text() == render_plain(brief)
    page = Page(data.html())
    assert page.texts("h1") == [h.TITLE] and h.LONG_WORD in data.text()
    assert window.statusBar().currentMessage() == "Copied the brief to the clipboard, formatted and as plain text"


def test_the_new_shortcuts_are_each_held_by_one_action():
    """Ctrl+Shift+C and Ctrl+Shift+E: a key held twice makes Qt call it ambiguous and do nothing."""
    from PySide6.QtGui import QAction, QKeySequence

    window = open_main_window()
    try:
        held: dict[str, list[str]] = {}
        for action in window.findChildren(QAction):
            for key in action.shortcuts():
                held.setdefault(key.toString(QKeySequence.PortableText), []).append(action.text())
        assert held["Ctrl+Shift+C"] == ["&Copy brief"]
        assert held["Ctrl+Shift+E"] == ["E&xport As…"]
        assert held["Ctrl+E"] == ["&Export…"]
    finally:
        window.close()


def test_the_final_box_in_the_brief_tab_undoes_and_decides_whether_exports_say_draft(window, qtbot, tmp_path):
    pane, brief = window.brief_pane, window.document.brief
    activate(qtbot, window)
    qtbot.keyClick(window.article_view, Qt.Key_B, Qt.AltModifier)  # the Brief tab
    box = pane.final_box
    assert brief.status == "draft" and not box.isChecked() and "DRAFT" in pane.status_note.text()
    out = tmp_path / "memo.md"
    export_as(qtbot, window, out)  # the dialog offers PDF; the name says Markdown
    assert out.read_text("utf-8").startswith("DRAFT")
    activate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_N, Qt.AltModifier)  # "Fi&nal — ready to send"
    qtbot.waitUntil(box.isChecked)  # a mnemonic clicks the box as a short animation
    assert brief.status == "final" and box.isChecked() and "DRAFT" not in pane.status_note.text().split(":")[0]
    assert window.undo_stack.undoText() == "Mark the brief final" and window.modified
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        qtbot.keyClick(box, Qt.Key_E, Qt.ControlModifier)  # re-export, now final
    assert "DRAFT" not in out.read_text("utf-8")
    qtbot.keyClick(box, Qt.Key_Z, Qt.ControlModifier)  # undo, from the box itself
    assert brief.status == "draft" and not box.isChecked() and "DRAFT" in pane.status_note.text()
    window.redo_action.trigger()
    assert brief.status == "final" and box.isChecked()
    pane.field_editors["handling"].setFocus()
    qtbot.keyClick(pane.field_editors["handling"], Qt.Key_Tab)
    assert box.hasFocus()  # in the form's order: Handling, Status, BLUF
    on_the_box = QPoint(8, box.height() // 2)  # a click right of the label, in the row's width, misses it
    qtbot.mouseClick(box, Qt.LeftButton, pos=on_the_box)
    qtbot.mouseClick(box, Qt.LeftButton, pos=on_the_box)
    assert window.undo_stack.count() == 3  # each click a step of its own, never merged
    window.undo_stack.undo()
    assert brief.status == "draft"


def choose_certificate(qtbot, window, path) -> None:
    """File > Signing certificate > Choose…, as the user picks the file."""
    window.outputs.choose_certificate_action.trigger()
    dialog = window.outputs.certificate_dialog
    assert dialog.isVisible()
    dialog.selectFile(str(path))
    dialog.accept()


def answer_password(qtbot, window, password: str | None) -> None:
    prompt = window.prompt
    assert isinstance(prompt, PasswordDialog) and prompt.isVisible()
    if password is None:
        prompt.reject()
        return
    qtbot.keyClicks(prompt.password, password)
    qtbot.keyClick(prompt.password, Qt.Key_Return)


def re_export_failing(qtbot, window, password: str) -> str:
    """Ctrl+E, answer ``password``; the error the window reports."""
    activate(qtbot, window)
    with qtbot.waitSignal(window.error_reported, timeout=30_000) as error:
        qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier)
        answer_password(qtbot, window, password)
    qtbot.waitUntil(window.export_action.isEnabled)
    for box in window.findChildren(QMessageBox):
        box.close()  # the user reads the message and closes it
    return error.args[0]


def test_a_pdf_is_signed_with_the_certificate_chosen_once_and_its_password_asked_each_time(
    window, qtbot, tmp_path, certificates
):
    dialog = export_dialog(qtbot, window)
    assert not dialog.sign_box.isEnabled() and "choose a certificate first" in dialog.sign_box.text()
    dialog.reject()
    assert not window.outputs.forget_certificate_action.isEnabled()
    choose_certificate(qtbot, window, certificates["valid"])
    assert window.outputs.certificate() == certificates["valid"]
    assert window.outputs.certificate_shown.text() == f"In use: {certificates['valid'].name}"

    dialog = export_dialog(qtbot, window)
    assert dialog.sign_box.isEnabled() and dialog.sign_box.isChecked()
    assert certificates["valid"].name in dialog.sign_box.text()
    choose_format(dialog, "docx")
    assert not dialog.sign_box.isEnabled() and not dialog.sign_box.isChecked()  # only a PDF is signed
    choose_format(dialog, "pdf")
    assert dialog.sign_box.isChecked()
    target = tmp_path / "signed.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        answer_password(qtbot, window, PASSWORD.decode())
    verdict = verify_pdf(target)
    assert verdict.intact and verdict.signer == SIGNER
    findings = f" — {counted(len(review(window.document.brief)), 'review finding')}"
    assert window.statusBar().currentMessage() == f"Exported 1 page to {target}, signed by {SIGNER}{findings}"
    QSettings().sync()
    assert PASSWORD not in open(QSettings().fileName(), "rb").read()  # the password is never stored
    signed = target.read_bytes()

    # a wrong password: one line, the signed PDF stays, and the next Ctrl+E asks the password again
    error = re_export_failing(qtbot, window, "wrong horse")
    assert error == f"Wrong password for the certificate file {certificates['valid']}"
    assert target.read_bytes() == signed and window.document.export_path == target
    # cancelled: nothing written, nothing reported
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier)
    answer_password(qtbot, window, None)
    assert not window.outputs.exports.busy and target.read_bytes() == signed
    assert "signed.pdf was left as it was" in window.statusBar().currentMessage()
    # an expired certificate: refused the same way
    window.outputs.set_certificate(certificates["expired"])
    error = re_export_failing(qtbot, window, PASSWORD.decode())
    assert "not today" in error and "\n" not in error and target.read_bytes() == signed

    # forgotten: the next export is not signed, and asks nothing
    window.outputs.forget_certificate_action.trigger()
    assert window.outputs.certificate() is None and window.outputs.certificate_shown.text() == "None chosen"
    activate(qtbot, window)
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier)
    assert not verify_pdf(target).signed


def test_unticking_sign_exports_unsigned_and_is_remembered(window, qtbot, tmp_path, certificates):
    window.outputs.set_certificate(certificates["valid"])
    dialog = export_dialog(qtbot, window)
    dialog.sign_box.click()
    assert not dialog.sign_box.isChecked()
    with qtbot.waitSignal(window.export_finished, timeout=30_000):
        dialog.selectFile(str(tmp_path / "plain.pdf"))
        dialog.accept()  # no password asked
    assert not verify_pdf(tmp_path / "plain.pdf").signed
    dialog = export_dialog(qtbot, window)
    assert dialog.sign_box.isEnabled() and not dialog.sign_box.isChecked()
    dialog.reject()

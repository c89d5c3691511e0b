"""The window's side of safe writing: a read-only PDF is refused with a clear message and the next
Ctrl+E asks where instead; a title too long for a file name is cut to fit when the window suggests one."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from briefing_app.gui.undo_commands import SetField

pytestmark = pytest.mark.gui


def test_exporting_over_a_read_only_pdf_is_refused_and_the_next_export_asks_where(window, qtbot, tmp_path):
    pdf = tmp_path / "signed-off.pdf"
    pdf.write_bytes(b"%PDF-1.4 the version the director signed")
    pdf.chmod(0o444)
    window.document.export_path = pdf
    with qtbot.waitSignal(window.error_reported, timeout=30_000) as error:
        qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier)
    assert error.args[0].endswith(
        "signed-off.pdf is read-only, so it was not replaced; choose another name, or make the file writable first"
    )
    assert pdf.read_bytes() == b"%PDF-1.4 the version the director signed"
    qtbot.waitUntil(window.export_action.isEnabled)
    for box in window.findChildren(QMessageBox):
        box.close()  # the user reads the message and closes it
    window.export_dialog = None
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key_E, Qt.ControlModifier)
    assert window.export_dialog is not None and window.export_dialog.isVisible()  # where to, this time
    window.export_dialog.reject()


def test_the_save_dialog_suggests_a_long_cjk_title_cut_to_fit(window, qtbot):
    window.undo_stack.push(SetField(window.document.brief, "title", "朝鮮軍部隊のロシア派遣に関する分析" * 10))
    window.files.save_as()
    name = window.files.save_dialog.selectedFiles()[0].rsplit("/", 1)[-1]
    assert name.endswith(".brief") and name.startswith("朝鮮軍部隊") and len(name.encode()) <= 130
    window.files.save_dialog.reject()

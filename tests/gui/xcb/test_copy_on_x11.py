"""Copy brief (Ctrl+Shift+C) on X11, read back by another program (run by test_xcb_platform.py).

Inside one process Qt hands its own clipboard object back; here a second process asks the X server for
the clipboard, as a mail client or a terminal pasting would, and gets text/html and text/plain in UTF-8.
The keys are pressed wherever the user may be: in the article, in an item list, in a text field."""

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from briefing_app.core.document import Document
from briefing_app.export.clipboard import render_html, render_plain

from helpers import hostile_brief as h

pytestmark = pytest.mark.gui

# prints what another X client finds on the clipboard: its formats, the HTML's bytes, the text
READER = """
import json, sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
data = app.clipboard().mimeData()
html = bytes(data.data("text/html"))
print(json.dumps({"formats": data.formats(), "html": html.decode("utf-8"), "text": data.text()}))
"""


@pytest.fixture(autouse=True)
def active(window, qtbot):
    with qtbot.waitActive(window):
        window.activateWindow()


def read_clipboard_from_another_program(qtbot) -> dict:
    reader = subprocess.Popen([sys.executable, "-c", READER], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # this process owns the clipboard: its event loop must run to answer the reader
    qtbot.waitUntil(lambda: reader.poll() is not None, timeout=30_000)
    out, err = reader.communicate()
    assert reader.returncode == 0, err.decode()
    return json.loads(out)


@pytest.mark.parametrize("where", ["article", "item list", "text field"])
def test_ctrl_shift_c_puts_html_and_plain_text_on_the_x11_clipboard(window, qtbot, where):
    window.set_document(Document(h.hostile_brief()))
    brief = window.document.brief
    pane = window.brief_pane
    QApplication.clipboard().setText("before")
    if where == "text field":
        pane.setCurrentIndex(1)
        target = pane.field_editors["title"]
    else:
        target = window.article_view if where == "article" else pane.lists["key_facts"]
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)
    qtbot.keyClick(target, Qt.Key_C, Qt.ControlModifier | Qt.ShiftModifier)
    found = read_clipboard_from_another_program(qtbot)
    assert "text/html" in found["formats"] and "text/plain" in found["formats"]
    assert found["html"] == render_html(brief)  # UTF-8 bytes, as the fragment's charset says
    assert found["text"] == render_plain(brief)
    assert h.FACTS[6] in found["text"] and h.LONG_WORD in found["text"]  # Arabic, a 20,000-character word
    assert window.document.brief.title == h.TITLE  # the key typed nothing into the field

""" "Reopen with encoding…" reads only a file the user opened on this computer: never a path a .brief
names as its source's origin (a brief received from someone else could name /proc/self/environ or
~/.ssh/id_ed25519, and saving would then carry that file's contents inside the brief)."""

import json

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from briefing_app.core import loaders

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("origin", ["/proc/self/environ", "SECRET", "~/.ssh/id_ed25519", "../../../proc/self/environ"])
def test_a_brief_naming_a_local_file_as_its_origin_is_never_read(window, qtbot, tmp_path, origin, monkeypatch):
    secret = tmp_path / "id_ed25519"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY----- TOP SECRET\n", "utf-8")
    origin = str(secret) if origin == "SECRET" else origin
    good = tmp_path / "received.brief"
    window.document.save(good)
    data = json.loads(good.read_text("utf-8"))
    data["sources"][0]["origin"] = origin  # as a crafted brief from someone else would have it
    crafted = tmp_path / "from-a-stranger.brief"
    crafted.write_text(json.dumps(data), "utf-8")
    QSettings().remove("source_files")  # this computer never opened the brief's article
    assert window.open_brief(crafted)

    read, asked = [], []
    real = loaders.read_limited
    monkeypatch.setattr(loaders, "read_limited", lambda path, *a: read.append(path) or real(path, *a))

    def answer_utf8() -> None:  # were it asked, the user would pick an encoding, as they would
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            asked.append(dialog)
            dialog.setTextValue("utf-8")
            dialog.accept()

    QTimer.singleShot(0, answer_utf8)
    with qtbot.waitSignal(window.error_reported, raising=False, timeout=2000) as error:
        window.reopen_encoding_action.trigger()
    qtbot.wait(50)  # a load in the background would be done by now
    assert read == [] and asked == []
    assert error.args and error.args[0].startswith("This text was not opened from a file on this computer")
    text = "".join(s.text for s in window.document.brief.sources)
    assert "TOP SECRET" not in text and "PATH=" not in text

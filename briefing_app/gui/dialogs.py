"""Small dialogs. Each is opened with ``open()`` (window-modal, no blocking loop) and answers through a
callback, so the event loop and the tests go on while it is shown.

Every string from a file (a brief's title, an article's words, a field named in an error) is shown as
plain text: Qt takes a string that merely looks like HTML for rich text, in a label, a message box or a
tooltip, and would draw a link to a local file or load a local image it names. ``plain_box`` and
``plain_tooltip`` are how the window shows such strings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QWidget

from ..core.brief import snippet


def plain_box(box: QMessageBox) -> QMessageBox:
    """``box`` with its text and informative text shown as plain text, links never opened. Call it once
    the texts are set: the informative text's label exists only from then on."""
    box.setTextFormat(Qt.PlainText)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.PlainText)
        label.setOpenExternalLinks(False)
    return box


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as written: escaped inside rich text (a tooltip has no plain-text
    setting, and one that looks like markup is rendered)."""
    if "<" not in text:  # no tag, so Qt shows it as plain text already (the common case, and free)
        return text
    import html  # with html.entities, a few ms at start-up for the rare tooltip that needs it

    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"  # wraps, keeps line breaks


class AssessmentDialog(QDialog):
    """Asks who made an expert assessment: speaker and affiliation, pre-filled with the app's guess."""

    def __init__(self, parent: QWidget, passage: str, speaker: str = "", affiliation: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Add expert assessment")
        self.setAttribute(Qt.WA_DeleteOnClose)
        quote = QLabel(f"“{snippet(passage, 300)}”")
        quote.setWordWrap(True)
        quote.setTextFormat(Qt.PlainText)
        self.speaker = QLineEdit(speaker)
        self.speaker.setPlaceholderText("Full name, e.g. Jean-Marc Sorel")
        self.affiliation = QLineEdit(affiliation)
        self.affiliation.setPlaceholderText("Role and organisation, e.g. director of IREDIES")
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Add")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(quote)
        form.addRow("&Speaker:", self.speaker)
        form.addRow("&Affiliation:", self.affiliation)
        form.addRow(buttons)
        self.resize(520, self.sizeHint().height())
        self.speaker.setFocus()
        self.speaker.selectAll()

    def values(self) -> tuple[str, str]:
        return self.speaker.text().strip(), self.affiliation.text().strip()


class PasswordDialog(QDialog):
    """Asks for the password of the certificate file ``certificate``, to sign one export; ``answer`` gets
    the password, or None if the user cancelled. The password is not kept: the field is emptied once read."""

    def __init__(self, parent: QWidget, certificate: Path, answer: Callable[[str | None], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sign the PDF")
        self.setAttribute(Qt.WA_DeleteOnClose)
        label = QLabel(f"Password for the certificate file {certificate.name}:")
        label.setTextFormat(Qt.PlainText)  # a file's name, shown as written
        label.setWordWrap(True)
        label.setToolTip(plain_tooltip(str(certificate)))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        label.setBuddy(self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText("Sign and export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(label)
        form.addRow(self.password)
        form.addRow(buttons)
        self.resize(420, self.sizeHint().height())

        def finished(result: int) -> None:
            typed = self.password.text() if result == QDialog.Accepted else None
            self.password.clear()
            answer(typed)

        self.finished.connect(finished)
        self.password.setFocus()


def _question(parent: QWidget, icon, title: str, text: str, informative: str) -> QMessageBox:
    """A window-modal question whose words may quote a file: plain text only, deleted once answered."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    plain_box(box)
    box.setAttribute(Qt.WA_DeleteOnClose)
    return box


def ask_unsaved(parent: QWidget, title: str, answer: Callable[[str], None]) -> QMessageBox:
    """Ask whether to save changes to the brief ``title``; ``answer`` gets "save", "discard" or "cancel"."""
    box = _question(parent, QMessageBox.Warning, "Unsaved changes", f"Save the changes to “{snippet(title, 80)}”?",
                    "Your changes are lost if you don't save them.")  # fmt: skip
    box.setStandardButtons(QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
    box.setDefaultButton(QMessageBox.Save)
    names = {QMessageBox.Save: "save", QMessageBox.Discard: "discard"}
    box.finished.connect(lambda _: answer(names.get(box.standardButton(box.clickedButton()), "cancel")))
    box.open()
    return box


def ask_restore(parent: QWidget, title: str, saved_at: str, answer: Callable[[str], None]) -> QMessageBox:
    """Offer back a brief recovered after a crash; ``answer`` gets "restore", "discard" or "later"."""
    box = _question(parent, QMessageBox.Question, "Recover unsaved brief",
                    f"The brief “{snippet(title, 80)}” was not saved when the app last stopped.",
                    f"A recovery copy from {saved_at} holds all its changes. Restore it?")  # fmt: skip
    restore = box.addButton("&Restore", QMessageBox.AcceptRole)
    discard = box.addButton("&Discard", QMessageBox.DestructiveRole)
    box.addButton("&Later", QMessageBox.RejectRole)
    box.setDefaultButton(restore)
    box.finished.connect(lambda _: answer({restore: "restore", discard: "discard"}.get(box.clickedButton(), "later")))
    box.open()
    return box


def ask_broken_recovery(parent: QWidget, path: str, problem: str, answer: Callable[[str], None]) -> QMessageBox:
    """Name a recovery copy that cannot be restored, and why; ``answer`` gets "discard" or "keep"."""
    box = _question(parent, QMessageBox.Warning, "Recovery copy cannot be restored",
                    f"A recovery copy of an unsaved brief cannot be restored: {problem}",
                    f"It is kept at {path}, unless you discard it.")  # fmt: skip
    box.setTextInteractionFlags(Qt.TextSelectableByMouse)  # the path can be copied
    discard = box.addButton("&Discard", QMessageBox.DestructiveRole)
    keep = box.addButton("&Keep", QMessageBox.RejectRole)
    box.setDefaultButton(keep)
    box.finished.connect(lambda _: answer("discard" if box.clickedButton() is discard else "keep"))
    box.open()
    return box

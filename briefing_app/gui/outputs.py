"""What the window makes of the brief for others: File > Export in every format (PDF, Word, Markdown), the
PDF's page size and signing certificate, and Edit > Copy brief.

Export asks where once (the file dialog offers every format, the last one used first) and then re-exports
to the same file at each Ctrl+E; Export As always asks. The format follows the file name's extension. The
work runs in a worker process on a snapshot of the brief (see :mod:`.jobs` and :mod:`..export.job`), with a
progress bar and a Cancel button in the status bar (a cancelled export leaves the file as it was, and no
temporary file), and so does signing: the
certificate is chosen once (File > Signing certificate, kept in the settings), its password is asked for
at each signed export and never kept. A failed export, a wrong password included, leaves any earlier file
as it was (``export_brief`` replaces it only once the new one is whole).
The status bar then says how many review findings the exported brief has (:mod:`briefing_app.core.review`,
with the Review tab's stale-days setting): advice, never a reason not to export.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QSettings, Qt, QUrl
from PySide6.QtGui import QActionGroup, QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
)

from ..core.kinds import ExportFormat
from ..core.logs import file_name
from ..export import FORMATS, ExportError, Format, format_for
from .actions import make_action
from .dialogs import PasswordDialog, plain_box, plain_tooltip
from .files_controller import default_folder
from .jobs import Job, JobRunner, ProcessJob
from .wording import counted

if TYPE_CHECKING:  # loaded with the first export, not at start-up
    from ..export.job import ExportOutcome, ExportWork

log = logging.getLogger(__name__)

PAGE_SIZE_KEY = "export/page_size"
FORMAT_KEY = "export/format"  # the format last chosen in the export dialog, offered first next time
SIGN_KEY = "export/sign"  # whether "Sign the PDF" was ticked last time
CERTIFICATE_KEY = "export/certificate"  # the signing certificate's path; its password is never stored
CERTIFICATE_FILTER = "Certificate files (*.p12 *.pfx);;All files (*)"
OPEN_LABELS = {ExportFormat.PDF: "Open PDF", ExportFormat.DOCX: "Open Word file",
               ExportFormat.MARKDOWN: "Open Markdown file"}  # fmt: skip


def suffixes(f: Format) -> tuple[str, ...]:
    """The extensions that name ``f`` (as :func:`~briefing_app.export.format_for` reads them)."""
    return (f.suffix, ".markdown") if f.name == ExportFormat.MARKDOWN else (f.suffix,)


def name_filter(f: Format) -> str:
    """``f`` as a file dialog's filter, e.g. "Word document (*.docx)"."""
    return f"{f.label} ({' '.join('*' + s for s in suffixes(f))})"


def known_format(path: str | Path) -> Format | None:
    try:
        return format_for(path)
    except ExportError:
        return None


class ExportDialog(QFileDialog):
    """Where to export, in which format, and whether to sign. The filters offer every format (``fmt``
    chosen); choosing one changes the name's extension to it, and the extension typed decides the format.
    Below, "Sign the PDF", open only for a PDF when a certificate is set. Qt's own dialog: a platform's
    dialog cannot show the box."""

    def __init__(self, parent, default: Path, fmt: Format, certificate: Path | None, sign: bool) -> None:
        super().__init__(parent, "Export", str(default.parent))
        self.setOption(QFileDialog.DontUseNativeDialog)
        self.setAcceptMode(QFileDialog.AcceptSave)
        self.formats = {name_filter(f): f for f in FORMATS.values()}
        self.setNameFilters(list(self.formats))
        self.selectNameFilter(name_filter(fmt))
        self.setDefaultSuffix(fmt.suffix.lstrip("."))
        self.selectFile(default.name)  # the folder is the dialog's own; a path here fills the name field
        self.certificate, self.sign_wanted = certificate, sign
        self.sign_box = QCheckBox()
        self.sign_box.toggled.connect(lambda on: setattr(self, "sign_wanted", on))  # the user's click only
        layout = self.layout()
        layout.addWidget(self.sign_box, layout.rowCount(), 0, 1, layout.columnCount())
        self.filterSelected.connect(self._filter_chosen)
        self.name_edit = self.findChild(QLineEdit, "fileNameEdit")  # the name field, as Qt's dialog calls it
        if self.name_edit is not None:
            self.name_edit.textChanged.connect(self._show_sign_box)
        self._show_sign_box()

    def filter_format(self) -> Format:
        return self.formats.get(self.selectedNameFilter(), FORMATS[ExportFormat.PDF])

    def target(self, chosen: str) -> tuple[Path, Format]:
        """The file to write for the name ``chosen`` and its format: a name whose extension names no format
        (none, or "Brief 2024.10") gets the chosen filter's."""
        path = Path(chosen)
        fmt = known_format(path)
        if fmt is None:
            fmt = self.filter_format()
            path = path.with_name(path.name + fmt.suffix)
        return path, fmt

    def _filter_chosen(self, name: str) -> None:
        self.setDefaultSuffix(self.formats[name].suffix.lstrip("."))  # Qt's dialog changes the name's extension itself
        self._show_sign_box()

    def _show_sign_box(self) -> None:
        typed = self.name_edit.text() if self.name_edit is not None else ""
        is_pdf = (known_format(typed) or self.filter_format()).name == ExportFormat.PDF
        box = self.sign_box
        if self.certificate is None:
            text, tip = "Sign the PDF: choose a certificate first, under File > Signing certificate", ""
        elif is_pdf:
            text = f"Si&gn the PDF with {self.certificate.name.replace('&', '&&')} (its password is asked for)"
            tip = str(self.certificate)
        else:
            text, tip = f"Sign the PDF with {self.certificate.name.replace('&', '&&')}: only a PDF can be signed", ""
        box.blockSignals(True)
        box.setText(text)
        box.setEnabled(self.certificate is not None and is_pdf)
        box.setChecked(box.isEnabled() and self.sign_wanted)  # never shown ticked where it would not sign
        box.blockSignals(False)
        box.setToolTip(plain_tooltip(tip))


class Outputs(QObject):
    """The window's exports and copies. Its actions, menus and status-bar widgets are the window's; the
    window shows its dialogs as ``window.export_dialog`` and ``window.prompt``. ``window`` is the main
    window, reached by what it holds (``document``, ``brief_pane``, ``review_pane``, ``report_error``,
    ``document_changed``, ``export_finished``), never imported."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.running: ExportWork | None = None
        self.certificate_dialog: QFileDialog | None = None
        a = make_action
        self.export_action = a(window, "&Export…", self.export, "Ctrl+E",
                               "Export the brief as PDF, Word or Markdown: asks where the first time, then "
                               "re-exports to the same file")  # fmt: skip
        self.export_as_action = a(window, "E&xport As…", self.export_as, "Ctrl+Shift+E",
                                  "Export the brief to another file or format")  # fmt: skip
        self.copy_action = a(window, "&Copy brief", self.copy_brief, "Ctrl+Shift+C",
                             "Copy the whole brief to the clipboard, formatted and as plain text")  # fmt: skip
        self.choose_certificate_action = a(window, "&Choose…", self.choose_certificate, None,
                                           "Choose the certificate file (.p12, .pfx) to sign PDFs with")  # fmt: skip
        self.forget_certificate_action = a(window, "&Forget it", self.forget_certificate, None,
                                           "Sign no more PDFs: forget the certificate file")  # fmt: skip
        self.exports = JobRunner(self)
        self.exports.finished.connect(self._export_done)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.progress.hide()
        self.exports.progressed.connect(self.progress.setValue)
        self.open_button = QPushButton(OPEN_LABELS[ExportFormat.PDF])
        self.open_button.setFlat(True)
        self.open_button.setToolTip("Open the exported file in the system's program for it")
        self.open_button.clicked.connect(self.open_exported)
        self.open_button.hide()
        window.document_changed.connect(self.update_actions)

    # --- menus
    def add_to_file_menu(self, menu: QMenu) -> None:
        menu.addActions([self.export_action, self.export_as_action])
        size_menu = menu.addMenu("PDF page si&ze")
        self.page_size_actions = QActionGroup(self)
        for key, label in (("a4", "A4"), ("letter", "US Letter")):
            action = size_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(key == self.page_size())
            action.setData(key)
            self.page_size_actions.addAction(action)
        self.page_size_actions.triggered.connect(lambda action: QSettings().setValue(PAGE_SIZE_KEY, action.data()))
        signing = menu.addMenu("Si&gning certificate")
        self.certificate_shown = signing.addAction("")
        self.certificate_shown.setEnabled(False)  # says which file, if any: nothing to do
        signing.addActions([self.choose_certificate_action, self.forget_certificate_action])
        self._show_certificate()

    def update_actions(self) -> None:
        has_brief = self.window.document is not None
        for action in (self.export_action, self.export_as_action):
            action.setEnabled(has_brief and not self.exports.busy)
        self.copy_action.setEnabled(has_brief)

    # --- settings
    def page_size(self) -> str:
        """The paper size of exported PDFs ("a4" or "letter"), kept in the user's settings."""
        value = str(QSettings().value(PAGE_SIZE_KEY, "a4"))
        return value if value in ("a4", "letter") else "a4"

    def last_format(self) -> Format:
        pdf = FORMATS[ExportFormat.PDF]
        return FORMATS.get(str(QSettings().value(FORMAT_KEY, pdf.name)), pdf)

    def certificate(self) -> Path | None:
        value = QSettings().value(CERTIFICATE_KEY)
        return Path(str(value)) if value else None

    def signing(self) -> bool:
        """Whether a PDF export is signed: a certificate is set and "Sign the PDF" was left ticked."""
        return self.certificate() is not None and str(QSettings().value(SIGN_KEY, "true")).lower() == "true"

    def choose_certificate(self) -> None:
        current = self.certificate()
        dialog = QFileDialog(self.window, "Signing certificate", str(current.parent) if current else "",
                             CERTIFICATE_FILTER)  # fmt: skip
        dialog.setFileMode(QFileDialog.ExistingFile)
        dialog.fileSelected.connect(self.set_certificate)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.certificate_dialog = dialog
        dialog.open()

    def set_certificate(self, path: str | Path) -> None:
        """Sign exported PDFs with the PKCS#12 file at ``path`` from now on (its password is asked each time)."""
        path = Path(path).absolute()
        settings = QSettings()
        settings.setValue(CERTIFICATE_KEY, str(path))
        settings.setValue(SIGN_KEY, True)  # chosen to sign with: the next export dialog has the box ticked
        self._show_certificate()
        self.window.statusBar().showMessage(
            f"PDFs you export are signed with {path.name}; its password is asked for at each export", 8000
        )

    def forget_certificate(self) -> None:
        QSettings().remove(CERTIFICATE_KEY)
        self._show_certificate()
        self.window.statusBar().showMessage("No signing certificate: PDFs are exported unsigned", 5000)

    def _show_certificate(self) -> None:
        current = self.certificate()
        self.certificate_shown.setText(f"In use: {current.name.replace('&', '&&')}" if current else "None chosen")
        self.certificate_shown.setToolTip(plain_tooltip(str(current)) if current else "")
        self.forget_certificate_action.setEnabled(current is not None)

    # --- export
    def export(self) -> None:
        """Ctrl+E: export to the file last exported to; the first time, ask where (next to the brief)."""
        if not self._can_export():
            return
        if self.window.document.export_path is None:
            self.ask_where()
        else:
            self.export_to(self.window.document.export_path)

    def export_as(self) -> None:
        """Ctrl+Shift+E: ask where and in which format, whatever was exported before."""
        if self._can_export():
            self.ask_where()

    def _can_export(self) -> bool:
        window = self.window
        if window.document is None:
            window.report_error("Nothing to export", "Open an article or a brief first.")
            return False
        if self.exports.busy:
            window.statusBar().showMessage("An export is already running…", 3000)
            return False
        window.brief_pane.commit_pending()
        return True

    def _default_export_path(self, fmt: Format) -> Path:
        document = self.window.document
        if document.export_path is not None:
            return document.export_path.with_suffix(fmt.suffix)
        if document.path is not None:
            return document.path.with_suffix(fmt.suffix)
        return document.suggested_path(default_folder()).with_suffix(fmt.suffix)

    def ask_where(self) -> None:
        fmt = self.last_format()
        dialog = ExportDialog(self.window, self._default_export_path(fmt), fmt, self.certificate(), self.signing())
        dialog.fileSelected.connect(lambda chosen: self._chosen(dialog, chosen))
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.window.export_dialog = dialog
        dialog.open()  # window-modal, not a blocking loop

    def _chosen(self, dialog: ExportDialog, chosen: str) -> None:
        path, fmt = dialog.target(chosen)
        settings = QSettings()
        settings.setValue(FORMAT_KEY, fmt.name)
        if dialog.sign_box.isEnabled():  # a Word export leaves the PDF's choice as it was
            settings.setValue(SIGN_KEY, dialog.sign_box.isChecked())
        self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Export to ``path`` in the format its extension names; a PDF is signed if signing is on, after
        asking for the certificate's password."""
        try:
            fmt = format_for(path)
        except ExportError as e:
            self.window.report_error("Export failed", str(e))
            return
        from ..export.job import ExportWork

        certificate = self.certificate() if fmt.name == ExportFormat.PDF and self.signing() else None
        days = self.window.review_pane.stale_days.value()
        if certificate is None:
            self._start(ExportWork(self.window.document.brief.snapshot(), path, self.page_size(), stale_days=days))
            return

        def answer(password: str | None) -> None:
            self.window.prompt = None
            if password is None:
                self.window.statusBar().showMessage(f"Not exported: {path.name} was left as it was", 5000)
                return
            work = ExportWork(self.window.document.brief.snapshot(), path, self.page_size(), certificate,
                              password.encode("utf-8"), stale_days=days)  # fmt: skip
            self._start(work)

        self.window.prompt = PasswordDialog(self.window, certificate, answer)
        self.window.prompt.open()

    def _start(self, work: ExportWork) -> None:
        self.window.document.export_path = work.path
        # in a worker process always: ReportLab in a thread starves the GUI thread (0.8 s without an event),
        # and a process can be cancelled; the worker's start costs ~50 ms once its fork server runs
        self.exports.start(ProcessJob("exporting", work, subject=work.path))
        self.running = dataclasses.replace(work, password=b"")  # the job drops its copy once it is handed over
        self.update_actions()
        self.open_button.hide()
        self.progress.setValue(0)
        self.progress.show()
        self.window.statusBar().showMessage(f"Exporting to {work.path}…")

    def _export_done(self, job: Job) -> None:
        work, self.running = self.running, None
        window = self.window
        self.progress.hide()
        self.update_actions()
        if job.cancelled:
            window.statusBar().showMessage(f"Export cancelled: {work.path.name} was left as it was", 8000)
            return
        outcome: ExportOutcome | None = job.result
        if job.error is not None or outcome.refused is not None:
            if job.error is not None and window.document is not None:
                window.document.export_path = None  # the next Ctrl+E asks where, e.g. instead of a read-only PDF
            # a refused certificate (a wrong password) keeps the file: Ctrl+E asks for the password again
            window.statusBar().clearMessage()  # no longer "Exporting to …"
            window.report_error("Export failed", job.error or outcome.refused)
            return
        result = outcome.result
        what = counted(result.pages, "page") if result.pages is not None else f"a {FORMATS[result.format].label}"
        signed = f", signed by {outcome.signer}" if outcome.signer else ""
        findings = outcome.findings
        log.info("Exported %s to %s%s", what, file_name(result.path), ", signed" if outcome.signer else "")
        findings = f" — {counted(findings, 'review finding')}" if findings else ""  # advice, not a failure
        window.statusBar().showMessage(f"Exported {what} to {result.path}{signed}{findings}")
        self.open_button.setText(OPEN_LABELS.get(result.format, "Open file"))
        self.open_button.show()
        window.export_finished.emit(result)

    # --- opening what was exported
    def open_exported(self) -> None:
        """Open PDF (or Word file…): in the system's program; with none to be found, say so and offer the folder."""
        document = self.window.document
        if document is None or document.export_path is None:
            return
        path = document.export_path
        fmt = known_format(path) or FORMATS[ExportFormat.PDF]
        is_pdf = fmt.name == ExportFormat.PDF
        viewer = "PDF viewer" if is_pdf else f"program for {fmt.label}s"  # "program for Word documents"
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.window.statusBar().showMessage(f"Opening {path.name} in the system's {viewer}…", 5000)
            return
        box = QMessageBox(QMessageBox.Information, f"No {viewer}", f"No program could open {path.name}.",
                          QMessageBox.NoButton, self.window)  # fmt: skip
        noun = "PDF" if is_pdf else "file"
        box.setInformativeText(f"No {viewer} seems to be installed. The {noun} was saved in {path.parent}")
        plain_box(box)
        box.setTextInteractionFlags(Qt.TextSelectableByMouse)
        show = box.addButton("Show &folder", QMessageBox.AcceptRole)
        box.addButton(QMessageBox.Close)
        box.setDefaultButton(show)
        box.setAttribute(Qt.WA_DeleteOnClose)
        box.finished.connect(lambda _: self._show_folder(path, noun) if box.clickedButton() is show else None)
        self.window.prompt = box
        box.open()

    def _show_folder(self, path: Path, noun: str) -> None:
        """Open the folder holding ``path`` in the file manager; with none either, show the path to copy."""
        window = self.window
        window.prompt = None
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
            return
        box = QMessageBox(QMessageBox.Information, f"Where the {noun} is",
                          f"No file manager could open the folder either. The {noun} is here:", QMessageBox.NoButton,
                          window)  # fmt: skip
        box.setInformativeText(str(path))
        plain_box(box)
        box.setTextInteractionFlags(Qt.TextSelectableByMouse)  # the path can be selected and copied
        copy = box.addButton("&Copy path", QMessageBox.ActionRole)
        box.addButton(QMessageBox.Close)
        box.setDefaultButton(copy)
        box.setAttribute(Qt.WA_DeleteOnClose)

        def closed(_: int) -> None:
            window.prompt = None
            if box.clickedButton() is copy:
                QApplication.clipboard().setText(str(path))
                window.statusBar().showMessage(f"Copied {path}", 5000)

        box.finished.connect(closed)
        window.prompt = box
        box.open()

    # --- the clipboard
    def copy_brief(self) -> None:
        """Ctrl+Shift+C: the whole brief on the clipboard as HTML (a paste into an e-mail keeps headings and
        lists) and as plain text (a paste into a terminal stays clean), together."""
        window = self.window
        if window.document is None:
            return
        window.brief_pane.commit_pending()
        from ..export.clipboard import render_html, render_plain

        brief = window.document.brief
        data = QMimeData()
        data.setHtml(render_html(brief))
        data.setText(render_plain(brief))
        QApplication.clipboard().setMimeData(data)
        window.statusBar().showMessage("Copied the brief to the clipboard, formatted and as plain text", 5000)

"""Exporting a PDF off the GUI thread, so a large brief never freezes the window.

The job works on a snapshot of the brief, so the analyst may go on editing while it runs; progress
and the outcome come back to the window as Qt signals (queued across the thread boundary).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.brief import Brief
from ..core.errors import BriefingError


class ExportJob(QObject):
    progressed = Signal(int)  # percent done, emitted only when it changes
    succeeded = Signal(object)  # briefing_app.export.ExportResult
    failed = Signal(str)  # one line for the user
    done = Signal()

    def __init__(self, brief: Brief, path: Path, page_size: str) -> None:
        super().__init__()
        self.brief, self.path, self.page_size = brief.snapshot(), path, page_size
        self._percent = -1

    @Slot()
    def run(self) -> None:
        try:
            from ..export import export_pdf  # ReportLab loads on the first export, not at start-up

            self.succeeded.emit(export_pdf(self.brief, self.path, self.page_size, progress=self._progress))
        except BriefingError as e:
            self.failed.emit(str(e))
        except Exception as e:  # never lose the window to an unexpected failure in a worker
            self.failed.emit(f"unexpected error while exporting: {type(e).__name__}: {e}")
        finally:
            self.done.emit()

    def _progress(self, fraction: float) -> None:
        # At most 101 signals: ReportLab reports every flowable, and thousands of queued cross-thread
        # signals both flood the GUI thread and, in PySide6 6.12, end in a refcount crash at exit.
        percent = round(fraction * 100)
        if percent != self._percent:
            self._percent = percent
            self.progressed.emit(percent)


def prepare_export(brief: Brief, path: Path, page_size: str, parent: QObject) -> tuple[QThread, ExportJob]:
    """A thread and job that export ``brief`` to ``path``: connect to the job's signals, then start the thread."""
    thread = QThread(parent)
    job = ExportJob(brief, path, page_size)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.done.connect(thread.quit)
    job.done.connect(job.deleteLater)
    thread.finished.connect(thread.deleteLater)
    return thread, job

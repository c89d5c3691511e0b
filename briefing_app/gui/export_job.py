"""Exporting a PDF off the GUI thread, so a large brief never freezes the window.

The job exports a snapshot of the brief (so editing may go on) in a plain Python thread and only
writes plain attributes; the window reads them from a timer on the GUI thread. No Qt object crosses
the thread boundary, so there is no signal queueing or object lifetime across threads to get wrong.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..core.brief import Brief
from ..core.errors import BriefingError


class ExportJob:
    def __init__(self, brief: Brief, path: Path, page_size: str) -> None:
        self.brief, self.path, self.page_size = brief.snapshot(), path, page_size
        self.percent = 0
        self.result = None  # briefing_app.export.ExportResult once done
        self.error: str | None = None  # one line for the user, if it failed
        self._thread = threading.Thread(target=self._run, name="export", daemon=True)

    def start(self) -> None:
        self._thread.start()

    @property
    def done(self) -> bool:
        return not self._thread.is_alive() and (self.result is not None or self.error is not None)

    def wait(self) -> None:
        self._thread.join()

    def _run(self) -> None:
        try:
            from ..export import export_pdf  # ReportLab loads on the first export, not at start-up

            self.result = export_pdf(self.brief, self.path, self.page_size, progress=self._progress)
        except BriefingError as e:
            self.error = str(e)
        except Exception as e:  # never lose the window to an unexpected failure in a worker
            self.error = f"unexpected error while exporting: {type(e).__name__}: {e}"

    def _progress(self, fraction: float) -> None:
        self.percent = round(fraction * 100)

"""One export as the window runs it: a picklable callable, run in a worker process (see
:mod:`briefing_app.core.worker`) on a snapshot of the brief, so editing goes on meanwhile. No Qt here: the
worker imports this module, and a worker that imported Qt would start a quarter of a second slower.

What the window needs besides the file (who signed, how many review findings, whether the certificate
was refused) comes back in the :class:`ExportOutcome`, since nothing the worker sets on its own copy of
the work reaches the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.brief import Brief
from ..core.review import DEFAULT_STALE_DAYS, review
from . import ExportError, ExportResult


@dataclass(frozen=True)
class ExportOutcome:
    result: ExportResult | None  # None: the certificate was refused and nothing was written
    signer: str = ""  # who the certificate names, once it opened
    findings: int = 0  # the review's findings on the brief exported: advice, said after the export
    refused: str | None = None  # why the certificate would not open (a wrong password, expired): one line


@dataclass
class ExportWork:
    """Export ``brief`` to ``path``: open the certificate if signing, write the file, review the brief."""

    brief: Brief  # a snapshot: editing goes on meanwhile
    path: Path
    page_size: str
    certificate: Path | None = None
    password: bytes = b""
    stale_days: int = DEFAULT_STALE_DAYS  # the Review tab's setting

    def __call__(self, progress=None) -> ExportOutcome:
        from . import export_brief  # ReportLab loads on the first export, not at start-up

        key = None
        if self.certificate is not None:
            from .signing import open_certificate

            try:
                key = open_certificate(self.certificate, self.password)
            except ExportError as e:
                return ExportOutcome(None, refused=str(e))  # a wrong password: Ctrl+E keeps to this file
            finally:
                self.password = b""  # kept no longer than it is needed
        result = export_brief(self.brief, self.path, page_size=self.page_size, progress=progress, sign=key)
        try:
            findings = len(review(self.brief, stale_days=self.stale_days))
        except Exception:  # the review is advice: a fault in it never turns a written file into a failed export
            findings = 0
        return ExportOutcome(result, key.name if key is not None else "", findings)

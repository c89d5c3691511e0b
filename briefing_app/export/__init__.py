"""Brief -> PDF with ReportLab. Reads only ``briefing_app.core``; never imports Qt.

``export_pdf`` renders into memory and only then replaces the target file atomically, so a failed
export leaves any earlier PDF in place, and the brief itself is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..core.brief import Brief
from ..core.errors import BriefingError
from ..core.files import write_atomically


class ExportError(BriefingError):
    """The PDF could not be made or written; the brief is unchanged."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    bytes: int


def render_pdf(
    brief: Brief, page_size: str = "a4", progress: Callable[[float], None] | None = None
) -> tuple[bytes, int]:
    """The PDF of ``brief`` as bytes, and its number of pages. Its CreationDate and ModDate are the time of
    export; with SOURCE_DATE_EPOCH set they are that time instead, and the same brief gives the same bytes."""
    from reportlab.platypus.doctemplate import LayoutError

    from .renderer import PAGE_SIZES, BriefRenderer, reproducible_epoch

    if page_size.lower() not in PAGE_SIZES:
        raise ExportError(f"Unknown page size {page_size!r} (use {' or '.join(PAGE_SIZES)})")
    try:
        reproducible_epoch()
    except ValueError as e:
        raise ExportError(str(e)) from None
    renderer = BriefRenderer(brief, page_size, progress)
    try:
        data = renderer.render()
    except LayoutError as e:
        raise ExportError(f"The brief could not be laid out on the page: {str(e).splitlines()[0][:160]}") from e
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as e:
        raise ExportError(f"The PDF could not be made ({type(e).__name__}: {str(e)[:160]})") from e
    return data, renderer.pages


def export_pdf(
    brief: Brief, path: str | Path, page_size: str = "a4", progress: Callable[[float], None] | None = None
) -> ExportResult:
    """Render ``brief`` and write it to ``path`` atomically: through a symlink to the file it points to (the
    link stays), and never over a read-only PDF, a pipe or a device (WriteError says so)."""
    path = Path(path)
    data, pages = render_pdf(brief, page_size, progress)
    write_atomically(path, data)
    return ExportResult(path, pages, len(data))

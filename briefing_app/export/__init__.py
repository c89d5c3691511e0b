"""Brief -> PDF with ReportLab. Reads only ``briefing_app.core``; never imports Qt.

``export_pdf`` renders into memory (an archival PDF/A-3u carrying the brief, see :mod:`.archival`;
signed if asked, see :mod:`.signing`) and only then replaces the target file atomically, so a failed
export leaves any earlier PDF in place, and the brief itself is never changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.brief import Brief
from ..core.errors import BriefingError
from ..core.files import write_atomically

if TYPE_CHECKING:
    from .archival import Archival
    from .signing import SigningKey


class ExportError(BriefingError):
    """The PDF could not be made or written; the brief is unchanged."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int
    bytes: int


def render_pdf(
    brief: Brief,
    page_size: str = "a4",
    progress: Callable[[float], None] | None = None,
    *,
    archival: bool = True,
) -> tuple[bytes, int]:
    """The PDF of ``brief`` as bytes, and its number of pages.

    The PDF is PDF/A-3u and carries the brief's .brief file (see :mod:`.archival`); ``archival=False``
    leaves out what only PDF/A needs (XMP, output intent, the .brief): the benchmark's baseline. Its
    CreationDate, ModDate and XMP dates are the time of export; with SOURCE_DATE_EPOCH set they are that
    time instead, and the same brief gives the same bytes."""
    from reportlab.platypus.doctemplate import LayoutError

    from .renderer import PAGE_SIZES, BriefRenderer, reproducible_epoch

    if page_size.lower() not in PAGE_SIZES:
        raise ExportError(f"Unknown page size {page_size!r} (use {' or '.join(PAGE_SIZES)})")
    try:
        epoch = reproducible_epoch()
    except ValueError as e:
        raise ExportError(str(e)) from None
    parts = archival_parts(brief, epoch) if archival else None
    renderer = BriefRenderer(brief, page_size, progress, parts)
    try:
        data = renderer.render()
    except LayoutError as e:
        raise ExportError(f"The brief could not be laid out on the page: {str(e).splitlines()[0][:160]}") from e
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as e:
        raise ExportError(f"The PDF could not be made ({type(e).__name__}: {str(e)[:160]})") from e
    return data, renderer.pages


def archival_parts(brief: Brief, epoch: int | None = None) -> Archival:
    """What the archival PDF of ``brief`` carries: its .brief file, named after its title (e.g. "Troops in
    Russia.brief"), and the export time (now, or ``epoch``)."""
    from ..core.brief_file import dumps
    from ..core.document import Document
    from .archival import Archival, export_time

    return Archival(dumps(brief), Document(brief).suggested_path("").name, export_time(epoch))


def export_pdf(
    brief: Brief,
    path: str | Path,
    page_size: str = "a4",
    progress: Callable[[float], None] | None = None,
    *,
    sign: SigningKey | None = None,
) -> ExportResult:
    """Render ``brief`` and write it to ``path`` atomically: through a symlink to the file it points to (the
    link stays), and never over a read-only PDF, a pipe or a device (WriteError says so). With ``sign`` (see
    :func:`.signing.open_certificate`) the PDF is signed before it is written."""
    path = Path(path)
    data, pages = render_pdf(brief, page_size, progress)
    if sign is not None:
        from .signing import sign_with

        data = sign_with(data, sign)
    write_atomically(path, data)
    return ExportResult(path, pages, len(data))

"""Brief -> PDF (ReportLab), Word (python-docx) or Markdown. Reads only ``briefing_app.core``; never imports Qt.

The format follows the file's extension (:data:`FORMATS`): ``export_brief`` is the one entry point the
command line and the window share.

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
from ..core.kinds import ExportFormat

if TYPE_CHECKING:
    from .archival import Archival
    from .signing import SigningKey


class ExportError(BriefingError):
    """The PDF could not be made or written; the brief is unchanged."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    pages: int | None  # a PDF's; Word and Markdown readers lay out their own pages
    bytes: int
    format: ExportFormat = ExportFormat.PDF


@dataclass(frozen=True)
class Format:
    name: ExportFormat
    label: str  # as a person reads it, e.g. in a file dialog
    suffix: str


FORMATS = {
    f.name: f
    for f in (
        Format(ExportFormat.PDF, "PDF, archival (PDF/A-3u, the brief inside)", ".pdf"),
        Format(ExportFormat.DOCX, "Word document", ".docx"),
        Format(ExportFormat.MARKDOWN, "Markdown file", ".md"),
    )
}


def format_for(path: str | Path, name: str | None = None) -> Format:
    """The format ``name`` (as --format gives it), else the one ``path``'s extension names; ExportError
    when neither says (an unknown extension is never guessed: a .txt would get a PDF's bytes)."""
    if name is not None:
        if name not in FORMATS:
            raise ExportError(f"Unknown format {name!r} (use {', '.join(FORMATS)})")
        return FORMATS[ExportFormat(name)]
    suffix = Path(path).suffix.lower()
    for f in FORMATS.values():
        if suffix == f.suffix or (f.name == ExportFormat.MARKDOWN and suffix == ".markdown"):
            return f
    known = ", ".join(f.suffix for f in FORMATS.values())
    raise ExportError(f"Cannot tell the format of {Path(path).name!r} from its extension (use {known}, or --format)")


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

    from .renderer import BriefRenderer

    epoch = checked_epoch(page_size)
    parts = archival_parts(brief, epoch) if archival else None
    renderer = BriefRenderer(brief, page_size, progress, parts)
    try:
        data = renderer.render()
    except LayoutError as e:
        raise ExportError(f"The brief could not be laid out on the page: {str(e).splitlines()[0][:160]}") from e
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, RecursionError) as e:
        raise ExportError(f"The PDF could not be made ({type(e).__name__}: {str(e)[:160]})") from e
    return data, renderer.pages


def checked_epoch(page_size: str) -> int | None:
    """The SOURCE_DATE_EPOCH asked for (None: export at the real time), once ``page_size`` is known to be one
    the exports set; ExportError saying what is wrong with either."""
    from .renderer import PAGE_SIZES, reproducible_epoch

    if page_size.lower() not in PAGE_SIZES:
        raise ExportError(f"Unknown page size {page_size!r} (use {' or '.join(PAGE_SIZES)})")
    try:
        return reproducible_epoch()
    except ValueError as e:
        raise ExportError(str(e)) from None


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
    return ExportResult(path, pages, len(data), ExportFormat.PDF)


def export_brief(
    brief: Brief,
    path: str | Path,
    *,
    fmt: str | None = None,
    page_size: str = "a4",
    progress: Callable[[float], None] | None = None,
    sign: SigningKey | None = None,
) -> ExportResult:
    """Write ``brief`` to ``path`` in the format ``fmt`` names, or its extension does (see :func:`format_for`),
    atomically as :func:`export_pdf` does. Only a PDF can be signed."""
    chosen = format_for(path, fmt)
    if chosen.name == ExportFormat.PDF:
        return export_pdf(brief, path, page_size, progress, sign=sign)
    if sign is not None:
        raise ExportError(f"Only a PDF can be signed, not a {chosen.label}")
    if chosen.name == ExportFormat.DOCX:
        from .word import render_docx

        data = render_docx(brief, page_size)
    else:
        from .markdown import render_markdown

        data = render_markdown(brief).encode("utf-8")
    path = Path(path)
    write_atomically(path, data)
    if progress:
        progress(1.0)
    return ExportResult(path, None, len(data), chosen.name)

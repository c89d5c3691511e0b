"""PDF files: text through pypdf (BSD licensed), each line with where it starts on its page, put back into
paragraphs as a reader sees them (:mod:`.pdf_layout`).

The Published date never comes from the PDF's own dates: a browser's "Save as PDF" stamps the day it
printed. It is read from a dateline or byline near the top of the text instead, if there is one; the
address a browser prints at the foot of each page becomes the source's URL.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..article import Article, article_from_text
from .errors import ArticleError

if TYPE_CHECKING:  # the layout module (and statistics) loads with the first PDF: every load_article sniffs here
    from .pdf_layout import Line

_GLYPH_NAME = re.compile(r"/[A-Za-z][A-Za-z_.]{0,10}\d+")  # "/g12", "/cid37", "/glyph5": a glyph pypdf cannot name
_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd\ue000-\uf8ff]")
_UNREADABLE_SHARE = 0.3  # more of the text than this is glyph names or control characters: refused
# what PDF makers write when nobody filled the field in (ReportLab's "(anonymous)", Word's "Microsoft Office User")
_PLACEHOLDERS = {"anonymous", "unspecified", "unknown", "untitled", "microsoft office user", "user"}


def looks_like_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def load_pdf(data: bytes, name: str, origin: str, progress: Callable[[float], None] | None = None) -> Article:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from .pdf_layout import in_column_order, paragraphs, strip_page_furniture_and_address

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArticleError(
                f"{name} is protected by a password; open it in a PDF viewer and save a copy without one"
            )
        pages = reader.pages
        count = len(pages)
        lines = []
        for i, page in enumerate(pages):
            lines.append(in_column_order(page_lines(page)))
            if progress:
                progress((i + 1) / count)
        meta = reader.metadata
    except ArticleError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as e:
        if "password" in str(e).lower() or "decrypt" in str(e).lower():
            raise ArticleError(f"{name} is protected by a password") from None
        raise ArticleError(f"{name} is not a readable PDF ({type(e).__name__}: {str(e)[:80]})") from None
    if unreadable_share(lines) >= _UNREADABLE_SHARE:
        raise ArticleError(
            f"{name}: its text cannot be extracted (its fonts do not say which letters their glyphs are); "
            "it needs OCR, or the document it was made from"
        )
    kept, printed_url = strip_page_furniture_and_address(lines)
    text = "\n".join(paragraphs(kept))
    if len(text) < 20 * min(count, 5):  # a stamped header or page number on scanned pages is no text layer
        raise ArticleError(f"{name} has no text layer (a scanned PDF?): it needs OCR before it can be briefed")
    # no published date from the metadata: CreationDate is when the PDF was made (today, for a browser's
    # Save as PDF), not when the article was published; article_from_text looks for a dateline instead
    return article_from_text(
        text,
        origin=origin,
        fallback_title=name,
        encoding="pdf",
        title=_meta(meta, "title"),
        author=_meta(meta, "author"),
        url=printed_url,
    )


def unreadable_share(pages: list[list[Line]]) -> float:
    """The share of the text pypdf extracted that is no text at all: glyph names ("/g12", what it gives for
    a Type3 font without a map to Unicode), control characters (a TrueType subset font without one gives
    its glyph numbers: 1, 2, 3...), replacement and private-use characters."""
    text = "".join(line.text for page in pages for line in page)
    visible = sum(1 for c in text if not c.isspace())
    bad = sum(len(m) for m in _GLYPH_NAME.findall(text)) + len(_NOT_TEXT.findall(text))
    return bad / visible if visible else 0.0


def _meta(meta, field: str) -> str:
    """A field of the PDF's metadata, or "" when it is missing or a producer's placeholder."""
    try:
        value = getattr(meta, field, None) if meta else None
    except (ValueError, TypeError, KeyError):
        return ""
    value = " ".join(str(value).split()) if value else ""
    return "" if value.lower().strip("()") in _PLACEHOLDERS else value


def page_lines(page) -> list[Line]:
    """The lines of a page in reading order, as pypdf extracts them, each with where it starts.

    pypdf reports every run of text it adds to its output with the text and graphics matrices in force
    where the run starts. If those runs do not add up to the text it returns (it has more than one way
    to build its output), the lines are kept without positions and the text alone decides."""
    from .pdf_layout import Line

    runs: list[tuple[str, list[float] | None, float]] = []

    def visit(text, cm, tm, font, size) -> None:
        try:
            matrix = _multiply(tm, cm)
            runs.append((text, matrix, float(size) * math.hypot(matrix[2], matrix[3])))
        except (TypeError, ValueError, IndexError):
            runs.append((text, None, 0.0))

    plain = page.extract_text(visitor_text=visit) or ""
    lines: list[Line] = []
    # where the line being read starts: None until its first visible run, () when that run has no position
    where: tuple[float, float, float] | tuple[()] | None = None
    text = ""
    for run, matrix, size in runs:
        parts = run.split("\n")
        for k, part in enumerate(parts):
            if k:  # a line ends here
                lines.append(Line(text, *where) if where else Line(text))
                text, where = "", None
            if part.strip() and where is None and k == 0 and matrix is not None and matrix[3] > 0:
                where = (matrix[4], matrix[5], size)  # upright text only: rotated pages keep no positions
            elif part.strip() and where is None:
                where = ()  # the line's start is not known
            text += part
    lines.append(Line(text, *where) if where else Line(text))
    if [ln.text for ln in lines if ln.text.strip()] != [ln for ln in plain.splitlines() if ln.strip()]:
        return [Line(ln) for ln in plain.splitlines()]
    return [ln for ln in lines if _on_page(ln, page)]


def _on_page(line: Line, page) -> bool:
    """Whether a line starts within the page's visible area. Qt, for one, draws a line that a page break
    cuts in two on both pages, the second time above the top edge, where nobody sees it."""
    at = line.at
    if at is None:
        return True
    try:
        box = page.cropbox
        left, bottom, right, top = float(box.left), float(box.bottom), float(box.right), float(box.top)
    except (TypeError, ValueError, KeyError, AttributeError):
        return True
    slack = at.size
    return bottom - slack <= at.y <= top + slack / 2 and left - slack <= at.x <= right


def _multiply(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]

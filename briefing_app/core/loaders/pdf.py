"""PDF files: text through pypdf (BSD licensed), put back into paragraphs as a reader sees them.

A PDF stores lines, not paragraphs. This module drops what repeats on every page (running headers,
footers, page numbers), undoes end-of-line hyphenation and joins lines into paragraphs: a paragraph
ends at a clearly short line (shorter than most) that ends a sentence or is followed by a capital.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Callable

from ..article import Article, article_from_text
from .errors import ArticleError

EDGE_LINES = 3  # how many lines at the top and bottom of a page can be running headers or footers
_PAGE_NUMBER = re.compile(r"(?i)^(page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|/)\s*\d{1,4})?$")
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")


def looks_like_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF-")


def load_pdf(data: bytes, name: str, origin: str, progress: Callable[[float], None] | None = None) -> Article:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ArticleError(
                f"{name} is protected by a password; open it in a PDF viewer and save a copy without one"
            )
        pages = reader.pages
        count = len(pages)
        texts = []
        for i, page in enumerate(pages):
            texts.append(page.extract_text() or "")
            if progress:
                progress((i + 1) / count)
        meta = reader.metadata
    except ArticleError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as e:
        if "password" in str(e).lower() or "decrypt" in str(e).lower():
            raise ArticleError(f"{name} is protected by a password") from None
        raise ArticleError(f"{name} is not a readable PDF ({type(e).__name__}: {str(e)[:80]})") from None
    text = "\n".join(paragraphs(strip_page_furniture([t.splitlines() for t in texts])))
    if len(text) < 20 * min(count, 5):  # a stamped header or page number on scanned pages is no text layer
        raise ArticleError(f"{name} has no text layer (a scanned PDF?): it needs OCR before it can be briefed")
    title = _meta(meta, "title")
    created = getattr(meta, "creation_date", None) if meta else None
    return article_from_text(
        text,
        origin=origin,
        fallback_title=name,
        encoding="pdf",
        title=title,
        author=_meta(meta, "author"),
        published=created.date().isoformat() if created else "",
    )


def _meta(meta, field: str) -> str:
    try:
        value = getattr(meta, field, None) if meta else None
    except (ValueError, TypeError, KeyError):
        return ""
    return " ".join(str(value).split()) if value else ""


def _shape(line: str) -> str:
    """A line with its numbers blurred, so "Page 3" and "Page 4" count as the same furniture."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, and lines that repeat at the top or bottom of at least half of the pages."""
    edges = Counter()
    for lines in pages:
        content = [ln for ln in lines if ln.strip()]
        edges.update({_shape(ln) for ln in content[:EDGE_LINES] + content[-EDGE_LINES:]})
    threshold = max(2, len(pages) // 2)
    repeated = {shape for shape, n in edges.items() if n >= threshold}
    out = []
    for lines in pages:
        content = [ln for ln in lines if ln.strip()]
        edge = set(range(min(EDGE_LINES, len(content)))) | set(range(max(0, len(content) - EDGE_LINES), len(content)))
        kept = [ln for i, ln in enumerate(content)
                if not (i in edge and (_shape(ln) in repeated or _PAGE_NUMBER.match(ln.strip())))]  # fmt: skip
        out.append(kept)
    return out


def paragraphs(pages: list[list[str]]) -> list[str]:
    """Join the lines of all pages into paragraphs (a paragraph may run on to the next page)."""
    lines = [" ".join(ln.split()) for page in pages for ln in page]
    lines = [ln for ln in lines if ln]
    long_lines = [len(ln) for ln in lines if len(ln) > 20]
    typical = statistics.median(long_lines) if long_lines else 60
    out: list[str] = []
    current = ""
    for i, line in enumerate(lines):
        if not current:
            current = line
        elif _HYPHENATED.search(current) and line[:1].islower():
            current = current[:-1] + line  # "deploy-" + "ment": one word again
        else:
            current = f"{current} {line}"
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        after = lines[i + 2] if i + 2 < len(lines) else ""
        ends_sentence = bool(_ENDS_SENTENCE.search(line))
        # a clearly short line ends its paragraph if it ends a sentence or the next line starts anew;
        # a full line ending a sentence does too when a heading follows (short, unpunctuated, then a capital)
        short = len(line) < 0.8 * typical
        heading_next = len(nxt) < 0.6 * typical and not _ENDS_SENTENCE.search(nxt) and after[:1].isupper()
        if not nxt or (short and (ends_sentence or nxt[:1].isupper())) or (ends_sentence and heading_next):
            out.append(current)
            current = ""
    return out

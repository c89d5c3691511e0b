"""Turn what analysts receive into an :class:`~briefing_app.core.article.Article`, or say clearly why not.

One entry point for files, :func:`load_article`, which looks at the content first and the extension
second (a PDF saved as .txt is still a PDF), and one for pasted text, :func:`article_from_paste`.
Supported: plain text and Markdown in any encoding, web pages saved from a browser, PDFs with a text
layer, Word documents. Every failure is an :class:`ArticleError` with one line for the user.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from ..article import Article, article_from_text
from ..files import read_limited
from .errors import ArticleError
from .text import decode_text, looks_binary, text_encoding

MAX_ARTICLE_BYTES = 64 * 1024 * 1024  # far beyond any article; keeps a stray disk image out of memory
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ""}
FILE_FILTER = "Articles (*.txt *.md *.text *.html *.htm *.pdf *.docx);;All files (*)"

__all__ = ["ArticleError", "MAX_ARTICLE_BYTES", "FILE_FILTER", "load_article", "article_from_paste"]


def read_article_bytes(path: Path) -> bytes:
    data = read_limited(path, MAX_ARTICLE_BYTES, "an article", ArticleError)
    if not data.strip():
        raise ArticleError(f"{path} is empty")
    return data


def load_article(
    path: str | Path, *, encoding: str | None = None, progress: Callable[[float], None] | None = None
) -> Article:
    """Load the article at ``path``.

    ``encoding`` overrides the detected text encoding (text and HTML files); ``progress`` is called
    with the fraction done while a long PDF is read.
    """
    from .docx import load_docx, looks_like_docx
    from .html import load_html, looks_like_html
    from .pdf import load_pdf, looks_like_pdf

    path = Path(path)
    if encoding:
        text_encoding(encoding)  # a codec that is no text encoding is refused before the file is read
    data = read_article_bytes(path)
    name, origin, suffix = path.name, str(path), path.suffix.lower()
    if looks_like_pdf(data):
        return _with_text(load_pdf(data, name, origin, progress), path)
    if suffix == ".pdf":
        raise ArticleError(f"{name} is not a PDF (it does not start with %PDF); is it damaged?")
    if looks_like_docx(data):
        return _with_text(load_docx(data, name, origin), path)
    if suffix == ".docx" or data.startswith(b"PK\x03\x04"):
        raise ArticleError(f"{name} is not a Word (.docx) document; older .doc files must be saved as .docx")
    if suffix in HTML_SUFFIXES or (suffix not in {".md", ".markdown"} and looks_like_html(data)):
        if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ArticleError(f"{name} looks like a binary file, not a web page")
        return _with_text(load_html(data, name, origin, encoding), path)
    text, used = decode_text(data, name, encoding)
    _require_text(text, path)
    article = article_from_text(text, origin=origin, fallback_title=path.stem, encoding=used,
                                title=_markdown_title(text))  # fmt: skip
    return _with_text(article, path)


def has_visible_text(text: str) -> bool:
    """Whether ``text`` has a character a reader sees: not only white space, zero-width spaces, joiners,
    byte-order marks and control characters (which the article drops anyway)."""
    return any(unicodedata.category(c)[0] not in "ZC" for c in text if not c.isspace())


def _require_text(text: str, path: Path) -> None:
    if not has_visible_text(text):
        raise ArticleError(f"{path} holds no text (only white space or invisible characters)")


def _with_text(article: Article, path: Path) -> Article:
    _require_text(article.text, path)
    return article


def article_from_paste(text: str) -> Article:
    """An article from text pasted from the clipboard."""
    if not has_visible_text(text):
        raise ArticleError("the clipboard holds no text")
    return article_from_text(text, origin="pasted text", fallback_title="Pasted text")


def _markdown_title(text: str) -> str:
    """The text of a leading Markdown heading ("# Title"), if the text starts with one."""
    first = text.lstrip().split("\n", 1)[0]
    return first.lstrip("#").strip() if first.startswith("#") else ""

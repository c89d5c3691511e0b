"""Turn a file on disk into an :class:`~briefing_app.core.article.Article`, or say clearly why not.

Every failure is an :class:`ArticleError` whose message is one sentence fit for a dialog or stderr.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from .article import Article, article_from_text
from .errors import BriefingError
from .files import read_limited

MAX_ARTICLE_BYTES = 64 * 1024 * 1024  # far beyond any article; keeps a stray disk image out of memory

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class ArticleError(BriefingError):
    """An article could not be loaded; ``str(err)`` says why in one line."""


def read_article_bytes(path: Path) -> bytes:
    data = read_limited(path, MAX_ARTICLE_BYTES, "an article", ArticleError)
    if not data.strip():
        raise ArticleError(f"{path} is empty")
    return data


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes: a BOM decides first, then strict UTF-8. Returns (text, encoding)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc).lstrip("\ufeff"), enc
            except UnicodeDecodeError:
                raise ArticleError(f"{name} starts with a {enc} byte-order mark but is not valid {enc}") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name} looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        raise ArticleError(
            f"{name} is not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); save it as UTF-8"
        ) from None


def load_article(path: str | Path) -> Article:
    """Load the article at ``path`` (plain text or Markdown)."""
    path = Path(path)
    data = read_article_bytes(path)
    text, encoding = decode_text(data, path.name)
    if not text.strip():
        raise ArticleError(f"{path} holds no text")
    return article_from_text(text, origin=str(path), fallback_title=path.stem, encoding=encoding)

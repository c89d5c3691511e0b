"""Turn a file on disk into an :class:`~briefing_app.core.article.Article`, or say clearly why not.

Every failure is an :class:`ArticleError` whose message is one sentence fit for a dialog or stderr.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from .article import Article, article_from_text
from .errors import BriefingError

MAX_ARTICLE_BYTES = 64 * 1024 * 1024  # far beyond any article; keeps a stray disk image out of memory

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class ArticleError(BriefingError):
    """An article could not be loaded; ``str(err)`` says why in one line."""


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``, refusing missing, unreadable, empty and oversized files with a clear message."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ArticleError(f"{path} is a folder, not a file")
        if size > MAX_ARTICLE_BYTES:
            raise ArticleError(
                f"{path} is too large ({size / 1e6:.0f} MB; the limit is {MAX_ARTICLE_BYTES / 1e6:.0f} MB)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path} does not exist") from None
    except PermissionError:
        raise ArticleError(f"{path} cannot be read (permission denied)") from None
    except OSError as e:
        raise ArticleError(f"{path} cannot be read ({e.strerror or e})") from None
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
                raise ArticleError(
                    f"{name} starts with a {enc} byte-order mark but is not valid {enc}"
                ) from None
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
    data = read_limited(path)
    text, encoding = decode_text(data, path.name)
    if not text.strip():
        raise ArticleError(f"{path} holds no text")
    return article_from_text(text, origin=str(path), fallback_title=path.stem, encoding=encoding)

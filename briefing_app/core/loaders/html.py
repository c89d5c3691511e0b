"""Web pages saved from a browser: the article's main text and metadata, through trafilatura.

trafilatura leads the public benchmarks for main-text extraction: it drops navigation, ads, footers
and related links, and reads the title, author, date, site name and canonical URL from the page.
"""

from __future__ import annotations

import re

from ..article import Article, article_from_text
from .errors import ArticleError
from .text import decode_text

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head)) or b"<body" in head.lower()


def load_html(data: bytes, name: str, origin: str, encoding: str | None = None) -> Article:
    import trafilatura  # 130 ms to import: only when a web page is opened

    # trafilatura reads the page's own charset declaration from bytes; a named encoding overrides it
    page = decode_text(data, name, encoding)[0] if encoding else data
    try:
        doc = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
        )
    except (ValueError, TypeError, AttributeError) as e:
        raise ArticleError(f"{name} could not be read as a web page ({type(e).__name__})") from None
    # with nothing else on the page trafilatura falls back to menus ("Home | About"): no article is that short
    if doc is None or len((doc.text or "").split()) < 5:
        raise ArticleError(f"no article text found in {name} (is it a saved web page with an article?)")
    url = doc.url or ""
    return article_from_text(
        doc.text,
        origin=origin,
        fallback_title=name,
        encoding=encoding or "declared by the page",
        title=(doc.title or "").strip(),
        author=(doc.author or "").strip(),
        publisher=(doc.sitename or "").strip(),
        url=url if re.match(r"(?i)https?://", url) else "",
        published=(doc.date or "")[:10],
    )

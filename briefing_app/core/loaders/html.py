"""Web pages saved from a browser: the article's main text and metadata, through trafilatura.

trafilatura leads the public benchmarks for main-text extraction: it drops navigation, ads, footers
and related links, and reads the title, author, date, site name and canonical URL from the page.

The page is decoded and parsed here, not by trafilatura, so that nothing is lost on the way (issue 15):
- a page saved as a single file carries its images and fonts inline as ``data:`` URIs of many megabytes;
  libxml2 stops at the first node over 10 MB and silently drops everything after it. Inline data is cut
  to an empty ``data:,`` before parsing (it is never text), and the parser runs without that limit;
- a page nested deeper than the parser goes (10,000 ``<div>``s) has its layout tags beyond a sane depth
  dropped, keeping their text;
- ``<embed>``, ``<source>`` and ``<track>`` are void in HTML5 but not to libxml2, which nests the rest of
  the page inside them (and trafilatura drops them, content and all); their tags are dropped;
- a ``<template>``'s content is never shown by a browser: it is removed;
- if the parser still stops early, the page is refused instead of loaded cut short.
"""

from __future__ import annotations

import re

from ..article import Article, article_from_text
from .errors import ArticleError
from .text import decode_text, text_encoding

_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
# inline data (images, fonts, media) in attributes, srcset and CSS: "data:image/png;base64,iVBOR…"; any
# longer than this is replaced, whatever it is, as it is never text to read
_INLINE_DATA = re.compile(r"(?i)\bdata:[^,\s\"'<>()]{0,200},[^\s\"'<>()]{1024,}")
_NESTING_TAGS = "div|span|section|article|main|aside|header|footer|nav|font|center|blockquote|b|i|em|strong|u|small"
_NESTING = re.compile(rf"(?i)<(/?)({_NESTING_TAGS})\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
MAX_NESTING = 200  # deeper layout tags than this are dropped (libxml2 stops at 256, or 2048 without limits)
_VOID_IN_HTML5 = ("embed", "source", "track")  # libxml2 would nest the following content inside them
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# <meta charset="windows-1252">, <meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
_DECLARED_CHARSET = re.compile(rb"(?i)<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([a-z0-9_.:-]{1,40})")


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head)) or b"<body" in head.lower()


def load_html(data: bytes, name: str, origin: str, encoding: str | None = None) -> Article:
    import trafilatura  # 130 ms to import: only when a web page is opened
    from trafilatura.settings import Document

    tree = parse_page(_decoded(data, name, encoding), name)
    try:
        doc = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
        )
    except (ValueError, TypeError, AttributeError, RecursionError) as e:
        raise ArticleError(f"{name} could not be read as a web page ({type(e).__name__})") from None
    # with nothing else on the page trafilatura falls back to menus ("Home | About"): no article is that short
    # (a dict comes back only when asked for, with the deprecated as_dict)
    text = doc.text or "" if isinstance(doc, Document) else ""
    if not isinstance(doc, Document) or len(text.split()) < 5:
        raise ArticleError(f"no article text found in {name} (is it a saved web page with an article?)")
    url = doc.url or ""
    return article_from_text(
        text,
        origin=origin,
        fallback_title=name,
        encoding=encoding or "declared by the page",
        title=(doc.title or "").strip(),
        author=(doc.author or "").strip(),
        publisher=(doc.sitename or "").strip(),
        url=url if re.match(r"(?i)https?://", url) else "",
        published=(doc.date or "")[:10],
    )


def _decoded(data: bytes, name: str, encoding: str | None) -> str:
    """The page as text: in the encoding named, the one its byte-order mark gives, UTF-8, the one the page
    declares, or as guessed (trafilatura's guess, without its unbounded decompression of gzip'd input)."""
    if encoding or data.startswith(_BOMS):
        return decode_text(data, name, encoding)[0]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(text_encoding(declared.group(1).decode("ascii")))
        except (ArticleError, UnicodeDecodeError, LookupError):
            pass  # a wrong or unknown declaration: guess instead
    from trafilatura.utils import detect_encoding

    for guess in detect_encoding(data):
        try:
            return data.decode(guess)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def strip_inline_data(page: str) -> str:
    """``page`` with every long ``data:`` URI cut to an empty one."""
    return _INLINE_DATA.sub("data:,", page) if "data:" in page or "DATA:" in page.upper() else page


def flatten_nesting(page: str, limit: int = MAX_NESTING) -> str:
    """``page`` without the layout tags (div, span, font…) nested more than ``limit`` deep; their text stays."""
    open_tags: dict[str, list[bool]] = {}  # per tag name, whether each open one was kept
    depth = 0
    out, last = [], 0
    for m in _NESTING.finditer(page):
        closing, tag = m.group(1), m.group(2).lower()
        stack = open_tags.setdefault(tag, [])
        if closing and not stack:
            continue  # a stray end tag: the parser ignores it
        if closing:
            kept = stack.pop()
            depth -= kept
        else:
            kept = depth < limit
            stack.append(kept)
            depth += kept
        if kept:
            continue
        out.append(page[last : m.start()])
        out.append(" ")
        last = m.end()
    if not out:
        return page
    out.append(page[last:])
    return "".join(out)


def parse_page(page: str, name: str):
    """The page's element tree for trafilatura, read to its end (see the module's docstring)."""
    from trafilatura.utils import repair_faulty_html

    page = strip_inline_data(page)
    page = repair_faulty_html(page, page[:50].lower())  # as trafilatura does before it parses
    tree, errors = _parse(page)
    if any("depth" in e.message.lower() for e in errors):
        tree, errors = _parse(flatten_nesting(page))
    if errors:
        raise ArticleError(
            f"{name} could not be read to its end ({errors[0].message.strip().rstrip('.')}); "
            "nothing was loaded rather than part of the page"
        )
    if tree is None:
        raise ArticleError(f"no article text found in {name} (is it a saved web page with an article?)")
    for element in list(tree.iter("template")):
        element.drop_tree()  # keeps the text after it
    for element in list(tree.iter(*_VOID_IN_HTML5)):
        element.drop_tag()  # keeps what the parser put inside it
    return tree


def _parse(page: str):
    """(tree, fatal errors): parsed as trafilatura parses, but without libxml2's 10 MB limit on a node."""
    from lxml import etree, html

    parser = html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        tree = html.fromstring(page, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree = html.fromstring(page.encode("utf-8"), parser=parser)
    except etree.ParserError:  # "Document is empty"
        return None, []
    fatal = [e for e in parser.error_log if e.level == etree.ErrorLevels.FATAL]
    return tree, fatal

"""Every string from an article or the user becomes ReportLab paragraph markup here, and only here.

ReportLab's Paragraph understands a small HTML-like language (<font>, <a>, <img>, <onDraw>...).
User text is therefore escaped run by run before any tag is added, so that ``AT&T``, ``a<b`` or
``<img src="/etc/passwd"/>`` print exactly as typed and no file is ever read. The only tags in the
output are the ones made here: font switches for the font chain, and links, which accept only
http and https.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .fonts import clean, describe_missing, primary, runs

LINK_COLOUR = "#1f4e8c"
MISSING_COLOUR = "#8a8a8a"
# A link is one annotation, holding the whole address, for each line its label spans: an address of n
# characters cost n squared bytes and time. Longer ones are printed in full but not linked.
MAX_LINKED_URL = 2000


# xml.sax.saxutils has these two, but importing it loads urllib.request and http.client: 25-35 ms of every export
def escape(value: str) -> str:
    """``value`` with &, < and > as entities, as ``xml.sax.saxutils.escape`` gives it."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(value: str) -> str:
    """``value`` as a quoted attribute value: escaped, and the quotes and line breaks too."""
    escaped = escape(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
    return '"' + escaped.replace("\t", "&#9;") + '"'


def text(value: str, style: str = "regular") -> str:
    """``value`` as paragraph markup for a paragraph whose font is the main face of ``style``:
    escaped, each run in a font that has its characters, unknown characters as [U+XXXX]."""
    main = primary(style)
    out = []
    for face, chunk in runs(clean(value), style):
        if face == main:
            out.append(escape(chunk))
        elif face is None:
            shown = "".join(describe_missing(c) for c in chunk)
            out.append(f'<font face="{main}" color="{MISSING_COLOUR}">{escape(shown)}</font>')
        else:
            out.append(f'<font face="{face}">{escape(chunk)}</font>')
    return "".join(out)


def lines(value: str, style: str = "regular") -> str:
    """Like :func:`text`, keeping the writer's line breaks."""
    return "<br/>".join(text(line, style) for line in value.split("\n"))


def safe_url(url: str) -> str | None:
    """``url`` if it is a plain http or https address, else None (javascript:, file:, data: ...)."""
    url = url.strip()
    if not url or _has_control(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _has_control(value: str) -> bool:
    return any(ord(c) < 32 or c.isspace() for c in value)


def link(label: str, url: str) -> str:
    """Markup ``label`` (already markup) as a link to ``url``; no link unless ``url`` is http(s) and at most
    :data:`MAX_LINKED_URL` characters long."""
    target = safe_url(url)
    if target is None or len(target) > MAX_LINKED_URL:
        return label
    return f'<a href={quoteattr(target)} color="{LINK_COLOUR}">{label}</a>'


def anchor(name: str) -> str:
    assert re.fullmatch(r"[a-z0-9_-]+", name)
    return f'<a name="{name}"/>'

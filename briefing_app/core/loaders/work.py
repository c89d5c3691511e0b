"""How much work opening a file is, judged before it is opened: whether a window should do it in a
background thread (with a progress bar) rather than freeze while it runs.

The size of a file says little: a 0.1 MB Word document can hold 32 MiB of XML, a small web page costs
trafilatura a quarter of a second, a 6 MB brief with 20,000 items takes seconds to check. So a PDF, a
Word document or a web page always counts as slow, whatever its size; so does a text file over
:data:`SLOW_TEXT_BYTES`, and a brief over :data:`SLOW_BRIEF_BYTES` or with more than
:data:`SLOW_BRIEF_ITEMS` items. What is not a regular file is never slow: it is refused at once.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .docx import looks_like_docx_start
from .html import looks_like_html
from .pdf import looks_like_pdf

SLOW_TEXT_BYTES = 2 * 1024 * 1024  # plain text decodes and numbers its paragraphs at about 25 MB/s
SLOW_BRIEF_BYTES = 512 * 1024
SLOW_BRIEF_ITEMS = 300  # each item's span, text and paragraph is checked: about 0.25 ms an item
_PEEK = 4096
_SLOW_SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".xhtml", ".shtml"}


def _peek(path: Path, size: int) -> tuple[int, bytes] | None:
    """(the file's size, its first ``size`` bytes), or None if it is not a regular file that can be read."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return None
        return st.st_size, os.read(fd, size)
    except OSError:
        return None
    finally:
        os.close(fd)


def article_is_slow(path: str | Path) -> bool:
    """Whether loading the article at ``path`` is more than a few milliseconds of work."""
    path = Path(path)
    peeked = _peek(path, _PEEK)
    if peeked is None:
        return False
    size, head = peeked
    if size > SLOW_TEXT_BYTES or path.suffix.lower() in _SLOW_SUFFIXES:
        return True
    return looks_like_pdf(head) or looks_like_docx_start(head) or looks_like_html(head)


def brief_is_slow(path: str | Path) -> bool:
    """Whether opening the brief at ``path`` (checking every item against its source) takes a while."""
    peeked = _peek(Path(path), SLOW_BRIEF_BYTES + 1)
    if peeked is None:
        return False
    size, data = peeked
    return size > SLOW_BRIEF_BYTES or data.count(b'"start"') > SLOW_BRIEF_ITEMS

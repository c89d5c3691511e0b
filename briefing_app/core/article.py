"""An article as the app holds it: its exact text, its paragraphs with their offsets, and its metadata.

Offsets everywhere in briefing-app are Python string indices (code points) into ``Article.text``.
Paragraph numbering is a pure function of the text and the ``title_line`` flag, so a source embedded
in a .brief file numbers its paragraphs exactly as the article did when it was loaded. A brief's source
(``core.brief.Source``) is an :class:`Article` with the brief's own descriptors added, so there is one set
of text fields and one ``paragraph_at``.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, cast

from .dateline import published_date

_BLANK_LINE = re.compile(r"\n[ \t\u00a0\f\v]*\n")
_TITLE_MAX_CHARS = 200
# control characters a file may carry that no reader sees: BEL, BS, NUL, escape sequences' ESC, DEL and the
# C1 controls. Form feed and vertical tab break lines (a page break in a plain-text file); tabs stay.
_INVISIBLE_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKING = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its number as cited (the title line is 0) and its span in the text."""

    number: int
    start: int
    end: int


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text``, without surrounding white space.

    A text with blank lines is split at blank lines (single newlines inside a block are hard wraps);
    a text without any blank line has one paragraph per line, as in most plain-text news copies.
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans = []
    pos = 0
    for m in [*sep.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        if m:
            pos = m.end()
    return spans


def looks_like_title(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the first paragraph is a heading line: short, one line, not a sentence, more text after."""
    if len(spans) < 2:
        return False
    first = text[spans[0][0] : spans[0][1]]
    return len(first) <= _TITLE_MAX_CHARS and "\n" not in first and not first.endswith((".", ",", ";", ":"))


def number_paragraphs(text: str, title_line: bool) -> tuple[Paragraph, ...]:
    """The paragraphs of ``text``, numbered from 1; a title line, if any, is number 0."""
    spans = paragraph_spans(text)
    first = 0 if title_line else 1
    return tuple(Paragraph(i + first, s, e) for i, (s, e) in enumerate(spans))


def paragraph_number_at(paragraphs: tuple[Paragraph, ...], offset: int, starts: list[int] | None = None) -> int:
    """The number of the paragraph holding ``offset`` (a gap between paragraphs counts as the one before);
    ``starts``, the paragraphs' starts if known, spares a look at each paragraph on the way."""
    i = bisect_right(paragraphs, offset, key=lambda p: p.start) if starts is None else bisect_right(starts, offset)
    return paragraphs[max(i - 1, 0)].number if paragraphs else 0


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, eq=False)  # never compared: two articles compare their texts
class TextFacts:
    """What a text alone decides: its numbered paragraphs and its SHA-256. Computed once per text (10 MB
    of text takes 0.6 s to number) and carried to every copy of an article whose text and title line stay,
    such as a source whose title the analyst edits."""

    text: str = field(repr=False)
    title_line: bool
    paragraphs: tuple[Paragraph, ...] = field(repr=False)
    sha256: str

    @classmethod
    def of(cls, text: str, title_line: bool) -> TextFacts:
        return cls(text, title_line, number_paragraphs(text, title_line), text_sha256(text))

    @cached_property
    def starts(self) -> list[int]:
        """Where each paragraph starts (a binary search over them finds an offset's paragraph in 0.3 µs, over
        the paragraphs themselves in 3 µs on an 8 MB article: a tenth of adding an item)."""
        return [p.start for p in self.paragraphs]

    def fit(self, text: str, title_line: bool) -> bool:
        """Whether these are the facts of ``text`` (the very same string: no 10 MB comparison) and flag."""
        return self.text is text and self.title_line == title_line

    def __reduce__(self):
        # pickled for a worker process as three flat arrays of ints: pickling the 25,000 paragraphs of an 8 MB
        # article one object at a time held Python's lock (and so the window) for 50 ms in one piece
        flat = array("q", [n for p in self.paragraphs for n in (p.number, p.start, p.end)])
        return _unpickled_facts, (self.text, self.title_line, flat, self.sha256)


def _unpickled_facts(text: str, title_line: bool, flat: array, sha256: str) -> TextFacts:
    numbers, starts, ends = flat[0::3], flat[1::3], flat[2::3]
    paragraphs = tuple(map(Paragraph, numbers, starts, ends))
    return TextFacts(text, title_line, paragraphs, sha256)


@dataclass(frozen=True)
class Article:
    """A loaded article. ``text`` is exactly what the app shows and what every offset points into."""

    text: str
    title: str
    origin: str = ""
    title_line: bool = False
    author: str = ""
    publisher: str = ""
    url: str = ""
    published: str = ""
    published_from: str = ""  # where the published date was read: "text" (a dateline), "metadata", or ""
    encoding: str = "utf-8"  # how its bytes were read: a codec, or "pdf", "docx", "declared by the page"; "" unknown
    # derived from text and title_line; ``dataclasses.replace`` hands it on, and it is recomputed only if they changed
    text_facts: TextFacts | None = field(default=None, repr=False, compare=False, kw_only=True)

    def __post_init__(self) -> None:
        if self.text_facts is None or not self.text_facts.fit(self.text, self.title_line):
            object.__setattr__(self, "text_facts", TextFacts.of(self.text, self.title_line))

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return self._facts().paragraphs

    @property
    def sha256(self) -> str:
        return self._facts().sha256

    def _facts(self) -> TextFacts:
        assert self.text_facts is not None  # set by __post_init__
        return self.text_facts

    def paragraph_at(self, offset: int) -> int:
        """The number of the paragraph holding ``offset`` (a gap between paragraphs counts as the one before)."""
        facts = self._facts()
        return paragraph_number_at(facts.paragraphs, offset, facts.starts)


def clean_text(text: str) -> str:
    """``text`` as the app holds it: line endings as "\\n"; form feeds, vertical tabs and Unicode line and
    paragraph separators as line breaks; other control characters (BEL, BS, ESC...) dropped. Offsets are
    into this text, the one shown and saved, so nothing points past a character that was dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _LINE_BREAKING.search(text):
        text = _LINE_BREAKING.sub("\n", text)
    return _INVISIBLE_CONTROLS.sub("", text) if _INVISIBLE_CONTROLS.search(text) else text


def article_from_text(text: str, origin: str, fallback_title: str = "", **metadata: str) -> Article:
    """An article from decoded text: line endings normalised and control characters dropped (see
    :func:`clean_text`); the title from the metadata, else from a short first line, else
    ``fallback_title``; the published date from the metadata (a web page's), else from a dateline or
    byline near the top of the text, else none."""
    text = clean_text(text)
    metadata = {key: " ".join(clean_text(value).split()) for key, value in metadata.items()}
    spans = paragraph_spans(text)
    title_line = looks_like_title(text, spans)
    title = metadata.pop("title", "") or (text[spans[0][0] : spans[0][1]] if title_line else fallback_title)
    if metadata.get("published"):
        metadata["published_from"] = "metadata"
    else:
        metadata["published"] = published_date(text, spans)
        metadata["published_from"] = "text" if metadata["published"] else ""
    return Article(text=text, title=title, origin=origin, title_line=title_line, **cast(dict[str, Any], metadata))

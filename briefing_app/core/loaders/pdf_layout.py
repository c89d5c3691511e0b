"""How a PDF's lines become an article's paragraphs: from the lines of each page, with where each starts
(see :mod:`.pdf`), to the text as a reader sees it.

Running headers, footers and page numbers (what repeats at the top or bottom of the pages) are dropped,
and so is what a browser prints around each page. A paragraph ends where the page shows it: more space
before the next line than between the lines of a paragraph (web pages, Word's default style), a
first-line indent (books, LibreOffice, typeset reports), a change of font size (a heading). Where the page
cannot tell (at the foot of a page or a column) the text decides: a line that ends a sentence with room
left for the next line's first word, a short line before a capital, a transcript's next speaker.
End-of-line hyphenation is undone, but a compound broken at its hyphen ("seven-" + "day") keeps it.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

EDGE_LINES = 3  # how many lines at the top and bottom of a page can be running headers or footers
_PAGE_NUMBER = re.compile(r"(?i)^(page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|/)\s*\d{1,4})?$")
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_HYPHENATED = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")
# what a browser's Print / Save as PDF puts at the edges of each page: the date and time (then the page's
# title), and the page's address
_PRINTED_AT = re.compile(r"(?i)^\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?\s+\d{1,2}:\d{2}(:\d{2})?(\s?[ap]\.?m\.?)?(\s|$)")
# a transcript's speaker: "Q ", "MS. PSAKI: ", "CHAIR POWELL. " (a name in capitals, not "U.S. ")
_SPEAKER_LABEL = re.compile(r"^(Q|(?=[A-Z.'’ -]*[A-Z]{3})[A-Z][A-Z.'’-]*( [A-Z][A-Z.'’-]*){0,4}[:.]) ")
_ADDRESS = re.compile(r"(?i)^(https?|file)://\S+$")
_GAP_LEADING, _GAP_SIZE = 1.25, 0.35  # a gap is wider than the leading by both a quarter and a third of an em
_INDENT = 0.3  # a first-line indent is at least this many ems (word processors use 1-2 ems)
_INDENT_MAX = 6  # further in than this many ems is a centred or right-aligned line, not an indent
# typographic ligatures (Qt's and some typesetters' PDFs map them to these code points): "ﬁ" as "fi", so
# the text reads and searches as typed
_TAIL_CHARS = 64  # how much of a paragraph's end joining a line looks at (with the whole last word)
_LIGATURES = str.maketrans({chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)})


class Position(NamedTuple):
    """Where a line starts, when pypdf said all of it."""

    x: float
    y: float  # the baseline, in points from the bottom of the page
    size: float  # the font size, in points as printed


@dataclass(frozen=True)
class Line:
    """One line of a page: its text, and where it starts (None when pypdf did not say)."""

    text: str
    x: float | None = None
    y: float | None = None  # the baseline, in points from the bottom of the page
    size: float | None = None  # the font size, in points as printed

    @property
    def at(self) -> Position | None:
        """The line's whole position, or None when any part of it is unknown."""
        if self.x is None or self.y is None or self.size is None:
            return None
        return Position(self.x, self.y, self.size)


def _shape(line: str) -> str:
    """A line with its numbers blurred, so "Page 3" and "Page 4" count as the same furniture."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _edge_rows(content: list[Line]) -> list[list[int]]:
    """The rows of a page (lists of line indices) that may be a running header or footer.

    With positions: the rows of text set apart at the top and at the bottom of the page (a header is
    followed by more space than the lines of a paragraph have), at most EDGE_LINES rows each; a footer
    can come first in the content stream, as with ReportLab's page templates. Without: the first and
    last EDGE_LINES lines in reading order, each a row of its own."""
    ys = [ln.y for ln in content if ln.y is not None]
    if not content or len(ys) < len(content):
        n = len(content)
        return [[i] for i in sorted(set(range(min(EDGE_LINES, n))) | set(range(max(0, n - EDGE_LINES), n)))]
    sizes = [ln.size or 10 for ln in content]
    order = sorted(range(len(content)), key=lambda i: -ys[i])
    blocks: list[list[list[int]]] = []  # blocks of rows of lines, top to bottom
    for i in order:
        rows = blocks[-1] if blocks else None
        row_y, row_size = (ys[rows[-1][0]], sizes[rows[-1][0]]) if rows else (0.0, 10.0)
        if rows and row_y - ys[i] < 0.5 * row_size:
            rows[-1].append(i)  # the same row
        elif rows and row_y - ys[i] < 1.5 * max(row_size, sizes[i]):
            rows.append([i])  # the next row of the same block
        else:
            blocks.append([[i]])
    edge: list[list[int]] = []
    for ends in (blocks, blocks[::-1]):
        taken = 0
        for block in ends[:-1]:  # never the last block left: that is the page's text
            taken += len(block)
            if taken > EDGE_LINES:
                break
            edge.extend(row for row in block if row not in edge)
    return edge


def _furniture_keys(line: Line) -> set[tuple]:
    """What makes two lines the same running header or footer: the same text at the same height on the
    page (a transcript's speaker can open many pages, lower or higher); or the same words with other
    numbers ("Annual report 2023 · page 4") at the same height, when the height is known. Lines with
    hardly a word in them (a table's row of figures) count only when identical: a statistical annex has
    rows of the same shape at the top of every page, and they are its text."""
    text = " ".join(line.text.split())
    height = None if line.y is None else round(line.y / 3)
    keys = {("text", text, height)}
    shape = _shape(text)
    if height is not None and shape != text.lower() and len(re.findall(r"[^\W\d_]", shape)) >= 3:
        keys.add(("shape", shape, height))
    return keys


def strip_page_furniture(pages: Sequence[Sequence[Line | str]]) -> list[list[Line]]:
    """Drop page numbers, lines that repeat at the top or bottom of at least half of the pages, and what
    a browser prints around a page (the date and time with the page's title, the address, "1/3")."""
    return strip_page_furniture_and_address(pages)[0]


def strip_page_furniture_and_address(pages: Sequence[Sequence[Line | str]]) -> tuple[list[list[Line]], str]:
    """:func:`strip_page_furniture`, and the web address a browser printed at the edge of a page, if any."""
    placed_pages = [[ln if isinstance(ln, Line) else Line(ln) for ln in lines] for lines in pages]
    edges: Counter[tuple] = Counter()
    contents = []
    for lines in placed_pages:
        content = [ln for ln in lines if ln.text.strip()]
        rows = _edge_rows(content)
        contents.append((content, rows))
        edges.update(set().union(*(_furniture_keys(content[i]) for row in rows for i in row)))
    # the same text on half of the pages; the same words with other numbers at the same height on most
    thresholds = {"text": max(2, len(pages) // 2), "shape": max(2, len(pages) // 2 + 1)}
    repeated = {key for key, n in edges.items() if n >= thresholds[key[0]]}
    out, url = [], ""
    for content, rows in contents:
        dropped = set()
        for row in rows:
            texts = [" ".join(content[i].text.split()) for i in row]
            if any(_PRINTED_AT.match(t) or _ADDRESS.match(t) for t in texts):
                dropped.update(row)  # a browser's header or footer: the page title beside the date goes too
                url = url or next((t for t in texts if _ADDRESS.match(t) and t.lower().startswith("http")), "")
            for i, text in zip(row, texts, strict=True):
                if _furniture_keys(content[i]) & repeated or _PAGE_NUMBER.match(text):
                    dropped.add(i)
        out.append([ln for i, ln in enumerate(content) if i not in dropped])
    return out, url


def in_column_order(lines: list[Line]) -> list[Line]:
    """The lines of one page with a left column before a right one, when the page is set in two columns of
    text: some PDF makers write such a page row by row across both columns, and pypdf reads it so (left
    line, right line, left line...). Two columns means: many lines start at a left and at a right edge
    well apart, on the same baselines, and the lines at each are long (text, not a table's cells). The
    order within each column, and every other page, is left as it is. (A row that pypdf reads as one
    line, both columns' text in one run, cannot be cut apart here: its positions are not reported.)"""
    placed = [(at, len(ln.text)) for ln in lines if (at := ln.at) is not None and at.size and ln.text.strip()]
    if len(placed) < 6 or len(placed) < 0.8 * len([ln for ln in lines if ln.text.strip()]):
        return lines
    starts = Counter(round(at.x / 3) * 3 for at, _ in placed)
    size = statistics.median(at.size for at, _ in placed)
    edges = sorted(x for x, n in starts.items() if n >= max(3, 0.2 * len(placed)))
    if len(edges) < 2 or edges[-1] - edges[0] < 12 * size:
        return lines
    left, right = edges[0], edges[-1]
    gutter = right - 0.5 * size
    at_left = [(at, chars) for at, chars in placed if at.x < gutter]
    at_right = [(at, chars) for at, chars in placed if at.x >= gutter]
    side_by_side = {round(at.y) for at, _ in at_left} & {round(at.y) for at, _ in at_right}
    text_lines = all(statistics.median(chars for _, chars in col) >= 25 for col in (at_left, at_right))
    fills = statistics.median(chars for _, chars in at_left) * 0.45 * size >= 0.6 * (right - left)
    if len(side_by_side) < 3 or not text_lines or not fills:
        return lines
    in_left = [ln for ln in lines if ln.x is None or ln.x < gutter]
    return in_left + [ln for ln in lines if ln.x is not None and ln.x >= gutter]


def _leadings(lines: list[Line]) -> dict[float, float]:
    """The usual distance between the baselines of two lines of one paragraph, for each font size: the
    closest spacing that is common (a fifth of the steps down between lines of that size are closer)."""
    steps: dict[float, list[float]] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        if a.y is None or b.y is None or a.size is None or b.size is None:
            continue
        if abs(a.size - b.size) < 0.5 and 0 < a.y - b.y < 4 * a.size:
            steps.setdefault(round(a.size * 2) / 2, []).append(a.y - b.y)
    found = {size: sorted(d)[len(d) // 5] for size, d in steps.items() if len(d) >= 3}
    if found:  # key 0: the leading of a size seldom used (a heading's), per point of size, as for the others
        found[0] = statistics.median(leading / size for size, leading in found.items() if size)
    return found


def _margins(lines: list[Line]) -> list[float]:
    """The x positions many lines start at: the left edges of the text columns (and their indents)."""
    counts = Counter(round(ln.x) for ln in lines if ln.x is not None)
    placed = sum(counts.values())
    return sorted(x for x, n in counts.items() if n >= max(2, 0.05 * placed))


def _indent(line: Line, margins: list[float]) -> float | None:
    """How far ``line`` starts in from its column's left edge (the leftmost common start within a few
    ems to its left), if that is an indent; None for a line at the edge, or centred, or not placed."""
    if line.x is None or not line.size:
        return None
    edge = next((m for m in margins if line.x - _INDENT_MAX * line.size <= m <= line.x + 0.5), None)
    indent = None if edge is None else line.x - edge
    return indent if indent is not None and _INDENT * line.size <= indent <= _INDENT_MAX * line.size else None


def _shown_break(prev: Line, line: Line, leadings: dict[float, float], margins: list[float]) -> str | None:
    """What the page shows between ``prev`` and ``line``: "size" (a new font size: a heading and its
    text), "indent" (a first-line indent), "gap" (more space than between the lines of a paragraph),
    "lines" (the next line of the same column, at the usual distance), "indented like the line before"
    (a block quote, or one-line paragraphs: the length of the line before tells), or None (a new column
    or page, or no positions)."""
    above, here = prev.at, line.at
    if above is None or here is None or here.size <= 0 or above.size <= 0:
        return None
    em = here.size
    if abs(above.size - here.size) > 0.15 * max(above.size, here.size):
        return "size"
    indented = _indent(line, margins) is not None
    if indented and (above.y <= here.y or here.x - above.x >= _INDENT * em):
        return "indent"
    if above.y <= here.y:
        return None
    if indented:
        return "indented like the line before"
    leading = leadings.get(round(em * 2) / 2) or leadings.get(0, 1.2) * em  # a size seldom used: as the rest
    return "gap" if above.y - here.y > max(_GAP_LEADING * leading, leading + _GAP_SIZE * em) else "lines"


def paragraphs(pages: Sequence[Sequence[Line | str]]) -> list[str]:
    """Join the lines of all pages into paragraphs (a paragraph may run on to the next page).

    What the page shows between two lines decides first: a gap, an indent or a new font size ends a
    paragraph. In a PDF that shows its paragraphs by gaps (most lines the text would end a paragraph at
    are followed by one), the next line at the usual distance continues the paragraph, and so do the
    wrapped lines of a heading; where it shows them by indents, so does an unindented next line unless
    this one is clearly short. Elsewhere (the next line on another page or column, or a PDF without
    either), the text decides: a short line that ends a sentence or is followed by a capital ends its
    paragraph; so does a full line ending a sentence when a heading follows (short, unpunctuated, then a
    capital), and a line with room left for the next line's first word (it did not wrap)."""
    lines = [ln if isinstance(ln, Line) else Line(ln) for page in pages for ln in page]
    lines = [Line(" ".join(ln.text.translate(_LIGATURES).split()), ln.x, ln.y, ln.size) for ln in lines]
    lines = [ln for ln in lines if ln.text]
    return _joined(lines, _paragraph_ends(lines)) if lines else []


def _paragraph_ends(lines: list[Line]) -> list[bool]:
    """For each line, whether its paragraph ends with it (see :func:`paragraphs`)."""
    leadings, margins = _leadings(lines), _margins(lines)
    long_lines = sorted(len(ln.text) for ln in lines if len(ln.text) > 20)
    typical = statistics.median(long_lines) if long_lines else 60
    full = long_lines[int(0.9 * len(long_lines))] if long_lines else 80  # a full line, in characters
    sizes: Counter = Counter()
    for ln in lines:
        sizes[None if ln.size is None else round(ln.size * 2) / 2] += len(ln.text)
    body_size = sizes.most_common(1)[0][0] or 0
    shown = [_shown_break(a, b, leadings, margins) for a, b in zip(lines, lines[1:], strict=False)] + ["end"]
    told, spare = [], []  # what the text alone says after each line; whether the line is clearly short
    for i, ln in enumerate(lines):
        line, nxt = ln.text, lines[i + 1].text if i + 1 < len(lines) else ""
        after = lines[i + 2].text if i + 2 < len(lines) else ""
        ends_sentence = bool(_ENDS_SENTENCE.search(line))
        short = len(line) < 0.8 * typical
        heading_next = len(nxt) < 0.6 * typical and not _ENDS_SENTENCE.search(nxt) and after[:1].isupper()
        heading_next = heading_next or bool(_SPEAKER_LABEL.match(nxt))  # a transcript's next speaker
        # the next line's first word would have fitted on this one, counted in characters (with room to
        # spare for a proportional font unless the line ends a sentence): the line did not wrap; a broken
        # word, or a next line in lower case, says it did
        fits = len(line) + 1 + len(nxt.split()[0]) if nxt else full
        room = not line.endswith("-") and (
            fits <= 0.8 * full and not nxt[:1].islower() or ends_sentence and fits <= full
        )
        spare.append(fits <= 0.7 * full)
        told.append(bool(short and (ends_sentence or nxt[:1].isupper()) or ends_sentence and heading_next or room))

    def shows(kind: str) -> bool:  # most lines the text ends a paragraph at are followed by a ``kind``
        checked = [s for s, t in zip(shown, told, strict=True) if t and s in (kind, "lines")]
        return len(checked) >= 2 and checked.count(kind) >= 2 / 3 * len(checked)

    gaps_show, indents_show = shows("gap"), shows("indent")
    # the indent paragraphs start with; a line indented just so after one indented alike is a paragraph
    # too (the one before was a full one-line paragraph), unless the PDF does not show paragraphs so
    indents = Counter(
        round(_indent(b, margins) or 0) for a, b, s in zip(lines, lines[1:], shown, strict=False) if s == "indent"
    )
    indents.pop(0, None)
    usual_indent = indents.most_common(1)[0][0] if indents else None
    ends = []
    for i, ln in enumerate(lines):
        if shown[i] in ("size", "indent", "gap", "end"):
            ends.append(True)
        elif shown[i] == "lines" and (gaps_show or (ln.size or 0) > 1.15 * body_size):
            ends.append(False)
        elif shown[i] == "lines" and indents_show:
            ends.append(spare[i])
        elif shown[i] == "indented like the line before" and indents_show:
            ends.append(told[i] or round(_indent(lines[i + 1], margins) or 0) == usual_indent)
        else:
            ends.append(told[i])
    return ends


def _joined(lines: list[Line], ends: list[bool]) -> list[str]:
    """The lines joined into paragraphs where ``ends`` says, words broken at the line ends made whole.

    A paragraph is built as a list of pieces and only its last few characters are ever looked at, so a PDF
    whose lines never end a paragraph (a table, a text without full stops) joins in linear time."""
    # word processors and browsers do not hyphenate unless asked, typesetters do: a text that breaks words
    # at the end of more than one line in thirty is hyphenated, and its other line-end hyphens break words
    broken = sum(1 for a, b in zip(lines, lines[1:], strict=False) if a.text.endswith("-") and b.text[:1].islower())
    hyphenated = broken > len(lines) / 30
    text = " ".join(ln.text for ln in lines)
    words = Counter(re.findall(r"[^\W\d_][\w-]*[^\W\d_]", text))
    closed_dashes = len(re.findall(r"\w—\w", text)) > text.count(" — ")
    out: list[str] = []
    parts: list[str] = []  # the paragraph so far, in pieces; never an empty one

    def tail() -> str:  # the end of the paragraph so far: its last word at least, if not absurdly long
        end, i = "", len(parts)
        while i and (len(end) < _TAIL_CHARS or _word_char(end[0]) and len(end) < 4 * _TAIL_CHARS):
            i -= 1
            end = parts[i] + end
        return end

    for ln, end in zip(lines, ends, strict=True):
        line = ln.text
        if parts:
            before = tail()
            if _HYPHENATED.search(before) and line[:1].isalnum():
                # "deploy-" + "ment": one word again; "seven-" + "day", "COVID-" + "19", "BioNTech-" + "Pfizer":
                # the hyphen stays
                if not _compound(before, line, words, hyphenated):
                    parts[-1] = parts[-1][:-1]
                    if not parts[-1]:
                        parts.pop()
            elif re.search(r"\d-$", before) and line[:1].isalnum():
                pass  # "19-" + "fold": a number is never broken, the hyphen is the text's
            elif closed_dashes and (before.endswith("—") or line.startswith("—")):
                pass  # "by 2020—" + "making": the text sets its dashes without spaces
            else:
                parts.append(" ")
        parts.append(line)
        if end:
            out.append("".join(parts))
            parts = []
    return out


def _word_char(c: str) -> bool:
    """Whether ``c`` is what a regular expression's \\w or a hyphen matches."""
    return c.isalnum() or c in "_-"


def _compound(before: str, after: str, words: Counter, hyphenated: bool) -> bool:
    """Whether the hyphen ending ``before`` belongs to a compound ("seven-" + "day", "COVID-" + "19",
    "heel-to-" + "toe", "on-" + "the-record") rather than to a word broken at the end of the line
    ("deploy-" + "ment"). Typesetters break words only into parts of two letters or more and never break
    a number or an abbreviation in capitals; the text itself may have the word elsewhere, with its hyphen
    or without; else it depends on whether the text is ``hyphenated`` at all."""
    if before.endswith("\u00ad"):
        return False  # a soft hyphen only ever breaks a word
    start = len(before) - 1  # the hyphen
    while start and _word_char(before[start - 1]):
        start -= 1
    head = before[start:-1]
    tail = re.split(r"[^\w-]", after, maxsplit=1)[0]  # the word (or compound) the next line opens with
    first, last = head.rsplit("-", 1)[-1], tail.split("-", 1)[0]
    if "-" in head or "-" in tail or len(first) < 2 or len(last) < 2 or not last.islower() or first.isupper():
        return True
    with_hyphen, without = words[f"{head}-{tail}"], words[head + tail]
    return with_hyphen > without if with_hyphen or without else not hyphenated

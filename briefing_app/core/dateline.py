"""The date an article was published, read from its text: a dateline or byline near the top.

A file's own dates say when the file was made, not when the article appeared (a browser's "Save as
PDF" always stamps today), so the Published date of a PDF, a Word document or a text file comes from
the words a reader sees: "By Jana Novák | March 3, 2020", "Published 3 March 2020, updated 4 March",
"WASHINGTON, March 3, 2020 — ...", "2020-03-03". A sentence that mentions a date ("Talks resumed on
March 3, 2020.") is not a dateline, and a date labelled as an update counts only when nothing else is
there. Months are read in English, French, German and Spanish.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

LOOK_PARAGRAPHS = 12  # a dateline sits among the first paragraphs...
LOOK_CHARS = 2500  # ...before the article is well under way
_BYLINE_MAX_CHARS = 200
_BYLINE_MAX_WORDS = 12  # words besides the date: "By Jana Novák and Tom Hale, Reuters | 10:15 a.m. EST"

_MONTH_NAMES = (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
)
_MONTHS = {name: i for names in _MONTH_NAMES for i, name in enumerate(names.split(), 1)} | {"sept": 9}
_MONTH = "(?P<month{n}>" + "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<year{n}>(?:19|20)\d\d)"
_DATE = (
    r"(?i)(?<![\w-])(?:"
    + rf"{_MONTH.format(n=1)}\s+{_DAY.format(n=1)},?\s+{_YEAR.format(n=1)}"  # March 3, 2020
    + rf"|{_DAY.format(n=2)}\s+(?:of\s+|de\s+)?{_MONTH.format(n=2)},?\s+(?:de\s+)?{_YEAR.format(n=2)}"  # 3 March 2020
    + rf"|{_YEAR.format(n=3)}-(?P<month3>[01]\d)-(?P<day3>[0-3]\d)"  # 2020-03-03
    + rf"|{_MONTH.format(n=4)},?\s+{_YEAR.format(n=4)}"  # March 2020: only alone or labelled
    + r")(?![\w-])"
)


@cache
def _date_pattern() -> re.Pattern[str]:
    """The date pattern, compiled when first needed: 8 ms that a process which loads no article (an export)
    does not pay."""
    return re.compile(_DATE)


_PUBLISHED = re.compile(r"(?i)\b(published|posted|first published|date|issued|publié|veröffentlicht|publicado)\b")
_UPDATED = re.compile(r"(?i)\b(updated|last updated|modified|revised|mis à jour|aktualisiert|actualizado)\b")
_DASH_AFTER = re.compile(r"\s*(\([^)]{1,30}\)\s*)?[—–-]\s")  # "March 3, 2020 — ", "March 3 (Reuters) - "


def _iso(m: re.Match) -> str:
    """The match as an ISO date (2020-03-03, or 2020-03 for a month alone), or "" if it is no real date."""
    n = next(k for k in "1234" if m.group(f"year{k}"))
    year = int(m.group(f"year{n}"))
    month = m.group(f"month{n}")
    month = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
    if n == "4":
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(m.group(f"day{n}"))).isoformat()
    except ValueError:
        return ""


def _kind(paragraph: str, m: re.Match) -> str:
    """How a date in a short paragraph is labelled: "published", "updated" or "" (the nearest label
    within the 30 characters before it decides)."""
    before = paragraph[max(0, m.start() - 30) : m.start()]
    labels = [(x.end(), "published") for x in _PUBLISHED.finditer(before)]
    labels += [(x.end(), "updated") for x in _UPDATED.finditer(before)]
    return max(labels)[1] if labels else ""


def published_date(text: str, spans: list[tuple[int, int]]) -> str:
    """The publication date a dateline or byline near the top of ``text`` gives, as an ISO date
    (possibly only a year and month), or "" when there is none. ``spans`` are the text's paragraphs."""
    found: dict[str, str] = {}
    for start, end in spans[:LOOK_PARAGRAPHS]:
        if start > LOOK_CHARS:
            break
        paragraph = text[start:end]
        for m in _date_pattern().finditer(paragraph):
            iso = _iso(m)
            if not iso:
                continue
            kind = _kind(paragraph, m)
            rest = (paragraph[: m.start()] + " " + paragraph[m.end() :]).strip()
            alone = not rest or _PUBLISHED.fullmatch(rest.strip(" :,|·-–—"))
            byline = (
                len(paragraph) <= _BYLINE_MAX_CHARS
                and len(rest.split()) <= _BYLINE_MAX_WORDS
                and (kind or not paragraph.rstrip("”’\"')").endswith("."))
            )
            dateline = m.start() < 60 and _DASH_AFTER.match(paragraph, m.end())
            if len(iso) == 7 and not (alone or kind == "published"):
                continue  # "March 2020" alone on a line (a report's cover) or labelled, never in passing
            if byline or dateline:
                found.setdefault(kind or "plain", iso)
        if "published" in found:
            break
    return found.get("published") or found.get("plain") or found.get("updated", "")

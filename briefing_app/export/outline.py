"""The brief as it is printed, in plain strings and independent of any output format.

Every output (PDF, Word, Markdown, the clipboard's HTML and plain text) sets the same words in the same
order: the title, the memo rows, the BLUF, the numbered key facts, the assessments (quotation or reported
speech, with who said it), the analyst's comment and the source list, each item with its citation. They
are decided once here, so the formats differ only in how they set them. Strings stay as the user and the
source wrote them: each writer escapes them for its own format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.brief import RELIABILITY_GRADES, Brief, Item, Source
from .wording import Assessment, assessment, capitalised, long_date

MEMO_LABELS = (("date", "Date"), ("author", "Prepared by"), ("prepared_for", "Prepared for"),
               ("distribution", "Distribution"), ("handling", "Handling"))  # fmt: skip
UNTITLED = "Untitled brief"
NOTE_LABEL = "Analyst note: "  # before an item's note
ATTRIBUTION_DASH = "—\u00a0"  # before the "speaker, affiliation" line under a quotation (never broken from it)
DRAFT_MARK = "DRAFT"  # across every page of a brief not yet marked final
RUNNING_TITLE_CHARS = 90  # a page's running head shows the title up to this length
SECTION_TITLES = {
    "bluf": "Bottom line up front",
    "key-facts": "Key facts",
    "expert-assessments": "Expert assessments",
    "comment": "Analyst comment",
    "sources": "Sources",
}


def blocks(value: str) -> list[str]:
    """The paragraphs a person typed into a multi-line field (blank lines separate them)."""
    return [b.strip("\n") for b in re.split(r"\n\s*\n", value.strip()) if b.strip()]


def full_stop(text: str) -> str:
    """``text`` ending with a full stop unless it already ends with one (or ? or !)."""
    return text if text.endswith((".", "?", "!")) else text + "."


@dataclass(frozen=True)
class Citation:
    """Where an item comes from: its source's number and paragraph (0: the source's title line)."""

    source: int
    paragraph: int

    @property
    def where(self) -> str:
        return f"{self.source}, ¶{self.paragraph}" if self.paragraph else f"{self.source}, title"

    def __str__(self) -> str:
        return f"[{self.where}]"


@dataclass(frozen=True)
class KeyFact:
    number: int
    text: str  # capitalised for print
    citation: Citation
    note: str


@dataclass(frozen=True)
class ExpertAssessment:
    shown: Assessment  # quotation or reported speech, its lead and the attribution line (see wording)
    citation: Citation
    note: str


@dataclass(frozen=True)
class SourceEntry:
    number: int
    title: str
    details: tuple[str, ...]  # sentences after the title: by whom, publisher, dates, reliability
    url: str


@dataclass(frozen=True)
class Outline:
    title: str
    handling: str
    memo: tuple[tuple[str, str], ...]  # (label, value) rows that have a value
    bluf: tuple[str, ...]  # paragraphs; each may hold the writer's line breaks
    key_facts: tuple[KeyFact, ...]
    assessments: tuple[ExpertAssessment, ...]
    comment: tuple[str, ...]
    sources: tuple[SourceEntry, ...]
    keywords: tuple[str, ...]  # the handling mark and the items' tags
    draft: bool  # not yet marked final: every page says DRAFT
    subject: str  # the document's subject: "Brief (TLP:AMBER): " and the start of the BLUF

    @property
    def running_title(self) -> str:
        """The title as a page's running head shows it: cut, with "…", past RUNNING_TITLE_CHARS."""
        t = self.title
        return t if len(t) < RUNNING_TITLE_CHARS else t[: RUNNING_TITLE_CHARS - 1] + "…"


def citation(item: Item) -> Citation:
    return Citation(item.source, item.paragraph)


def source_entry(number: int, source: Source) -> SourceEntry:
    details = []
    if source.author.strip():
        details.append(f"By {source.author.strip()}")
    if source.publisher.strip():
        details.append(source.publisher.strip())
    dates = [f"published {long_date(source.published)}" if source.published else "",
             f"accessed {long_date(source.accessed)}" if source.accessed else ""]  # fmt: skip
    if any(dates):
        details.append(capitalised("; ".join(d for d in dates if d)))
    details.append(f"Reliability {source.reliability} ({RELIABILITY_GRADES[source.reliability]})")
    return SourceEntry(number, source.title or "Untitled source", tuple(full_stop(d) for d in details), source.url)


def shown_assessment(brief: Brief, item: Item) -> Assessment:
    """How ``item`` is printed, judged with the characters around its span (a quotation picked without its
    marks is printed with them)."""
    text = brief.sources[item.source - 1].text
    return assessment(item.text, item.speaker, item.affiliation, text[max(0, item.start - 1) : item.start],
                      text[item.end : item.end + 2])  # fmt: skip


def outline(brief: Brief) -> Outline:
    memo = []
    for name, label in MEMO_LABELS:
        value = getattr(brief, name, "").strip()
        value = long_date(value) if name == "date" else value
        if value:
            memo.append((label, value))
    tags = sorted({t for _, item in brief.all_items() for t in item.tags})
    return Outline(
        title=brief.title or UNTITLED,
        handling=brief.handling,
        memo=tuple(memo),
        bluf=tuple(blocks(brief.bluf)),
        key_facts=tuple(
            KeyFact(n, capitalised(item.text), citation(item), item.note.strip())
            for n, item in enumerate(brief.key_facts, 1)
        ),
        assessments=tuple(
            ExpertAssessment(shown_assessment(brief, item), citation(item), item.note.strip())
            for item in brief.expert_assessments
        ),
        comment=tuple(blocks(brief.comment)),
        sources=tuple(source_entry(n, s) for n, s in enumerate(brief.sources, 1)),
        keywords=(brief.handling, *tags),
        draft=brief.status != "final",
        subject=f"Brief ({brief.handling})" + (f": {brief.bluf.strip()[:200]}" if brief.bluf.strip() else ""),
    )

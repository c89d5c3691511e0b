"""The brief as it is printed, in plain strings and independent of any output format.

Every output (PDF, Word, Markdown, the clipboard's HTML and plain text) sets the same words in the same
order: the title, the memo rows, the BLUF, the numbered key facts, the assessments (quotation or reported
speech, with who said it), the analyst's comment and the source list, each item with its citation, and the
table of the brief's likelihood scale. They are decided once here, so the formats differ only in how they
set them. Strings stay as the user and the source wrote them: each writer escapes them for its own format.

Tradecraft is printed in words, never by colour alone: a judgement's likelihood and confidence as
"Likely (55–80%); moderate confidence" beside the BLUF, each assessment and the comment; each citation with
the item's two-axis grade, "[1, ¶13, B2]"; each source's reliability, access, date of information and
perspective in its entry, with a key to the grades after the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from ..core.brief import RELIABILITY_GRADES, Brief, Item, Source
from ..core.kinds import Status
from ..core.tradecraft import ACCESS, CREDIBILITY, combined_grade, judgement_words, scale_named
from .wording import Assessment, assessment, capitalised, long_date

MEMO_LABELS = (("date", "Date"), ("author", "Prepared by"), ("prepared_for", "Prepared for"),
               ("distribution", "Distribution"), ("handling", "Handling"))  # fmt: skip
UNTITLED = "Untitled brief"
NOTE_LABEL = "Analyst note: "  # before an item's note
ATTRIBUTION_DASH = "—\u00a0"  # before the "speaker, affiliation" line under a quotation (never broken from it)
DRAFT_MARK = "DRAFT"  # across every page of a brief not yet marked final
RUNNING_TITLE_CHARS = 90  # a page's running head shows the title up to this length


class PrintedPart(StrEnum):
    """A headed part of the printed brief, in print order; the value is its key in a PDF's bookmarks."""

    BLUF = "bluf"
    KEY_FACTS = "key-facts"
    EXPERT_ASSESSMENTS = "expert-assessments"
    COMMENT = "comment"
    SOURCES = "sources"
    SCALE = "scale"


SECTION_TITLES = {
    PrintedPart.BLUF: "Bottom line up front",
    PrintedPart.KEY_FACTS: "Key facts",
    PrintedPart.EXPERT_ASSESSMENTS: "Expert assessments",
    PrintedPart.COMMENT: "Analyst comment",
    PrintedPart.SOURCES: "Sources",
    PrintedPart.SCALE: "Likelihood scale",
}
GRADES_KEY = (
    "Grades: source reliability "
    + ", ".join(f"{letter} {meaning.removeprefix('reliability ')}" for letter, meaning in RELIABILITY_GRADES.items())
    + "; information credibility "
    + ", ".join(f"{digit} {meaning}" for digit, meaning in CREDIBILITY.items())
    + "."
)


def blocks(value: str) -> list[str]:
    """The paragraphs a person typed into a multi-line field (blank lines separate them)."""
    return [b.strip("\n") for b in re.split(r"\n\s*\n", value.strip()) if b.strip()]


def full_stop(text: str) -> str:
    """``text`` ending with a full stop unless it already ends with one (or ? or !)."""
    return text if text.endswith((".", "?", "!")) else text + "."


@dataclass(frozen=True)
class Citation:
    """Where an item comes from: its source's number and paragraph (0: the source's title line), and its
    two-axis grade (the source's reliability and the item's credibility, "B2")."""

    source: int
    paragraph: int
    grade: str = ""

    @property
    def where(self) -> str:
        where = f"{self.source}, ¶{self.paragraph}" if self.paragraph else f"{self.source}, title"
        return f"{where}, {self.grade}" if self.grade else where

    def __str__(self) -> str:
        return f"[{self.where}]"


@dataclass(frozen=True)
class KeyFact:
    number: int
    text: str  # capitalised for print
    citation: Citation
    note: str
    judgement: str = ""  # a key fact moved from the assessments keeps its likelihood and confidence: printed


@dataclass(frozen=True)
class ExpertAssessment:
    shown: Assessment  # quotation or reported speech, its lead and the attribution line (see wording)
    citation: Citation
    note: str
    judgement: str = ""  # its likelihood and confidence in words, "" if neither is stated


@dataclass(frozen=True)
class ScaleTable:
    """The brief's likelihood scale, printed at the end: each band's term and its range."""

    title: str
    reference: str  # where the scale is defined
    rows: tuple[tuple[str, str], ...]  # ("Likely", "55–80%")

    @property
    def caption(self) -> str:
        """The line beneath the table: the scale and where it is defined."""
        return f"{self.title}, from {self.reference}."


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
    bluf_judgement: str  # the BLUF's likelihood and confidence in words, or ""
    comment_judgement: str
    scale: ScaleTable | None  # the brief's likelihood scale, None if it has none
    grades_key: str  # after the sources: what the letters and digits of the grades mean ("" without items)
    draft: bool  # not yet marked final: every page says DRAFT
    subject: str  # the document's subject: "Brief (TLP:AMBER): " and the start of the BLUF

    @property
    def running_title(self) -> str:
        """The title as a page's running head shows it: cut, with "…", past RUNNING_TITLE_CHARS."""
        t = self.title
        return t if len(t) < RUNNING_TITLE_CHARS else t[: RUNNING_TITLE_CHARS - 1] + "…"


def citation(brief: Brief, item: Item) -> Citation:
    return Citation(item.source, item.paragraph, combined_grade(brief.sources[item.source - 1].reliability,
                                                                item.credibility))  # fmt: skip


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
    details.append(f"Reliability {source.reliability} ({RELIABILITY_GRADES[source.reliability]}); access "
                   f"{ACCESS[source.access]}")  # fmt: skip
    if source.information_date:
        details.append(f"Information dated {long_date(source.information_date)}")
    if source.perspective.strip():
        details.append(f"Bias or perspective: {source.perspective.strip()}")
    return SourceEntry(number, source.title or "Untitled source", tuple(full_stop(d) for d in details), source.url)


def shown_assessment(brief: Brief, item: Item) -> Assessment:
    """How ``item`` is printed, judged with the characters around its span (a quotation picked without its
    marks is printed with them)."""
    text = brief.sources[item.source - 1].text
    return assessment(item.text, item.speaker, item.affiliation, text[max(0, item.start - 1) : item.start],
                      text[item.end : item.end + 2])  # fmt: skip


def scale_table(brief: Brief) -> ScaleTable | None:
    scale = scale_named(brief.likelihood_scale)
    if scale is None:
        return None
    rows = tuple((capitalised(band.term), band.shown_range) for band in scale.bands)
    return ScaleTable(scale.title, scale.reference, rows)


def outline(brief: Brief) -> Outline:
    memo = []
    for name, label in MEMO_LABELS:
        value = getattr(brief, name, "").strip()
        value = long_date(value) if name == "date" else value
        if value:
            memo.append((label, value))
    tags = sorted({t for _, item in brief.all_items() for t in item.tags})

    def judged(item: Item) -> str:
        return judgement_words(brief.likelihood_scale, item.likelihood, item.confidence)

    return Outline(
        title=brief.title or UNTITLED,
        handling=brief.handling,
        memo=tuple(memo),
        bluf=tuple(blocks(brief.bluf)),
        key_facts=tuple(
            KeyFact(n, capitalised(item.text), citation(brief, item), item.note.strip(), judged(item))
            for n, item in enumerate(brief.key_facts, 1)
        ),
        assessments=tuple(
            ExpertAssessment(shown_assessment(brief, item), citation(brief, item), item.note.strip(), judged(item))
            for item in brief.expert_assessments
        ),
        comment=tuple(blocks(brief.comment)),
        sources=tuple(source_entry(n, s) for n, s in enumerate(brief.sources, 1)),
        keywords=(brief.handling, *tags),
        draft=brief.status != Status.FINAL,
        bluf_judgement=judgement_words(brief.likelihood_scale, brief.bluf_likelihood, brief.bluf_confidence),
        comment_judgement=judgement_words(brief.likelihood_scale, brief.comment_likelihood, brief.comment_confidence),
        scale=scale_table(brief),
        grades_key=GRADES_KEY if any(True for _ in brief.all_items()) else "",
        subject=f"Brief ({brief.handling})" + (f": {brief.bluf.strip()[:200]}" if brief.bluf.strip() else ""),
    )

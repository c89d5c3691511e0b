"""The brief as a document: metadata, sources, key facts and expert assessments, and every operation on them.

Plain Python, no Qt. Each operation either succeeds and tells the listeners, or raises a
:class:`BriefError` with one clear sentence and leaves the brief exactly as it was. Items are
immutable: an edit swaps in a new :class:`Item`, so an undo simply puts the old one back.

The model owns its rules: every operation has a check that answers without applying (``check_field``,
``check_new_source``, ``check_source_update``, ``make_item``, ``check_edit``, ``find_items``, ``check_move``,
``plan_move``), which the operation itself runs, so an undo command asks first and then only replays
model calls. Whether a span overlaps an item is always asked of one per-source :class:`SpanIndex` (a binary
search, so adding the 8,000th item costs what adding the first does).
"""

from __future__ import annotations

import bisect
import dataclasses
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date
from typing import Any, cast

from .article import Article
from .errors import BriefingError
from .kinds import ChangeKind, Section, Status
from .tradecraft import (
    ACCESS,
    CONFIDENCE_LEVELS,
    CREDIBILITY,
    DEFAULT_ACCESS,
    DEFAULT_CREDIBILITY,
    NO_SCALE,
    SCALES,
    map_band,
    normal_words,
    scale_named,
)

KEY_FACTS = Section.KEY_FACTS
EXPERT_ASSESSMENTS = Section.EXPERT_ASSESSMENTS
SECTIONS = tuple(Section)  # in the order a brief shows, prints and saves them

TLP_MARKS = ("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED")
DEFAULT_HANDLING = "TLP:AMBER"  # limited disclosure until the analyst decides otherwise
RELIABILITY_GRADES = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
# the likelihood scale of the brief, then a likelihood and a confidence for each of the brief's own judgements
TRADECRAFT_FIELDS = ("likelihood_scale", "bluf_likelihood", "bluf_confidence", "comment_likelihood",
                     "comment_confidence")  # fmt: skip
BRIEF_FIELDS = ("title", "date", "author", "handling", "bluf", "comment", "prepared_for", "distribution", "status",
                *TRADECRAFT_FIELDS)  # fmt: skip
# the brief's judgements that carry a likelihood and a confidence: the BLUF and the analyst's comment
JUDGED_FIELDS = {"bluf": ("bluf_likelihood", "bluf_confidence"),
                 "comment": ("comment_likelihood", "comment_confidence")}  # fmt: skip
STATUSES = tuple(Status)
TEXT_FIELDS = ("title", "author", "bluf", "comment", "prepared_for", "distribution")  # limited to MAX_FIELD_CHARS
SOURCE_FIELDS = ("title", "author", "publisher", "url", "published", "published_from", "accessed", "reliability",
                 "access", "information_date", "perspective")  # fmt: skip
# where a source's published date came from: a dateline in its text, the file's metadata (a web page's),
# the analyst, or nobody knows (not found, or a brief from before this was recorded)
PUBLISHED_FROM = ("text", "metadata", "analyst", "")
ITEM_FIELDS = ("speaker", "affiliation", "note", "tags", "likelihood", "confidence", "credibility")
_ITEM_FIELD_SET = frozenset(ITEM_FIELDS)
# an item's tags, likelihood, confidence and credibility before the analyst states any
_UNJUDGED = {"tags": (), "likelihood": "", "confidence": "", "credibility": DEFAULT_CREDIBILITY}
MAX_HANDLING_CHARS = 120
MAX_ENCODING_CHARS = 100  # how a source's bytes were read: a codec's name, or a few words ("declared by the page")
# Any one text of a brief (its title, BLUF, comment; a source's title, author, publisher, URL; an item's
# speaker, affiliation, note, tag) and the passage of one item: about 40 printed pages, far beyond any
# real brief. The PDF export grows with the square of one paragraph's length inside ReportLab's line
# breaking (negligible up to this size: 0.03 s; a 1 MB note spent 2.6 s there); the limit keeps every
# export linear in the size of the brief.
MAX_FIELD_CHARS = 100_000
# the fields held to MAX_FIELD_CHARS, as messages name them
FIELD_NAMES = {"title": "title", "author": "author", "bluf": "BLUF", "comment": "comment",
                "prepared_for": "“prepared for” line", "distribution": "distribution line",
                "publisher": "publisher", "url": "URL", "origin": "file name", "speaker": "speaker",
                "affiliation": "affiliation", "note": "note", "perspective": "note on bias or perspective",
                "bluf_likelihood": "BLUF's likelihood", "bluf_confidence": "BLUF's confidence",
                "comment_likelihood": "comment's likelihood", "comment_confidence": "comment's confidence"}  # fmt: skip

_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class BriefError(BriefingError):
    """An operation on a brief was refused; the brief is unchanged."""


class SpanTaken(BriefError):
    """The span is already (partly) held by another item, named in the message and by ``holder``."""

    def __init__(self, message: str, holder: Item) -> None:
        super().__init__(message)
        self.holder = holder


def today() -> str:
    return _date.today().isoformat()


def check_date(value: str, what: str) -> str:
    """``value`` if it is empty or an ISO date, possibly partial (2024, 2024-10, 2024-10-28)."""
    if value and not _PARTIAL_DATE.fullmatch(value):
        raise BriefError(f"{what} must be a date like 2024-10-28 (or 2024-10, 2024), not {value!r}")
    if len(value) > 4:  # a partial date is checked as the first day of its month: 2023-13 is no month
        try:
            _date.fromisoformat(value if len(value) == 10 else value + "-01")
        except ValueError:
            raise BriefError(f"{what} is not a real date: {value}") from None
    return value


def check_status(value: str) -> Status:
    if value not in STATUSES:
        raise BriefError(f"a brief's status is draft or final, not {snippet(str(value), 20)!r}")
    return Status(value)


def check_scale(value: str) -> str:
    if value not in SCALES and value != NO_SCALE:
        raise BriefError(f"the likelihood scale is icd203, phia or empty (none), not {snippet(str(value), 20)!r}")
    return value


def check_likelihood(value: str, scale: str, what: str) -> str:
    """``value`` as the term of its band in the brief's ``scale`` ("Probable" in ICD 203 is "likely"), or ""."""
    if not isinstance(value, str):
        raise BriefError(f"{what} must be text")
    if not value.strip():
        return ""
    chosen = scale_named(scale)
    if chosen is None:
        raise BriefError(f"{what} cannot be {snippet(value, 30)!r}: the brief has no likelihood scale (choose one)")
    band = chosen.band(value)
    if band is None:
        raise BriefError(f"{what} must be one of {chosen.name}'s terms ({', '.join(chosen.terms)}), "
                         f"not {snippet(value, 30)!r}")  # fmt: skip
    return band.term


def check_confidence(value: str, what: str) -> str:
    """``value`` as one of low, moderate, high (any case), or ""."""
    level = normal_words(value) if isinstance(value, str) else None
    if level is None or (level and level not in CONFIDENCE_LEVELS):
        raise BriefError(f"{what} must be low, moderate, high or empty, not {snippet(str(value), 20)!r}")
    return level


def check_credibility(value: int, what: str = "an item's credibility") -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value not in CREDIBILITY:
        raise BriefError(f"{what} must be a whole number from 1 to 6, not {snippet(str(value), 20)!r}")
    return value


def normalise_handling(value: str) -> str:
    """A TLP mark in its canonical spelling, or a free one-line classification, checked."""
    value = value.strip()
    for mark in TLP_MARKS:
        if value.upper().replace(" ", "") == mark:
            return mark
    if not value:
        raise BriefError("the handling mark cannot be empty (use TLP:CLEAR for material without limits)")
    if "\n" in value or len(value) > MAX_HANDLING_CHARS:
        raise BriefError(f"the handling mark must be one line of at most {MAX_HANDLING_CHARS} characters")
    return value


def check_length(value: str, what: str) -> str:
    """``value`` if it is at most :data:`MAX_FIELD_CHARS` characters long."""
    if len(value) > MAX_FIELD_CHARS:
        raise BriefError(f"{what} is too long: {len(value):,} characters (at most {MAX_FIELD_CHARS:,})")
    return value


def _fitted(value: str) -> str:
    """``value`` cut to :data:`MAX_FIELD_CHARS` characters, marked with "…" where it was cut."""
    return value if len(value) <= MAX_FIELD_CHARS else value[: MAX_FIELD_CHARS - 1] + "…"


def file_name(origin: str) -> str:
    """Where a source came from, without the folder: "/home/jana/Downloads/report.pdf" is "report.pdf"
    (a .brief file travels, the user's folders and name stay home), "pasted text" stays as it is."""
    return re.split(r"[\\/]", origin.rstrip("\\/"))[-1]


def snippet(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


@dataclass(frozen=True)
class Source(Article):
    """A source of the brief: the article it was made from (its text embedded, so the brief verifies without
    the original; its author, encoding and where its date came from) with the analyst's descriptors added.
    Its title, author, publisher, URL and dates are the analyst's to edit; its text, title line, origin and
    encoding are as the article was read."""

    accessed: str = ""
    reliability: str = "F"  # one of RELIABILITY_GRADES
    # ICD 206 source descriptors: access to what it reports, when its information dates from (which may be well
    # before it was published), and a short note on its bias or perspective
    access: str = DEFAULT_ACCESS  # one of tradecraft.ACCESS
    information_date: str = ""
    perspective: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "origin", file_name(self.origin))  # never its folder (see file_name)

    @classmethod
    def from_article(cls, article: Article, accessed: str | None = None) -> Source:
        """The article as a source, its paragraphs and hash not computed again; its title, author and publisher
        cut to :data:`MAX_FIELD_CHARS` characters (a web page's metadata may say anything), and a URL longer
        than that, or a description of its encoding that is not one short line, left out."""
        loaded = {f.name: getattr(article, f.name) for f in dataclasses.fields(Article)}
        return cls(**loaded | {
            "title": _fitted(article.title),
            "author": _fitted(article.author),
            "publisher": _fitted(article.publisher),
            "url": article.url if len(article.url) <= MAX_FIELD_CHARS else "",
            "encoding": article.encoding if _encoding_label(article.encoding) else "",
            "accessed": today() if accessed is None else accessed,
        })  # fmt: skip


@dataclass(frozen=True)
class Item:
    """A key fact or expert assessment: verbatim text from a source span, cited as [source, ¶paragraph]."""

    id: str
    source: int  # the source's citation number, 1-based
    start: int
    end: int
    text: str
    paragraph: int
    speaker: str = ""
    affiliation: str = ""
    note: str = ""
    tags: tuple[str, ...] = ()
    # meant for expert assessments (a key fact states no likelihood); kept by a key fact moved from the
    # assessments, so that moving it back loses nothing, and printed wherever stated
    likelihood: str = ""  # a term of the brief's likelihood scale, or ""
    confidence: str = ""  # low, moderate, high, or ""
    credibility: int = DEFAULT_CREDIBILITY  # information credibility 1-6 (tradecraft.CREDIBILITY)


def new_item_id() -> str:
    """Twelve random hex digits (as uuid4's first twelve, which are all random): uuid4 itself cost 7 µs of the
    10 µs of making an item, a third of accepting 3,000 suggestions."""
    return os.urandom(6).hex()


@dataclass(frozen=True)
class ScaleChange:
    """What :meth:`Brief.set_likelihood_scale` changed, for :meth:`Brief.undo_likelihood_scale`: the scale
    before and after, and each likelihood it mapped or cleared as (field name or item id, before, after)."""

    before: str
    after: str
    fields: tuple[tuple[str, str, str], ...] = ()
    items: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Arrangement:
    """The items of some sections, by id and in order: what :meth:`Brief.plan_move` plans, and what
    :meth:`Brief.arrange` returns to put back a move (items may change section within it)."""

    orders: tuple[tuple[Section, tuple[str, ...]], ...]

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(section for section, _ in self.orders)


@dataclass(frozen=True)
class Planned:
    """An item to add: its section, the item (made by :meth:`Brief.make_item`, not yet in the brief) and its
    place there, counted as if the items planned before it were in (what :meth:`Brief.add_items` adds)."""

    section: Section
    item: Item
    index: int


# a span to plan: section, source, start, end, and what Brief.make_item takes besides (expect_text, speaker ...)
Wanted = tuple[str, int, int, int, dict[str, Any]]


@dataclass(frozen=True)
class Change:
    """What changed, for listeners: ``what`` a field (``name``), the sources, a section's items (order or
    membership; ``section`` None for both) or one item (``section``, ``item_id``). ``items`` holds the items
    added or removed (an edit: the item before and after), so that a listener can redo only their part; it is
    empty for a change of order, which adds or removes nothing."""

    what: ChangeKind
    section: Section | None = None
    item_id: str | None = None
    name: str | None = None
    items: tuple[Item, ...] = ()


Listener = Callable[[Change], None]


class SpanIndex:
    """Every item's span, per source and in text order, so that asking what overlaps a span costs a binary
    search, not a look at every item (adding thousands of suggestions was quadratic). Items of one source
    never overlap, so ordered by start they are ordered by end too."""

    def __init__(self, items: Iterable[Item] = ()) -> None:
        self._by_source: dict[int, list[tuple[int, int, str]]] = {}
        self._ids: set[str] = set()
        for item in items:
            self.add(item)

    def __contains__(self, item_id: str) -> bool:
        return item_id in self._ids

    def add(self, item: Item) -> None:
        self.add_span(item.source, item.start, item.end, item.id)

    def add_span(self, source: int, start: int, end: int, key: str) -> None:
        """Hold ``start``-``end`` of ``source`` under ``key`` (an item's id, or a place in a file being read);
        it must overlap none held already."""
        bisect.insort(self._by_source.setdefault(source, []), (start, end, key))
        self._ids.add(key)

    def remove(self, item: Item) -> None:
        spans = self._by_source[item.source]
        del spans[bisect.bisect_left(spans, (item.start, item.end, item.id))]
        self._ids.discard(item.id)

    def overlapping(self, source: int, start: int, end: int) -> list[str]:
        """The ids (keys) of the spans of ``source`` that overlap ``start``-``end``, in text order."""
        spans = self._by_source.get(source, [])
        i = bisect.bisect_left(spans, (start,))
        if i and spans[i - 1][1] > start:  # the one starting before may reach into the span
            i -= 1
        found = []
        while i < len(spans) and spans[i][0] < end:
            if spans[i][1] > start:
                found.append(spans[i][2])
            i += 1
        return found


class Brief:
    """A brief under construction. Read attributes freely; change it only through its methods."""

    def __init__(
        self,
        title: str = "",
        date: str = "",
        author: str = "",
        handling: str = DEFAULT_HANDLING,
        bluf: str = "",
        comment: str = "",
        prepared_for: str = "",
        distribution: str = "",
        status: str = Status.DRAFT,
        likelihood_scale: str = NO_SCALE,
        bluf_likelihood: str = "",
        bluf_confidence: str = "",
        comment_likelihood: str = "",
        comment_confidence: str = "",
    ) -> None:
        self.title = title
        self.date = check_date(date, "the brief's date")
        self.author = author
        self.handling = normalise_handling(handling)
        self.bluf = bluf
        self.comment = comment
        self.prepared_for = prepared_for  # who the brief is for, e.g. "Director, Asia desk"
        self.distribution = distribution  # who else may receive it
        self.status = check_status(status)
        self.likelihood_scale = check_scale(likelihood_scale)
        self.bluf_likelihood = check_likelihood(bluf_likelihood, likelihood_scale, "the BLUF's likelihood")
        self.bluf_confidence = check_confidence(bluf_confidence, "the BLUF's confidence")
        self.comment_likelihood = check_likelihood(comment_likelihood, likelihood_scale, "the comment's likelihood")
        self.comment_confidence = check_confidence(comment_confidence, "the comment's confidence")
        for name in TEXT_FIELDS:
            check_length(getattr(self, name), f"the {FIELD_NAMES[name]}")
        self._sources: list[Source] = []
        self._sections: dict[Section, list[Item]] = {s: [] for s in SECTIONS}
        self._listeners: list[Listener] = []
        self._spans = SpanIndex()
        self._revision = 0  # counts the changes: a check made at one revision holds until the next
        self._last_check: tuple[int, tuple[Planned, ...], list[tuple[Section, int, Item]]] = (-1, (), [])
        # the same, for the plan last added, at the revision that added it
        self._last_add: tuple[int, tuple[Planned, ...], list[tuple[Section, int, Item]]] = (-1, (), [])

    @classmethod
    def from_checked(cls, fields: dict[str, str], sources: list[Source], sections: dict[Section, list[Item]]) -> Brief:
        """A brief from parts already checked as a whole (by the file loader), skipping the per-item
        checks that would make loading a large brief quadratic."""
        brief = cls(**fields)
        brief._sources = list(sources)
        brief._sections = {s: list(sections[s]) for s in SECTIONS}
        brief._spans = SpanIndex(it for s in SECTIONS for it in brief._sections[s])
        return brief

    def snapshot(self) -> Brief:
        """An independent copy without listeners (e.g. to export in another thread while editing goes on).
        Cheap: items and sources are immutable, so only the lists are copied."""
        return Brief.from_checked({f: getattr(self, f) for f in BRIEF_FIELDS}, self._sources, self._sections)

    # --- reading
    @property
    def sources(self) -> tuple[Source, ...]:
        return tuple(self._sources)

    def items(self, section: str) -> tuple[Item, ...]:
        return tuple(self._sections[_section(section)])

    @property
    def key_facts(self) -> tuple[Item, ...]:
        return self.items(KEY_FACTS)

    @property
    def expert_assessments(self) -> tuple[Item, ...]:
        return self.items(EXPERT_ASSESSMENTS)

    def all_items(self) -> Iterator[tuple[Section, Item]]:
        for section in SECTIONS:
            for item in self._sections[section]:
                yield section, item

    def source(self, number: int) -> Source:
        if not isinstance(number, int) or not 1 <= number <= len(self._sources):
            raise BriefError(f"there is no source {number} (the brief has {len(self._sources)})")
        return self._sources[number - 1]

    def find(self, item_id: str) -> tuple[Section, int, Item]:
        """(section, index, item) of the item with ``item_id``."""
        for section in SECTIONS:
            for i, item in enumerate(self._sections[section]):
                if item.id == item_id:
                    return section, i, item
        raise BriefError(f"no item with id {item_id!r} in the brief")

    def _positions(self) -> dict[str, tuple[Section, int]]:
        return {it.id: (s, i) for s in SECTIONS for i, it in enumerate(self._sections[s])}

    def label(self, item_id: str) -> str:
        """How the item is named to the user, e.g. 'key fact 2'."""
        section, index, _ = self.find(item_id)
        return f"{section.noun} {index + 1}"

    def item_at(self, source: int, offset: int) -> Item | None:
        """The item whose span in ``source`` holds ``offset``, if any."""
        held = self._spans.overlapping(source, offset, offset + 1)
        return self.find(held[0])[2] if held else None

    def is_taken(self, source: int, start: int, end: int) -> bool:
        """Whether an item of ``source`` overlaps ``start``-``end`` (e.g. a suggestion already in the brief)."""
        return bool(self._spans.overlapping(source, start, end))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Brief):
            return NotImplemented
        return (
            all(getattr(self, f) == getattr(other, f) for f in BRIEF_FIELDS)
            and self._sources == other._sources
            and self._sections == other._sections
        )

    __hash__ = None  # type: ignore[assignment]  # mutable

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self._sections[s])} {s}" for s in SECTIONS)
        return f"<Brief {self.title!r}: {len(self._sources)} sources, {counts}>"

    # --- listeners
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every change; returns a function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _changed(
        self,
        what: ChangeKind,
        *,
        section: Section | None = None,
        item_id: str | None = None,
        name: str | None = None,
        items: tuple[Item, ...] = (),
    ) -> None:
        self._revision += 1
        self._last_check = (-1, (), [])
        change = Change(what, section, item_id, name, items)
        for listener in list(self._listeners):
            listener(change)

    # --- metadata
    def set_field(self, name: str, value: str) -> str:
        """Set one of :data:`BRIEF_FIELDS` (title, date, author, handling, bluf_likelihood, ...); returns the
        previous value. The likelihood scale has its own method, :meth:`set_likelihood_scale`."""
        value = self.check_field(name, value)
        old = getattr(self, name)
        if value != old:
            setattr(self, name, value)
            self._changed(ChangeKind.FIELD, name=name)
        return old

    def check_field(self, name: str, value: str) -> str:
        """``value`` as :meth:`set_field` would set field ``name`` to (a handling mark in its canonical
        spelling, a likelihood as its scale's term), or BriefError; nothing changes."""
        if name not in BRIEF_FIELDS:
            raise BriefError(f"a brief has no field {name!r} (it has {', '.join(BRIEF_FIELDS)})")
        if name == "likelihood_scale":
            raise BriefError("the likelihood scale is set by set_likelihood_scale, which also maps the likelihoods")
        if not isinstance(value, str):
            raise BriefError(f"the {FIELD_NAMES.get(name, name)} must be text")
        if name == "date":
            value = check_date(value, "the brief's date")
        elif name == "handling":
            value = normalise_handling(value)
        elif name == "status":
            value = check_status(value)
        elif name.endswith("_likelihood"):
            value = check_likelihood(value, self.likelihood_scale, f"the {FIELD_NAMES[name]}")
        elif name.endswith("_confidence"):
            value = check_confidence(value, f"the {FIELD_NAMES[name]}")
        else:
            check_length(value, f"the {FIELD_NAMES[name]}")
        return value

    def set_likelihood_scale(self, scale: str) -> ScaleChange:
        """Choose the brief's likelihood scale: "icd203", "phia", or "" for none. Every likelihood already
        stated (the BLUF's, the comment's, the items') is mapped to the band of the new scale that overlaps
        its own most (:func:`.tradecraft.map_band`; between the two scales this is one band to one band, so
        choosing the first scale again restores each term); choosing none clears them. Confidence does not
        depend on the scale and stays. Returns what changed, which :meth:`undo_likelihood_scale` puts back."""
        scale = check_scale(scale)
        before = self.likelihood_scale
        if scale == before:
            return ScaleChange(before, scale)
        old, new = scale_named(before), scale_named(scale)

        def mapped(term: str) -> str:
            return map_band(term, old, new) if term and old and new else ""

        fields = tuple((f, getattr(self, f), mapped(getattr(self, f)))
                       for f in ("bluf_likelihood", "comment_likelihood") if getattr(self, f))  # fmt: skip
        items = tuple((it.id, it.likelihood, mapped(it.likelihood)) for _, it in self.all_items() if it.likelihood)
        self._apply_scale(scale, {f: v for f, _, v in fields}, {i: v for i, _, v in items})
        return ScaleChange(before, scale, fields, items)

    def undo_likelihood_scale(self, change: ScaleChange) -> None:
        """Put back the scale and the likelihoods ``change`` (from :meth:`set_likelihood_scale`) changed."""
        for name, old, _ in change.fields:
            check_likelihood(old, change.before, f"the {FIELD_NAMES[name]}")
        for item_id, old, _ in change.items:
            self.find(item_id)
            check_likelihood(old, change.before, "an item's likelihood")
        self._apply_scale(change.before, {f: v for f, v, _ in change.fields}, {i: v for i, v, _ in change.items})

    def _apply_scale(self, scale: str, fields: dict[str, str], items: dict[str, str]) -> None:
        """Set the scale and these likelihoods (already checked), then tell the listeners what changed."""
        self.likelihood_scale = scale
        for name, value in fields.items():
            setattr(self, name, value)
        changed = []
        for section in SECTIONS:
            for i, item in enumerate(self._sections[section]):
                if item.id in items and items[item.id] != item.likelihood:
                    self._sections[section][i] = dataclasses.replace(item, likelihood=items[item.id])
                    changed.append((section, item.id))
        self._changed(ChangeKind.FIELD, name="likelihood_scale")
        for name in fields:
            self._changed(ChangeKind.FIELD, name=name)
        for section, item_id in changed:
            self._changed(ChangeKind.ITEM, section=section, item_id=item_id)

    # --- sources
    def add_source(self, source: Source, number: int | None = None) -> int:
        """Add ``source`` (at citation ``number``, renumbering later citations); returns its number."""
        number = self.check_new_source(source, number)
        self._renumber(lambda n: n + 1 if n >= number else n)
        self._sources.insert(number - 1, source)
        self._changed(ChangeKind.SOURCES)
        return number

    def check_new_source(self, source: Source, number: int | None = None) -> int:
        """The citation number :meth:`add_source` would give ``source``, or BriefError; nothing changes."""
        _check_source(source)
        number = len(self._sources) + 1 if number is None else number
        if not isinstance(number, int) or not 1 <= number <= len(self._sources) + 1:
            raise BriefError(f"a new source can be number 1 to {len(self._sources) + 1}, not {number}")
        return number

    def update_source(self, number: int, **changes: str) -> Source:
        """Change a source's metadata (not its text); returns the source as it was."""
        new = self.check_source_update(number, **changes)
        old = self._sources[number - 1]
        if new != old:
            self._sources[number - 1] = new
            self._changed(ChangeKind.SOURCES)
        return old

    def check_source_update(self, number: int, **changes: str) -> Source:
        """Source ``number`` as :meth:`update_source` would make it, or BriefError; nothing changes. Its
        text's paragraphs and hash are handed on, not computed again."""
        old = self.source(number)
        bad = set(changes) - set(SOURCE_FIELDS)
        if bad:
            raise BriefError(f"a source's {', '.join(sorted(bad))} cannot be changed")
        new = dataclasses.replace(old, **cast(dict[str, Any], changes))  # each checked just below
        _check_source(new)
        return new

    def remove_source(self, number: int) -> Source:
        """Remove a source no item cites; later sources move up one number."""
        source = self.source(number)
        cited = sum(1 for _, it in self.all_items() if it.source == number)
        if cited:
            raise BriefError(f"source {number} is cited by {cited} item(s); remove or move them first")
        del self._sources[number - 1]
        self._renumber(lambda n: n - 1 if n > number else n)
        self._changed(ChangeKind.SOURCES)
        return source

    def _renumber(self, renumber: Callable[[int], int]) -> None:
        for section in SECTIONS:
            self._sections[section] = [
                dataclasses.replace(it, source=renumber(it.source)) for it in self._sections[section]
            ]
        self._spans = SpanIndex(it for _, it in self.all_items())

    # --- items
    def make_item(
        self,
        source: int,
        start: int,
        end: int,
        *,
        expect_text: str | None = None,
        item_id: str | None = None,
        ignore: str | None = None,
        **details,
    ) -> Item:
        """An item for a span of ``source``, checked but not added: ends trimmed of white space,
        within the text, equal to ``expect_text`` if given, and not overlapping another item
        (other than the one with id ``ignore``)."""
        src = self.source(source)
        start, end = _trimmed_span(src, source, start, end)
        text = src.text[start:end]
        if expect_text is not None and expect_text.strip() != text:
            raise BriefError(
                f"the text does not match source {source} at {start}-{end}: "
                f"expected “{snippet(expect_text)}”, the source has “{snippet(text)}”"
            )
        self._check_free(source, start, end, ignore)
        details = self._checked_details(details)
        return Item(item_id or new_item_id(), source, start, end, text, src.paragraph_at(start), **details)

    def _check_free(self, source: int, start: int, end: int, ignore: str | None = None) -> None:
        """SpanTaken if an item (other than ``ignore``) overlaps ``start``-``end`` of ``source``."""
        for other_id in self._spans.overlapping(source, start, end):
            if other_id != ignore:
                other = self.find(other_id)[2]
                raise SpanTaken(
                    f"that passage is already in the brief as {self.label(other.id)}: “{snippet(other.text)}”",
                    other,
                )

    def _checked_details(self, details: dict) -> dict:
        """An item's speaker, affiliation, note, tags, likelihood, confidence and credibility as :meth:`make_item`
        gives them (tags cleaned, a likelihood as the term of the brief's scale), or BriefError."""
        unknown = details.keys() - _ITEM_FIELD_SET
        if unknown:
            raise BriefError(f"an item has no {', '.join(sorted(unknown))}")
        for name in ("speaker", "affiliation", "note"):
            if isinstance(details.get(name), str):
                check_length(details[name], f"the {name}")
        judged = {name: details.get(name, default) for name, default in _UNJUDGED.items()}
        # nothing judged yet (an accepted suggestion): as it is, without the checks a judgement needs
        if judged != _UNJUDGED or type(judged["credibility"]) is not int:
            judged = {
                "tags": _clean_tags(judged["tags"]),
                "likelihood": check_likelihood(judged["likelihood"], self.likelihood_scale, "an item's likelihood"),
                "confidence": check_confidence(judged["confidence"], "an item's confidence"),
                "credibility": check_credibility(judged["credibility"]),
            }
        return details | judged

    def _check_new(self, item: Item) -> None:
        """BriefError unless ``item`` is exactly what :meth:`make_item` would make of its span and details in the
        brief as it is now, under an id not in use. It makes no new item: checking 3,000 accepted suggestions
        this way costs a third of making them again."""
        if item.id in self._spans:
            raise BriefError(f"an item with id {item.id!r} is already in the brief")
        src = self.source(item.source)
        if (
            not isinstance(item.text, str)
            or _trimmed_span(src, item.source, item.start, item.end) != (item.start, item.end)
            or src.text[item.start : item.end] != item.text
            or src.paragraph_at(item.start) != item.paragraph
        ):
            raise BriefError(f"“{snippet(str(item.text))}” is not the text of source {item.source} at "
                             f"{item.start}-{item.end}")  # fmt: skip
        self._check_free(item.source, item.start, item.end)
        details = {f: getattr(item, f) for f in ITEM_FIELDS}
        if self._checked_details(details) != details:
            raise BriefError(f"the details of “{snippet(item.text)}” are not as the brief keeps them")

    def add_item(self, section: str, source: int, start: int, end: int, *, index: int | None = None, **kwargs) -> Item:
        """Add a span of ``source`` to ``section`` (at ``index``, default the end); returns the new item."""
        section = _section(section)
        item = self.make_item(source, start, end, **kwargs)
        self._insert(section, index, item)
        return item

    def insert_item(self, section: str, index: int, item: Item) -> Item:
        """Put an existing item back (undo of a removal), checking it as if it were new."""
        section = _section(section)
        checked = self._checked_again(item)
        self._insert(section, index, checked)
        return checked

    def _checked_again(self, item: Item) -> Item:
        """``item`` (one that was in the brief) checked as if it were new: its id unused, its span free."""
        if item.id in self._spans:
            raise BriefError(f"an item with id {item.id!r} is already in the brief")
        details = {f: getattr(item, f) for f in ITEM_FIELDS}
        return self.make_item(item.source, item.start, item.end, expect_text=item.text, item_id=item.id, **details)

    def _insert(self, section: Section, index: int | None, item: Item) -> None:
        items = self._sections[section]
        index = len(items) if index is None else index
        _check_position(section, index, len(items))
        self._place([(section, index, item)])

    def remove_item(self, item_id: str) -> tuple[Section, int, Item]:
        """Remove an item; returns (section, index, item) so that it can be put back where it was."""
        section, index, item = self.find(item_id)
        del self._sections[section][index]
        self._spans.remove(item)
        self._changed(ChangeKind.ITEMS, section=section, item_id=item_id, items=(item,))
        return section, index, item

    def find_items(self, item_ids: Iterable[str]) -> list[tuple[Section, int, Item]]:
        """(section, index, item) of each of ``item_ids``, in the brief's order (section, then index): what
        :meth:`remove_items` removes and :meth:`put_back` puts back. BriefError for none, an unknown id or
        one given twice; nothing changes."""
        wanted = list(item_ids)
        if not wanted:
            raise BriefError("no item is selected")
        if len(set(wanted)) != len(wanted):
            raise BriefError("the same item is named twice")
        where = self._positions()
        missing = [i for i in wanted if i not in where]
        if missing:
            raise BriefError(f"no item with id {missing[0]!r} in the brief")
        return sorted(((*where[i], self._sections[where[i][0]][where[i][1]]) for i in wanted),
                      key=lambda f: (SECTIONS.index(f[0]), f[1]))  # fmt: skip

    def remove_items(self, item_ids: Iterable[str]) -> list[tuple[Section, int, Item]]:
        """Remove several items at once, telling the listeners once; returns each (section, index, item), for
        :meth:`put_back`."""
        removed = self.find_items(item_ids)
        gone = {item.id for _, _, item in removed}
        added_at, plan, checked = self._last_add
        undoes_add = added_at == self._revision and gone == {item.id for _, _, item in checked}
        for section in {section for section, _, _ in removed}:  # one pass over each section, however many go
            self._sections[section] = [it for it in self._sections[section] if it.id not in gone]
        for _, _, item in removed:
            self._spans.remove(item)
        self._told(removed)
        if undoes_add and self._revision == added_at + 1:
            # exactly the items just added are gone (an undo): the brief is as it was when their plan was
            # checked, so the check holds and a redo adds them again without checking 3,000 items anew
            self._last_check = (self._revision, plan, checked)
        return removed

    def put_back(self, removed: Iterable[tuple[str, int, Item]]) -> None:
        """Put items back where :meth:`remove_items` took them from, each checked as if it were new (against
        the brief and the others); if one is refused, none is put back."""
        self._place(self._checked_places(removed, self._checked_again))

    def add_items(self, planned: Iterable[Planned]) -> list[Item]:
        """Add the items of a plan (:func:`~.workbench.plan_acceptance` makes one), each at its place counted
        as if those before it were in, telling the listeners once. All or nothing: BriefError, and no change,
        if one is not exactly as :meth:`make_item` would make it now, its id is in use, it overlaps an item
        or another of the plan, or its place is outside its section. Returns the items added."""
        planned = tuple(planned)
        checked = self.check_add_items(planned)
        before = self._revision
        self._place(checked)
        if self._revision == before + 1:  # no listener changed the brief on hearing of it
            self._last_add = (self._revision, planned, checked)
        return [item for _, _, item in checked]

    def plan_adds(self, wanted: Iterable[Wanted]) -> tuple[list[Planned], int]:
        """Plan adding spans, each given as (section, source, start, end, what :meth:`make_item` takes besides:
        ``expect_text``, speaker ...), in this order, each after the items of its section and those planned
        before it; returns the plan and how many spans were refused (already in the brief, overlapping one
        planned before, or not a passage an item can hold). Nothing changes; :meth:`add_items` adds the plan
        without checking it again, unless the brief changed meanwhile."""
        *_, plan = self.planning(wanted)
        return cast(tuple[list[Planned], int], plan)

    def planning(self, wanted: Iterable[Wanted], every: int = 0) -> Iterator[tuple[list[Planned], int] | None]:
        """:meth:`plan_adds` in steps, for a caller that lets other work run between them (the window's event
        loop): yields None after each ``every`` spans (0: never), then the plan. If the brief changes between
        two steps, the plan is not kept as checked: :meth:`add_items` checks it whole."""
        revision = self._revision
        planned: list[Planned] = []
        refused = 0
        among = SpanIndex()  # make_item checks against the brief; this, against the items planned before
        next_index = {section: len(items) for section, items in self._sections.items()}
        for n, (section, source, start, end, details) in enumerate(wanted, 1):
            if every and n % every == 0:
                yield None
            section = _section(section)
            try:
                item = self.make_item(source, start, end, **details)
            except BriefError:
                refused += 1
                continue
            if among.overlapping(source, item.start, item.end):
                refused += 1
                continue
            among.add(item)
            planned.append(Planned(section, item, next_index[section]))
            next_index[section] += 1
        if self._revision == revision:
            self._last_check = (self._revision, tuple(planned), [(p.section, p.index, p.item) for p in planned])
        yield planned, refused

    def check_add_items(self, planned: Iterable[Planned]) -> list[tuple[Section, int, Item]]:
        """(section, index, item) of each planned item if :meth:`add_items` may add them all, or BriefError;
        nothing changes. The answer (as a plan :meth:`plan_adds` made) is kept until the brief changes: the
        same plan is not checked again meanwhile (an undo command asks, then adds at once)."""

        def unchanged(item: Item) -> Item:
            self._check_new(item)
            return item

        planned = tuple(planned)
        revision, plan, checked = self._last_check
        if revision != self._revision or plan != planned:  # not the plan last checked, or the brief changed since
            checked = self._checked_places(((p.section, p.index, p.item) for p in planned), unchanged)
            self._last_check = (self._revision, planned, checked)
        return checked

    def _checked_places(
        self, places: Iterable[tuple[str, int, Item]], check: Callable[[Item], Item]
    ) -> list[tuple[Section, int, Item]]:
        """Items to insert at their places (each counted as if those before it were in), each passed through
        ``check`` (against the brief) and checked against the others; BriefError if one is refused."""
        among = SpanIndex()  # the items placed before this one
        lengths = {s: len(self._sections[s]) for s in SECTIONS}
        checked = []
        for section, index, item in places:
            section = _section(section)
            new = check(item)
            if new.id in among or among.overlapping(new.source, new.start, new.end):
                raise BriefError(f"“{snippet(new.text)}” is given twice, or over another item given with it")
            _check_position(section, index, lengths[section])
            among.add(new)
            lengths[section] += 1
            checked.append((section, index, new))
        return checked

    def _place(self, places: list[tuple[Section, int, Item]]) -> None:
        """Insert checked items at their places (in this order), then tell the listeners once."""
        for section, index, item in places:
            self._sections[section].insert(index, item)
            self._spans.add(item)
        self._told(places)

    def _told(self, places: list[tuple[Section, int, Item]]) -> None:
        """Tell the listeners, in one change, that these items were added or removed."""
        if not places:
            return
        sections = {section for section, _, _ in places}
        self._changed(
            ChangeKind.ITEMS,
            section=next(iter(sections)) if len(sections) == 1 else None,
            item_id=places[0][2].id if len(places) == 1 else None,
            items=tuple(item for _, _, item in places),
        )

    def edit_item(self, item_id: str, **changes) -> Item:
        """Change an item's speaker, affiliation, note, tags, likelihood, confidence, credibility, or its span
        (start/end); returns the old item."""
        section, index, old = self.find(item_id)
        new = self._edited(old, changes)
        if new != old:
            self._sections[section][index] = new
            self._spans.remove(old)
            self._spans.add(new)
            self._changed(ChangeKind.ITEM, section=section, item_id=item_id, items=(old, new))
        return old

    def check_edit(self, item_id: str, **changes) -> Item:
        """The item as :meth:`edit_item` would make it, or BriefError; nothing changes."""
        return self._edited(self.find(item_id)[2], changes)

    def _edited(self, old: Item, changes: dict) -> Item:
        unknown = set(changes) - {"start", "end", *ITEM_FIELDS}
        if unknown:
            raise BriefError(f"only an item's span, {', '.join(ITEM_FIELDS)} can be changed, "
                             f"not {', '.join(sorted(unknown))}")  # fmt: skip
        details = {f: getattr(old, f) for f in ITEM_FIELDS} | {k: v for k, v in changes.items() if k in ITEM_FIELDS}
        start, end = changes.get("start", old.start), changes.get("end", old.end)
        return self.make_item(old.source, start, end, item_id=old.id, ignore=old.id, **details)

    def replace_item(self, item: Item) -> Item:
        """Put back an earlier version of an item (same id); returns the version it replaces."""
        return self.edit_item(item.id, start=item.start, end=item.end, **{f: getattr(item, f) for f in ITEM_FIELDS})

    def move_item(self, item_id: str, index: int, section: str | None = None) -> tuple[Section, int]:
        """Move an item to ``index`` of ``section`` (default: its own); returns where it was."""
        old_section, old_index, section = self.check_move(item_id, index, section)
        item = self._sections[old_section][old_index]
        del self._sections[old_section][old_index]
        self._sections[section].insert(index, item)
        self._changed(ChangeKind.ITEMS, section=section, item_id=item_id)
        if section != old_section:
            self._changed(ChangeKind.ITEMS, section=old_section, item_id=item_id)
        return old_section, old_index

    def check_move(self, item_id: str, index: int, section: str | None = None) -> tuple[Section, int, Section]:
        """(its section, its index, the section it goes to) if :meth:`move_item` may move the item to ``index``
        of ``section``, or BriefError; nothing changes."""
        old_section, old_index, _ = self.find(item_id)
        section = old_section if section is None else _section(section)
        limit = len(self._sections[section]) - (1 if section == old_section else 0)
        _check_position(section, index, limit)
        return old_section, old_index, section

    def plan_move(self, item_ids: Iterable[str], row: int, section: str) -> Arrangement:
        """The order of the sections concerned once ``item_ids`` (in this order, from either section) stand
        together before what is now at ``row`` of ``section`` (its length: at the end), or BriefError;
        nothing changes. :meth:`arrange` applies it."""
        section = _section(section)
        moving = list(item_ids)
        found = self.find_items(moving)
        items = self._sections[section]
        _check_position(section, row, len(items))
        taken = set(moving)

        def staying(its: list[Item]) -> list[str]:
            return [it.id for it in its if it.id not in taken]

        concerned = {section} | {s for s, _, _ in found}
        orders = {s: staying(self._sections[s]) for s in concerned}
        orders[section] = staying(items[:row]) + moving + staying(items[row:])
        return Arrangement(tuple((s, tuple(orders[s])) for s in SECTIONS if s in concerned))

    def move_items(self, item_ids: Iterable[str], row: int, section: str) -> Arrangement:
        """Move ``item_ids`` (in this order) to stand together before what is now at ``row`` of ``section``
        (see :meth:`plan_move`); returns the arrangement before, which :meth:`arrange` puts back."""
        return self.arrange(self.plan_move(item_ids, row, section))

    def arrangement(self, *sections: str) -> Arrangement:
        """The order of the items of ``sections`` (default: all) as they are now."""
        chosen = {_section(s) for s in sections} if sections else set(SECTIONS)
        return Arrangement(tuple((s, tuple(it.id for it in self._sections[s])) for s in SECTIONS if s in chosen))

    def arrange(self, arrangement: Arrangement) -> Arrangement:
        """Order the sections ``arrangement`` names as it says; an item may change section among them, but
        they must hold exactly the items they hold now. Returns the arrangement before."""
        before = self.arrangement(*arrangement.sections)
        current = {it.id: it for s in before.sections for it in self._sections[s]}
        wanted = [item_id for _, order in arrangement.orders for item_id in order]
        if len(wanted) != len(current) or set(wanted) != set(current):
            raise BriefError(f"the new order must hold exactly the items already in the "
                             f"{' and '.join(s.plural for s in before.sections)}")  # fmt: skip
        if arrangement != before:
            for section, order in arrangement.orders:
                self._sections[section] = [current[i] for i in order]
            for section in arrangement.sections:
                self._changed(ChangeKind.ITEMS, section=section)
        return before

    def sort_items(self, section: str) -> list[str]:
        """Order a section by source, then position in the source; returns the previous order of ids."""
        section = _section(section)
        before = [it.id for it in self._sections[section]]
        self._sections[section].sort(key=lambda it: (it.source, it.start))
        self._changed(ChangeKind.ITEMS, section=section)
        return before

    def set_order(self, section: str, ids: list[str]) -> list[str]:
        """Reorder a section to ``ids`` (a permutation of its items); returns the previous order."""
        section = _section(section)
        current = {it.id: it for it in self._sections[section]}
        if sorted(ids) != sorted(current):
            raise BriefError(f"the new order must hold exactly the {section.plural} already there")
        before = list(current)
        self._sections[section] = [current[i] for i in ids]
        self._changed(ChangeKind.ITEMS, section=section)
        return before


def brief_from_article(article: Article, author: str = "") -> Brief:
    """A new brief on ``article``: its title, today's date, and the article as source 1."""
    brief = Brief(title=_fitted(article.title), date=today(), author=author)
    brief.add_source(Source.from_article(article))
    return brief


def _trimmed_span(src: Source, source: int, start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` of source number ``source`` without white space at either end, or BriefError if it
    is outside the text, only white space, or too long for one item."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(src.text)):
        raise BriefError(f"the span {start}-{end} is not within source {source} (0-{len(src.text)})")
    while start < end and src.text[start].isspace():
        start += 1
    while end > start and src.text[end - 1].isspace():
        end -= 1
    if start == end:
        raise BriefError("the selection holds only white space")
    if end - start > MAX_FIELD_CHARS:
        raise BriefError(
            f"that passage is too long for one item: {end - start:,} characters (at most {MAX_FIELD_CHARS:,})"
        )
    return start, end


def _section(section: str) -> Section:
    found = _SECTION_NAMED.get(section) if isinstance(section, str) else None  # a dict: no Enum() call per item
    if found is None:
        raise BriefError(f"no section {section!r} (sections: {', '.join(SECTIONS)})")
    return found


_SECTION_NAMED = {str(section): section for section in SECTIONS}


def _check_position(section: Section, index: int, last: int) -> None:
    """``index`` is a place in ``section`` from 0 to ``last``; messages count places from 1."""
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index <= last:
        shown = index + 1 if isinstance(index, int) else repr(index)
        raise BriefError(f"position {shown} is outside the {section.plural} (1-{last + 1})")


def _clean_tags(tags) -> tuple[str, ...]:
    if isinstance(tags, str):
        raise BriefError("tags must be a list of words, not one string")
    out = []
    for tag in tags:
        tag = check_length(" ".join(str(tag).split()), "a tag")
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def _encoding_label(value: str) -> bool:
    """Whether ``value`` may describe how a source was read: one short line (it is shown in the details line)."""
    return isinstance(value, str) and len(value) <= MAX_ENCODING_CHARS and not _CONTROL.search(value)


def _check_source(source: Source) -> None:
    if not isinstance(source, Source):
        raise BriefError("a source must be a Source")
    for name in SOURCE_FIELDS:
        if not isinstance(getattr(source, name), str):
            raise BriefError(f"a source's {FIELD_NAMES.get(name, name.replace('_', ' '))} must be text")
    if not _encoding_label(source.encoding):
        raise BriefError(f"a source's encoding must be one line of at most {MAX_ENCODING_CHARS} characters")
    for name in ("title", "author", "publisher", "url", "origin", "perspective"):
        check_length(getattr(source, name), f"the source's {FIELD_NAMES[name]}")
    if source.reliability not in RELIABILITY_GRADES:
        raise BriefError(f"the reliability grade must be one of A-F, not {source.reliability!r}")
    check_date(source.published, "the published date")
    if source.published_from not in PUBLISHED_FROM:
        raise BriefError(f"where the published date came from must be one of {', '.join(PUBLISHED_FROM[:-1])} or empty")
    check_date(source.accessed, "the accessed date")
    if source.access not in ACCESS:
        raise BriefError(f"a source's access is one of {', '.join(ACCESS)}, not {snippet(str(source.access), 20)!r}")
    check_date(source.information_date, "the date of information")
    if source.url and not re.match(r"(?i)https?://", source.url):
        raise BriefError(f"a source URL must start with http:// or https://, not {snippet(source.url, 40)!r}")
    if not source.text.strip():
        raise BriefError("a source needs text")

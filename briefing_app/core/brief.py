"""The brief as a document: metadata, sources, key facts and expert assessments, and every operation on them.

Plain Python, no Qt. Each operation either succeeds and tells the listeners, or raises a
:class:`BriefError` with one clear sentence and leaves the brief exactly as it was. Items are
immutable: an edit swaps in a new :class:`Item`, so an undo simply puts the old one back.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date as _date

from .article import Article, Paragraph, number_paragraphs, paragraph_number_at, text_sha256
from .errors import BriefingError
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

KEY_FACTS = "key_facts"
EXPERT_ASSESSMENTS = "expert_assessments"
SECTIONS = (KEY_FACTS, EXPERT_ASSESSMENTS)
ITEM_NOUN = {KEY_FACTS: "key fact", EXPERT_ASSESSMENTS: "expert assessment"}

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
# a brief is a draft (its outputs say DRAFT across every page) until the analyst marks it final
STATUSES = ("draft", "final")
TEXT_FIELDS = ("title", "author", "bluf", "comment", "prepared_for", "distribution")  # limited to MAX_FIELD_CHARS
SOURCE_FIELDS = ("title", "author", "publisher", "url", "published", "published_from", "accessed", "reliability",
                 "access", "information_date", "perspective")  # fmt: skip
# where a source's published date came from: a dateline in its text, the file's metadata (a web page's),
# the analyst, or nobody knows (not found, or a brief from before this was recorded)
PUBLISHED_FROM = ("text", "metadata", "analyst", "")
ITEM_FIELDS = ("speaker", "affiliation", "note", "tags", "likelihood", "confidence", "credibility")
MAX_HANDLING_CHARS = 120
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


def check_status(value: str) -> str:
    if value not in STATUSES:
        raise BriefError(f"a brief's status is draft or final, not {snippet(str(value), 20)!r}")
    return value


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
class Source:
    """A source of the brief, with its full text embedded so the brief verifies without the original."""

    title: str
    text: str
    publisher: str = ""
    url: str = ""
    published: str = ""
    accessed: str = ""
    reliability: str = "F"
    origin: str = ""  # the name of the file it was loaded from, never its folder (see file_name)
    title_line: bool = False
    author: str = ""  # who wrote the article (the brief's own author is the analyst)
    published_from: str = ""  # one of PUBLISHED_FROM
    # ICD 206 source descriptors: access to what it reports, when its information dates from (which may be well
    # before it was published), and a short note on its bias or perspective
    access: str = DEFAULT_ACCESS  # one of tradecraft.ACCESS
    information_date: str = ""
    perspective: str = ""
    sha256: str = field(init=False, compare=False, repr=False)
    paragraphs: tuple[Paragraph, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", file_name(self.origin))
        object.__setattr__(self, "sha256", text_sha256(self.text))
        object.__setattr__(self, "paragraphs", number_paragraphs(self.text, self.title_line))

    @classmethod
    def from_article(cls, article: Article, accessed: str | None = None) -> Source:
        """The article as a source; its title, author and publisher cut to :data:`MAX_FIELD_CHARS` characters
        (a web page's metadata may say anything), and a URL longer than that left out."""
        return cls(
            title=_fitted(article.title),
            text=article.text,
            publisher=_fitted(article.publisher),
            url=article.url if len(article.url) <= MAX_FIELD_CHARS else "",
            published=article.published,
            accessed=today() if accessed is None else accessed,
            origin=article.origin,
            title_line=article.title_line,
            author=_fitted(article.author),
            published_from=article.published_from,
        )

    def paragraph_at(self, offset: int) -> int:
        return paragraph_number_at(self.paragraphs, offset)

    def to_article(self) -> Article:
        """The source as an article, e.g. to show it in the article pane."""
        return Article(
            text=self.text,
            title=self.title,
            origin=self.origin or self.title,
            title_line=self.title_line,
            author=self.author,
            publisher=self.publisher,
            url=self.url,
            published=self.published,
            published_from=self.published_from,
        )


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
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class ScaleChange:
    """What :meth:`Brief.set_likelihood_scale` changed, for :meth:`Brief.undo_likelihood_scale`: the scale
    before and after, and each likelihood it mapped or cleared as (field name or item id, before, after)."""

    before: str
    after: str
    fields: tuple[tuple[str, str, str], ...] = ()
    items: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Change:
    """What changed, for listeners: ``what`` is "field", "sources", "items" (order or membership) or "item"."""

    what: str
    section: str | None = None
    item_id: str | None = None
    name: str | None = None


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
        bisect.insort(self._by_source.setdefault(item.source, []), (item.start, item.end, item.id))
        self._ids.add(item.id)

    def remove(self, item: Item) -> None:
        spans = self._by_source[item.source]
        del spans[bisect.bisect_left(spans, (item.start, item.end, item.id))]
        self._ids.discard(item.id)

    def overlapping(self, source: int, start: int, end: int) -> list[str]:
        """The ids of the items of ``source`` whose spans overlap ``start``-``end``, in text order."""
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
        status: str = "draft",
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
        self._sections: dict[str, list[Item]] = {s: [] for s in SECTIONS}
        self._listeners: list[Listener] = []
        self._spans = SpanIndex()

    @classmethod
    def from_checked(cls, fields: dict[str, str], sources: list[Source], sections: dict[str, list[Item]]) -> Brief:
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

    def all_items(self) -> Iterator[tuple[str, Item]]:
        for section in SECTIONS:
            for item in self._sections[section]:
                yield section, item

    def source(self, number: int) -> Source:
        if not isinstance(number, int) or not 1 <= number <= len(self._sources):
            raise BriefError(f"there is no source {number} (the brief has {len(self._sources)})")
        return self._sources[number - 1]

    def find(self, item_id: str) -> tuple[str, int, Item]:
        """(section, index, item) of the item with ``item_id``."""
        for section in SECTIONS:
            for i, item in enumerate(self._sections[section]):
                if item.id == item_id:
                    return section, i, item
        raise BriefError(f"no item with id {item_id!r} in the brief")

    def label(self, item_id: str) -> str:
        """How the item is named to the user, e.g. 'key fact 2'."""
        section, index, _ = self.find(item_id)
        return f"{ITEM_NOUN[section]} {index + 1}"

    def item_at(self, source: int, offset: int) -> Item | None:
        """The item whose span in ``source`` holds ``offset``, if any."""
        held = self._spans.overlapping(source, offset, offset + 1)
        return self.find(held[0])[2] if held else None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Brief):
            return NotImplemented
        return (
            all(getattr(self, f) == getattr(other, f) for f in BRIEF_FIELDS)
            and self._sources == other._sources
            and self._sections == other._sections
        )

    __hash__ = None  # mutable

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self._sections[s])} {s}" for s in SECTIONS)
        return f"<Brief {self.title!r}: {len(self._sources)} sources, {counts}>"

    # --- listeners
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every change; returns a function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _changed(self, what: str, **details: str | None) -> None:
        change = Change(what, **details)
        for listener in list(self._listeners):
            listener(change)

    # --- metadata
    def set_field(self, name: str, value: str) -> str:
        """Set one of :data:`BRIEF_FIELDS` (title, date, author, handling, bluf_likelihood, ...); returns the
        previous value. The likelihood scale has its own method, :meth:`set_likelihood_scale`."""
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
        old = getattr(self, name)
        if value != old:
            setattr(self, name, value)
            self._changed("field", name=name)
        return old

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
        self._changed("field", name="likelihood_scale")
        for name in fields:
            self._changed("field", name=name)
        for section, item_id in changed:
            self._changed("item", section=section, item_id=item_id)

    # --- sources
    def add_source(self, source: Source, number: int | None = None) -> int:
        """Add ``source`` (at citation ``number``, renumbering later citations); returns its number."""
        _check_source(source)
        number = len(self._sources) + 1 if number is None else number
        if not 1 <= number <= len(self._sources) + 1:
            raise BriefError(f"a new source can be number 1 to {len(self._sources) + 1}, not {number}")
        self._renumber(lambda n: n + 1 if n >= number else n)
        self._sources.insert(number - 1, source)
        self._changed("sources")
        return number

    def update_source(self, number: int, **changes: str) -> Source:
        """Change a source's metadata (not its text); returns the source as it was."""
        old = self.source(number)
        bad = set(changes) - set(SOURCE_FIELDS)
        if bad:
            raise BriefError(f"a source's {', '.join(sorted(bad))} cannot be changed")
        new = dataclasses.replace(old, **changes)
        _check_source(new)
        self._sources[number - 1] = new
        self._changed("sources")
        return old

    def remove_source(self, number: int) -> Source:
        """Remove a source no item cites; later sources move up one number."""
        source = self.source(number)
        cited = sum(1 for _, it in self.all_items() if it.source == number)
        if cited:
            raise BriefError(f"source {number} is cited by {cited} item(s); remove or move them first")
        del self._sources[number - 1]
        self._renumber(lambda n: n - 1 if n > number else n)
        self._changed("sources")
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
        text = src.text[start:end]
        if expect_text is not None and expect_text.strip() != text:
            raise BriefError(
                f"the text does not match source {source} at {start}-{end}: "
                f"expected “{snippet(expect_text)}”, the source has “{snippet(text)}”"
            )
        for other_id in self._spans.overlapping(source, start, end):
            if other_id != ignore:
                other = self.find(other_id)[2]
                raise SpanTaken(
                    f"that passage is already in the brief as {self.label(other.id)}: “{snippet(other.text)}”",
                    other,
                )
        unknown = set(details) - set(ITEM_FIELDS)
        if unknown:
            raise BriefError(f"an item has no {', '.join(sorted(unknown))}")
        for name in ("speaker", "affiliation", "note"):
            if isinstance(details.get(name), str):
                check_length(details[name], f"the {name}")
        details["tags"] = _clean_tags(details.get("tags", ()))
        details["likelihood"] = check_likelihood(details.get("likelihood", ""), self.likelihood_scale,
                                                 "an item's likelihood")  # fmt: skip
        details["confidence"] = check_confidence(details.get("confidence", ""), "an item's confidence")
        details["credibility"] = check_credibility(details.get("credibility", DEFAULT_CREDIBILITY))
        return Item(item_id or new_item_id(), source, start, end, text, src.paragraph_at(start), **details)

    def add_item(self, section: str, source: int, start: int, end: int, *, index: int | None = None, **kwargs) -> Item:
        """Add a span of ``source`` to ``section`` (at ``index``, default the end); returns the new item."""
        section = _section(section)
        item = self.make_item(source, start, end, **kwargs)
        self._insert(section, index, item)
        return item

    def insert_item(self, section: str, index: int, item: Item) -> Item:
        """Put an existing item back (undo of a removal), checking it as if it were new."""
        section = _section(section)
        if item.id in self._spans:
            raise BriefError(f"an item with id {item.id!r} is already in the brief")
        details = {f: getattr(item, f) for f in ITEM_FIELDS}
        checked = self.make_item(item.source, item.start, item.end, expect_text=item.text, item_id=item.id, **details)
        self._insert(section, index, checked)
        return checked

    def _insert(self, section: str, index: int | None, item: Item) -> None:
        items = self._sections[section]
        index = len(items) if index is None else index
        if not 0 <= index <= len(items):
            raise BriefError(f"position {index + 1} is outside the {ITEM_NOUN[section]}s (1-{len(items) + 1})")
        items.insert(index, item)
        self._spans.add(item)
        self._changed("items", section=section, item_id=item.id)

    def remove_item(self, item_id: str) -> tuple[str, int, Item]:
        """Remove an item; returns (section, index, item) so that it can be put back where it was."""
        section, index, item = self.find(item_id)
        del self._sections[section][index]
        self._spans.remove(item)
        self._changed("items", section=section, item_id=item_id)
        return section, index, item

    def edit_item(self, item_id: str, **changes) -> Item:
        """Change an item's speaker, affiliation, note, tags, likelihood, confidence, credibility, or its span
        (start/end); returns the old item."""
        section, index, old = self.find(item_id)
        unknown = set(changes) - {"start", "end", *ITEM_FIELDS}
        if unknown:
            raise BriefError(f"only an item's span, {', '.join(ITEM_FIELDS)} can be changed, not {', '.join(unknown)}")
        start, end = changes.pop("start", old.start), changes.pop("end", old.end)
        details = {f: getattr(old, f) for f in ITEM_FIELDS} | changes
        new = self.make_item(old.source, start, end, item_id=old.id, ignore=old.id, **details)
        if new != old:
            self._sections[section][index] = new
            self._spans.remove(old)
            self._spans.add(new)
            self._changed("item", section=section, item_id=item_id)
        return old

    def replace_item(self, item: Item) -> Item:
        """Put back an earlier version of an item (same id); returns the version it replaces."""
        return self.edit_item(item.id, start=item.start, end=item.end, **{f: getattr(item, f) for f in ITEM_FIELDS})

    def move_item(self, item_id: str, index: int, section: str | None = None) -> tuple[str, int]:
        """Move an item to ``index`` of ``section`` (default: its own); returns where it was."""
        old_section, old_index, item = self.find(item_id)
        section = old_section if section is None else _section(section)
        limit = len(self._sections[section]) - (1 if section == old_section else 0)
        if not 0 <= index <= limit:
            raise BriefError(f"position {index + 1} is outside the {ITEM_NOUN[section]}s (1-{limit + 1})")
        del self._sections[old_section][old_index]
        self._sections[section].insert(index, item)
        self._changed("items", section=section, item_id=item_id)
        if section != old_section:
            self._changed("items", section=old_section, item_id=item_id)
        return old_section, old_index

    def sort_items(self, section: str) -> list[str]:
        """Order a section by source, then position in the source; returns the previous order of ids."""
        section = _section(section)
        before = [it.id for it in self._sections[section]]
        self._sections[section].sort(key=lambda it: (it.source, it.start))
        self._changed("items", section=section)
        return before

    def set_order(self, section: str, ids: list[str]) -> list[str]:
        """Reorder a section to ``ids`` (a permutation of its items); returns the previous order."""
        section = _section(section)
        current = {it.id: it for it in self._sections[section]}
        if sorted(ids) != sorted(current):
            raise BriefError(f"the new order must hold exactly the {ITEM_NOUN[section]}s already there")
        before = list(current)
        self._sections[section] = [current[i] for i in ids]
        self._changed("items", section=section)
        return before


def brief_from_article(article: Article, author: str = "") -> Brief:
    """A new brief on ``article``: its title, today's date, and the article as source 1."""
    brief = Brief(title=_fitted(article.title), date=today(), author=author)
    brief.add_source(Source.from_article(article))
    return brief


def _section(section: str) -> str:
    if section not in SECTIONS:
        raise BriefError(f"no section {section!r} (sections: {', '.join(SECTIONS)})")
    return section


def _clean_tags(tags) -> tuple[str, ...]:
    if isinstance(tags, str):
        raise BriefError("tags must be a list of words, not one string")
    out = []
    for tag in tags:
        tag = check_length(" ".join(str(tag).split()), "a tag")
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)


def _check_source(source: Source) -> None:
    if not isinstance(source, Source):
        raise BriefError("a source must be a Source")
    for name in SOURCE_FIELDS:
        if not isinstance(getattr(source, name), str):
            raise BriefError(f"a source's {FIELD_NAMES.get(name, name.replace('_', ' '))} must be text")
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

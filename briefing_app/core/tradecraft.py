"""Analytic tradecraft as data: the likelihood scales, confidence levels, the two-axis grade and source access.

Plain Python, no Qt. The brief (:mod:`.brief`) checks its values against these tables, the review
(:mod:`.review`) finds their words in the analyst's prose, and every output prints them from here.

- Likelihood: one scale per brief, either ICD 203 (US ODNI, Intelligence Community Directive 203
  "Analytic Standards", 2015, section D.6.e) or the UK PHIA probability yardstick (Professional Head of
  Intelligence Assessment, Cabinet Office), or none. A likelihood is stored as its band's term, lower case, as the
  scale's table names it ("likely", "likely or probably"); the scale's other words for the same band
  (ICD 203: "probable", "nearly certain" ...) are accepted and stored as the band's term.
- Confidence: low, moderate or high (ICD 203 D.6.e): how well-founded a judgement is, which is not how
  likely it is.
- Grading (NATO/Admiralty code, two axes): a source's reliability A-F (:data:`.brief.RELIABILITY_GRADES`)
  and an item's information credibility 1-6; together "B2".
- Access (ICD 206 source descriptors): whether the source saw or heard what it reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

NO_SCALE = ""
CONFIDENCE_LEVELS = ("low", "moderate", "high")
# information credibility, the Admiralty code's second axis; 6, like reliability F, is "not judged"
CREDIBILITY = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
DEFAULT_CREDIBILITY = 6  # nothing is claimed for an item until the analyst judges it
ACCESS = {  # ICD 206: the source's access to what it reports
    "direct": "direct (the source saw or heard it)",
    "indirect": "indirect (the source reports what others saw or heard)",
    "unknown": "unknown",
}
DEFAULT_ACCESS = "unknown"


@dataclass(frozen=True)
class Band:
    """One band of a likelihood scale: its term, its range in percent, and other words for it."""

    term: str  # lower case, as stored in a brief and as the scale's table names the band
    low: int  # per cent, inclusive
    high: int
    shown_range: str  # as the scale prints it: "55–80%", "≤5%"
    synonyms: tuple[str, ...] = ()  # the scale's other words for the band (lower case)

    @property
    def words(self) -> tuple[str, ...]:
        """The words that state this band in prose: the term's own words (a term such as "likely or
        probably" is two words for one band) and its synonyms."""
        return (*self.term.split(" or "), *self.synonyms)

    def overlaps(self, other: Band) -> bool:
        """Whether the two ranges share more than an end point (ICD 203's 55–80% and PHIA's 55–75% do)."""
        return self.low < other.high and other.low < self.high

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2


@dataclass(frozen=True)
class Scale:
    key: str  # as stored in a brief: "icd203" or "phia"
    name: str  # as messages name it: "ICD 203", "the PHIA yardstick"
    title: str  # the table's heading
    reference: str  # where the scale is defined
    bands: tuple[Band, ...]

    def band(self, term: str) -> Band | None:
        """The band ``term`` names (its term or a synonym, any case and spacing), or None."""
        wanted = normal_words(term)
        for band in self.bands:
            if wanted == band.term or wanted in band.words:
                return band
        return None

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(b.term for b in self.bands)


ICD_203 = Scale(
    "icd203",
    "ICD 203",
    "ICD 203 expressions of likelihood",
    "US Office of the Director of National Intelligence, Intelligence Community Directive 203, Analytic Standards "
    "(2015), section D.6.e",
    (
        Band("almost no chance", 1, 5, "1–5%", ("remote",)),
        Band("very unlikely", 5, 20, "5–20%", ("highly improbable",)),
        Band("unlikely", 20, 45, "20–45%", ("improbable", "improbably")),
        Band("roughly even chance", 45, 55, "45–55%", ("roughly even odds",)),
        Band("likely", 55, 80, "55–80%", ("probable", "probably")),
        Band("very likely", 80, 95, "80–95%", ("highly probable",)),
        Band("almost certain", 95, 99, "95–99%", ("almost certainly", "nearly certain")),
    ),
)
PHIA = Scale(
    "phia",
    "the PHIA yardstick",
    "PHIA probability yardstick",
    "the UK Professional Head of Intelligence Assessment (PHIA), Cabinet Office",
    (
        Band("remote chance", 0, 5, "≤5%"),
        Band("highly unlikely", 10, 20, "10–20%"),
        Band("unlikely", 25, 35, "25–35%"),
        Band("realistic possibility", 40, 50, "40–50%"),
        Band("likely or probably", 55, 75, "55–75%", ("probable",)),
        Band("highly likely", 80, 90, "80–90%"),
        Band("almost certain", 95, 100, "≥95%", ("almost certainly",)),
    ),
)
SCALES = {s.key: s for s in (ICD_203, PHIA)}
SCALE_CHOICES = (NO_SCALE, *SCALES)
# a word that states a likelihood in a scale's table but means something else in most prose ("a remote
# village"): the review does not count it in the analyst's text
NOT_IN_PROSE = frozenset({"remote"})


def normal_words(text: str) -> str:
    """``text`` lower case with its words separated by single spaces (a term as the tables write it)."""
    return " ".join(text.casefold().split())


def scale_named(key: str) -> Scale | None:
    """The scale stored as ``key`` ("icd203", "phia"), or None for no scale."""
    return SCALES.get(key)


def combined_grade(reliability: str, credibility: int) -> str:
    """The two-axis grade of an item: its source's reliability and its own credibility, e.g. "B2"."""
    return f"{reliability}{credibility}"


def judgement_words(scale_key: str, likelihood: str, confidence: str) -> str:
    """A likelihood and a confidence as printed beside a judgement: "Likely (55–80%); moderate confidence",
    "Likely (55–80%)", "Moderate confidence", or "" when neither is stated. Words, never a colour alone."""
    parts = []
    scale = scale_named(scale_key)
    band = scale.band(likelihood) if scale and likelihood else None
    if band:
        parts.append(f"{band.term} ({band.shown_range})")
    if confidence:
        parts.append(f"{confidence} confidence")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def map_band(term: str, source: Scale, target: Scale) -> str:
    """The term of ``target`` for the band ``term`` names in ``source``: the band whose range overlaps it
    most, on a tie the one whose middle is nearer. Between ICD 203 and the PHIA yardstick this maps each
    band to one band and back again (PHIA's realistic possibility, 40–50%, overlaps ICD 203's unlikely and
    roughly even chance by five points each; its middle, 45, is nearer even chance's 50)."""
    band = source.band(term)
    if band is None:
        return ""

    def closeness(other: Band) -> tuple[float, float]:
        shared = max(0, min(band.high, other.high) - max(band.low, other.low))
        return shared, -abs(other.middle - band.middle)

    return max(target.bands, key=closeness).term


# --- the words of the scales in prose
@dataclass(frozen=True)
class Estimative:
    """A likelihood word found in prose: where, as written, and which bands of which scales it names."""

    start: int
    end: int
    words: str  # as written
    bands: tuple[tuple[Scale, Band], ...]

    @property
    def scales(self) -> frozenset[str]:
        return frozenset(scale.key for scale, _ in self.bands)


@cache
def _estimative_pattern() -> tuple[re.Pattern, dict[str, tuple[tuple[Scale, Band], ...]]]:
    meaning: dict[str, list[tuple[Scale, Band]]] = {}
    for scale in SCALES.values():
        for band in scale.bands:
            for words in band.words:
                if words not in NOT_IN_PROSE:
                    meaning.setdefault(words, []).append((scale, band))
    # longest first: "highly unlikely" is one term, not "unlikely"; "almost certainly" is not "almost certain"
    phrases = sorted(meaning, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), {
        k: tuple(v) for k, v in meaning.items()
    }


def estimative_words(text: str) -> list[Estimative]:
    """Every likelihood word of either scale in ``text``, in order (a longer term wins over the words in it)."""
    pattern, meaning = _estimative_pattern()
    return [Estimative(m.start(), m.end(), m.group(), meaning[normal_words(m.group())]) for m in pattern.finditer(text)]


@cache
def _confidence_pattern() -> re.Pattern:
    """The confidence phrases of the stance lexicon (``resources/stance_lexicon.tsv``, category "confidence",
    from ICD 203 D.6.e), which the suggestion engine reads too."""
    from ..resources import resource

    phrases = []
    for line in resource("stance_lexicon.tsv").read_text(encoding="utf-8").splitlines():
        category, _, phrase = line.partition("\t")
        if category == "confidence":
            phrases.append(r"[\s-]+".join(re.escape(w) for w in phrase.split()))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(phrases)})(?![\w-])", re.IGNORECASE)


def confidence_words(text: str) -> list[tuple[int, int, str]]:
    """Every statement of analytic confidence ("high confidence", "low-confidence") in ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _confidence_pattern().finditer(text)]


def lexicon_estimative_words() -> frozenset[str]:
    """The stance lexicon's ICD 203 estimative words (for the test that keeps them and :data:`ICD_203` equal)."""
    from ..resources import resource

    rows = (line.split("\t") for line in resource("stance_lexicon.tsv").read_text(encoding="utf-8").splitlines())
    return frozenset(row[1] for row in rows if len(row) == 2 and row[0] == "estimative")

"""Score the suggestion engine against gold files (ANNOTATION.md), in-process.

usage: python tests/corpus/score.py [FOLDER ...] [--split tune|test|all] [--by-genre] [-v]
  no FOLDER: this corpus (tests/corpus/articles), both halves reported separately.
  A FOLDER of NN-slug.txt + NN-slug.gold.json (e.g. the shared dev articles, or the shared gold with the seed)
  is scored as one set.

The matching is the yardstick's (shared/tools/score_suggest.py): a suggestion matches a gold item of
the same kind when it covers at least half of the gold span and at least a quarter of the suggestion is
gold; matching is one-to-one, and a second suggestion on the same item (or one of its "also"
restatements) counts as a false positive. Speaker: every word of the gold speaker is in the suggested
one. Affiliation: at least half of the gold affiliation's words are in the suggested one. Both over
matched assessments. Calibration: expected calibration error of ``confidence`` over ten bins, a
suggestion being right when it matches a gold item.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
CORPUS = HERE / "corpus.json"
KINDS = {"key_fact": "key_facts", "expert_assessment": "expert_assessments"}
STOP = {"the", "of", "for", "and", "at", "a", "an", "in", "de"}


def fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def words(s: str | None) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", fold(s)) if t not in STOP}


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class Tally:
    """Counts over one or more articles."""

    tp: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    suggested: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    gold: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    speaker_ok: int = 0
    affiliation_ok: int = 0
    affiliation_named: int = 0  # matched assessments whose gold names an affiliation: the most that can be right
    opinion_as_fact: int = 0
    confidences: list = field(default_factory=list)  # (confidence, right)
    articles: int = 0

    def add(self, other: Tally) -> None:
        for k in KINDS:
            self.tp[k] += other.tp[k]
            self.suggested[k] += other.suggested[k]
            self.gold[k] += other.gold[k]
        self.speaker_ok += other.speaker_ok
        self.affiliation_ok += other.affiliation_ok
        self.affiliation_named += other.affiliation_named
        self.opinion_as_fact += other.opinion_as_fact
        self.confidences += other.confidences
        self.articles += other.articles

    def f1(self, kind: str) -> float:
        p = self.tp[kind] / self.suggested[kind] if self.suggested[kind] else 0.0
        r = self.tp[kind] / self.gold[kind] if self.gold[kind] else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def speaker_acc(self) -> float:
        n = self.tp["expert_assessment"]
        return self.speaker_ok / n if n else 0.0

    def affiliation_acc(self) -> float:
        n = self.tp["expert_assessment"]
        return self.affiliation_ok / n if n else 0.0

    def calibration_error(self, bins: int = 10) -> float:
        if not self.confidences:
            return 0.0
        total = 0.0
        for b in range(bins):
            inside = [(c, r) for c, r in self.confidences if min(int(c * bins), bins - 1) == b]
            if inside:
                mean_c = sum(c for c, _ in inside) / len(inside)
                mean_r = sum(r for _, r in inside) / len(inside)
                total += len(inside) * abs(mean_c - mean_r)
        return total / len(self.confidences)

    def figures(self) -> dict:
        return {
            "articles": self.articles,
            "facts_f1": round(self.f1("key_fact"), 3),
            "assessments_f1": round(self.f1("expert_assessment"), 3),
            "speaker_acc": round(self.speaker_acc(), 3),
            "affiliation_acc": round(self.affiliation_acc(), 3),
            "affiliation_acc_named": round(self.affiliation_ok / self.affiliation_named, 3)
            if self.affiliation_named
            else 0.0,
            "calibration_error": round(self.calibration_error(), 3),
        }

    def line(self) -> str:
        f = self.figures()
        counts = "  ".join(f"{k[:4]} {self.tp[k]}/{self.suggested[k]}/{self.gold[k]}" for k in KINDS)
        return (
            f"facts F1 {f['facts_f1']:.2f}, assessments F1 {f['assessments_f1']:.2f}, speaker acc "
            f"{f['speaker_acc']:.2f}, affiliation acc {f['affiliation_acc']:.2f} "
            f"({f['affiliation_acc_named']:.2f} where the gold names one), calibration error "
            f"{f['calibration_error']:.2f}  ({counts}; tp/suggested/gold)"
        )


def gold_groups(article: str, items: list[dict]) -> list[tuple[dict, list[tuple[int, int]]]]:
    """Each gold item with the spans of its text and of its "also" restatements in ``article``."""
    groups = []
    for g in items:
        texts = [x["text"] for x in [g, *g.get("also", [])]]
        groups.append((g, [(i, i + len(x)) for x in texts if (i := article.find(x)) >= 0]))
    return groups


def pair_up(spans: list[tuple[int, int]], groups: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """One-to-one (span, group) index pairs by the yardstick's rule: a span matches a group when it covers
    half of one of the group's spans and a quarter of it is that span; the closest matches pair first."""
    candidates = []
    for i, s in enumerate(spans):
        for j, group in enumerate(groups):
            for gs in group:
                ov = overlap(s, gs)
                if ov >= 0.5 * (gs[1] - gs[0]) and ov >= 0.25 * (s[1] - s[0]):
                    candidates.append((ov / max(s[1] - s[0], gs[1] - gs[0]), i, j))
    used_s, used_g, pairs = set(), set(), []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def score_article(txt: Path, gold_path: Path, verbose: bool = False, models=None) -> Tally:
    """The figures of one article; ``models``: the engine's learned stages (the shipped ones unless given)."""
    from briefing_app.core.loaders import load_article
    from briefing_app.core.suggest import suggest

    loaded = load_article(txt)
    article = loaded.text
    gold = json.loads(gold_path.read_text("utf-8"))
    found = suggest(article, loaded.title_line, models)
    t = Tally(articles=1)
    for kind, key in KINDS.items():
        groups = gold_groups(article, gold.get(key, []))
        ours = [s for s in found if s.kind == kind and s.end > s.start]
        pairs = pair_up([(s.start, s.end) for s in ours], [spans for _, spans in groups])
        used_s, used_g = {i for i, _ in pairs}, {j for _, j in pairs}
        t.tp[kind], t.suggested[kind], t.gold[kind] = len(pairs), len(ours), len(groups)
        t.confidences += [(s.confidence, i in used_s) for i, s in enumerate(ours)]
        if kind == "expert_assessment":
            for i, j in pairs:
                g, s = groups[j][0], ours[i]
                gs, ga = words(g.get("speaker")), words(g.get("affiliation"))
                speaker_right = bool(gs) and gs <= words(s.speaker)
                t.speaker_ok += speaker_right
                affiliation_right = bool(ga) and len(ga & words(s.affiliation)) >= 0.5 * len(ga)
                t.affiliation_ok += affiliation_right
                t.affiliation_named += bool(ga)
                if verbose and not speaker_right:
                    print(f"     speaker {s.speaker!r} for {g.get('speaker')!r}: {g['text'][:90]}")
                elif verbose and not affiliation_right:
                    print(f"     affiliation {s.affiliation!r} for {g.get('affiliation')!r}")
        if verbose:
            for j, (g, _) in enumerate(groups):
                if j not in used_g:
                    print(f"     missed {kind}: {g['text'][:90]}")
            for i, s in enumerate(ours):
                if i not in used_s:
                    print(f"     extra {kind}: {s.text[:90]}")
    opinions = [(article.find(o["text"]), len(o["text"])) for o in gold.get("opinion", [])]
    t.opinion_as_fact = sum(
        1
        for s in found
        if s.kind == "key_fact"
        and any(i >= 0 and overlap((s.start, s.end), (i, i + n)) >= 0.5 * n for i, n in opinions)
    )
    return t


def pairs_in(folder: Path) -> list[tuple[Path, Path]]:
    """(article, gold) pairs of a folder; a gold file may name its article in source.file (the seed)."""
    out = []
    for g in sorted(folder.rglob("*.gold.json")):
        txt = g.with_name(g.name[: -len(".gold.json")] + ".txt")
        if not txt.exists():
            named = json.loads(g.read_text("utf-8")).get("source", {}).get("file")
            txt = g.parent.parent / named if named else txt
        out.append((txt, g))
    return out


def corpus_split(split: str) -> list[str]:
    """The slugs of this corpus's tuning or test half, as fixed in corpus.json."""
    entries = json.loads(CORPUS.read_text("utf-8"))["articles"]
    return [slug for slug, e in entries.items() if split == "all" or e["split"] == split]


def score(pairs: list[tuple[Path, Path]], verbose: bool = False) -> Tally:
    """``verbose``: each article's misses and extras, except for the test half's (read through figures only)."""
    total = Tally()
    hidden = {ARTICLES / f"{slug}.txt" for slug in corpus_split("test")}
    for txt, g in pairs:
        t = score_article(txt, g, verbose and txt.resolve() not in hidden)
        if verbose:
            print(f"  {txt.name[:50]:<50} {t.line()}")
        total.add(t)
    return total


def score_corpus(split: str, verbose: bool = False) -> Tally:
    return score([(ARTICLES / f"{slug}.txt", ARTICLES / f"{slug}.gold.json") for slug in corpus_split(split)], verbose)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--split", choices=["tune", "test", "all"], help="only this half of the corpus")
    ap.add_argument("--by-genre", action="store_true", help="also one line per genre (corpus only)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("-v", "--verbose", action="store_true", help="per article, with misses and extras")
    args = ap.parse_args(argv)
    results = {}
    if args.folders:
        for folder in args.folders:
            pairs = pairs_in(folder)
            if args.split in ("tune", "test"):  # this corpus's articles in the other half are left out
                other = {ARTICLES / f"{slug}.txt" for slug in corpus_split("test" if args.split == "tune" else "tune")}
                pairs = [(txt, g) for txt, g in pairs if txt.resolve() not in other]
            results[str(folder)] = score(pairs, args.verbose)
    else:
        entries = json.loads(CORPUS.read_text("utf-8"))["articles"]
        for split in [args.split] if args.split else ["tune", "test"]:
            results[split] = score_corpus(split, args.verbose)
            if args.by_genre:
                for genre in sorted({e["genre"] for e in entries.values()}):
                    slugs = [s for s, e in entries.items()
                             if e["genre"] == genre and (split == "all" or e["split"] == split)]  # fmt: skip
                    if slugs:
                        pairs = [(ARTICLES / f"{s}.txt", ARTICLES / f"{s}.gold.json") for s in slugs]
                        results[f"{split} / {genre}"] = score(pairs)
    figures = {name: t.figures() for name, t in results.items()}
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        for name, t in results.items():
            print(f"{name} ({t.articles} articles): {t.line()}")
    return figures


if __name__ == "__main__":
    sys.exit(main() and 0)

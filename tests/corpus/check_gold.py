"""Check the corpus: every gold file against its article, by ANNOTATION.md, and corpus.json against both.

For each articles/NN-slug.gold.json: the article NN-slug.txt exists (and every .txt has a gold file); the
text is UTF-8 and starts with source.title then a blank line; the source names title, url, publisher,
date (YYYY-MM-DD) and licence; key facts have text and why (figure, date or event), assessments have
text, speaker and affiliation (the affiliation may be empty: the text gives no role), opinion has text;
every text (and every "also" restatement) is an exact substring of the article, found exactly once, with
nothing normalised; every word of a speaker and of an affiliation (a run of letters or digits, compared
case-insensitively, a trailing possessive 's or ’s ignored) occurs somewhere in the article, since both
come from the text only. corpus.json lists every article once, each with its split (tune or test), genre
and words.

usage: python tests/corpus/check_gold.py [FOLDER] [-v]   prints OK, or one line per failure (exit 1)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_KEYS = ("title", "url", "publisher", "date", "licence")
SECTIONS = {  # section -> (required, keys each item must have as strings, non-empty unless in MAY_BE_EMPTY)
    "key_facts": (True, ("text", "why")),
    "expert_assessments": (True, ("text", "speaker", "affiliation")),
    "opinion": (True, ("text",)),
}
MAY_BE_EMPTY = ("affiliation",)  # ANNOTATION.md: the role as the text gives it, so none when it gives none
FROM_TEXT = ("speaker", "affiliation")  # every word of these must occur in the article
WHY = ("figure", "date", "event")
SPLITS = ("tune", "test")


def words(s: str) -> list[str]:
    """The words of s: runs of letters or digits, casefolded, a trailing possessive 's or ’s dropped."""
    return [w.casefold() for w in re.findall(r"[^\W_]+", re.sub(r"[’']s\b", "", s))]


def check_article(gold_path: Path, txt: Path | None = None) -> tuple[list[str], dict]:
    """Failures of one gold file, and its counts per section; its article ``txt`` lies beside it unless given."""
    txt = txt or gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
    failures: list[str] = []
    if not txt.exists():
        return [f"{gold_path.name}: no {txt.name}"], {}
    try:
        text = txt.read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        return [f"{gold_path.name}: unreadable ({e})"], {}
    source = gold.get("source") if isinstance(gold.get("source"), dict) else {}
    for key in SOURCE_KEYS:
        if not isinstance(source.get(key), str) or not source[key].strip():
            failures.append(f"{gold_path.name}: source.{key} missing or empty")
    if isinstance(source.get("date"), str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["date"]):
        failures.append(f"{gold_path.name}: source.date {source['date']!r} is not YYYY-MM-DD")
    lines = text.split("\n")
    if source.get("title") and lines[0] != source["title"]:
        failures.append(f"{txt.name}: first line {lines[0]!r} is not source.title")
    if len(lines) < 3 or lines[1] != "":
        failures.append(f"{txt.name}: the title must be followed by a blank line")
    counts = {}
    text_words = {w.casefold() for w in re.findall(r"[^\W_]+", text)}
    for section, (required, keys) in SECTIONS.items():
        items = gold.get(section)
        if not isinstance(items, list):
            if required:
                failures.append(f"{gold_path.name}: '{section}' missing or not a list")
            continue
        counts[section] = len(items)
        for i, item in enumerate(items):
            where = f"{gold_path.name}: {section}[{i}]"
            if not isinstance(item, dict):
                failures.append(f"{where}: not an object")
                continue
            for key in keys:
                if not isinstance(item.get(key), str):
                    failures.append(f"{where}: '{key}' missing")
                elif not item[key].strip() and (key not in MAY_BE_EMPTY or item[key]):
                    failures.append(f"{where}: '{key}' empty")
            for key in FROM_TEXT:
                if isinstance(item.get(key), str):
                    missing = [w for w in dict.fromkeys(words(item[key])) if w not in text_words]
                    if missing:
                        failures.append(f"{where}: {key} {item[key]!r} has words not in {txt.name}: "
                                        f"{', '.join(missing)}")  # fmt: skip
            if section == "key_facts" and item.get("why") not in WHY:
                failures.append(f"{where}: why {item.get('why')!r} is not one of {', '.join(WHY)}")
            for span in [item.get("text"), *(a.get("text") for a in item.get("also", []) if isinstance(a, dict))]:
                if isinstance(span, str) and span:
                    hits = text.count(span)
                    if hits != 1:
                        failures.append(f"{where}: text found {hits} times in {txt.name}: {span[:70]!r}")
    return failures, counts


def check_listing(folder: Path, stems: set[str]) -> list[str]:
    listing = folder.parent / "corpus.json"
    if not listing.exists():
        return [f"{listing.name} is missing"]
    entries = json.loads(listing.read_text("utf-8")).get("articles", {})
    failures = [f"corpus.json: {s} is not listed" for s in sorted(stems - set(entries))]
    failures += [f"corpus.json: {s} has no article" for s in sorted(set(entries) - stems)]
    for slug, e in entries.items():
        if e.get("split") not in SPLITS or not e.get("genre") or not isinstance(e.get("words"), int):
            failures.append(f"corpus.json: {slug} needs split (tune or test), genre and words")
    return failures


def check(folder: Path) -> tuple[list[str], dict]:
    failures: list[str] = []
    counts = {}
    golds = sorted(folder.glob("*.gold.json"))
    if not golds:
        failures.append(f"no *.gold.json in {folder}")
    for g in golds:
        f, c = check_article(g)
        failures += f
        counts[g.name[: -len(".gold.json")]] = c
    failures += [f"{t.name}: no gold file" for t in sorted(folder.glob("*.txt")) if t.stem not in counts]
    if folder.resolve() == (HERE / "articles").resolve():
        failures += check_listing(folder, set(counts))
    return failures, counts


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folders = [Path(a) for a in args if not a.startswith("-")] or [HERE / "articles"]
    failures, counts = check(folders[0])
    if failures:
        print("\n".join(failures))
        return 1
    print("OK")
    if "-v" in args:
        for stem, c in counts.items():
            print(f"  {stem}: {c.get('key_facts', 0)} facts, {c.get('expert_assessments', 0)} assessments, "
                  f"{c.get('opinion', 0)} opinion")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

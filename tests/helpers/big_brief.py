"""A big brief on disk, built through the model as an analyst's work would be: 1,500 items (a third of them
expert assessments with speakers) over a 1 MB source, the seed article repeated. Big enough to open in a
worker process (``gui/jobs.PROCESS_LOAD_BYTES``); tests/bench/bench_brief_io.py builds the same shape."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.article import article_from_text
from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, brief_from_article
from briefing_app.core.brief_file import save_brief

SEED = Path(__file__).resolve().parents[2] / "seeds" / "north-koreans-in-russia.txt"


def big_brief(items: int = 1500, megabytes: float = 1.0) -> Brief:
    title, body = SEED.read_text("utf-8").split("\n", 1)
    copies = max(1, round(megabytes * 1e6 / len(body.encode("utf-8"))))
    brief = brief_from_article(article_from_text(title + "\n" + "\n".join([body] * copies), "big.txt"))
    step = len(brief.sources[0].text) // items
    for i in range(items):
        section = EXPERT_ASSESSMENTS if i % 3 == 0 else KEY_FACTS
        who = {"speaker": "Barthélémy Courmont", "affiliation": "IRIS"} if section == EXPERT_ASSESSMENTS else {}
        brief.add_item(section, 1, i * step, i * step + min(step - 1, 160), note=f"item {i}", **who)
    return brief


def write_big_brief(path: Path, items: int = 1500, megabytes: float = 1.0) -> Brief:
    """Save a :func:`big_brief` to ``path``; returns the brief saved."""
    brief = big_brief(items, megabytes)
    save_brief(brief, path)
    return brief


def altered_item_text(path: Path) -> None:
    """Spoil the brief file at ``path`` as a careless hand edit would: the first key fact's text no longer
    matches its source (the file still parses; loading it names the problem)."""
    raw = path.read_bytes()
    marker = b'"key_facts": [\n'
    at = raw.index(b'"text": "', raw.index(marker)) + len(b'"text": "')
    path.write_bytes(raw[:at] + b"XX" + raw[at + 2 :])

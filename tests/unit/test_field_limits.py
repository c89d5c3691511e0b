"""Issue 15: how long one text of a brief may be (MAX_FIELD_CHARS), in the model and the .brief file, each refusal
one clear line that names the field; a web page's over-long metadata is cut. The command line's refusals:
cli/test_export_command.py."""

import json

import pytest

from briefing_app.core.article import article_from_text
from briefing_app.core.brief import (
    EXPERT_ASSESSMENTS,
    MAX_FIELD_CHARS,
    Brief,
    BriefError,
    brief_from_article,
)
from briefing_app.core.brief_file import dumps, loads, problems

from helpers.briefs import LIMIT, TOO_LONG, small_brief


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda b: b.set_field("title", TOO_LONG), "the title is too long"),
        (lambda b: b.set_field("bluf", TOO_LONG), "the BLUF is too long"),
        (lambda b: b.set_field("comment", TOO_LONG), "the comment is too long"),
        (lambda b: b.set_field("prepared_for", TOO_LONG), "the “prepared for” line is too long"),
        (lambda b: Brief(author=TOO_LONG), "the author is too long"),
        (lambda b: b.edit_item(b.key_facts[0].id, note=TOO_LONG), "the note is too long"),
        (lambda b: b.add_item(EXPERT_ASSESSMENTS, 1, 14, 100, speaker=TOO_LONG), "the speaker is too long"),
        (lambda b: b.update_source(1, publisher=TOO_LONG), "the source's publisher is too long"),
        (lambda b: b.update_source(1, url="https://" + TOO_LONG[8:]), "the source's URL is too long"),
        (
            lambda b: b.add_item(EXPERT_ASSESSMENTS, 1, 14, 15 + MAX_FIELD_CHARS),
            "that passage is too long for one item",
        ),
    ],
)
def test_a_field_longer_than_the_limit_is_refused_and_the_brief_is_unchanged(change, message):
    """1 MB in a comment, note or title made the export take minutes; now the model refuses such a text, with
    its length, and keeps the brief as it was (the PDF stays linear in the size of the brief)."""
    b = small_brief()
    before = dumps(b)
    with pytest.raises(BriefError, match=f"^{message}: ") as e:
        change(b)
    assert str(e.value).endswith(LIMIT)
    assert dumps(b) == before


def test_the_limit_itself_is_allowed():
    b = small_brief()
    b.set_field("comment", "c" * MAX_FIELD_CHARS)
    b.edit_item(b.key_facts[0].id, note="n" * MAX_FIELD_CHARS)
    b.add_item(EXPERT_ASSESSMENTS, 1, 14, 14 + MAX_FIELD_CHARS, speaker="s" * MAX_FIELD_CHARS)
    assert loads(dumps(b)) == b


@pytest.mark.parametrize(
    "place", [("comment",), ("title",), ("key_facts", 0, "note"), ("sources", 0, "title"), ("key_facts", 0, "tags", 0)]
)
def test_a_brief_file_with_a_longer_field_is_refused_naming_its_place(place):
    data = json.loads(dumps(small_brief()))
    holder = data
    for key in place[:-1]:
        holder = holder[key]
    if place[-1] == 0:
        holder.append(TOO_LONG)
    else:
        holder[place[-1]] = TOO_LONG
    where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in place).lstrip(".")
    assert problems(data) == [f"{where}: must be at most {MAX_FIELD_CHARS:,} characters"]


def test_a_web_pages_over_long_metadata_is_cut_not_refused():
    """A saved page may say anything in its metadata: the article still opens, its title, author and publisher
    cut to the limit and marked "…", an over-long URL left out; the text itself is kept whole."""
    huge = {"title": "T" * 300_000, "author": "A" * 300_000, "publisher": "P" * 300_000}
    huge["url"] = "https://" + "u" * 300_000
    article = article_from_text("Grain talks\n\nDelegations met.", origin="page.html", **huge)
    b = brief_from_article(article)
    source = b.sources[0]
    assert len(b.title) == len(source.title) == len(source.author) == len(source.publisher) == MAX_FIELD_CHARS
    assert source.title.endswith("T…") and source.url == "" and source.text == article.text


def test_the_export_benchmark_measures_every_printed_field(capsys):
    """tests/bench/bench_export.py --long-fields: the figures the issue asks for (time per size, growth)."""
    import importlib.util
    import sys

    from helpers.support import ROOT

    bench = ROOT / "tests" / "bench"
    if str(bench) not in sys.path:  # as when it runs as a script: its folder is importable
        sys.path.insert(0, str(bench))
    spec = importlib.util.spec_from_file_location("bench_export", bench / "bench_export.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.main(["--sizes", "--long-fields", "1000", "2000", "--runs", "1"])
    assert len({r["field"] for r in rows}) == 14 and {r["script"] for r in rows} == {"words", "korean", "thai"}
    out = capsys.readouterr().out
    assert "worst growth" in out and "a 1,000,000-character note: refused: the note is too long" in out

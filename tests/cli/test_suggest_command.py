"""`briefing-app suggest` and `new --accept-suggestions` as processes (issue 8): the JSON contract, a valid brief,
and an article without a sentence end that still finishes."""

import json
import subprocess

import pytest

from briefing_app.core.brief_file import load_brief
from briefing_app.core.suggest.segment import blocks

from helpers.support import SEED, venv_bin


def test_cli_suggest_on_paragraphs_that_never_end_a_sentence_finishes(tmp_path):
    """Issue 15: a paragraph of abbreviations, one of a run of stops, of semicolons, of colons, each 30,000
    characters without a sentence end. The run of stops alone took minutes (each shorter run was tried
    again); the whole command now takes about a second, so the 60 s limit cannot be met by chance."""
    families = ["Gen. Dr. Mr. U.S. Dec. ", ".", "a; b, but c; ", "x: Ab ", "“a, but b” c; "]
    paragraphs = [(f * (30_000 // len(f) + 1))[:30_000].strip() for f in families]
    paragraphs[1] += " and so on"
    text = "Abbreviations\n\n" + "\n\n".join(paragraphs) + "\n"
    path = tmp_path / "abbreviations.txt"
    path.write_text(text, "utf-8")
    try:
        p = subprocess.run([venv_bin("briefing-app"), "suggest", str(path), "--json"], capture_output=True, text=True,
                           timeout=60)  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("suggest did not finish in 60 s on 150,000 characters without a sentence end")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["article"]["chars"] == len(text)
    # the cuts are the ones made before: no stop ends a sentence, a colon after three words starts one,
    # "; " and ", but" start a clause except inside a quotation
    abbreviations, stops, semicolons, colons, quoted = blocks(text)[1:]
    assert [len(b.sentences) for b in (abbreviations, stops, semicolons, quoted)] == [1, 1, 1, 1]
    assert len(colons.sentences) == text.count(":", colons.start, colons.end) // 2 + 1
    count = text[semicolons.start : semicolons.end].count
    assert len(semicolons.sentences[0].clauses) == count("; ") + count(", but ") + 1
    assert len(quoted.sentences[0].clauses) == text.count("; ", quoted.start, quoted.end) + 1


def test_cli_suggest_json_matches_the_contract(tmp_path):
    p = subprocess.run([venv_bin("briefing-app"), "suggest", str(SEED), "--json"], capture_output=True, text=True,
                       timeout=60)  # fmt: skip
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    text = SEED.read_text("utf-8")
    assert out["article"] == {"title": "North Koreans in Russia: A Match Made in Military Heaven?", "chars": len(text)}
    keys = {"kind", "start", "end", "text", "speaker", "affiliation", "confidence", "group"}
    for s in out["suggestions"]:
        assert set(s) == keys and text[s["start"] : s["end"]] == s["text"]
        assert s["kind"] in ("key_fact", "expert_assessment", "opinion")


def test_cli_new_accept_suggestions_fills_a_valid_brief(tmp_path):
    out = tmp_path / "s.brief"
    p = subprocess.run([venv_bin("briefing-app"), "new", str(SEED), "-o", str(out), "--accept-suggestions"],
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.returncode == 0, p.stderr
    brief, _ = load_brief(out)
    assert len(brief.key_facts) >= 6 and len(brief.expert_assessments) >= 4
    assert all(item.speaker for item in brief.expert_assessments)
    check = subprocess.run([venv_bin("briefing-app"), "check", str(out)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout

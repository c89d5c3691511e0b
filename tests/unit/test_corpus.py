"""The project's own annotated corpus (tests/corpus, issue 19): it checks out against ANNOTATION.md, it
is as big and varied as its README says, and the engine scores on its test half at least the floor last
reported (floor.json; a floor only rises). The tuning half is what rules may be tuned on; the test half
is read only through these figures."""

import json
import subprocess
import sys

import pytest

from helpers.support import ROOT, venv_bin

CORPUS = ROOT / "tests" / "corpus"
sys.path.insert(0, str(CORPUS))

import check_gold  # noqa: E402
import score  # noqa: E402

ENTRIES = json.loads((CORPUS / "corpus.json").read_text("utf-8"))["articles"]


def test_every_gold_file_follows_the_annotation_rules():
    failures, counts = check_gold.check(CORPUS / "articles")
    assert not failures, "\n".join(failures)
    assert len(counts) == len(ENTRIES)


def test_the_second_annotations_follow_the_annotation_rules():
    # agreement.py compares them with the gold: the ceiling of the yardstick (see the corpus README)
    seconds = sorted((CORPUS / "second").glob("*.gold.json"))
    assert len(seconds) >= 5
    for path in seconds:
        failures, _ = check_gold.check_article(path, CORPUS / "articles" / path.name.replace(".gold.json", ".txt"))
        assert not failures, "\n".join(failures)
        assert ENTRIES[path.name.replace(".gold.json", "")]["split"] == "tune"  # never the test half


def test_agreement_counts_items_both_annotators_chose():
    import agreement

    article = "Title\n\nThe budget rose 5% in 2024. Growth will probably slow, Ana Ruiz said. Rain fell."
    first = {"key_facts": [{"text": "The budget rose 5% in 2024."}, {"text": "Rain fell."}],
             "expert_assessments": [{"text": "Growth will probably slow", "speaker": "Ana Ruiz"}]}  # fmt: skip
    said = {"text": "Growth will probably slow, Ana Ruiz said.", "speaker": "Ruiz"}
    second = {"key_facts": [{"text": "The budget rose 5% in 2024."}], "expert_assessments": [said]}
    found = agreement.agreement(article, first, second)
    assert found["key_fact"] == (1, 1, 2)
    assert found["expert_assessment"] == (1, 1, 1)
    assert found["speaker"] == (0, 1, 0)  # "Ruiz" lacks a word of "Ana Ruiz"


def test_the_checker_catches_a_span_that_is_not_in_the_article(tmp_path):
    (tmp_path / "01-x.txt").write_text("Title\n\nThe budget rose 5% in 2024.\n", "utf-8")
    gold = {
        "source": {"title": "Title", "url": "u", "publisher": "p", "date": "2024-01-01", "licence": "CC0"},
        "key_facts": [{"text": "The budget rose 6%", "why": "figure"}],
        "expert_assessments": [],
        "opinion": [],
    }
    (tmp_path / "01-x.gold.json").write_text(json.dumps(gold), "utf-8")
    failures, _ = check_gold.check(tmp_path)
    assert any("found 0 times" in f for f in failures)


def test_the_corpus_is_big_and_varied():
    words = [e["words"] for e in ENTRIES.values()]
    assert len(ENTRIES) >= 40
    assert sum(w > 800 for w in words) >= 15
    assert sum(e["transcript"] for e in ENTRIES.values()) >= 10
    assert len({e["genre"] for e in ENTRIES.values()}) >= 8
    halves = {split: [s for s, e in ENTRIES.items() if e["split"] == split] for split in ("tune", "test")}
    assert abs(len(halves["tune"]) - len(halves["test"])) <= 6


@pytest.fixture(scope="module")
def test_half():
    return score.score_corpus("test")


@pytest.mark.parametrize("figure", ["facts_f1", "assessments_f1", "speaker_acc", "affiliation_acc"])
def test_the_test_half_scores_at_least_the_floor(test_half, figure):
    floor = json.loads((CORPUS / "floor.json").read_text("utf-8"))["test"]
    assert test_half.figures()[figure] >= floor[figure], test_half.line()


def test_confidence_on_the_test_half_is_calibrated_within_the_ceiling(test_half):
    ceiling = json.loads((CORPUS / "floor.json").read_text("utf-8"))["calibration_error_ceiling"]
    assert test_half.figures()["calibration_error"] <= ceiling, test_half.line()


def test_the_command_line_gives_what_the_engine_gives():
    slug = next(iter(ENTRIES))
    article = CORPUS / "articles" / f"{slug}.txt"
    p = subprocess.run([venv_bin("briefing-app"), "suggest", str(article), "--json"], capture_output=True, text=True,
                       timeout=60)  # fmt: skip
    assert p.returncode == 0, p.stderr
    from briefing_app.core.loaders import load_article
    from briefing_app.core.suggest import suggest

    loaded = load_article(article)
    assert json.loads(p.stdout)["suggestions"] == [s.as_json() for s in suggest(loaded.text, loaded.title_line)]

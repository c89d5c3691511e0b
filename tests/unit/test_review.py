"""The review before sending (issue 17): each rule finds exactly the fault planted for it in a clean brief, a
clean brief gives none, and its findings are plain data (check --review: cli/test_review_command.py)."""

import dataclasses
import time
from datetime import date

import pytest

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, BriefError, Source
from briefing_app.core.review import COPY_SHARE, RULES, Finding, place, review
from briefing_app.core.tradecraft import confidence_words, estimative_words

from helpers.review import BRIEF_DATE, GRAIN, INSURANCE, clean_brief, span

# an independent report that states the insurers' fact in its own article (not a copy of INSURANCE)
PORTS = """Odesa ports count the cost
Port authorities in Odesa reported that traffic fell by a third over the autumn, and several terminals closed.
Lloyd's underwriters raised war-risk premiums for Black Sea voyages to 1 percent of hull value, brokers said.
Dock workers said that many of them had not been paid since September and were leaving for other jobs.
The city council plans to ask the government for emergency funds to keep the terminals open this winter."""


def test_a_clean_brief_gives_no_finding():
    assert review(clean_brief()) == []


def found(brief: Brief, **kwargs) -> list[tuple[str, str | None]]:
    return [(f.rule, f.item) for f in review(brief, **kwargs)]


def add_fact(b: Brief, source: int, needle: str, **details) -> str:
    return b.add_item(KEY_FACTS, source, *span(b.source(source).text, needle), **details).id


def wire_copy(b: Brief) -> None:
    """Source 2 again under another title: the same wire story, one word changed."""
    copy = INSURANCE.replace("Shipping insurers watch", "Insurers keep an eye on")
    b.add_source(Source(title="Insurers", text=copy, publisher="Other paper", published="2024-11-04", reliability="B",
                        title_line=True))  # fmt: skip


# each: (what is planted, the one finding it must give as (rule, item); item "fact N"/"assessment N" by position)
PLANTED = [
    ("no-bluf", lambda b: b.set_field("bluf", ""), ("no-bluf", "bluf")),
    ("a PHIA term in a brief on ICD 203",
     lambda b: b.set_field("comment", "A realistic possibility remains that talks stall."),
     ("mixed-scales", "comment")),
    ("both scales, no scale chosen",
     lambda b: (b.set_likelihood_scale(""), b.set_field("comment", "Talks are highly likely to stall.")),
     ("mixed-scales", "comment")),
    ("likelihood and confidence in one sentence",
     lambda b: b.set_field("comment", "We judge with high confidence that the talks will likely resume."),
     ("likelihood-and-confidence", "comment")),
    ("the same, in an item's note",
     lambda b: b.edit_item(b.key_facts[0].id, note="Very likely true; high-confidence reporting."),
     ("likelihood-and-confidence", "fact 1")),
    ("a BLUF likelihood no assessment states",
     lambda b: b.set_field("bluf_likelihood", "almost certain"), ("unsupported-bluf", "bluf")),
    ("a BLUF word no assessment states",
     lambda b: b.set_field("bluf", b.bluf + " A ceasefire is unlikely."), ("unsupported-bluf", "bluf")),
    ("a key fact opening with a pronoun",
     lambda b: add_fact(b, 1, GRAIN.splitlines()[4]), ("unresolved-pronoun", "fact 3")),
    ("an assessment without a speaker",
     lambda b: b.edit_item(b.expert_assessments[1].id, speaker=""), ("no-speaker", "assessment 2")),
    ("an item that says what another says",
     lambda b: add_fact(b, 1, GRAIN.splitlines()[6]), ("duplicate-item", "fact 3")),
    ("a key fact on one source graded D",
     lambda b: b.update_source(2, reliability="D"), ("weak-single-source", "fact 2")),
    ("a key fact on sources that copy one another", wire_copy, ("copied-sources", "fact 2")),
    ("a stale source", lambda b: b.update_source(1, published="2024-09-01"), ("stale-source", "source 1")),
    ("a source without publisher", lambda b: b.update_source(2, publisher=" "), ("source-no-publisher", "source 2")),
    ("a source without date", lambda b: b.update_source(2, published=""), ("source-no-date", "source 2")),
    ("no key facts", lambda b: [b.remove_item(it.id) for it in b.key_facts], ("empty-section", KEY_FACTS)),
    ("no comment", lambda b: b.set_field("comment", ""), ("empty-section", "comment")),
]  # fmt: skip


def item_ref(b: Brief, where: str) -> str:
    """ "fact 2" and "assessment 1" as the item's id; anything else as it is."""
    kind, _, n = where.partition(" ")
    section = {"fact": KEY_FACTS, "assessment": EXPERT_ASSESSMENTS}.get(kind)
    return b.items(section)[int(n) - 1].id if section else where


@pytest.mark.parametrize(("plant", "expected"), [p[1:] for p in PLANTED], ids=[p[0] for p in PLANTED])
def test_each_rule_finds_exactly_the_fault_planted_for_it(plant, expected):
    b = clean_brief()
    plant(b)
    rule, where = expected
    assert found(b) == [(rule, item_ref(b, where))]


def test_every_rule_has_a_planted_fault_and_a_summary():
    planted = {p[2][0] for p in PLANTED} | {"text-mismatch"}  # text-mismatch: below, on a brief built unchecked
    assert planted == {r.name for r in RULES}
    assert all(r.summary.endswith(".") and len(r.summary) > 20 for r in RULES)


def test_an_item_whose_text_no_longer_matches_its_source():
    """A brief put together without the model's checks (a script, Brief.from_checked): the review still sees it."""
    b = clean_brief()
    fields = {f: getattr(b, f) for f in ("title", "date", "handling", "bluf", "comment", "likelihood_scale",
                                         "bluf_likelihood")}  # fmt: skip
    facts = list(b.key_facts)
    facts[1] = dataclasses.replace(facts[1], text="Premiums fell to nothing.")
    forged = Brief.from_checked(
        fields, list(b.sources), {KEY_FACTS: facts, EXPERT_ASSESSMENTS: list(b.expert_assessments)}
    )
    assert found(forged) == [("text-mismatch", facts[1].id)]
    assert "no longer matches source 2" in review(forged)[0].message


def test_a_pronoun_for_the_speaker_is_resolved_and_one_without_a_speaker_is_not():
    b = clean_brief()
    line = GRAIN.splitlines()[5]
    said = b.add_item(EXPERT_ASSESSMENTS, 1, *span(GRAIN, line), speaker="Taras Kachka").id
    assert found(b) == []  # "He added ...": he is Taras Kachka, printed in front of it
    b.edit_item(said, speaker="")
    assert found(b) == [("unresolved-pronoun", said), ("no-speaker", said)]


def test_a_fact_another_independent_source_holds_is_not_weak():
    b = clean_brief()
    b.update_source(2, reliability="E")
    assert found(b) == [("weak-single-source", b.key_facts[1].id)]
    b.add_source(Source(title="Odesa ports", text=PORTS, publisher="Local paper", published="2024-11-01",
                        reliability="C", title_line=True))  # fmt: skip
    assert found(b) == []  # the ports report holds the fact in an article of its own: two sources, not one
    # F is "cannot be judged", not "worse than E": no finding (a brief's sources are F until graded)
    b.update_source(2, reliability="F")
    assert found(b) == []


def test_copies_are_told_from_independent_reports_by_their_shared_word_5_grams():
    b = clean_brief()
    wire_copy(b)
    finding = review(b)[0]
    assert finding.rule == "copied-sources" and "rests on sources 2 and 3, which are copies" in finding.message
    b.remove_source(3)
    b.add_source(Source(title="Odesa ports", text=PORTS, publisher="Local paper", published="2024-11-01",
                        reliability="C", title_line=True))  # fmt: skip
    assert found(b) == [] and COPY_SHARE == 0.5


def test_staleness_counts_days_from_the_brief_date_or_today_and_takes_n():
    b = clean_brief()
    b.update_source(1, published="2024-09-01")
    assert found(b) == [("stale-source", "source 1")]
    assert "published 2024-09-01, 65 days before the brief's date, 2024-11-05 (more than 30)" in review(b)[0].message
    assert found(b, stale_days=65) == [] and found(b, stale_days=64) == [("stale-source", "source 1")]
    b.update_source(1, published="2024-10")  # a partial date counts as its last day: 2024-10-31, 5 days
    assert found(b) == []
    b.set_field("date", "")
    assert found(b, today=date(2024, 12, 1)) == [("stale-source", "source 1")]  # 31 days; source 2's are 27
    assert found(b, today="2024-12-10") == [("stale-source", "source 1"), ("stale-source", "source 2")]
    assert (
        "published 2024-10, 40 days before today, 2024-12-10 (more than 30)" in review(b, today="2024-12-10")[0].message
    )
    with pytest.raises(ValueError, match="stale_days"):
        review(b, stale_days=-1)


def test_an_empty_brief_lists_what_it_lacks():
    assert found(Brief(title="Nothing yet")) == [("no-bluf", "bluf"), ("empty-section", KEY_FACTS),
                                                  ("empty-section", EXPERT_ASSESSMENTS), ("empty-section", "comment"),
                                                  ("empty-section", "sources")]  # fmt: skip


def test_findings_are_in_the_order_of_the_printed_brief_and_name_their_place():
    b = clean_brief()
    b.set_field("bluf", "")
    b.update_source(2, publisher="")
    add_fact(b, 1, GRAIN.splitlines()[4])
    b.set_field("comment", "")
    rules = [(f.rule, place(b, f.item)) for f in review(b)]
    assert rules == [("no-bluf", "the BLUF"), ("unresolved-pronoun", "key fact 3"), ("empty-section", "the comment"),
                     ("source-no-publisher", "source 2")]  # fmt: skip


def test_fixing_the_item_clears_its_finding():
    """What the window's Review panel shows live: the finding goes with the fault."""
    b = clean_brief()
    fact = add_fact(b, 1, GRAIN.splitlines()[4])
    assert found(b) == [("unresolved-pronoun", fact)]
    text = b.source(1).text
    start = text.index("The corridor carried")
    b.remove_item(fact)
    b.add_item(KEY_FACTS, 1, start, text.index("\n", start))
    assert found(b) == []


def test_words_of_the_scales_and_of_confidence_are_found_in_prose():
    prose = "Highly unlikely, not likely: almost certainly a remote village; PROBABLY; realistic  possibility"
    words = [(w.words, sorted(w.scales)) for w in estimative_words(prose)]
    assert words == [("Highly unlikely", ["phia"]), ("likely", ["icd203", "phia"]),
                     ("almost certainly", ["icd203", "phia"]), ("PROBABLY", ["icd203", "phia"]),
                     ("realistic  possibility", ["phia"])]  # fmt: skip
    said = [w for _, _, w in confidence_words("high confidence, Low-Confidence, confidently")]
    assert said == ["high confidence", "Low-Confidence"]


def test_review_is_fast_on_a_large_brief():
    text = "\n".join(f"Paragraph {i}: the ministry reported {i} new cases in district {i % 50} on day {i}."
                     for i in range(3000))  # fmt: skip
    b = Brief(title="Large", date=BRIEF_DATE, bluf="Cases rise.", comment="Watch the districts.")
    b.add_source(Source(title="Log", text=text, publisher="Ministry", published=BRIEF_DATE))
    b.add_source(Source(title="Log copy", text=text.upper(), publisher="Ministry", published=BRIEF_DATE))
    for i, line in enumerate(text.splitlines()[:1500]):
        b.add_item(KEY_FACTS if i % 2 else EXPERT_ASSESSMENTS, 1, *span(text, line), speaker="Officer")
    started = time.perf_counter()
    findings = review(b)
    assert time.perf_counter() - started < 2  # 0.2-0.35 s measured here (2 cores)
    assert {f.rule for f in findings} == {"copied-sources"} and len(findings) == 750


def test_a_finding_is_plain_data():
    f = Finding("no-bluf", "bluf", "x")
    assert f.as_json() == {"rule": "no-bluf", "item": "bluf", "message": "x"}
    with pytest.raises(BriefError):
        clean_brief().set_field("bluf_likelihood", "realistic possibility")  # not an ICD 203 term

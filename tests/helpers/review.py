"""A brief that keeps every review rule, for the review's tests to plant one fault each in."""

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, Source

GRAIN = """Grain talks resume
Delegations from Kyiv and Ankara met in Istanbul on Monday to restart the grain corridor talks.
The corridor carried 33 million tonnes of grain before it closed in July.
Analyst Maria Lopez of the Kiel Institute said a deal before winter was likely.
It was the first meeting of the two delegations since the summer.
He added that the talks would take weeks, said a spokesman.
Delegations from Kyiv and Ankara met in Istanbul on Monday to restart the grain corridor talks, a spokesman said."""
INSURANCE = """Shipping insurers watch the Black Sea
Lloyd's underwriters raised war-risk premiums for Black Sea voyages to 1 percent of hull value.
Trade economist Omar Haddad said a resumed corridor would very likely cut premiums by half."""
BRIEF_DATE = "2024-11-05"


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def clean_brief() -> Brief:
    """A brief that keeps every rule: graded, dated, published sources; items that name what they speak of;
    a BLUF whose likelihoods the assessments state; likelihood and confidence never in one sentence."""
    b = Brief(title="Grain corridor talks", date=BRIEF_DATE, author="Desk analyst", handling="TLP:GREEN")
    for title, text in (("Grain talks resume", GRAIN), ("Shipping insurers", INSURANCE)):
        b.add_source(Source(title=title, text=text, publisher="Wire service", published="2024-11-04",
                            reliability="B", title_line=True))  # fmt: skip
    b.set_likelihood_scale("icd203")
    b.add_item(KEY_FACTS, 1, *span(GRAIN, GRAIN.splitlines()[1]), credibility=2)
    b.add_item(KEY_FACTS, 2, *span(INSURANCE, INSURANCE.splitlines()[1]))
    b.add_item(EXPERT_ASSESSMENTS, 1, *span(GRAIN, GRAIN.splitlines()[3]), speaker="Maria Lopez",
               affiliation="Kiel Institute", likelihood="likely", confidence="moderate")  # fmt: skip
    b.add_item(EXPERT_ASSESSMENTS, 2, *span(INSURANCE, INSURANCE.splitlines()[2]), speaker="Omar Haddad")
    b.set_field("bluf", "A grain deal before winter is likely. Insurers will very likely halve their premiums.")
    b.set_field("bluf_likelihood", "likely")
    b.set_field("bluf_confidence", "moderate")
    b.set_field("comment", "Watch the insurers' premiums: they move before the ships do.")
    return b


def likelihoods(brief) -> tuple:
    """The scale, then the BLUF's, the comment's and the first assessment's likelihood."""
    first = brief.expert_assessments[0]
    return brief.likelihood_scale, brief.bluf_likelihood, brief.comment_likelihood, first.likelihood

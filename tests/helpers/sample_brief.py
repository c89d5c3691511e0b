"""A realistic brief on the bundled seed article, as an analyst would make it (for README images and tests)."""

from pathlib import Path

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, brief_from_article
from briefing_app.core.loaders import load_article

SEED = Path(__file__).resolve().parents[2] / "seeds" / "north-koreans-in-russia.txt"

FACTS = [
    "The Pentagon and NATO confirmed on October 28, 2024, that 10,000 North Korean soldiers have been dispatched to "
    "a military training camp located in eastern Russia.",
    "These troops are slated for deployment on the intense Ukrainian front, intensifying the conflict that has "
    "ravaged the region.",
    "In pursuit of this goal, Moscow is reportedly recruiting 30,000 new soldiers each month",
]
ASSESSMENTS = [
    ("“this is a communication effect from Russia, 10,000 soldiers not being strategically essential,”",
     "Jean-Marc Sorel", "Sorbonne Institute for Research in International Law (IREDIES)"),
    ("“Behind the Moscow-Pyongyang agreement, it is the relationship between Russia and South Korea that must be "
     "closely monitored,”", "Barthélémy Courmont", "Institute of National and Strategic Relations (IRIS)"),
]  # fmt: skip


def sample_brief() -> Brief:
    article = load_article(SEED)
    b = brief_from_article(article, author="Desk analyst")
    b.set_field("date", "2024-10-29")
    b.set_field("handling", "TLP:GREEN")
    b.set_field("title", "North Korean troops in Russia")
    b.set_field("status", "final")  # ready to send: no DRAFT mark (tests of drafts set it back)
    b.set_field("prepared_for", "Head of the Asia-Pacific desk")
    b.set_field("distribution", "Asia-Pacific desk; NATO liaison office")
    b.update_source(1, publisher="Sample news site", accessed="2024-10-29", reliability="C")
    b.set_field(
        "bluf",
        "North Korea has sent about 10,000 soldiers to train in eastern Russia ahead of deployment against Ukraine. "
        "Militarily marginal, the move deepens the Moscow–Pyongyang pact and raises pressure on Seoul.",
    )
    text = article.text
    for fact in FACTS:
        start = text.index(fact)
        b.add_item(KEY_FACTS, 1, start, start + len(fact))
    b.edit_item(b.key_facts[0].id, note="Confirmed by two official sources; the article's first half restates it.")
    for quote, speaker, affiliation in ASSESSMENTS:
        start = text.index(quote)
        b.add_item(EXPERT_ASSESSMENTS, 1, start, start + len(quote), speaker=speaker, affiliation=affiliation)
    b.set_field(
        "comment",
        "The source mixes satire with reporting: only its second half is used here. Watch for Seoul's response "
        "and any sign of North Korean units at the front.",
    )
    return b

"""Briefs built for tests: the seed brief, a brief in many scripts, and briefs with one fault planted."""

import json

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, MAX_FIELD_CHARS, Brief, Source, brief_from_article
from briefing_app.core.brief_file import dumps
from briefing_app.core.loaders import load_article

from helpers.support import SEED


def seed_brief() -> Brief:
    article = load_article(SEED)
    b = brief_from_article(article, author="Jana Хвоздяр")
    t = article.text
    for needle in ("The Pentagon and NATO confirmed", "These troops are slated", "Putin’s aim to build"):
        s = t.index(needle)
        b.add_item(KEY_FACTS, 1, s, t.index(".", s) + 1, tags=["troops"])
    s = t.index("“Behind the Moscow")
    b.add_item(EXPERT_ASSESSMENTS, 1, s, t.index("”", s) + 1, speaker="Barthélémy Courmont", affiliation="IRIS")
    b.set_field("bluf", "North Korea has sent 10,000 troops to Russia; <escalation> & risk for Seoul.")
    b.add_source(
        Source(title="김정은 statement", text="조선 10,000\n\nSecond para.", url="https://example.org/?a=1&b=<2>")
    )
    return b


def written_as_float(place: tuple, value=None) -> dict:
    """The seed brief's data with the number at ``place`` written with a decimal point (or as ``value``)."""
    data = json.loads(dumps(seed_brief()))
    holder = data
    for key in place[:-1]:
        holder = holder[key]
    holder[place[-1]] = float(holder[place[-1]]) if value is None else value
    return data


def multi_script_brief() -> Brief:
    """A brief whose source holds facts, quotes and names in several scripts."""
    paragraphs = [
        "Briefing on troop movements",
        "On October 28, 2024, NATO confirmed that 10,000 North Korean soldiers reached eastern Russia.",
        "“The Seoul-Moscow relationship must be closely monitored,” said Barthélémy Courmont of IRIS.",
        "François Villeroy de Galhau said that inflation would fall back to 2% in 2025.",
        "Депутат Хвоздяр заявил, что поставки снарядов выросли вдвое.",
        "김정은 위원장은 러시아와의 협력이 계속될 것이라고 말했다.",
        "Η Αθηνά Παππά εκτιμά ότι η ένταση θα αυξηθεί.",
        "習近平表示，中方将继续推动和平谈判。",
    ]
    text = "\n".join(paragraphs)
    b = Brief(title="Troops, banks and talks — 김정은, Хвоздяр", date="2024-10-29", author="Jana Novák")
    b.add_source(Source(title="Monitoring digest", text=text, publisher="Desk", url="https://example.org/digest",
                        published="2024-10-28", accessed="2024-10-29", reliability="B", title_line=True))  # fmt: skip

    def span(needle):
        s = text.index(needle)
        return s, s + len(needle)

    b.add_item(KEY_FACTS, 1, *span(paragraphs[1]))
    b.add_item(KEY_FACTS, 1, *span(paragraphs[4]))
    b.add_item(KEY_FACTS, 1, *span(paragraphs[7]))
    b.add_item(EXPERT_ASSESSMENTS, 1, *span("“The Seoul-Moscow relationship must be closely monitored,”"),
               speaker="Barthélémy Courmont", affiliation="IRIS")  # fmt: skip
    b.add_item(EXPERT_ASSESSMENTS, 1, *span("inflation would fall back to 2% in 2025"),
               speaker="François Villeroy de Galhau", affiliation="Banque de France")  # fmt: skip
    b.add_item(EXPERT_ASSESSMENTS, 1, *span(paragraphs[5]), speaker="김정은", affiliation="조선로동당")
    b.add_item(EXPERT_ASSESSMENTS, 1, *span(paragraphs[6]), speaker="Αθηνά Παππά", affiliation="ΕΚΠΑ",
               note="Greek academic view.")  # fmt: skip
    b.set_field("bluf", "North Korean troops are in Russia; escalation risk on the peninsula is rising.")
    b.set_field("comment", "Watch Seoul's response.\n\nSecond paragraph of the comment.")
    return b


TOO_LONG = "x" * (MAX_FIELD_CHARS + 1)
LIMIT = f"{MAX_FIELD_CHARS + 1:,} characters (at most {MAX_FIELD_CHARS:,})"


def small_brief() -> Brief:
    b = Brief(title="Limits")
    b.add_source(Source(title="Source", text="Title\nA fact.\n" + "y" * (MAX_FIELD_CHARS + 10), title_line=True))
    b.add_item(KEY_FACTS, 1, 6, 13)
    return b

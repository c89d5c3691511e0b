"""Who a person is, as the text says it (issue 19, point 4: affiliations at their fullest form in the text):
a role stated as the name's predicate, a briefing's headline set in capitals, an office spelled out without
the holder's name run on."""

from briefing_app.core.suggest import suggest


def _assessments(text: str, title_line: bool = False) -> list[tuple[str, str]]:
    return [(s.speaker, s.affiliation) for s in suggest(text, title_line) if s.kind == "expert_assessment"]


def test_a_role_stated_of_the_name_is_the_affiliation():
    text = (
        "Mara Lindqvist currently works as a researcher at the Nordic Institute of Soil Studies. "
        "Lindqvist said the drought will probably cut yields by a third.\n\n"
        "Tomas Berg is a hydrologist at Uppsala University. Berg warned that rivers are likely to fall further."
    )
    assert _assessments(text) == [
        ("Mara Lindqvist", "researcher at the Nordic Institute of Soil Studies"),
        ("Tomas Berg", "hydrologist at Uppsala University"),
    ]


def test_a_headline_in_capitals_names_the_briefers_and_their_offices():
    text = (
        "PRESS BRIEFING BY PRESS SECRETARY NORA QUILL AND SECRETARY OF AGRICULTURE OWEN MARSH\n\n"
        "MS. QUILL: Good afternoon. The storm destroyed 300 homes in the county.\n\n"
        "Q Is the aid enough?\n\n"
        "MS. QUILL: I believe the aid package is probably insufficient for a disaster of this scale."
    )
    assert _assessments(text, title_line=True) == [("Nora Quill", "Press Secretary")]


def test_an_office_spelled_out_stops_before_the_holders_name():
    text = (
        "Press Briefing by Press Secretary Nora Quill and Secretary of Agriculture Owen Marsh\n\n"
        "MS. QUILL: Good afternoon. The Secretary will take a few questions.\n\n"
        "SECRETARY MARSH: Thank you. I think the damage to crops is likely to be far worse than we feared.\n\n"
        "Q Will farmers get more aid?\n\n"
        "SECRETARY MARSH: That decision is for Congress."
    )
    assert _assessments(text, title_line=True) == [("Owen Marsh", "Secretary of Agriculture")]

"""The suggestion engine (issue 8) on sentences written for each rule, and on the seed (the command line's
`suggest`: cli/test_suggest_command.py).

Every rule has its own sentences here, none taken from the gold articles: what the engine must pick,
what it must leave, and who it must name.
"""

import pytest

from briefing_app.core.suggest import Models, public_figures, stance, suggest
from briefing_app.core.suggest.people import People, Speaker
from briefing_app.core.suggest.segment import blocks
from briefing_app.resources import resource

from helpers.support import SEED


def kinds(text: str) -> dict[str, list]:
    out: dict[str, list] = {"key_fact": [], "expert_assessment": [], "opinion": []}
    for s in suggest(text):
        assert text[s.start : s.end] == s.text
        out[s.kind].append(s)
    return out


def one(text: str, kind: str):
    found = kinds(text)[kind]
    assert len(found) == 1, [s.text for s in suggest(text)]
    return found[0]


# --- segmentation
@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Gen. Mark Olsen arrived on Dec. 3 in the U.S. capital. He left the next day.", 2),
        ("The U.S. Army said so. The navy did not.", 2),
        ("Will you resign? No. Item No. 4 on p. 12 was struck out.", 3),
        ("Dr. J. R. Smith spoke at 10 a.m. on Monday. Nobody asked.", 2),
        ("“We will win. We always do,” she said. Then she left.", 3),
        ("The rate rose to 3.5 percent (from 3.1 percent). Markets fell!", 2),
        ("The study appears today in Kappa: Heart Imaging. Nobody asked.", 2),  # a journal's subtitle
        ("You have heard me say it many times: Most people save too little.", 2),
    ],
)  # fmt: skip
def test_sentences_survive_abbreviations_initials_decimals_and_quotes(text, count):
    sentences = [s for b in blocks(text) for s in b.sentences]
    assert len(sentences) == count, [text[s.start : s.end] for s in sentences]


def test_clauses_are_cut_at_semicolons_but_and_a_reporting_frame():
    text = "Exports fell 4 percent in May; imports rose, but analysts were calm."
    (sentence,) = [s for b in blocks(text) for s in b.sentences]
    assert [text[c.start : c.end] for c in sentence.clauses] == [
        "Exports fell 4 percent in May",
        "imports rose",
        "but analysts were calm.",
    ]


def test_said_that_after_the_subjects_apposition_is_suggested_with_its_subject():
    framed = "Tom Hale, for the Harbour Board, said that two of the five ports had closed since March."
    reported = one(f"Ports\n\n{framed}\n", "key_fact")
    assert reported.text == framed  # not "said that two of …" with the speaker cut away
    text = "Exports fell, but analysts say that the slump will end."
    clauses = [text[c.start : c.end] for b in blocks(text) for s in b.sentences for c in s.clauses]
    assert clauses == ["Exports fell", "but analysts say that the slump will end."]


# --- key facts
def test_a_figure_or_date_with_an_event_is_a_key_fact():
    text = "Headline Here\n\nThe parliament approved the budget of 4.2 billion euros on March 3, 2025.\n\nIt was long."
    fact = one(text, "key_fact")
    assert fact.text.startswith("The parliament approved")
    assert not kinds(text)["expert_assessment"]


def test_a_study_and_its_finding_is_a_key_fact_even_as_reported_speech():
    text = "A study by the Lund Institute found that one in five bridges needs repair, the agency said."
    assert one(text, "key_fact").text.startswith("A study by the Lund Institute found")


def test_a_figure_stated_flatly_by_a_named_official_is_a_fact_not_an_assessment():
    text = "Finance Minister Karin Holm said the deficit fell to 2.1 percent of output in 2024."
    assert one(text, "key_fact")
    assert not kinds(text)["expert_assessment"]


def test_the_frame_of_a_speech_to_a_named_body_is_the_event():
    text = (
        "In a rare address, Karin Holm told the National Assembly of Bulgaria the banking crisis appears to be"
        " easing faster than most of her advisers had feared."
    )
    found = kinds(text)
    assert found["key_fact"][0].text.endswith("National Assembly of Bulgaria")
    assert found["expert_assessment"][0].text.startswith("the banking crisis appears")


def test_hearsay_and_plain_narration_are_not_facts():
    assert not kinds("Rumor has it that the minister signed 3 secret deals.")["key_fact"]
    assert not kinds("The city is quiet in the evenings and the streets are wide.")["key_fact"]


# --- expert assessments and speakers
@pytest.mark.parametrize(
    ("text", "speaker", "affiliation"),
    [
        ("Prices are likely to stay high, said Maria Lopez, chief economist at Banco Sol.",
         "Maria Lopez", "chief economist at Banco Sol"),
        ("Anna Berg, a researcher at SIPRI, warned that stockpiles could shrink further.",
         "Anna Berg", "researcher at SIPRI"),
        ("“The treaty is fragile and may not survive the winter,” according to Tomás Ruiz, "
         "a professor at the University of Lima.", "Tomás Ruiz", "professor at the University of Lima"),
        ("Deputy Minister Olga Petrova believes the reform will probably fail.", "Olga Petrova", "Deputy Minister"),
        ("“Growth is too weak to matter.” — Jan Kowalski, director of the Baltic Institute",
         "Jan Kowalski", "director of the Baltic Institute"),
        ("The bank's chief economist, Rosa Lind, said growth will probably slow.",
         "Rosa Lind", "bank's chief economist"),
        ("Growth will probably slow this year, notes Kappa Bank economist Ana Ruiz.",
         "Ana Ruiz", "Kappa Bank economist"),
        ("Freight rates will probably keep rising, according to Kappa Bank senior economist Ana Ruiz.",
         "Ana Ruiz", "Kappa Bank senior economist"),  # a modifier before the role noun
    ],
)  # fmt: skip
def test_a_judgement_attributed_to_a_named_person_is_an_assessment_with_speaker(text, speaker, affiliation):
    found = one(text, "expert_assessment")
    assert (found.speaker, found.affiliation) == (speaker, affiliation)


def test_surname_pronoun_and_the_role_resolve_to_the_full_name():
    text = (
        "Economist Lina Varga of the Danube Fund spoke in Vienna.\n\n"
        "Varga said inflation is expected to ease by spring.\n\n"
        "She added that the risk of a recession remains serious.\n\n"
        "The outlook is fragile, the economist cautioned."
    )
    found = kinds(text)["expert_assessment"]
    assert [s.speaker for s in found] == ["Lina Varga"] * 3


def test_he_said_after_a_sentence_about_another_named_person_means_that_person():
    text = (
        "Economist Ana Ruiz of Kappa Bank said inflation will probably rise.\n\n"
        "But Minister Jorge Vidal rejected that view. He said the slowdown was a serious risk."
    )
    found = kinds(text)["expert_assessment"]
    assert [s.speaker for s in found] == ["Ana Ruiz", "Jorge Vidal"]


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Health said the outbreak is serious and likely to spread.",
        "Officials warned that the situation is dangerous.",
        "Experts suggest the plan is likely to fail.",
        "Moscow says the sanctions are a serious mistake.",
    ],
)
def test_views_of_institutions_and_unnamed_people_are_not_assessments(text):
    assert not kinds(text)["expert_assessment"]


def test_statements_of_intent_and_pleasantries_are_left_out():
    text = "MS. ARDEN:  Thank you all for coming.  Happy Monday.  I look forward to our talks.  The reform is a "
    text += "serious mistake.\n\nQ    Will you resign?\n\nMS. ARDEN:  No.  If the senate rejects the budget, the "
    text += "strike might spread to the ports.  We are now determined that this critical pier is done.  Our "
    text += "intention is to reopen the terminal with the safety checks in place."
    found = kinds(text)
    assert not found["key_fact"]  # "Happy Monday" names a day, and is still a greeting
    assert [s.text for s in found["expert_assessment"]] == [
        "The reform is a serious mistake.",
        "If the senate rejects the budget, the strike might spread to the ports.",  # a conditional forecast
    ]


def test_the_press_questions_and_stage_directions_of_a_briefing_are_not_suggested():
    text = (
        "MR. OKAFOR:  The ministry sent 400 trucks of grain on Monday.\n\n"
        "QUESTION:  Your own auditors said 90 trucks were stolen in May.  Is that a serious failure?\n\n"
        "Q    And the 12 drivers arrested last week?\n\n"
        "MR. OKAFOR:  The convoy system is likely to improve.\n\n"
        "(Laughter.)\n\n"
        "(The briefing was concluded at 3:05 p.m.)"
    )
    found = suggest(text)
    assert [(s.kind, s.text) for s in found] == [
        ("key_fact", "The ministry sent 400 trucks of grain on Monday."),
        ("expert_assessment", "The convoy system is likely to improve."),
    ]


def test_every_question_of_a_turn_that_asks_is_a_question_not_rhetoric():
    text = ("Harbour Radio\n\nTOM HALE: Minister, freight had a rough month. What is going on? Did the storms start "
            "it? Or is it something bigger?\n\nANA RUIZ: I think the storms are only one cause.\n\nTOM HALE: Thank "
            "you.\n\nANA RUIZ: I expect rents to level off by the spring.")  # fmt: skip
    assert not kinds(text)["opinion"]


def test_a_transcript_label_names_the_speaker_from_the_header():
    text = (
        "Press Briefing by Press Secretary Dana Lowe\n\n"
        "MS. LOWE:  Good afternoon.  The new policy is a serious risk to small farms.\n\n"
        "Q    Why?\n\n"
        "MS. LOWE:  Costs will probably double."
    )
    found = kinds(text)["expert_assessment"]
    assert [s.speaker for s in found] == ["Dana Lowe", "Dana Lowe"]
    assert all("Q" not in s.text for s in found)


def test_a_surname_label_needs_the_full_name_or_a_second_turn():
    # "Thornton:" is a speaker (the intro names Matt Thornton); "Note:" and "Update:" open ordinary paragraphs
    text = (
        "Our reporter Matt Thornton is in the capital.\n\n"
        "Thornton: The new tariff is a serious risk to small farms.\n\n"
        "Note: The vote took place on March 3.\n\n"
        "Update: Parliament passed the bill on March 4.\n\n"
        "Reyes: Prices will probably rise. Reyes: Yes, sharply."
    )
    labels = [b.label for b in blocks(text)]
    assert labels == [None, "Thornton", None, None, None]
    text += "\n\nReyes: Costs will probably double."
    assert [b.label for b in blocks(text)][-2:] == ["Reyes", "Reyes"]


def test_a_public_figure_named_by_title_and_surname_gets_the_full_name():
    text = (
        "Remarks by President Obama and Prime Minister Johnson\n\n"
        "THE PRESIDENT:  The new tariffs are a serious risk to our farmers.\n\n"
        "PRIME MINISTER JOHNSON:  Trade will probably recover next year.  As Prime Minister of the United "
        "Kingdom, I know how hard the last year has been."
    )
    found = kinds(text)["expert_assessment"]
    assert [(s.speaker, s.affiliation) for s in found] == [
        ("Barack Obama", "President"),
        ("Boris Johnson", "Prime Minister of the United Kingdom"),
    ]
    # the office tells two Johnsons apart
    assert (
        one("Speaker Johnson warned that the bill will probably fail.", "expert_assessment").speaker == "Mike Johnson"
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Dr. Harris said the new drug is probably safe.", "Harris"),  # a courtesy title names no office
        ("President Bush said the war was a serious mistake.", "Bush"),  # two presidents Bush: left as written
        ("Senator Maria Harris spoke first. Senator Harris said the bill is a serious mistake.", "Maria Harris"),
        ("Professor Mayorkas warned that prices will likely rise.", "Mayorkas"),  # no such office listed
    ],
)
def test_the_public_figures_list_never_overrides_the_text(text, speaker):
    assert one(text, "expert_assessment").speaker == speaker


def test_the_public_figures_list_is_well_formed():
    lines = [line for line in resource("public_figures.tsv").read_text("utf-8").splitlines()]
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    assert len(rows) > 400
    for row in rows:
        assert len(row) in (3, 4), row
        assert {o.strip() for o in row[1].split(",")} <= public_figures.OFFICES, row
    names = [row[0] for row in rows]
    assert len(names) == len(set(names))
    assert public_figures.office_of("Secretary of Homeland Security") == "secretary"
    assert public_figures.office_of("THE VICE PRESIDENT") == "vice president"
    assert public_figures.office_of("Attorney General") == "attorney general"
    assert public_figures.office_of("Dr.") is None
    assert public_figures.full_name("Erdogan", "President") == "Recep Tayyip Erdoğan"


# --- rhetoric and restatements
@pytest.mark.parametrize(
    "text",
    [
        "So, the election is over and 40 million people voted!",
        "Will the 12 new tanks change anything?",
        "It’s like bringing 3 spoons to a sword fight.",
        "Buckle up, folks: 5 more debates are coming.",
    ],
)
def test_rhetoric_is_flagged_as_opinion_and_never_a_fact(text):
    found = kinds(text)
    assert not found["key_fact"] and len(found["opinion"]) == 1


def test_a_fact_stated_twice_is_proposed_once_in_its_better_sourced_form():
    text = (
        "Wow, what a week! The army sent 2,000 troops to the northern border, apparently. Fun times, right?\n\n"
        "The defence ministry confirmed on May 4, 2025, that 2,000 troops were sent to the northern border.\n\n"
        "Separately, the navy commissioned 2 frigates on June 1."
    )
    facts = kinds(text)["key_fact"]
    assert [f.text[:20] for f in facts] == ["The defence ministry", "Separately, the navy"]
    assert facts[0].group is not None and facts[1].group is None


def test_confidence_is_between_0_and_1_and_higher_for_figures():
    found = suggest("The port handled 4,200 ships in 2023.\n\nThe port was opened by the mayor.")
    assert found[0].kind == "key_fact" and all(0 < s.confidence <= 1 for s in found)
    assert all(found[0].confidence > s.confidence for s in found[1:])


# --- bad input
@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "<img src=x onerror=alert(1)> & <font size=9>",
        "a" * 100_000,  # one 100k-character word
        "“unbalanced quote. “again",
        "(" * 100_000 + "x" + ")" * 100_000,  # 100k nested brackets
        "[(" * 50_000 + "Ana Ruiz said it is likely." + ")]" * 50_000,
        "“" * 50_000 + "Ana Ruiz said it is likely." + "”" * 50_000,
    ],
    ids=[
        "empty",
        "blank",
        "markup",
        "long-word",
        "unbalanced-quotes",
        "nested-brackets",
        "nested-mixed",
        "nested-quotes",
    ],
)
def test_odd_input_gives_valid_spans_and_no_error(text):
    for s in suggest(text):
        assert text[s.start : s.end] == s.text and s.end > s.start


def test_one_sentence_repeated_thousands_of_times_reads_as_that_sentence_each_time():
    """Issue 19's bad input, "1 MB of one repeated sentence", at a fifth of the size (bench_suggest.py times
    the engine at 1 MB): every repetition is read alike, with valid spans, and nothing fails."""
    sentence = "The ministry said 300 homes were destroyed on Monday. "
    text = sentence * 4_000
    found = suggest(text)
    assert len(found) == 4_000 and {(s.kind, s.text) for s in found} == {("key_fact", sentence.strip())}
    assert all(text[s.start : s.end] == s.text for s in found)


def test_segmenting_long_sentences_of_semicolons_and_colons_is_linear():
    """Issue 15: whether a quotation was open was counted from the sentence's start at every "; ", ", but" and
    colon, and the words since the last cut at every colon: quadratic in a long sentence of them (200,000
    characters took 60 to 1,400 times as long as ordinary text). Now each character is counted once: at
    most about 11 times (the sentences and clauses are many and short), so the bound of 30 holds on a
    loaded machine and failed before the fix."""
    import time

    def seconds(text: str) -> float:
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            for b in blocks(text):
                _ = b.sentences
            best = min(best, time.perf_counter() - t0)
        return best

    def repeated(pattern: str, n: int = 200_000) -> str:
        return (pattern * (n // len(pattern) + 1))[:n]

    ordinary = seconds(repeated(SEED.read_text("utf-8")))
    # clauses cut at each "; " and ", but"; none inside a quotation; a sentence cut at every other colon;
    # no cut at any colon (a quotation stays open)
    for pattern in ("a; b, but c; ", "“a, but b” c; ", "x: Ab ", "“x: Ab "):
        ratio = seconds(repeated(pattern)) / ordinary
        assert ratio < 30, f"{pattern!r}: {ratio:.0f} times the time of ordinary text"


# --- the seed (the command line: cli/test_suggest_command.py)
def test_seed_suggestions_follow_the_contract():
    text = SEED.read_text("utf-8")
    found = suggest(text)
    facts = [s.text for s in found if s.kind == "key_fact"]
    assert any(t.startswith("The Pentagon and NATO confirmed on October 28, 2024") for t in facts)
    assert not any(t.startswith("On October 28, 2024, NATO") for t in facts)  # the satirical restatement
    speakers = {s.speaker for s in found if s.kind == "expert_assessment"}
    assert speakers == {"Dimitri Minic", "Jean-Marc Sorel", "Barthélémy Courmont"}


# --- the title line (an article loaded from a file): never a suggestion, and it may name who speaks
def test_a_title_line_is_never_suggested():
    text = ("Turnout Fell to 41 Percent in the 2023 Regional Vote, the Lowest Since 1990, Officials Confirmed\n\n"
            "Officials confirmed on Monday that 2.1 million people voted.")  # fmt: skip
    assert any(s.start == 0 for s in suggest(text))
    assert not any(s.start == 0 for s in suggest(text, title_line=True))


def test_a_speech_title_names_the_speaker_of_every_paragraph():
    text = ("Remarks by Governor Ana Ruiz at the Harbour Forum\n\n"
            "Thank you all for coming.\n\n"
            "I believe port traffic will probably slow next year, and the risks are serious.")  # fmt: skip
    (found,) = [s for s in suggest(text, title_line=True) if s.kind == "expert_assessment"]
    assert found.speaker == "Ana Ruiz" and found.affiliation == "Governor"
    assert not [s for s in suggest(text) if s.kind == "expert_assessment"]  # pasted text: no title to read


def test_people_named_in_a_briefing_title_resolve_its_labels():
    text = ("Press Briefing by Governor Ana Ruiz and Harbour Minister Tom Hale Aboard the Ferry\n\n"
            "GOVERNOR RUIZ: Good morning. I think the harbour will likely recover by spring.\n\n"
            "Q: Will it?\n\n"
            "MR. HALE: We believe the new tariffs are likely to hurt exporters badly.")  # fmt: skip
    speakers = {s.speaker for s in suggest(text, title_line=True) if s.kind == "expert_assessment"}
    assert speakers == {"Ana Ruiz", "Tom Hale"}


# --- the stance model: lexicon features and a logistic regression trained on the tuning half
def test_the_shipped_stance_model_matches_the_features():
    assert stance.model() is not None  # trained on these very features (else the rules alone decide)


def weigh_clause(clause: str, rule=None, how="label") -> float:
    speaker = Speaker("person", "Ana Ruiz", "Governor", how)
    return stance.model().probability(stance.features(clause, speaker, True, rule, 0.0), clause)


def test_a_hedged_forecast_weighs_more_than_procedure():
    forecast = weigh_clause("I think inflation will probably ease next year, because demand is slowing.")
    procedure = weigh_clause("Thanks, everyone, for joining the call this morning.")
    assert forecast > stance.model().threshold > procedure


def test_the_rules_assessment_stands_unless_the_model_finds_it_unlikely():
    row = stance.features("Costs will probably double.", Speaker("person", "Ana Ruiz", "", "label"), True,
                          "expert_assessment", 0.0)  # fmt: skip
    assert stance.chosen("expert_assessment", 0.1, row, 0.18)  # an ICD 203 estimate, whatever the model says
    assert not stance.chosen(None, 0.1, row, 0.18)
    judged = stance.features("Costs are too high.", Speaker("person", "Ana Ruiz", "", "label"), True,
                             "expert_assessment", 0.0)  # fmt: skip
    # three quarters of the threshold is enough for the rules' call, half is not (the word lists catch intent too)
    assert stance.chosen("expert_assessment", 0.14, judged, 0.18)
    assert not stance.chosen("expert_assessment", 0.1, judged, 0.18)
    plain_fact = stance.features("Costs doubled.", Speaker("person", "Ana Ruiz", "", "label"), True, "key_fact", 0.0)
    assert not stance.chosen("key_fact", 0.45, plain_fact, 0.18)  # a fact turns only at an even chance
    plain = stance.features("The plant opened in 2019.", Speaker("person", "Ana Ruiz", "", "label"), True, None, 0.0)
    # nothing the rules call it: the threshold decides, stance word or not
    assert stance.chosen(None, 0.2, plain, 0.18) and not stance.chosen(None, 0.15, plain, 0.18)


def test_a_named_persons_figure_said_to_be_likely_is_an_assessment():
    label = Speaker("person", "Ana Ruiz", "", "label")
    row = stance.features("It is likely to rise to about 5 per cent.", label, True, "key_fact", 0.0)
    assert stance.chosen("key_fact", 0.1, row, 0.27)
    flat = stance.features("It rose to 5 per cent in May.", label, True, "key_fact", 0.0)
    assert not stance.chosen("key_fact", 0.1, flat, 0.27)


def test_a_year_or_a_span_of_time_in_the_speakers_description_makes_no_fact_of_what_they_say():
    text = (
        "Tom Hale, chair of the 2004 review and former head of the Kappa Institute, said he believes the ministry "
        "let the plan drift.\n\n“Our findings mostly echo the first panel’s,” said Ana Ruiz, a member of the new "
        "panel who chaired it for about 18 months.\n\nFreight rates are rising mainly because of the long dock "
        "strike, according to Kappa Bank senior economist Lina Varga."
    )
    found = kinds(text)
    assert not found["key_fact"], [s.text for s in found["key_fact"]]
    assert [s.speaker for s in found["expert_assessment"]] == ["Tom Hale", "Ana Ruiz", "Lina Varga"]


def test_a_day_in_the_frame_of_a_quotation_makes_no_fact_of_the_quotation():
    text = ('"The mayor\'s statements differ sharply from the record," Ana Ruiz told councillors at Tuesday\'s '
            "budget committee meeting.")  # fmt: skip
    found = kinds(text)
    assert not found["key_fact"] and [s.speaker for s in found["expert_assessment"]] == ["Ana Ruiz"]


def test_i_am_confident_that_or_it_seems_to_me_is_a_speakers_stance_as_i_think_that_is():
    label = Speaker("person", "Ana Ruiz", "", "label")
    cognition = stance.FEATURES.index("cognition")
    for clause in (
        "I am confident that the pier will bring more ferries.",
        "We are convinced the levy will fail.",
        "It seems to me that the levy will fail.",
    ):
        assert stance.features(clause, label, True, None, 0.0)[cognition] == 1.0
    assert stance.features("The pier is certainly busy.", label, True, None, 0.0)[cognition] == 0.0


def test_a_speech_byline_under_the_title_names_its_speaker():
    text = ("The Outlook for Ports\n\nGovernor Ana M. Ruiz\n\nAt the Harbour Forum, Valparaiso\n\n"
            "I expect that traffic will probably slow next year, and the risks are serious.")  # fmt: skip
    speakers = {(s.speaker, s.affiliation) for s in suggest(text, True) if s.kind == "expert_assessment"}
    assert speakers == {("Ana M. Ruiz", "Governor")}
    reporter = text.replace("Governor Ana M. Ruiz", "By Ana Ruiz")  # a reporter's byline names no speaker
    assert not [s for s in suggest(reporter, True) if s.kind == "expert_assessment"]


def test_a_quotation_set_as_paragraphs_after_its_introduction_is_the_speakers():
    text = ("Harbour traffic fell in May\n\nTraffic fell by 12% in May, the port said.\n\n"
            "Ana Ruiz, head of the Harbour Board, said:\n\n"
            "The fall is worrying, and I expect it will probably continue into the autumn.\n\n"
            "Tom Hale, an analyst at Cargo Watch, said:\n\n"
            "The slowdown is likely to hurt exporters badly.")  # fmt: skip
    found = [(s.speaker, s.affiliation) for s in suggest(text, True) if s.kind == "expert_assessment"]
    assert found == [("Ana Ruiz", "head of the Harbour Board"), ("Tom Hale", "analyst at Cargo Watch")]


def test_a_bare_office_is_spelled_out_where_the_text_does():
    people = People("The Governor of the Harbour Board of Valparaiso spoke. Governor Ana Ruiz said prices rose.")
    assert people.office_in_full("Governor") == "Governor of the Harbour Board of Valparaiso"
    assert people.office_in_full("Chair") == "Chair"  # the text never spells it out
    assert people.office_in_full("head of the port") == "head of the port"  # not a bare office


def test_a_key_facts_confidence_is_the_fact_models_probability():
    """The rules' fact scores were hand-set (0.74 on average where 0.58 were right); the fact model, trained
    on the tuning half, decides and its probability is the confidence."""
    from briefing_app.core.suggest import facts, weighed_clauses
    from briefing_app.core.suggest.model import Model

    model = facts.model()
    assert isinstance(model, Model) and 0 < model.threshold < 1
    text = "The port handled 4,200 ships in 2023."
    [(clause, row)] = weighed_clauses(text, models=Models(stance.model(), None))["key_fact"]
    [found] = suggest(text)
    assert found.confidence == round(model.probability(row, clause.text), 2) >= model.threshold


def test_a_written_interview_gives_its_answers_to_the_person_introduced():
    """No labels: paragraphs that are only questions, each answered in the first person. The answers are
    the person the introduction names; a profile card's fields give the affiliation in full."""
    text = ("Meet the Harbour Modeller\n\nThe hydrologist Ana Ruiz studies how tides move silt.\n\n"
            "Title: Senior hydrologist\n\nOrganization: Harbour Board of Valparaiso\n\n"
            "What do you work on?\n\nI model silt in the harbour, and I think the channel will probably "
            "silt up within a decade.\n\nWhy does it matter?\n\nWe believe dredging costs are likely to double.\n\n"
            "What comes next?\n\nI expect our new sensors will probably change how ports plan.")  # fmt: skip
    found = [s for s in suggest(text, True) if s.kind == "expert_assessment"]
    assert found and {(s.speaker, s.affiliation) for s in found} == {
        ("Ana Ruiz", "Senior hydrologist, Harbour Board of Valparaiso")
    }
    assert not [s for s in suggest(text, True) if s.text.endswith("?")]  # the questions are nobody's view


def test_a_transcript_naming_each_speaker_on_a_line_of_its_own_gives_each_turn_its_voice():
    """Central banks and parliaments publish turns under a line with the speaker's name ("Michele Bullock",
    "Sam Lee (Daily News)", "Journalist"), no colon. Each turn is that voice's; a voice whose turns end in
    questions is the press; the office the title gives ("with Governor …") is the affiliation."""
    text = ("Media Conference with Governor Ana Ruiz\n\nAna Ruiz\n\nGood afternoon. Inflation is likely to stay "
            "high for longer than we expected.\n\nJournalist\n\nWill rates rise?\n\nAna Ruiz\n\nI think the "
            "risks are serious and we expect unemployment to rise a little.\n\nSam Lee (Daily News)\n\nThe "
            "market thinks cuts will surely come in May. Is that wrong?\n\nAna Ruiz\n\nI don't think cuts are "
            "likely this year.")  # fmt: skip
    found = [s for s in suggest(text, True) if s.kind == "expert_assessment"]
    assert len(found) == 3 and {(s.speaker, s.affiliation) for s in found} == {("Ana Ruiz", "Governor")}
    assert not [s for s in suggest(text, True) if "market" in s.text and s.kind != "opinion"]  # the press's premise


def test_in_a_debate_the_member_who_answers_the_minister_is_the_minister():
    """Members address the Minister ("I thank the Minister", "does the Minister agree"); whoever answers
    those turns is the Minister, which is all the text says of their office. A courtesy title alone
    ("DR. RUIZ") is no affiliation."""
    text = ("Ports: Silt\n\nLord Hale of Tyne: To ask Her Majesty's Government what they will do about silt.\n\n"
            "Lord Ruiz: My Lords, the channel will probably silt up within a decade.\n\n"
            "Lord Hale of Tyne: I thank the Minister for that answer. Is the dredging budget enough?\n\n"
            "Lord Ruiz: I think the budget is likely to prove sufficient.\n\n"
            "Baroness Lowe: Does the Minister accept that costs could double?\n\n"
            "Lord Ruiz: I believe costs are unlikely to double.")  # fmt: skip
    ruiz = {s.affiliation for s in suggest(text, True) if s.kind == "expert_assessment" and s.speaker == "Lord Ruiz"}
    assert ruiz == {"Minister"}
    briefing = "DR. RUIZ:  I think silt will probably rise.\n\nQ    Why?\n\nDR. RUIZ:  Costs are likely to double."
    assert {s.affiliation for s in suggest(briefing) if s.kind == "expert_assessment"} == {None}

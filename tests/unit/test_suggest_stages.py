"""The suggestion engine as a pipeline (issue 19): its stages import one way, and each works alone.

The stages, in order: segment → people → voices → classify (stance, facts) → decide → spans → restatements,
with the public API and the orchestration in the package's ``__init__``. Each test here feeds one stage what
the stage before it gives (or builds it by hand) and runs nothing after it.
"""

import ast
import math
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core.suggest import decide, restatements, spans, suggest, voices
from briefing_app.core.suggest.classify import classify, rhetoric
from briefing_app.core.suggest.model import Model
from briefing_app.core.suggest.people import NOBODY, QUESTIONER, People, Speaker
from briefing_app.core.suggest.segment import blocks

ENGINE = Path(__file__).resolve().parents[2] / "briefing_app" / "core" / "suggest"
# Reading order. lexicon (word lists), public_figures (office holders) and model (the logistic model) serve
# several stages and come first; stance and facts are the learned half of classification.
ORDER = ["lexicon", "public_figures", "model", "segment", "people", "voices", "classify", "stance", "facts",
         "decide", "spans", "restatements", "__init__"]  # fmt: skip
PACKAGE = "briefing_app.core.suggest"


def engine_imports(path: Path) -> set[str]:
    """The engine's modules that ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.update([node.module.split(".")[0]] if node.module else [a.name for a in node.names])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith(PACKAGE):
            rest = node.module.removeprefix(PACKAGE).lstrip(".")
            found.update([rest.split(".")[0]] if rest else [a.name for a in node.names])
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix(PACKAGE + ".").split(".")[0] for a in node.names
                         if a.name.startswith(PACKAGE + "."))  # fmt: skip
    return found


def test_every_stage_imports_only_the_stages_before_it():
    modules = sorted(p.stem for p in ENGINE.glob("*.py"))
    assert modules == sorted(ORDER), "a new module of the engine needs its place in ORDER"
    backward = [
        f"{module} imports {imported}"
        for module in ORDER
        for imported in sorted(engine_imports(ENGINE / f"{module}.py"))
        if imported not in ORDER or ORDER.index(imported) >= ORDER.index(module)
    ]
    assert not backward, backward


# --- voices: who speaks each paragraph, sentence and clause (no classification)
def test_voices_read_a_transcript_by_its_labels_leaving_out_the_press_and_stage_directions():
    text = ("Press Briefing on the Harbour\n\nMS. LOWE:  Good afternoon.  Costs will probably double.\n\n"
            "Q    Why?\n\n(Laughter.)\n\nMS. LOWE:  Tom Hale warned that prices will climb.")  # fmt: skip
    read = [(r.block.index, text[r.sentence.start : r.sentence.end], r.said.name, r.said.how, r.in_transcript)
            for r in voices.read(text, title_line=True)]  # fmt: skip
    assert read == [
        (1, "Good afternoon.", "Lowe", "label", True),
        (1, "Costs will probably double.", "Lowe", "label", True),
        (4, "Tom Hale warned that prices will climb.", "Tom Hale", "reported", True),  # another named person's view
    ]
    climb = text.index("prices will climb")
    assert voices.speaker_at(text, climb, climb + 17).name == "Tom Hale"  # a passage: its sentence's speaker


def test_voices_find_the_speaker_behind_any_apposition_an_age_or_a_participle():
    text = ("Ana Ruiz, a 34-year-old office worker, said the imports were unsafe.\n\n"
            "Tom Hale, 54, said the charter helps only the rich.\n\n"
            "Lina Varga, who has run a cinema for 30 years, blamed piracy.\n\n"
            "Netizen Jan Kowalski (@jank) disagreed, saying that prices were to blame.")  # fmt: skip
    said = [(r.said.name, r.said.how) for r in voices.read(text, People(text))]
    assert said == [("Ana Ruiz", "reported"), ("Tom Hale", "reported"), ("Lina Varga", "reported"),
                    ("Jan Kowalski", "reported")]  # fmt: skip


def test_voices_give_a_quotation_block_to_whoever_a_colon_introduces_until_someone_else_is_named():
    text = ("Fuel Queues Grow\n\nQueues formed in Blantyre this week.\n\n"
            "Blogger Ana Ruiz wrote on her blog:\n\n"
            "The shortage is the result of years of mismanagement.\n\n"
            "Ordinary people are paying the price.\n\n"
            "Economist Tom Hale disagreed, saying that global prices were to blame.\n\n"
            "The measures include:\n\nrationing at every station.")  # fmt: skip
    read = voices.read(text, title_line=True)  # an introduction, ending in a colon, is read as a heading
    said = [(text[r.sentence.start : r.sentence.end][:20], r.said.name) for r in read]
    assert said == [
        ("Queues formed in Bla", ""),
        ("The shortage is the ", "Ana Ruiz"),
        ("Ordinary people are ", "Ana Ruiz"),
        ("Economist Tom Hale d", "Tom Hale"),
        ("rationing at every s", ""),  # a colon naming no one introduces nobody's words
    ]


def test_voices_read_a_transcript_labelled_in_title_case_with_its_opening_statement_and_the_byline_office():
    text = ("Media Conference – Policy Decision\n\nAna Ruiz\nGovernor\n\n"
            "Good afternoon. We think inflation will probably ease next year.\n\n"
            "Journalist: Governor, are rate cuts coming?\n\n"
            "Ana Ruiz: It is too early to say.\n\n"
            "Tom Hale (Daily News): Will unemployment rise?\n\n"
            "Ana Ruiz: We expect it to rise a little.")  # fmt: skip
    assert [b.label for b in blocks(text)] == [None, None, None, "Journalist", "Ana Ruiz", "Tom Hale (Daily News)",
                                                "Ana Ruiz"]  # fmt: skip
    read = [(text[r.sentence.start : r.sentence.end][:16], r.said.name, r.said.affiliation)
            for r in voices.read(text, title_line=True)]  # fmt: skip
    assert read == [  # the press's questions are left out of the reading
        ("Good afternoon.", "Ana Ruiz", "Governor"),
        ("We think inflati", "Ana Ruiz", "Governor"),
        ("It is too early ", "Ana Ruiz", "Governor"),
        ("We expect it to ", "Ana Ruiz", "Governor"),
    ]
    prose = "Policy\n\nNote: the figures are provisional.\n\nThe bank met on Tuesday."
    assert [b.label for b in blocks(prose)] == [None, None, None]  # one "Word:" opening is no transcript


def test_people_keep_titles_openers_and_forms_of_address_out_of_names():
    text = ("Vice-President Ana Ruiz spoke first. Echoing Ruiz, Tom Hale warned of delays.\n\n"
            "My Lords, the Minister has answered. Is India ready? Noble Lords have asked.")  # fmt: skip
    people = People(text)
    assert people.resolve_run("Vice-President Ana Ruiz") == Speaker("person", "Ana Ruiz", "Vice-President")
    assert people.resolve_run("Echoing Ruiz").name == "Ana Ruiz"
    assert all(people.resolve_run(run).kind != "person" for run in ("My Lords", "Noble Lords", "Is India"))


def test_an_office_that_names_its_body_is_the_role_and_a_bare_rank_gives_way_to_an_apposition():
    text = ("Director of the Harbour Board Ana Ruiz, a member of the Regional Port Authority Council, said costs "
            "would rise.\n\nProfessor Tom Hale, a researcher at Kappa Institute, said they would not.")  # fmt: skip
    people = People(text)
    assert people.find(["Ruiz"]).affiliation == "Director of the Harbour Board"
    assert people.find(["Hale"]).affiliation == "researcher at Kappa Institute"


def test_an_apposition_never_runs_across_a_paragraph_break():
    text = ("TOM HALE: I thank our hosts, Mayor Ruiz and Captain Berg, for their hospitality here in Lund.\n\n"
            "Captain Berg is not only the harbour master, he is also a guide.\n\nOLA BERG: Thank you.")  # fmt: skip
    assert "\n" not in People(text).find(["Berg"]).affiliation


def named_voices(text: str) -> set[tuple[str, str]]:
    """(name, affiliation) of every named speaker of ``text``, an article with its title line."""
    return {(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True) if r.said.name}


def label_voices(text: str, *labels: str) -> set[tuple[str, str]]:
    """(name, affiliation) of whoever speaks the turns of ``labels`` in ``text``, an article with its title line."""
    return {(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True) if r.block.label in labels}


def label_names(text: str, label: str) -> set[str]:
    return {name for name, _ in label_voices(text, label)}


def speaker_of(sentence: str) -> tuple[str, str]:
    """(name, affiliation) of who says ``sentence``, alone in an article under a title."""
    said = next(voices.read("Costs\n\n" + sentence + "\n", title_line=True)).said
    return said.name, said.affiliation


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # "according to" a role before the name is the person, even after a word like "former"; a body is nobody
        ("The levy failed, according to former Harbour Board governor Maya Stone.",
         ("Maya Stone", "former Harbour Board governor")),
        ("The levy failed, according to the Kappa Institute.", ("", "")),
        ("The levy failed, according to the Lambda Centers for Coastal Safety.", ("", "")),
        # a sentence opening "For" a named person gives their view; "For" a place, nobody's
        ("For Ana Ruiz, an economist at Kappa Bank, costs will rise.", ("Ana Ruiz", "economist at Kappa Bank")),
        ("For Kappa, costs will probably rise.", ("", "")),
        # an aside after the role or the body, as a briefing's summary gives where a speaker joined from
        ("Ana Ruiz, Chief Engineer of the Harbour Board, speaking from Porto, said that the damage was disastrous.",
         ("Ana Ruiz", "Chief Engineer of the Harbour Board")),
        ("Tom Hale of the Kappa Institute, speaking by video from Lisbon, said that the backlog was serious.",
         ("Tom Hale", "Kappa Institute")),
    ],
)  # fmt: skip
def test_a_named_person_after_according_to_or_for_or_before_an_aside_gives_their_view_and_role_a_body_nobodys(
    sentence, who
):
    assert speaker_of(sentence) == who


def test_a_long_remarks_by_line_with_a_courtesy_title_and_the_occasion_is_the_byline():
    text = ("Ana Ruiz: Remarks on the Harbour Board Annual Report\n\nRemarks by Ms Ana Ruiz, Managing Director of "
            "the Harbour Board of Lund, at the Harbour Board Annual Report and Harbour Board Safety Report 2024/2025 "
            "Media Conference, Lund, 3 July 2025.\n\nA sharp slowdown looks increasingly likely.")  # fmt: skip
    read = [(text[r.sentence.start : r.sentence.end][:8], r.said.name) for r in voices.read(text, title_line=True)]
    assert read == [("A sharp ", "Ana Ruiz")]


def test_a_commentarys_title_by_a_titled_name_and_office_names_its_writer_with_the_office():
    text = ("Review of the week by Professor Ana Ruiz, Director of the Kappa Institute\n\n"
            "I think the levy will push trade to Lund.")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "Director of the Kappa Institute")}


def test_a_role_before_the_name_keeps_its_modifiers_and_the_role_joined_to_it():
    assert speaker_of("“Losses will last,” said managing director Ravi Patel.")[1] == "managing director"
    assert speaker_of("The port is “finished”, veteran freight broker Maya Stone wrote.")[1] == "veteran freight broker"
    assert speaker_of("Interim leader and former judge Ana Ruiz said the strike did harm.")[1] == (
        "Interim leader and former judge"
    )
    assert speaker_of("Journalist and popular blogger Tom Hale said the march failed.")[1] == (
        "Journalist and popular blogger"
    )


def test_a_transcript_speakers_i_think_or_i_can_testify_about_what_another_holds_is_their_own_view():
    text = ("Harbour talks\n\nQUESTION: Does Mayor Ola Berg have a point about the fares?\n\nANA RUIZ: I think he "
            "deserves praise for saying he wants a cap.\n\nQUESTION: And the pier?\n\nANA RUIZ: Late.")  # fmt: skip
    assert label_names(text, "ANA RUIZ") == {"Ana Ruiz"}
    # and vouching later in the sentence for what another holds
    text = ("Harbour talks\n\nQUESTION: What do you make of Mayor Ola Berg's plan?\n\nANA RUIZ: He fought for it, "
            "and I can testify that he believed it would pay.\n\nQUESTION: And the pier?\n\nANA RUIZ: No.")  # fmt: skip
    assert label_names(text, "ANA RUIZ") == {"Ana Ruiz"}


def test_a_written_interview_whose_introduction_names_a_prize_is_still_the_one_persons():
    text = ("Reading the Tides\n\nAna Ruiz, a marine chemist at the Kappa Institute, won the Harbour Medal for "
            "Science. The Coastal Review spoke with Ruiz. The interview has been edited.\n\nWhat drew you to it?\n\n"
            "I grew up by the sea.\n\nWhy do the models miss it?\n\nI think they underestimate the runoff.\n\n"
            "What comes next?\n\nI expect the acid to double within a decade.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "marine chemist at the Kappa Institute")}


def test_a_written_interview_whose_introduction_names_the_interviewer_too_is_the_interviewees():
    text = ("Levy cut came late\n\nAna Ruiz, a member of the Levy Committee, told Tom Hale in a written interview that "
            "costs are not rising. Edited excerpts:\n\nDid the committee wait too long?\n\nI think it did.\n\n"
            "Will the levy fall?\n\nI expect it to fall by spring.\n\nIs it cautious?\n\nI think so.")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["I think it did."] == said["I expect it to fall by spring."] == said["I think so."] == "Ana Ruiz"


def test_q_labels_alone_give_the_answers_to_the_one_person_the_introduction_describes():
    text = ("Campus expert on harbour pollution\n\nThe theme of this year's Harbour Day is \"Clean Water.\" Tom Hale, "
            "a professor of economics at the Kappa Institute, studies it.\n\nQ: What is the problem?\n\nI think "
            "markets work only if the cost is priced.\n\nQ: So how to price it?\n\nBy the tonne.")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end][:9]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["I think m"] == "Tom Hale"


def test_a_surname_label_beside_the_full_names_label_is_the_one_person():
    text = ("Press conference: port fees\n\nTOM HALE: In my view the economy is resilient.\n\nJOURNALIST: Will fees "
            "rise?\n\nHALE: I think fees will stay flat.")  # fmt: skip
    assert label_names(text, "HALE") == {"Tom Hale"}


def test_a_colleague_introduced_with_shes_has_the_role_after_the_pronoun():
    text = "MR. HALE: Beside me is Ana Ruiz, she's Unit Head, also in the Statistics Department.\n\nMS. RUIZ: Thanks."
    assert People(text).find(["Ruiz"]).affiliation.startswith("Unit Head")


def test_someone_of_the_firm_view_that_holds_the_view():
    assert speaker_of("Tom Hale is of the firm view that small operators should pay less.")[0] == "Tom Hale"
    assert speaker_of("Ana Ruiz takes the view that the levy is fair.")[0] == "Ana Ruiz"


def test_an_abbreviations_stop_before_a_word_in_lower_case_does_not_end_the_apposition():
    assert speaker_of("Rates will fall, said Ana Ruiz, the chief U.S. economist at Kappa Bank.") == (
        "Ana Ruiz",
        "chief U.S. economist at Kappa Bank",
    )


def test_a_wire_storys_run_in_heads_in_capitals_are_no_speakers():
    text = ("Port shares rise\n\nKEEPING SCORE: The Harbour Index added 0.4 per cent.\n\nRATE TALK: The bank hinted it "
            "sees no need to lift rates.\n\nANALYST'S VIEW: \"We will learn who blinks first,\" Ana Ruiz, a strategist "
            "at Birch Bank, said in a note.")  # fmt: skip
    read = {text[r.sentence.start : r.sentence.end][:12]: r.said.name for r in voices.read(text, title_line=True)}
    assert read["The bank hin"] == "" and read['"We will lea'] == "Ana Ruiz"
    assert not any(b.label for b in blocks(text))


def test_a_company_the_text_names_with_its_legal_form_is_no_person_anywhere():
    text = ("Birch Electronics reported a drop in profit, said Ana Ruiz of Kappa Ltd. Birch Electronics Co. "
            "said it expects a better year.")  # fmt: skip
    people = People(text)
    assert people.find(["Birch", "Electronics"]) is None and people.find(["Ana", "Ruiz"]) is not None


def test_a_relative_clause_with_a_possessive_names_no_role_and_who_serves_as_gives_the_role():
    text = ("Ana Ruiz, who has an associate's degree, says dozens chase the posts. “Rents rise,” said "
            "Tom Hale, who serves as harbour director in Lund.")  # fmt: skip
    people = People(text)
    assert people.find(["Ruiz"]).affiliation == ""
    assert people.find(["Hale"]).affiliation == "harbour director in Lund"
    sits = "“Rinks are booked,” said Nora Quint, who sits on the Ice Allocation Committee."
    assert People(sits).find(["Quint"]).affiliation == "sits on the Ice Allocation Committee"


def test_more_speech_bylines_and_a_title_naming_a_minister_for_something_over_the_greetings():
    by = "Payments\n\nby Ana Ruiz\n\nDeputy Governor of the Kappa Bank\n\nIn my view, deposits will grow."
    assert named_voices(by) == {("Ana Ruiz", "Deputy Governor of the Kappa Bank")}
    intro = ("Lessons\n\nIntroductory speech by Ana Ruiz, President of the Harbour Board, at the Port Forum 2025\n\n"
             "I think the risks are tilted to the downside.")  # fmt: skip
    assert named_voices(intro) == {("Ana Ruiz", "President of the Harbour Board")}
    titled = ("Opening Address by Minister for Transport Ana Ruiz at the Harbour Summit\n\nMr Tom Hale, Chairman of "
              "the Harbour Board\n\nDistinguished guests,\n\nIn my view, cranes will cut waiting times.")  # fmt: skip
    assert named_voices(titled) == {("Ana Ruiz", "Minister for Transport")}
    greets = ("Harbour Summit: opening address\n\nMr Tom Hale, Chairman of the Harbour Board\n\nProfessor Lena Ortiz, "
              "Dean of the Kappa Institute\n\nDistinguished guests,\n\nI think cranes help.")  # fmt: skip
    assert named_voices(greets) == set()  # whom the speech greets is no byline


def test_a_clause_about_a_person_is_no_role_of_theirs():
    text = ("TOM HALE: Welcome to Ana.\n\nANA RUIZ: I acknowledge the Compact, which Mr Hale was I think the author "
            "of, and which has worked well.\n\nTOM HALE: I believe the Compact will last.")  # fmt: skip
    assert People(text).find(["Hale"]).affiliation == ""


def test_an_apposition_may_open_with_an_age_and_a_body_before_a_role_hold_an_and():
    assert speaker_of("Rosa Pike, a 52-year-old ferry captain, thinks the timetable is the problem.") == (
        "Rosa Pike",
        "52-year-old ferry captain",
    )
    text = "Bookings are good, says Harbour and Ferry senior manager Ana Ruiz. Fares will rise, says Ruiz."
    assert People(text).find(["Ruiz"]).affiliation == "Harbour and Ferry senior manager"


def test_initials_labels_may_be_a_name_the_title_alone_gives():
    text = ("The Sunday Show 3rd June 2029 Ana Ruiz\n\nTH: Good morning, Ms Ruiz.\n\nAR: Good morning.\n\nTH: Will "
            "rents rise?\n\nAR: I think rents will level off by the spring.")  # fmt: skip
    assert label_names(text, "AR") == {"Ana Ruiz"}


def test_a_programme_named_with_a_particle_and_a_holiday_with_a_pronoun_after_it_are_no_people():
    text = ("The Board funds Kappa's Out of the Rain program.\n\nMany Out of the Rain users report problems.\n\n"
            "On Christmas Day, he plans to cook for four friends.")  # fmt: skip
    people = People(text)
    assert people.find(["Kappa", "Out"]) is None and people.find(["Out"]) is None
    day = people.find(["Christmas", "Day"])
    assert day is None or not day.affiliation  # "he plans to cook …" is no role of anyone's


def test_an_office_in_capitals_after_a_name_without_its_comma_is_the_role():
    text = "TOM HALE: Could I welcome Ana Ruiz the Trade Minister of Kappa to Harbour City.\n\nANA RUIZ: Thank you."
    assert People(text).find(["Ruiz"]).affiliation == "Trade Minister of Kappa"


def test_what_an_index_added_or_a_company_reported_is_no_speech():
    for figure in ("The Harbour Index added 0.4 per cent to 7,112.", "Birch Electronics reported a drop in profit."):
        assert speaker_of(figure)[0] == "", figure
    assert speaker_of("Ana Ruiz reported that rates would rise.")[0] == "Ana Ruiz"


def test_a_transcripts_note_on_what_it_is_is_not_read():
    text = ("Transcript: Ana Ruiz\n\nFollowing is the transcript of an interview with Ana Ruiz, held in Perth.\n\n"
            "TOM: What is going on?\n\nANA: I think there are shifts.\n\nTOM: Banks?\n\nANA: They lend.")  # fmt: skip
    assert not any(text[r.sentence.start :].startswith("Following") for r in voices.read(text, title_line=True))


def test_a_speaker_for_a_body_with_its_initials_and_a_comma_before_the_verb_keeps_the_body():
    assert speaker_of("Ana Ruiz for the Kappa Institute (KI), said rents would rise.") == (
        "Ana Ruiz",
        "Kappa Institute (KI)",
    )
    assert speaker_of("Tom Hale for the Harbour Board said rents would rise.") == ("Tom Hale", "Harbour Board")
    assert speaker_of("Residents of Port Alder see this as a betrayal, states a resolution.")[0] == ""


def test_debate_labels_of_singapore_and_new_zealand_hansards_with_a_seat_or_office_in_brackets():
    singapore = ("Harbour Dredging\n\nThe Minister for Ports (Ms Ana Ruiz): Mr Speaker, Sir, I think the work is "
                 "worth it.\n\nMr T.K. Hale (Kappa Bay): Sir, I think the cost will double.\n\nMs Ana Ruiz: Sir, "
                 "I believe the estimate is sound.\n")  # fmt: skip
    assert label_voices(singapore, "Mr T.K. Hale (Kappa Bay)") == {("T.K. Hale", "MP for Kappa Bay")}
    zealand = ("Harbour Finances\n\nHon MERE TANA (Minister of Ports): I believe the debt will fall.\n\n"
               "Ana Ruiz: Why did the Board miss its target?\n\nHon MERE TANA: In my view the target was "
               "unrealistic.\n")  # fmt: skip
    assert label_voices(zealand, "Hon MERE TANA") == {("Mere Tana", "Minister of Ports")}
    # the question a member puts to a minister is the member's label, and its premise nobody's fact
    asked = zealand.replace("\n\nHon MERE TANA (", "\n\n1. ANA RUIZ (Leader of the Opposition) to the Minister "
                            "of Ports: Does she stand by her statement?\n\nHon MERE TANA (", 1)  # fmt: skip
    assert [s.text for s in suggest(asked, True) if "Opposition" in s.text] == []
    # elsewhere a name with brackets is a journalist with the outlet
    press = ("Briefing\n\nANA RUIZ: I think rates will fall.\n\nTom Hale (Kappa Times): Will they?\n\n"
             "ANA RUIZ: I expect so.\n")  # fmt: skip
    assert label_names(press, "Tom Hale (Kappa Times)") == set()


def test_australian_senate_labels_end_in_a_dash_with_the_time():
    text = ("Committee Debate\n\nSenator HALE (Kappa\u2014Minister for Ports) (9.30 am)\u2014The government opposes "
            "it. I think it is a very poor way to help small ports.\n\nSenator Ruiz\u2014Nonsense!\n\n"
            "Senator HALE\u2014I expect the opposition to change its mind.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said for r in voices.read(text, title_line=True)}
    assert said["I think it is a very poor way to help small ports."].affiliation == "Minister for Ports"
    assert said["I expect the opposition to change its mind."].name == "Hale"


def test_a_treasurer_or_a_sheriff_before_a_name_is_a_title_and_a_short_quotation_with_its_attribution_no_heading():
    assert speaker_of("Treasurer Tom Hale said rents would climb.")[0] == "Tom Hale"
    assert speaker_of("“Rents will climb,” said Coast County Sheriff Leo Marsh.")[0] == "Leo Marsh"


def test_debate_labels_of_irish_canadian_and_south_african_hansards_name_their_members():
    irish = ("Harbour Questions\n\nDeputy Ana Ruiz: Will he fund the wall?\n\nThe Premier (Deputy Tom O’Hale): I "
             "believe the wall will last.\n\nDeputy Ana Ruiz: That is not good enough.\n\nThe Premier: I think it "
             "is.\n\nDeputy Lena Mac Varga: I doubt it.")  # fmt: skip
    assert label_names(irish, "The Premier (Deputy Tom O’Hale)") == label_names(irish, "The Premier") == {"Tom O’Hale"}
    assert label_names(irish, "Deputy Lena Mac Varga") == {"Lena Mac Varga"}
    minister = ("Ports\n\nDeputy Ana Ruiz: Will he act?\n\nMinister for Ports, Harbours and Heritage (Deputy Tom "
                "Hale): I think so.\n\nDeputy Ana Ruiz: No.\n\nDeputy Tom Hale: It will.")  # fmt: skip
    assert label_voices(minister, "Minister for Ports, Harbours and Heritage (Deputy Tom Hale)") == {
        ("Tom Hale", "Minister for Ports, Harbours and Heritage")
    }
    canadian = ("Question Period\n\nMr. Tom Hale (Kappa North, Ref.): Will the minister act?\n\n"
                "Hon. Ana Ruiz (Minister of Transport, Lib.): Mr. Speaker, I believe the dispute will be settled.\n\n"
                "Mr. Tom Hale (Kappa North, Ref.): Why not?\n\n"
                "Hon. Ana Ruiz (Minister of Transport, Lib.): I expect traffic to grow.")  # fmt: skip
    assert label_voices(canadian, "Hon. Ana Ruiz (Minister of Transport, Lib.)") == {
        ("Ana Ruiz", "Minister of Transport")
    }
    african = ("HARBOUR BILL (Debate)\n\nThe MINISTER OF PORTS AND HARBOURS: We believe the boards failed.\n\n"
               "Mr T J HALE: Hon Speaker, I think this Bill will weaken the boards.\n\n"
               "The MINISTER OF PORTS AND HARBOURS: I expect results within two years.\n\n"
               "The CHIEF WHIP OF THE MAJORITY PARTY: I move that the Bill be adopted.")  # fmt: skip
    assert label_voices(african, "The MINISTER OF PORTS AND HARBOURS") == {
        ("Minister of Ports and Harbours", "Minister of Ports and Harbours")
    }
    assert label_names(african, "Mr T J HALE") == {"T J Hale"}
    assert label_names(african, "The CHIEF WHIP OF THE MAJORITY PARTY") == {"Chief Whip of the Majority Party"}


def test_a_quotation_of_several_sentences_is_whoever_its_closing_attribution_names():
    text = (
        "Ana Ruiz and Tom Hale spoke on Monday. “The plan costs too much. It will fail within a year,” Ruiz said.\n\n"
        "“Prices will climb. Wages will not,” said Lina Varga, an economist at Delta University.\n\n"
        "“Rents will follow. Nobody can stop that,” she said."
    )
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text)}
    assert said["“The plan costs too much."] == "Ana Ruiz"
    assert said["“Prices will climb."] == said["Wages will not,” said Lina Varga, an economist at Delta University."]
    assert said["“Prices will climb."] == "Lina Varga" == said["“Rents will follow."]


def test_a_quotation_in_straight_double_or_single_marks_is_its_speakers_to_the_end():
    text = (
        'Levy notes\n\nAna Ruiz of the Kappa Institute said: "The levy held no surprises. This calm is unlikely '
        "to last. I expect costs to climb.\"\n\n'The levy is far too high for Kappa's exporters. It will push "
        "trade to Kappa Bay,' said Tom Hale.\n\nLena Varga's shop shut. It was the port's fault, she said."
    )
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["This calm is unlikely to last."] == said['I expect costs to climb."'] == "Ana Ruiz"
    assert said["'The levy is far too high for Kappa's exporters."] == "Tom Hale"
    assert said["Lena Varga's shop shut."] == ""
    # a single mark opening after the paragraph's start: "Ana Ruiz: 'This levy is a mistake. It will …'"
    text = "Levy notes\n\nAna Ruiz: 'This levy is a huge mistake. It will drive the ferries away.'\n"
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["Ana Ruiz", "Ana Ruiz"]


def test_she_said_after_a_quotation_naming_another_as_its_subject_is_the_one_quoted():
    text = ("Port dispute\n\nThe tariff was approved by the chairman of the Harbour Board, Tom Hale.\n\n"
            "Ana Ruiz, a lawyer at the Kappa Institute, has followed the case.\n\n\"This weakens the board. Hale "
            "adopted a position that was more political than legal\", she also said by telephone.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)][-2:] == ["Ana Ruiz", "Ana Ruiz"]


def test_she_said_after_a_quotation_the_sentences_subject_introduces_with_a_colon_is_the_subject():
    text = (
        "Port notes\n\n“The budget rests on guesses,” said Tom Hale, a scientist.\n\nAna Ruiz, an economist at "
        "Birch Bank, compared the slump with 1990 in a note: “Cargo is falling,” she said. “That is a risk.”"
    )
    said = {text[r.sentence.start : r.sentence.end][:12]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["Ana Ruiz, an"] == said["“That is a r"] == "Ana Ruiz"


def test_a_speech_verb_may_open_the_sentence_and_a_colon_may_close_the_apposition():
    text = (
        "Costs\n\nAna Ruiz and Tom Hale, an analyst at Kappa Bank, met.\n\n"
        "Added Tom Hale, “Rents will climb in most cities, and wages will not keep up.”\n"
    )
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["", "Tom Hale"]
    quoted = "Prices are too high, says Ana Ruiz, professor of economics: “They will climb.”"
    assert speaker_of(quoted) == ("Ana Ruiz", "professor of economics")


def test_q_and_a_answers_are_the_guest_the_first_question_introduces_and_initials_stay_in_a_titled_name():
    text = (
        "Kappa Talk\n\nTom Hale talks costs with Lina Varga on his radio show.\n\n"
        "Q:  Welcome back. We are joined today by Governor Ana Ruiz. Thank you for being here.\n\n"
        "A:  Thank you, Tom. I think rents will climb for another year, and wages will not keep up.\n\n"
        "Q:  Why?\n\nA:  Because building has stalled everywhere, and it will take years to recover."
    )
    answers = [r.said.name for r in voices.read(text, title_line=True) if r.block.label == "A"]
    assert answers == ["Ana Ruiz"] * 3
    titled = "Secretary Ruiz Interview with Kappa Radio\n\nQ: Ana Ruiz, welcome.\n\nA: Rents will climb.\n\nQ: Why?"
    assert {r.said.name for r in voices.read(titled, title_line=True)} == {"Ana Ruiz"}
    assert speaker_of("Secretary of State Ana M. Ruiz said rents will climb.") == ("Ana M. Ruiz", "Secretary of State")


def test_a_name_with_its_own_verb_after_a_speech_verb_is_what_is_reported_and_who_makes_one_name_a_person():
    text = "Costs\n\nAna Ruiz, the Governor, spoke on Monday.\n\nStaff left, saying Ana Ruiz had undermined the bank.\n"
    assert [r.said.kind for r in voices.read(text, title_line=True)][-1] != "person"
    assert speaker_of("The reaction comes from Ndaba, who says rents will surely climb.") == ("Ndaba", "")
    # Levin's correspond verbs (36.1) report a view: "agree", "argue", and "disagree"
    assert speaker_of("Tom Hale, an analyst, disagreed: “The peak is behind us.”") == ("Tom Hale", "analyst")
    # and so do "opined" and "averred", as Indian English news writes, and "reckons", "anticipates", "foresees"
    assert speaker_of("Tom Hale, an analyst, opined that rents would climb.") == ("Tom Hale", "analyst")
    # a participle's aside between the speaker and the verb
    according = "According to the Kappa Bank governor Ana Ruiz, inflation is likely to ease."
    assert speaker_of(according) == ("Ana Ruiz", "Kappa Bank governor")
    aside = "Costs\n\nTom Hale, an analyst, met us.\n\nHale, when asked about rents, said they would climb.\n"
    assert [r.said.name for r in voices.read(aside, title_line=True)] == ["", "Tom Hale"]


def test_a_subject_after_an_opening_phrase_is_whom_the_next_she_said_means_but_not_whose_staff_act():
    text = (
        "Costs\n\nTom Hale, an analyst, and Ana Ruiz, the Governor, met on Monday.\n\n"
        "In a telephone interview, Ruiz defended the cuts. “We are moving away from the old model,” she said.\n\n"
        "After the meeting, Hale’s staff left the room. “Rents will climb,” she said."
    )
    lasts = [r.last.name for r in voices.read(text, title_line=True)]
    assert lasts == ["Tom Hale", "Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Ana Ruiz"]


def test_hansards_name_lines_give_each_turn_to_the_minister_or_the_member_for_the_seat():
    text = (
        "Harbour Bill\n\nThe Minister for Harbours (Mr. Tom Hale)\n\n"
        "I beg to move that the Bill be read. It is a good Bill.\n\n"
        "Mrs. Ana Ruiz (Kappa North)\n\nThe Bill is far too timid, and the hon. Gentleman knows it.\n\n"
        "Mr. Hale\n\nI think the hon. Lady is wrong: the Bill will cut costs by a third."
    )
    said = [
        (text[r.sentence.start : r.sentence.end], r.said.name, r.said.affiliation)
        for r in voices.read(text, title_line=True)
    ]
    assert said[2:] == [
        ("The Bill is far too timid, and the hon. Gentleman knows it.", "Ana Ruiz", "MP for Kappa North"),
        ("I think the hon. Lady is wrong: the Bill will cut costs by a third.", "Tom Hale", "Minister for Harbours"),
    ]
    assert {name for _, name, _ in said[:2]} == {"Tom Hale"}


def test_a_letters_salutation_is_no_introduction_and_the_letter_is_its_writers():
    text = (
        "Press freedom\n\nAna Ruiz, director of the Kappa Press Council, wrote a letter to President Tom Hale:\n\n"
        "Dear President Hale:\n\nWe are deeply concerned that the new law will silence most independent papers.\n"
    )
    assert [r.said.name for r in voices.read(text, title_line=True)][-1] == "Ana Ruiz"


def test_an_office_label_is_the_guest_the_interviewer_thanks_by_name_not_another_holder_of_the_title():
    text = (
        "Interview on the crisis\n\nHALE: Good evening. Banks are failing. What now?\n\n"
        "PM: I spoke to Prime Minister Lina Varga this morning. I think our banks will hold up well.\n\n"
        "HALE: Ana Ruiz, thanks for talking to us.\n\nPM: Thank you, Tom.\n"
    )
    said = {(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True) if r.block.label == "PM"}
    assert said == {("Ana Ruiz", "PM")}  # the office as the text gives her it: by her label


def test_a_body_before_or_after_a_name_in_brackets_between_commas_or_a_relative_clause_is_the_affiliation():
    said = {
        "Harbour Bank's Ana Ruiz said costs would probably rise.": ("Ana Ruiz", "Harbour Bank"),
        "Ana Ruiz (Harbour Bank) said costs would probably rise.": ("Ana Ruiz", "Harbour Bank"),
        "Ana Ruiz, from Harbour Bank, said costs would probably rise.": ("Ana Ruiz", "Harbour Bank"),
        "Ana Ruiz, who heads the Harbour Bank, said costs would probably rise.": ("Ana Ruiz", "heads the Harbour Bank"),
        "Ana Ruiz, who is a lecturer at Kappa College, said costs would probably rise.": (
            "Ana Ruiz", "lecturer at Kappa College"),
        "Ana Ruiz of the blog Harbour Voices wrote that costs would probably rise.": (
            "Ana Ruiz", "blog Harbour Voices"),
        "Ana Ruiz, who writes for the Harbour Times, said costs would probably rise.": (
            "Ana Ruiz", "writes for the Harbour Times"),
        "Activist Ana Ruiz of the Harbour Movement said costs would probably rise.": ("Ana Ruiz", "Harbour Movement"),
        # a role before the name that names a body says who she is; a relative clause only what she does
        "Harbour Board manager Ana Ruiz, who leads the project with the Kappa Institute, said costs would rise.": (
            "Ana Ruiz", "Harbour Board manager"),
        "Economist Ana Ruiz, who heads the Harbour Bank, said costs would probably rise.": (
            "Ana Ruiz", "heads the Harbour Bank"),
        # a relative clause that names no body is no affiliation; one word after a possessive is no full name
        "Ana Ruiz, who chairs the committee, said costs would probably rise.": ("Ana Ruiz", ""),
    }  # fmt: skip
    for sentence, who in said.items():
        assert speaker_of(sentence) == who, sentence
    assert People("The Sea Agency's Harbour approved it.").find(["Harbour"]) is None


def test_a_view_framed_as_someones_view_an_aside_put_it_or_the_role_noun_keeps_its_speaker():
    intro = "Ana Ruiz, an economist at Kappa Bank, said growth was slowing.\n\n"
    for sentence in ("In Ruiz's view, prices will rise.", "In her view, prices will rise.",
                     "Ruiz, for her part, said prices would rise.", "As Ruiz put it, prices will rise.",
                     "The economist expects prices to rise.",
                     "According to a post by Ana Ruiz on Kappa Voices, prices will rise."):  # fmt: skip
        said = list(voices.read("Prices\n\n" + intro + sentence + "\n", title_line=True))[-1].said
        assert said.name == "Ana Ruiz", sentence


def test_a_title_naming_a_person_then_their_office_gives_every_label_of_theirs_both():
    for label in ("MR. RUIZ:", "RUIZ:", "Ms Ruiz:", "MS. RUIZ. "):
        text = (f"Press Briefing by Ana Ruiz, Secretary of the Treasury\n\n{label} Growth will probably slow.\n\n"
                f"Q: Will rates rise?\n\n{label} I think rates will probably stay where they are.\n")  # fmt: skip
        said = named_voices(text)
        assert said == {("Ana Ruiz", "Secretary of the Treasury")}, label
    # in a title set in sentence case, the office in lower case
    text = ("Interview with Tom Hale, chief economist of the Harbour Board\n\nHOST: Welcome.\n\n"
            "HALE: I think the port will probably grow.\n\nHOST: Why?\n\nHALE: Trade will recover.\n")  # fmt: skip
    assert named_voices(text) == {("Tom Hale", "chief economist of the Harbour Board")}
    text = ("Press briefing by Harbour Board spokesperson Ana Ruiz\n\nMS. RUIZ: Growth will probably slow.\n\n"
            "Q: Will rates rise?\n\nMS. RUIZ: I think rates will probably stay where they are.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "Harbour Board spokesperson")}
    # a list of titled people is no name and office: "Vice President Ruiz" keeps her title
    text = ("Remarks by Vice President Ruiz, Secretary of the Treasury Hale, and Mayor Lee\n\n"
            "THE VICE PRESIDENT:  Growth will probably slow.\n")  # fmt: skip
    assert next(voices.read(text, title_line=True)).said.name != "Vice President Ruiz"


def test_the_press_asks_under_any_usual_label_and_none_of_its_questions_is_read():
    for asks in ("Q.  ", "Q ", "Q (Reuters): ", "SMITH (Reuters): ", "Mr. Smith (Reuters): ", "REPORTER: "):
        text = (f"Press Briefing by Ana Ruiz, Secretary of the Treasury\n\nMR. RUIZ: Growth will probably slow.\n\n"
                f"{asks}Many economists think so. Do you?\n\nMR. RUIZ: I think rates will probably stay.\n\n"
                f"{asks}They said so. Will prices fall?\n\nMR. RUIZ: Prices will probably fall.\n")  # fmt: skip
        read = [text[r.sentence.start : r.sentence.end] for r in voices.read(text, title_line=True)]
        assert read == [
            "Growth will probably slow.",
            "I think rates will probably stay.",
            "Prices will probably fall.",
        ], asks


def test_a_q_with_one_space_asks_only_among_other_labels():
    text = "Streets\n\nQ Street will close, said Ana Ruiz, the mayor.\n\nShe said it would probably reopen.\n"
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["Ana Ruiz", "Ana Ruiz"]
    # a question's premise without its question mark is the press's, not whom it quotes
    text = ("Press Briefing by Ana Ruiz, Secretary of the Treasury\n\nMS. RUIZ: Growth will probably slow.\n\n"
            "Q Councillor Tom Hale says the wall is a waste of money.\n\nMS. RUIZ: He is wrong.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["Ana Ruiz", "Ana Ruiz"]


def test_names_keep_their_particles_and_letters_after_a_name_are_what_the_person_is():
    said = {
        "Ana von der Hale, president of the Harbour Board, said costs would probably rise.": (
            "Ana von der Hale", "president of the Harbour Board"),
        "Ana de la Cruz said costs would probably rise.": ("Ana de la Cruz", ""),
        "Ana Ruiz MP said costs would probably rise.": ("Ana Ruiz", "MP"),
    }  # fmt: skip
    for sentence, who in said.items():
        assert speaker_of(sentence) == who, sentence


def test_an_aside_before_the_verb_hides_no_speaker_and_the_central_banker_is_who_the_text_named():
    aside = "Costs\n\nAna Ruiz, speaking by video link from Geneva, said costs would probably rise.\n"
    assert next(voices.read(aside, title_line=True)).said.name == "Ana Ruiz"
    role = ("Costs\n\nAna Ruiz, governor of the Harbour Bank, spoke on Monday.\n\n"
            "The central banker said costs would probably rise.\n")  # fmt: skip
    assert list(voices.read(role, title_line=True))[-1].said.name == "Ana Ruiz"


def test_she_said_is_not_the_man_named_last_when_the_text_gives_both_genders():
    text = ("Growth\n\nMs. Ana Ruiz, an economist at Kappa Bank, said costs would probably rise. "
            "Mr. Tom Hale, a trader, disagreed.\n\nShe said prices would probably fall.\n\n"
            "He said they would not.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)][2:] == ["Ana Ruiz", "Tom Hale"]
    untitled = text.replace("Ms. Ana Ruiz", "Ana Ruiz").replace("Mr. Tom Hale", "Tom Hale")
    assert [r.said.name for r in voices.read(untitled, title_line=True)][2:] == ["Tom Hale", "Tom Hale"]  # no clue


def test_a_body_after_the_role_between_commas_as_a_press_release_gives_it_is_in_the_affiliation():
    assert speaker_of("Ana Ruiz, Chief Economist, Kappa Bank, said costs would probably rise.") == (
        "Ana Ruiz", "Chief Economist, Kappa Bank")  # fmt: skip
    assert speaker_of("Costs would rise, said Ana Ruiz, Member and Governor, Port Bank of Lisbon, in a note.") == (
        "Ana Ruiz", "Member and Governor, Port Bank of Lisbon")  # fmt: skip
    assert speaker_of("Ana Ruiz, Chief Economist, Tom Hale, said costs would probably rise.")[0] == "Tom Hale"


def test_a_us_hearings_title_and_surname_labels_with_a_colon_or_a_stop_are_the_witness_the_title_names():
    turns = [("Mr. RUIZ", "How much silt did the Board remove?"), ("Mr. HALE", "I think the programme is underfunded."),
             ("Mr. RUIZ", "And the budget?"), ("Mr. HALE", "It will probably fall a season behind.")]  # fmt: skip
    for stop in (":", "."):
        text = "Dredging Inquiry: Testimony of Tom Hale\n\n" + "\n\n".join(f"{a}{stop} {b}" for a, b in turns) + "\n"
        assert {b.label for b in blocks(text)[1:]} == {"Mr. RUIZ", "Mr. HALE"}, stop
        assert label_names(text, "Mr. HALE") == {"Tom Hale"}, stop


def test_a_degree_after_a_name_is_skipped_and_a_places_second_part_is_no_speaker():
    assert speaker_of("Costs will rise, said Ana Ruiz, M.D., professor of cardiology at the Kappa Institute.") == (
        "Ana Ruiz", "professor of cardiology at the Kappa Institute")  # fmt: skip
    assert speaker_of("Tom Hale, PhD, chief scientist of the Harbour Fund, said costs would probably rise.") == (
        "Tom Hale", "chief scientist of the Harbour Fund")  # fmt: skip
    assert speaker_of("Tom Hale, director of the Ocean Centre in Portland, Oregon, said costs would rise.")[0] == (
        "Tom Hale")  # fmt: skip


def test_research_news_drs_a_generation_suffix_an_article_before_the_name_and_a_bodys_and():
    text = "Kidneys\n\nThe device was built with the help of Drs. Tom Hale and Mia Lund from the Kappa Hospital.\n"
    assert len([s for b in blocks(text) for s in b.sentences]) == 2  # the title and one sentence
    text = ("Scans\n\nScans are cheap, said Dr. Tom B. Hale III, chief of radiology at the Kappa Centre.\n\n"
            "Screening will probably save lives, Hale said.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["Tom B. Hale", "Tom B. Hale"]
    assert speaker_of("“It is working beautifully,” says an elated Dr. Tom Hale.")[0] == "Tom Hale"
    assert speaker_of("Costs will rise, said the former Kappa Bank governor Ana Ruiz.")[0] == "Ana Ruiz"
    assert speaker_of("Costs will rise, says an official in Addis.")[0] == ""
    assert speaker_of("Costs will rise, said Ana Ruiz and Tom Hale, from the Centre for Care and Outcomes.")[0] != (
        "Outcomes")  # fmt: skip


def test_a_body_after_a_comma_at_the_sentences_end_or_before_the_verb_and_a_lead_are_affiliations():
    assert speaker_of("Shippers will leave, said Ana Ruiz, from the Lisbon-based Kappa Institute.") == (
        "Ana Ruiz", "Lisbon-based Kappa Institute")  # fmt: skip
    assert speaker_of("“The increase is badly timed,” Tom Hale, of the Freight Owners Association said.") == (
        "Tom Hale", "Freight Owners Association")  # fmt: skip
    assert speaker_of("Damage depends on size, says Tom Hale, policy lead at the Kappa Federation.") == (
        "Tom Hale", "policy lead at the Kappa Federation")  # fmt: skip


def test_a_deflection_a_summary_reports_and_timing_put_off_are_no_rules_assessment():
    ruiz = Speaker("person", "Ana Ruiz", "spokesperson", "reported")
    for clause in ("Ms. Ruiz said they could not yet confirm which ports the Chair would visit.",
                   "Ms. Ruiz said the Chair would send the invitations in due course."):  # fmt: skip
        assert classify(clause, ruiz, in_transcript=False) is None, clause
    assert classify("Ms. Ruiz said the Chair would probably visit the ports.", ruiz, in_transcript=False)


def test_a_briefings_word_on_itself_is_nobodys_fact():
    for clause in ("Lena Moss of the Information Office chaired the hybrid briefing, attended by the Harbour Board.",
                   "As usual, this briefing is embargoed until 11 a.m. local time.",
                   "We will also have a background briefing at 4 p.m. in this room."):  # fmt: skip
        assert classify(clause, NOBODY, in_transcript=False) is None, clause
    assert classify("The summit on 4 May was attended by 40 heads of state.", NOBODY, in_transcript=False)


def test_a_committees_question_number_before_the_label_is_no_part_of_it():
    text = ("Harbour Committee Oral evidence\n\nQ14  Chair: Welcome. Dr Ruiz, could you start?\n\n"
            "Dr Ruiz: I think the budget is far too small.\n\nQ15  Chair: Mr Hale, do you agree?\n\n"
            "Mr Hale: I doubt it will last.\n")  # fmt: skip
    assert [b.label for b in blocks(text)][1:] == ["Chair", "Dr Ruiz", "Chair", "Mr Hale"]


def test_a_view_framed_as_the_speakers_own_is_the_rules_assessment():
    ruiz = Speaker("person", "Ana Ruiz", "economist", "label")
    for clause in ("In my view, the port authority acted within its powers", "I am confident the port stays open"):
        assert classify(clause, ruiz, in_transcript=True)[0] == "expert_assessment", clause


def test_a_study_named_inside_a_quotation_is_the_quoted_speakers_word_not_the_attribution():
    text = ("Eye drugs\n\n\u201cThese results will help doctors,\u201d said Ana Ruiz, the lead author. \u201cThe study "
            "suggests there is little benefit in the costlier drug. However, severe cases may do better.\u201d\n\n"
            "\u201cJust as we give iron early, the research suggests it is best to start early. This could change "
            "treatment,\u201d said Tom Hale.\n")  # fmt: skip
    said = [r.said.name for r in voices.read(text, title_line=True)]
    assert said == ["Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Tom Hale", "Tom Hale"]


def test_the_pages_word_to_its_reader_is_no_fact_but_a_quoted_tweet_may_be():
    for clause in ("Follow @KappaNews and #Kappa26 for the latest news from the 2026 meeting.",
                   "View a video of the 2026 trial at https://example.org/trial.",
                   "For more information, please visit the Kappa Society's 2026 meeting page."):  # fmt: skip
        assert classify(clause, NOBODY, in_transcript=False) is None, clause
    assert classify("@KappaNews: 12 ports closed on 4 May 2026.", NOBODY, in_transcript=False)


def test_an_apposition_or_relative_clause_missing_its_closing_comma_still_names_the_subject():
    assert speaker_of("Ana Ruiz, a social worker from Delta said the lack of jobs is bad.") == (
        "Ana Ruiz", "social worker from Delta")  # fmt: skip
    assert speaker_of("Ana Ruiz, a social worker who also chairs the Delta Council said jobs are scarce.")[0] == (
        "Ana Ruiz")  # fmt: skip
    assert speaker_of("Tom Hale, who is the cousin of the Lind brothers told reporters, “It is a disgrace.”")[0] == (
        "Tom Hale")  # fmt: skip
    assert People("Jobs went when the Delta Paper Mill closed.").find(["Delta", "Paper", "Mill"]) is None


def test_a_round_up_of_experts_name_line_over_a_role_line_announces_their_section_even_once():
    text = ("Questions for 2027\n\nWe asked our researchers what they will watch.\n\n1. Dredging\n\nAna Ruiz\n\n"
            "Senior Fellow, Port Economics\n\nThe dredging plan will probably run over budget.\n\n2. Tariffs\n\n"
            "Tom Hale\n\nDirector, Trade Program\n\nThe levy is likely to push exporters away.\n\n3. Cover\n\n"
            "Mia Chen\n\nChief Economist\n\nPremiums will almost certainly double by 2028.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: (r.said.name, r.said.affiliation)
            for r in voices.read(text, title_line=True)}  # fmt: skip
    assert said["The dredging plan will probably run over budget."] == ("Ana Ruiz", "Senior Fellow, Port Economics")
    assert said["Premiums will almost certainly double by 2028."] == ("Mia Chen", "Chief Economist")
    assert "Senior Fellow, Port Economics" not in said  # the role line is no statement


def test_a_premodified_role_of_two_lower_case_words_and_an_office_before_a_comma_on_the_names_line():
    assert speaker_of("Kappa Bank co-chief investment officer Ana Ruiz said the boom is risky.") == (
        "Ana Ruiz", "Kappa Bank co-chief investment officer")  # fmt: skip
    assert speaker_of("Kappa Bank hired investment officer Ana Ruiz, who said costs will rise.")[1] == (
        "investment officer")  # a verb in the past is no part of it  # fmt: skip
    text = ("Trade expected to grow\n\nSecretary of the Department of Harbour Services, T. Hale, said trade "
            "will probably grow.\n")  # fmt: skip
    assert named_voices(text) == {("T. Hale", "Secretary of the Department of Harbour Services")}


def test_the_next_item_of_a_list_of_people_is_no_apposition_of_the_one_before():
    text = ("Who will chair?\n\nThree candidates\u2014former mayor Ana Ruiz, Harbour Minister Tom Hale, and former "
            "councillor Mia Chen\u2014are vying for the chair.\n\nHale has said the levy is too high.\n")  # fmt: skip
    assert named_voices(text) == {("Tom Hale", "Harbour Minister")}


@pytest.mark.parametrize(
    ("sentence", "who"),
    [
        # a role with a prefix, and a possessive's role of three words before the name's comma
        ("Leo Marsh, co-founder of Kappa, wrote that the gates were probably closed.",
         ("Leo Marsh", "co-founder of Kappa")),
        ("The city's only independent harbour pilot, Ana Ruiz, said fees are too high.",
         ("Ana Ruiz", "city's only independent harbour pilot")),
        # a person of a lower-case unit of a body, or of a body with a relative clause after it
        ("Tom Hale of the department of botany at Lindell University said the bog is safe.",
         ("Tom Hale", "department of botany at Lindell University")),
        ("Tom Hale of Lindell University, who was not involved in the study, said the bog is safe.",
         ("Tom Hale", "Lindell University")),
        # the relative clause after a role is what the person did, not what they are (nor what they are not)
        ("Tom Hale, an ecologist at Lindell University who was not involved, said the bog is safe.",
         ("Tom Hale", "ecologist at Lindell University")),
        # what a scholar or an adviser does at a body, also after a role; a body's unit after its possessive; a firm
        ("Ana Ruiz, who studies shipping at Lindell University, said delays will probably grow.",
         ("Ana Ruiz", "studies shipping at Lindell University")),
        ("Ana Ruiz, an economist who advises the Harbour Board, said delays will probably grow.",
         ("Ana Ruiz", "economist who advises the Harbour Board")),
        ("“Delays will probably grow,” said Ana Ruiz from Lindell University’s School of Economics.",
         ("Ana Ruiz", "Lindell University’s School of Economics")),
        ("Ana Ruiz, of Kappa Capital, said delays will probably grow.", ("Ana Ruiz", "Kappa Capital")),
        # a body alone in apposition, with its town, as a press release gives it (but a list of people is no body)
        ("Dr Ana Ruiz, Harbour University, Northport, says delays will probably grow.",
         ("Ana Ruiz", "Harbour University, Northport")),
        ("Dr Ana Ruiz, University of Lund, says delays will probably grow.", ("Ana Ruiz", "University of Lund")),
        ("Ana Ruiz, Tom Hale, said delays will probably grow.", ("Tom Hale", "")),
        ("Ana Ruiz, who owns a bakery called Crumb and Co, said delays will probably grow.",
         ("Ana Ruiz", "owns a bakery called Crumb and Co")),
        ("Ana Ruiz, of Lund, said delays will probably grow.", ("Ana Ruiz", "")),  # (a home town is no body)
        # a body's possessive before the role, whichever its apostrophe; a unit "at" its body after the role; an
        # abbreviation inside the role
        ("Delta Capital's head of planning, Tom Hale, said delays will probably grow.",
         ("Tom Hale", "Delta Capital's head of planning")),
        ("Delta Lines' head of planning, Tom Hale, said delays will probably grow.",
         ("Tom Hale", "Delta Lines' head of planning")),
        ("Delays will probably grow, said Ana Ruiz, Chair, Department of Economics at Lindell University.",
         ("Ana Ruiz", "Chair, Department of Economics at Lindell University")),
        ("Delays will probably grow, said Dr Ana Ruiz, assistant U.S. Surgeon General.",
         ("Ana Ruiz", "assistant U.S. Surgeon General")),
        # a firm's officer by the office's initials
        ("Ana Ruiz, Kappa Rail’s VP of Engineering, said delays will probably grow.",
         ("Ana Ruiz", "Kappa Rail’s VP of Engineering")),
        # a round-up's quotation line after an office of something and the name
        ("Secretary of Trade Tom Hale: “We now have to face that together, and it will probably cost us.”",
         ("Tom Hale", "Secretary of Trade")),
        # a participle's subject with a body's role before the name ("stating" as "saying")
        ("Speaking to reporters, Board chairman Tom Hale was hopeful, stating that growth will probably slow.",
         ("Tom Hale", "Board chairman")),
        # a role or a kinship after the speech verb, then the name in apposition
        ("“Delays will probably grow,” said the mayor, Ana Ruiz.", ("Ana Ruiz", "mayor")),
        ("“Delays will probably grow,” said her mother, Ana Ruiz, a nurse.", ("Ana Ruiz", "nurse")),
        ("“Delays will probably grow,” said the mayor, Kappa Bank and the Harbour Board.", ("", "")),
    ],
)  # fmt: skip
def test_a_prefixed_or_possessives_role_and_a_person_of_a_bodys_unit_or_of_a_body_with_a_relative_clause(
    sentence: str, who: tuple[str, str]
) -> None:
    assert speaker_of(sentence) == who


def test_an_earnings_calls_name_lines_with_a_dash_give_the_role_and_an_analysts_or_the_operators_turns_ask():
    text = ("Kappa Freight Q2 2024 Earnings Call Transcript\n\nOperator\n\nGood morning, and welcome to the call.\n\n"
            "Ana Ruiz -- Chief Executive Officer\n\nI believe our margins have bottomed out.\n\n"
            "Tom Hale -- Harbour Securities -- Analyst\n\nYou guide to 6% growth. I think that is too low. Is it?\n\n"
            "Ana Ruiz -- Chief Executive Officer\n\nI think it is conservative.\n")  # fmt: skip
    said = [(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True)]
    assert said == [("Ana Ruiz", "Chief Executive Officer")] * 2


def test_minutes_signed_sections_are_their_members_and_a_body_after_the_role_may_end_the_sentence():
    text = ("Minutes of the Rates Committee\n\n1. Present: Dr. Ana Ruiz, Professor, Kappa Institute; Prof. Tom Hale, "
            "Director, Harbour Board.\n\nStatement by Dr. Ana Ruiz\n\n2. I expect inflation to ease next year.\n\n"
            "Statement by Prof. Tom Hale\n\n3. A real rate this high could tip us into recession.\n")  # fmt: skip
    said = [(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True) if r.said.name]
    assert said == [("Ana Ruiz", "Professor, Kappa Institute"), ("Tom Hale", "Director, Harbour Board")]
    assert speaker_of("The port is the weak link, said Ana Ruiz, Acting Director, Kappa Institute Harbour Office.") == (
        "Ana Ruiz", "Acting Director, Kappa Institute Harbour Office")  # fmt: skip


def test_a_headings_why_is_no_first_name_and_minutes_or_a_post_saying_what_they_are_is_no_fact():
    text = ("Kappa Holdings 2022 Annual Meeting\n\n1. Why Ruiz prefers cash\n\n"
            "ANA RUIZ: I think cash will be worth more to us next year.\n\nTOM HALE: I doubt it.\n")  # fmt: skip
    assert {r.said.name for r in voices.read(text, title_line=True) if r.block.label} == {"Ana Ruiz", "Tom Hale"}
    clause = "These are the minutes of the Rates Committee meeting ending on 4 March 2030."
    assert classify(clause, NOBODY, in_transcript=False) is None
    # nor what a text says of itself (Hyland's frame markers); but a fact said again is one
    for clause in ("This post reviews the six port trends we picked in 2025.",
                   "Before turning to dredging, it is worth reviewing the 2025 figures."):  # fmt: skip
        assert classify(clause, NOBODY, in_transcript=False) is None, clause
    assert classify("As noted above, 12 ports closed in 2025.", NOBODY, in_transcript=False)
    # nor what a programme says of itself
    for clause in ("It's the 3rd of May, and you're listening to Harbour Hour, a series from the Kappa Institute.",
                   "Just a heads-up - this is episode 2 of a three-part series on port fees.",
                   "So here's the show from March 2024.", "Today on the show, we count 4,000 containers."):  # fmt: skip
        assert classify(clause, NOBODY, in_transcript=True) is None, clause
    # nor a committee record's header, whatever the fact model says
    text = ("Examination of Witnesses\n\nMembers present: Ana Ruiz (Chair), Tom Hale, Lena Obi, Omar Sade, Mr Paul "
            "Kemp, Rita Vance, Mr Ian Moss, Sara Dunn, Mr Leo Grant, Nina Park\n\nWitnesses: Carl Weiss, Chairman, "
            "Harbour Board, Dana Frey CBE, Member, Dredging Committee, Harbour Board, and Owen Pike CBE, Member, "
            "Dredging Committee, Harbour Board, gave evidence.\n\nQ1 Chair: Welcome. How far do you trust the "
            "forecast?\n\nCarl Weiss: I think it is the best we have.\n\nQ2 Chair: Why?\n\nCarl Weiss: The surveys "
            "are out of date.\n")  # fmt: skip
    said = [t for v in verdicts(text, surely_facts()) for t in v]
    assert said and not [t for t in said if t[1].startswith(("Members", "Witnesses"))]


def test_whom_an_operator_calls_to_ask_is_the_press():
    text = ("Kappa Q1 2024 Earnings Call\n\nOperator: The next question is from the line of Tom Hale from Lambda "
            "Capital.\n\nTom Hale: Thanks. I think demand in Europe held up better. Is that continuing?\n\n"
            "Ana Ruiz: We expect it to stay firm.\n\nOperator: Thank you.\n")  # fmt: skip
    assert {r.said.name for r in voices.read(text, title_line=True) if r.said.name} == {"Ana Ruiz"}


def test_a_news_storys_name_then_colon_then_quotation_is_that_persons():
    assert speaker_of("Tom Hale: 'The council is gambling with the harbour and will lose.'")[0] == "Tom Hale"
    assert speaker_of("Tom Hale: \u201cThe council will probably lose.\u201d")[0] == "Tom Hale"


def test_whom_a_speaker_accuses_is_no_speaker_and_a_pronoun_inside_the_quotation_says_no_gender():
    text = ("Ferry\n\nTom Hale does not think the plan will pay. He also accused Ana Ruiz of hiding the costs.\n\n"
            "\u201cShe could not say what a crossing would cost,\u201d he said.\n\n"
            "The Harbour Board criticized Ana Ruiz for a leaflet that called the ferry wonderful.\n")  # fmt: skip
    said = [r.said.name for r in voices.read(text, title_line=True)]
    assert said[1:] == ["Tom Hale", "Tom Hale", ""]


def test_former_before_a_title_and_a_titles_abbreviation_inside_an_apposition_stay_in_the_affiliation():
    assert speaker_of("“The levy is wrong,” former Prime Minister Tom Hale said.") == (
        "Tom Hale",
        "former Prime Minister",
    )
    assert speaker_of("“It does not add up,” said Ben Ortiz, a former adviser to Sen. Mia Brandt.") == (
        "Ben Ortiz", "former adviser to Sen. Mia Brandt")  # fmt: skip


def test_he_said_means_the_one_person_the_sentence_before_names_or_the_sentences_own_subject():
    text = ("Levy\n\n\u201cThe board misjudged it,\u201d said Ana Ruiz.\n\nThe strongest objection came in the "
            "opening speech of Tom Hale. \u201cThis levy will empty the high street,\u201d he said.\n\n"
            "Mayor Joe Lin tried to win the rebels over as he told them the levy would probably pay.\n")  # fmt: skip
    said = [r.said.name for r in voices.read(text, title_line=True)]
    assert said == ["Ana Ruiz", "", "Tom Hale", "Joe Lin"]


def test_people_quoted_as_supporters_delegates_biographers_voters_or_masters_have_that_role():
    for role in ("Kappa Party supporter", "delegate from Port Alder", "Hale biographer", "first-time voter"):
        assert speaker_of(f"“The council has lost touch,” said Ivo Berg, a {role}.") == ("Ivo Berg", role), role
    assert speaker_of("Former harbour master Lena Cruz said the new berths would never fill.") == (
        "Lena Cruz", "Former harbour master")  # fmt: skip


def test_a_participles_aside_between_dashes_hides_no_speaker():
    sentence = "Mia Brandt – dropped from the council in May – wrote: “It is reckless to borrow more.”"
    assert speaker_of(sentence)[0] == "Mia Brandt"


def test_the_judge_is_whom_the_text_titles_judge_not_the_last_speaker():
    text = ("Levy\n\nThe opinion, by Judge Ana Ruiz of the District Court, ran to 300 pages.\n\n"
            "Mayor Tom Hale welcomed it. He said that \u201cthe ruling shows the levy is fair.\u201d\n\n"
            "In her ruling, the judge suggested that the old tariff had probably been unfair.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)][-1] == "Ana Ruiz"


def test_a_digests_outlet_before_a_long_headline_is_no_speakers_label():
    text = "Morning Digest\n\n" + "".join(
        f"{outlet}: {headline}\n\n{story}\n\n"
        for outlet, headline, story in (
            ("The Kappa Times", "Harbour Fees Likely To Climb Again As Board Weighs Further Increases",
             "Further rises could push shippers out."),
            ("KNA", "Ferry Operators Warn Timetables Could Be Cut In Half By Winter", "Timetables might be cut."),
            ("The Kappa Times", "Island Schools Face Teacher Shortage As Enrolment Keeps Rising Fast",
             "The shortage will probably get worse."),
            ("KNA", "Grain Prices Expected To Ease After Record Harvest Across The Region", "Prices should ease."),
        )
    )  # fmt: skip
    assert {r.said.name for r in voices.read(text, title_line=True)} == {""}


def test_a_street_a_theme_park_or_a_region_is_no_person_and_its_first_word_names_no_one_later():
    text = ("Parks go green\n\nVisitors pass solar panels on Lantern Drive at Kappa World.\n\n"
            "Kappa said in its annual report that it hopes to halve its water use.\n")  # fmt: skip
    people = People(text, True)
    assert people.find(["Lantern", "Drive"]) is None and people.find(["Kappa", "World"]) is None
    assert People("Trade runs through Western Kappa. Is Kappa a rival?").find(["Western", "Kappa"]) is None
    assert [r.said.name for r in voices.read(text, people, title_line=True)] == ["", ""]


def test_the_spokesperson_the_text_brought_in_without_a_name_is_nobody_named_not_the_last_speaker():
    text = ("Sea wall\n\n\u201cThe wall is overdue,\u201d said Ana Ruiz, an engineer at the Kappa Institute.\n\n"
            "The cost should be shared, said a spokesperson from the Ministry of Water. The town has no choice but "
            "to invest, the spokesperson said.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["Ana Ruiz", "", ""]
    named = text.replace("a spokesperson from the Ministry of Water", "Tom Hale, a spokesperson for the Ministry")
    assert [r.said.name for r in voices.read(named, title_line=True)] == ["Ana Ruiz", "Tom Hale", "Tom Hale"]


def test_radio_and_court_forms_a_hosts_label_a_lawyer_for_someone_a_spelled_out_forecast_and_rupees():
    text = ("Borrowed money\n\nTOM HALE, HOST:\n\nThe harbour now runs on borrowed money, which is dangerous.\n\n"
            "ANA RUIZ: The fee rise will probably push the small operators out by winter.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["", "Ana Ruiz"]
    assert speaker_of("A lawyer for the families, Ana Ruiz, said she expected failings.") == (
        "Ana Ruiz", "lawyer for the families")  # fmt: skip
    from briefing_app.core.suggest import stance

    assert stance.forecast("By the end of this year we expect around four million dollars a week more")
    assert stance.forecast("And this year, we expect to have 900 more berths by the end of the year.")
    assert not stance.forecast("We expect to announce the 3 winners shortly.")  # a plan, with no time to come
    assert speaker_of("The regime was probably under-resourced, said Tom Hale QC, counsel to the inquiry.") == (
        "Tom Hale", "counsel to the inquiry")  # fmt: skip
    text = "The fine was Rs. 20,000 for each offence. Nobody paid."
    assert len([s for b in blocks(text) for s in b.sentences]) == 2


def test_a_radio_hosts_introductions_give_the_guests_roles():
    text = ("Locks\n\nANA RUIZ, HOST: We called an expert. His name is Tom Hale, and he teaches cryptography at Kappa "
            "University.\n\nTOM HALE: The old locks will probably fall within a year.\n\nRUIZ: Chief economist with "
            "Harbour Capital Ben Okafor is more cautious.\n\nBEN OKAFOR: My view is that they will last.\n\n"
            "RUIZ: My friend Lena Obi, who is not a lawyer, disagrees.\n\nLENA OBI: I doubt it.\n")  # fmt: skip
    said = {r.said.name: r.said.affiliation for r in voices.read(text, title_line=True) if r.said.name}
    assert said == {"Tom Hale": "teaches cryptography at Kappa University",
                    "Ben Okafor": "Chief economist with Harbour Capital", "Lena Obi": ""}  # fmt: skip


def test_someone_among_those_who_believe_is_the_speaker_even_in_a_reporters_turn():
    text = ("Ports\n\nTOM HALE: Fees are rising.\n\nMAYA LUND: Thanks.\n\nTOM HALE: Ana Ruiz, of the Kappa "
            "Institute, is among those who believe the Board is too optimistic.\n\nMAYA LUND: Thanks.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end][:8]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["Ana Ruiz"] == "Ana Ruiz"


def test_an_apposition_on_the_apposition_hides_no_speaker():
    sentence = "Tom Hale, director of the Kappa Institute, a food policy group, said the cuts will probably hurt."
    assert speaker_of(sentence) == ("Tom Hale", "director of the Kappa Institute")


def test_a_records_time_stamp_and_printing_order_are_no_facts():
    text = ("Harbour Committee Oral evidence\n\nOrdered by the House of Commons to be published on 5 March 2026.\n\n"
            "10:15 a.m.\n\nThe Board removed 40,000 tonnes of silt in 2025.\n")  # fmt: skip
    assert [s.text for s in suggest(text)] == ["The Board removed 40,000 tonnes of silt in 2025."]


def test_a_first_name_an_editor_put_in_brackets_is_the_speakers():
    text = "Fisheries\n\nSubsidies will probably empty the bays within a decade, Mr. [Tomas] Hale said.\n"
    assert next(voices.read(text, title_line=True)).said.name == "Tomas Hale"


def test_she_said_after_a_he_said_of_the_man_named_last_is_the_woman_named_before_even_as_an_object():
    text = ("A walking club\n\nRetired teacher Omar Sade says the club changed his life. \u201cI walk daily now,\u201d "
            "he says. Regular walks also helped office clerk Lena Obi, 45. \u201cThe gym never worked,\u201d she "
            "says.\n")  # fmt: skip
    said = [(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True)]
    assert said[1] == ("Omar Sade", "Retired teacher")
    assert said[3] == ("Lena Obi", "office clerk")  # not "helped office clerk": a verb in the past
    assert speaker_of("Costs will rise, said teacher Omar Sade.") == ("Omar Sade", "teacher")  # an occupation


def test_voices_credit_a_view_a_transcript_speaker_reports_with_an_auxiliary():
    text = ("Press Gaggle by Press Secretary Ana Ruiz\n\nMS. RUIZ:  President Tom Hale is in Detroit today.  "
            "The President has long said that the industry will probably grow.\n\nQ    Thanks.")  # fmt: skip
    said = [r.said.name for r in voices.read(text, title_line=True)]
    assert said == ["Ana Ruiz", "Tom Hale"]


def test_a_transcript_speakers_he_thinks_is_the_person_the_question_or_turn_named_before_it():
    text = ("Press Gaggle by Press Secretary Ana Ruiz\n\nQ    Does President Tom Hale expect a deal?\n\n"
            "MS. RUIZ:  Well, he thinks a deal will probably come soon.  I expect talks next week.\n\n"
            "Q    And Senator Ann Bell?\n\nMS. RUIZ:  She said the plan would probably fail.")  # fmt: skip
    said = [r.said.name for r in voices.read(text, title_line=True) if r.said.name]
    assert said == ["Tom Hale", "Ana Ruiz", "Ann Bell"]
    alone = text.replace("Does President Tom Hale expect a deal?", "Is a deal near?")
    said = [r.said.name for r in voices.read(alone, title_line=True) if r.said.name]
    assert said == ["Ana Ruiz", "Ana Ruiz", "Ann Bell"]  # no one named before "he": the speaker's own report


def test_voices_never_take_a_speechs_section_headings_for_speakers():
    text = ("The Outlook\n\nGovernor Ana M. Ruiz\n\nI expect growth to slow.\n\nAggregate Economic Activity\n\n"
            "Spending will probably cool.\n\nLabor Market Conditions\n\nHiring has eased.\n\n"
            "Insurance Industry Resiliency\n\nI think insurers are sound.")  # fmt: skip
    said = {r.said.name for r in voices.read(text, title_line=True)}
    assert said == {"Ana M. Ruiz"}


def test_voices_give_a_translated_quotation_to_its_speaker_past_the_original():
    text = ("Weibo Debate\n\nBlogger Ana Ruiz pointed out [zh]:\n\n微博是一个开放的平台。\n\n"
            "这是一个自由的言论市场。\n\nWeibo is an open platform.\n\nIt is a free market of speech.")  # fmt: skip
    said = [(text[r.sentence.start : r.sentence.end], r.said.name) for r in voices.read(text, title_line=True)]
    assert said[-2:] == [("Weibo is an open platform.", "Ana Ruiz"), ("It is a free market of speech.", "Ana Ruiz")]


def test_voices_read_an_interview_by_q_and_a_labels_or_by_surname_labels_under_its_title():
    qa = ("Q&A on Ports\n\nAna Ruiz is director of the Harbour Institute.\n\nQ: How will trade change?\n\n"
          "A: I think volumes will probably fall.")  # fmt: skip
    assert [(r.said.name, r.said.affiliation) for r in voices.read(qa, title_line=True)][-1] == (
        "Ana Ruiz", "director of the Harbour Institute")  # fmt: skip
    labelled = ("Interview with Tom Hale\n\nINTERVIEWER: Mr Hale, thank you for joining us.\n\nHALE: Thank you.\n\n"
                "INTERVIEWER: Is the recovery over?\n\nHALE: I expect growth to pick up.")  # fmt: skip
    assert {r.said.name for r in voices.read(labelled, title_line=True) if r.said.kind == "person"} == {"Tom Hale"}
    prose = "Two Plans\n\nA: a new port in May.\n\nB: a bridge in June."
    assert [b.label for b in blocks(prose)] == [None, None, None]  # "A:" answers only where "Q:" asks too


def test_a_pm_label_is_the_prime_minister_the_text_names_or_stays_pm():
    named = "Interview\n\nHOST: Prime Minister Ana Ruiz, welcome.\n\nPM: Thank you."
    assert People(named, True).for_label("PM") == Speaker("person", "Ana Ruiz", "Prime Minister", "label")
    speech = "Speech\n\nPM: Thank you. I expect growth to slow.\n\nHOST: Will it?\n\nPM: I think it will."
    assert {(r.said.name, r.said.affiliation) for r in voices.read(speech, title_line=True) if r.said.name} == {
        ("PM", "PM")
    }


def test_a_label_alone_on_its_line_opens_a_turn_and_a_bare_office_is_whom_the_press_addresses():
    turns = ("Doorstop\n\nPRIME MINISTER:\n\nGood afternoon. I expect growth to slow.\n\nJOURNALIST:\n\n"
             "Mr Ruiz do you expect rates to rise?\n\nPRIME MINISTER:\n\nI think they will probably rise.")  # fmt: skip
    assert [b.label for b in blocks(turns)][1:5] == ["PRIME MINISTER", None, "JOURNALIST", None]
    said = {(r.said.name, r.said.affiliation) for r in voices.read(turns, title_line=True) if r.said.name}
    assert said == {("Ruiz", "Prime Minister")}
    unaddressed = turns.replace("Mr Ruiz do", "Do")
    said = {(r.said.name, r.said.affiliation) for r in voices.read(unaddressed, title_line=True) if r.said.name}
    assert said == {("Prime Minister", "Prime Minister")}  # the text names no one: the office speaks


def test_an_office_label_is_no_holder_of_the_office_its_own_turns_speak_of():
    text = ("Interview with Ana Ruiz, Kappa Morning\n\nHOST: Prime Minister, good morning.\n\nPM: Good morning Ana."
            "\n\nHOST: Where are the talks?\n\nPM: We are in talks with Prime Minister Osei of Lambda. I think the deal"
            " will be good news.\n\nHOST: Thank you.")  # fmt: skip
    assert label_voices(text, "PM") == {("Prime Minister", "Prime Minister")}  # not "Osei": the PM talks of him
    # the holder the text names elsewhere, whom the label's turns never mention, is still the label's
    named = text.replace("HOST: Thank you.", "HOST: Thank you, Prime Minister Tom Hale.")
    assert label_names(named, "PM") == {"Tom Hale"}


def test_an_office_named_by_its_portfolio_is_an_office_and_its_bracketed_holder_speaks_under_it():
    text = ("Interview of Finance Minister Shri Tom Hale by Ms. Ana Ruiz\n\nInterviewer (Ms. Ana Ruiz): Minister, how"
            " is the economy?\n\nFinance Minister (Mr. Tom Hale): I am quite confident exports will recover.\n\n"
            "Interviewer: And the shipping lines?\n\nFinance Minister: I think they will stay.\n\n"
            "Interviewer: Thank you.")  # fmt: skip
    assert label_voices(text, "Finance Minister (Mr. Tom Hale)", "Finance Minister") == {
        ("Tom Hale", "Finance Minister")
    }  # no "Finance" person, no "Shri"; the bracket is no outlet
    assert People(text, True).for_label("Sam Lee (Daily News)") is QUESTIONER  # a journalist and their outlet
    # a bare "Minister:" label is the minister the introduction names, with the office as the text gives it
    intro = ("Interview with Kappa TV\n\nAna Ruiz (Kappa TV): Harbour Affairs Minister Tom Hale is here. Welcome,"
             " Minister.\n\nMinister: Thank you.\n\nRuiz: How is the port?\n\nMinister: It is in a fragile"
             " state.")  # fmt: skip
    assert label_voices(intro, "Minister") == {("Tom Hale", "Harbour Affairs Minister")}


def test_whoever_only_runs_the_floor_a_presiding_officer_or_a_calls_moderator_states_no_view():
    text = ("QUESTIONS WITHOUT NOTICE: Ports\n\nMs RUIZ (Kappa) (14:10): What is the outlook for freight costs?\n\n"
            "Mr HALE (Lund—Minister for Ports) (14:11): I think freight costs will ease next year.\n\nMs Lund: On"
            " relevance, Mr Speaker. The minister is not answering.\n\nThe SPEAKER: The minister has 40 seconds"
            " remaining. He must now return to the question.")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert not [s for s in said if "40 seconds" in s]  # the Speaker's ruling: no member's, and no view
    assert said["I think freight costs will ease next year."] == "Hale"
    assert People(text, True).for_label("Mr Deputy Speaker") is QUESTIONER
    call = ("Press Call on the Harbour Budget\n\nMODERATOR: Hello. This call is under embargo until 6:00 a.m. Thursday."
            "\n\nMR. HALE: The Board cut port fees by 4 percent in March.\n\nMODERATOR: That ends it.")  # fmt: skip
    assert [call[r.sentence.start : r.sentence.end] for r in voices.read(call, title_line=True)] == [
        "The Board cut port fees by 4 percent in March."]  # fmt: skip


def test_a_title_word_after_a_labels_first_name_is_its_surname():
    text = ("QUESTIONS WITHOUT NOTICE: Ports\n\nMr HALE (Kappa) (14:10): My question is to the Minister. What is the"
            " outlook?\n\nMs ANA KING (Lund—Minister for Ports) (14:11): I think freight costs will ease.")  # fmt: skip
    assert label_voices(text, "Ms ANA KING (Lund—Minister for Ports) (14:11)") == {("Ana King", "Minister for Ports")}


def test_a_letterhead_in_capitals_gives_its_office_and_the_honourable_is_no_name():
    turns = ("ANA RUIZ: Thanks, all. I think the wharves have been neglected.\n\nJOURNALIST: Will fees rise?\n\n"
             "ANA RUIZ: I think fees will probably stay flat.")  # fmt: skip
    letterhead = (
        f"Transcript of doorstop - Kappa - 3 March 2012\n\nTHE HON ANA RUIZ MP\n\nMinister for Ports\n\n{turns}"
    )
    said = {(r.said.name, r.said.affiliation) for r in voices.read(letterhead, title_line=True) if r.said.name}
    assert said == {("Ana Ruiz", "Minister for Ports")}
    welcomed = f"Doorstop\n\nTOM HALE: Please welcome the Honourable Ana Ruiz.\n\n{turns}"
    assert label_names(welcomed, "ANA RUIZ") == {"Ana Ruiz"}


def test_a_speakers_opener_before_a_first_name_is_no_one():
    text = ("Interview with Ana Ruiz\n\nANA RUIZ: Tom Hale, welcome. Will the levy hurt exporters?\n\nTOM HALE: Of"
            " course not, Ana, the idea is ridiculous. Certainly Kappa exporters will probably do well.\n\n"
            "ANA RUIZ: Tom Hale, thank you.\n\nTOM HALE: Thanks Ana.")  # fmt: skip
    people = People(text, True)
    assert people.find(["Thanks", "Ana"]) is None and people.find(["Certainly", "Kappa"]) is None
    assert {r.said.name for r in voices.read(text, people, True) if r.block.label == "TOM HALE"} == {"Tom Hale"}


def test_a_bare_office_no_text_names_is_whom_a_named_interviewer_addresses():
    turns = ("INTERVIEW BETWEEN THE PRIME MINISTER AND TOM HALE\n\n"
             "HALE: Good evening. If Mr Lund is right, the government is in trouble.\n\n"
             "HALE: Mr Ruiz, the markets say rates will rise.\n\nPRIME MINISTER: I think they will probably rise.\n\n"
             "HALE: Mr Ruiz, your critics disagree.\n\nPRIME MINISTER: Costs are up.")  # fmt: skip

    def answering(text: str) -> set[tuple[str, str]]:
        return label_voices(text, "PRIME MINISTER")

    # the introduction names two people (no guest is certain); the interviewer addresses one of them
    assert answering(turns) == {("Ruiz", "Prime Minister")}
    # addressing both: neither is certain, the office speaks
    assert answering(turns.replace("Mr Ruiz, your", "Mr Lund, your")) == {("Prime Minister", "Prime Minister")}
    # a holder the text names comes first, whomever the interviewer addresses
    named = turns.replace("Good evening.", "Good evening, Prime Minister Ana Vega.")
    assert answering(named) == {("Ana Vega", "Prime Minister")}


def test_a_bare_office_label_is_the_one_guest_the_introduction_names_beside_the_other_labels_in_full():
    text = ("Interview with Tom Hale\n\nLEE: Ana Ruiz spoke to Tom Hale at the harbour last night.\n\n"
            "HALE: Will rates rise?\n\nPM: I think they will probably rise.\n\n"
            "HALE: Why?\n\nPM: Costs are up.")  # fmt: skip
    said = named_voices(text)
    assert ("Ana Ruiz", "Prime Minister") in said  # named, the office is spelled out
    # two people besides the labelled ones: no guest is certain, the office speaks
    two = text.replace("last night.", "last night. Lina Varga, a trader, said the harbour was busy.")
    said = {r.said.name for r in voices.read(two, title_line=True) if r.block.label == "PM"}
    assert said == {"PM"}
    # nor is someone whose words the host's question reports the guest
    asked = ("Evening Report\n\nMIA DORNE: What do you make of what Greta Vance told us a moment ago?\n\n"
             "PM: I think the harvest is weak.\n\nMIA DORNE: Will prices rise?\n\nPM: I expect so.\n")  # fmt: skip
    assert "Greta Vance" not in {r.said.name for r in voices.read(asked, title_line=True)}


def test_the_office_a_title_names_is_fuller_than_the_bare_title_the_briefing_calls_them_by():
    text = ("Press Gaggle by Press Secretary Ana Ruiz and Harbour Act Implementation Coordinator Tom Hale En Route"
            " Kappa City\n\nAboard the Harbour Ferry\nEn Route Kappa City\n\nMS. RUIZ: Hi, everyone. As you know, Mayor"
            " Tom Hale has joined us today. Go ahead, Mayor.\n\nMR. HALE: Thank you. I think the bridge will probably"
            " be rebuilt fast.\n\nQ: Will it cost more?\n\nMR. HALE: I believe the costs will likely stay within"
            " budget.")  # fmt: skip
    # (the title's run goes on into "En Route": a dateline's "En Route Kappa City" is no one's first name)
    assert label_voices(text, "MR. HALE") == {("Tom Hale", "Harbour Act Implementation Coordinator")}


def test_a_first_name_the_press_calls_out_is_the_full_name_the_title_gives():
    text = ("Press Gaggle by Press Secretary Ana Ruiz and Harbour Board Chair Tom Hale\n\nMS. RUIZ: One item, then"
            " the Chair.\n\nMR. HALE: The new quay is, in my view, a success.\n\nQ Ana, will the Mayor visit the quay"
            " this week?\n\nMS. RUIZ: I think fees will probably stay flat this year.")  # fmt: skip
    assert label_voices(text, "MS. RUIZ") == {
        ("Ana Ruiz", "Press Secretary")
    }  # and no affiliation "will the Mayor visit …"


def test_a_titles_office_takes_the_body_named_after_its_holder():
    text = ("Remarks by Vice President Ana Ruiz and President Tom Hale of the Republic of Kappa During a Conversation"
            " on Trade\n\nVICE PRESIDENT RUIZ: Welcome, President Hale.\n\nPRESIDENT HALE: Thank you. I think trade"
            " will probably grow.\n\nVICE PRESIDENT RUIZ: And the port?\n\nPRESIDENT HALE: It is small.")  # fmt: skip
    assert label_voices(text, "PRESIDENT HALE") == {
        ("Tom Hale", "President of the Republic of Kappa")
    }  # not "… Kappa During"


def test_a_label_of_an_office_and_a_name_with_honorifics_gives_both():
    text = ("Press Conference\n\nPRIME MINISTER:\n\nGood afternoon.\n\nTREASURER, THE HON. ANA RUIZ MP:\n\n"
            "I expect growth to slow.\n\nJOURNALIST:\n\nWill it?")  # fmt: skip
    assert People(text, True).for_label("TREASURER, THE HON. ANA RUIZ MP") == Speaker(
        "person", "Ana Ruiz", "Treasurer", "label")  # fmt: skip
    said = [(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True)]
    assert said[-1] == ("Ana Ruiz", "Treasurer")


def test_a_speaking_note_or_an_offices_remarks_in_the_title_give_the_speech_its_speaker():
    note = "Lord Ruiz’s speaking note for a policy forum\n\nI believe the reforms will probably help."
    assert [(r.said.name, r.said.affiliation) for r in voices.read(note, title_line=True)] == [("Lord Ruiz", "")]
    remarks = "Harbour Summit 2016: PM's closing remarks\n\nI believe the reforms will probably help."
    assert [(r.said.name, r.said.affiliation) for r in voices.read(remarks, title_line=True)] == [("PM", "PM")]


def test_a_quotation_introduced_by_a_pronoun_or_a_possessive_apposition_keeps_its_speaker():
    text = ("Port News\n\nWriting on a blog, Ana Ruiz, Kappa Bank’s chief economist, argued:\n\n"
            "Trade will probably recover.\n\nShe further noted that:\n\nThe port needs more cranes.\n\n"
            "Tom Hale disagreed. Replying on Facebook, he wrote:\n\nThe cranes are idle.")  # fmt: skip
    said = {
        text[r.sentence.start : r.sentence.end]: (r.said.name, r.said.affiliation)
        for r in voices.read(text, title_line=True)
    }
    assert said["Trade will probably recover."] == ("Ana Ruiz", "Kappa Bank’s chief economist")
    assert said["The port needs more cranes."][0] == "Ana Ruiz"
    assert said["The cranes are idle."][0] == "Tom Hale"


def test_a_quotation_introduced_by_a_role_before_a_name_or_by_a_pronoun_doing_something_else_keeps_its_speaker():
    text = ("Port Blogs\n\nIn a long post titled 'Harbour days I remember', journalist Tom Hale chronicles his"
            " admiration of Ana Ruiz. Having known her from his youth, he states:\n\n"
            "The Ana Ruiz I know is a leader who will probably change the port.\n\n"
            "However, Lina Varga takes a very different approach. After listing jobs, homes and roads, she"
            " makes a stinging attack on the mayor:\n\nI doubt that you are any different from your predecessors."
            )  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["The Ana Ruiz I know is a leader who will probably change the port."] == "Tom Hale"
    assert said["I doubt that you are any different from your predecessors."] == "Lina Varga"


def test_a_subject_after_an_opening_phrase_or_a_role_is_whom_the_next_he_or_she_said_means():
    text = ("Port News\n\nAt Harbour Forum on Trade, Port Minister Ana Ruiz praised the new cranes. She said the"
            " port would probably grow.\n\nRecently, Tom Hale searched the docks for work. He said the dams had"
            " ruined the river.\n\nFrom a hill above the port, local researcher Lina Varga records the change."
            " She said the fish will not come back.")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["She said the port would probably grow."] == "Ana Ruiz"
    assert said["He said the dams had ruined the river."] == "Tom Hale"
    assert said["She said the fish will not come back."] == "Lina Varga"


def test_a_body_before_a_known_surname_and_a_saints_name_in_an_apposition():
    text = ("Output slips\n\nAna Ruiz, a markets economist at Kappa Bank, follows the data.\n\n"
            "Kappa Bank's Ruiz said a further drop should be expected in June.\n\n"
            "“The worst is ahead,” says Tom Hale, a researcher with St. Brigid's Hospital in Port Alder.")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: (r.said.name, r.said.affiliation)
            for r in voices.read(text, title_line=True)}  # fmt: skip
    assert said["Kappa Bank's Ruiz said a further drop should be expected in June."] == (
        "Ana Ruiz", "markets economist at Kappa Bank")  # fmt: skip
    assert said[text[text.index("“The worst") :]] == ("Tom Hale", "researcher with St. Brigid's Hospital in Port Alder")


def test_a_noun_before_a_role_at_a_clauses_start_is_part_of_the_role():
    text = "Rents climb\n\nIn the old town, bakery owner Maya Stone said the outages will probably eat into profits."
    said = {(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True)}
    assert said == {("Maya Stone", "bakery owner")}


def test_a_place_after_the_body_in_an_apposition_is_no_speaker():
    text = ("Parties Fracture\n\n“Members fear the premier has no agenda at all,” Tom Hale, a professor of politics at"
            " Kappa University, Lund, told the Courier.")  # fmt: skip
    said = {(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True)}
    assert said == {("Tom Hale", "professor of politics at Kappa University")}


def test_a_speech_quoting_an_author_after_a_colon_gives_the_words_to_the_author():
    text = (
        "Ports and Patience\n\nAna Ruiz, Governor of the Bank of Kappa\n\nIn her book Tides of Trade, Lena Ostrova"
        " writes as follows: No harbour has ever been reformed by argument alone. I think she is right."
    )
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["No harbour has ever been reformed by argument alone."] == "Lena Ostrova"
    assert said["I think she is right."] == "Ana Ruiz"  # the speech goes on in the speaker's own words


def test_the_first_person_outside_a_quotation_is_the_authors_not_the_last_person_named():
    text = ("The Harbour Levy\n\nMayor Tom Hale brought in a charge on cargo, saying it would pay for safety.\n\n"
            "As I wrote back then, a safety charge would be paid to the Harbour Board.\n\n"
            "“As I said then, it will probably pay for itself,” he added.")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["As I wrote back then, a safety charge would be paid to the Harbour Board."] == ""
    assert said["“As I said then, it will probably pay for itself,” he added."] == "Tom Hale"  # his, in quotes


def test_news_quotes_run_on_across_a_paragraph_and_an_expert_keeps_the_body_named_after_them():
    text = ("Port News\n\nPort expert Ana Ruiz from the Harbour Institute told reporters trade would fall.\n\n"
            "“If cranes stay idle, ships will go elsewhere. And that is bad news for the town.”\n\n"
            "Another expert, Tom Hale from the Kappa Research Institute in Lagos, doubts the forecast.\n\n"
            "Cranes are idle.")  # fmt: skip
    said = {
        text[r.sentence.start : r.sentence.end]: (r.said.name, r.said.affiliation)
        for r in voices.read(text, title_line=True)
    }
    expert = ("Ana Ruiz", "Port expert from the Harbour Institute")
    assert said["Port expert Ana Ruiz from the Harbour Institute told reporters trade would fall."] == expert
    assert said["“If cranes stay idle, ships will go elsewhere."] == expert  # a quotation in the next paragraph
    assert said["And that is bad news for the town.”"] == expert  # still inside it
    assert said["Another expert, Tom Hale from the Kappa Research Institute in Lagos, doubts the forecast."][0] == (
        "Tom Hale"
    )
    assert said["Cranes are idle."] == ("", "")


def test_a_written_interviews_question_may_open_with_a_short_premise_of_a_few_sentences():
    text = ("Interview with Ana Ruiz\n\nAna Ruiz is the outgoing chief economist of the Kappa Institute.\n\n"
            "You just presented your last outlook. That must be a busy week. What does it feel like?\n\n"
            "It is demanding, but I know the drill.\n\nFreight forecasts draw attention. The stakes are high. How do"
            " you deal with a shock?\n\nI think humility is important. Freight will probably stay weak.\n\n"
            "You have seen many downturns. Some were severe. Has the institute changed its forecasts?\n\n"
            "We have, and I think for the better.")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["Freight will probably stay weak."] == "Ana Ruiz"
    assert "What does it feel like?" not in said  # the interviewer's
    # a journalist's question at a press conference announces itself: no written interview's
    press = "Q\n\nI have two questions. Rates are high. Why?"
    assert not voices._only_questions(press, blocks(press)[1])


def test_a_written_interviews_profile_card_names_who_answers_whatever_else_the_introduction_names():
    text = ("Ana Ruiz: Charting the Harbour Telescope\n\nToday Ana Ruiz works on the “Star Voyager” mission.\n\n"
            "Name: Ana M. Ruiz\n\nTitle: Project Scientist\n\nWhat do you do?\n\nI run the ground system.\n\n"
            "What is hard?\n\nI think funding will probably stay tight.\n\nWhat next?\n\n"
            "I expect a new mission.")  # fmt: skip
    said = named_voices(text)
    assert said == {("Ana M. Ruiz", "Project Scientist")}


def test_a_title_gives_a_labels_name_in_full_and_its_office_and_a_bare_office_label_its_holder():
    title = "Press Briefing by Press Secretary Tom Hale and Covid-19 Response Coordinator Dr. Ana Ruiz"
    text = (f"{title}\n\nMR. HALE:  Over to Dr. Ruiz.\n\nQ   Dr.  Ruiz, the President just said he is well.\n\n"
            "DR. RUIZ:  I think cases will probably fall.")  # fmt: skip
    said = [(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True)]
    assert said[-1] == ("Ana Ruiz", "Covid-19 Response Coordinator")  # not "Q", nor "President just said …"
    held = ("Interview\n\nJOURNALIST:\n\nAna Ruiz is the Prime Minister, welcome.\n\nPRIME MINISTER:\n\n"
            "Thank you. I expect growth to slow.")  # fmt: skip
    said = {(r.said.name, r.said.affiliation) for r in voices.read(held, title_line=True) if r.said.name}
    assert said == {("Ana Ruiz", "Prime Minister")}


def test_a_westminster_title_names_the_office_holder_with_initials_for_an_office_label():
    text = ("TRANSCRIPT OF THE PRIME MINISTER, THE HON P J RUIZ MP INTERVIEW WITH TOM HALE, ABC RADIO\n\n"
            "HALE: Prime Minister, will rates rise?\n\nPM: I think they probably will.\n\nHALE: When?\n\n"
            "PM: I expect it next year.")  # fmt: skip
    said = named_voices(text)
    assert said == {("P J Ruiz", "Prime Minister")}


def test_a_quotations_original_in_another_language_is_read_in_its_translation_only():
    original = ("As cotas não inventaram o racismo, que já existe num país que segrega os jovens negros e pobres "
                "das universidades públicas.")  # fmt: skip
    text = (f"Quotas in Brazil\n\nHistorian Ana Ruiz wrote on her blog:\n\n{original}\n\n"
            "Quotas did not invent racism, which already exists in a country that keeps the young out.")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end][:9]: r.said.name for r in voices.read(text, title_line=True)}
    assert said == {"Quotas di": "Ana Ruiz"}  # the original is skipped, not suggested
    portuguese = f"Cotas no Brasil\n\n{original}\n\n{original.replace('país', 'Brasil')}"
    assert len(list(voices.read(portuguese, title_line=True))) == 2  # a text in another language is read as it is


def test_a_label_misspelt_by_a_letter_in_a_long_word_is_the_label_it_means_and_mr_is_not_ms():
    turns = "".join(
        f"JOURNALIST: Question {n}?\n\nPRIME MINISTER: I think growth will probably slow.\n\n" for n in range(3)
    )
    text = f"Ana Ruiz is the Prime Minister.\n\n{turns}JOURNALIST: And rates?\n\nPRIME MINSTER: I expect them to rise."
    said = {(r.said.name, r.said.affiliation) for r in voices.read(text) if r.said.name}
    assert said == {("Ana Ruiz", "Prime Minister")}  # the typo'd label is the Prime Minister
    spans = [(0, 1)] * 3
    assert voices._misspelt({"MR. HALE": spans, "MS. HALE": spans[:1], "SMITH": spans, "SMYTH": spans[:1]}) == {}


def test_a_debate_s_members_speaking_once_its_numbered_questions_and_its_ministers_office_labels_are_labels():
    text = ("Harbour Dues\n\n3. Tom Hale: If she will make a statement on harbour dues.\n\n"
            "The Minister of State, Department for Ports (Ana Ruiz): Dues will probably rise next year.\n\n"
            "Tom Hale: Will the Minister publish the review?\n\n"
            "Ana Ruiz: I think the review is sound.\n\n"
            "Lina Varga: Does the Minister accept that dues are already too high?\n\n"
            "Ana Ruiz: They are lower than in most ports.")  # fmt: skip
    assert [b.label for b in blocks(text)][1:] == [
        "Tom Hale", "The Minister of State, Department for Ports (Ana Ruiz)", "Tom Hale", "Ana Ruiz", "Lina Varga",
        "Ana Ruiz",
    ]  # fmt: skip
    read = {(text[r.sentence.start : r.sentence.end][:12], r.said.name, r.said.affiliation)
            for r in voices.read(text, title_line=True)}  # fmt: skip
    office = "Minister of State, Department for Ports"
    assert {("Dues will pr", "Ana Ruiz", office), ("I think the ", "Ana Ruiz", office),
            ("They are low", "Ana Ruiz", office), ("Does the Min", "Lina Varga", "")} <= read  # fmt: skip
    # one title-case opening is still no label outside a transcript, numbered or not
    assert [b.label for b in blocks("Policy\n\n1. Harbour Dues: they rise in May.\n\nThe board met.")] == [None] * 3


def test_a_press_conference_without_labels_is_its_host_s_but_for_the_press_s_questions_and_a_named_turn():
    text = ("PRESS CONFERENCE\n\nGood afternoon, the Vice-Governor and I welcome you to our press conference.\n\n"
            "Growth will probably slow next year.\n\nWe are now ready to take your questions.\n\n"
            "Governor Ruiz, thank you. My first question is on wages. Will they rise?\n\n"
            "Thank you for these two questions. Your first question: wages will rise, I think.\n\n"
            "That is a good question, and banks are lending.\n\n"
            "A second question, perhaps to Vice-Governor Hale, on banks.\n\n"
            "Vice-Governor Hale: Banks are sound, in my view.\n\nThey lend more than last year.\n\n"
            "Two questions, Governor Ruiz. Are you worried?\n\nI am not worried.")  # fmt: skip
    read = [(text[r.sentence.start : r.sentence.end][:12], r.said.name) for r in voices.read(text, title_line=True)]
    assert read == [
        ("Good afterno", "Ruiz"), ("Growth will ", "Ruiz"), ("We are now r", "Ruiz"),
        ("Thank you fo", "Ruiz"), ("Your first q", "Ruiz"), ("That is a go", "Ruiz"),
        ("Vice-Governo", "Hale"), ("They lend mo", "Hale"), ("I am not wor", "Ruiz"),
    ]  # fmt: skip
    # without the host's welcome the same questions and answers are nobody's
    unwelcomed = text.replace("welcome you to", "open")
    assert {r.said.name for r in voices.read(unwelcomed, title_line=True)} == {""}


def test_the_office_alone_is_the_one_person_whose_office_opens_with_it():
    text = ("Title\n\nIn a letter, Secretary of Harbours Ana Ruiz rescinded the approval.\n\n"
            "First, the Secretary maintained that the tolls are unlawful.")  # fmt: skip
    people = People(text, True)
    assert people.resolve_run("the Secretary") == Speaker("person", "Ana Ruiz", "Secretary of Harbours")
    two = text.replace("rescinded the approval.", "and Secretary of Ports Tom Hale rescinded the approval.")
    assert People(two, True).resolve_run("the Secretary").kind != "person"  # two secretaries: no one for certain


def test_a_person_named_by_what_they_do_or_study_has_it_as_their_role():
    text = ("Title\n\nThe tomb is older, archaeologist Ana Ruiz said. The musician Tom Hale said it is not. "
            "They insist Lina Varga is wrong. Mara Lindqvist said so too.")  # fmt: skip
    people = People(text, True)
    assert people.find(["Ruiz"]).affiliation == "archaeologist" and people.find(["Hale"]).affiliation == "musician"
    assert not people.find(["Varga"]).affiliation  # "insist" is a verb, no "-ist" role
    assert people.find(["Lindqvist"]).name == "Mara Lindqvist"  # a surname, whatever its ending


def test_a_month_or_a_weekday_is_nobody_s_name_but_may_or_june_are():
    text = ("Title\n\nIn the Rangers' February 2021 update, the chair noted that costs rose.\n\n"
            "June Ruiz, an economist, said costs would rise. Theresa May said so too.")  # fmt: skip
    people = People(text, True)
    assert people.find(["February"]) is None
    assert people.find(["Ruiz"]).name == "June Ruiz" and people.find(["May"]).name == "Theresa May"


def test_a_role_based_somewhere_is_the_whole_apposition():
    text = ("Title\n\nAna Ruiz, a university professor based in Lagos, wrote on her blog that it is wrong.\n\n"
            "Tom Hale, the minister, warned that costs would rise.")  # fmt: skip
    people = People(text, True)
    assert people.find(["Ruiz"]).affiliation == "university professor based in Lagos"
    assert people.find(["Hale"]).affiliation == "minister"


def test_an_office_before_a_name_and_the_body_after_it_are_one_affiliation():
    text = "Title\n\nGovernor Tom Hale of the Bank of Kappa said so. Dr. Lina Varga of Kappa University said no."
    people = People(text, True)
    assert people.find(["Hale"]).affiliation == "Governor of the Bank of Kappa"
    assert people.find(["Varga"]).affiliation == "Kappa University"  # a courtesy title is no office


def test_a_labelled_moderator_whose_turns_end_in_questions_asks_and_does_not_judge():
    text = ("A Conversation on Care\n\nMS. LEE:  Welcome.  Care work is undervalued.  What has changed?\n\n"
            "THE VICE PRESIDENT:  A great deal has changed, and wages will probably rise.\n\n"
            "MS. LEE:  Thank you.  Tell us about the next steps?\n\n"
            "THE VICE PRESIDENT:  I think the law is working.")  # fmt: skip
    said = {r.said.name for r in voices.read(text, title_line=True)}
    assert "Lee" not in said


def test_voices_resolve_she_said_and_give_a_clause_its_own_attribution_or_the_one_closing_the_sentence():
    text = ("Economist Lina Varga of the Danube Fund spoke in Vienna. She said inflation will ease.\n\n"
            "Exports fell 4 percent, officials said; Tom Hale warned that prices will climb.")  # fmt: skip
    people = People(text)
    readings = list(voices.read(text, people))
    assert [(r.said.name, r.said.how) for r in readings] == [
        ("Lina Varga", "reported"),
        ("Lina Varga", "pronoun"),
        ("Tom Hale", "reported"),  # a named person wins over unnamed officials in the sentence
    ]
    last = readings[-1]
    speakers = voices.clause_speakers(people, text, last)
    assert [(s.kind, s.name) for s in speakers] == [("reported", ""), ("person", "Tom Hale")]
    # a clause before the one that names its speaker is the text's own, not that speaker's
    prose = "Exports fell 4 percent in May; Tom Hale warned that prices will climb."
    reading = next(voices.read(prose, People(prose)))
    assert [s.name for s in voices.clause_speakers(People(prose), prose, reading)] == ["", "Tom Hale"]
    assert [len(p) for p in voices.by_paragraph(iter(readings))] == [2, 1]
    # but an attribution closing the sentence is of all of it
    closing = "The levy raised money, but it is driving small exporters away, argues Tom Hale."
    reading = next(voices.read(closing, People(closing)))
    assert [s.name for s in voices.clause_speakers(People(closing), closing, reading)] == ["Tom Hale", "Tom Hale"]


# --- classify: the rules on one clause, with the speaker given
def test_the_rules_read_a_clause_by_who_says_it():
    ruiz = Speaker("person", "Ana Ruiz", "Governor", "reported")
    assert classify("The deficit fell to 2.1 percent in 2024.", NOBODY, False)[0] == "key_fact"
    assert classify("The reform is a serious mistake.", ruiz, False)[0] == "expert_assessment"
    assert classify("The reform is a serious mistake.", Speaker("reported", how="reported"), False) is None
    assert classify("The reform is a serious mistake.", NOBODY, False) is None
    assert rhetoric("Will it work?") >= decide.OPINION > rhetoric("It works.")


# --- decide: each clause's verdict, from the readings of voices
def verdicts(text: str, models: decide.Models) -> list[list[tuple]]:
    people = People(text)
    out = []
    for paragraph in voices.by_paragraph(voices.read(text, people)):
        scores = [rhetoric(text[r.sentence.start : r.sentence.end]) for r in paragraph]
        tone = decide.paragraph_tone(scores)
        for r, score in zip(paragraph, scores, strict=True):
            out.append([(v.kind, text[v.start : v.end], v.speaker.name, v.confidence)
                        for v in decide.verdicts(people, text, r, tone, score, models)])  # fmt: skip
    return out


TEXT = ("Exports fell 4 percent in May; imports rose 2 percent in June.\n\n"
        "Wow, what a week! The army sent 2,000 troops in May.\n\n"
        "The army sent 2,000 troops in May.\n\n"
        "Tom Hale warned that prices will probably climb.")  # fmt: skip


def test_without_models_the_rules_decide_and_a_fact_counts_for_less_among_jokes():
    assert verdicts(TEXT, decide.Models(None, None)) == [
        [("key_fact", "Exports fell 4 percent in May", "", 0.75),
         ("key_fact", "imports rose 2 percent in June.", "", 0.91)],
        [("opinion", "Wow, what a week!", "", 0.7)],
        [("key_fact", "The army sent 2,000 troops in May.", "", 0.54)],  # 0.69 less 0.3 × the tone (1/2)
        [("key_fact", "The army sent 2,000 troops in May.", "", 0.69)],
        [("expert_assessment", "Tom Hale warned that prices will probably climb.", "Tom Hale", 0.8)],
    ]  # fmt: skip


def test_a_models_words_are_how_people_say_things_in_pairs_not_who_said_which_figure():
    from briefing_app.core.suggest.model import words

    found = words("So I think Ana Ruiz expects 35% growth, I’m told")
    assert {"i_think", "^so", "^i", "<name>", "<num>", "expects_<num>", "<num>_growth", "i’m_told"} <= found
    assert not {"ana", "ruiz", "35", "^think"} & found


def test_the_models_decide_over_the_rules_and_their_probability_is_the_confidence():
    from briefing_app.core.suggest import facts, stance

    even = Model((0.0,) * len(stance.FEATURES), 0.0, 0.4)  # every clause: 0.5
    never = Model((0.0,) * len(facts.FEATURES), -30.0, 0.5)  # no clause is a fact
    assert verdicts(TEXT, decide.Models(even, never)) == [
        [], [("opinion", "Wow, what a week!", "", 0.7)], [], [],
        [("expert_assessment", "Tom Hale warned that prices will probably climb.", "Tom Hale", 0.5)],
    ]  # fmt: skip


def test_a_named_persons_flat_figure_goes_to_the_likelier_kind_but_an_estimate_stays_an_assessment():
    from briefing_app.core.suggest import facts, stance

    even = Model((0.0,) * len(stance.FEATURES), 0.0, 0.4)  # every clause: an assessment at 0.5

    def facts_at(p: float) -> Model:  # every clause: a fact at p
        return Model((0.0,) * len(facts.FEATURES), math.log(p / (1 - p)), 0.3)

    text = "Tom Hale said exports fell 4 percent in May.\n\nTom Hale warned that prices will probably climb."
    surer = verdicts(text, decide.Models(even, facts_at(0.5 + decide.FACT_MARGIN + 0.05)))
    assert [[(v[0], v[2]) for v in s] for s in surer] == [[("key_fact", "Tom Hale")],
                                                          [("expert_assessment", "Tom Hale")]]  # fmt: skip
    barely = verdicts(text, decide.Models(even, facts_at(0.5 + decide.FACT_MARGIN - 0.05)))
    assert [[v[0] for v in s] for s in barely] == [["expert_assessment"], ["expert_assessment"]]


def surely_facts() -> decide.Models:
    """Models that find every clause an assessment at 0.5 (threshold 0.4) and a fact at 0.95 (threshold 0.3)."""
    from briefing_app.core.suggest import facts, stance

    return decide.Models(Model((0.0,) * len(stance.FEATURES), 0.0, 0.4), Model((0.0,) * len(facts.FEATURES), 3.0, 0.3))


def test_a_named_persons_forecast_of_a_figure_stays_an_assessment_however_factual_it_looks():
    from briefing_app.core.suggest import stance

    text = ("Tom Hale said exports could fall 4 percent next year.\n\n"
            "Tom Hale said the plan would cut costs by 4 percent.\n\n"
            "Tom Hale said exports fell 4 percent in two months.")  # fmt: skip
    found = verdicts(text, surely_facts())
    # a modal of possibility and a time to come make a forecast; a plan's effect or a past span stays a fact
    assert [[v[0] for v in s] for s in found] == [["expert_assessment"], ["key_fact"], ["key_fact"]]
    # the rules' fact that forecasts is the named person's assessment even at a low probability
    label = Speaker("person", "Tom Hale", "", "label")
    row = stance.features("prices may rise to 5 percent in the coming months", label, True, "key_fact", 0.0)
    assert stance.chosen("key_fact", 0.1, row, 0.3)
    row = stance.features("prices may rise to 5 percent", label, True, "key_fact", 0.0)
    assert not stance.chosen("key_fact", 0.1, row, 0.3)
    assert stance.forecast("the number of drones is expected to rise 100 percent in the next 10 years")
    # and so does the speaker's own forecast of a figure ("we're forecasting", ANNOTATION.md), unlike a plan or
    # what they expected once
    assert stance.forecast("For 2027 we are expecting 2.8 percent") and stance.forecast("We estimate growth of 3%")
    assert not stance.forecast("We expect to hire 50 people") and not stance.forecast("We expected 3 percent")
    assert not stance.forecast("We are expecting a decision")
    # and a verb of forecasting in the third person, unlike the passive that cites someone else's forecast
    assert stance.forecast("Ruiz expects the port to handle 12 million containers by 2030")
    assert stance.forecast("she expects the Board to keep its levy for the rest of 2027")  # whatever the time
    assert not stance.forecast("we have 32,000 projects funded")  # a noun, no verb of forecasting
    assert not stance.forecast("It is predicted that by 2050 the port will handle 12 million containers")
    # a figure the speaker calls their estimate or forecast is theirs to weigh as a view, as "I expect"
    at = stance.FEATURES.index("cognition")
    assert stance.features("our estimate is that 4,000 jobs went", label, True, "key_fact", 0.0)[at] == 1
    assert stance.features("my forecast is 3 percent", label, True, "key_fact", 0.0)[at] == 1
    assert stance.features("the estimate is 3 percent", label, True, "key_fact", 0.0)[at] == 0


# --- spans: verdicts made by hand, as suggestions
def test_a_clause_the_rules_leave_out_needs_only_the_threshold_even_without_a_stance_word():
    from briefing_app.core.suggest import stance

    clause = "limited resources reduce the reach of the programme"
    for how in ("reported", "label", "continued"):
        row = stance.features(clause, Speaker("person", "Ana Ruiz", "", how), how == "label", None, 0.0)
        assert stance.chosen(None, 0.35, row, 0.3) and not stance.chosen(None, 0.25, row, 0.3)
    # a figure the speaker says they expect is their forecast: the threshold, not an even chance
    label = Speaker("person", "Ana Ruiz", "", "label")
    expected = stance.features("we expect growth of about 2 percent next year", label, True, "key_fact", 0.0)
    flat = stance.features("growth was about 2 percent last year", label, True, "key_fact", 0.0)
    assert stance.chosen("key_fact", 0.4, expected, 0.3) and not stance.chosen("key_fact", 0.4, flat, 0.3)


def test_neighbouring_clauses_of_one_kind_and_speaker_make_one_suggestion():
    text = "Exports fell 4 percent in May; imports rose, Ana Ruiz said, but Tom Hale warned that prices will climb."
    hale, ruiz = Speaker("person", "Tom Hale", "analyst"), Speaker("person", "Ana Ruiz", "")

    def verdict(kind: str, words: str, speaker: Speaker, confidence: float) -> decide.Verdict:
        start = text.index(words)
        return decide.Verdict(kind, start, start + len(words), speaker, confidence, 3)

    found = spans.merge(text, [
        verdict("key_fact", "Exports fell 4 percent in May", NOBODY, 0.6),
        verdict("key_fact", "imports rose, Ana Ruiz said", ruiz, 0.8),  # a fact names no one: merged
        verdict("expert_assessment", "but Tom Hale warned that prices will climb.", hale, 0.7),
    ])  # fmt: skip
    assert [(s.kind, s.text, s.speaker, s.affiliation, s.confidence, s.paragraph) for s in found] == [
        ("key_fact", "Exports fell 4 percent in May; imports rose, Ana Ruiz said", None, None, 0.8, 3),
        ("expert_assessment", "but Tom Hale warned that prices will climb.", "Tom Hale", "analyst", 0.7, 3),
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


# --- restatements: suggestions made by hand, folded
def test_a_restated_fact_is_kept_once_in_its_better_sourced_form_with_its_group():
    def fact(text: str, paragraph: int, confidence: float = 0.6) -> spans.Suggestion:
        return spans.Suggestion("key_fact", 0, len(text), text, None, None, confidence, None, paragraph)

    loose = fact("The army sent 2,000 troops to the border.", 0)
    sourced = fact("The ministry confirmed that 2,000 troops were sent to the border.", 2)
    other = fact("The mayor opened 3 schools.", 3, 0.9)
    folded = restatements.fold([loose, sourced, other], {0: 0.0, 2: 0.0, 3: 0.0})
    assert [(s.text, s.group) for s in folded] == [(sourced.text, "g1"), (other.text, None)]


def test_two_statements_with_different_figures_are_two_facts_however_alike_their_wording():
    monday = restatements.wording("The seven-day average of hospital admissions is about 9,000 per day.")
    friday = restatements.wording("The seven-day average of hospital admissions is about 12,000 per day.")
    again = restatements.wording("Hospital admissions: the seven-day average is about 12,000 per day, officials said.")
    assert not restatements.restates(monday, friday)
    assert restatements.restates(friday, again)


def test_two_facts_sharing_a_target_figure_and_a_few_words_are_two_facts():
    may = restatements.wording("Inflation stayed close to the 2 per cent target in May, officials said.")
    ahead = restatements.wording("The bank expects inflation to return to its 2 per cent target next year.")
    assert not restatements.restates(may, ahead)
    # the same day, year and amount are the same fact, however differently worded
    confirmed = restatements.wording("Officials confirmed on 4 May 2025 that 2,000 troops had arrived.")
    again = restatements.wording("On 4 May 2025 some 2,000 soldiers reached the border, the ministry confirmed.")
    assert restatements.restates(confirmed, again)


def test_a_call_for_something_is_a_demand_and_adding_a_thing_or_reporting_to_someone_an_act_not_speech():
    text = "Economist Ana Ruiz had called for a review of the rules in 2019."
    assert voices.attribution(People(text), text, 0, len(text)) == NOBODY
    said = "Economist Ana Ruiz had called the rules a mistake."
    assert voices.attribution(People(said), said, 0, len(said)).name == "Ana Ruiz"
    added = "Last autumn, Port Alder added the sedative to its list of watched drugs."
    assert voices.attribution(People(added), added, 0, len(added)).kind != "person"
    said = "Economist Ana Ruiz added that the rules would probably change."
    assert voices.attribution(People(said), said, 0, len(said)).name == "Ana Ruiz"
    # whom someone answers to is no report: "she reports to the Mayor"
    answers = "Ask the Mayor, as port director Ana Ruiz reports to the Mayor."
    assert voices.attribution(People(answers), answers, 0, len(answers)) == NOBODY
    said = "Port director Ana Ruiz reported to the Mayor that the dredging would probably be late."
    assert voices.attribution(People(said), said, 0, len(said)).name == "Ana Ruiz"
    # nor is mentioning that someone said it before ("said that quite clearly"), with no content reported
    for mention in ("Chair Tom Hale said that quite clearly in March.", "Chair Tom Hale has said so publicly."):
        assert voices.attribution(People(mention), mention, 0, len(mention)) == NOBODY, mention


def test_a_word_list_made_after_a_text_was_scanned_still_finds_its_words_there():
    """The stance lexicon's lists are made on first use, after the first clauses were scanned: the cached
    scans knew nothing of them, so in a fresh process the first clauses' hedges and boosters went uncounted
    (16 of 51 articles scored differently run alone than after another)."""
    from briefing_app.core.suggest import lexicon as lx

    text = "The outlook is frankly quixotic this year."
    assert lx.scan(text)  # cached now
    late = lx.words("quixotic")
    assert late.findall(text) == ["quixotic"]


def test_the_engine_never_imports_the_brief_model():
    """DESIGN.md: the engine reads text and proposes; putting suggestions into a brief is a use case of
    core.workbench, which the window and the command line share."""
    import ast
    from pathlib import Path

    import briefing_app.core.suggest as package

    for module in Path(package.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert not (node.level == 2 and (node.module or "").split(".")[0] in ("brief", "brief_file")), module


def test_the_first_clause_a_process_weighs_gets_its_stance_words_too():
    """The stance lexicon's lists are made on first use; the first clause scanned before they existed was
    weighed without them, so a fresh process (the command line, a window's first article) could suggest
    other things than one that had already read a text."""
    code = (
        "from briefing_app.core.suggest.people import Speaker\n"
        "from briefing_app.core.suggest.stance import CATEGORIES, features\n"
        "s = Speaker('person', 'Jane Doe')\n"
        "clause = 'I believe the risks are likely to grow, and we probably expect more of them.'\n"
        "first = features(clause, s, False, None, 0.0)\n"
        "print(first == features(clause, s, False, None, 0.0), sum(first[2 : 2 + len(CATEGORIES)]) > 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["True", "True"], out.stderr[-2000:]


def test_the_person_before_a_bodys_name_of_several_words_speaks_and_the_body_after_the_verb_is_theirs():
    said = {
        "Ana Ruiz of the University of Kappa said costs would probably rise.": ("Ana Ruiz", "University of Kappa"),
        "Costs will probably rise, said Ana Ruiz from the Harbour Institute.": ("Ana Ruiz", "Harbour Institute"),
        "Costs will probably rise, said Ana Ruiz of the Harbour Institute.": ("Ana Ruiz", "Harbour Institute"),
        "Ana Ruiz, 45, a cattle rancher in Kappa, said costs would probably rise.": (
            "Ana Ruiz", "cattle rancher in Kappa"),
        "Ana Ruiz, a researcher who studies ports at Kappa College, said costs would probably rise.": (
            "Ana Ruiz", "researcher who studies ports at Kappa College"),
        # a body's possessive before a role on the line under the title: the title is no part of it
        "The Harbour Board's chief economist, Ana Ruiz, said costs would probably rise.": (
            "Ana Ruiz", "Harbour Board's chief economist"),
    }  # fmt: skip
    for sentence, who in said.items():
        assert speaker_of(sentence) == who, sentence
    # the body is hers, and what follows it no part of it: "… of the Harbour Institute is very disappointed"
    text = "Costs\n\nAna Ruiz of the Harbour Institute is disappointed. She said costs would probably rise.\n"
    said = list(voices.read(text, title_line=True))[-1].said
    assert (said.name, said.affiliation) == ("Ana Ruiz", "Harbour Institute")


def test_an_occupation_of_the_published_classification_is_a_role_but_a_surname_stays_a_name():
    text = ("Title\n\nCosts will rise, rancher Ana Ruiz said. Tom Hale, a local teacher, said so too.\n\n"
            "Governor Lisa Cook said costs would fall. Economist Mara Baker agreed.")  # fmt: skip
    people = People(text, True)
    assert people.find(["Ruiz"]).affiliation == "rancher" and people.find(["Hale"]).affiliation == "local teacher"
    assert people.find(["Cook"]).name == "Lisa Cook" and people.find(["Baker"]).name == "Mara Baker"


def test_a_journalist_who_gives_their_outlet_asks_even_once():
    text = ("Transcript of the Press Conference\n\nCHAIR RUIZ.  Good afternoon.  Growth will probably slow.\n\n"
            "TOM HALE.  Thanks.  Tom Hale with the Harbour Times.  Markets expect a cut.  Will you cut rates?\n\n"
            "CHAIR RUIZ.  I think rates will probably stay where they are.\n\n"
            "LINA VARGA.  Lina Varga, Kappa News.  Inflation is surely too high.  Is it?  Thank you.\n\n"
            "CHAIR RUIZ.  Inflation will probably ease.\n")  # fmt: skip
    said = {name for name, _ in named_voices(text)}
    assert said == {"Ruiz"}


def test_an_apposition_between_dashes_a_seat_and_a_student_or_resident_are_roles():
    said = {
        "Ana Ruiz – a former ambassador – said costs would probably rise.": ("Ana Ruiz", "former ambassador"),
        "Ana Ruiz, MP for Kappa, said costs would probably rise.": ("Ana Ruiz", "MP for Kappa"),
        "Ana Ruiz, a Kappa Party MP, said costs would probably rise.": ("Ana Ruiz", "Kappa Party MP"),
        "Ana Ruiz, a student at Kappa University, said costs would probably rise.": (
            "Ana Ruiz", "student at Kappa University"),
        "Ana Ruiz, a resident of Kappa, said costs would probably rise.": ("Ana Ruiz", "resident of Kappa"),
    }  # fmt: skip
    for sentence, who in said.items():
        assert speaker_of(sentence) == who, sentence


def test_a_debate_labelled_with_seats_and_parties_and_an_office_holder_who_then_speaks_by_office():
    text = ("Ports Bill\n\nThe Prime Minister (Tom Hale): The economy will probably recover next year.\n\n"
            "Ana Ruiz (Kappa North) (Lab): Wages are surely falling.\n\n"
            "The Prime Minister: I think wages will likely rise.\n\n"
            "Lina Varga (Kappa South) (Con): The plan will probably fail.\n")  # fmt: skip
    said = [(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True)]
    assert said == [("Tom Hale", "Prime Minister"), ("Ana Ruiz", "MP for Kappa North (Lab)"),
                    ("Tom Hale", "Prime Minister"), ("Lina Varga", "MP for Kappa South (Con)")]  # fmt: skip
    # one name with a journalist's outlet in brackets is still the press
    assert People("T").for_label("Ana Ruiz (Reuters)").kind == "questioner"


def test_a_briefing_titled_by_its_one_briefer_opens_with_their_statement_and_their_office_label_is_theirs():
    text = ("Noon Briefing by Ana Ruiz, Spokesperson for the Secretary-General\n\n"
            "Good afternoon. The situation will likely deteriorate further.\n\n"
            "Question: Will the convoy go ahead?\n\nSpokesperson: I think the convoy will probably go ahead.\n\n"
            "Question: And the talks?\n\nSpokesperson: The talks will probably resume next week.\n")  # fmt: skip
    said = {(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True)}
    assert said == {("Ana Ruiz", "Spokesperson for the Secretary-General")}


def test_a_name_in_apposition_to_the_subject_is_whom_he_says_means_and_a_body_or_relative_clause_ends_a_sentence():
    text = ("Drought\n\nAna Ruiz has farmed here for 30 years. “Prices will probably double,” says Ruiz.\n\n"
            "Her neighbour, Tom Hale, is less worried. “It will likely rain in March,” he says.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)][-1] == "Tom Hale"
    said = {
        "Costs will probably double, said Ana Ruiz, who runs the Kappa Port Authority.": (
            "Ana Ruiz", "runs the Kappa Port Authority"),
    }  # fmt: skip
    for sentence, who in said.items():
        assert speaker_of(sentence) == who, sentence
    people = People("Title\n\nThe study, led by Ana Ruiz of Kappa University, found that seas rose.", True)
    assert people.find(["Ruiz"]).affiliation == "Kappa University"


def test_a_question_a_parliament_prints_is_no_fact():
    text = ("Harbour Dredging\n\nMr Tom Hale asked the Minister for Ports (a) what is the cost of dredging it; "
            "and (b) whether the work will be finished by 2030.\n\nThe dredging began on 4 May 2026 at a cost of "
            "$40 million.\n")  # fmt: skip
    assert [s.text for s in suggest(text, True)] == ["The dredging began on 4 May 2026 at a cost of $40 million."]


def test_an_office_label_is_no_other_countrys_or_deputys_holder_of_that_office():
    text = ("Interview with Rhea Voss\n\nRHEA VOSS: Prime Minister, thanks for joining us.\n\nPRIME MINISTER: I "
            "think the deficit will narrow.\n\nRHEA VOSS: Dutch Prime Minister Pieter Maas visits next week. Why?"
            "\n\nPRIME MINISTER: I believe the shipping deal will lift exports.\n")  # fmt: skip
    assert "Pieter Maas" not in {name for name, _ in label_voices(text, "PRIME MINISTER")}
    people = People("Talks\n\nEuropean Central Bank President Ana Ruiz spoke.", True)
    assert people.by_title("President").name == "Ana Ruiz"  # the body's office, named before it


def test_a_speakers_list_line_gives_the_role_and_the_body_after_it_at_the_lines_end():
    text = ("Press conference on the outlook\n\nSpeakers:\n\nLena Varga, Chief Economist and Director, Research "
            "Department\n\nMR. HALE: Welcome.\n\nMS. VARGA: In our view the recovery is fragile.\n")  # fmt: skip
    assert label_voices(text, "MS. VARGA") == {("Lena Varga", "Chief Economist and Director, Research Department")}


def test_an_office_after_a_bodys_name_and_its_initials_keeps_the_body():
    assert speaker_of("Kappa Harbour Board (KHB) Chairman Ana Ruiz said congestion would likely ease.") == (
        "Ana Ruiz", "Kappa Harbour Board (KHB) Chairman")  # fmt: skip


def test_malaysian_and_nigerian_honours_before_a_name_are_no_part_of_it_nor_a_role():
    for honour in ("Datuk Seri", "Alhaji", "Engr"):
        assert speaker_of(f"{honour} Musa Bello said the subsidy would probably become unaffordable.") == (
            "Musa Bello", ""), honour  # fmt: skip


def test_a_briefing_its_title_names_one_briefer_for_without_labels_or_questions_is_theirs():
    text = ("Press conference by Kappa Alliance Secretary General Tom Hale\n\nGood morning.\n\nMinisters meet "
            "next week. I think the alliance will probably grow stronger.\n")  # fmt: skip
    assert named_voices(text) == {("Tom Hale", "Kappa Alliance Secretary General")}
    asked = text + "\nWill it?\n\nIt will, I believe.\n"  # with questions and no labels: not read so
    assert ("Tom Hale", "Kappa Alliance Secretary General") not in named_voices(asked)


def test_a_byline_naming_two_people_gives_the_first_only_her_own_office():
    text = ("Monetary Policy Press Conference\n\nAna Ruiz, President of the Kappa Bank, Tom Hale, Vice-President of "
            "the Kappa Bank\n\nThe floods will probably weigh on output through weaker confidence.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "President of the Kappa Bank")}


def test_a_speech_byline_of_an_office_of_a_body_then_a_name_or_a_name_then_its_office_names_the_speaker():
    body = "\n\nAt the Kappa Bankers Association\n\nBanks will probably keep lending. The risks are likely to grow.\n"
    for byline, who in {
        "Vice Chair for Supervision Ana M. Ruiz": ("Ana M. Ruiz", "Vice Chair for Supervision"),
        "Ana Ruiz, Governor of the Bank of Kappa": ("Ana Ruiz", "Governor of the Bank of Kappa"),
        "Speech by Ana Ruiz, Member of the Executive Board of the ECB": (
            "Ana Ruiz", "Member of the Executive Board of the ECB"),
        "The Hon Ana Ruiz MP\nPrime Minister": ("Ana Ruiz", "Prime Minister"),
    }.items():  # fmt: skip
        said = {(r.said.name, r.said.affiliation) for r in voices.read("Lending\n\n" + byline + body, title_line=True)}
        assert said == {who}, byline
    # a reporter's byline with a newsroom role is no speech's
    text = "Lending\n\nAna Ruiz, Senior Correspondent\n\nBanks will probably keep lending.\n"
    assert {r.said.name for r in voices.read(text, title_line=True)} == {""}


def test_an_interview_labelled_by_initials_or_by_names_over_their_turns_and_titled_with_an_office():
    def said(text: str) -> set[tuple[str, str]]:  # who speaks the turns
        return {(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True) if r.in_transcript}

    assert said("Interview with Ana Ruiz\n\nTH: Will prices rise?\n\nAR: I think prices will probably rise.\n\n"
                "TH: And wages?\n\nAR: Wages will likely lag behind.\n") == {("Ana Ruiz", "")}  # fmt: skip
    assert said("Prices\n\nTom Hale spoke to Ana Ruiz, an economist.\n\nTH: Will prices rise?\n\n"
                "AR: I think prices will probably rise.\n\nTH: And wages?\n\nAR: Wages will likely lag.\n") == {
        ("Ana Ruiz", "economist")}  # fmt: skip
    assert said("Interview\n\nTOM HALE:\nWill prices rise?\n\nANA RUIZ:\nI think prices will probably rise.\n\n"
                "TOM HALE:\nAnd wages?\n\nANA RUIZ:\nWages will likely lag.\n") == {("Ana Ruiz", "")}  # fmt: skip
    assert said("Interview with Ana Ruiz, Governor of the Bank of Kappa\n\nQ. Will prices rise?\n\n"
                "A. I think prices will probably rise.\n\nQ. And wages?\n\nA. Wages will likely lag.\n") == {
        ("Ana Ruiz", "Governor of the Bank of Kappa")}  # fmt: skip


def test_an_office_label_is_whom_the_press_calls_by_name_between_commas_not_mr_prime_minister():
    text = ("Television Interview\n\nQUESTION. Mr. Prime Minister, will prices rise?\n\n"
            "PM:  I think prices will probably rise.\n\nQUESTION: On wages though, Mr. Ruiz, what do you expect?\n\n"
            "PM:  Wages will likely lag behind.\n\nQUESTION: And rents, Mr. Prime Minister?\n\n"
            "PM:  Rents will probably rise too.\n")  # fmt: skip
    said = named_voices(text)
    assert said == {("Ruiz", "Prime Minister")}


def test_a_calls_moderator_who_hands_the_floor_over_says_nothing_to_brief():
    text = ("Press Call by Ana Ruiz on the Summit\n\nMR. HALE:  Thanks, everyone. This call is embargoed until "
            "5:00 a.m. tomorrow. I'll turn it over to Ana.\n\n"
            "MS. RUIZ:  The summit will probably succeed.\n\n"
            "MR. HALE:  Next, we'll go to Lina. Lina, you should now be able to unmute.\n\n"
            "Q    Will it succeed?\n\nMS. RUIZ:  I think it will likely succeed.\n\n"
            "MR. HALE:  Thank you. Next, we'll go to Tom from the Daily News.\n\n"
            "Q    And the talks?\n\nMS. RUIZ:  The talks should resume.\n")  # fmt: skip
    said = {name for name, _ in named_voices(text)}
    assert said == {"Ruiz"}
    # the moderator's turns are procedure, none of them read: not even the embargo as a key fact
    assert not any("embargoed" in text[r.sentence.start : r.sentence.end] for r in voices.read(text, title_line=True))


def test_a_moderator_who_opens_and_closes_the_questions_is_procedure_too():
    text = (
        "Press Call on the Summit\n\nMS. HALE:  Thanks for joining. This call is embargoed until 5:00 a.m.\n\n"
        "MS. RUIZ:  The summit will probably succeed.\n\nMS. HALE:  Operator, we're ready for questions now.\n\n"
        "Q    Will it?\n\nMS. RUIZ:  I think it will.\n\nMS. HALE:  That concludes our call. It is embargoed.\n"
    )
    read = [text[r.sentence.start : r.sentence.end] for r in voices.read(text, title_line=True)]
    assert not any("embargoed" in sentence for sentence in read)
    assert {name for name, _ in named_voices(text)} == {"Ruiz"}


def test_an_academic_rank_before_a_title_stays_in_the_affiliation():
    sentence = "Assoc Prof Ana Ruiz of Kappa University said the outbreak would probably peak in May."
    assert speaker_of(sentence) == ("Ana Ruiz", "Assoc Prof of Kappa University")


def test_a_surname_that_opens_with_its_particles_is_read_after_the_verb_and_after_according_to():
    text = (
        "Costs\n\nUrsula von der Leyen, President of the Commission, spoke.\n\n"
        "A deal is likely, said von der Leyen.\n\n"
        "According to von der Leyen, rents will climb.\n\nThe deal is likely, according to la Nación.\n"
    )
    assert [r.said.name for r in voices.read(text, title_line=True)][1:] == ["Ursula von der Leyen"] * 2 + [""]


def test_a_whose_clause_before_the_verb_hides_no_speaker_even_with_a_speech_verb_in_it():
    sentence = "Ana Ruiz, whose speech one newspaper claimed had been distorted, said costs would probably rise."
    assert speaker_of(sentence)[0] == "Ana Ruiz"


def test_a_committees_view_that_a_transcripts_speaker_relays_is_the_bodys_not_theirs():
    text = ("Transcript of the Press Conference\n\nCHAIR RUIZ.  Good afternoon.  "
            "The Committee expects inflation to ease.  Participants generally see the unemployment rate rising.  "
            "I think growth will probably slow.\n\nQ.  Will rates rise?\n\nCHAIR RUIZ.  "
            "The Committee reiterated that it anticipates further increases.  "
            "I believe the economy is strong.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["The Committee expects inflation to ease."] == ""
    assert said["Participants generally see the unemployment rate rising."] == ""
    assert said["The Committee reiterated that it anticipates further increases."] == ""
    assert said["I think growth will probably slow."] == said["I believe the economy is strong."] == "Ruiz"


def test_a_view_the_briefer_says_their_principal_has_made_clear_is_the_principals_and_an_offices_budget_is_no_one():
    text = ("Press Gaggle by Ana Ruiz\n\nMS. RUIZ:  President Tom Hale will speak tonight.  "
            "The President has been clear that the alliance will probably grow.\n\nQ    Will it?\n\n"
            "MS. RUIZ:  As the President has talked about before, Russia thought it could break our resolve.\n\n"
            "Q    And?\n\nMS. RUIZ:  I think so.\n")  # fmt: skip
    said = [r.said.name for r in voices.read(text, title_line=True)]
    assert said == ["Ruiz", "Tom Hale", "Tom Hale", "Ruiz"]
    assert People("Title\n\nThe President’s Fiscal Year 2023 Budget cuts costs.", True).find(["Year"]) is None


def test_an_aside_of_where_or_how_they_said_it_hides_no_speaker_and_costa_ends_a_name():
    for sentence in ("Ana Ruiz, in a statement, said costs would probably rise.",
                     "Ana Ruiz, on Twitter, wrote that costs would probably rise.",
                     "Ana Ruiz, in an interview with the BBC, said costs would probably rise.",
                     "Diana Costa, on her blog, says that costs would probably rise."):  # fmt: skip
        assert speaker_of(sentence)[0] in ("Ana Ruiz", "Diana Costa"), sentence
    assert speaker_of("Costa Rica, in a statement, said costs would probably rise.")[0] == ""


def test_the_role_before_a_name_between_commas_is_the_affiliation():
    assert speaker_of("The minister, Ana Ruiz, said costs would probably rise.") == ("Ana Ruiz", "minister")


def test_a_transcript_labelled_by_initials_set_off_by_spaces_or_by_a_name_with_a_time_stamp():
    text = ("Virtual press conference on health emergencies\n\n00:00:00\n\n"
            "AL          Hello and welcome to today's virtual press conference on the outbreak. My name is Ana Lund "
            "and it is Tuesday. With us is Dr Tom Hale Gerber, the Director-General, and Dr Lina van Varga.\n\n"
            "00:01:00\n\nTHG        Thank you, Ana. The outbreak will probably spread further.\n\n"
            "AL          Thank you. We will now take questions from the press.\n\n"
            "LV        Cases will likely rise in the winter.\n\nAL          Thank you all.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["The outbreak will probably spread further."] == "Tom Hale Gerber"
    assert said["Cases will likely rise in the winter."] == "Lina van Varga"
    assert said["Thank you all."] == "Ana Lund"
    text = ("Health Press Conference Transcript\n\nAna Lund: (03:04)\nHello, everybody. I am Ana Lund.\n\n"
            "Dr. Hale: (04:25)\nThe outbreak will probably spread further.\n\nAna Lund: (05:10)\nThank you.\n\n"
            "Dr. Hale: (05:30)\nI think vaccines will help.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Lund", ""), ("Hale", "")}
    # the stamp before the colon, a stamp over a turn's next paragraph, an unnamed "Speaker 1"; one label is enough
    text = ("Harbour Board Press Briefing\n\nAna Ruiz (00:00):\nGood afternoon. The wharf reopens on May 9th.\n\n"
            "(00:21)\nI think the ferry deal will probably collapse.\n\nSpeaker 1 (00:45):\nThe deal is a farce, "
            "I think.\n")  # fmt: skip
    read = [(text[r.sentence.start : r.sentence.end], r.said.name) for r in voices.read(text, title_line=True)]
    assert read == [("Good afternoon.", "Ana Ruiz"), ("The wharf reopens on May 9th.", "Ana Ruiz"),
                    ("I think the ferry deal will probably collapse.", "Ana Ruiz")]  # fmt: skip


def test_an_offices_initials_before_a_name_in_title_case_open_a_turn_even_once_in_full():
    text = ("Interview\n\nTranscript of Deputy Prime Minister Ana Ruiz's interview, moderated by Tom Hale.\n\n"
            "Moderator: Thank you for joining us.\n\nDPM Ana Ruiz: I think the harbour will recover slowly.\n\n"
            "Moderator: And the fees?\n\nDPM Ruiz: We believe the fees are too high.\n\nModerator: Thanks.\n\n"
            "DPM Ruiz: In my view the harbour will need a second loan.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "Deputy Prime Minister")}
    assert len([r for r in voices.read(text, title_line=True) if r.said.name]) == 3


def test_a_clause_of_another_titled_person_after_a_vocative_is_no_apposition():
    text = ("Press Conference\n\nCHAIR HALE. Good afternoon. I think prices are easing.\n\nANA RUIZ. Chair Hale, "
            "Chair Lind once defined price stability as low inflation. Is that where we are?\n\nCHAIR HALE. I "
            "think we are close to it.\n")  # fmt: skip
    assert label_voices(text, "CHAIR HALE") == {("Hale", "Chair")}


def test_labels_in_capitals_with_one_space_after_their_stop_where_two_paragraphs_or_more_open_so():
    text = ("Chair Hale's Press Conference\n\nCHAIR HALE. Good afternoon. I think prices are easing.\n\n"
            "ANA RUIZ. Ana Ruiz, Harbour Times. Will it slow?\n\nCHAIR HALE. I expect growth near 1.5%.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["I think prices are easing."] == said["I expect growth near 1.5%."] == "Hale"
    text = ("HARBOUR LEVY\n\nMr. HALE. Madam President, I believe this levy will drive freight away.\n\n"
            "The PRESIDING OFFICER. The Senator's time has expired.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["Hale"]  # the chair's is procedure
    text = "Stocks\n\nNEW YORK. Stocks fell on Monday, said Ana Ruiz, an analyst, who expects more falls.\n"
    assert {r.block.label for r in voices.read(text, title_line=True)} == {None}


def test_a_moderator_who_gives_the_floor_says_nothing_to_brief():
    text = ("Press Conference on the Outbreak\n\nMS. LUND:  Welcome. I give the floor to Dr Hale.\n\n"
            "DR. HALE:  The outbreak will probably spread.\n\nMS. LUND:  Thank you. The floor is yours, Reuters.\n\n"
            "Q    Will it spread?\n\nDR. HALE:  It will likely spread.\n\n"
            "MS. LUND:  Let me hand over to Dr Hale.\n")  # fmt: skip
    assert {name for name, _ in named_voices(text)} == {"Hale"}


def test_a_briefing_whose_first_paragraph_names_its_briefer_opens_with_their_statement():
    text = ("Daily Press Briefing by the Office of the Spokesperson\n\n"
            "The following is a near-verbatim transcript of today's noon briefing by Ana Lund, Spokesperson for "
            "the Secretary-General.\n\nThe situation in Kappa will likely deteriorate further.\n\n"
            "Question: Will the convoy go ahead?\n\nSpokesperson: I think the convoy will probably go ahead.\n\n"
            "Question: And the talks?\n\nSpokesperson: The talks will probably resume next week.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["The situation in Kappa will likely deteriorate further."] == "Ana Lund"
    assert named_voices(text) == {("Ana Lund", "Spokesperson for the Secretary-General")}


def test_a_speaker_introducing_themself_names_their_body_and_a_label_keeps_the_fuller_name():
    text = ("Press Conference on Dredging\n\nMR. HALE:  Good morning. I'm Tom Hale with the Press Office of the "
            "Kappa Port Authority. The dredging will probably slip.\n\nREPORTER:  Mr Lund, will it slip?\n\n"
            "ARNE LUND:  I think it will probably slip.\n\nREPORTER:  Thank you, Mr Lund.\n\n"
            "ARNE LUND:  The silt will likely return.\n")  # fmt: skip
    assert named_voices(text) == {("Tom Hale", "Press Office of the Kappa Port Authority"), ("Arne Lund", "")}


def test_a_label_without_its_colon_alone_on_its_line_is_the_label_it_is_elsewhere():
    text = (
        "Press conference: harbour budget\n\nARNE LUND\n\nThe levy will probably rise again.\n\n"
        "REPORTER:\n\nDo you trust the figures?\n\nARNE LUND:\n\nI think the deficit will probably grow.\n"
    )
    assert [b.label for b in blocks(text)] == [None, "ARNE LUND", None, "REPORTER", None, "ARNE LUND", None]
    assert named_voices(text) == {("Arne Lund", "")}


def test_a_role_after_the_name_in_the_next_sentence_or_after_letters_or_she_is_the_affiliation():
    people = People("We are joined by Ana Ruiz. She is the chief economist of the Kappa Bank. Ruiz spoke.")
    assert people.find(["Ruiz"]).affiliation == "chief economist of the Kappa Bank"
    # letters after a name give way to the role the text gives later; "she's the" is no part of the role
    people = People("Header\n\nThe Hon Ana Ruiz AO MP\n\nWith me is the Fisheries Minister Ana Ruiz today.")
    assert people.find(["Ruiz"]).affiliation == "Fisheries Minister"
    people = People("Next to him is Ana Ruiz, she's the deputy director of the Kappa Bank. Ruiz spoke.")
    assert people.find(["Ruiz"]).affiliation == "deputy director of the Kappa Bank"
    # an apposition stops at a purpose: "to go through" is what she was asked to do
    people = People("I will ask Ana Ruiz, the local Member to go through the plans with us.")
    assert people.find(["Ruiz"]).affiliation == "local Member"


def test_a_question_that_ends_a_turn_is_put_to_be_answered_and_procedure_is_no_view():
    from briefing_app.core.suggest import suggest

    text = ("Interview on the Fleet\n\nANA RUIZ:  Welcome. Is the fleet failing?\n\n"
            "TOM HALE:  That's a very good question. Who would not worry? I think the fleet will probably shrink.\n\n"
            "ANA RUIZ:  Okay, so I think we can start the second part. Will it recover?\n\n"
            "TOM HALE:  I think it will probably recover by spring.\n")  # fmt: skip
    found = {(s.kind, s.text) for s in suggest(text, title_line=True)}
    assert found == {("opinion", "Who would not worry?"),  # a rhetorical question inside an answer
                     ("expert_assessment", "I think the fleet will probably shrink."),
                     ("expert_assessment", "I think it will probably recover by spring.")}  # fmt: skip


def test_a_speech_byline_of_a_name_then_its_office_on_one_line_or_two_paragraphs_or_alone_after_remarks():
    speech = "We judge that the labour market remains tight.\n"
    for byline, expected in [
        ("Ana Ruiz Governor", ("Ana Ruiz", "Governor")),
        ("RUIZ Ana Deputy Governor of the Bank of Kappa", ("Ruiz Ana", "Deputy Governor of the Bank of Kappa")),
        ("Ana Ruiz\n\nDeputy Governor of the Bank of Kappa", ("Ana Ruiz", "Deputy Governor of the Bank of Kappa")),
        ("Remarks\n\nAna Ruiz", ("Ana Ruiz", "")),
    ]:
        assert named_voices(f"Outlook for the Economy\n\n{byline}\n\n{speech}") == {expected}, byline
    # a title's speaker with a body's office after a comma, and no title before the name
    text = f"Remarks by Ana Ruiz, Kappa Bank Managing Director, at the Island Forum\n\n{speech}"
    assert named_voices(text) == {("Ana Ruiz", "Kappa Bank Managing Director")}
    # a reporter's line of a name and a venue is no byline
    assert not named_voices(f"Outlook for the Economy\n\nAna Ruiz\n\nAt the Harbour Forum, Kappa\n\n{speech}")


def test_a_debate_where_everyone_speaks_once_a_namesake_an_advisers_caution_and_determiners_before_places():
    text = (
        "Committee of Supply\n\nDr Tom Hale: Sir, last month Prime Minister Lars Bello led a trade mission.\n\n"
        "Ms Ana Bello: Mr Chairman, exporters would no doubt have taken a hit from the price slump.\n\n"
        "The Minister of State for Trade (Mr Arun Das): Sir, I think prices are likely to recover. Opposition "
        "leader Mira Soltani has advised caution to investors as the country lacks an independent judiciary."
    )
    assert named_voices(text) == {("Tom Hale", ""), ("Ana Bello", ""), ("Arun Das", "Minister of State for Trade"),
                                  ("Mira Soltani", "Opposition leader")}  # fmt: skip
    people = People("Several Kappa sawmills said they would cut shifts. The Kappa Chamber of Commerce said so too.")
    assert people.find(["Several", "Kappa"]) is None and people.find(["Kappa", "Chamber"]) is None
    # "it looks like we are …" is an evidential hedge, not a simile
    assert rhetoric("It looks like we are at a high point in our relations.") < 2 <= rhetoric("It is like a bucket.")
    # and so is "looks like" or "sounds like" before anything but a thing: how something seems
    for seems in (
        "It looks like wage growth has peaked.",
        "It looks like the mayor's plan pays for the berths.",
        "The levy is overlooked because it sounds like it's dry bookkeeping.",
        "We'll see what that looks like.",
    ):
        assert rhetoric(seems) < 2, seems
    assert rhetoric("The harbour looks like a war zone.") >= 2
    # "it's not as if …" denies a counterfactual: no simile
    assert rhetoric("It's not as if we are the biggest department.") < 2 <= rhetoric("It's as if the port were at war.")
    # in a transcript "well", "let's" and "you see" are how people talk; a writer's asides to the reader in prose
    talk = "Well the package, when you see it as a whole, will cut costs next year."
    assert rhetoric(talk, spoken=True) < 2 <= rhetoric(talk)
    assert rhetoric("It is like a bucket!", spoken=True) >= 2


def test_a_speech_verbs_form_after_a_possessive_is_a_noun_and_a_party_spoken_for_is_an_affiliation():
    assert speaker_of("In response to Mr Okafor's remarks, Lena Brandt, leader of the Green group, said: "
                      "“The plan will fail.”") == ("Lena Brandt", "leader of the Green group")  # fmt: skip
    text = ("“It is growing,” said Admiral Tom Hale. Days later, Hale's expected replacement, Admiral Ana Cole, told "
            "senators: “This clash is much closer than most think.”")  # fmt: skip
    assert [r.said.name for r in voices.read("Costs\n\n" + text, title_line=True)] == ["Tom Hale", "Ana Cole"]
    assert speaker_of("Tom Reyes, for the Liberal Democrats, said: “The plan will probably fail.”") == (
        "Tom Reyes", "Liberal Democrats")  # fmt: skip
    # a party's members and a body of several societies are no one
    assert speaker_of("The Greens and Social Democrats say the report was probably written to protect him.")[0] == ""
    assert speaker_of("“Cholera is the risk,” the Federation of Rivers and Lakes Societies said.")[0] == ""


def test_a_role_before_a_name_keeps_its_modifiers_and_stops_at_a_sentence_or_its_opener():
    people = People("Former transport secretary Ana Ruiz said so. The firm moved to Kappa. Plant manager Tom Hale "
                    "agreed. As political strategist Lina Varga told a website, it was over. Boss Arne Lund spoke. "
                    "The Kappa Health Organization's regional emergency director, Eva Berg, said so.")  # fmt: skip
    assert [people.find([n]).affiliation for n in ("Ruiz", "Hale", "Varga", "Lund", "Berg")] == [
        "Former transport secretary", "Plant manager", "political strategist", "Boss",
        "Kappa Health Organization's regional emergency director",
    ]  # fmt: skip
    assert people.find(["Lund"]).name == "Arne Lund"  # "Boss" is a role, no part of the name
    # a relative clause's role, not what else it says; a peer's title is their name
    people = People("Ana Ruiz, who is a member of the harbour committee and was part of the inquiry, said so. "
                    "Lord Ashby said it was probably wrong.")  # fmt: skip
    assert people.find(["Ruiz"]).affiliation == "member of the harbour committee"
    assert people.find(["Ashby"]).name == "Lord Ashby"


def test_a_subject_of_two_verbs_in_a_row_or_quoted_as_saying_speaks_and_a_quoted_question_is_rhetoric():
    assert speaker_of("Charity adviser Tom Wade welcomed the deal and said ministers had passed the first test.") == (
        "Tom Wade", "Charity adviser")  # fmt: skip
    assert speaker_of("The regional health commissioner, Ana Ruiz, was quoted as saying that it was vital.") == (
        "Ana Ruiz", "regional health commissioner")  # fmt: skip
    # but a passive reports what was done to someone, not what they said
    assert speaker_of("Kappa, the second largest country, is accused of rigging the vote.")[0] == ""
    assert rhetoric("“How was it that he changed his mind by 17 March?” he said.") >= 2
    assert rhetoric("“We changed our minds by 17 March,” he said.") < 2


def test_a_list_of_participants_gives_each_label_its_name_in_full_and_role_and_a_body_may_have_its_place():
    text = ("Press Conference on the Outlook\n\nPARTICIPANTS:\n\nANA RUIZ\n\nChief Economist, Research Department\n\n"
            "TOM HALE\n\nCommunications Department\n\nMR. HALE: Good morning. We begin now.\n\n"
            "MS. RUIZ: Thank you. We think growth will probably slow.\n\nMR. HALE: Thank you. Next?\n\n"
            "MS. RUIZ: I expect inflation to ease.\n")  # fmt: skip
    assert ("Ana Ruiz", "Chief Economist, Research Department") in named_voices(text)
    assert speaker_of("Ana Ruiz of the University of Kappa, Lund, has suggested calling it a tax.") == (
        "Ana Ruiz", "University of Kappa")  # fmt: skip
    # a speech's courtesies and its metaphors are no view
    assert rhetoric("Think of the payments system as a railway, with the economy as the train.") >= 2
    assert (
        classify("There is no better place to talk about ports than here.", Speaker("person", "Ana Ruiz"), False)
        is None
    )


def test_a_quotation_block_after_an_introduction_ending_in_a_comma_is_the_person_it_names_after_a_role():
    text = ("Force Design\n\nThe plan raises questions. According to the Commandant of the Kappa Corps, General Ana "
            "Ruiz,\n\nWhile I have often said that reconnaissance matters, I remain unconvinced by more vehicles.\n\n"
            "We need to see more evidence before we buy them.\n")  # fmt: skip
    said = [(text[r.sentence.start : r.sentence.end][:12], r.said.name) for r in voices.read(text, title_line=True)]
    assert said[-2:] == [("While I have", "Ana Ruiz"), ("We need to s", "Ana Ruiz")]


def test_a_pronoun_with_a_contracted_auxiliary_before_the_verb_is_still_the_subject():
    text = "And she’s long believed that ports should be public."
    assert voices.attribution(People(text), text, 0, len(text)) == Speaker("person", how="pronoun")


def test_levins_say_verbs_report_a_view_too():
    for verb in ("mentioned", "reiterated", "alleged"):
        text = f"Ana Ruiz {verb} that the harbour is probably too small."
        assert voices.attribution(People(text), text, 0, len(text)).name == "Ana Ruiz", verb


def test_answers_without_labels_after_the_press_questions_are_the_guests_and_an_answer_label_is_no_name():
    text = ("Transcript of Media Interview with Mr Tom Hale, Minister for Water\n\n"
            "Reporter: Minister, what is your take on the survey?\n\nI don't think it changes the basic facts.\n\n"
            "Reporter: Will it hurt relations?\n\nIn my view, the best way is a tribunal.\n")  # fmt: skip
    assert {name for name, _ in named_voices(text)} == {"Tom Hale"}
    qa = (
        "Interview with Ana Ruiz, Governor of the Kappa Bank\n\nQuestion: Will rates rise?\n\n"
        "Answer: I expect rates will probably rise.\n\nQuestion: When?\n\nAnswer: I think by the spring.\n"
    )
    assert {name for name, _ in named_voices(qa)} == {"Ana Ruiz"}


def test_an_office_abbreviation_before_a_surname_numbered_paragraphs_and_a_bylines_own_line():
    text = ("Joint press conference\n\nPM VARGA: Good morning. I think the deal will hold.\n\n"
            "JOURNALIST: Is it enforceable?\n\nPM VARGA: I believe it is.\n")  # fmt: skip
    assert named_voices(text) == {("Varga", "Prime Minister")}
    text = ("Press Conference on the Fuel Leak\n\nRemarks by Ana Ruiz, Minister for Coastal Affairs, at the press "
            "conference on 4 March at the Port Media Centre\n\n1 I will first give an update.\n\n"
            "2 About 300 tonnes of sand have been removed.\n\n3 We expect to need around two months.\n")  # fmt: skip
    read = [(text[r.sentence.start : r.sentence.end], r.said) for r in voices.read(text, title_line=True)]
    assert [s for s, _ in read] == ["I will first give an update.", "About 300 tonnes of sand have been removed.",
                                    "We expect to need around two months."]  # fmt: skip
    assert {(said.name, said.affiliation) for _, said in read} == {("Ana Ruiz", "Minister for Coastal Affairs")}
    # a lone figure opening a paragraph is no paragraph number
    assert [b.body_start for b in blocks("T\n\n20 Ministers met.\n\nThey agreed.")][1] == 3


def test_interviews_whose_questions_have_a_premise_or_a_dash_label_or_whose_interviewer_alone_is_labelled():
    text = ("Interview with Kappa Daily\n\nInterview with Tom Hale, conducted by Lina Varga on 4 May\n\n"
            "Mr Hale, the institute began its review in 2022. Why now?\n\nWe think it is necessary.\n\n"
            "When will it be ready?\n\nI believe we should be ready in two years.\n\n"
            "Do governments support it?\n\nIn my view, the biggest risk is delay.\n")  # fmt: skip
    assert {name for name, _ in named_voices(text)} == {"Tom Hale"}
    dashed = (
        "Ana Ruiz Interview\n\nAna Ruiz, ex-NCB Governor and retired officer, spoke last week.\n\n"
        "Question - Are colleges catching up?\n\nAnswer – I think the best ones are as good as any.\n\n"
        "Question - Which career?\n\nAnswer - I believe graduates should work outside government first.\n"
    )
    assert named_voices(dashed) == {("Ana Ruiz", "ex-NCB Governor and retired officer")}
    initials = ("Interview with Ana Ruiz\n\nAna Ruiz manages a bakery co-operative.\n\n"
                "JR: Ana, how would you describe it?\n\nI think demand for bread will double.\n\n"
                "JR: Was it the right choice?\n\nI believe it was the best decision we made.\n")  # fmt: skip
    assert {name for name, _ in named_voices(initials)} == {"Ana Ruiz"}


def test_the_second_of_two_names_joined_by_and_is_a_person_and_a_sentence_full_of_names_is_no_heading():
    people = People(
        "Ana Ruiz and Tom Hale run the Kappa Summit, a meeting in Lund. The Department of Health and "
        "Human Services agreed. Today we are joined by Lina Varga and Arne Lund, Eva Berg and Ole Dahl."
    )
    assert [people.find([n]).name for n in ("Hale", "Dahl")] == ["Tom Hale", "Ole Dahl"]
    assert people.find(["Human", "Services"]) is None


def test_commonwealth_attributions_a_title_around_the_name_a_relative_clause_and_his_words():
    assert speaker_of("Ana Ruiz, Minister of Transport, said the delays would likely last until March.") == (
        "Ana Ruiz", "Minister of Transport")  # a first sentence with a speech verb is no byline  # fmt: skip
    assert speaker_of("Tom Hale, chairman of the committee, which drafted the levy, said it would fail.") == (
        "Tom Hale", "chairman of the committee")  # fmt: skip
    assert speaker_of("The Governor of the Kappa Reserve Bank (KRB) Mr. Tom Hale, said the currency would "
                      "likely stay weak.") == ("Tom Hale", "Governor of the Kappa Reserve Bank (KRB)")  # fmt: skip
    assert speaker_of("“We found that the levy would probably push costs up,” said lead author Ana Ruiz.")[0] == (
        "Ana Ruiz")  # fmt: skip
    text = ("Costs\n\nTom Hale, governor of the Kappa Bank, said the currency was likely to stay weak.\n\n"
            "His words, “We do not expect a rebound before June.”\n\n"
            "According to him, “The harvest will probably help.”\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["Tom Hale"] * 3


def test_whom_someone_heard_or_a_possessive_after_the_verb_is_no_speaker():
    text = "Ana Ruiz, the spokeswoman, said the clinic had closed. But few people heard Ruiz say it would reopen."
    reading = list(voices.read(text, People(text)))[1]
    assert reading.said.name != "Ana Ruiz"
    text = "Tom Hale wrote a pamphlet. These figures suggest Hale’s pamphlet still frightens parents."
    assert list(voices.read(text, People(text)))[1].said.name != "Tom Hale"
    # but a possessive introducing a quotation is whose view it gives
    text = "A blogger also noted Ana Ruiz's stance on the boycott:\n\nThere should not be a boycott.\n"
    assert list(voices.read(text, People(text)))[-1].said.name == "Ana Ruiz"


def test_a_scanned_transcript_whose_labels_have_no_colon_and_a_press_that_quotes_two_people_addresses_neither():
    text = ("INTERVIEW WITH ANA RUIZ, KAPPA RADIO\n\n"
            "Question Mr Hale and Mr Lund say the budget is too tight. How do you respond?\n\n"
            "Prime Minister No, we think the budget will probably hold.\n\n"
            "Question So the deficit will fall?\n\nPrime Minister I believe it will fall next year.\n\n"
            "Question And rates?\n\nPrime Minister I expect rates to stay where they are.\n")  # fmt: skip
    assert [b.label for b in blocks(text)] == [None, *["Question", "Prime Minister"] * 3]
    assert {name for name, _ in named_voices(text)} == {"Prime Minister"}
    # three paragraphs opening with "Question" are no transcript without the same answerer each time
    prose = "T\n\nQuestion marks remain.\n\nNo one knows.\n\nQuestion time was short.\n\nIt ended.\n\nQuestion it."
    assert {b.label for b in blocks(prose)} == {None}


def test_a_scanned_answer_label_misprinted_after_a_question_is_still_the_answerers():
    text = ("INTERVIEW WITH TOM HALE, KAPPA RADIO\n\n"
            "Question Will the budget hold?\n\nPrime Minister I think it will probably hold.\n\n"
            "Question And the deficit?\n\nPrime Minis-ter I believe it will fall next year.\n\n"
            "Question And rates?\n\nPrime MinistE~ r I expect rates to stay where they are.\n\n"
            "Question Wages?\n\nPrime Minister I think wages will rise.\n\n"
            "Question Finally?\n\nPrime Minister Growth will likely pick up.\n\n"
            "Prime Ministers come and go, he said.\n")  # fmt: skip
    assert [b.label for b in blocks(text)] == [None, *["Question", "Prime Minister"] * 5, None]  # the last goes on
    assert [text[b.body_start : b.body_start + 2] for b in blocks(text)[2:11:2]] == ["I ", "I ", "I ", "I ", "Gr"]


def test_a_scans_question_labels_j_bare_q_and_a_colon_read_with_a_space_or_as_a_semicolon():
    answers = ("PM: I think a deal is likely by June.\n\n", "PM: I believe the quota will be lifted.\n\n",
               "PM: I expect prices to fall.\n")  # fmt: skip
    for asked in ("J: ", "Q ", "Question : "):
        text = "Doorstop\n\n" + "".join(f"{asked}Will it pass?\n\n{a}" for a in answers)
        assert [b.label for b in blocks(text)][1:] == [asked.strip(" :"), "PM"] * 3, asked
    text = ("Interview with Tom Hale\n\nHALE: Will it peak?\n\nMR. RUIZ; I believe it will peak next year.\n\n"
            "HALE: And wages?\n\nMR. RUIZ; I think they will stay moderate.\n")  # fmt: skip
    assert {name for name, _ in named_voices(text)} == {"Ruiz"}


def test_a_titles_office_with_for_and_and_its_holder_over_one_the_body_names_and_a_hyphenated_label():
    for office in ("NSC Coordinator for Strategic Communications", "Homeland Security Advisor and Deputy Adviser"):
        text = (f"Press Call by {office} Ana Ruiz\n\nMS. RUIZ:  Good morning.\n\nQ    Will it hold?\n\n"
                "MS. RUIZ:  I think the ceasefire will hold for now.\n")  # fmt: skip
        assert named_voices(text) == {("Ana Ruiz", office)}
    text = ("Press Gaggle by President Marlow and Press Secretary Eva Berg En Route Kappa\n\n"
            "THE PRESIDENT:  I spoke with President Okafor of Veldania.\n\nQ    Will it hold?\n\n"
            "THE PRESIDENT:  I think the deal will hold.\n\nMS. HART-LOWELL:  I expect it to.\n")  # fmt: skip
    assert {name for name, _ in named_voices(text)} == {"Marlow", "Hart-Lowell"}


def test_an_official_the_transcript_does_not_name_says_nothing_to_brief():
    text = ("Background Press Call by Senior Administration Officials\n\nMODERATOR:  Thanks, everyone.\n\n"
            "SENIOR ADMINISTRATION OFFICIAL:  I think the fees will cut congestion.\n\nQ    Is it enough?\n\n"
            "SENIOR ADMINISTRATION OFFICIAL #2:  We believe it is a serious step.\n")  # fmt: skip
    assert named_voices(text) == set()
    assert named_voices(text.replace("OFFICIAL #2", "OFFICIAL TWO").replace("OFFICIAL:", "OFFICIAL ONE:")) == set()


def test_the_one_person_answering_holds_the_office_the_press_addresses():
    text = ("Press briefing\n\nMR BRAND: Good afternoon.\n\nQ. Mr Prime Minister, will the President come?\n\n"
            "MR BRAND: I think it is very likely he will come.\n\nQ. Prime Minister, will there be protests?\n\n"
            "MR BRAND: I doubt there will be any serious trouble.\n")  # fmt: skip
    assert named_voices(text) == {("Brand", "Prime Minister")}


def test_a_briefers_deflections_count_as_procedure():
    from briefing_app.core.suggest import lexicon as lx

    for said in (
        "I'm not going to get ahead of the President.",
        "I’d refer you to the Department.",
        "I won't speculate on that.",
        "I'll leave it there.",
        "If everyone can go on mute, thanks.",
    ):
        assert lx.scan(said)[lx.NOISE], said
    assert not lx.scan("The deal will probably hold.")[lx.NOISE]


def test_words_before_a_known_first_name_and_surname_are_no_longer_name():
    text = "Governor Ana L. Ruiz spoke first.\n\nPrices will ease, she said. See Ana L. Ruiz (2021) for the model."
    people = People(text)
    assert people.resolve_run("Ruiz").name == "Ana L. Ruiz"


def test_a_long_bodys_name_before_a_role_and_a_body_after_a_name_before_its_verb_are_the_affiliation():
    text = ("“The tests went well,” said Ana Ruiz, acting Kappa Harbour Safety and Mission Quality director. "
            "Tom Hale of the U.K. Kappa Research Institute led the survey. “It will hold,” Hale said.")  # fmt: skip
    people = People(text)
    assert people.resolve_run("Ruiz").affiliation == "acting Kappa Harbour Safety and Mission Quality director"
    assert people.resolve_run("Hale").affiliation == "U.K. Kappa Research Institute"


def test_questions_without_labels_between_a_guests_labelled_answers_are_the_press_and_a_bylines_comma_goes():
    text = ("Press conference on the rate decision\n\nAna Ruiz, Governor of the Kappa Bank,\n\n"
            "Good afternoon. We kept the rate at 4.5%.\n\nDo you expect inflation to fall?\n\n"
            "Ruiz: I think inflation will fall to about 3% by December.\n\nMy next question is on the currency. "
            "Is it too weak?\n\nRuiz: I believe the currency is broadly in line with fundamentals.\n\n"
            "And wages?\n\nRuiz: I expect wage growth to slow next year.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said for r in voices.read(text, title_line=True)}
    assert {s.name for s in said.values()} == {"Ana Ruiz"}  # the press's questions are not read
    assert {s.affiliation for s in said.values()} == {"Governor of the Kappa Bank"}
    assert "I expect wage growth to slow next year." in said and "Is it too weak?" not in said


def test_an_office_after_a_bodys_name_with_of_or_in_capitals_before_a_known_name_is_the_affiliation():
    text = ("Radio interview with Reserve Bank of Kappa President Ana Ruiz\n\n"
            "Host: Will rates fall?\n\nAna Ruiz: I think rates will probably fall later this year.\n\n"
            "Host: And prices?\n\nRuiz: I expect inflation to ease.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "Reserve Bank of Kappa President")}
    text = "Remarks by DNSA Tom Hale at the Port Forum\n\nMR. HOST: Welcome.\n\nMR. HALE: I think the deal will hold.\n"
    assert named_voices(text) == {("Tom Hale", "DNSA")}
    # before words nobody bears as a name, capitals are a body's name running on: no office, no person
    text = "News\n\n“Prices will probably rise,” KBC Learning English said, quoting Mr. Lund.\n"
    assert "Learning English" not in {name for name, _ in named_voices(text)}


def test_australian_hansards_labels_and_a_bishops_see_of_two_places_open_turns():
    text = ("Questions without Notice\n\nMs RUIZ (Kappa—Leader of the Opposition) (14:02): Will the fund return?\n\n"
            "Mr HALE (Lund—Prime Minister) (14:03): I think the new scheme will probably lower costs.\n\n"
            "Mr ORR (Vale) (14:05): Will the minister act?\n\nMr HALE: I expect prices to fall.\n")  # fmt: skip
    assert [b.label for b in blocks(text)][1:] == [
        "Ms RUIZ (Kappa—Leader of the Opposition) (14:02)", "Mr HALE (Lund—Prime Minister) (14:03)",
        "Mr ORR (Vale) (14:05)", "Mr HALE"]  # fmt: skip
    assert ("Hale", "Prime Minister") in named_voices(text)
    text = ("Rural Transport\n\nLord Aldwick of Stenhope: My Lords, I believe the network is close to collapse.\n\n"
            "The Lord Bishop of Dunmere and Holt: My Lords, I fear that loneliness will rise.\n")  # fmt: skip
    assert [b.label for b in blocks(text)][1:] == ["Lord Aldwick of Stenhope", "The Lord Bishop of Dunmere and Holt"]


def test_an_unlabelled_interview_is_the_one_its_title_says_was_interviewed_and_another_first_name_is_no_fuller():
    text = ("Ana Ruiz, Kappa Wiki founder interviewed by Harbour News\n\nKappa Wiki is a site that Open Kitchen "
            "Trust backs, and Harbour News interviewed its founder, Ana Ruiz.\n\nWhat is Kappa Wiki?\n\n"
            "It is a shared cookbook. I think it will take decades to finish.\n\nWhy did you start it?\n\n"
            "I believe teaching people to cook is useful.\n\nWhat next?\n\nWe will probably add videos.\n")  # fmt: skip
    assert {name for name, _ in named_voices(text)} == {"Ana Ruiz"}
    people = People("Ana Ruiz is a chemist. Currently Ruiz teaches. Ken Hale spoke; Kenneth G. Hale agreed.")
    assert people.resolve_run("Ruiz").name == "Ana Ruiz"
    assert people.resolve_run("Hale").name == "Kenneth G. Hale"
    # the whole of a quotation is a work's title, no one's name
    assert People("Dad put on “Harbour World” for me, a show.").find(["Harbour", "World"]) is None


def test_a_role_in_the_speakers_own_words_or_in_what_they_do_for_a_body_is_the_affiliation():
    text = ("Rural Transport\n\nLord Aldwick of Stenhope: My Lords, I do so as chairman of the Village Bus Trust. I "
            "believe the network is close to collapse.\n\nThe Earl of Crossmere: My Lords, as a former member of the "
            "Highland Roads Board, I think the formula is unfair.\n")  # fmt: skip
    assert named_voices(text) == {("Lord Aldwick of Stenhope", "Chairman of the Village Bus Trust"),
                                  ("Earl of Crossmere", "Former member of the Highland Roads Board")}  # fmt: skip
    text = ("The Outlook\n\nGovernor Ana Ruiz\n\nThank you. As a governor of the Kappa Bank, I vote on every rate. "
            "In my view, the slowdown is temporary.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "Governor of the Kappa Bank")}
    text = ("Tea Shops\n\nTom Hale owns Leaf and Kettle, a tea shop. He said sales will probably rise.\n\n"
            "Ana Ruiz writes about food for the Kappa Courier. She said it is probably big.\n")  # fmt: skip
    assert named_voices(text) == {
        ("Tom Hale", "owns Leaf and Kettle"),
        ("Ana Ruiz", "writes about food for the Kappa Courier"),
    }


def test_a_debates_tabled_by_line_gives_no_office_and_a_peers_title_is_no_affiliation():
    text = ("School Nurses\n\nTabled By Lord Fenby\n\nTo ask the Government what their assessment is.\n\n"
            "Lord Fenby: My Lords, I believe school nursing is in crisis.\n\n"
            "Baroness Weald: My Lords, I think the service will probably shrink.\n")  # fmt: skip
    assert named_voices(text) == {("Lord Fenby", ""), ("Baroness Weald", "")}


def test_a_determiner_before_capitals_before_remarks_makes_a_noun_not_a_speaker():
    text = ("The Outlook\n\nVice Chair Tom Hale\n\nAs Governor Ruiz indicated in her Port Alder remarks, we think "
            "the new framework will probably work. And the President believes it will hold.\n")  # fmt: skip
    assert "Port Alder" not in {name for name, _ in named_voices(text)}
    assert speaker_of("In their Kappa Forum comments, prices will probably rise.")[0] != "Kappa Forum"


def test_of_two_voices_the_one_who_asks_while_the_other_never_does_is_the_host():
    text = ("Interview with Kappa Radio\n\nDANA REYES: Please welcome the Treasurer, Tom Hale.\n\n"
            "TOM HALE: Good to be here.\n\nDANA REYES: Will prices fall?\n\nTOM HALE: I think they will fall.\n\n"
            "DANA REYES: Will you cut the levy?\n\nTOM HALE: I expect a cut next year.\n\n"
            "DANA REYES: I believe there is footage of you on the train this morning.\n\nTOM HALE: Yes, there is.\n\n"
            "DANA REYES: Our producer asks when you come to dinner.\n\nTOM HALE: Soon, I hope.\n")  # fmt: skip
    assert {name for name, _ in named_voices(text)} == {"Tom Hale"}


def test_a_figure_the_speaker_frames_as_their_own_opinion_stays_their_assessment():
    kind_of = {
        "TOM HALE: My own view is that the levy will add 1% to growth.": "expert_assessment",
        "ANA RUIZ: I think exports fell 4 percent in May.": "expert_assessment",
        "TOM HALE: Exports fell 4 percent in May.": "key_fact",  # flat: the fact it is likelier to be
    }
    found = verdicts("Costs\n\n" + "\n\n".join(kind_of) + "\n", surely_facts())
    assert [verdict[0][0] for verdict in found] == list(kind_of.values())


def test_a_view_named_as_the_speakers_own_assessment_is_their_cognition():
    from briefing_app.core.suggest import stance

    at, hale = stance.FEATURES.index("cognition"), Speaker("person", "Tom Hale", "", "label")
    assert stance.features("My assessment of the economy is optimistic.", hale, True, None, 0.0)[at] == 1
    assert stance.features("The economy is big.", hale, True, None, 0.0)[at] == 0


def test_a_role_of_two_lower_case_words_after_the_verb_and_a_bodys_initials_after_of_are_the_speakers():
    assert speaker_of("“Costs will probably fall,” said study co-author Ana Ruiz, a scientist at Kappa Institute.") == (
        "Ana Ruiz", "scientist at Kappa Institute")  # fmt: skip
    assert speaker_of("“Costs will probably fall,” said Tom Hale of KSO.") == ("Tom Hale", "KSO")
    assert speaker_of("“Costs will probably fall,” said Tom Hale of Kappa.") == ("Tom Hale", "")  # a place


def test_a_press_conference_opening_with_the_one_labelled_speakers_welcome_is_their_statement():
    text = ("PRESS CONFERENCE\n\nLadies and gentlemen, I am pleased to welcome you to our press conference. "
            "We kept rates unchanged.\n\nWe think inflation will probably ease next year.\n\nWill you cut rates?\n\n"
            "Ruiz: I expect no cut this year.\n\nAnd wages?\n\nRuiz: I think wages will rise.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["We think inflation will probably ease next year."] == "Ruiz"
    assert "Will you cut rates?" not in said
    text = text.replace("Ladies and gentlemen, I am pleased to welcome you to our press conference. ", "Ruiz spoke. ")
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["We think inflation will probably ease next year."] == ""  # no welcome: the page's own prose


def test_a_quotation_interrupted_by_continued_or_went_on_is_the_speakers_to_its_end():
    text = ("Probe\n\n“The orbit changed,” said Ana Ruiz, a scientist at Kappa Lab. The team found it elongated. "
            "“Before impact,” Ruiz continued, “the orbit was round. We never expected this accuracy.”\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["We never expected this accuracy.”"] == "Ana Ruiz"


def test_briefing_headers_a_middle_initial_after_an_office_mp_in_a_byline_a_dash_body_and_a_spelled_out_pm():
    text = ("Press Conference by Minister of Fisheries Ana T. Ruiz After the Meeting\n\nThank you.\n\nQ:\n\nWill it "
            "recover?\n\nMINISTER RUIZ:\n\nI think the stock will recover.\n\nQ:\n\nPrices?\n\nMINISTER RUIZ:\n\n"
            "I expect prices to stay high.\n")  # fmt: skip
    assert named_voices(text) == {("Ana T. Ruiz", "Minister of Fisheries")}
    text = ("Joint press conference: harbour update\n\nThe Hon. Ana Ruiz MP Minister for Harbours\n\nPress Conference "
            "with Ana Ruiz - Minister for Harbours and Commodore Tom Hale - Kappa Rescue Centre.\n\nAna Ruiz: I think "
            "delays will fall.\n\nTom Hale: I believe the fleet is ready.\n\nJournalist: Fees?\n\nAna Ruiz: I expect "
            "fees to stay flat.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "Minister for Harbours"), ("Tom Hale", "Kappa Rescue Centre")}
    text = ("Press conference with the Chief of the Coast Guard\n\nPRIME MINISTER\n\nI'm joined by the Chief.\n\n"
            "JOURNALIST: Prime Minister, will you fund more cutters?\n\nPM: I believe two more would close the gap.\n\n"
            "JOURNALIST: And crews?\n\nPM: I think crews will follow.\n")  # fmt: skip
    assert named_voices(text) == {("Prime Minister", "Prime Minister")}


def test_a_briefing_title_by_an_office_with_of_before_the_name_and_a_participle_after_names_the_briefer():
    text = ("Transcript of Press Conference by Minister of Fisheries Ana Ruiz Following the Meeting\n\n"
            "Thank you for joining us.\n\nI think the cod stock will recover within three seasons.\n\nQ:\n\n"
            "Prices?\n\nMINISTER RUIZ:\n\nI expect prices to stay high.\n\nQ:\n\nWages?\n\nMINISTER RUIZ:\n\n"
            "I think wages will rise.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said for r in voices.read(text, title_line=True)}
    assert (said["I think the cod stock will recover within three seasons."].name, said["I think wages will rise."]
            .affiliation) == ("Ana Ruiz", "Minister of Fisheries")  # fmt: skip


def test_a_heading_set_as_a_word_a_colon_and_title_case_words_is_no_speakers_label():
    text = ("Rent Rules\n\nCourts disagree.\n\nHarlow: Background\n\nTenants sued in 2024.\n\nHarlow: Appellate "
            "Decision\n\nThe court found the rule probably unlawful.\n\nRENTA: Agency Action\n\nThe act probably "
            "covers grants.\n")  # fmt: skip
    assert {b.label for b in blocks(text)} == {None}
    text = "T\n\nHALE: Thank you.\n\nRUIZ: Good Morning\n\nHALE: Why?\n\nRUIZ: I think so.\n"  # a label that speaks
    assert [b.label for b in blocks(text)][1:] == ["HALE", "RUIZ", "HALE", "RUIZ"]


def test_a_case_names_v_ends_no_sentence():
    text = "T\n\nIn Taylor v. Board of Education, the Court set a test. It held that schools may act.\n"
    assert [text[s.start : s.end] for b in blocks(text) for s in b.sentences][1:] == [
        "In Taylor v. Board of Education, the Court set a test.", "It held that schools may act."]  # fmt: skip


def test_feature_attributions_a_relative_clause_without_commas_a_link_marker_and_a_unit_in_lower_case():
    assert speaker_of("Ana Ruiz who teaches geology at the Kappa Institute told the Courier, “Prices will "
                      "probably rise.”") == ("Ana Ruiz", "teaches geology at the Kappa Institute")  # fmt: skip
    text = ("Deputy seeks curbs\n\nOn June 3, Tom Hale [en], a Senate deputy, sent a letter to Ana Ruiz [en], the "
            "Chief Prosecutor of Kappa. In that letter, Hale said forums probably carry more threats.\n")  # fmt: skip
    assert named_voices(text) == {("Tom Hale", "Senate deputy")}
    text = ("Reefs\n\nAna Ruiz of the department of marine biology at Kappa University, who took no part, said "
            "decline will probably speed up. “It is grim,” Ruiz said.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "department of marine biology at Kappa University")}


def test_initials_run_together_make_a_name_and_a_bodys_name_keeps_its_inner_in():
    assert People("TR Hale of the Kappa Institute said it will probably fall.").resolve_run("Hale").name == "TR Hale"
    text = ("Bridges\n\nJustice O.R. Hale, a retired Judge of the Kappa High Court, inspected the site. Speaking to "
            "the Herald, he said the old spans probably failed first.\n\nWork is led by Ana Ruiz of the Joint "
            "Institute for Studies in Coastal Hydrology (JISCH) in Lund. Ruiz is testing it. "
            "She expects it to improve.\n")  # fmt: skip
    assert named_voices(text) == {("O.R. Hale", "retired Judge of the Kappa High Court"),
                                  ("Ana Ruiz", "Joint Institute for Studies in Coastal Hydrology")}  # fmt: skip


def test_a_long_bodys_name_before_a_role_and_who_joined_someone_are_what_they_are():
    people = People("As Institute for Harbour Safety and Coastal Studies analyst Ana Ruiz has observed, costs rose. "
                    "Justice Tom Hale, joined by the Chief Justice and Justice Lund, filed an opinion.")  # fmt: skip
    assert people.resolve_run("Ruiz").affiliation == "Institute for Harbour Safety and Coastal Studies analyst"
    assert people.resolve_run("Hale").affiliation == "Justice"
    assert People("Describing the rain, co-author Lena Lund said it mattered.").resolve_run("Lund").affiliation == (
        "co-author")  # fmt: skip


def test_a_label_one_letter_off_a_named_persons_surname_is_that_person():
    text = ("Press conference: rescue fleet\n\nPress Conference with Commodore Tom Reuel - Kappa Rescue Centre.\n\n"
            "Tom Ruel: I believe the fleet is ready.\n\nJournalist: Is it big enough?\n\nTom Ruel: I think we will "
            "need two more cutters.\n")  # fmt: skip
    assert named_voices(text) == {("Tom Reuel", "Kappa Rescue Centre")}


def test_the_date_of_a_closing_attribution_is_no_date_of_what_is_said():
    from briefing_app.core.suggest.classify import weigh

    hale = Speaker("person", "Tom Hale", "chief economist at the Kappa Institute", how="reported")
    said_on_monday = "The slowdown gives the city a chance to rebuild, said Tom Hale at a forum on Monday."
    assert weigh(said_on_monday, hale).fact == weigh("The slowdown gives the city a chance to rebuild.", hale).fact
    assert weigh("The slowdown gives the city a chance to rebuild, she told the council on Monday.", hale).fact == 0
    # but a date in what is said counts, also when "that" reports it after the verb
    assert weigh("The port reopens on Monday, said Tom Hale.", hale).fact > 0
    assert weigh("Tom Hale said on Tuesday that the port reopens on Monday.", hale).fact > 0


def test_a_label_with_a_surnames_particle_after_its_courtesy_title_is_a_witness():
    text = ("Estimates\n\nSenator HALE: Dr van Dijk, what is your view of the plan?\n\nDr van Dijk: I think the plan "
            "underestimates the silt.\n\nSenator HALE: And the budget?\n\nDr van Dijk: In my judgement it is far too "
            "small.\n\nSenator HALE: Thank you.\n")  # fmt: skip
    assert label_names(text, "Dr van Dijk") == {"van Dijk"}


def test_people_who_share_a_surname_are_each_their_own_and_an_initial_is_the_same_person():
    text = ("A second chance\n\nMia Lund, 9, has spent half her life in hospital.\n\n“We never thought we would get "
            "this far,” said Clara Lund, a school nurse.\n\n“I think the worst is behind us,” said Erik Lund, a bus "
            "driver.\n\n“She is stronger than any of us,” Clara said.\n\nT. Hale, a doctor, said the cure will "
            "probably hold.\n\nTom Hale said it was a good year.\n")  # fmt: skip
    said = [(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True) if r.said.name]
    assert said == [("Clara Lund", "school nurse"), ("Erik Lund", "bus driver"), ("Clara Lund", "school nurse"),
                    ("T. Hale", "doctor"), ("T. Hale", "doctor")]  # fmt: skip


def test_a_label_of_a_two_word_surname_is_the_one_whose_name_ends_so_not_the_host_sharing_its_last_word():
    text = ("The lost cargo\n\nTOM HALE, HOST:\n\nWelcome back. I'm Tom Hale.\n\nHALE: When Maya Okafor Hale and I "
            "met Ben, he had bet everything on one orchard.\n\nOKAFOR HALE: The pickers will warm the sheds.\n\n"
            "HALE: But there is a limit.\n\nOKAFOR HALE: They could have spoiled in the truck.\n")  # fmt: skip
    assert label_names(text, "OKAFOR HALE") == {"Maya Okafor Hale"}


def test_a_speakers_tag_you_know_asks_nothing():
    turn = "It only has to be slightly right, you know?"
    assert rhetoric(turn, spoken=True) == 0 and rhetoric("It only has to be slightly right, does it?", spoken=True) == 2


def test_a_quotation_of_several_paragraphs_is_whoever_its_last_paragraph_names_at_the_close():
    text = ("Lead in soil\n\nAna Ruiz, a chemist, studied the data.\n\nThe tests were done in 1985.\n\n“Until this "
            "year, the effects were unknown. They are worse than we thought.\n\n“We may never know how much harm was "
            "done,” Tom Hale says.\n\n“The data are old. We need more,” Ruiz says.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end][:12]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["“Until this "] == said["They are wor"] == said["“We may neve"] == "Tom Hale"
    assert said["“The data ar"] == "Ana Ruiz"


def test_repeating_ones_view_reports_it():
    text = ("The plan\n\nHarbour Minister Tom Hale has said he believes the port is losing trade.\n\n"
            "He has repeated his view that the port should stay neutral.\n")  # fmt: skip
    assert [r.said.name for r in voices.read(text, title_line=True)] == ["Tom Hale", "Tom Hale"]


def test_a_middle_name_may_call_back_a_name_of_three_words():
    people = People(
        "Exports grew, said group director Mr Ravi Kumar Rao. Later Mr Kumar spoke; Ana Maria de Souza left."
    )
    assert people.resolve_run("Mr Kumar").name == "Ravi Kumar Rao"
    assert people.resolve_run("Maria").name == "Ana Maria de Souza" and people.find(["de"]) is None


def test_a_sentences_like_and_a_briefings_subject_line_are_no_names():
    text = ("Gaggle\n\nMR. HALE: Mayor Lin believes every family should drink safe water.\n\nQ Will she accept?\n\n"
            "MR. HALE: Like Mayor Lin has said before, the plant will probably be finished by 2027.\n")  # fmt: skip
    assert {(r.said.name, r.said.affiliation) for r in voices.read(text, title_line=True) if r.said.name} == {
        ("Lin", "Mayor")}  # fmt: skip
    text = ("Press conference\n\nPrime Minister\n\nSubject(s): Ferry levy; dredging\n\nPM: I think the levy will "
            "probably stay flat.\n\nJOURNALIST: And the report?\n\nPM: I think it is a fair one.\n")  # fmt: skip
    assert "Subject" not in {r.said.name for r in voices.read(text, title_line=True)}


def test_a_ministers_office_alone_is_a_label_in_a_debate_of_members():
    text = ("Engagements\n\nMs. Ana Ruiz (Kappa North) (Lab): Two berths closed. Will the Prime Minister say when they "
            "reopen?\n\nThe Prime Minister: I expect freight to recover within a year.\n\nMs. Ruiz: Will he meet the "
            "dockers?\n\nThe Prime Minister: I think the port will be busier next year.\n")  # fmt: skip
    assert {r.block.label for r in voices.read(text, title_line=True)} >= {"The Prime Minister"}
    assert "Ana Ruiz" not in label_names(text, "The Prime Minister")


def test_a_name_alone_under_an_opening_statement_title_is_the_speaker():
    text = ("Opening statement\n\nAna Ruiz\n\nGood morning. Today we cut the rate to 3%.\n\n"
            "We think the economy has more slack than we expected.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "")}


def test_a_word_after_an_offices_possessive_is_what_the_office_holds_no_name():
    text = ("Levy row\n\nTom Hale, the transport spokesman, raised the levy at First Minister's Questions.\n\n"
            "If the First Minister thinks the levy is popular, he is mistaken, Mr Hale said.\n")  # fmt: skip
    assert named_voices(text) == {("Tom Hale", "transport spokesman")}


def test_a_participants_list_of_office_and_name_lines_gives_no_one_the_next_ones_role():
    text = ("Monetary Policy Statement: media conference\n\nWatch the media conference with:\n\nGovernor Ana Ruiz\n\n"
            "Deputy Governor Tom Hale\n\nChief Economist Lena Ortiz\n\nAna Ruiz: Good afternoon. We believe higher "
            "borrowing costs are now holding back spending.\n")  # fmt: skip
    assert named_voices(text) == {("Ana Ruiz", "Governor")}


def test_a_signed_sections_statement_by_and_a_courtesy_title_are_no_office():
    text = "Minutes of the Board\n\nStatement by Dr. Ana Ruiz\n\n4. I think food prices will stay high for months.\n"
    assert named_voices(text) == {("Ana Ruiz", "")}


def test_a_chambers_sitting_is_no_fact_whatever_the_fact_model_says():
    text = ("Questions\n\nThe House met at 14:00.\n\nThe Speaker took the Chair at 2 p.m.\n\n"
            "The port moved 2.4 million containers last year.\n")  # fmt: skip
    said = [t[1] for v in verdicts(text, surely_facts()) for t in v]
    assert said == ["The port moved 2.4 million containers last year."]


def test_a_speech_verb_in_an_indirect_question_reports_no_ones_view():
    text = ("A conversation\n\nI spoke with Tom Hale, a port economist. We talked about the strike and whether Hale "
            "thinks the port will recover.\n")  # fmt: skip
    assert named_voices(text) == set()


@pytest.mark.parametrize(
    ("text", "label", "voices_"),
    [
        # whom a counsel or a member addresses is no role of the witness
        ("Harbour Inquiry\n\nMs Kemp: You're Professor Ana Ruiz?\n\nProfessor Ana Ruiz: I am.\n\n"
         "Ms Kemp: What did you make of the plan?\n\nProfessor Ana Ruiz: I think the plan will fail.\n\n"
         "Ms Kemp: Thank you.\n", "Professor Ana Ruiz", {("Ana Ruiz", "Professor")}),
        ("Estimates\n\nSenator HALE: Mr Odum, how many berths were rebuilt?\n\nMr Odum: Twelve.\n\n"
         "Senator HALE: What would you add, Mr Odum—or Minister—on the port?\n\nMr Odum: I think it is badly "
         "underfunded.\n\nSenator HALE: Thank you.\n", "Mr Odum", {("Odum", "")}),
        # an office label is spelt out by its own office, not inside another's longer title
        ("Doorstop\n\nTRANSCRIPT of HON TOM HALE MP\n\nMinister for Ports\n\nMINISTER: I think the dredging will "
         "probably be finished late next year.\n\nJOURNALIST: Mr Hale, will the levy rise?\n\nMINISTER: I think it "
         "will stay flat, and I have no idea why the Deputy Prime Minister of Kappa said otherwise.\n", "MINISTER",
         {("Hale", "Minister for Ports")}),
        # the next sentence's "He is …" gives the role after the rest of the name's own sentence
        ("Tom Hale on silt\n\nTom Hale has spent two decades measuring the mud. He is the chief hydrologist of the "
         "Harbour Board.\n\nKappa Review: Is dredging working?\n\nTom Hale: I think it buys five years at most.\n\n"
         "Kappa Review: What next?\n\nTom Hale: In my view the farms are the source.\n", "Tom Hale",
         {("Tom Hale", "chief hydrologist of the Harbour Board")}),
    ],
)  # fmt: skip
def test_a_witness_or_a_guest_label_gets_the_role_the_text_gives_them_not_one_said_to_or_of_another(
    text: str, label: str, voices_: set[tuple[str, str]]
) -> None:
    assert label_voices(text, label) == voices_


def test_a_he_is_after_a_sentence_naming_someone_else_gives_the_name_no_role():
    people = People("Tom Hale met Ken Lee in May. He is the chief hydrologist of the Harbour Board.")
    assert people.resolve_run("Tom Hale").affiliation == ""


def test_a_predicate_with_an_infinitive_before_a_role_noun_gives_no_role():
    assert People("Nora Vance was afraid to drop her guard with anyone.").resolve_run("Nora Vance").affiliation == ""
    people = People("Nora Vance is a security guard at the Harbour Board.")
    assert people.resolve_run("Nora Vance").affiliation == "security guard at the Harbour Board"


def test_with_a_bodys_name_after_a_speakers_name_is_their_body_and_other_company_is_not():
    said = "Tom Hale with the Kappa Health Authority says the delays are long."
    assert People(said).resolve_run("Tom Hale").affiliation == "Kappa Health Authority"
    closing = "“Waits are long,” said Ana Ruiz with the Kappa Paramedics Union, which represents crews."
    assert People(closing).resolve_run("Ana Ruiz").affiliation == "Kappa Paramedics Union"
    company = "Ana Ruiz went to the fair with the Harbour Board chairman. Ana Ruiz with her husband said it was fun."
    assert People(company).resolve_run("Ana Ruiz").affiliation == ""


def test_a_name_inside_a_quotation_gives_way_to_who_the_sentence_says_speaks_outside_it():
    text = ("Tariffs\n\nNora Vance, a trade analyst, said the minister would not retreat.\n\n"
            "“Minister Hale believes that any concession will invite fresh demands,” she said.\n\n"
            "“I will say it openly,” Hale wrote on his blog, “the levy stays.”")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["“Minister Hale believes that any concession will invite fresh demands,” she said."] == "Nora Vance"
    assert said["“I will say it openly,” Hale wrote on his blog, “the levy stays.”"] == "Hale"


def test_a_reporter_who_signs_off_narrates_and_a_speaker_who_introduces_themselves_by_a_role_speaks():
    podcast = ("Outlook\n\nANA RUIZ: Welcome to Harbour Markets. I'm Ana Ruiz, the Kappa Bank's chief strategist.\n\n"
               "TOM HALE: And I'm Tom Hale, the Kappa Bank's chief economist.\n\n"
               "ANA RUIZ: Tom, what is your view?\n\nTOM HALE: We think growth slows next year.\n")  # fmt: skip
    assert label_names(podcast, "TOM HALE") == {"Tom Hale"}
    radio = ("Floods\n\nTOM HALE: The river rose overnight, and I think the town will flood. This is Tom Hale, "
             "Harbour Radio, in Lund.\n\nANA RUIZ: I think the dykes will hold.\n")  # fmt: skip
    assert label_names(radio, "TOM HALE") == {""} and label_names(radio, "ANA RUIZ") == {"Ana Ruiz"}


@pytest.mark.parametrize(
    ("text", "label", "names"),
    [
        # Canada's "Right Hon." and a middle initial
        ("Question Period\n\nMr. Tom Hale (Kappa North, Ref.): Mr. Speaker, will the Prime Minister act?\n\n"
         "Right Hon. Ana Ruiz (Prime Minister, Lib.): Mr. Speaker, I believe the harbour will reopen.\n\n"
         "Hon. Sam J. Osei (Minister of Transport, Lib.): I think the repairs will cost less.\n",
         "Right Hon. Ana Ruiz (Prime Minister, Lib.)", {"Ana Ruiz"}),
        ("Question Period\n\nMr. Tom Hale (Kappa North, Ref.): Mr. Speaker, will the Prime Minister act?\n\n"
         "Right Hon. Ana Ruiz (Prime Minister, Lib.): Mr. Speaker, I believe the harbour will reopen.\n\n"
         "Hon. Sam J. Osei (Minister of Transport, Lib.): I think the repairs will cost less.\n",
         "Hon. Sam J. Osei (Minister of Transport, Lib.)", {"Sam J. Osei"}),
        # Ireland's office "at" a department, the name a deputy's
        ("Dredging\n\nSenator Ana Ruiz: The channel has silted badly.\n\nMinister of State at the Department of the "
         "Marine (Deputy Tom Hale): I think the silting is worse than we expected.\n\nSenator Ana Ruiz: I believe the "
         "fleet will suffer.\n", "Minister of State at the Department of the Marine (Deputy Tom Hale)", {"Tom Hale"}),
        # the office alone answers members labelled with their seat only, whose later labels recur
        ("Questions\n\nMr. Tom Hale (Kappa North): The harbour is closed. Will the Prime Minister act?\n\n"
         "The Prime Minister: I think the harbour will reopen within a month.\n\nMr. Hale: Will he meet the crews?\n\n"
         "The Prime Minister: I believe the repairs will cost less.\n\nMr. Hale: Will he confirm it?\n",
         "The Prime Minister", {"Prime Minister"}),
    ],
)  # fmt: skip
def test_a_parliaments_member_and_minister_labels_in_other_houses_forms(text: str, label: str, names: set[str]):
    assert label_names(text, label) == names


def test_a_name_in_square_brackets_on_its_own_line_labels_the_turn_below_it_and_a_stage_direction_does_not():
    text = ("Press conference\n\n[ANA RUIZ]\nGood morning. Mr. Hale will give opening remarks.\n\n"
            "[TOM HALE]\nThank you, Ana. I think the regional economy is slowing.\n\n"
            "[LAUGHTER]\nThe levy will probably stay.\n")  # fmt: skip
    assert label_names(text, "TOM HALE") == {"Tom Hale"} and label_names(text, "ANA RUIZ") == {"Ana Ruiz"}
    assert "LAUGHTER" not in {r.block.label for r in voices.read(text, title_line=True)}


def test_a_briefer_reading_out_another_bodys_statement_gives_no_view_of_their_own():
    text = ("Noon Briefing by Lena Moss, Spokesperson for the Harbour Board\n\nGood afternoon.\n\n"
            "The Kappa Institute said that the northern channel may not be safe for large vessels.\n\n"
            "The River Commission believes that the flooding is likely to worsen.\n\n"
            "The Harbour Board said so too, and I think the channel will probably reopen soon.\n")  # fmt: skip
    said = {text[r.sentence.start : r.sentence.end]: r.said.name for r in voices.read(text, title_line=True)}
    assert said["The Kappa Institute said that the northern channel may not be safe for large vessels."] == ""
    assert said["The River Commission believes that the flooding is likely to worsen."] == ""
    assert said["The Harbour Board said so too, and I think the channel will probably reopen soon."] == "Lena Moss"


def test_a_title_word_after_a_given_name_is_a_surname_and_before_of_an_office():
    text = ("Press conference\n\nHarbour Minister Ana Bishop\n\nJOURNALIST: Will fares rise?\n\n"
            "ANA BISHOP: I expect fares to stay flat.\n\nJOURNALIST: And the dredging?\n\n"
            "ANA BISHOP: I think it will run late.\n")  # fmt: skip
    assert label_voices(text, "ANA BISHOP") == {("Ana Bishop", "Harbour Minister")}
    assert People("The Anglican Bishop of Kappa spoke on Monday.").find(["Bishop"]) is None


def test_an_offices_country_before_its_holders_name_is_no_one():
    people = People("He met the Prime Minister of New Zealand, Helen Clark, on Monday.")
    assert people.find(["Zealand"]) is None
    assert people.find(["Clark"]).affiliation == "Prime Minister of New Zealand"

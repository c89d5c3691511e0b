"""Analytic tradecraft in the brief (issue 17): the scales as the standards give them, likelihood, confidence,
grades and source descriptors changed only through checked model methods, carried by the .brief format
(version 3, older files upgraded), and printed in words in every output, read back from each."""

import io
import json
import re

import docx
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, MAX_FIELD_CHARS, Brief, BriefError, Change
from briefing_app.core.brief_file import VERSION, dumps, loads, problems
from briefing_app.core.tradecraft import (
    ICD_203,
    PHIA,
    judgement_words,
    lexicon_estimative_words,
    map_band,
)
from briefing_app.export import render_pdf
from briefing_app.export.clipboard import render_html, render_plain
from briefing_app.export.markdown import render_markdown
from briefing_app.export.word import render_docx

from helpers.pdf_helpers import all_text, page_texts
from helpers.sample_brief import sample_brief

HOSTILE = "<b>state</b> & *outlet* [a](b) عربي"


def test_the_scales_are_the_standards_bands():
    assert [(b.term, b.low, b.high) for b in ICD_203.bands] == [
        ("almost no chance", 1, 5), ("very unlikely", 5, 20), ("unlikely", 20, 45), ("roughly even chance", 45, 55),
        ("likely", 55, 80), ("very likely", 80, 95), ("almost certain", 95, 99)]  # fmt: skip
    assert [(b.term, b.shown_range) for b in PHIA.bands] == [
        ("remote chance", "≤5%"), ("highly unlikely", "10–20%"), ("unlikely", "25–35%"),
        ("realistic possibility", "40–50%"), ("likely or probably", "55–75%"), ("highly likely", "80–90%"),
        ("almost certain", "≥95%")]  # fmt: skip
    assert "D.6.e" in ICD_203.reference and "Professional Head of Intelligence Assessment" in PHIA.reference


def test_icd_203_words_are_the_stance_lexicons_estimative_words():
    """The suggestion engine's lexicon cites ICD 203 too: the two lists must not drift apart."""
    ours = {w for band in ICD_203.bands for w in band.words}
    assert lexicon_estimative_words() == ours  # with the table's adverbs in brackets ("probably", "improbably")


def test_mapping_between_the_scales_goes_band_to_band_and_back():
    assert [map_band(b.term, ICD_203, PHIA) for b in ICD_203.bands] == [
        "remote chance", "highly unlikely", "unlikely", "realistic possibility", "likely or probably",
        "highly likely", "almost certain"]  # fmt: skip
    for a, b in ((ICD_203, PHIA), (PHIA, ICD_203)):
        assert [map_band(map_band(band.term, a, b), b, a) for band in a.bands] == list(a.terms)


def test_judgements_are_words_with_their_range():
    assert judgement_words("icd203", "likely", "moderate") == "Likely (55–80%); moderate confidence"
    assert judgement_words("phia", "likely or probably", "") == "Likely or probably (55–75%)"
    assert judgement_words("", "", "high") == "High confidence" and judgement_words("", "", "") == ""


def tradecraft_brief() -> Brief:
    b = sample_brief()
    b.set_likelihood_scale("icd203")
    b.set_field("bluf_likelihood", "probable")  # a synonym: stored as its band's term
    b.set_field("bluf_confidence", "Moderate")
    b.set_field("comment_likelihood", "very likely")
    b.set_field("comment_confidence", "low")
    first, second = b.expert_assessments
    b.edit_item(first.id, likelihood="likely", confidence="moderate", credibility=3)
    b.edit_item(second.id, confidence="high", credibility=2)
    b.edit_item(b.key_facts[0].id, credibility=2)
    b.update_source(1, access="indirect", information_date="2024-10-28", perspective=HOSTILE)
    return b


def test_every_field_is_set_through_a_checked_method_that_tells_the_listeners():
    b = sample_brief()
    heard: list[Change] = []
    b.subscribe(heard.append)
    b.set_likelihood_scale("icd203")
    assert b.set_field("bluf_likelihood", " Probable ") == "" and b.bluf_likelihood == "likely"
    b.set_field("bluf_confidence", "HIGH")
    fact, said = b.key_facts[0], b.expert_assessments[0]
    b.edit_item(said.id, likelihood="very likely", confidence="low", credibility=2)
    b.update_source(1, access="direct", information_date="2024-10", perspective="Pro-government daily.")
    assert (b.bluf_confidence, b.expert_assessments[0].likelihood, b.expert_assessments[0].credibility) == (
        "high", "very likely", 2)  # fmt: skip
    assert [(c.what, c.name or c.item_id) for c in heard] == [
        ("field", "likelihood_scale"), ("field", "bluf_likelihood"), ("field", "bluf_confidence"),
        ("item", said.id), ("sources", None)]  # fmt: skip
    assert b.key_facts[0] == fact and fact.credibility == 6  # an item is graded "cannot be judged" until judged


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b.set_field("bluf_likelihood", "realistic possibility"), "must be one of ICD 203's terms"),
        (lambda b: b.set_field("comment_confidence", "very high"), "must be low, moderate, high or empty"),
        (lambda b: b.set_field("likelihood_scale", "phia"), "set by set_likelihood_scale"),
        (lambda b: b.set_likelihood_scale("nato"), "the likelihood scale is icd203, phia or empty"),
        (lambda b: b.edit_item(b.key_facts[0].id, credibility=0), "credibility must be a whole number from 1 to 6"),
        (lambda b: b.edit_item(b.key_facts[0].id, credibility="2"), "credibility must be a whole number from 1 to 6"),
        (lambda b: b.edit_item(b.key_facts[0].id, credibility=True), "credibility must be a whole number from 1 to 6"),
        (lambda b: b.edit_item(b.key_facts[0].id, likelihood="maybe"), "must be one of ICD 203's terms"),
        (lambda b: b.edit_item(b.key_facts[0].id, confidence=3), "confidence must be low, moderate, high or empty"),
        (lambda b: b.update_source(1, access="partial"), "access is one of direct, indirect, unknown"),
        (lambda b: b.update_source(1, information_date="2024-13"), "the date of information is not a real date"),
        (lambda b: b.update_source(1, information_date="last week"), "the date of information must be a date like"),
        (lambda b: b.update_source(1, perspective=None), "a source's note on bias or perspective must be text"),
        (lambda b: b.update_source(1, perspective="p" * (MAX_FIELD_CHARS + 1)),
         "the source's note on bias or perspective is too long"),
    ],
)  # fmt: skip
def test_bad_values_are_refused_with_one_message_and_change_nothing(change, message):
    b = tradecraft_brief()
    before = dumps(b)
    with pytest.raises(BriefError, match=message) as e:
        change(b)
    assert "\n" not in str(e.value) and dumps(b) == before


def test_without_a_scale_no_likelihood_can_be_stated():
    b = sample_brief()
    with pytest.raises(BriefError, match="the brief has no likelihood scale"):
        b.set_field("bluf_likelihood", "likely")
    with pytest.raises(BriefError, match="the brief has no likelihood scale"):
        b.edit_item(b.expert_assessments[0].id, likelihood="likely")
    b.edit_item(b.expert_assessments[0].id, confidence="low")  # confidence needs no scale


def test_changing_the_scale_maps_each_likelihood_by_band_and_none_clears_them_all_undoably():
    b = tradecraft_brief()
    before = dumps(b)
    said = b.expert_assessments[0].id
    heard: list[Change] = []
    b.subscribe(heard.append)
    change = b.set_likelihood_scale("phia")
    assert (b.bluf_likelihood, b.comment_likelihood, b.expert_assessments[0].likelihood) == (
        "likely or probably", "highly likely", "likely or probably")  # fmt: skip
    assert change.items == ((said, "likely", "likely or probably"),)
    assert [(c.what, c.name or c.item_id) for c in heard] == [
        ("field", "likelihood_scale"),
        ("field", "bluf_likelihood"),
        ("field", "comment_likelihood"),
        ("item", said),
    ]
    b.set_likelihood_scale("icd203")  # back: every term as it was
    assert (b.bluf_likelihood, b.comment_likelihood, b.expert_assessments[0].likelihood) == (
        "likely", "very likely", "likely")  # fmt: skip
    cleared = b.set_likelihood_scale("")
    assert (b.bluf_likelihood, b.expert_assessments[0].likelihood, b.bluf_confidence) == ("", "", "moderate")
    b.undo_likelihood_scale(cleared)  # what the window's undo does
    assert dumps(b) == before
    assert b.set_likelihood_scale("icd203").fields == ()  # no change, nothing to undo


def test_a_key_fact_moved_from_the_assessments_keeps_its_likelihood_and_moves_back_unchanged():
    b = tradecraft_brief()
    said = b.expert_assessments[0]
    b.move_item(said.id, 0, KEY_FACTS)
    assert b.key_facts[0] == said
    b.move_item(said.id, 0, EXPERT_ASSESSMENTS)
    assert b.expert_assessments[0] == said


# --- the .brief format
def test_the_tradecraft_fields_are_saved_and_round_trip_exactly():
    b = tradecraft_brief()
    data = json.loads(dumps(b))
    assert data["version"] == VERSION and data["likelihood_scale"] == "icd203" and data["bluf_likelihood"] == "likely"
    assert data["expert_assessments"][0].items() >= {"likelihood": "likely", "confidence": "moderate",
                                                      "credibility": 3}.items()  # fmt: skip
    assert data["sources"][0].items() >= {"access": "indirect", "information_date": "2024-10-28",
                                          "perspective": HOSTILE}.items()  # fmt: skip
    again = loads(dumps(b))
    assert again == b and dumps(again) == dumps(b)


@pytest.mark.parametrize("version", [1, 2])
def test_older_files_open_with_nothing_judged_and_are_saved_as_the_current_version(version):
    data = json.loads(dumps(sample_brief()))
    data["version"] = version
    for key in ("likelihood_scale", "bluf_likelihood", "bluf_confidence", "comment_likelihood", "comment_confidence"):
        del data[key]
    for source in data["sources"]:
        for key in ("access", "information_date", "perspective", "encoding"):
            del source[key]
    for item in data["key_facts"] + data["expert_assessments"]:
        for key in ("likelihood", "confidence", "credibility"):
            del item[key]
    if version == 1:
        del data["status"]
    brief = loads(json.dumps(data).encode())
    assert (brief.likelihood_scale, brief.bluf_likelihood, brief.comment_confidence) == ("", "", "")
    assert (brief.sources[0].access, brief.sources[0].information_date, brief.sources[0].perspective) == (
        "unknown", "", "")  # fmt: skip
    assert {(it.likelihood, it.confidence, it.credibility) for _, it in brief.all_items()} == {("", "", 6)}
    assert json.loads(dumps(brief))["version"] == VERSION


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(bluf_likelihood="realistic possibility"),
         "bluf_likelihood: must be one of ICD 203's terms"),
        (lambda d: d.update(likelihood_scale=""), "bluf_likelihood: cannot be 'likely': the brief has no likelihood"),
        (lambda d: d.update(bluf_confidence="sure"), "bluf_confidence: must be one of , low, moderate, high"),
        (lambda d: d.update(likelihood_scale="nato"), "likelihood_scale: must be one of , icd203, phia"),
        (lambda d: d["expert_assessments"][0].update(likelihood="highly likely"),
         "expert_assessments[0].likelihood: must be one of ICD 203's terms"),
        (lambda d: d["expert_assessments"][0].update(likelihood="Likely"),
         "expert_assessments[0].likelihood: must be one of"),
        (lambda d: d["key_facts"][0].update(credibility=7), "key_facts[0].credibility: must be one of 1, 2, 3, 4, 5"),
        (lambda d: d["key_facts"][0].update(credibility=2.0), "key_facts[0].credibility: must be a whole number"),
        (lambda d: d["sources"][0].update(access="partial"), "sources[0].access: must be one of direct, indirect"),
        (lambda d: d["sources"][0].update(information_date="2024-02-30"),
         "sources[0].information_date: 2024-02-30 is not a real date"),
        (lambda d: d["sources"][0].update(information_date="soon"), "sources[0].information_date: must be a date"),
        (lambda d: d["sources"][0].update(perspective=["x"]), "sources[0].perspective: must be text"),
    ],
)  # fmt: skip
def test_check_names_each_bad_new_field_by_its_place(change, problem):
    data = json.loads(dumps(tradecraft_brief()))
    change(data)
    found = problems(data)
    assert found and found[0].startswith(problem), found


# --- printed, and read back
@pytest.fixture(scope="module")
def pdf():
    return render_pdf(tradecraft_brief())[0]


def test_the_pdf_prints_likelihood_confidence_grades_descriptors_and_the_scale(pdf):
    text = all_text(pdf)
    assert "BOTTOMLINEUPFRONTLikely(55–80%);moderateconfidenceNorthKorea" in text
    assert "strategicallyessential.”—Jean-MarcSorel,SorbonneInstituteforResearchinInternationalLaw(IREDIES)" \
           "[1,¶18,C3]Likely(55–80%);moderateconfidence" in text  # fmt: skip
    assert "[1,¶19,C2]Highconfidence" in text and "[1,¶13,C2]" in text and "[1,¶16,C6]" in text
    assert "AnalystcommentVerylikely(80–95%);lowconfidenceThesource" in text
    assert "ReliabilityC(fairlyreliable);accessindirect(thesourcereportswhatotherssaworheard)." in text
    assert "Informationdated28October2024.Biasorperspective:<b>state</b>&*outlet*[a](b)" in text
    assert "Grades:sourcereliabilityAcompletelyreliable" in text and "6cannotbejudged." in text
    scale = text[text.index("Likelihoodscale") :]
    assert scale.startswith("LikelihoodscaleTermProbabilityAlmostnochance1–5%Veryunlikely5–20%Unlikely20–45%")
    assert "Almostcertain95–99%ICD203expressionsoflikelihood,fromUSOfficeoftheDirectorofNationalIntelligence" in scale
    outline_titles = [entry.title for entry in PdfReader(io.BytesIO(pdf)).outline]
    assert outline_titles[-1] == "Likelihood scale"


def test_the_pdf_of_a_brief_without_a_scale_has_no_scale_table_and_grades_its_citations_f6():
    b = sample_brief()
    b.update_source(1, reliability="F")
    text = all_text(render_pdf(b)[0])
    assert "Likelihoodscale" not in text and "[1,¶13,F6]" in text and "confidence" not in text


def test_the_pdf_pages_show_the_judgement_beside_its_item(pdf):
    """Read as lines: the words are on the line under the attribution, not somewhere else on the page."""
    lines = [line.strip() for page in page_texts(pdf) for line in page.splitlines()]
    attribution = next(i for i, line in enumerate(lines) if line.endswith("[1, ¶18, C3]"))
    assert lines[attribution + 1] == "Likely (55–80%); moderate confidence"


def test_word_prints_them_in_its_styles_and_the_scale_as_a_table():
    document = docx.Document(io.BytesIO(render_docx(tradecraft_brief())))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Bottom Line", "Likely (55–80%); moderate confidence") in styled
    assert ("Judgement", "Likely (55–80%); moderate confidence") in styled and (
        "Judgement",
        "High confidence",
    ) in styled
    assert ("Comment Judgement", "Very likely (80–95%); low confidence") in styled
    attribution = next(i for i, (style, _) in enumerate(styled) if style == "Attribution")
    assert styled[attribution][1].endswith("[1,\u00a0¶18,\u00a0C3]") and styled[attribution + 1][0] == "Judgement"
    source = next(text for style, text in styled if style == "Source")
    assert f"access indirect (the source reports what others saw or heard). Information dated 28 October 2024. " \
           f"Bias or perspective: {HOSTILE}." in source  # fmt: skip
    (table,) = document.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Term", "Probability"] and rows[1:] == [
        [b.term.capitalize(), b.shown_range] for b in ICD_203.bands
    ]
    body = [child.tag.rsplit("}", 1)[1] for child in document.element.body]
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1].text == "Likelihood scale" and body[-3:] == ["tbl", "p", "sectPr"]  # the table, its source


def test_markdown_and_the_clipboard_print_them_literally():
    b = tradecraft_brief()
    md = render_markdown(b)
    tokens = MarkdownIt("commonmark").parse(md)
    children = [c for t in tokens if t.type == "inline" for c in t.children]
    strong = [c.content for before, c in zip(children, children[1:], strict=False) if before.type == "strong_open"]
    assert strong.count("Likely (55–80%); moderate confidence") == 2  # the BLUF's and Sorel's
    assert "High confidence" in strong and "Very likely (80–95%); low confidence" in strong
    assert "Almost no chance" in strong and "Almost certain" in strong  # the scale, a list: CommonMark has no tables
    html = MarkdownIt("commonmark").render(md)
    assert "[1, ¶18, C3]</a>" in html and "<b>" not in html and "&lt;b&gt;state&lt;/b&gt; &amp; *outlet* [a](b)" in html
    plain = render_plain(b)
    assert "\n— Jean-Marc Sorel, Sorbonne Institute for Research in International Law (IREDIES) [1, ¶18, C3]\n" \
           "Likely (55–80%); moderate confidence\n" in plain  # fmt: skip
    assert "\nLikelihood scale\n----------------\nAlmost no chance     1–5%\n" in plain
    assert f"Bias or perspective: {HOSTILE}." in plain
    clip = render_html(b)
    assert "<b>Likely (55–80%); moderate confidence</b>" in clip and "&lt;b&gt;state&lt;/b&gt; &amp;" in clip
    assert "<td" in clip and "Roughly even chance</td>" in clip


def test_a_20000_character_word_as_the_perspective_survives_every_format():
    word = "Z" + "x" * 19_999
    b = sample_brief()
    b.update_source(1, perspective=word)
    furniture = r"TLP:GREEN|Page\d+of\d+|NorthKoreantroopsinRussia29October2024"  # on each page the word crosses
    assert word in re.sub(furniture, "", all_text(render_pdf(b)[0]))
    document = docx.Document(io.BytesIO(render_docx(b)))
    assert word in next(p.text for p in document.paragraphs if p.style.name == "Source")
    assert f"Bias or perspective: {word}." in MarkdownIt("commonmark").render(render_markdown(b))
    assert f"Bias or perspective: {word}." in render_plain(b) and word in render_html(b)


def test_the_pdf_with_its_scale_table_is_still_pdfa_3u_and_reopens_as_the_brief(pdf):
    import page

    from briefing_app.core.brief_file import embedded_brief

    report = page.validate_pdf_bytes(pdf, profile="3u")
    assert report.is_compliant, [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert loads(embedded_brief(pdf, "t.pdf")).expert_assessments[0].likelihood == "likely"

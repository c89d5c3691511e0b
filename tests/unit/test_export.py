"""The exported PDF read back as its recipient would: text, order, citations, scripts, hostile strings,
fonts, metadata, outline, banners, long content, and byte-identical output."""

import re
import subprocess
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app import __version__
from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, Source
from briefing_app.core.brief_file import dumps, save_brief
from briefing_app.export import ExportError, export_pdf, render_pdf

from helpers.briefs import multi_script_brief
from helpers.pdf_helpers import all_text, colours_in_band, has_colour, page_texts, reader, squash
from helpers.support import SEED, venv_bin

NAMES = ["Barthélémy Courmont", "François Villeroy de Galhau", "Хвоздяр", "김정은", "Αθηνά Παππά", "習近平"]
HOSTILE = [
    "AT&T",
    "a<b",
    '<img src="/etc/passwd"/>',
    "<font color=\"[[[getattr(pow, Word('__globals__'))]]]\">x</font>",
    '<a href="javascript:alert(1)">click</a>',
    '<onDraw name="exec" label="os.system(\'id\')"/>',
    "&nbsp;&amp;&#x41;",
    "</para><para>",
]


@pytest.fixture(scope="module")
def pdf():
    return render_pdf(multi_script_brief())[0]


def verbatim_core(text: str) -> str:
    """What of an item is printed exactly as in its source, whatever its printed form: all but its first
    character (capitalised) and its last two (a quotation's closing comma becomes a full stop)."""
    return squash(text)[1:-2]


def test_items_in_order_with_citations_and_every_script_extracted_exactly(pdf):
    b = multi_script_brief()
    text = all_text(pdf)
    positions = [text.index(verbatim_core(item.text)) for _, item in b.all_items()]
    assert positions == sorted(positions)  # key facts first, each section in its order
    assert text.count("[1,¶1,B6]") == 1 and text.count("[1,¶4,B6]") == 1 and "[1,¶2,B6]" in text
    for name in NAMES:
        assert squash(name) in text, name
    assert squash("— Barthélémy Courmont, IRIS [1, ¶2, B6]") in text
    assert squash("Analyst note: Greek academic view.") in text


def test_layout_order_of_sections_and_empty_sections_left_out(pdf):
    text = all_text(pdf)
    headings = ["BOTTOMLINEUPFRONT", "Keyfacts", "Expertassessments", "Analystcomment", "Sources"]
    assert [text.index(h) for h in headings] == sorted(text.index(h) for h in headings)
    only_facts = multi_script_brief()
    for item in only_facts.expert_assessments:
        only_facts.remove_item(item.id)
    only_facts.set_field("comment", "")
    only_facts.set_field("bluf", "  ")
    data, _ = render_pdf(only_facts)
    text = all_text(data)
    assert "Keyfacts" in text and "Expertassessments" not in text and "Analystcomment" not in text
    assert "BOTTOMLINEUPFRONT" not in text
    assert [o.title for o in reader(data).outline] == ["Key facts", "Sources"]


def test_metadata_outline_and_embedded_fonts(pdf):
    r = reader(pdf)
    meta = r.metadata
    assert meta.title == "Troops, banks and talks — 김정은, Хвоздяр"
    assert meta.author == "Jana Novák"
    assert meta.subject.startswith("Brief (TLP:AMBER): North Korean troops")
    assert meta["/Keywords"].startswith("TLP:AMBER")
    assert meta.creator == f"briefing-app {__version__}"
    assert [o.title for o in r.outline] == [
        "Bottom line up front", "Key facts", "Expert assessments", "Analyst comment", "Sources"
    ]  # fmt: skip
    fonts = {}
    for page in r.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert len(fonts) >= 4  # Noto Sans (regular, bold, italic), DejaVu/Nanum/Droid for the rest
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"
    assert not any("Helvetica" in n or "Times" in n for n in fonts)


def test_citations_link_to_their_source_entry_and_urls_are_only_http(pdf):
    r = reader(pdf)
    internal, external = [], []
    for page in r.pages:
        for annot in page.get("/Annots", []):
            a = annot.get_object()
            if "/Dest" in a:
                internal.append(a["/Dest"])
            elif "/A" in a:
                external.append(a["/A"]["/URI"])
    assert len(internal) == 7  # one citation per item, all to the entry of source 1
    assert len({(d[0].idnum, float(d[3])) for d in internal}) == 1
    target = next(i for i, p in enumerate(r.pages) if p.indirect_reference.idnum == internal[0][0].idnum)
    assert "[1] Monitoring digest" in r.pages[target].extract_text()
    assert external == ["https://example.org/digest"]


def test_hostile_text_is_printed_literally_and_never_interpreted(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not really")
    hostile = HOSTILE + [f'<img src="{secret}"/>']
    b = Brief(title=hostile[0] + " " + hostile[1], author=hostile[2], handling="<b>SECRET</b> & <i>x</i>")
    text = "\n".join(f"Paragraph {i}: {h} end." for i, h in enumerate(hostile))
    sneaky_url = 'https://example.org/"onclick="x"><a/href="javascript:alert(1)">'
    b.add_source(Source(title=hostile[3], text=text, publisher=hostile[4], url=sneaky_url))
    for i, h in enumerate(hostile):
        start = text.index(f"Paragraph {i}:")
        section = KEY_FACTS if i % 2 else EXPERT_ASSESSMENTS
        b.add_item(section, 1, start, start + len(f"Paragraph {i}: {h} end."), speaker=h, affiliation=h, note=h)
    b.set_field("bluf", "\n".join(hostile))
    b.set_field("comment", " ".join(hostile))
    before = dumps(b)
    opened = []
    real_open = open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    with mock.patch("builtins.open", spy):
        data, _ = render_pdf(b)
    assert not [f for f in opened if "secret" in f or "passwd" in f]
    text = all_text(data)
    for h in hostile:
        assert text.count(squash(h)) >= 4, h  # item, speaker, note, BLUF/comment: all literal
    assert squash("<b>SECRET</b> & <i>x</i>") in text  # the classification line, as typed
    assert b"/Subtype /Image" not in data and b"/JavaScript" not in data and b"/JS" not in data
    uris = [a.get_object()["/A"] for p in reader(data).pages for a in p.get("/Annots", []) if "/A" in a.get_object()]
    assert [(u["/S"], u["/URI"]) for u in uris] == [("/URI", sneaky_url)]  # one plain link, the URL verbatim
    assert dumps(b) == before  # exporting never changes the brief


def test_tlp_banner_in_its_colour_on_every_page_and_classification_line_as_text(tmp_path):
    long = Brief(title="Long brief", date="2024-10-29", handling="TLP:RED")
    text = "\n".join(f"Fact number {i} happened on day {i} with {i * 10} participants." for i in range(120))
    long.add_source(Source(title="Log", text=text))
    for i in range(120):
        s = text.index(f"Fact number {i} ")
        long.add_item(KEY_FACTS, 1, s, text.index(".", s) + 1)
    out = tmp_path / "red.pdf"
    result = export_pdf(long, out)
    assert result.pages >= 3
    texts = page_texts(out)
    for n, t in enumerate(texts, 1):
        assert t.count("TLP:RED") == (3 if n == 1 else 2)  # banners top and bottom; page 1's title block too
        assert f"Page {n} of {result.pages}" in t
    for later in texts[1:]:  # the running header (title, date) from page 2 on, above the items
        assert later.index("Long brief") < later.index("29 October 2024") < later.index("Fact number")
    red = (255, 43, 43)
    for page in (1, result.pages):
        assert has_colour(colours_in_band(out, 0.0, 0.05, page), red)
        assert has_colour(colours_in_band(out, 0.95, 1.0, page), red)
    long.set_field("handling", "SECRET//REL TO NATO")
    export_pdf(long, out)
    assert [t.count("SECRET//REL TO NATO") for t in page_texts(out)] == [3] + [2] * (result.pages - 1)
    assert not has_colour(colours_in_band(out, 0.0, 0.05), red)


@pytest.mark.parametrize("size, points", [("a4", (595, 842)), ("letter", (612, 792))])
def test_page_sizes(size, points):
    data, _ = render_pdf(multi_script_brief(), size)
    box = reader(data).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points
    with pytest.raises(ExportError, match="Unknown page size"):
        render_pdf(multi_script_brief(), "a3")


@pytest.mark.parametrize(
    "url, allowed",
    [
        ("https://example.org/a?b=1&c=2", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<script>", False),
        ("http:/no-host", False),
        ("https://exa mple.org", False),
        ("https://example.org/\nx", False),
        ("https://example.org/\x00", False),
        ("", False),
    ],
)
def test_only_plain_http_links_are_made(url, allowed):
    from briefing_app.export.markup import link, safe_url

    assert (safe_url(url) is not None) == allowed
    assert ("<a href" in link("label", url)) == allowed


def test_same_brief_same_bytes_with_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730160000")
    brief = multi_script_brief()  # one brief: each one built anew has new item ids, and the PDF carries them
    assert render_pdf(brief)[0] == render_pdf(brief)[0]


def test_characters_no_font_has_are_shown_by_code_point_and_controls_dropped():
    b = Brief(title="Emoji 🙂 and \x07bell\u200b and soft\u00adhyphen")
    data, _ = render_pdf(b)
    assert "Emoji[U+1F642]andbellandsofthyphen" in all_text(data)


def test_long_content_never_breaks_export():
    word = "x" * 20_000
    speech = " ".join(f"word{i}" for i in range(9000))  # an assessment several pages long
    text = f"Title line\n{word}\n{speech}\n" + "\n".join(f"Item {i} text here." for i in range(2000))
    b = Brief(title="T" * 3000)
    b.add_source(Source(title="Big", text=text, title_line=True))
    b.add_item(KEY_FACTS, 1, text.index(word), text.index(word) + len(word))
    b.add_item(EXPERT_ASSESSMENTS, 1, text.index(speech), text.index(speech) + len(speech), speaker="Speaker")
    for i in range(0, 2000):
        s = text.index(f"Item {i} text")
        b.add_item(KEY_FACTS, 1, s, text.index(".", s) + 1)
    data, pages = render_pdf(b)
    assert pages > 50
    # the word and the speech run across pages: take away the page furniture between their pieces
    extracted = re.sub(r"TLP:AMBER|Page\d+of\d+|DRAFT|T{89}…", "", all_text(data))
    assert "X" + word[1:] in extracted and "Item1999texthere." in extracted  # printed capitalised
    assert squash("Speaker: Word0" + speech[5:]) in extracted  # reported speech, led by who said it
    assert "T" * 3000 in extracted  # the long title, wrapped in the title block


def test_an_empty_brief_exports_one_clean_page():
    data, pages = render_pdf(Brief())
    assert pages == 1
    text = all_text(data)
    assert "Untitledbrief" in text and "Keyfacts" not in text and "Sources" not in text


def test_a_layout_failure_is_one_clear_message_and_the_old_pdf_survives(tmp_path, monkeypatch):
    from reportlab.platypus import Spacer

    from briefing_app.export import renderer

    out = tmp_path / "brief.pdf"
    export_pdf(multi_script_brief(), out)
    good = out.read_bytes()
    monkeypatch.setattr(renderer.BriefRenderer, "_get_story", lambda self: [Spacer(10, 5000)])
    with pytest.raises(ExportError, match="could not be laid out") as e:
        export_pdf(multi_script_brief(), out)
    assert "\n" not in str(e.value)
    assert out.read_bytes() == good


def test_progress_is_reported_up_to_the_end():
    seen = []
    render_pdf(multi_script_brief(), progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0


# --- any text in any field
COVERED = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    include_characters="<>&\"'/[]{}",
).filter(lambda c: c.isascii() or "\u00a0" <= c <= "\u04ff" or "\uac00" <= c <= "\ud7a3" or c in "—–“”‘’…€")
field_text = st.text(COVERED, min_size=1, max_size=60).filter(lambda s: s.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(field_text, min_size=9, max_size=9))
def test_any_text_in_any_field_exports_and_comes_back(values):
    title, author, handling, bluf, comment, source_title, speaker, affiliation, note = values
    body = f"{values[0]}\n{bluf}\n{comment}"
    b = Brief(title=title, author=author, handling=handling.replace("\n", " "), bluf=bluf, comment=comment)
    b.add_source(Source(title=source_title, text=body, publisher=affiliation))
    b.add_item(EXPERT_ASSESSMENTS, 1, 0, len(values[0]), speaker=speaker, affiliation=affiliation, note=note)
    text = all_text(render_pdf(b)[0])
    for v in values:
        assert squash(v.replace("\n", " ")) in text, v


def test_the_readme_shows_an_exported_page():
    readme = (SEED.parent.parent / "README.md").read_text("utf-8")
    assert "resources/readme/export-page1.png" in readme
    assert (SEED.parent.parent / "resources" / "readme" / "export-page1.png").stat().st_size > 20_000


# --- issue 14: citations in one piece, quotations told from reported speech, real dates, the memo block
def fonts_of_lines(pdf: bytes, page: int = 0) -> list[tuple[str, str]]:
    """(font, text) of each run of text on a page, as a PDF reader draws it."""
    out = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            out.append((str(font.get("/BaseFont", "")) if font else "", text))

    reader(pdf).pages[page].extract_text(visitor_text=visit)
    return out


def test_a_citation_is_never_broken_across_lines():
    """Items of every length, so that some citation meets the end of a line: "[1," never ends a line."""
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar".split()
    paragraphs = [f"Item {i} {' '.join(words[: 1 + i % 15])} {'x' * (i % 9)} {' '.join(words) * 2}." for i in range(60)]
    text = "\n".join(paragraphs)
    b = Brief(title="Citations at the ends of lines")
    b.add_source(Source(title="Source", text=text))
    for i, p in enumerate(paragraphs):
        start = text.index(p)
        b.add_item(KEY_FACTS if i % 2 else EXPERT_ASSESSMENTS, 1, start, start + len(p), speaker="Ana Ruiz")
    lines = [line for t in page_texts(render_pdf(b)[0]) for line in t.splitlines()]
    cited = [line for line in lines if re.search(r"\[\d+,\s*¶\d+,\s*F6\]", line)]
    assert len(cited) == 60  # each citation whole on one line
    assert not [
        line for line in lines if re.search(r"\[\d+,(\s*¶\d+,)?\s*$", line) or re.match(r"\s*(¶\d+,\s*)?F6\]", line)
    ]


def seed_assessments_brief() -> Brief:
    """The seed article's assessments picked as an analyst does: a sentence of reported speech that names its
    speaker, the words inside a quotation without their marks, and a passage opening with a pronoun."""
    from helpers.sample_brief import sample_brief

    b = sample_brief()
    for item in b.expert_assessments:
        b.remove_item(item.id)
    text = b.sources[0].text
    sorel = text.index("experts suggest that in practical terms")
    affiliation = "director of the Sorbonne Institute for Research in International Law (IREDIES)"
    end = text.index("(IREDIES).") + len("(IREDIES).")
    b.add_item(EXPERT_ASSESSMENTS, 1, sorel, end, speaker="Jean-Marc Sorel", affiliation=affiliation)
    inner = text.index("Behind the Moscow-Pyongyang agreement")
    b.add_item(EXPERT_ASSESSMENTS, 1, inner, text.index("closely monitored", inner) + len("closely monitored"),
               speaker="Barthélémy Courmont", affiliation="research director at IRIS")  # fmt: skip
    b.set_field("comment", "")
    source = Source(title="Second source", text="Panel on the front\nHe warned that the front would not hold.",
                    title_line=True)  # fmt: skip
    b.add_source(source)
    b.add_item(EXPERT_ASSESSMENTS, 2, 19, len(source.text), speaker="Jane Doe", affiliation="IISS")
    return b


def test_assessments_tell_quotations_from_reported_speech_and_say_who_once():
    data, _ = render_pdf(seed_assessments_brief())
    runs = fonts_of_lines(data)
    text = squash(" ".join(t for _, t in runs))
    # reported speech that names its speaker: upright, capitalised, the attribution once (no "— Jean-Marc Sorel")
    assert squash("Experts suggest that in practical terms, “this is a communication effect") in text
    assert text.count("Jean-MarcSorel") == 1 and "—Jean-MarcSorel" not in text
    assert squash("(IREDIES). [1, ¶18, C6]") in text
    sorel = [font for font, t in runs if "Experts suggest" in t]
    assert sorel and all("Italic" not in font for font in sorel)
    # the words inside a quotation, picked without their marks: printed in quotation marks, in italics, as a quote
    assert squash("“Behind the Moscow-Pyongyang agreement") in text
    assert squash("must be closely monitored.” — Barthélémy Courmont, research director at IRIS [1, ¶19, C6]") in text
    behind = [font for font, t in runs if "Behind the Moscow" in t]
    assert behind and all("Italic" in font for font in behind)
    # a passage that opens with "He": led by who said it, never by the bare pronoun
    assert squash("Jane Doe, IISS: He warned that the front would not hold. [2, ¶1, F6]") in text
    assert next(font for font, t in runs if t.startswith("Jane Doe")).endswith("Bold")


@pytest.mark.parametrize(
    "text, quoted",
    [
        ("“this is a communication effect from Russia,”", True),
        ("“Russia seeks […] to put ‘pressure’ on South Korea’s government.”", True),
        ('"We will stay," she said, "as long as needed."', False),
        ("“We will stay,” she said.", False),
        ("experts suggest that “this is an effect,” according to Jean-Marc Sorel.", False),
        ("«Nous resterons.»", True),
        ("inflation would fall back to 2% in 2025", False),
    ],
)
def test_a_direct_quotation_is_text_wholly_in_quotation_marks(text, quoted):
    from briefing_app.export.wording import wholly_quoted

    assert wholly_quoted(text) == quoted


def test_printed_forms_of_items_and_dates():
    from briefing_app.export.wording import as_quotation, assessment, capitalised, long_date

    assert capitalised("experts suggest") == "Experts suggest" and capitalised("“this is") == "“This is"
    assert capitalised("iPhone sales") == "iPhone sales" and capitalised("10,000 soldiers") == "10,000 soldiers"
    assert as_quotation("“this is not essential,”") == "“This is not essential.”"
    assert [long_date(d) for d in ("2026-11-29", "2026-11", "2026", "", "soon")] == [
        "29 November 2026", "November 2026", "2026", "", "soon"
    ]  # fmt: skip
    reported = assessment("inflation would fall back to 2% in 2025", "François Villeroy de Galhau", "Banque de France")
    assert (reported.quotation, reported.text) == (False, "Inflation would fall back to 2% in 2025")
    assert reported.lead == ("François Villeroy de Galhau", "Banque de France") and not reported.attribution
    inside = assessment("Behind it all, Russia", "B. Courmont", "IRIS", before=" “", after=",” c")
    assert inside.quotation and inside.text == "“Behind it all, Russia.”" and inside.attribution == "B. Courmont, IRIS"


def test_pdf_dates_are_the_time_of_export(monkeypatch):
    from datetime import UTC, datetime, timedelta

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC)
    meta = reader(render_pdf(multi_script_brief())[0]).metadata
    after = datetime.now(UTC)
    for when in (meta.creation_date, meta.modification_date):
        assert when.tzinfo is not None  # local time with its offset, as PDF readers show it
        assert before - timedelta(seconds=2) <= when <= after + timedelta(seconds=2)


def test_source_date_epoch_gives_its_dates_and_the_same_bytes(monkeypatch):
    from datetime import UTC, datetime

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764374400")  # 2025-11-29 00:00 UTC
    brief = multi_script_brief()
    first, second = render_pdf(brief)[0], render_pdf(brief)[0]
    assert first == second
    assert reader(first).metadata.creation_date == datetime(2025, 11, 29, tzinfo=UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ExportError, match="^SOURCE_DATE_EPOCH must be a whole number of seconds"):
        render_pdf(multi_script_brief())


def test_title_block_says_who_prepared_it_for_whom_with_dates_people_read():
    b = multi_script_brief()
    b.set_field("date", "2026-11-29")
    b.set_field("prepared_for", "Director, Asia desk")
    b.set_field("distribution", "Asia desk; NATO liaison")
    data, _ = render_pdf(b)
    first = page_texts(data)[0]
    block = first[first.index("DATE") : first.index("BOTTOM LINE UP FRONT")]
    assert [line.split(maxsplit=1)[0] for line in block.splitlines()] == ["DATE", "PREPARED", "PREPARED",
                                                                          "DISTRIBUTION", "HANDLING"]  # fmt: skip
    for line in ("DATE 29 November 2026", "PREPARED BY Jana Novák", "PREPARED FOR Director, Asia desk",
                 "DISTRIBUTION Asia desk; NATO liaison", "HANDLING TLP:AMBER"):  # fmt: skip
        assert squash(line) in squash(block), line
    assert squash("Published 28 October 2024; accessed 29 October 2024.") in all_text(data)
    assert "2024-10-2" not in first and "2026-11-29" not in first
    plain = render_pdf(Brief(title="Bare"))[0]  # rows without a value are left out
    assert "PREPARED" not in page_texts(plain)[0] and "HANDLINGTLP:AMBER" in all_text(plain)


def test_the_sources_list_prints_the_source_author():
    b = multi_script_brief()
    source = b.sources[0]
    object.__setattr__(source, "author", "Kim Lee")  # works whether or not Source has an author field yet
    assert squash("[1] Monitoring digest. By Kim Lee. Desk. Published 28 October 2024") in all_text(render_pdf(b)[0])


# --- issue 15: long content in every field flows across pages, each line broken once
def field_text(tag: str, n: int) -> str:
    """About ``n`` characters of numbered words ("Bluf0 bluf1 bluf2 ..."): each field's own, found again whole."""
    words = [f"{tag}{i}" for i in range(n // (len(tag) + 4))]
    return " ".join([words[0].capitalize(), *words[1:]])


PRINTED = ("title", "author", "prepared_for", "distribution", "bluf", "comment", "source title", "source author",
           "publisher", "url", "perspective", "fact text", "note", "speaker", "affiliation")  # fmt: skip


def brief_with(values: dict[str, str]) -> Brief:
    """A brief of one key fact and one assessment whose fields hold ``values`` (by the names in PRINTED)."""
    fact = values.get("fact text", "A short fact here.")
    text = f"Title\n{fact}\nHe said it would rain tomorrow."
    b = Brief(title=values.get("title", "Brief"), date="2024-10-28")
    url = "https://example.org/" + values["url"].replace(" ", "-") if "url" in values else ""
    b.add_source(Source(title=values.get("source title", "Source"), author=values.get("source author", ""),
                        publisher=values.get("publisher", ""), url=url, text=text, title_line=True,
                        perspective=values.get("perspective", "")))  # fmt: skip
    b.add_item(KEY_FACTS, 1, 6, 6 + len(fact), note=values.get("note", ""))
    start = text.index("He said")
    b.add_item(EXPERT_ASSESSMENTS, 1, start, len(text), speaker=values.get("speaker", "Ana Ruiz"),
               affiliation=values.get("affiliation", "IISS"))  # fmt: skip
    for name in ("author", "prepared_for", "distribution", "bluf", "comment"):
        if name in values:
            b.set_field(name, values[name])
    return b


def test_long_text_in_every_field_flows_across_pages(tmp_path):
    """A BLUF longer than a page could not be exported (ReportLab made its second part with arguments the
    BLUF's paragraph class refused: TypeError 'bulletText'), nor 600 characters of Thai. Every field, each
    longer than a page, now flows across pages: all its words come back, one outline entry for the BLUF
    on the page it starts, one link per citation, to the page of its source's entry."""
    from briefing_app.export.fonts import describe_missing

    thai = "ภาษาไทยเป็นภาษาที่มีระดับเสียง" * 20  # 600 characters no font has: printed as [U+0E20]...
    values = {name: field_text(name.replace(" ", "").replace("_", "")[:6], 5_000) for name in PRINTED}
    values["bluf"] = field_text("bluf", 9_000) + " " + thai
    data, pages = render_pdf(brief_with(values))
    texts = page_texts(data)
    assert pages == len(texts) > 14
    running_header = squash(values["title"][:89]) + "…28October2024"  # from page 2 on
    text = re.sub(r"TLP:AMBER|Page\d+of\d+|DRAFT", "", squash("".join(texts)).replace(running_header, ""))
    for name, value in values.items():
        shown = value.replace(thai, "".join(describe_missing(c) for c in thai)) if name == "bluf" else value
        shown = "https://example.org/" + value.replace(" ", "-") if name == "url" else shown
        assert squash(shown) in text, name
    r = reader(data)
    bluf = [o for o in r.outline if o.title == "Bottom line up front"]
    starts = next(n for n, t in enumerate(texts) if "BOTTOM LINE UP FRONT" in t)
    assert len(bluf) == 1 and r.get_destination_page_number(bluf[0]) == starts
    assert sum("BluF" in squash(t) or "bluf1" in t for t in texts) >= 3  # the BLUF spans three pages or more
    links = [a.get_object()["/Dest"] for p in r.pages for a in p.get("/Annots", []) if "/Dest" in a.get_object()]
    assert len(links) == 2  # one citation per item, on the last part of its paragraph
    entry = next(n for n, t in enumerate(texts) if "[1] Source0" in t)  # the pages were all "page 1" before
    assert [next(n for n, p in enumerate(r.pages) if p.indirect_reference == d[0]) for d in links] == [entry] * 2

    thai_only = brief_with({"bluf": thai})
    path = tmp_path / "thai.brief"
    save_brief(thai_only, path)
    p = subprocess.run([venv_bin("briefing-app"), "export", str(path), "-o", str(tmp_path / "thai.pdf")],
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.returncode == 0 and p.stdout.startswith("Exported 2 page(s)"), p.stdout + p.stderr
    assert squash(describe_missing(thai[0]) + describe_missing(thai[1])) in all_text(tmp_path / "thai.pdf")


@pytest.mark.parametrize("field", PRINTED)
def test_each_line_of_a_long_field_is_broken_once(field):
    """ReportLab broke the rest of a split paragraph into lines again on every page, so a field of many pages
    cost the square of its length (a 400 KB note took 21 s, 1 MB did not finish in two minutes). Counted here
    as lines made by line breaking against lines drawn: they were 5 to 30 times as many, now the same."""
    from reportlab.platypus.paragraph import Paragraph

    broken, drawn = [0], [0]
    real_break, real_draw = Paragraph.breakLines, Paragraph.drawPara

    def breaking(self, width):
        lines = real_break(self, width)
        broken[0] += len(lines.lines)
        return lines

    def drawing(self, debug=0):
        drawn[0] += len(self.blPara.lines)
        return real_draw(self, debug)

    brief = brief_with({field: field_text("Word", 20_000)})
    with mock.patch.object(Paragraph, "breakLines", breaking), mock.patch.object(Paragraph, "drawPara", drawing):
        _, pages = render_pdf(brief)
    assert pages >= 3 and drawn[0] > 150
    assert broken[0] == drawn[0]


def test_a_draft_says_so_across_every_page_and_a_final_brief_does_not():
    """Until the analyst marks the brief final, every page carries DRAFT (beneath the text, in light grey)."""
    from helpers.sample_brief import sample_brief

    b = sample_brief()
    b.set_field("status", "draft")
    texts = page_texts(render_pdf(b)[0])
    b.set_field("status", "final")
    final = page_texts(render_pdf(b)[0])
    assert all("DRAFT" in t for t in texts) and not any("DRAFT" in t for t in final)

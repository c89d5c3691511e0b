"""The exported PDF read back as its recipient would: text, order, citations, scripts, hostile strings,
fonts, metadata, outline, banners, long content, and byte-identical output."""

import re
import subprocess
import sys
from unittest import mock

import pytest
from conftest import SEED, venv_bin
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_helpers import all_text, colours_in_band, has_colour, page_texts, reader, squash

from briefing_app import __version__
from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, Source
from briefing_app.core.brief_file import dumps, save_brief
from briefing_app.export import ExportError, export_pdf, render_pdf

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


@pytest.fixture(scope="module")
def pdf():
    return render_pdf(multi_script_brief())[0]


def test_items_in_order_with_citations_and_every_script_extracted_exactly(pdf):
    b = multi_script_brief()
    text = all_text(pdf)
    positions = [text.index(squash(item.text)) for _, item in b.all_items()]
    assert positions == sorted(positions)  # key facts first, each section in its order
    for _, item in b.all_items():
        assert squash(f"{item.text}") in text
    assert text.count("[1,¶1]") == 1 and text.count("[1,¶4]") == 1 and "[1,¶2]" in text
    for name in NAMES:
        assert squash(name) in text, name
    assert squash("— Barthélémy Courmont, IRIS [1, ¶2]") in text
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
        assert later.index("Long brief") < later.index("2024-10-29") < later.index("Fact number")
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
    with pytest.raises(ExportError, match="unknown page size"):
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


def test_same_brief_same_bytes():
    assert render_pdf(multi_script_brief())[0] == render_pdf(multi_script_brief())[0]


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
    extracted = re.sub(r"TLP:AMBER|Page\d+of\d+|T{89}…", "", all_text(data))
    assert word in extracted and squash(speech) in extracted and "Item1999texthere." in extracted
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


def test_command_line_export_is_byte_identical_and_never_imports_qt(tmp_path):
    brief_path = tmp_path / "b.brief"
    save_brief(multi_script_brief(), brief_path)
    code = (
        "import sys; from briefing_app.__main__ import main; rc = main(sys.argv[1:]);"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))), file=sys.stderr);"
        "sys.exit(rc)"
    )
    outs = []
    for n in (1, 2):
        out = tmp_path / f"b{n}.pdf"
        p = subprocess.run([sys.executable, "-c", code, "export", str(brief_path), "-o", str(out)],
                           capture_output=True, text=True, timeout=120)  # fmt: skip
        assert p.returncode == 0, p.stderr
        assert p.stdout.startswith("Exported 1 page(s) to") or p.stdout.startswith("Exported 2 page(s) to")
        assert p.stderr.strip() == "[]"
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_command_line_export_errors(tmp_path):
    p = subprocess.run([venv_bin("briefing-app"), "export", str(SEED), "-o", str(tmp_path / "x.pdf")],
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.returncode == 1 and "not a valid brief file" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "x.pdf").exists()


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

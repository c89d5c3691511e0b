"""The Word export read back as its recipient's programs would: python-docx for the styles, text, links,
bookmarks, page furniture and properties; LibreOffice for a rendering whose text pypdf reads back."""

import io
import os
import re
import shutil
import subprocess
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, Source
from briefing_app.export import ExportError
from briefing_app.export.outline import outline
from briefing_app.export.word import WordWriter, render_docx, safe_text

from helpers.sample_brief import sample_brief
from helpers.support import ROOT

NBSP = "\u00a0"
LRE, PDF = "\u202a", "\u202c"  # left-to-right embedding and its end
EPOCH = 1_730_000_000  # 2024-10-27 03:33:20 UTC
ARABIC = "قال المتحدث إن المحادثات ستستأنف الأسبوع المقبل في القاهرة."
HEBREW = "הדובר אמר כי השיחות יתחדשו בשבוע הבא."
THAI = "รัฐบาลไทยประกาศมาตรการใหม่เพื่อรับมือกับภัยแล้ง"
CHINESE = "習近平表示，中方将继续推动和平谈判。"
KOREAN = "김정은 위원장은 러시아와의 협력이 계속될 것이라고 말했다."
DEVANAGARI = "प्रधानमंत्री ने कहा कि बातचीत अगले सप्ताह फिर से शुरू होगी।"
MARKUP = "Markup <b>bold</b> &amp; <script>alert(1)</script> *x* [a](b) &#x41; survives."
LONG_WORD = "Z" + "x" * 19_999
CONTROL = "Control\x00 char\x07acters\x1b and\x7f \ufeffhere."
QUOTE = "“We will not accept <b>this</b> & that,”"
UNSAFE_URL = "https:// javascript:alert(1)"  # the model takes it (it starts with https://); no address
SAFE_URL = "https://example.org/report?a=1&b=<2>"


def hostile_brief() -> Brief:
    """Every kind of text a Word document might choke on or mangle, in every printed field."""
    paragraphs = ["Hostile digest <i>&amp;</i>", MARKUP, ARABIC, HEBREW, THAI, CHINESE, KOREAN, DEVANAGARI,
                  LONG_WORD, QUOTE + " said Ana Ruiz.", CONTROL]  # fmt: skip
    text = "\n".join(paragraphs)
    b = Brief(title="Brief <b>&amp;</b> on talks — " + ARABIC[:12], date="2024-10-29", author="Jana <Novák> & Co",
              handling="TLP:AMBER", status="final")  # fmt: skip
    b.add_source(Source(title="Digest <script>x</script>", text=text, publisher="Desk & <Co>", url=UNSAFE_URL,
                        published="2024-10-28", reliability="B", title_line=True))  # fmt: skip
    b.add_source(Source(title="Second source", text="Second source\nA fact from elsewhere.", url=SAFE_URL,
                        title_line=True))  # fmt: skip

    def span(needle):
        s = text.index(needle)
        return s, s + len(needle)

    for fact in (MARKUP, THAI, CHINESE, DEVANAGARI, LONG_WORD, CONTROL):
        b.add_item(KEY_FACTS, 1, *span(fact), note="Note <b>x</b> &amp; y" if fact == MARKUP else "")
    b.add_item(KEY_FACTS, 2, 14, 36)
    b.add_item(EXPERT_ASSESSMENTS, 1, *span(QUOTE), speaker="Ana Ruiz", affiliation="<i>IISS</i> & Co")
    b.add_item(EXPERT_ASSESSMENTS, 1, *span(ARABIC), speaker="أحمد", affiliation="وزارة الخارجية", note=HEBREW)
    b.add_item(EXPERT_ASSESSMENTS, 1, *span(KOREAN), speaker="김정은", affiliation="")
    b.add_item(EXPERT_ASSESSMENTS, 1, *span(HEBREW))
    b.set_field("bluf", f"{ARABIC}\n\nBLUF with {MARKUP}\nand a line break.")
    b.set_field("comment", f"Comment {MARKUP}\n\n{THAI} {CHINESE}")
    b.set_field("prepared_for", "Desk <head> & deputy")
    return b


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def styled(document) -> list[tuple[str, str]]:
    """(style, text) of every body paragraph, without the marks that keep a citation left to right."""
    return [(p.style.name, p.text.replace(LRE, "").replace(PDF, "")) for p in document.paragraphs]


def cited(text: str, citation) -> str:
    return f"{text} {str(citation).replace(' ', NBSP)}"


@pytest.fixture(scope="module")
def sample():
    brief = sample_brief()
    return brief, render_docx(brief)


@pytest.fixture(scope="module")
def hostile():
    brief = hostile_brief()
    return brief, render_docx(brief)


def expected_paragraphs(brief: Brief) -> list[tuple[str, str]]:
    """The (style, text) of every body paragraph: the outline's strings, set in Word's styles."""
    o = outline(brief)
    out = [("Title", o.title)] + [("Memo", f"{label}\t{value}") for label, value in o.memo]
    if o.bluf or o.bluf_judgement:
        out.append(("Heading 1", "Bottom line up front"))
        out += [("Bottom Line", o.bluf_judgement)] if o.bluf_judgement else []
        out += [("Bottom Line", block) for block in o.bluf]
    if o.key_facts:
        out.append(("Heading 1", "Key facts"))
        for fact in o.key_facts:
            out.append(("List Number", cited(fact.text, fact.citation)))
            out += [("Fact Judgement", fact.judgement)] if fact.judgement else []
            out += [("Note", "Analyst note: " + fact.note)] if fact.note else []
    if o.assessments:
        out.append(("Heading 1", "Expert assessments"))
        for entry in o.assessments:
            shown = entry.shown
            if shown.quotation:
                out.append(("Quote", shown.text))
            else:
                speaker, affiliation = shown.lead or ("", "")
                lead = ", ".join(x for x in (speaker, affiliation) if x)
                body = (lead + ": " if shown.lead else "") + shown.text
                out.append(("Reported Speech", body if shown.attribution else cited(body, entry.citation)))
            if shown.attribution:
                out.append(("Attribution", cited("—" + NBSP + shown.attribution, entry.citation)))
            out += [("Judgement", entry.judgement)] if entry.judgement else []
            out += [("Assessment Note", "Analyst note: " + entry.note)] if entry.note else []
    if o.comment or o.comment_judgement:
        out.append(("Heading 1", "Analyst comment"))
        out += [("Comment Judgement", o.comment_judgement)] if o.comment_judgement else []
        out += [("Normal", block) for block in o.comment]
    if o.sources:
        out.append(("Heading 1", "Sources"))
        for s in o.sources:
            entry = " ".join((s.title if s.title.endswith((".", "?", "!")) else s.title + ".", *s.details))
            out.append(("Source", f"[{s.number}]\t{entry}" + (f" {s.url}" if s.url else "")))
        out += [("Key", o.grades_key)] if o.grades_key else []
    if o.scale:  # then the scale's table, which is not a paragraph of the body
        out += [("Heading 1", "Likelihood scale"), ("Key", o.scale.caption)]
    return [(style, safe_text(text)) for style, text in out]


def test_every_part_is_set_in_its_word_style(sample):
    brief, data = sample
    document = read(data)
    assert styled(document) == expected_paragraphs(brief)
    names = [p.style.name for p in document.paragraphs]
    assert names[0] == "Title" and names.count("List Number") == 3 and names.count("Quote") == 2
    # the words are the source's, verbatim: the printed fact is the item's text, capitalised
    facts = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    for fact, item in zip(facts, brief.key_facts, strict=True):
        assert fact[1:].startswith(item.text[1:]) and fact.endswith(f"[1,{NBSP}¶{item.paragraph},{NBSP}C6]")
    attributions = [p.text for p in document.paragraphs if p.style.name == "Attribution"]
    assert attributions[0].startswith("—\u00a0Jean-Marc Sorel, Sorbonne Institute for Research in International Law")
    # bold speaker of reported speech, italic notes, by their styles (a reader restyles them in one place)
    assert document.styles["Note"].font.italic and document.styles["Strong"].font.bold


def test_hostile_text_survives_literally(hostile):
    brief, data = hostile
    document = read(data)
    assert styled(document) == expected_paragraphs(brief)
    text = "\n".join(p.text for p in document.paragraphs)
    pieces = [MARKUP, ARABIC, HEBREW, THAI, CHINESE, KOREAN, DEVANAGARI, QUOTE[1:-2], "Desk <head> & deputy",
              "Digest <script>x</script>.", "Desk & <Co>.", "<i>IISS</i> & Co", "Note <b>x</b> &amp; y"]  # fmt: skip
    for piece in pieces:
        assert piece in text, piece
    assert LONG_WORD in text  # one run, whole
    assert "Control characters and here." in text and "\x00" not in text and "\x1b" not in text
    # an address that is not http(s) is printed, never linked; an https one is linked, as a valid URI
    links = [link for p in document.paragraphs for link in p.hyperlinks]
    addresses = [link.address for link in links if link.address]
    assert addresses == ["https://example.org/report?a=1&b=%3C2%3E"] and SAFE_URL in text and UNSAFE_URL in text
    rels = document.part.rels.values()
    assert not any("javascript" in rel.target_ref for rel in rels if rel.is_external)
    # right-to-left paragraphs (and only those) run right to left
    rtl = [p.text for p in document.paragraphs if p._p.pPr.find(qn("w:bidi")) is not None]
    starts = [ARABIC, "أحمد, وزارة الخارجية: " + ARABIC, "Analyst note: " + HEBREW, HEBREW]
    assert len(rtl) == len(starts) and all(text.startswith(start) for text, start in zip(rtl, starts, strict=True))
    # in them a citation is embedded left to right, else it would read "[2¶ ,1]"; elsewhere it needs no marks
    assert rtl[1].endswith(f" {LRE}[1,{NBSP}¶2,{NBSP}B6]{PDF}")
    assert LRE not in "".join(p.text for p in document.paragraphs if p.text not in rtl)


def test_an_address_that_is_not_http_is_never_linked():
    """Even from a brief that skipped the model's checks (Brief.from_checked, as the file loader uses)."""
    source = Source(title="Page", text="Page\nA fact.", url="javascript:alert(1)", title_line=True)
    brief = Brief.from_checked({"title": "T"}, [source], {KEY_FACTS: [], EXPERT_ASSESSMENTS: []})
    document = read(render_docx(brief))
    entry = document.paragraphs[-1].text
    assert entry == "[1]\tPage. Reliability F (reliability cannot be judged); access unknown. javascript:alert(1)"
    assert not [link for p in document.paragraphs for link in p.hyperlinks]
    assert not [rel for rel in document.part.rels.values() if rel.is_external]


def test_key_facts_are_one_numbered_list_that_starts_at_one(sample):
    _, data = sample
    document = read(data)
    numbering = document.part.numbering_part.element
    facts = [p for p in document.paragraphs if p.style.name == "List Number"]
    ids = {p._p.pPr.numPr.numId.val for p in facts}
    assert len(ids) == 1  # the note between facts 1 and 2 does not restart the count
    assert start_of(numbering, ids.pop()) == 1
    assert all(p._p.pPr.numPr is None for p in document.paragraphs if p.style.name == "Note")


def start_of(numbering, num_id: int) -> int:
    num = numbering.num_having_numId(num_id)
    override = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    abstract = numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{num.abstractNumId.val}"]')[0]
    assert abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "decimal"
    return int(override.get(qn("w:val")))


def test_a_second_list_starts_again_at_one():
    writer = WordWriter(sample_brief())
    first, second = writer.numbered_list(), writer.numbered_list()
    numbering = writer.doc.part.numbering_part.element
    assert first != second and start_of(numbering, first) == start_of(numbering, second) == 1


def test_citations_link_to_bookmarks_on_the_sources(hostile):
    brief, data = hostile
    document = read(data)
    body = document.element.body
    marks = {b.get(qn("w:name")): b for b in body.iter(qn("w:bookmarkStart"))}
    assert set(marks) == {"source_1", "source_2"}
    for name, start in marks.items():
        paragraph = start.getparent()
        assert paragraph.style == "Source"
        assert "".join(t.text for t in paragraph.iter(qn("w:t"))).startswith(f"[{name[-1]}]")
        ends = [e for e in paragraph.iter(qn("w:bookmarkEnd")) if e.get(qn("w:id")) == start.get(qn("w:id"))]
        assert len(ends) == 1
    links = [(link.fragment, link.text) for p in document.paragraphs for link in p.hyperlinks if link.fragment]
    assert len(links) == len(brief.key_facts) + len(brief.expert_assessments)
    for fragment, label in links:
        assert fragment in marks and re.fullmatch(rf"{LRE}?\[{fragment[-1]},{NBSP}¶\d+,{NBSP}[BF]6\]{PDF}?", label)


def test_every_page_carries_the_handling_mark_and_a_page_count(sample):
    brief, data = sample
    section = read(data).sections[0]
    assert section.different_first_page_header_footer
    for part in (section.first_page_header, section.header, section.first_page_footer, section.footer):
        assert not part.is_linked_to_previous
        assert part.paragraphs[0].text.strip(NBSP) == "TLP:GREEN"
        assert part.paragraphs[0].style.name == "Banner"
    assert section.header.paragraphs[1].text == "North Korean troops in Russia\t29 October 2024"
    for footer in (section.first_page_footer, section.footer):
        codes = [c.text.split()[0] for c in footer.part.element.iter(qn("w:instrText"))]
        assert codes == ["PAGE", "NUMPAGES"] and footer.paragraphs[1].text == "Page 1 of 1"
    # a free classification line is printed as it is
    brief.set_field("handling", "SECRET // REL TO <NATO> & EU")
    header = read(render_docx(brief)).sections[0].first_page_header
    assert header.paragraphs[0].text == "SECRET // REL TO <NATO> & EU"


def test_page_size_and_margins():
    brief = sample_brief()
    for size, (width, height) in (("a4", (Mm(210), Mm(297))), ("Letter", (12240 * 635, 15840 * 635))):
        document = read(render_docx(brief, size))
        section = document.sections[0]
        assert abs(section.page_width - width) < Mm(0.1) and abs(section.page_height - height) < Mm(0.1)
        for margin in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin):
            assert abs(margin - Mm(20)) < Mm(0.1)
        # the header's and footer's tab stops (centre, right margin) are where this page's text ends
        width = section.page_width - section.left_margin - section.right_margin
        for style in ("Header", "Footer", "Running Head"):
            stops = document.styles[style].paragraph_format.tab_stops
            assert abs(max(stop.position for stop in stops) - width) < Mm(0.1)
    with pytest.raises(ExportError, match="Unknown page size 'a5'"):
        render_docx(brief, "a5")


def test_document_properties(monkeypatch, sample):
    brief, data = sample
    before = datetime.now(UTC)
    props = read(data).core_properties
    assert props.title == "North Korean troops in Russia" and props.author == "Desk analyst"
    assert props.subject.startswith("Brief (TLP:GREEN): North Korea has sent about 10,000 soldiers")
    assert props.keywords == "TLP:GREEN" and props.comments == "" and props.revision == 1
    assert props.created == props.modified and abs(props.created - before) < timedelta(minutes=5)
    package = zipfile.ZipFile(io.BytesIO(data))
    assert "<Application>briefing-app " in package.read("docProps/app.xml").decode()
    assert not [n for n in package.namelist() if "thumbnail" in n or "customXml" in n]
    # a title of any length fits a property (Word's limit: 255 characters)
    brief.set_field("title", "T" * 5000)
    assert len(read(render_docx(brief)).core_properties.title) == 255


def test_source_date_epoch_gives_identical_bytes(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first, second = render_docx(sample_brief()), render_docx(sample_brief())
    assert first == second
    props = read(first).core_properties
    assert props.created == props.modified == datetime(2024, 10, 27, 3, 33, 20, tzinfo=UTC)
    assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {(2024, 10, 27, 3, 33, 20)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ExportError, match="SOURCE_DATE_EPOCH must be a whole number"):
        render_docx(sample_brief())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(st.characters(exclude_categories=()), min_size=1, max_size=60))
def test_any_text_makes_a_valid_document(value):
    """Control characters, lone surrogates, U+FFFF...: dropped, as the PDF drops them, never an error."""
    b = Brief(title=value, bluf=value)
    document = read(render_docx(b))
    o = outline(b)
    assert document.paragraphs[0].text == safe_text(o.title)
    assert [p.text for p in document.paragraphs if p.style.name == "Bottom Line"] == [safe_text(x) for x in o.bluf]


def fonts_conf(folder: Path) -> Path:
    """A fontconfig set-up for LibreOffice: the system's fonts and the app's bundled ones (Korean, Chinese)."""
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<include ignore_missing='yes'>/etc/fonts/fonts.conf</include><dir>{ROOT / 'resources' / 'fonts'}</dir>"
        f"<cachedir>{folder / 'fontcache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_it_and_prints_every_part(tmp_path, hostile):
    brief, data = hostile
    source = tmp_path / "brief.docx"
    source.write_bytes(data)
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf(tmp_path)), "HOME": str(tmp_path)}
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180, env=env,
    )  # fmt: skip
    reader = PdfReader(tmp_path / "brief.pdf")
    pages = [page.extract_text() for page in reader.pages]
    flat = squash("".join(body_text(page) for page in pages))
    # scripts with a font here: the system's (DejaVu comes with LibreOffice) and the app's (Korean, Chinese);
    # right-to-left sentences without their full stop, which the extracted text puts at either end
    pieces = [MARKUP, CHINESE, KOREAN, ARABIC[:-1], HEBREW[:-1], "Desk <head> & deputy", LONG_WORD, "1. Markup",
              "Analyst note: Note <b>x</b> &amp; y", "7. A fact from elsewhere. [2, ¶1, F6]",
              "[1, ¶2, B6]"]  # fmt: skip
    # Thai when a font has it (fonts-tlwg-*); not Devanagari, whose shaped syllables pypdf reads back garbled
    pieces += [THAI] if has_font("th", env) else []
    for piece in pieces:
        assert squash(piece) in flat, piece
    total = len(pages)
    assert total > 1
    for number, text in enumerate(pages, 1):
        banners = [line for line in text.splitlines() if line.strip(NBSP + " ") == "TLP:AMBER"]
        assert len(banners) == 2 and f"Page {number} of {total}" in text
    # every citation is a link to its source's entry, on the last page; only the https address links out
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", []) if a["/Subtype"] == "/Link"]
    inner = {(a["/Dest"][0].get_object().indirect_reference, round(a["/Dest"][3])) for a in links if "/Dest" in a}
    assert sum(1 for a in links if "/Dest" in a) == len(brief.key_facts) + len(brief.expert_assessments)
    assert {page for page, _ in inner} == {reader.pages[-1].indirect_reference} and len(inner) == 2
    assert [a["/A"]["/URI"] for a in links if "/A" in a] == ["https://example.org/report?a=1&b=%3C2%3E"]


def body_text(page: str) -> str:
    """A page's text without its head and foot: the banners, the running head and "Page n of m"."""
    furniture = re.compile(r"\s*(TLP:AMBER|Page \d+ of \d+|Brief <b>.* 2024)\s*")
    return "\n".join(line for line in page.splitlines() if not furniture.fullmatch(line.replace(NBSP, " ")))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace(NBSP, " "))


def has_font(lang: str, env: dict) -> bool:
    """Whether fontconfig knows a font for the language ``lang``."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", f":lang={lang}", "family"], capture_output=True, text=True, env=env)
    return bool(found.stdout.strip())


def test_a_draft_says_so_beside_the_handling_mark_on_every_page_and_a_final_brief_does_not():
    """Until the brief is marked final, the banner in every header and footer reads DRAFT beside the mark."""
    brief = hostile_brief()
    brief.set_field("status", "draft")
    banners = [p.text for s in docx.Document(io.BytesIO(render_docx(brief))).sections
               for part in (s.header, s.footer, s.first_page_header, s.first_page_footer)
               for p in part.paragraphs if "TLP:AMBER" in p.text]  # fmt: skip
    assert banners and all(b.startswith("DRAFT") for b in banners)
    brief.set_field("status", "final")
    final = docx.Document(io.BytesIO(render_docx(brief)))
    assert not any("DRAFT" in p.text for s in final.sections for p in (*s.header.paragraphs, *s.footer.paragraphs))

"""The archival PDF (PDF/A-3u) as a validator, pypdf and qpdf see it: conformance for a plain and a hostile
brief, the validator's own teeth, fonts and their ToUnicode maps, XMP against the document information,
the output intent, the .brief inside and reopening it, dates and bytes (the commands and the window reading
an exported PDF: cli/test_export_command.py, gui/test_archival_window.py)."""

import io
import os
import re
from datetime import UTC, datetime

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from briefing_app.core.brief import Brief
from briefing_app.core.brief_file import BriefFileError, check_file, dumps, load_brief, save_brief
from briefing_app.export import export_pdf, render_pdf
from briefing_app.export.fonts import runs
from briefing_app.resources import resource

from helpers.hostile_brief import ARABIC, FACTS, HEBREW, LONG_WORD
from helpers.hostile_brief import hostile_brief as shared_hostile_brief
from helpers.pdf_helpers import all_text, reader, squash
from helpers.pdfa import pdfa_failures, xmp, xmp_value
from helpers.sample_brief import sample_brief
from helpers.support import run_cli

SPACES = "ideographic\u3000space, em\u2003space, no-break\u00a0space, tab\there, thin\u2009space"
RTL = {ARABIC[0], HEBREW[0], FACTS[6], FACTS[7]}  # drawn in stored order, which text extraction reverses


def hostile_brief() -> Brief:
    """The shared hostile brief (markup, right-to-left text, Thai, CJK, Devanagari, a 20,000-character word),
    with a title on two lines and odd spaces in the comment besides."""
    b = shared_hostile_brief()
    b.set_field("title", f"{b.title}\nsecond\tline")
    b.set_field("comment", f"{b.comment}\n\n{SPACES}")
    return b


def rule_ids(data: bytes) -> set[str]:
    return {f.split(":")[0] for f in pdfa_failures(data)}


def altered(data: bytes, change) -> bytes:
    """``data`` rewritten by qpdf after ``change(pdf)``."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        change(pdf)
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def hostile():
    brief = hostile_brief()
    return brief, render_pdf(brief)[0]


# --- conformance
def test_a_brief_exports_as_pdfa_3u(sample):
    _, data = sample
    assert pdfa_failures(data) == []
    assert data.startswith(b"%PDF-1.7\n")
    assert reader(data).is_encrypted is False


def test_every_stream_ends_in_cr_lf_before_endstream_so_data_ending_in_a_cr_keeps_its_length(sample):
    """A lone LF after compressed data that ends in a CR reads as one CR LF end-of-line: the data looks a byte
    shorter than its /Length, and PDF/A fails (one export in about 150 did, by chance of the compressed bytes)."""
    from reportlab.pdfbase import pdfdoc

    from briefing_app.export.archival import _stream, fix_reportlab

    _, data = sample
    ends = [m.start() for m in re.finditer(rb"endstream", data)]
    assert ends and all(data[i - 2 : i] == b"\r\n" for i in ends)
    fix_reportlab()
    for stream in (_stream(b"x\r", {}), pdfdoc.PDFStream(content=b"x\r", filters=[])):
        assert stream.format(pdfdoc.PDFDocument()).endswith(b"x\r\r\nendstream\n")


def test_a_hostile_brief_exports_as_pdfa_3u_and_every_string_survives(hostile, tmp_path):
    brief, data = hostile
    assert pdfa_failures(data) == []
    text = all_text(data)
    # what the fonts can print is printed literally; right-to-left runs, and scripts no bundled font has
    # (Thai, Devanagari: printed as [U+0E20]...), are checked literally in the brief inside, below
    printable = [f for f in FACTS if f not in RTL and f != LONG_WORD and all(face for face, _ in runs(f))]
    assert len(printable) >= 7
    for fact in printable:
        assert squash(fact) in text, fact
    # the long word runs over pages: its pieces lie between the pages' furniture
    assert sum(map(len, re.findall(r"Wx+|x{2,}", text))) == len(LONG_WORD)
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(data)
    assert load_brief(pdf)[0] == brief


def test_the_validator_rejects_what_is_not_pdfa_3u(sample, tmp_path):
    """The tests above can fail: the validator refuses a plain ReportLab PDF and each defect we guard against."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "A plain ReportLab page")
    canvas.save()
    assert {"PDFA3U-ID-SCHEMA-001", "PDFA3U-FONT-EMBEDDING-001"} <= rule_ids(buffer.getvalue())
    brief, data = sample
    plain, _ = render_pdf(brief, archival=False)  # ReportLab's page without XMP, output intent or .brief
    assert {"PDFA3U-ID-SCHEMA-001", "PDFA3U-DEVICE-RGB-001"} <= rule_ids(plain)

    def map_a_code_to_u0000(pdf):
        font = next(f for p in pdf.pages for f in p.Resources.Font.values())
        cmap = font.ToUnicode.read_bytes()
        cmap = re.sub(rb"(\d+) beginbfchar", lambda m: b"%d beginbfchar\n<00> <0000>" % (int(m[1]) + 1), cmap, count=1)
        font.ToUnicode.write(cmap)

    def unflag_links(pdf):
        for p in pdf.pages:
            for annot in p.get("/Annots", []):
                del annot.F

    def unrelate_the_brief(pdf):
        del pdf.Root.AF[0].AFRelationship

    assert "PDFA3U-UNICODE-VALUE-001" in rule_ids(altered(data, map_a_code_to_u0000))
    assert "PDFA3U-ANNOTATION-FLAGS-PRESENT-001" in rule_ids(altered(data, unflag_links))
    assert "PDFA3U-FILE-SPEC-AF-RELATIONSHIP-001" in rule_ids(altered(data, unrelate_the_brief))
    assert pdfa_failures(altered(data, lambda pdf: None)) == []  # qpdf's rewrite alone changes nothing


def test_every_font_is_embedded_with_a_tounicode_map_that_never_says_u0000(hostile):
    _, data = hostile
    fonts = {}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for p in pdf.pages:
            for font in p.Resources.Font.values():
                fonts[str(font.BaseFont)] = (font.FontDescriptor.get("/FontFile2") is not None,
                                             font.ToUnicode.read_bytes().decode("ascii"))  # fmt: skip
    assert len(fonts) >= 5  # Noto Sans (3 styles), DejaVu, Nanum, Droid: several subsets of each
    for name, (embedded, cmap) in fonts.items():
        assert embedded, name
        pairs = re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4})>", cmap)
        assert pairs and all(value != "0000" for _, value in pairs), name
        assert all(int(n) <= 100 for n in re.findall(r"(\d+) beginbfchar", cmap)), name


# --- metadata


def test_xmp_claims_pdfa_3u_and_says_what_the_document_information_says(hostile):
    brief, data = hostile
    root, info = xmp(data), reader(data).metadata
    assert xmp_value(root, "pdfaid:part") == "3" and xmp_value(root, "pdfaid:conformance") == "U"
    assert xmp_value(root, "dc:title/rdf:Alt/rdf:li") == info.title == brief.title  # its line feed and tab too
    assert xmp_value(root, "dc:creator/rdf:Seq/rdf:li") == info.author == brief.author
    assert xmp_value(root, "dc:description/rdf:Alt/rdf:li") == info.subject
    assert info.subject.startswith(f"Brief ({brief.handling}): # Not a heading\n1. Not a list")
    assert xmp_value(root, "pdf:Keywords") == info["/Keywords"]
    assert xmp_value(root, "pdf:Producer") == info.producer
    assert xmp_value(root, "xmp:CreatorTool") == info.creator
    for tag in ("xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"):
        assert datetime.fromisoformat(xmp_value(root, tag)) == info.creation_date == info.modification_date


def test_the_output_intent_is_the_shipped_srgb_profile(sample):
    _, data = sample
    (intent,) = reader(data).trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1" and intent["/OutputConditionIdentifier"] == "sRGB IEC61966-2.1"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data() == resource("sRGB.icc").read_bytes()
    assert profile.get_data()[12:20] == b"mntrRGB "  # a display profile in RGB, as PDF/A wants


def test_dates_are_the_time_of_export_and_say_their_offset(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = datetime.now(UTC).replace(microsecond=0)
    data, _ = render_pdf(sample_brief())
    after = datetime.now(UTC)
    info = reader(data).metadata
    assert before <= info.creation_date == info.modification_date <= after
    assert re.fullmatch(r"D:\d{14}[+-]\d\d'\d\d'", info["/CreationDate"])
    assert datetime.fromisoformat(xmp_value(xmp(data), "xmp:CreateDate")) == info.creation_date


def test_source_date_epoch_gives_the_same_bytes_and_a_content_derived_id(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730160000")  # 2024-10-29 00:00 UTC
    brief, other = sample_brief(), hostile_brief()
    first, second = render_pdf(brief)[0], render_pdf(brief)[0]
    assert first == second
    assert xmp_value(xmp(first), "xmp:ModifyDate") == "2024-10-29T00:00:00+00:00"
    assert reader(first).metadata["/ModDate"] == "D:20241029000000+00'00'"
    ids = [reader(d).trailer["/ID"][0] for d in (first, render_pdf(other)[0])]
    assert ids[0] != ids[1]  # each document its own /ID, from its content, not from the clock


# --- the brief inside
def test_the_brief_is_the_pdfs_associated_source_file(sample):
    brief, data = sample
    catalog = reader(data).trailer["/Root"]
    (spec,) = [s.get_object() for s in catalog["/AF"]]
    assert spec["/AFRelationship"] == "/Source" and spec["/UF"] == spec["/F"] == "North Korean troops in Russia.brief"
    stream = spec["/EF"]["/F"].get_object()
    assert stream["/Subtype"] == "/application/json" and stream["/Params"]["/Size"] == len(dumps(brief))
    assert stream.get_data() == dumps(brief)  # the very bytes a .brief file holds
    names = catalog["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0] == "North Korean troops in Russia.brief" and names[1].get_object() == spec
    assert list(reader(data).attachments) == ["North Korean troops in Russia.brief"]


def test_a_pdf_reopens_as_an_equal_brief_and_checks_clean(sample, tmp_path):
    brief, _ = sample
    pdf = tmp_path / "brief.pdf"
    export_pdf(brief, pdf)
    assert load_brief(pdf)[0] == brief
    assert check_file(pdf) == []


def tampered(data: bytes) -> bytes:
    """``data`` with one byte of source 1's text changed inside its embedded brief (hashes left as they were)."""

    def change(pdf):
        stream = pdf.Root.AF[0].EF.F
        raw = stream.read_bytes()
        at = raw.index(b"Pentagon")
        stream.write(raw[:at] + b"P" + raw[at + 1 :].replace(b"entagon", b"entagom", 1))

    return altered(data, change)


def test_a_tampered_embedded_brief_is_refused_with_the_hash_message(sample, tmp_path):
    _, data = sample
    pdf = tmp_path / "tampered.pdf"
    pdf.write_bytes(tampered(data))
    with pytest.raises(BriefFileError) as e:
        load_brief(pdf)
    assert str(e.value) == (f"{pdf} (its embedded brief): sources[0].sha256: does not match the embedded text "
                            "(the text was altered)")  # fmt: skip
    p = run_cli("check", str(pdf))
    assert p.returncode == 1 and "sources[0].sha256: does not match the embedded text" in p.stdout
    p = run_cli("export", str(pdf), "-o", str(tmp_path / "again.pdf"))
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "the text was altered" in p.stderr
    assert not (tmp_path / "again.pdf").exists()


def test_a_saved_brief_and_its_pdf_hold_the_same_bytes(sample, tmp_path):
    brief, data = sample
    save_brief(brief, tmp_path / "b.brief")
    assert reader(data).attachments["North Korean troops in Russia.brief"] == [(tmp_path / "b.brief").read_bytes()]


def test_an_article_pdf_is_told_from_an_exported_brief_without_being_parsed(tmp_path, monkeypatch):
    """The window asks of every PDF it opens whether it carries a brief, on its own thread: an article PDF
    (no attachment) is answered by a byte scan, never by reading and parsing the whole file; a pipe named
    .pdf is not opened at all (it would block)."""

    from briefing_app.core import brief_file

    article = tmp_path / "article.pdf"
    article.write_bytes(render_pdf(sample_brief(), archival=False)[0])
    exported = tmp_path / "brief.pdf"
    exported.write_bytes(render_pdf(sample_brief())[0])
    parsed = []
    monkeypatch.setattr(brief_file, "read_file", lambda p: parsed.append(p) or open(p, "rb").read())
    assert not brief_file.pdf_has_brief(article) and parsed == []
    assert brief_file.pdf_has_brief(exported) and parsed == [exported]
    os.mkfifo(tmp_path / "pipe.pdf")
    monkeypatch.undo()
    assert not brief_file.pdf_has_brief(tmp_path / "pipe.pdf")  # returns at once: read_file refuses a pipe

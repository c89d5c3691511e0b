"""Articles of every kind, and files built to hang, exhaust or fool the loaders, given to the commands that load
them (new, check, suggest) as a user or an attacker would: one line and exit 1 for what is refused."""

import io
import json
import os

import pytest

from helpers.article_files import BODY, docx_bytes, make_docx, raw_pdf, shown, with_document_xml
from helpers.support import one_line, run_cli, venv_bin


@pytest.mark.parametrize("command", ["new", "check", "suggest"])
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path, command):
    fifo = tmp_path / ("in.brief" if command == "check" else "in.txt")
    os.mkfifo(fifo)
    args = [command, str(fifo)] + (["-o", str(tmp_path / "out.brief")] if command == "new" else [])
    line = one_line(run_cli(*args, timeout=30))  # before: waited for a writer forever
    assert "is a pipe (FIFO)" in line and "only regular files" in line


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_not_read_without_end(tmp_path, device):
    link = tmp_path / "article.txt"  # a link in a temp dir, as an attacker would hand it over
    link.symlink_to(device)
    line = one_line(run_cli("suggest", str(link), memory=1 << 30))  # before: MemoryError after reading 1 GiB
    assert "is a device" in line and "only regular files" in line
    brief = tmp_path / "zero.brief"
    brief.symlink_to(device)
    assert "is a device" in one_line(run_cli("check", str(brief), memory=1 << 30))


def endless_pdf(pages: int, lines: int = 60) -> bytes:
    """Pages of full lines in lower case, none ending a sentence: one paragraph from the first line to the last."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    words = "the talks on grain corridors and shipping lanes went on between both delegations with observers".split()
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=1)
    for page in range(pages):
        c.setFont("Helvetica", 10)
        for i in range(lines):
            n = page * lines + i
            c.drawString(50, 800 - 12.5 * i, " ".join(words[(n + k) % len(words)] for k in range(14)))
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_pdf_whose_lines_never_end_a_paragraph_loads_in_linear_time(tmp_path):
    """100 pages, 6,000 lines, one paragraph: about 2 s here; before, 100 s (each line searched the whole
    paragraph so far). tests/bench/bench_loaders.py times 500 pages and a 400-page table."""
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(endless_pdf(100))
    p = run_cli("new", str(pdf), "-o", str(tmp_path / "minutes.brief"), timeout=45)
    assert p.returncode == 0, p.stderr
    text = json.loads((tmp_path / "minutes.brief").read_text("utf-8"))["sources"][0]["text"]
    assert len(text) > 500_000 and "\n" not in text  # one paragraph, every line of it


def test_a_docx_that_unpacks_to_too_much_xml_is_refused_before_unpacking(tmp_path):
    """0.1 MB on disk, 47 MiB of XML inside: before, python-docx unpacked and parsed it all (a 200 MB one
    took 83 s and 2.1 GB); now the sizes the zip declares are added up first."""
    import docx

    document = docx.Document()
    document.add_paragraph("Budget talks resume")
    para = "<w:p><w:r><w:t>The minister announced a 4% rise in defence spending on Monday.</w:t></w:r></w:p>"
    bomb = with_document_xml(docx_bytes(document), lambda xml: xml.replace("<w:body>", "<w:body>" + para * 500_000))
    f = tmp_path / "budget.docx"
    f.write_bytes(bomb)
    assert f.stat().st_size < 1_000_000
    line = one_line(run_cli("new", str(f), "-o", str(tmp_path / "b.brief"), memory=400 << 20, timeout=60))
    assert "budget.docx unpacks to 47 MiB of XML; the limit for a Word document is 32 MiB" in line


@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "bz2", "punycode", "unicode_escape"])
def test_a_codec_that_is_no_text_encoding_is_refused_in_one_line(tmp_path, codec):
    f = tmp_path / "talks.txt"
    f.write_text(BODY, "utf-8")
    line = one_line(run_cli("new", str(f), "-o", str(tmp_path / "t.brief"), "--encoding", codec))
    assert line == (f"briefing-app: {codec!r} is not a text encoding (it is a codec for transforming data); "
                    "name one such as utf-8, cp1252 or koi8-r")  # fmt: skip
    assert not (tmp_path / "t.brief").exists()


@pytest.mark.parametrize("content", ["\u200b\u200b\n", " \u3000\u00a0\n\t\u2060\ufeff\u200d\n", "\x07\x08\x0b\x0c\n"])
def test_a_file_of_white_space_and_invisible_characters_is_refused(tmp_path, content):
    f = tmp_path / "blank.txt"
    f.write_bytes(content.encode("utf-8"))
    line = one_line(run_cli("new", str(f), "-o", str(tmp_path / "b.brief")))
    assert line == f"briefing-app: {f} holds no text (only white space or invisible characters)"


def test_control_characters_never_reach_the_brief(tmp_path):
    """BEL and BS are dropped, a vertical tab and a form feed (a page break) break the line; the brief's
    source is the text as loaded, so every span and the source's hash agree with it."""
    f = tmp_path / "telex.txt"
    f.write_bytes(
        b"Grain talks\x07 resume\nThe ministry\x08 said on Monday that exports rose 4% in May.\x0b"
        b"Officials in Kyiv confirmed 12 ships left Odesa.\x0cPage two: talks resume in Geneva on 3 June.\n"
    )
    out = tmp_path / "telex.brief"
    p = run_cli("new", str(f), "-o", str(out), "--accept-suggestions")
    assert p.returncode == 0, p.stderr
    source = json.loads(out.read_text("utf-8"))["sources"][0]["text"]
    assert source == (
        "Grain talks resume\nThe ministry said on Monday that exports rose 4% in May.\n"
        "Officials in Kyiv confirmed 12 ships left Odesa.\nPage two: talks resume in Geneva on 3 June.\n"
    )
    assert run_cli("check", str(out)).returncode == 0


TYPE3_WITHOUT_TO_UNICODE = (
    "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 10 10] /FontMatrix [0.1 0 0 0.1 0 0] "
    "/CharProcs << /g12 6 0 R /g07 6 0 R /g31 6 0 R >> /Encoding << /Type /Encoding /Differences [1 /g12 /g07 /g31] >> "
    "/FirstChar 1 /LastChar 3 /Widths [10 10 10] /Resources << >> >>"
)
TRUETYPE_SUBSET_WITHOUT_TO_UNICODE = (
    "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEE+Calibri /FirstChar 1 /LastChar 40 /Flags 4 >>"
)


@pytest.mark.parametrize(
    "font, codes",
    [(TYPE3_WITHOUT_TO_UNICODE, "010203" * 12), (TRUETYPE_SUBSET_WITHOUT_TO_UNICODE, "0102030405060708111213141516")],
    ids=["type3", "truetype"],
)
def test_a_pdf_whose_fonts_do_not_map_to_letters_is_refused(tmp_path, font, codes):
    """pypdf gives glyph names ("/g12/g07…") for a Type3 font without a ToUnicode map, and glyph numbers
    (control characters) for a subset TrueType font without one: no text to brief."""
    f = tmp_path / "scan.pdf"
    f.write_bytes(raw_pdf(font, shown(codes)))
    line = one_line(run_cli("new", str(f), "-o", str(tmp_path / "s.brief")))
    assert line == ("briefing-app: scan.pdf: its text cannot be extracted (its fonts do not say which letters their "
                    "glyphs are); it needs OCR, or the document it was made from")  # fmt: skip


def test_new_brief_from_a_word_file_and_a_koi8_file(tmp_path):
    import subprocess

    f = tmp_path / "talks.docx"
    make_docx(f)
    out = tmp_path / "talks.brief"
    p = subprocess.run([venv_bin("briefing-app"), "new", str(f), "-o", str(out)], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    ru = tmp_path / "ru.txt"
    ru.write_bytes("Заголовок\nПервый абзац текста.".encode("koi8-r"))
    p = subprocess.run([venv_bin("briefing-app"), "new", str(ru), "-o", str(tmp_path / "ru.brief"),
                        "--encoding", "koi8-r"], capture_output=True, text=True)  # fmt: skip
    assert p.returncode == 0, p.stderr
    p = subprocess.run([venv_bin("briefing-app"), "new", str(ru), "-o", str(tmp_path / "x.brief"),
                        "--encoding", "nope"], capture_output=True, text=True)  # fmt: skip
    assert p.returncode == 1 and p.stderr.strip() == "briefing-app: Unknown text encoding 'nope'"

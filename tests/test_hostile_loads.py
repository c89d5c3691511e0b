"""Issue 15, loading: files built to hang, exhaust or fool the loaders (pipes, devices, growing files, huge
inline images, zip bombs, PDFs that are slow or lie about their text), and the hostile corpus's families
(encodings, HTML, PDF, Word). Each is met as a user or an attacker meets it: through the command line, the
window, or ``load_article`` on a real file."""

import io
import json
import os
import resource
import subprocess
import threading
import zipfile

import pytest
from conftest import SEED, answer_encoding_later, venv_bin

from briefing_app.core.loaders import ArticleError, load_article

BODY = (
    "The ministry confirmed on Monday that the talks would resume in Geneva next week.\n"
    "Officials said both delegations had agreed to discuss the grain corridor first.\n"
)


def cli(*args, timeout=60, memory=None):
    """Run the console script; ``memory`` caps its address space (bytes), so a read without a limit fails
    fast instead of taking the machine's memory."""

    def cap() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [venv_bin("briefing-app"), *args], capture_output=True, text=True, timeout=timeout, preexec_fn=cap
    )


def one_line(p: subprocess.CompletedProcess) -> str:
    lines = p.stderr.strip().splitlines()
    assert p.returncode == 1 and len(lines) == 1, p.stderr
    return lines[0]


# --- point 8: what is not a regular file is refused before it is read; never more than the limit + 1 bytes
@pytest.mark.parametrize("command", ["new", "check", "suggest"])
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path, command):
    fifo = tmp_path / ("in.brief" if command == "check" else "in.txt")
    os.mkfifo(fifo)
    args = [command, str(fifo)] + (["-o", str(tmp_path / "out.brief")] if command == "new" else [])
    line = one_line(cli(*args, timeout=30))  # before: waited for a writer forever
    assert "is a pipe (FIFO)" in line and "only regular files" in line


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_is_refused_not_read_without_end(tmp_path, device):
    link = tmp_path / "article.txt"  # a link in a temp dir, as an attacker would hand it over
    link.symlink_to(device)
    line = one_line(cli("suggest", str(link), memory=1 << 30))  # before: MemoryError after reading 1 GiB
    assert "is a device" in line and "only regular files" in line
    brief = tmp_path / "zero.brief"
    brief.symlink_to(device)
    assert "is a device" in one_line(cli("check", str(brief), memory=1 << 30))


def test_a_file_that_grows_after_the_size_check_is_not_read_whole(tmp_path, monkeypatch):
    """Another process appends 10 MB just after the size was checked (the status still says what it was
    then): reading stops at the limit + 1 bytes and the file is refused, not loaded whole."""
    monkeypatch.setattr("briefing_app.core.loaders.MAX_ARTICLE_BYTES", 50_000)
    f = tmp_path / "growing.txt"
    f.write_text(BODY, "utf-8")
    real_stat, real_fstat = os.stat, os.fstat
    checked = real_stat(f)

    class AsChecked:  # the file's status as it was when its size was checked
        def __getattr__(self, name):
            return getattr(checked, name)

    def grown() -> AsChecked:
        if real_stat(f).st_size == checked.st_size:
            with open(f, "ab") as out:
                out.write(b"x" * 10_000_000)
        return AsChecked()

    monkeypatch.setattr(os, "stat", lambda p, *a, **k: grown() if str(p) == str(f) else real_stat(p, *a, **k))
    monkeypatch.setattr(
        os, "fstat", lambda fd: grown() if os.path.samestat(real_fstat(fd), checked) else real_fstat(fd)
    )
    with pytest.raises(ArticleError, match="grew while being read"):
        load_article(f)
    monkeypatch.undo()
    assert f.stat().st_size > 10_000_000


def test_the_window_refuses_a_fifo_and_stays_usable(window, qtbot, tmp_path):
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    stop = threading.Timer(20, lambda: open(fifo, "wb").close())  # before: unblocks a hung window after 20 s
    stop.start()
    try:
        with qtbot.waitSignal(window.error_reported, timeout=5_000) as error:
            assert not window.open_article(fifo)
    finally:
        stop.cancel()
    assert error.args[0].startswith(str(fifo)) and "is a pipe (FIFO)" in error.args[0]
    assert window.document.brief.title.startswith("North Koreans")  # the seed is still open


# --- point 9: a PDF whose lines never end a paragraph loads in linear time
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
    p = cli("new", str(pdf), "-o", str(tmp_path / "minutes.brief"), timeout=45)
    assert p.returncode == 0, p.stderr
    text = json.loads((tmp_path / "minutes.brief").read_text("utf-8"))["sources"][0]["text"]
    assert len(text) > 500_000 and "\n" not in text  # one paragraph, every line of it


# --- point 7 and the HTML family: nothing after a big inline image, a template, deep nesting or bait is lost
PARAGRAPH = (
    "<p>{} paragraph: the ministry confirmed on Monday that the grain talks would resume in Geneva next week.</p>"
)


def web_page(*middle: str) -> str:
    """A saved article page: a headline, a first paragraph, then each of ``middle`` followed by a paragraph."""
    names = ["Second", "Third", "Fourth", "Fifth"]
    body = "".join(m + PARAGRAPH.format(names[i]) for i, m in enumerate(middle))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Grain talks</title></head><body><article>"
        f"<h1>Grain talks resume</h1>{PARAGRAPH.format('First')}{body}</article></body></html>"
    )


def expected_paragraphs(n: int) -> list[str]:
    names = ["First", "Second", "Third", "Fourth", "Fifth"][:n]
    return ["Grain talks resume"] + [PARAGRAPH.format(x)[3:-4] for x in names]


def test_text_after_an_11_mb_inline_image_is_kept(tmp_path):
    """A page saved as a single file: its photo inline as an 11 MB data: URI. Before, libxml2's 10 MB limit
    on a node silently dropped all text after it and the page loaded as if complete."""
    image = "data:image/jpeg;base64," + "/9j/4AAQSkZJRgABAQ" * 620_000
    font = "<style>@font-face{font-family:x;src:url(data:font/woff2;base64," + "d09GMgABAAAAA" * 1000 + ")}</style>"
    page = tmp_path / "saved.html"
    page.write_text(web_page(f'<figure><img src="{image}" alt="Delegates"></figure>', font), "utf-8")
    assert page.stat().st_size > 11_000_000
    p = cli("suggest", "--json", str(page))
    assert p.returncode == 0, p.stderr
    text = load_article(page).text
    assert text.split("\n") == expected_paragraphs(3) and "base64" not in text


def test_a_page_whose_end_cannot_be_read_is_refused_not_loaded_cut_short(tmp_path):
    """Nested lists 3,000 deep: the parser stops (it goes 2,048 deep at most); the page is refused rather
    than loaded without its end."""
    page = tmp_path / "deep.html"
    page.write_text(web_page("<ul><li>" * 3000 + "Deep" + "</li></ul>" * 3000), "utf-8")
    with pytest.raises(ArticleError, match="could not be read to its end"):
        load_article(page)


def test_a_template_s_text_does_not_leak_into_the_article(tmp_path):
    page = tmp_path / "template.html"
    page.write_text(web_page("<template><p>Hidden markup: a comment form that the page's script would clone on "
                             "demand, never shown.</p></template>"), "utf-8")  # fmt: skip
    assert load_article(page).text.split("\n") == expected_paragraphs(2)


def test_ten_thousand_nested_divs_lose_no_text(tmp_path):
    page = tmp_path / "nested.html"
    page.write_text(web_page("<div>" * 10_000 + PARAGRAPH.format("Deep") + "</div>" * 10_000), "utf-8")
    text = load_article(page).text
    assert text.split("\n") == expected_paragraphs(1) + [PARAGRAPH.format("Deep")[3:-4], expected_paragraphs(2)[-1]]


def test_iframes_error_handlers_and_void_media_tags_lose_no_paragraph(tmp_path):
    """Bait as pages carry it: an iframe, images with onerror handlers, and the HTML5 void elements
    <embed>, <source> and <track> (libxml2 nested the rest of the page inside them, and it was dropped)."""
    page = tmp_path / "bait.html"
    page.write_text(web_page(
        '<iframe src="https://ads.example/frame" onload="steal()"></iframe><img src=x onerror=alert(1)//>',
        '<embed src="player.swf" type="application/x-shockwave-flash">',
        '<video controls><source src="talks.mp4" type="video/mp4"><track src="talks.vtt" kind="captions"></video>',
        '<img src="y" onerror="this.src=\'</p><p>injected\'">',
    ), "utf-8")  # fmt: skip
    text = load_article(page).text
    assert text.split("\n") == expected_paragraphs(5) and "alert" not in text and "injected" not in text


# --- point 10 and the Word family: a zip bomb refused before unpacking; tracked changes and merged cells
def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_document_xml(data: bytes, change) -> bytes:
    """The .docx ``data`` with its word/document.xml passed through ``change`` (a str -> str function)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            part = src.read(item)
            dst.writestr(item, change(part.decode("utf-8")).encode("utf-8") if item.filename == "word/document.xml"
                         else part)  # fmt: skip
    return out.getvalue()


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
    line = one_line(cli("new", str(f), "-o", str(tmp_path / "b.brief"), memory=400 << 20, timeout=60))
    assert "budget.docx unpacks to 47 MiB of XML; the limit for a Word document is 32 MiB" in line


def test_tracked_changes_read_as_accepted(tmp_path):
    """Text inserted with tracked changes on is the document's text; deleted text is not."""
    import docx

    document = docx.Document()
    document.add_paragraph("Budget talks resume")
    document.add_paragraph("The minister announced MARK in defence spending on Monday.")
    change = (
        '<w:del w:id="1" w:author="Jana" w:date="2024-03-03T10:00:00Z"><w:r><w:delText>a 2% cut</w:delText></w:r>'
        '</w:del><w:ins w:id="2" w:author="Jana" w:date="2024-03-03T10:00:00Z"><w:r><w:t>a 4% rise</w:t></w:r>'
        "</w:ins>"
    )
    data = with_document_xml(docx_bytes(document), lambda xml: xml.replace(
        "<w:t>The minister announced MARK in defence spending on Monday.</w:t></w:r>",
        '<w:t xml:space="preserve">The minister announced </w:t></w:r>' + change
        + '<w:r><w:t xml:space="preserve"> in defence spending on Monday.</w:t></w:r>',
    ))  # fmt: skip
    f = tmp_path / "tracked.docx"
    f.write_bytes(data)
    assert (
        load_article(f).text == "Budget talks resume\nThe minister announced a 4% rise in defence spending on Monday."
    )


def test_vertically_merged_cells_are_read_once_in_order(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Defence budgets by region")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Europe", "2024", "+4%"], ["", "2025", "+5%"], ["Asia", "2024", ""]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(0, 0).merge(table.cell(1, 0))  # "Europe" spans the first two rows
    table.cell(1, 2).merge(table.cell(2, 2))  # and "+5%" the last two
    f = tmp_path / "budgets.docx"
    f.write_bytes(docx_bytes(document))
    assert load_article(f).text.split("\n") == [
        "Defence budgets by region", "Europe | 2024 | +4%", "2025 | +5%", "Asia | 2024",
    ]  # fmt: skip


# --- point 10 in the window: Word documents, web pages and big briefs load off the GUI thread
@pytest.mark.parametrize("kind", ["docx", "html"])
def test_word_documents_and_web_pages_load_in_the_background(window, qtbot, tmp_path, kind):
    """A small file can be a lot of work (a 0.1 MB .docx holding 5 MB of XML, a page for trafilatura):
    open returns at once with the progress bar up, and the article arrives later. Before, only PDFs and
    files over 2 MB went to a thread, and the window froze."""
    import docx

    if kind == "docx":
        document = docx.Document()
        document.add_paragraph("Budget talks resume")
        para = "<w:p><w:r><w:t>The minister announced a 4% rise in defence spending on Monday.</w:t></w:r></w:p>"
        data = with_document_xml(docx_bytes(document), lambda xml: xml.replace("<w:body>", "<w:body>" + para * 50_000))
    else:
        data = web_page("", "").encode("utf-8")
    f = tmp_path / f"talks.{kind}"
    f.write_bytes(data)
    with qtbot.waitSignal(window.document_changed, timeout=60_000):
        assert window.open_article(f)
        assert window.load_progress.isVisible() and window.statusBar().currentMessage().startswith("Loading")
        assert window.document.brief.title.startswith("North Koreans")  # still the seed: nothing blocked
    assert window.document.brief.title == "Grain talks resume" if kind == "html" else "Budget talks resume"
    assert not window.load_progress.isVisible()


def test_a_brief_with_many_items_opens_in_the_background(window, qtbot, tmp_path):
    from briefing_app.core.brief import KEY_FACTS, brief_from_article
    from briefing_app.core.brief_file import save_brief

    article = load_article(SEED)
    brief = brief_from_article(article)
    for start in range(0, 400 * 15, 15):
        brief.add_item(KEY_FACTS, 1, start + 1, start + 12)
    path = tmp_path / "many.brief"
    save_brief(brief, path)
    with qtbot.waitSignal(window.document_changed, timeout=60_000):
        assert window.open_brief(path)
        assert window.load_progress.isVisible() and window.document.path is None  # still the seed
    assert window.document.path == path and len(window.document.brief.key_facts) == 400
    assert not window.load_progress.isVisible()
    broken = tmp_path / "broken.brief"
    broken.write_bytes(path.read_bytes().replace(b'"start": 21', b'"start": -21'))
    with qtbot.waitSignal(window.error_reported, timeout=60_000) as error:
        assert window.open_brief(broken)
    assert error.args[0].startswith(str(broken)) and "must be at least 0" in error.args[0]
    assert window.document.path == path


# --- point 15: only text encodings can be named
@pytest.mark.parametrize("codec", ["rot13", "base64", "hex", "zlib", "bz2", "punycode", "unicode_escape"])
def test_a_codec_that_is_no_text_encoding_is_refused_in_one_line(tmp_path, codec):
    f = tmp_path / "talks.txt"
    f.write_text(BODY, "utf-8")
    line = one_line(cli("new", str(f), "-o", str(tmp_path / "t.brief"), "--encoding", codec))
    assert line == (f"briefing-app: {codec!r} is not a text encoding (it is a codec for transforming data); "
                    "name one such as utf-8, cp1252 or koi8-r")  # fmt: skip
    assert not (tmp_path / "t.brief").exists()


def test_the_window_says_a_codec_is_no_text_encoding(window, qtbot, tmp_path):
    f = tmp_path / "talks.txt"
    f.write_text("Grain talks\n" + BODY, "utf-8")
    assert window.open_article(f)

    answer_encoding_later("base64")
    with qtbot.waitSignal(window.error_reported, timeout=10_000) as error:
        window.reopen_encoding_action.trigger()
    assert error.args[0].startswith("'base64' is not a text encoding")
    assert window.document.brief.sources[0].text.startswith("Grain talks")  # the article as it was


# --- the encodings family
def test_windows_1252_with_curly_quotes_is_not_read_as_windows_1250(tmp_path):
    text = ("Grain talks resume\n“We will not accept this,” said Zoë Lefèvre, the spokeswoman. ‘It’s a matter of "
            "principle’ – she added.\nThe talks resume on Monday in Genève.\n")  # fmt: skip
    f = tmp_path / "quote.txt"
    f.write_bytes(text.encode("cp1252"))
    article = load_article(f)
    assert (article.text, article.encoding) == (text, "cp1252")
    page = tmp_path / "quote.html"  # a web page that says which encoding it is in
    quote = "“We will not accept this,” said Zoë Lefèvre, the spokeswoman, in Genève on Monday."
    page.write_bytes(web_page(f"<p>{quote}</p>").replace("'utf-8'", "'windows-1252'").encode("cp1252"))
    assert load_article(page).text.split("\n")[2] == quote


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf_16_without_a_byte_order_mark_is_text_not_binary(tmp_path, encoding):
    text = "Переговоры о зерне\nThe ministry said exports rose 4% in May; Министр объявил это в понедельник.\n"
    f = tmp_path / "notes.txt"
    f.write_bytes(text.encode(encoding))
    article = load_article(f)
    assert (article.text, article.encoding) == (text, encoding)


@pytest.mark.parametrize("content", ["\u200b\u200b\n", " \u3000\u00a0\n\t\u2060\ufeff\u200d\n", "\x07\x08\x0b\x0c\n"])
def test_a_file_of_white_space_and_invisible_characters_is_refused(tmp_path, content):
    f = tmp_path / "blank.txt"
    f.write_bytes(content.encode("utf-8"))
    line = one_line(cli("new", str(f), "-o", str(tmp_path / "b.brief")))
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
    p = cli("new", str(f), "-o", str(out), "--accept-suggestions")
    assert p.returncode == 0, p.stderr
    source = json.loads(out.read_text("utf-8"))["sources"][0]["text"]
    assert source == (
        "Grain talks resume\nThe ministry said on Monday that exports rose 4% in May.\n"
        "Officials in Kyiv confirmed 12 ships left Odesa.\nPage two: talks resume in Geneva on 3 June.\n"
    )
    assert cli("check", str(out)).returncode == 0


# --- the PDF family
def raw_pdf(font: str, content: bytes, info: str = "") -> bytes:
    """A one-page PDF drawing ``content`` with ``font`` as /F1, written object by object."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        font,
        f"<< /Length {len(content)} >>\nstream\n{content.decode('latin-1')}\nendstream",
        "<< /Length 17 >>\nstream\n10 0 d0 0 0 5 5 re\nendstream",  # a Type3 glyph: a square
        f"<< {info} >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def shown(codes: str, lines: int = 30) -> bytes:
    """A content stream showing the hex string ``codes`` on ``lines`` lines."""
    return b"".join(b"BT /F1 12 Tf 72 %d Td <%s> Tj ET\n" % (720 - 14 * i, codes.encode()) for i in range(lines))


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
    line = one_line(cli("new", str(f), "-o", str(tmp_path / "s.brief")))
    assert line == ("briefing-app: scan.pdf: its text cannot be extracted (its fonts do not say which letters their "
                    "glyphs are); it needs OCR, or the document it was made from")  # fmt: skip


@pytest.mark.parametrize("date", ["D:2024-02-30", "D:20241399887766+99'99'", "yesterday", "D:"])
def test_a_pdf_with_a_malformed_creation_date_loads_and_the_date_is_ignored(tmp_path, date):
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    line = "(The ministry said on Monday that exports of grain rose by four per cent in May.) Tj"
    content = b"".join(b"BT /F1 11 Tf 72 %d Td %s ET\n" % (720 - 14 * i, line.encode()) for i in range(5))
    f = tmp_path / "dated.pdf"
    f.write_bytes(raw_pdf(font, content, info=f"/Title (Grain exports) /CreationDate ({date}) /ModDate ({date})"))
    article = load_article(f)
    assert article.title == "Grain exports" and article.published == "" and "four per cent" in article.text


def two_column_pdf_written_row_by_row(pages: int = 2) -> bytes:
    """test_loaders' two-column report, but written as some PDF makers do: row by row across both columns."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas
    from test_loaders import PDF_LINES, SECTIONS

    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=1)
    width, height = A4
    for page in range(pages):
        c.setFont("Helvetica", 8)
        c.drawString(50, height - 30, "Institute of Strategic Studies — Quarterly Report")
        c.drawCentredString(width / 2, 30, f"Page {page + 1} of {pages}")
        c.setFont("Helvetica", 10)
        columns = []
        for paragraphs in (PDF_LINES[:2], PDF_LINES[2:]):
            rows = []
            for lines in paragraphs:
                rows += [line.format(section=SECTIONS[page]) for line in lines] + [""]
            columns.append(rows)
        for row in range(max(map(len, columns))):
            for col, rows in enumerate(columns):
                if row < len(rows) and rows[row]:
                    c.drawString(50 + col * 260, height - 80 - 13 * row, rows[row])
        c.showPage()
    c.save()
    return buffer.getvalue()


def test_a_two_column_page_written_row_by_row_keeps_its_columns_in_order(tmp_path):
    from test_loaders import PDF_PARAGRAPHS, SECTIONS

    f = tmp_path / "report.pdf"
    f.write_bytes(two_column_pdf_written_row_by_row())
    assert load_article(f).text == "\n".join(p.format(section=s) for s in SECTIONS[:2] for p in PDF_PARAGRAPHS)


def test_rows_of_figures_at_the_top_and_bottom_of_pages_are_not_taken_for_running_headers(tmp_path):
    """A statistical annex: every page's first and last rows have the same shape ("2001-01 343.9 79.2
    7061") with other numbers. They are its text; only the real running header and page numbers go."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=1)
    rows = []
    for page in range(1, 13):
        c.setFont("Helvetica", 8)
        c.drawString(50, 810, "Statistical annex: border crossings by month")
        c.drawCentredString(297, 30, f"Page {page}")
        c.setFont("Helvetica", 10)
        for i in range(40):
            rows.append(f"{2000 + page}-{i % 12 + 1:02d} {100 + 7 * i}.{i % 10} {10 + i}.{page % 10} {1000 + 37 * i}")
            c.drawString(60, 780 - 17 * i, rows[-1])
        c.showPage()
    c.save()
    f = tmp_path / "annex.pdf"
    f.write_bytes(buffer.getvalue())
    text = load_article(f).text
    assert text.replace("\n", " ") == " ".join(rows)  # every row, in order; no header, no page number


def test_an_edit_made_while_a_brief_loads_is_not_lost_without_asking(window, qtbot, tmp_path):
    """The load runs in the background, so the analyst can go on typing; when it is done, the window asks
    again before the edited brief is replaced."""
    from PySide6.QtWidgets import QMessageBox

    from briefing_app.core.brief import KEY_FACTS, brief_from_article
    from briefing_app.core.brief_file import save_brief
    from briefing_app.gui.undo_commands import SetField

    brief = brief_from_article(load_article(SEED))
    for start in range(0, 400 * 15, 15):
        brief.add_item(KEY_FACTS, 1, start + 1, start + 12)
    path = tmp_path / "many.brief"
    save_brief(brief, path)
    assert window.open_brief(path)
    window.undo_stack.push(SetField(window.document.brief, "title", "Edited while it loaded"))
    qtbot.waitUntil(lambda: window.prompt is not None, timeout=60_000)
    assert window.document.brief.title == "Edited while it loaded" and window.document.path is None
    with qtbot.waitSignal(window.document_changed):
        window.prompt.button(QMessageBox.Discard).click()
    assert window.document.path == path

"""Issue 15, loading: files built to hang, exhaust or fool the loaders (pipes, devices, growing files, huge
inline images, zip bombs, PDFs that are slow or lie about their text), and the hostile corpus's families
(encodings, HTML, PDF, Word), each through ``load_article`` on a real file. The same met through the command
line: cli/test_loading_command.py; in the window: gui/test_hostile_loads_window.py."""

import io
import os

import pytest

from briefing_app.core.loaders import ArticleError, load_article

from helpers.article_files import BODY, PARAGRAPH, docx_bytes, expected_paragraphs, raw_pdf, web_page, with_document_xml
from helpers.support import run_cli


# --- point 8: what is not a regular file is refused before it is read; never more than the limit + 1 bytes
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


# --- point 7 and the HTML family: nothing after a big inline image, a template, deep nesting or bait is lost
def test_text_after_an_11_mb_inline_image_is_kept(tmp_path):
    """A page saved as a single file: its photo inline as an 11 MB data: URI. Before, libxml2's 10 MB limit
    on a node silently dropped all text after it and the page loaded as if complete."""
    image = "data:image/jpeg;base64," + "/9j/4AAQSkZJRgABAQ" * 620_000
    font = "<style>@font-face{font-family:x;src:url(data:font/woff2;base64," + "d09GMgABAAAAA" * 1000 + ")}</style>"
    page = tmp_path / "saved.html"
    page.write_text(web_page(f'<figure><img src="{image}" alt="Delegates"></figure>', font), "utf-8")
    assert page.stat().st_size > 11_000_000
    p = run_cli("suggest", "--json", str(page))
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


# --- point 10 and the Word family: tracked changes and merged cells (a zip bomb: cli/test_loading_command.py)


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


# --- the PDF family


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

    from helpers.article_files import PDF_LINES, SECTIONS

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
    from helpers.article_files import PDF_PARAGRAPHS, SECTIONS

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

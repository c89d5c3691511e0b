"""Loading what analysts receive: encodings, saved web pages, PDFs and Word files, made here and read back
exactly; and every kind of bad file refused in one line without touching it."""

import io
import shutil
import zipfile
from datetime import date

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from briefing_app.core.loaders import ArticleError, article_from_paste, load_article

from helpers import paragraph_article
from helpers.article_files import PDF_LINES, PDF_PARAGRAPHS, SECTIONS, make_docx
from helpers.support import SEED

SEED_TEXT = SEED.read_text("utf-8")


def assert_refused(path, data: bytes, message: str) -> None:
    """Writing ``data`` to ``path`` and loading it is refused with ``message``, in one line, file untouched."""
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=message) as e:
        load_article(path)
    assert "\n" not in str(e.value) and path.read_bytes() == data


# --- text in any encoding
@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-16"),  # with BOM, little-endian
        lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
        lambda t: t.encode("cp1252"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    ],
    ids=["utf-16le-bom", "utf-16be-bom", "cp1252", "crlf", "utf-8-bom"],
)
def test_the_seed_in_every_encoding_loads_to_the_same_text(tmp_path, encode):
    f = tmp_path / "seed.txt"
    f.write_bytes(encode(SEED_TEXT))
    article = load_article(f)
    assert article.text == SEED_TEXT
    assert article.title == "North Koreans in Russia: A Match Made in Military Heaven?"


def test_koi8r_russian_is_detected(tmp_path):
    text = (
        "Депутат Хвоздяр заявил, что поставки снарядов выросли вдвое.\nВторой абзац: переговоры в Москве продолжатся."
    )
    f = tmp_path / "ru.txt"
    f.write_bytes(text.encode("koi8-r"))
    article = load_article(f)
    assert article.text == text and article.encoding.replace("_", "-") == "koi8-r"


def test_the_user_can_name_the_encoding(tmp_path):
    f = tmp_path / "x.txt"
    f.write_bytes("Façade\nSecond line.".encode("cp1252"))
    assert load_article(f, encoding="cp1252").text == "Façade\nSecond line."
    assert load_article(f, encoding="latin-1").encoding == "iso8859-1"
    with pytest.raises(ArticleError, match="is not valid utf-8 text"):
        load_article(f, encoding="utf-8")
    with pytest.raises(ArticleError, match="Unknown text encoding 'martian'"):
        load_article(f, encoding="martian")


def test_markdown_title_and_paragraphs(tmp_path):
    f = tmp_path / "note.md"
    f.write_text("# Troops in Russia\n\nFirst paragraph\nwrapped here.\n\nSecond paragraph.\n", "utf-8")
    a = load_article(f)
    assert a.title == "Troops in Russia" and a.text.startswith("# Troops in Russia")
    assert [a.text[p.start : p.end] for p in a.paragraphs if p.number] == [
        "First paragraph\nwrapped here.", "Second paragraph."
    ]  # fmt: skip


def test_pasted_text():
    a = article_from_paste("Breaking: talks resume\r\nDelegations met in Geneva on Monday.")
    assert a.title == "Breaking: talks resume" and a.origin == "pasted text" and "\r" not in a.text
    with pytest.raises(ArticleError, match="clipboard holds no text"):
        article_from_paste("  \n ")


# --- web pages
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Troops in Russia | Example News</title>
<meta name="author" content="{author}">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-10-28T09:00:00Z">
<link rel="canonical" href="https://news.example.org/world/troops">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a> | Subscribe now</nav>
<div class="ad">Advertisement: buy the best coffee machine today</div>
<article>
<h1>North Korean troops arrive in Russia</h1>
<p>The Pentagon and NATO confirmed on October 28, 2024, that 10,000 North Korean soldiers have been dispatched to a military training camp in eastern Russia.</p>
<p>“Behind the Moscow-Pyongyang agreement, it is the relationship between Russia and South Korea that must be closely monitored,” said {name} of IRIS.</p>
<p>Officials in Seoul said the deployment could change the balance on the peninsula &amp; beyond; talks are planned for next week in {city}.</p>
</article>
<aside><h3>Related stories</h3><ul><li><a href="/a">Ten things about Pyongyang</a></li><li><a href="/b">Weather</a></li></ul></aside>
<footer>© 2024 Example News · Privacy · Terms · Contact us</footer>
</body></html>"""
ARTICLE_PARAGRAPHS = [
    "North Korean troops arrive in Russia",
    "The Pentagon and NATO confirmed on October 28, 2024, that 10,000 North Korean soldiers have been dispatched "
    "to a military training camp in eastern Russia.",
    "“Behind the Moscow-Pyongyang agreement, it is the relationship between Russia and South Korea that must be "
    "closely monitored,” said {name} of IRIS.",
    "Officials in Seoul said the deployment could change the balance on the peninsula & beyond; talks are planned "
    "for next week in {city}.",
]


@pytest.mark.parametrize(
    "charset, city, name, author",
    [
        ("utf-8", "Genève", "Barthélémy Courmont", "Jana Novák"),
        ("windows-1251", "Москва", "Бартелеми Курмон", "Яна Новак"),
    ],
)
def test_saved_web_page_gives_the_article_without_navigation_ads_or_footer(tmp_path, charset, city, name, author):
    f = tmp_path / "page.html"
    f.write_bytes(PAGE.format(charset=charset, city=city, name=name, author=author).encode(charset))
    a = load_article(f)
    assert a.text == "\n".join(ARTICLE_PARAGRAPHS).format(city=city, name=name)
    # the headline is a better title than the <title> with its site suffix
    assert (a.title, a.author, a.publisher, a.url, a.published) == (
        "North Korean troops arrive in Russia", author, "Example News", "https://news.example.org/world/troops",
        "2024-10-28",
    )  # fmt: skip
    assert [p.number for p in a.paragraphs] == [0, 1, 2, 3]  # the headline is the title line


def test_a_web_page_saved_as_txt_is_still_a_web_page(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(PAGE.format(charset="utf-8", city="Oslo", name="X", author="Y"), "utf-8")
    assert "Subscribe" not in load_article(f).text


def test_web_pages_without_an_article_or_broken_are_refused(tmp_path):
    empty = tmp_path / "menu.html"
    empty.write_text("<html><body><nav>Home | About</nav></body></html>", "utf-8")
    with pytest.raises(ArticleError, match="no article text found in menu.html"):
        load_article(empty)
    page = PAGE.format(charset="utf-8", city="Oslo", name="X", author="Y").encode()
    assert_refused(tmp_path / "broken.html", page[:300], "no article text found")  # cut off in <head>
    assert_refused(tmp_path / "photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary")


# --- PDF
# each paragraph as the lines of a narrow column, with hyphenated breaks


def make_pdf(pages: int = 2, password: str | None = None, text: bool = True) -> bytes:
    """A two-column report: running header, page numbers, wrapped and hyphenated lines."""
    buffer = io.BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=1)
    c.setTitle("Korean Peninsula assessment")
    c.setAuthor("Institute of Strategic Studies")
    width, height = A4
    for page in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(50, height - 30, "Institute of Strategic Studies — Quarterly Report")
        c.drawCentredString(width / 2, 30, f"Page {page} of {pages}")
        if text:
            c.setFont("Helvetica", 10)
            columns = [PDF_LINES[:2], PDF_LINES[2:]]  # left column, then right column
            for col, paragraphs in enumerate(columns):
                y = height - 80
                for lines in paragraphs:
                    for line in lines:
                        c.drawString(50 + col * 260, y, line.format(section=SECTIONS[page - 1]))
                        y -= 13
                    y -= 8
        else:
            c.rect(50, 100, 400, 600, fill=1)  # a "scanned" page: pictures only
        c.showPage()
    c.save()
    data = buffer.getvalue()
    if password:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt(password)
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    return data


def test_two_column_pdf_with_hyphenation_headers_and_page_numbers(tmp_path):
    f = tmp_path / "report.pdf"
    f.write_bytes(make_pdf(pages=3))
    seen = []
    a = load_article(f, progress=seen.append)
    assert a.text == "\n".join(p.format(section=s) for s in SECTIONS[:3] for p in PDF_PARAGRAPHS)
    assert "Quarterly Report" not in a.text and "Page 1" not in a.text
    assert (a.title, a.author, a.encoding) == ("Korean Peninsula assessment", "Institute of Strategic Studies", "pdf")
    assert seen == [1 / 3, 2 / 3, 1.0]


@pytest.mark.parametrize(
    "data, message",
    [
        (make_pdf(text=False), "has no text layer"),
        (make_pdf(password="s3cret"), "protected by a password"),
        (b"%PDF-1.7\n1 0 obj garbage that is not a pdf\n%%EOF", "not a readable PDF"),
        (make_pdf()[:1500], "not a readable PDF|has no text layer"),
    ],
    ids=["scanned", "password", "garbage", "truncated"],
)
def test_pdfs_that_cannot_be_briefed_are_refused(tmp_path, data, message):
    assert_refused(tmp_path / "doc.pdf", data, message)


def test_a_pdf_extension_on_something_else(tmp_path):
    f = tmp_path / "doc.pdf"
    f.write_text("just text", "utf-8")
    with pytest.raises(ArticleError, match="is not a PDF"):
        load_article(f)


# --- PDF paragraphs as the page shows them (issue 14), and the published date from the text, not the file
@pytest.mark.parametrize("style", ["indented", "spaced", "browser"])
def test_pdf_paragraphs_are_the_ones_the_page_shows(tmp_path, style):
    """A typeset report (first-line indents, justified), a web-style page (space between paragraphs) and a
    browser's print (its margins and font, the date, title, address and "1/4" around each page): one
    paragraph of the article is one paragraph of the PDF, so the ¶ numbers match the original."""
    f = tmp_path / "article.pdf"
    f.write_bytes(paragraph_article.reportlab_pdf(style))
    a = load_article(f)
    assert a.text.split("\n") == paragraph_article.PARAGRAPHS
    assert [p.number for p in a.paragraphs] == list(range(len(paragraph_article.PARAGRAPHS)))  # title: ¶0
    # a short paragraph ending a full line, one-line paragraphs, a lower-case start: all kept apart
    assert a.paragraphs[4].number == 4 and a.text[a.paragraphs[4].start :].startswith("Short paragraph.")
    assert "seven-day average" in a.text  # a compound broken at its hyphen keeps it


def test_pdf_paragraphs_from_qt_s_html_engine(tmp_path, qapp):
    """Qt's rich-text engine and PDF writer (as wkhtmltopdf prints pages): paragraphs set apart by their
    margins, typographic ligatures ("ﬁ") read as the letters they are."""
    f = tmp_path / "page.pdf"
    paragraph_article.qt_pdf(f)
    assert "\ufb01" in "".join(page.extract_text() for page in PdfReader(f).pages)  # the PDF has "ﬁ"
    assert load_article(f).text.split("\n") == paragraph_article.PARAGRAPHS


@pytest.mark.parametrize("style", ["indented", "spaced"])
def test_pdfs_made_by_libreoffice_keep_their_paragraphs_and_load_at_all(style):
    """LibreOffice's PDFs (kept in tests/pdfs/, made by tests/helpers/paragraph_article.py): before issue 14 they
    did not load at all (pypdf cannot read their CreationDate, "D:20261129222245Z'")."""
    a = load_article(paragraph_article.FIXTURES / f"libreoffice-{style}.pdf")
    assert a.text.split("\n") == paragraph_article.PARAGRAPHS  # the header and footer dropped
    assert (a.title, a.author) == (paragraph_article.TITLE, "Jana Novák")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_pdfs_made_by_libreoffice_now(tmp_path):
    """The same with a LibreOffice installed here, when there is one."""
    for style in ("indented", "spaced"):
        pdf = paragraph_article.libreoffice_pdf(tmp_path, style, shutil.which("soffice"))
        assert load_article(pdf).text.split("\n") == paragraph_article.PARAGRAPHS


def test_a_browsers_pdf_is_dated_by_its_byline_not_by_when_it_was_printed(tmp_path):
    """Save as PDF stamps today as the PDF's creation date and prints today at the top of each page; the
    article's date is in its byline. The address printed at the foot of the page is the source's URL."""
    f = tmp_path / "saved.pdf"
    f.write_bytes(paragraph_article.reportlab_pdf("browser"))
    assert PdfReader(f).metadata.creation_date.date() == date.today()
    a = load_article(f)
    assert (a.published, a.published_from) == ("2020-03-03", "text")
    assert a.url == paragraph_article.URL
    assert a.author == ""  # ReportLab's "(anonymous)" is nobody's name
    assert not any(line.startswith(("http", date.today().strftime("%m/%d/%y")[1:])) for line in a.text.split("\n"))


def test_a_pdf_without_a_dateline_has_no_published_date(tmp_path):
    """The report's first paragraph mentions a date in a sentence: not a dateline. Nothing else dates the
    article, so Published stays empty (it used to be the PDF's creation date) and says so."""
    f = tmp_path / "report.pdf"
    f.write_bytes(make_pdf(pages=2))
    assert PdfReader(f).metadata.creation_date is not None
    a = load_article(f)
    assert "confirmed on October 28, 2024, that" in a.text
    assert (a.published, a.published_from) == ("", "")


def test_where_each_kind_of_file_gets_its_published_date(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(PAGE.format(charset="utf-8", city="Oslo", name="X", author="Y"), "utf-8")
    assert (load_article(page).published, load_article(page).published_from) == ("2024-10-28", "metadata")
    word = tmp_path / "talks.docx"
    document = docx.Document()
    document.add_paragraph("Budget talks resume")
    document.add_paragraph("Published 3 March 2020, updated 4 March 2020")
    document.add_paragraph("The minister announced a 4% rise in defence spending on Monday.")
    document.save(word)
    assert (load_article(word).published, load_article(word).published_from) == ("2020-03-03", "text")
    note = tmp_path / "note.txt"
    note.write_text("Talks resume\nThe talks resumed on March 3, 2020.\nMore to follow.", "utf-8")
    assert (load_article(note).published, load_article(note).published_from) == ("", "")


# --- Word


def test_word_document_with_a_table(tmp_path):
    f = tmp_path / "talks.docx"
    make_docx(f)
    a = load_article(f)
    assert a.text == (
        "Budget talks resume\nThe minister announced a 4% rise in defence spending on Monday.\n"
        "Year | Budget | Change\n2025 | €52bn | +4%\n“Inflation will fall back to 2% in 2025,” he said."
    )
    assert (a.title, a.author) == ("Budget talks", "François Villeroy de Galhau")


def test_damaged_word_documents_are_refused(tmp_path):
    good = tmp_path / "good.docx"
    make_docx(good)
    damaged = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    with pytest.raises(ArticleError, match="damaged Word document"):
        load_article(damaged)
    sheet = io.BytesIO()
    with zipfile.ZipFile(sheet, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert_refused(tmp_path / "sheet.docx", sheet.getvalue(), "not a Word")
    assert_refused(tmp_path / "garbage.docx", b"PK\x03\x04" + bytes(100), "not a Word")

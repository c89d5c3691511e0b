"""One article, laid out as PDF the ways analysts receive it, to check that PDF import keeps its paragraphs.

The makers: ReportLab as a typeset report (first-line indents, justified, no space between paragraphs)
and as a web-style page (space between paragraphs); ReportLab with a browser's print layout (10 mm
margins, 12 pt Times, the date and title printed at the top of each page and the address and "1/4" at
the bottom, as Chrome's Save as PDF does); Qt's rich-text engine and PDF writer (the engine wkhtmltopdf
prints web pages with); and LibreOffice from a Word document, one indented and one spaced. LibreOffice
is not needed to run the tests: its two PDFs are kept in tests/pdfs/, made by running this file
(`python tests/helpers/paragraph_article.py`, with `soffice` on the PATH).

The article is fiction. Its paragraphs are chosen to be hard: one-line paragraphs, a paragraph that
starts in lower case, one without a full stop, compounds broken at a hyphen, and enough text to run
over three or four pages, so that paragraphs end at the foot of a page too.
"""

from __future__ import annotations

import html
import io
import subprocess
import sys
from datetime import datetime
from pathlib import Path

TITLE = "Grain corridor talks resume in Istanbul"
BYLINE = "By Jana Novák | March 3, 2020"
URL = "https://news.example.org/world/grain-corridor-talks"
_BODY = [
    "Delegations from the four parties and the United Nations met in Istanbul on Tuesday to discuss a renewal "
    "of the grain corridor, which expires at the end of the month.",
    "The corridor has carried 25 million tonnes of grain since it opened. Officials said that shipments to "
    "Africa had doubled in the last quarter, and that prices had fallen by a fifth in the countries that import "
    "most of their wheat through the Black Sea ports.",
    "Short paragraph.",
    "“We are close to an agreement,” said Mira Haddad, the UN's humanitarian coordinator. “But close is not "
    "enough when people are hungry.” She added that the talks would continue into the night, and that she "
    "expected a statement by the morning at the latest.",
    "iPhone exports from the region were not discussed, a spokesman said; the agenda was limited to food and "
    "fertiliser, as in every round since the first one in July last year",
    "The port authority's director, Selim Aksoy, said that inspections would be sped up. A joint centre in "
    "Istanbul checks every ship; the seven-day average of delays there had grown to three weeks by the end of "
    "February, according to shipping data compiled by the centre itself.",
    "Analysts were sceptical. “Moscow has threatened to walk out before,” said Elena Petrova of the Institute "
    "for Strategic Studies, who has followed the talks from the start. “Each time it has asked for more, and "
    "each time it has been given something.”",
    "The next round is set for April 12.",
]
_ROUNDS = [("Istanbul", "Mira Haddad", "Elena Petrova", "April 12"),
           ("Ankara", "Omar Celik", "Anna Berg", "May 1"),
           ("Vienna on the Danube", "Lea Vogel", "Tomas Ruiz", "June 30"),
           ("Odesa", "Ivan Shevchuk-Horodetsky", "Nadia Rahman", "July 4")]  # fmt: skip
PARAGRAPHS = [TITLE, BYLINE] + [
    p.replace("Istanbul", city).replace("Mira Haddad", coordinator).replace("Elena Petrova", analyst)
    .replace("April 12", next_round)
    for city, coordinator, analyst, next_round in _ROUNDS
    for p in _BODY
]  # fmt: skip


def reportlab_pdf(style: str, paragraphs: list[str] = PARAGRAPHS, font: str = "Times-Roman") -> bytes:
    """``style``: "indented" (a typeset report), "spaced" (a web-style page) or "browser" (as printed by
    a browser, with its header and footer). ``paragraphs``: the title, the byline, then the text. The
    PDF's creation date is now, as a browser's is."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    browser = style == "browser"
    size = 12 if browser else 11
    if style == "indented":
        body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.25,
                              firstLineIndent=size * 1.5, alignment=TA_JUSTIFY)  # fmt: skip
        first = ParagraphStyle("first", parent=body, firstLineIndent=0)
    else:
        body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.2, spaceAfter=size)
        first = body
    title = ParagraphStyle("title", fontName=font, fontSize=20, leading=24, spaceAfter=6)
    byline = ParagraphStyle("byline", fontName=font, fontSize=9, leading=12, spaceAfter=12)
    story = [Paragraph(html.escape(paragraphs[0]), title), Paragraph(html.escape(paragraphs[1]), byline)]
    story += [Paragraph(html.escape(p), first if i == 0 else body) for i, p in enumerate(paragraphs[2:])]
    margin = 10 * mm if browser else 25 * mm
    room = 5 * mm if browser else 0  # for the browser's header and footer
    printed = datetime.now().strftime("%m/%d/%y, %I:%M %p").lstrip("0")

    def furniture(canvas, doc) -> None:
        if browser:  # Chrome's: date and time, title; address, page of pages
            canvas.setFont("Helvetica", 8)
            canvas.drawString(margin, A4[1] - 7 * mm, printed)
            canvas.drawCentredString(A4[0] / 2, A4[1] - 7 * mm, f"{paragraphs[0][:60]} | Example News")
            canvas.drawString(margin, 6 * mm, URL)
            canvas.drawRightString(A4[0] - margin, 6 * mm, f"{doc.page}/4")

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin,
                            topMargin=margin + room, bottomMargin=margin + room, title=paragraphs[0])  # fmt: skip
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


def qt_pdf(path: Path) -> None:
    """The article as Qt's rich-text engine sets an HTML page, written by Qt's PDF writer (needs a
    QGuiApplication)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    body = "".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS[2:])
    document = QTextDocument()
    document.setHtml(f"<html><body style='font-family: serif; font-size: 12pt'><h1>{html.escape(TITLE)}</h1>"
                     f"<p style='font-size: 9pt'>{html.escape(BYLINE)}</p>{body}</body></html>")  # fmt: skip
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.A4))
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Millimeter)
    writer.setTitle(TITLE)
    document.print_(writer)
    del writer  # the file is complete once the writer is gone


def word_document(path: Path, style: str, paragraphs: list[str] = PARAGRAPHS, unindented: int = 2) -> None:
    """The article as a Word document: "indented" (first-line indents, justified, no space between
    paragraphs; the first ``unindented`` paragraphs after the title start at the margin, as the byline
    and the first paragraph do by convention) or "spaced" (Word's own default look: space after each
    paragraph)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Serif" if style == "indented" else "Liberation Sans"
    normal.font.size = Pt(11)
    layout = normal.paragraph_format
    if style == "indented":
        layout.space_after = layout.space_before = Pt(0)
        layout.first_line_indent = Cm(0.6)
        layout.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    else:
        layout.space_after = Pt(8)
        layout.line_spacing = 1.08
    document.core_properties.title = paragraphs[0]
    document.core_properties.author = "Jana Novák"
    document.add_heading(paragraphs[0], level=1)
    for i, text in enumerate(paragraphs[1:]):
        paragraph = document.add_paragraph(text)
        if i < unindented:
            paragraph.paragraph_format.first_line_indent = Cm(0)
    document.sections[0].header.paragraphs[0].text = "Example News — World"
    document.sections[0].footer.paragraphs[0].text = "Confidential draft"
    document.save(path)


def libreoffice_pdf(folder: Path, style: str, soffice: str = "soffice") -> Path:
    """The Word document of ``style`` converted to PDF by LibreOffice, in ``folder``."""
    source = folder / f"libreoffice-{style}.docx"
    word_document(source, style)
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)  # fmt: skip
    source.unlink()
    return folder / f"libreoffice-{style}.pdf"


FIXTURES = Path(__file__).resolve().parents[1] / "pdfs"

if __name__ == "__main__":
    FIXTURES.mkdir(exist_ok=True)
    for kind in ("indented", "spaced"):
        print(libreoffice_pdf(FIXTURES, kind, *sys.argv[1:]))

"""The export benchmark's baseline: the same brief through bare ReportLab Platypus (no app layer).

Sample paragraphs, Helvetica, a banner and a page number: what any ReportLab program pays at least.
It mirrors shared/bench/peer_export.py's ``reportlab`` engine (same content, same calls), so the
benchmark runs from a bare clone; ``bench_export.py --peer PATH`` measures against that file instead.

The ``reportlab-ttf`` engine is the same program with the app's bundled NotoSans TrueType faces registered
and used everywhere (text, bullets, page furniture, the page's initial font), so they are subset and embedded
as the app's PDF/A must: the like-for-like baseline, which tells the app's own layer from the cost of fonts.

usage: python bare_reportlab.py reportlab|reportlab-ttf N OUT.pdf
"""

import sys
from pathlib import Path
from xml.sax.saxutils import escape

FACT = ("On October 28, 2024, NATO and Pentagon officials confirmed that 10,000 North Korean soldiers had "
        "been dispatched to a training camp in eastern Russia, ahead of deployment to the Ukrainian front; "
        "item {i}.")  # fmt: skip
QUOTE = ("\u201cBehind the Moscow-Pyongyang agreement, it is the relationship between Russia and South Korea "
         "that must be closely monitored,\u201d item {i}.")  # fmt: skip


def content(n: int) -> tuple[list[str], list[tuple[str, str, str]]]:
    """N facts and N/3 (at least one) quotes with speaker and affiliation."""
    facts = [FACT.format(i=i) for i in range(n)]
    quotes = [(QUOTE.format(i=i), "Barth\u00e9l\u00e9my Courmont", "IRIS") for i in range(max(1, n // 3))]
    return facts, quotes


FONTS = Path(__file__).resolve().parent.parent.parent / "resources" / "fonts"  # the app's bundled faces


def noto_sans(styles) -> dict[str, str]:
    """Register the bundled NotoSans faces as one family and set them in ``styles``; the font for each role."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    faces = {"regular": "NotoSans-Regular", "bold": "NotoSans-Bold", "italic": "NotoSans-Italic"}
    for name in faces.values():
        if name not in pdfmetrics.getRegisteredFontNames():  # parsed once per process, as the app does
            pdfmetrics.registerFont(TTFont(name, str(FONTS / f"{name}.ttf")))
    for bold, italic, name in ((0, 0, faces["regular"]), (1, 0, faces["bold"]), (0, 1, faces["italic"]),
                               (1, 1, faces["bold"])):  # fmt: skip
        addMapping("NotoSans", bold, italic, name)
    for style, face in (("Title", "bold"), ("BodyText", "regular"), ("Heading2", "bold"), ("Italic", "italic")):
        styles[style].fontName = styles[style].bulletFontName = faces[face]
    return faces


def reportlab(n: int, out: str, ttf: bool = False) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    font = noto_sans(styles) if ttf else {"regular": "Helvetica", "bold": "Helvetica-Bold"}
    facts, quotes = content(n)

    def furniture(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(font["bold"], 9)
        for y in (A4[1] - 10 * mm, 8 * mm):
            canvas.drawCentredString(A4[0] / 2, y, "UNCLASSIFIED")
        canvas.drawRightString(A4[0] - 15 * mm, 8 * mm, f"Page {doc.page}")
        canvas.restoreState()

    story = [
        Paragraph("North Korean troops in Russia", styles["Title"]),
        Paragraph("<b>BLUF:</b> " + escape(FACT.format(i=0)), styles["BodyText"]),
        Spacer(1, 6),
        Paragraph("Key facts", styles["Heading2"]),
        ListFlowable(
            [ListItem(Paragraph(escape(f) + " [1]", styles["BodyText"])) for f in facts],
            bulletType="bullet",
            bulletFontName=font["regular"],
        ),
        Paragraph("Expert assessments", styles["Heading2"]),
    ]
    for quote, who, org in quotes:
        story += [Paragraph(escape(quote), styles["Italic"]),
                  Paragraph(f"\u2014 {escape(who)}, {escape(org)} [1]", styles["BodyText"])]  # fmt: skip
    story += [Paragraph("Sources", styles["Heading2"]),
              Paragraph("[1] North Koreans in Russia, 2024-10-28", styles["BodyText"])]  # fmt: skip
    SimpleDocTemplate(out, pagesize=A4, title="Brief", author="bench", initialFontName=font["regular"]).build(
        story, onFirstPage=furniture, onLaterPages=furniture
    )


def reportlab_ttf(n: int, out: str) -> None:
    reportlab(n, out, ttf=True)


if __name__ == "__main__":
    engine, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    engines = {"reportlab": reportlab, "reportlab-ttf": reportlab_ttf}
    if engine not in engines:
        raise SystemExit("only reportlab and reportlab-ttf are here; shared/bench/peer_export.py has other engines")
    engines[engine](n, out)

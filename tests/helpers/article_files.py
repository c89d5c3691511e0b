"""Articles made here as files of every kind (a two-column PDF report, a Word document with a table, a saved web
page, a PDF written object by object), for the loaders' tests in every folder."""

import io
import zipfile

import docx

SECTIONS = ["Alpha", "Bravo", "Charlie", "Delta"]
PDF_PARAGRAPHS = [
    "Assessment: part {section}",
    "The Pentagon and NATO confirmed on October 28, 2024, that ten thousand North Korean soldiers have been "
    "dispatched to a military training camp located in eastern Russia for deployment.",
    "These troops are slated for deployment on the intense Ukrainian front, intensifying the conflict that has "
    "ravaged the region since the invasion began.",
    "Analysts in {section} expect further shipments of artillery shells and missiles in {section}, according to "
    "officials in Seoul, part {section}.",
]
PDF_LINES = [
    ["Assessment: part {section}"],
    ["The Pentagon and NATO confirmed on October", "28, 2024, that ten thousand North Korean sol-",
     "diers have been dispatched to a military train-", "ing camp located in eastern Russia for deploy-",
     "ment."],
    ["These troops are slated for deployment on the", "intense Ukrainian front, intensifying the con-",
     "flict that has ravaged the region since the in-", "vasion began."],
    ["Analysts in {section} expect further shipments", "of artillery shells and missiles in {section},",
     "according to officials in Seoul, part {section}."],
]  # fmt: skip


def make_docx(path):
    d = docx.Document()
    d.core_properties.title = "Budget talks"
    d.core_properties.author = "François Villeroy de Galhau"
    d.add_heading("Budget talks resume", level=1)
    d.add_paragraph("The minister announced a 4% rise in defence spending on Monday.")
    table = d.add_table(rows=2, cols=3)
    for r, row in enumerate([["Year", "Budget", "Change"], ["2025", "€52bn", "+4%"]]):
        for col, value in enumerate(row):
            table.cell(r, col).text = value
    d.add_paragraph("“Inflation will fall back to 2% in 2025,” he said.")
    d.save(path)


BODY = (
    "The ministry confirmed on Monday that the talks would resume in Geneva next week.\n"
    "Officials said both delegations had agreed to discuss the grain corridor first.\n"
)
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

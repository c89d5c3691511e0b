"""Word documents (.docx) through python-docx: paragraphs and tables in document order.

Each paragraph of the document is a paragraph of the article; each table row becomes one paragraph
with its cells separated by " | ". Title and author come from the document's core properties.
"""

from __future__ import annotations

import io
import zipfile

from ..article import Article, article_from_text
from .errors import ArticleError


def looks_like_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def load_docx(data: bytes, name: str, origin: str) -> Article:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = []
        for element in document.element.body.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "p":
                blocks.append(Paragraph(element, document).text)
            elif tag == "tbl":
                for row in Table(element, document).rows:
                    cells = []
                    for cell in row.cells:  # merged cells repeat: keep each text once per row
                        text = " ".join(cell.text.split())
                        if text and text not in cells:
                            cells.append(text)
                    blocks.append(" | ".join(cells))
        props = document.core_properties
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError) as e:
        raise ArticleError(f"{name} is not a readable Word document ({type(e).__name__})") from None
    except Exception as e:  # lxml raises its own XMLSyntaxError for a damaged document part
        if type(e).__module__.startswith("lxml"):
            raise ArticleError(f"{name} is a damaged Word document (its XML cannot be read)") from None
        raise
    text = "\n".join(b.strip() for b in blocks if b.strip())
    if not text:
        raise ArticleError(f"{name} holds no text")
    return article_from_text(
        text,
        origin=origin,
        fallback_title=name,
        encoding="docx",
        title=(props.title or "").strip(),
        author=(props.author or "").strip(),
    )

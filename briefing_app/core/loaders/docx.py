"""Word documents (.docx): paragraphs and tables in document order, as the document reads with its
tracked changes accepted.

Each paragraph of the document is a paragraph of the article; each table row becomes one paragraph
with its cells separated by " | ". Title and author come from the document's core properties.

python-docx opens the package; the text is read here, straight from the XML, because python-docx's
``Paragraph.text`` sees only the runs directly under a paragraph: it loses text inserted with tracked
changes (``w:ins``), hyperlinks' and content controls' text, and it costs an XPath query per paragraph
(a 20 MB document took 19 s). Deleted text (``w:del``, ``w:moveFrom``), field codes and drawings are
left out, and a vertically merged table cell is read once, in the row where the merge starts.

A .docx is a zip: before anything is unpacked, the sizes its entries declare are added up, and a document
that would unpack to more XML than :data:`MAX_DOCX_XML_BYTES` (a zip bomb: 200 MB of XML in 0.8 MB)
is refused. zipfile never returns more than an entry declares (it fails the CRC check instead).
"""

from __future__ import annotations

import io
import zipfile

from ..article import Article, article_from_text
from ..files import mib
from .errors import ArticleError

MAX_DOCX_XML_BYTES = 32 * 1024 * 1024  # a 1,000-page report's text is about 10 MiB of XML
MAX_DOCX_UNPACKED_BYTES = 256 * 1024 * 1024  # everything, pictures included: python-docx holds it all

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED = {  # never read as the document's text
    f"{_W}{t}"
    for t in ("del", "moveFrom", "delText", "instrText", "delInstrText", "drawing", "pict", "object", "rPr", "pPr")
} | {"{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}
_TEXT = {f"{_W}t"}
_AS_TEXT = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_BREAK = f"{_W}br"
_CONTAINERS = {f"{_W}{t}" for t in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}


def looks_like_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


def looks_like_docx_start(head: bytes) -> bool:
    """Whether the first bytes of a file are a zip's, as a .docx's are (to judge the work before reading it)."""
    return head.startswith(b"PK\x03\x04")


def check_unpacked_size(data: bytes, name: str) -> None:
    """Refuse a document whose entries declare more XML, or more in all, than the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            entries = z.infolist()
    except zipfile.BadZipFile:
        raise ArticleError(f"{name} is not a readable Word document (BadZipFile)") from None
    xml = sum(e.file_size for e in entries if e.filename.lower().endswith((".xml", ".rels")))
    total = sum(e.file_size for e in entries)
    if xml > MAX_DOCX_XML_BYTES:
        raise ArticleError(
            f"{name} unpacks to {mib(xml)} of XML; the limit for a Word document is {mib(MAX_DOCX_XML_BYTES)} "
            "(save a shorter part of it, or as PDF)"
        )
    if total > MAX_DOCX_UNPACKED_BYTES:
        raise ArticleError(
            f"{name} unpacks to {mib(total)}; the limit for a Word document is {mib(MAX_DOCX_UNPACKED_BYTES)} "
            "(pictures included: save it without them, or as PDF)"
        )


def load_docx(data: bytes, name: str, origin: str) -> Article:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    check_unpacked_size(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document.element.body))
        props = document.core_properties
        title, author = props.title, props.author
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
        title=(title or "").strip(),
        author=(author or "").strip(),
    )


def _blocks(container):
    """The text of each paragraph and each table row in ``container`` (the body, a content control…)."""
    for element in container.iterchildren():
        tag = element.tag
        if tag == f"{_W}p":
            yield _text(element)
        elif tag == f"{_W}tbl":
            for row in element.iterchildren(f"{_W}tr"):
                cells = [" ".join(_text(cell).split()) for cell in _cells(row)]
                yield " | ".join(c for c in cells if c)
        elif tag in _CONTAINERS:
            yield from _blocks(element)


def _cells(row):
    """The cells of a table row that hold their own text: not the continuation of a vertical merge."""
    for cell in row.iterchildren(f"{_W}tc", f"{_W}sdt", f"{_W}customXml"):
        if cell.tag != f"{_W}tc":  # cells inside a content control or custom XML
            inner = cell.find(f"{_W}sdtContent") if cell.tag == f"{_W}sdt" else cell
            if inner is not None:
                yield from _cells(inner)
            continue
        merge = cell.find(f"{_W}tcPr/{_W}vMerge")
        if merge is not None and merge.get(f"{_W}val", "continue") != "restart":
            continue  # the cell above, merged down: Word shows its text once
        yield cell


def _text(element) -> str:
    """The text of a paragraph (or a cell) as it reads with tracked changes accepted, in document order."""
    out: list[str] = []
    stack = [iter([element])]
    while stack:  # depth-first, without recursion: nesting depth is the document's to choose
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in _TEXT:
            out.append(child.text or "")
        elif tag in _AS_TEXT:
            out.append(_AS_TEXT[tag])
        elif tag == _BREAK:
            out.append("\n" if child.get(f"{_W}type", "textWrapping") == "textWrapping" else "")
        elif tag == f"{_W}p" and out:
            out.append("\n")  # a cell's next paragraph
            stack.append(child.iterchildren())
        else:
            stack.append(child.iterchildren())
    return "".join(out)

"""PDF/A-3u for the exported PDF, made by ReportLab in its one pass, with the .brief inside.

ReportLab writes a sound PDF but not an archival one. What PDF/A-3u asks for is added while the
document is written, so the archival step costs little more than packing the .brief:

- :class:`ArchivalCanvas` gives every link annotation the Print flag (ReportLab sets no flags) and,
  just before the document is saved, :func:`make_archival` adds to the catalog an output intent (the
  sRGB profile shipped in ``resources/sRGB.icc``; the pages draw in RGB), XMP metadata saying what the
  document information says (title, author, subject, keywords, creator tool, producer, dates) and
  claiming PDF/A-3u (``pdfaid:part`` 3, ``conformance`` U), and the .brief the PDF was made from as an
  associated file of the document (``/AF``, relationship ``Source``, ``application/json``), so that the
  PDF alone reopens as the brief;
- :func:`fix_reportlab` mends two things ReportLab writes that PDF/A forbids: ToUnicode maps that map
  unused and .notdef codes to U+0000 (see :func:`to_unicode_cmap`), and no end-of-line before
  ``endstream``.

Fonts are embedded subsets already, nothing is encrypted, and the dates are those given (see
:func:`export_time`): with SOURCE_DATE_EPOCH the renderer runs ReportLab in its invariant mode, so the
same brief gives the same bytes, /ID included.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from reportlab.pdfbase import pdfdoc, ttfonts
from reportlab.pdfgen.canvas import Canvas

from ..resources import resource
from .markup import escape

PDFA_PART, PDFA_CONFORMANCE = 3, "U"
BRIEF_MIME = "application/json"
BRIEF_DESCRIPTION = "The brief this PDF was made from (briefing-app .brief file)"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PDF_VERSION = (1, 7)  # PDF/A-3 is based on PDF 1.7
PRINT_FLAG = 4  # an annotation's /F: printed with the page, and not hidden
# characters XML 1.0 cannot hold: an XMP packet with one would not parse, so neither place keeps them. They
# are spelled out: as the complement of what it holds ("[^...]") the class took 13 ms to compile, being
# optimised character by character across the astral planes
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BFCHAR_BLOCK = 100  # the most entries one beginbfchar ... endbfchar block may hold


def export_time(epoch: int | None = None) -> datetime:
    """When the PDF is made, to the second: now in the local time zone, or ``epoch`` (the
    SOURCE_DATE_EPOCH of reproducible builds) in UTC, so that the bytes do not depend on the machine."""
    if epoch is not None:
        return datetime.fromtimestamp(epoch, UTC)
    return datetime.now().astimezone().replace(microsecond=0)


def pdf_date(when: datetime) -> str:
    """``when`` as a PDF date string, e.g. D:20241028093000+02'00'."""
    return when.strftime("D:%Y%m%d%H%M%S") + _offset(when).replace(":", "'") + "'"


def xmp_date(when: datetime) -> str:
    """``when`` as an XMP date, e.g. 2024-10-28T09:30:00+02:00: the same instant as :func:`pdf_date`."""
    return when.strftime("%Y-%m-%dT%H:%M:%S") + _offset(when)


def _offset(when: datetime) -> str:
    offset = when.utcoffset()
    if offset is None:  # a naive time: the computer's local time
        offset = when.astimezone().utcoffset() or timedelta()
    minutes = round(offset.total_seconds() / 60)
    if minutes == 0:
        return "+00:00"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """The ToUnicode CMap of one subset of a TrueType font, in place of ReportLab's ``makeToUnicodeCMap``.

    ReportLab maps code 0 (.notdef) and the unused codes 1-31 of the first subset to U+0000; PDF/A
    forbids a mapping to U+0000 and the export never draws those codes, so they are left out. Entries
    go in blocks of at most 100, as the CMap format requires (ReportLab writes up to 256 in one)."""
    pairs = [f"<{code:02X}> <{value:04X}>" for code, value in enumerate(subset) if value]
    blocks = []
    for i in range(0, len(pairs), _BFCHAR_BLOCK):
        chunk = pairs[i : i + _BFCHAR_BLOCK]
        blocks += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo\n<< /Registry ({fontname})\n/Ordering ({fontname})\n/Supplement 0\n>> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            f"1 begincodespacerange\n<00> <{len(subset) - 1:02X}>\nendcodespacerange",
            *blocks,
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def xml_safe(text: str) -> str:
    """``text`` without the characters XML cannot hold (the export has dropped control characters
    already; this also drops lone surrogates and U+FFFE/U+FFFF)."""
    return _NOT_XML.sub("", text)


def _xml_text(text: str) -> str:
    # a carriage return would come back from an XML parser as a line feed: keep it as a reference
    return escape(text).replace("\r", "&#13;")


def xmp_packet(info: dict[str, str], when: datetime) -> bytes:
    """The XMP metadata of a PDF/A-3u file whose document information is ``info`` (Title, Author,
    Subject, Keywords, Creator, Producer, each as written there) and whose dates are ``when``. (/Trapped,
    which ReportLab always writes, has no counterpart: PDF/A's XMP schemas do not define pdf:Trapped.)"""
    t = {k: _xml_text(v) for k, v in info.items()}
    date = xmp_date(when)

    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt>'

    about = 'rdf:about=""'
    packet = "\n".join(
        [
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
            '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
            f'<rdf:Description {about} xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
            f"<pdfaid:part>{PDFA_PART}</pdfaid:part><pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>"
            "</rdf:Description>",
            f'<rdf:Description {about} xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:format>application/pdf</dc:format><dc:title>{alt(t['Title'])}</dc:title>"
            f"<dc:creator><rdf:Seq><rdf:li>{t['Author']}</rdf:li></rdf:Seq></dc:creator>"
            f"<dc:description>{alt(t['Subject'])}</dc:description></rdf:Description>",
            f'<rdf:Description {about} xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
            f"<pdf:Producer>{t['Producer']}</pdf:Producer><pdf:Keywords>{t['Keywords']}</pdf:Keywords>"
            "</rdf:Description>",
            f'<rdf:Description {about} xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
            f"<xmp:CreatorTool>{t['Creator']}</xmp:CreatorTool><xmp:CreateDate>{date}</xmp:CreateDate>"
            f"<xmp:ModifyDate>{date}</xmp:ModifyDate><xmp:MetadataDate>{date}</xmp:MetadataDate>"
            "</rdf:Description>",
            "</rdf:RDF>",
            "</x:xmpmeta>",
            '<?xpacket end="w"?>',
        ]
    )
    return packet.encode("utf-8")


# --- ReportLab made archival
_INFO_FIELDS = {"Title": "title", "Author": "author", "Subject": "subject", "Keywords": "keywords",
                "Creator": "creator", "Producer": "producer"}  # fmt: skip
_reportlab_fixed = False
STREAM_EOL = b"\r\n"  # before "endstream": see fix_reportlab


def fix_reportlab() -> None:
    """Make ReportLab write what PDF/A accepts (once; it changes nothing else of what ReportLab writes):
    ToUnicode maps without U+0000 (:func:`to_unicode_cmap`), and an end-of-line before each ``endstream``,
    not counted in the stream's /Length (ReportLab writes the keyword right after the data). The end-of-line
    is CR LF: after compressed data that happens to end in a CR, a lone LF would make the two one end-of-line,
    and a reader would find the data a byte shorter than its /Length (one export in about 150 failed so)."""
    global _reportlab_fixed
    if _reportlab_fixed:
        return
    ttfonts.makeToUnicodeCMap = to_unicode_cmap  # looked up by name when the fonts are written
    format_stream = pdfdoc.PDFStream.format
    end = b"endstream\n"

    def format_with_eol(self, document):
        out = format_stream(self, document)
        return out[: -len(end)] + STREAM_EOL + end if out.endswith(end) else out

    pdfdoc.PDFStream.format = format_with_eol  # type: ignore[method-assign]  # a deliberate patch, as above
    _reportlab_fixed = True


@dataclass(frozen=True)
class Archival:
    """What makes an export archival: the .brief's bytes, the name to file them under, the export time."""

    brief_file: bytes
    file_name: str
    when: datetime


class ArchivalCanvas(Canvas):
    """A canvas whose links are printed with the page, and which, given ``archival``, saves PDF/A-3u."""

    archival: Archival | None = None
    _doc: pdfdoc.PDFDocument  # ReportLab's document, set by Canvas.__init__ (its type stubs leave it out)

    def __init__(self, *args, **kwargs):
        if self.archival is not None:
            kwargs.setdefault("pdfVersion", PDF_VERSION)
        super().__init__(*args, **kwargs)
        if self.archival is not None:  # the document's dates: the export time, as the XMP will say
            self.setDateFormatter(lambda *_: pdf_date(self.archival.when))

    def linkAbsolute(self, *args, **kwargs):
        kwargs.setdefault("F", PRINT_FLAG)
        return super().linkAbsolute(*args, **kwargs)

    def linkRect(self, *args, **kwargs):
        kwargs.setdefault("F", PRINT_FLAG)
        return super().linkRect(*args, **kwargs)

    def linkURL(self, *args, **kwargs):
        kwargs.setdefault("F", PRINT_FLAG)
        return super().linkURL(*args, **kwargs)

    def save(self):
        if self.archival is not None:
            make_archival(self, self.archival)
        super().save()


class _RawStream(pdfdoc.PDFStream):
    """A stream written as given: ReportLab's own adds "/Filter []" when asked for no filter, and the XMP
    stream may have no Filter entry at all."""

    def format(self, document):
        content = document.encrypt.encode(self.content)  # never encrypted here; kept as ReportLab does it
        entries = pdfdoc.PDFDictionary({**self.dictionary.dict, "Length": len(content)})
        return pdfdoc.format(entries, document) + b"\nstream\n" + content + STREAM_EOL + b"endstream\n"


def _stream(content: bytes, entries: dict, compressed: bool = False) -> _RawStream:
    """A stream of ``content`` as it is (``compressed``: already Flate-compressed, and said so)."""
    if compressed:
        entries = {**entries, "Filter": pdfdoc.PDFName("FlateDecode")}
    return _RawStream(pdfdoc.PDFDictionary(entries), content)


def make_archival(canvas: ArchivalCanvas, archival: Archival) -> None:
    """Add to the document ``canvas`` is about to save what PDF/A-3u asks for: XMP metadata matching
    its document information, the sRGB output intent, and the .brief as its source file."""
    Dict, Name, String = pdfdoc.PDFDictionary, pdfdoc.PDFName, pdfdoc.PDFString  # noqa: N806 (PDF's own names)
    doc = canvas._doc  # ReportLab's document: its catalog and info are only reachable here
    info = doc.info
    text = {}
    for key, attr in _INFO_FIELDS.items():
        value = xml_safe(str(getattr(info, attr) or ""))
        setattr(info, attr, value)  # what XML cannot hold goes from both places alike
        text[key] = value
    xmp = _stream(xmp_packet(text, archival.when), {"Type": Name("Metadata"), "Subtype": Name("XML")})
    profile = _stream(resource("sRGB.icc").read_bytes(), {"N": 3})
    intent = {"Type": Name("OutputIntent"), "S": Name("GTS_PDFA1"), "DestOutputProfile": doc.Reference(profile),
              "OutputConditionIdentifier": String(OUTPUT_CONDITION), "Info": String(OUTPUT_CONDITION),
              "RegistryName": String("http://www.color.org")}  # fmt: skip
    data, when = archival.brief_file, archival.when
    params = {"Size": len(data), "ModDate": String(pdf_date(when)),
              "CheckSum": pdfdoc.PDFText(hashlib.md5(data).digest(), enc="raw")}  # fmt: skip
    mime = "/" + BRIEF_MIME.replace("/", "#2F")  # PDFName would leave the slash as it is
    embedded = doc.Reference(_stream(zlib.compress(data, 6), {"Type": Name("EmbeddedFile"), "Subtype": mime,
                                                              "Params": Dict(params)}, compressed=True))  # fmt: skip
    spec = doc.Reference(
        Dict({"Type": Name("Filespec"), "F": String(_ascii_name(archival.file_name)),
              "UF": String(archival.file_name), "Desc": String(BRIEF_DESCRIPTION), "AFRelationship": Name("Source"),
              "EF": Dict({"F": embedded, "UF": embedded})})
    )  # fmt: skip
    catalog = doc.Catalog  # type: ignore[attr-defined]  # set by PDFDocument.__init__: its stubs leave it out
    catalog.Metadata = doc.Reference(xmp)
    catalog.Names = Dict({"EmbeddedFiles": Dict({"Names": pdfdoc.PDFArray([String(archival.file_name), spec])})})
    # ReportLab's catalog writes only the entries its class lists: these two are added to this one's list
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, "AF", "OutputIntents"]
    catalog.AF = pdfdoc.PDFArray([spec])
    catalog.OutputIntents = pdfdoc.PDFArray([Dict(intent)])


def _ascii_name(name: str) -> str:
    """The file name for the /F entry, which readers take as bytes: non-ASCII characters become _."""
    return "".join(c if " " <= c <= "~" else "_" for c in name)

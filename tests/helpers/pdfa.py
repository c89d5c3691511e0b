"""Reading an exported PDF as a PDF/A-3u archive: the validator's findings and the XMP metadata."""

import re
import xml.etree.ElementTree as ET

import page

from helpers.pdf_helpers import reader
from helpers.support import ROOT

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "pdf": "http://ns.adobe.com/pdf/1.3/", "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}  # fmt: skip


def pdfa_failures(data: bytes) -> list[str]:
    """What the PDF/A-3u validator finds wrong with ``data`` (empty: it conforms)."""
    report = page.validate_pdf_bytes(data, profile="3u")
    found = [f"{f.rule_id}: {f.message}" for f in report.failures]
    assert report.is_compliant == (not found)
    return found


def xmp(data: bytes) -> ET.Element:
    raw = reader(data).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert raw.startswith(b'<?xpacket begin="\xef\xbb\xbf"') and re.search(rb'<\?xpacket end="[rw]"\?>\s*$', raw)
    return ET.fromstring(raw[raw.index(b"<x:xmpmeta") : raw.index(b"</x:xmpmeta>") + len(b"</x:xmpmeta>")])


def xmp_value(root: ET.Element, path: str) -> str:
    """A property's one value, written as an element (ours) or as an attribute of rdf:Description (pyHanko's,
    after signing)."""
    found = [e.text or "" for e in root.findall(f".//{path}", NS)]
    if "/" not in path:
        prefix, name = path.split(":")
        found += [d.get(f"{{{NS[prefix]}}}{name}") for d in root.iter(f"{{{NS['rdf']}}}Description")]
    found = [v for v in found if v is not None]
    assert len(found) == 1, path
    return found[0]


PLAIN_PDF = ROOT / "tests" / "pdfs" / "libreoffice-spaced.pdf"  # a PDF made elsewhere: no brief inside

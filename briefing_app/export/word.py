"""Brief -> Word (DOCX) with python-docx: the outline the PDF sets, in Word's own styles.

The words and their order come from :func:`.outline.outline`, as for every format; this module only sets
them. Every part of the brief has a named style: Word's Title, Heading 1, List Number, Quote, Strong and
Hyperlink, and the app's own (Memo, Bottom Line, Note, Reported Speech, Attribution, Source...), so whoever
edits the document restyles a part in one place. Citations such as [1, ¶13] are internal links to
bookmarks on the entries of the Sources list; the handling mark heads and foots every page; the footer
counts pages with PAGE and NUMPAGES fields, which Word and LibreOffice fill in.

Body paragraphs and runs are made as XML elements directly: python-docx's ``add_paragraph`` looks its
style up by name among the template's 270 styles, and ``run.text`` appends text a character at a time.
Every string passes :func:`safe_text` on its way in, so no text can make invalid XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from functools import cache
from itertools import count
from urllib.parse import quote

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor, Twips
from docx.styles import BabelFish
from docx.styles.style import CharacterStyle, StyleFactory
from lxml import etree
from reportlab.lib.colors import Color

from .. import __version__
from ..core.brief import TLP_MARKS, Brief
from .fonts import clean
from .markup import LINK_COLOUR, MAX_LINKED_URL, safe_url
from .outline import (
    ATTRIBUTION_DASH,
    DRAFT_MARK,
    NOTE_LABEL,
    SECTION_TITLES,
    Citation,
    ExpertAssessment,
    PrintedPart,
    ScaleTable,
    SourceEntry,
    full_stop,
    outline,
)
from .renderer import (
    ACCENT_HEX,
    BLUF_BACKGROUND,
    INK,
    MARGIN,
    MUTED_HEX,
    NBSP,
    PAGE_SIZES,
    TLP_COLOURS,
)

# Word's classic sans; Word picks the fonts of other scripts (East Asian, complex) from its theme
FONT = "Calibri"
LIST_INDENT = Twips(360)  # where a key fact's text starts, after its number
QUOTE_INDENT = Pt(9)  # an assessment's text, right of the rule beside it (as the PDF's QuoteBar)
RULE_HEX = "D0D4DA"
URI_CHARS = "!#$%&'()*+,/:;=?@[]~"  # kept as they are in a link's address (and letters, digits, -._)
WORD_STYLES = {"Hyperlink"}  # built into Word, though not defined in python-docx's template
MAX_PROPERTY_CHARS = 255  # python-docx refuses longer core properties

# characters lxml refuses in XML besides the control characters fonts.clean drops: lone surrogates, U+FFFE/F
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("([\n\t])")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_LETTER = re.compile(r"[^\W\d_]")
_XML_SPACE = qn("xml:space")

# the order of a paragraph's and a run's properties in the schema (Word refuses them out of order)
_PPR_ORDER = tuple(qn(f"w:{t}") for t in (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split())  # fmt: skip
_TBLPR_ORDER = tuple(qn(f"w:{t}") for t in (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd "
    "tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
).split())  # fmt: skip
_RPR_ORDER = tuple(qn(f"w:{t}") for t in (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs "
    "em lang eastAsianLayout specVanish oMath"
).split())  # fmt: skip


def safe_text(value: str) -> str:
    """``value`` as a Word document can hold it: without the control and invisible characters the PDF drops
    (:func:`.fonts.clean`), nor the code points XML forbids, on which python-docx and lxml raise."""
    return _NOT_XML.sub("", clean(value))


def mainly_rtl(text: str) -> bool:
    """Whether most letters of ``text`` are of a right-to-left script (Hebrew, Arabic, Syriac, Thaana...)."""
    if not _RTL.search(text):
        return False
    return 2 * len(_RTL.findall(text)) > len(_LETTER.findall(text))


def _hex(colour: str | Color) -> str:
    """A colour as Word writes it: six hex digits, no #."""
    return (colour.hexval()[2:] if isinstance(colour, Color) else colour.lstrip("#")).upper()


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cache
def _w(name: str) -> str:
    return qn(f"w:{name}")


def _el(tag: str, parent=None, **attrs: str):
    """An element ``w:tag`` with ``w:`` attributes, added at the end of ``parent`` if given (which is quicker:
    it takes the namespace prefix in scope instead of declaring one)."""
    attrib = {_w(k): v for k, v in attrs.items()}
    return OxmlElement(f"w:{tag}", attrib) if parent is None else etree.SubElement(parent, _w(tag), attrib)


def _put(parent, child, order: tuple[str, ...]):
    """Put ``child`` into ``parent`` at its place in the schema's ``order``, replacing one of its kind."""
    old = parent.find(child.tag)
    if old is not None:
        parent.replace(old, child)
        return child
    later = set(order[order.index(child.tag) + 1 :])
    for sibling in parent:
        if sibling.tag in later:
            sibling.addprevious(child)
            return child
    parent.append(child)
    return child


def _run(parent, text: str, style: str = "", ltr: bool = False):
    """Add a run of ``text`` (made safe) to ``parent``, its line breaks and tabs as Word's, in character style
    ``style``; ``ltr``: embedded left to right (LRE ... PDF), so that "[1, ¶2]" keeps its order in a right-to-left
    paragraph (else its numbers are laid out right to left: "[2¶ ,1]")."""
    r = _el("r", parent)
    if style:
        _el("rStyle", _el("rPr", r), val=style)
    text = safe_text(text)  # which also drops any embedding mark of the text's own
    for piece in _BREAKS.split(f"\u202a{text}\u202c" if ltr else text):
        if piece == "\n":
            _el("br", r)
        elif piece == "\t":
            _el("tab", r)
        elif piece:
            etree.SubElement(r, _w("t"), {_XML_SPACE: "preserve"}).text = piece
    return r


def _border(**sides: tuple[str, int, float]):
    """``w:pBdr`` with a single line on each side given as (colour, eighths of a point, space in points)."""
    pbdr = _el("pBdr")
    for side in ("top", "left", "bottom", "right"):
        if side in sides:
            colour, size, space = sides[side]
            pbdr.append(_el(side, val="single", sz=str(size), space=str(round(space)), color=colour))
    return pbdr


class WordWriter:
    """Writes one brief as a Word document. ``render()`` returns the DOCX bytes."""

    def __init__(self, brief: Brief, page_size: str = "a4", epoch: int | None = None) -> None:
        self.brief = brief
        self.outline = outline(brief)
        self.page_size = PAGE_SIZES[page_size.lower()]
        self.when = datetime.fromtimestamp(epoch, UTC) if epoch is not None else datetime.now(UTC)
        self.reproducible = epoch is not None
        self.doc = Document()
        self._ids = count(1)  # bookmark ids
        self._tidy_package()
        self._set_styles()
        body = self.doc.element.body
        self._end = body.sectPr  # paragraphs go before the section's properties, which end the body

    # --- the package and its properties
    def _tidy_package(self) -> None:
        """Drop what python-docx's template carries that would misdescribe this document: a thumbnail of a blank
        page, an application named "Microsoft Macintosh Word", Word 2010 compatibility mode (Word would say
        "Compatibility Mode" in its title bar) and spelling marked as checked."""
        package = self.doc.part.package
        for rels, unwanted in (
            (package.rels, {RT.THUMBNAIL, RT.EXTENDED_PROPERTIES}),
            (self.doc.part.rels, {RT.CUSTOM_XML, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"}),
        ):  # fmt: skip
            for rid in [rid for rid, rel in rels.items() if rel.reltype in unwanted]:
                del rels[rid]
        app = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>briefing-app {__version__}</Application><DocSecurity>0</DocSecurity></Properties>"
        )
        package.relate_to(Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, app.encode(), package),
                          RT.EXTENDED_PROPERTIES)  # fmt: skip
        settings = self.doc.settings.element
        for mode in settings.iter(qn("w:compatSetting")):
            if mode.get(qn("w:name")) == "compatibilityMode":
                mode.set(qn("w:val"), "15")
        for proof in settings.findall(qn("w:proofState")):
            settings.remove(proof)

    def _set_properties(self) -> None:
        """Title, author, subject and keywords as in the PDF's document information; created and modified
        are the time of export, or SOURCE_DATE_EPOCH."""
        b, o, props = self.brief, self.outline, self.doc.core_properties

        def prop(value: str) -> str:
            return _cut(safe_text(value), MAX_PROPERTY_CHARS)

        props.title = prop(o.title)
        props.author = props.last_modified_by = prop(b.author)
        # the PDF's subject (renderer.BriefRenderer.render); it belongs in the outline, which lacks it
        props.subject = prop(self.outline.subject)
        props.keywords = prop(", ".join(o.keywords))
        props.comments = props.category = ""
        props.language = "en"
        props.revision = 1
        props.created = props.modified = self.when.replace(microsecond=0, tzinfo=None)

    # --- styles
    def _set_styles(self) -> None:
        styles = self.doc.styles
        defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = defaults.find(qn("w:rFonts"))
        for theme in ("w:asciiTheme", "w:hAnsiTheme"):  # a theme font would win over the named one
            fonts.attrib.pop(qn(theme), None)
        fonts.set(qn("w:ascii"), FONT)
        fonts.set(qn("w:hAnsi"), FONT)
        ink, muted, accent = _hex(INK), _hex(MUTED_HEX), _hex(ACCENT_HEX)
        para, char = WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER
        quote_rule = _border(left=(accent, 12, 6))  # 1.5 pt, 6 pt left of the text
        width = self._text_width()
        specs = [  # (name, type, based on, formatting): the PDF's styles (renderer._get_stylesheet), in Word
            ("Normal", para, None, dict(size=10.5, colour=ink, after=6, line=1.15, widows=True)),
            ("Title", para, "Normal", dict(size=20, bold=True, colour=ink, after=8, line=1.0, border=None)),
            ("Heading 1", para, "Normal", dict(size=13, bold=True, colour=accent, before=14, after=6)),
            ("Memo", para, "Normal", dict(size=9.5, left=Mm(27), hanging=Mm(27), tabs={"left": Mm(27)}, after=1,
                                          line=1.1)),
            ("Memo Label", char, None, dict(size=7.5, bold=True, colour=muted, caps=True)),
            ("Bottom Line", para, "Normal", dict(size=11, left=Pt(9), right=Pt(9), after=0, shade=_hex(BLUF_BACKGROUND),
                                                 border=_border(**{s: (_hex(BLUF_BACKGROUND), 4, 6)
                                                                   for s in ("top", "left", "bottom", "right")}))),
            ("List Number", para, "Normal", dict(after=5, contextual=False)),
            ("Note", para, "Normal", dict(size=9, italic=True, colour=muted, left=LIST_INDENT, after=6)),
            ("Quote", para, "Normal", dict(italic=True, colour=ink, left=QUOTE_INDENT, before=4, after=2,
                                           border=quote_rule)),
            ("Reported Speech", para, "Quote", dict(italic=False, after=8)),
            ("Attribution", para, "Normal", dict(size=10, left=QUOTE_INDENT, after=8)),
            ("Assessment Note", para, "Note", dict(left=QUOTE_INDENT)),
            ("Source", para, "Normal", dict(size=9.5, left=Pt(24), hanging=Pt(24), tabs={"left": Pt(24)}, after=5)),
            # a judgement's likelihood and confidence in words, under an assessment (as the PDF's Judgement)
            ("Judgement", para, "Normal", dict(size=9.5, bold=True, colour=accent, left=QUOTE_INDENT, before=0,
                                               after=8)),
            ("Fact Judgement", para, "Judgement", dict(left=LIST_INDENT)),
            ("Comment Judgement", para, "Judgement", dict(left=Pt(0))),
            ("Key", para, "Normal", dict(size=8.5, colour=muted, before=4, after=4)),
            ("Table Text", para, "Normal", dict(size=9.5, before=1, after=1, line=1.0)),
            ("Header", para, "Normal", dict(tabs={"center": width // 2, "right": width})),  # the template's: Letter
            ("Footer", para, "Normal", dict(tabs={"center": width // 2, "right": width})),
            ("Strong", char, None, dict(bold=True)),
            ("Citation", char, None, {}),
            ("Hyperlink", char, None, dict(colour=_hex(LINK_COLOUR))),
            ("Banner", para, "Header", dict(size=9, bold=True, colour=ink, align=WD_ALIGN_PARAGRAPH.CENTER)),
            ("Running Head", para, "Header", dict(size=8.5, colour=muted, before=3, tabs={"right": width},
                                                  border=_border(bottom=(RULE_HEX, 4, 2)))),
            ("Page Count", para, "Footer", dict(size=8.5, colour=muted, before=2, align=WD_ALIGN_PARAGRAPH.RIGHT)),
        ]  # fmt: skip
        # looked up once: Styles.add_style, "in" and [] search the template's 270 styles on every call
        known = {BabelFish.internal2ui(s.name_val): s for s in styles.element.findall(qn("w:style"))}
        self.style = {}
        for name, kind, base, spec in specs:
            if name not in known:  # Word's own names (Hyperlink) are not marked as custom: Word would rename them
                known[name] = styles.element.add_style_of_type(name, kind, name in WORD_STYLES)
            style = StyleFactory(known[name])
            if base and isinstance(style, CharacterStyle):  # paragraph and character styles have a base
                style.base_style = StyleFactory(known[base])
            self._format(style, **spec)
            self.style[name] = style.style_id
        self._list_abstract = self._list_number_abstract()

    def _format(self, style, size=None, bold=None, italic=None, colour=None, caps=None, before=None, after=None,
                line=None, left=None, right=None, hanging=None, tabs=None, align=None, widows=None, contextual=None,
                shade=None, border=False) -> None:  # fmt: skip
        """Set a style's formatting; a right-to-left script takes its size, weight and slant from the *Cs twins."""
        font, fmt = style.font, getattr(style, "paragraph_format", None)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is not None and fonts.get(qn("w:asciiTheme")):  # Word's headings use the theme's fonts
            rpr.remove(fonts)
        if size is not None:
            font.size = Pt(size)
            _put(rpr, _el("szCs", val=str(round(size * 2))), _RPR_ORDER)
        for value, tag, tag_cs in ((bold, "b", "bCs"), (italic, "i", "iCs")):
            if value is not None:
                _put(rpr, _el(tag, val="1" if value else "0"), _RPR_ORDER)
                _put(rpr, _el(tag_cs, val="1" if value else "0"), _RPR_ORDER)
        if colour is not None:
            font.color.rgb = RGBColor.from_string(colour)
        if caps is not None:
            font.all_caps = caps
        if fmt is None:
            return
        for attr, value in (("space_before", before), ("space_after", after)):
            if value is not None:
                setattr(fmt, attr, Pt(value))
        for attr, value in (("left_indent", left), ("right_indent", right), ("alignment", align),
                            ("line_spacing", line), ("widow_control", widows)):  # fmt: skip
            if value is not None:
                setattr(fmt, attr, value)
        if hanging is not None:
            fmt.first_line_indent = -hanging
        ppr = style.element.get_or_add_pPr()
        if tabs is not None:  # these stops and no others, not even the base style's
            stops = _put(ppr, _el("tabs"), _PPR_ORDER)
            inherited = style.base_style.element.pPr if style.base_style is not None else None
            for old in inherited.findall(f"{qn('w:tabs')}/{qn('w:tab')}") if inherited is not None else ():
                if old.get(qn("w:pos")) not in {str(Emu(pos).twips) for pos in tabs.values()}:
                    stops.append(_el("tab", val="clear", pos=old.get(qn("w:pos"))))
            for kind, pos in tabs.items():
                stops.append(_el("tab", val=kind, pos=str(Emu(pos).twips)))
        if contextual is False:
            for old in ppr.findall(qn("w:contextualSpacing")):
                ppr.remove(old)
        if shade:
            _put(ppr, _el("shd", val="clear", color="auto", fill=shade), _PPR_ORDER)
        if border is None:
            for old in ppr.findall(qn("w:pBdr")):
                ppr.remove(old)
        elif border is not False:
            _put(ppr, border, _PPR_ORDER)

    def _list_number_abstract(self) -> str:
        """The numbering definition behind the List Number style, its text indented by LIST_INDENT."""
        numbering = self.doc.part.numbering_part.element
        style = self.doc.styles["List Number"].element
        num_id = style.pPr.numPr.numId.val
        abstract = numbering.num_having_numId(num_id).abstractNumId.val
        for ind in numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="0"]//w:ind'):
            ind.set(qn("w:left"), str(LIST_INDENT.twips))
            ind.set(qn("w:hanging"), str(LIST_INDENT.twips))
        return abstract

    def numbered_list(self) -> int:
        """A new numbered list in the List Number style: its own numbering instance, starting again at 1,
        so that a second list never continues the first one's numbers."""
        num = self.doc.part.numbering_part.element.add_num(self._list_abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    # --- page set-up, header and footer
    def _text_width(self) -> Emu:
        return Emu(round((self.page_size[0] - 2 * MARGIN) * 12700))

    def _set_pages(self) -> None:
        section = self.doc.sections[0]
        width, height = self.page_size
        section.page_width, section.page_height = Emu(round(width * 12700)), Emu(round(height * 12700))
        margin = Emu(round(MARGIN * 12700))
        section.top_margin = section.bottom_margin = section.left_margin = section.right_margin = margin
        section.header_distance, section.footer_distance = Mm(7), Mm(6)
        # the first page has the title: its head is the banner alone; later pages also name the brief
        section.different_first_page_header_footer = True
        self._fill(section.first_page_header, [self._banner()])
        self._fill(section.header, [self._banner(), self._running_head()])
        for footer in (section.first_page_footer, section.footer):
            self._fill(footer, [self._banner(), self._page_count()])

    @staticmethod
    def _fill(header_or_footer, paragraphs: list) -> None:
        element = header_or_footer.part.element
        for old in list(element):
            element.remove(old)
        element.extend(paragraphs)

    def _banner(self):
        """The handling mark: a TLP label in its colour on black (FIRST TLP 2.0), any other mark in bold."""
        mark = self.brief.handling
        p = self._p("Banner", attach=False)
        if self.outline.draft:  # a draft says so on every page, beside the handling mark
            _run(p, f"{DRAFT_MARK}{NBSP}{NBSP}{NBSP}")
        r = _run(p, f"{NBSP}{mark}{NBSP}" if mark in TLP_MARKS else mark)
        if mark in TLP_MARKS:
            rpr = _el("rPr")
            r.insert(0, rpr)
            _el("color", rpr, val=_hex(TLP_COLOURS[mark]))
            _el("shd", rpr, val="clear", color="auto", fill="000000")
        return p

    def _running_head(self):
        p = self._p("Running Head", attach=False)
        date = dict(self.outline.memo).get("Date", "")
        _run(p, self.outline.running_title + (f"\t{date}" if date else ""))
        return p

    def _page_count(self):
        """ "Page n of m" with PAGE and NUMPAGES fields (shown as 1 until the reader's program counts)."""
        p = self._p("Page Count", attach=False)
        _run(p, "Page ")
        self._field(p, "PAGE")
        _run(p, " of ")
        self._field(p, "NUMPAGES")
        return p

    @staticmethod
    def _field(p, instruction: str) -> None:
        _el("fldChar", _el("r", p), fldCharType="begin")
        etree.SubElement(_el("r", p), _w("instrText"), {_XML_SPACE: "preserve"}).text = f" {instruction} "
        _el("fldChar", _el("r", p), fldCharType="separate")
        _run(p, "1")  # shown until the reader's program counts
        _el("fldChar", _el("r", p), fldCharType="end")

    # --- paragraphs, links and bookmarks
    def _p(self, style: str, *, rtl: bool = False, keep_next: bool = False, num_id: int | None = None,
           attach: bool = True):  # fmt: skip
        """A paragraph in ``style`` (its name), added at the end of the body unless ``attach`` is False."""
        p = _el("p")
        if attach:  # first: its children then take the document's namespace prefixes
            self._end.addprevious(p)
        ppr = _el("pPr", p)
        _el("pStyle", ppr, val=self.style[style])
        if keep_next:
            _el("keepNext", ppr)
        if num_id is not None:
            numpr = _el("numPr", ppr)
            _el("ilvl", numpr, val="0")
            _el("numId", numpr, val=str(num_id))
        if rtl:
            _el("bidi", ppr)
        return p

    def _link(self, p, text: str, *, anchor: str = "", url: str = "", ltr: bool = False) -> None:
        """``text`` as a link to the bookmark ``anchor`` in this document, or to the web address ``url``."""
        if anchor:
            _run(_el("hyperlink", p, anchor=anchor, history="1"), text, self.style["Citation"], ltr)
        else:
            # as a URI: Word may refuse a relationship whose target has "<", a quote or a space in it
            rid = self.doc.part.relate_to(quote(url, safe=URI_CHARS), RT.HYPERLINK, is_external=True)
            link = etree.SubElement(p, _w("hyperlink"), {qn("r:id"): rid, _w("history"): "1"})
            _run(link, text, self.style["Hyperlink"])

    def _cite(self, p, cited: Citation) -> None:
        """`` [1, ¶13]`` after the text, linked to source 1's entry; it never breaks across lines."""
        _run(p, " ")
        rtl = p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
        self._link(p, str(cited).replace(" ", NBSP), anchor=f"source_{cited.source}", ltr=rtl)

    def _note(self, note: str, style: str) -> None:
        if note:
            _run(self._p(style, rtl=mainly_rtl(note)), NOTE_LABEL + note)

    # --- the document
    def _body(self) -> None:
        o = self.outline
        _run(self._p("Title", rtl=mainly_rtl(o.title)), o.title)
        for label, value in o.memo:
            p = self._p("Memo")
            _run(p, label, self.style["Memo Label"])
            _run(p, "\t" + value)
        if o.bluf or o.bluf_judgement:
            self._heading(PrintedPart.BLUF)
            if o.bluf_judgement:
                _run(self._p("Bottom Line", keep_next=bool(o.bluf)), o.bluf_judgement, self.style["Strong"])
            for block in o.bluf:
                _run(self._p("Bottom Line", rtl=mainly_rtl(block)), block)
        if o.key_facts:
            self._heading(PrintedPart.KEY_FACTS)
            num_id = self.numbered_list()
            for fact in o.key_facts:
                keep = bool(fact.note or fact.judgement)
                p = self._p("List Number", rtl=mainly_rtl(fact.text), keep_next=keep, num_id=num_id)
                _run(p, fact.text)
                self._cite(p, fact.citation)
                self._judgement(fact.judgement, "Fact Judgement")
                self._note(fact.note, "Note")
        if o.assessments:
            self._heading(PrintedPart.EXPERT_ASSESSMENTS)
            for entry in o.assessments:
                self._assessment(entry)
        if o.comment or o.comment_judgement:
            self._heading(PrintedPart.COMMENT)
            self._judgement(o.comment_judgement, "Comment Judgement")
            for block in o.comment:
                _run(self._p("Normal", rtl=mainly_rtl(block)), block)
        if o.sources:
            self._heading(PrintedPart.SOURCES)
            for source in o.sources:
                self._source(source)
            if o.grades_key:
                _run(self._p("Key"), o.grades_key)
        if o.scale:
            self._scale(o.scale)

    def _judgement(self, words: str, style: str) -> None:
        if words:
            _run(self._p(style), words)

    def _scale(self, table: ScaleTable) -> None:
        """The brief's likelihood scale as a small table (Word's Table Grid), its source beneath."""
        self._heading(PrintedPart.SCALE)
        grid = self.doc.add_table(rows=0, cols=2)  # before the section's properties, after the paragraphs so far
        grid.style = self.doc.styles["Table Grid"]
        grid.autofit = False
        widths = (Mm(55), Mm(28))  # a small table, as in the PDF, not the page's width
        _put(grid._tbl.tblPr, _el("tblW", w=str(sum(w.twips for w in widths)), type="dxa"), _TBLPR_ORDER)
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        for i, row in enumerate((("Term", "Probability"), *table.rows)):
            cells = grid.add_row().cells
            for cell, value, width in zip(cells, row, widths, strict=True):
                cell.width = width
                para = cell.paragraphs[0]._p
                _el("pStyle", _el("pPr", para), val=self.style["Table Text"])
                _run(para, value, self.style["Strong"] if i == 0 else "")
        _run(self._p("Key"), table.caption)

    def _heading(self, key: PrintedPart) -> None:
        _run(self._p("Heading 1"), SECTION_TITLES[key])

    def _assessment(self, entry: ExpertAssessment) -> None:
        """A direct quotation in the Quote style with "— speaker, affiliation" beneath; reported speech upright,
        led by who said it in bold unless its text already says so (as the PDF, renderer._assessment)."""
        shown = entry.shown
        rtl = mainly_rtl(shown.text)
        if shown.quotation:
            _run(self._p("Quote", rtl=rtl, keep_next=True), shown.text)
        else:
            p = self._p("Reported Speech", rtl=rtl, keep_next=bool(shown.attribution))
            if shown.lead:
                speaker, affiliation = shown.lead
                if speaker:
                    _run(p, speaker, self.style["Strong"])
                if affiliation:
                    _run(p, ", " + affiliation if speaker else affiliation)
                _run(p, ": ")
            _run(p, shown.text)
            if not shown.attribution:
                self._cite(p, entry.citation)
        if shown.attribution:
            p = self._p("Attribution", rtl=mainly_rtl(shown.attribution), keep_next=bool(entry.judgement))
            _run(p, ATTRIBUTION_DASH + shown.attribution)
            self._cite(p, entry.citation)
        self._judgement(entry.judgement, "Judgement")
        self._note(entry.note, "Assessment Note")

    def _source(self, entry: SourceEntry) -> None:
        """``[n]`` then the entry, bookmarked as ``source_n`` for the citations; its address linked if http(s)."""
        p = self._p("Source", rtl=mainly_rtl(entry.title))
        number = next(self._ids)
        _el("bookmarkStart", p, id=str(number), name=f"source_{entry.number}")
        _run(p, f"[{entry.number}]\t" + " ".join((full_stop(entry.title), *entry.details)))
        if entry.url:
            _run(p, " ")
            target = safe_url(safe_text(entry.url))
            if target is not None and len(target) <= MAX_LINKED_URL:
                self._link(p, entry.url, url=target)
            else:
                _run(p, entry.url)
        _el("bookmarkEnd", p, id=str(number))

    # --- building
    def render(self) -> bytes:
        self._set_properties()
        self._set_pages()
        self._body()
        out = io.BytesIO()
        self.doc.save(out)
        return _fixed_times(out.getvalue(), self.when) if self.reproducible else out.getvalue()


def _fixed_times(data: bytes, when: datetime) -> bytes:
    """The package with every member dated ``when`` (at the earliest 1980, which zip cannot go below), so that
    the same brief under SOURCE_DATE_EPOCH gives the same bytes: python-docx dates them at the time of saving."""
    stamp = max(when.utctimetuple()[:6], (1980, 1, 1, 0, 0, 0))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, stamp)
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def render_docx(brief: Brief, page_size: str = "a4") -> bytes:
    """The Word document of ``brief`` as bytes, on A4 or Letter paper. Its created and modified dates are the
    time of export; with SOURCE_DATE_EPOCH set they are that time instead, and the same brief gives the same
    bytes."""
    from . import ExportError, checked_epoch  # here: the package imports this module

    epoch = checked_epoch(page_size)
    try:
        return WordWriter(brief, page_size, epoch).render()
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as e:
        raise ExportError(f"The Word document could not be made ({type(e).__name__}: {str(e)[:160]})") from e

"""The brief's PDF layout on ReportLab Platypus: fonts, styles, story and page decoration.

Structured after pretix's invoice renderer: ``_register_fonts``, ``_get_stylesheet`` (styles built
with ``parent=``), ``_get_story`` and page callbacks, built into a buffer. Every string from the
brief reaches ReportLab through :mod:`.markup`, never directly.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from .. import __version__
from ..core.brief import TLP_MARKS, Brief
from . import markup as m
from .archival import Archival, ArchivalCanvas, fix_reportlab
from .flowing import FlowingParagraph
from .fonts import clean, primary, primary_name
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
from .wording import long_date

PAGE_SIZES = {"a4": A4, "letter": LETTER}
# FIRST TLP 2.0: the label in these colours on a black background
TLP_COLOURS = {
    "TLP:RED": "#FF2B2B",
    "TLP:AMBER": "#FFC000",
    "TLP:AMBER+STRICT": "#FFC000",
    "TLP:GREEN": "#33FF00",
    "TLP:CLEAR": "#FFFFFF",
}
INK = colors.HexColor("#1a1a1a")
MUTED_HEX = "#5f6368"
MUTED = colors.HexColor(MUTED_HEX)
ACCENT_HEX = "#1f3b5c"
ACCENT = colors.HexColor(ACCENT_HEX)
BLUF_BACKGROUND_HEX = "#eef2f7"
BLUF_BACKGROUND = colors.HexColor(BLUF_BACKGROUND_HEX)
DRAFT_COLOUR = colors.HexColor("#e4e7ec")  # light grey: the text over it stays black on near-white
MARGIN = 20 * mm
NBSP = "\u00a0"  # ReportLab never breaks a line there: a citation stays in one piece
BANNER_GAP = 9 * mm  # from the paper's edge to the banner's middle
fix_reportlab()  # two things ReportLab writes that PDF/A forbids (see archival.fix_reportlab)


def reproducible_epoch() -> int | None:
    """The SOURCE_DATE_EPOCH asked for in the environment (seconds since 1970), or None."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {value[:40]!r}")
    return int(value)


class QuoteBar(Flowable):
    """A block quote: its paragraph with a rule down the left, splitting across pages like the paragraph."""

    def __init__(self, paragraph: FlowingParagraph, colour=ACCENT, gap: float = 9) -> None:
        super().__init__()
        self.paragraph, self.colour, self.gap = paragraph, colour, gap

    def wrap(self, avail_width, avail_height):
        self.width, self.height = self.paragraph.wrap(avail_width - self.gap, avail_height)
        return self.width + self.gap, self.height

    def split(self, avail_width, avail_height):
        return [QuoteBar(p, self.colour, self.gap) for p in self.paragraph.split(avail_width - self.gap, avail_height)]

    def getSpaceBefore(self):
        return self.paragraph.getSpaceBefore()

    def getSpaceAfter(self):
        return self.paragraph.getSpaceAfter()

    def draw(self):
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(2)
        self.canv.line(1, 0, 1, self.height)
        self.canv.restoreState()
        self.paragraph.drawOn(self.canv, self.gap, 0)


class CitedParagraph(FlowingParagraph):
    """A paragraph that ends with a citation such as [1, ¶4], linked to the entry of its source.

    The citation stays plain text in the paragraph's single run, and its link rectangle is added when
    the paragraph is drawn: a link tag would split every word into its own fragment and send
    ReportLab down its slow layout path (three times slower for a brief of facts).
    """

    carried = ("citation", "destination")

    def __init__(self, text, style, citation: str = "", destination: str = "", **kwargs) -> None:
        super().__init__(text, style, **kwargs)
        self.citation, self.destination = citation, destination

    def draw(self) -> None:
        super().draw()
        lines = self.citation and self.blPara.lines
        if not lines:
            return
        last = lines[-1]
        spare = last[0] if isinstance(last, tuple) else last.extraSpace  # fast-path lines are tuples
        style = self.style
        ascent = getattr(self.blPara, "ascent", style.fontSize)
        baseline = self.height - ascent - (len(lines) - 1) * style.leading
        right = self.width - style.rightIndent - spare
        left = right - stringWidth(self.citation, style.fontName, style.fontSize)
        self.canv.linkRect("", self.destination, (left, baseline - 0.3 * style.fontSize, right, baseline + ascent),
                           relative=1, thickness=0)  # fmt: skip

    def split(self, avail_width, avail_height):
        parts = super().split(avail_width, avail_height)
        if len(parts) > 1:  # only the last part ends with the citation
            for part in parts:
                part.citation, part.destination = "", ""
            parts[-1].citation, parts[-1].destination = self.citation, self.destination
        return parts


class Outlined(FlowingParagraph):
    """A paragraph that is also an entry of the PDF outline (a section's heading, or the BLUF box)."""

    carried = ("outline",)

    def __init__(self, text, style: ParagraphStyle, outline: tuple[str, str] | None = None, **kwargs) -> None:
        super().__init__(text, style, **kwargs)
        self.outline = outline

    def split(self, avail_width, avail_height):
        parts = super().split(avail_width, avail_height)
        for part in parts[1:]:  # the outline entry points at the first part only
            part.outline = None
        return parts


def numbered_canvas(page_label_font: str, page_size, archival: Archival | None = None) -> type[Canvas]:
    """A canvas that writes "Page n of m" once the number of pages is known (at save), and saves an archival
    PDF/A-3u given ``archival`` (see archival.ArchivalCanvas)."""

    class NumberedCanvas(ArchivalCanvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()
            # the document names pages as they are written, which is only at save: count them now, so
            # that an outline entry or a link target made on page n refers to page n, not to page 1
            self._doc.pageCounter += 1

        def save(self):
            total = len(self._pages)
            self._doc.pageCounter = 1  # the pages are written now, from the first
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(page_label_font, 8)
                self.setFillColor(MUTED)
                self.drawRightString(page_size[0] - MARGIN, BANNER_GAP - 3, f"Page {self._pageNumber} of {total}")
                super().showPage()
            super().save()

    NumberedCanvas.archival = archival
    return NumberedCanvas


class _BriefDocTemplate(BaseDocTemplate):
    def afterFlowable(self, flowable):
        outline = getattr(flowable, "outline", None)
        if outline:
            label, key = outline
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(label, key, level=0)


class BriefRenderer:
    """Renders one brief. ``render()`` returns the PDF bytes; ``pages`` is set afterwards."""

    def __init__(
        self,
        brief: Brief,
        page_size: str = "a4",
        progress: Callable[[float], None] | None = None,
        archival: Archival | None = None,
    ) -> None:
        self.brief = brief
        self.outline = outline(brief)
        self.page_size = PAGE_SIZES[page_size.lower()]
        self.progress = progress
        self.archival = archival
        self.pages = 0
        self._register_fonts()
        self.styles = self._get_stylesheet()

    # --- fonts and styles
    def _register_fonts(self) -> None:
        # regular and bold are parsed now: the page furniture draws in them. Italic (notes, quotations) is
        # parsed when markup first sets text in it, so a brief without either never pays for it (~6 ms a
        # process); no part of a brief is bold italic.
        self.font = {style: primary(style) for style in ("regular", "bold")}
        self.font["italic"] = primary_name("italic")

    def _get_stylesheet(self) -> dict[str, ParagraphStyle]:
        f = self.font
        base = ParagraphStyle(
            "Base", fontName=f["regular"], bulletFontName=f["regular"], fontSize=10, leading=14.2, textColor=INK,
            splitLongWords=1, allowWidows=0, allowOrphans=0,
        )  # fmt: skip
        s = {"base": base}
        s["title"] = ParagraphStyle("Title", parent=base, fontName=f["bold"], fontSize=19, leading=24, spaceAfter=3)
        s["title"].spaceAfter = 6
        s["memo"] = ParagraphStyle("Memo", parent=base, fontSize=9, leading=12.5, leftIndent=27 * mm, spaceAfter=1)
        s["heading"] = ParagraphStyle(
            "Heading", parent=base, fontName=f["bold"], fontSize=12.5, leading=16, textColor=ACCENT,
            spaceBefore=14, spaceAfter=6, keepWithNext=1,
        )  # fmt: skip
        s["bluf"] = ParagraphStyle(
            "Bluf", parent=base, fontSize=10.5, leading=15, backColor=BLUF_BACKGROUND,
            borderPadding=(7, 9, 8, 9),  # type: ignore[arg-type]  # ReportLab takes a tuple (top, right...): stubs say float
            leftIndent=9, rightIndent=9, spaceBefore=12, spaceAfter=12,
        )  # fmt: skip
        s["fact"] = ParagraphStyle("Fact", parent=base, leftIndent=20, bulletIndent=0, spaceAfter=5)
        s["note"] = ParagraphStyle(
            "Note", parent=base, fontName=f["italic"], fontSize=8.5, leading=11.5, textColor=MUTED, leftIndent=20,
            spaceBefore=-2, spaceAfter=6,
        )  # fmt: skip
        s["quote"] = ParagraphStyle("Quote", parent=base, fontName=f["italic"], leading=14.5, spaceBefore=4)
        s["reported"] = ParagraphStyle("Reported", parent=s["quote"], fontName=f["regular"])
        s["reported_cited"] = ParagraphStyle("ReportedCited", parent=s["reported"], spaceAfter=8)
        s["attribution"] = ParagraphStyle("Attribution", parent=base, fontSize=9.5, leftIndent=9, spaceAfter=8)
        s["assessment_note"] = ParagraphStyle("AssessmentNote", parent=s["note"], leftIndent=9)
        s["body"] = ParagraphStyle("Body", parent=base, spaceAfter=6)
        # a judgement's likelihood and confidence, in words beneath it (the BLUF's and the comment's above)
        s["judgement"] = ParagraphStyle("Judgement", parent=base, fontSize=9, leading=12, textColor=ACCENT,
                                        leftIndent=9, spaceAfter=8)  # fmt: skip
        s["fact_judgement"] = ParagraphStyle("FactJudgement", parent=s["judgement"], leftIndent=20)
        s["comment_judgement"] = ParagraphStyle("CommentJudgement", parent=s["judgement"], leftIndent=0)
        # the line a judgement follows keeps it close (a frame keeps the larger of two spaces, never a negative one)
        for name in ("attribution", "reported_cited", "fact"):
            s[f"{name}_judged"] = ParagraphStyle(f"{s[name].name}Judged", parent=s[name], spaceAfter=1)
        s["key"] = ParagraphStyle("Key", parent=base, fontSize=8, leading=10.5, textColor=MUTED, spaceBefore=4)
        s["cell"] = ParagraphStyle("Cell", parent=base, fontSize=9, leading=11.5)
        s["source"] = ParagraphStyle(
            "Source", parent=base, fontSize=9, leading=12.5, leftIndent=22, bulletIndent=0, spaceAfter=5
        )
        s["banner"] = ParagraphStyle(
            "Banner", parent=base, fontName=f["bold"], fontSize=9, leading=11, alignment=TA_CENTER, textColor=INK
        )
        s["running"] = ParagraphStyle("Running", parent=base, fontSize=8, leading=10, textColor=MUTED)
        return s

    # --- the story
    def _get_story(self) -> list[Flowable]:
        o, s = self.outline, self.styles
        story: list[Flowable] = [FlowingParagraph(m.text(o.title, "bold"), s["title"])]
        label = f'<bullet font="{self.font["bold"]}" size="7.5" color="{MUTED_HEX}">{{}}</bullet>'
        story += [FlowingParagraph(label.format(caption.upper()) + m.lines(value), s["memo"])
                  for caption, value in o.memo]  # fmt: skip
        if o.bluf or o.bluf_judgement:
            heading = f'<font name="{self.font["bold"]}" size="8" color="{ACCENT_HEX}">BOTTOM LINE UP FRONT</font>'
            parts = [self._bold(o.bluf_judgement)] if o.bluf_judgement else []
            parts += ["<br/><br/>".join(m.lines(block) for block in o.bluf)] if o.bluf else []
            bookmark = (SECTION_TITLES[PrintedPart.BLUF], PrintedPart.BLUF)
            story.append(Outlined("<br/>".join([heading, *parts]), s["bluf"], bookmark))
        if o.key_facts:
            story.append(self._heading(PrintedPart.KEY_FACTS))
            for fact in o.key_facts:
                style = s["fact_judged"] if fact.judgement else s["fact"]
                story.append(self._cited(m.text(fact.text), fact.citation, style, bulletText=f"{fact.number}."))
                story += self._judgement(fact.judgement, s["fact_judgement"])
                story += self._note(fact.note, s["note"])
        if o.assessments:
            story.append(self._heading(PrintedPart.EXPERT_ASSESSMENTS))
            for entry in o.assessments:
                story += self._assessment(entry)
        if o.comment or o.comment_judgement:
            story.append(self._heading(PrintedPart.COMMENT))
            story += self._judgement(o.comment_judgement, s["comment_judgement"])
            story += [FlowingParagraph(m.lines(block), s["body"]) for block in o.comment]
        if o.sources:
            story.append(self._heading(PrintedPart.SOURCES))
            for source in o.sources:
                story.append(FlowingParagraph(self._source_entry(source), s["source"], bulletText=f"[{source.number}]"))
            if o.grades_key:
                story.append(FlowingParagraph(m.text(o.grades_key), s["key"]))
        if o.scale:
            story.append(self._scale(o.scale))
        return story

    def _bold(self, value: str) -> str:
        return f'<font name="{self.font["bold"]}">{m.text(value, "bold")}</font>'

    def _judgement(self, words: str, style: ParagraphStyle) -> list[Flowable]:
        """A judgement's likelihood and confidence, "Likely (55–80%); moderate confidence", in bold words."""
        return [FlowingParagraph(self._bold(words), style)] if words else []

    def _scale(self, table: ScaleTable) -> Flowable:
        """The brief's likelihood scale as a small table after the sources, kept on one page with its heading."""
        s = self.styles
        caption = FlowingParagraph(m.text(table.caption), s["key"])
        rows = [[FlowingParagraph(self._bold(a), s["cell"]), FlowingParagraph(self._bold(b), s["cell"])]
                for a, b in (("Term", "Probability"),)]  # fmt: skip
        rows += [[FlowingParagraph(m.text(term), s["cell"]), FlowingParagraph(m.text(p), s["cell"])]
                 for term, p in table.rows]  # fmt: skip
        grid = Table(rows, colWidths=[52 * mm, 26 * mm], hAlign="LEFT")
        grid.setStyle(TableStyle([
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#d0d4da")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))  # fmt: skip
        return KeepTogether([self._heading(PrintedPart.SCALE), grid, caption])

    def _heading(self, key: PrintedPart) -> Outlined:
        label = SECTION_TITLES[key]
        return Outlined(m.text(label, "bold"), self.styles["heading"], (label, key))

    def _cited(self, body: str, cited: Citation, style: ParagraphStyle, **kwargs) -> CitedParagraph:
        """``body`` followed by its citation [source, ¶paragraph], linked to the source's entry; the citation
        never breaks across lines."""
        mark = str(cited).replace(" ", NBSP)
        return CitedParagraph(f"{body} {m.text(mark)}", style, mark, f"source-{cited.source}", **kwargs)

    def _assessment(self, entry: ExpertAssessment) -> list[Flowable]:
        """An expert assessment: a direct quotation in quotation marks with "— speaker, affiliation" beneath;
        reported speech upright, led by who said it unless its text already says so (never twice)."""
        s, shown = self.styles, entry.shown
        judged = "_judged" if entry.judgement else ""
        if shown.quotation:
            out: list[Flowable] = [QuoteBar(FlowingParagraph(m.text(shown.text, "italic"), s["quote"]))]
        else:
            body = m.text(shown.text)
            if shown.lead:
                speaker, affiliation = shown.lead
                name = f'<font name="{self.font["bold"]}">{m.text(speaker, "bold")}</font>' if speaker else ""
                body = ", ".join(x for x in (name, m.text(affiliation)) if x) + ": " + body
            if not shown.attribution:
                cited = self._cited(body, entry.citation, s[f"reported_cited{judged}"])
                words = self._judgement(entry.judgement, s["judgement"])
                return [QuoteBar(cited), *words, *self._note(entry.note, s["assessment_note"])]
            out = [QuoteBar(FlowingParagraph(body, s["reported"]))]
        out.append(self._cited(m.text(ATTRIBUTION_DASH + shown.attribution), entry.citation, s[f"attribution{judged}"]))
        return out + self._judgement(entry.judgement, s["judgement"]) + self._note(entry.note, s["assessment_note"])

    def _note(self, note: str, style: ParagraphStyle) -> list[Flowable]:
        return [FlowingParagraph(NOTE_LABEL + m.lines(note, "italic"), style)] if note else []

    def _source_entry(self, entry: SourceEntry) -> str:
        parts = [m.anchor(f"source-{entry.number}") + m.text(full_stop(entry.title))]
        parts += [m.text(d) for d in entry.details]
        text = " ".join(parts)
        return f"{text} {m.link(m.text(entry.url), entry.url)}" if entry.url else text

    # --- page decoration
    def _banner(self, canvas: Canvas, y: float) -> None:
        mark = self.brief.handling
        width = self.page_size[0]
        if mark in TLP_MARKS:
            canvas.setFont(self.font["bold"], 9)
            w = canvas.stringWidth(mark, self.font["bold"], 9) + 12
            canvas.setFillColor(colors.black)
            canvas.roundRect(width / 2 - w / 2, y - 6, w, 13, 2, stroke=0, fill=1)
            canvas.setFillColor(colors.HexColor(TLP_COLOURS[mark]))
            canvas.drawCentredString(width / 2, y - 2.6, mark)
        else:
            p = Paragraph(m.text(mark, "bold"), self.styles["banner"])
            _, h = p.wrap(width - 2 * MARGIN - 60 * mm, 30)
            p.drawOn(canvas, MARGIN + 30 * mm, y - h / 2)

    def _watermark(self, canvas: Canvas) -> None:
        """DRAFT across the page, light enough to read the text over it (drawn first, so beneath it)."""
        width, height = self.page_size
        size = 0.16 * width
        canvas.saveState()
        canvas.setFillColor(DRAFT_COLOUR)
        canvas.setFont(self.font["bold"], size)
        canvas.translate(width / 2, height / 2)
        canvas.rotate(math.degrees(math.atan2(height, width)))
        canvas.drawCentredString(0, -size / 3, DRAFT_MARK)
        canvas.restoreState()

    def _on_page(self, canvas: Canvas, doc) -> None:
        if self.outline.draft:
            self._watermark(canvas)
        canvas.saveState()
        height = self.page_size[1]
        self._banner(canvas, height - BANNER_GAP)
        self._banner(canvas, BANNER_GAP)
        if doc.page > 1:
            running = Paragraph(m.text(self.outline.running_title), self.styles["running"])
            _, h = running.wrap(self.page_size[0] - 2 * MARGIN - 30 * mm, 12)
            running.drawOn(canvas, MARGIN, height - MARGIN + 3 * mm)
            if self.brief.date:
                canvas.setFont(self.font["regular"], 8)
                canvas.setFillColor(MUTED)
                canvas.drawRightString(
                    self.page_size[0] - MARGIN, height - MARGIN + 3 * mm + 1, long_date(self.brief.date)
                )
            canvas.setStrokeColor(colors.HexColor("#d0d4da"))
            canvas.setLineWidth(0.5)
            canvas.line(MARGIN, height - MARGIN + 1.5 * mm, self.page_size[0] - MARGIN, height - MARGIN + 1.5 * mm)
        canvas.restoreState()

    # --- building
    def render(self) -> bytes:
        b = self.brief
        buffer = io.BytesIO()
        frame = Frame(MARGIN, MARGIN, self.page_size[0] - 2 * MARGIN, self.page_size[1] - 2 * MARGIN, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        doc = _BriefDocTemplate(
            buffer,
            pagesize=self.page_size,
            pageTemplates=[PageTemplate("page", [frame], onPage=self._on_page)],
            title=clean(b.title or "Untitled brief"),
            author=clean(b.author),
            subject=clean(self.outline.subject),
            keywords=[clean(k) for k in self.outline.keywords],
            creator=f"briefing-app {__version__}",
            # CreationDate and ModDate are the time of export; with SOURCE_DATE_EPOCH (the reproducible-builds
            # convention, which ReportLab reads itself) they are that time and the bytes are the same each run
            invariant=1 if reproducible_epoch() is not None else 0,
            lang="en",
            initialFontName=self.font["regular"],  # else every page refers to an unembedded Helvetica
            initialFontSize=10,
        )
        if self.progress:
            doc.setProgressCallBack(self._progress_callback(self.progress))
        story = self._get_story()
        doc.build(story, canvasmaker=numbered_canvas(self.font["regular"], self.page_size, self.archival))
        self.pages = doc.page
        return buffer.getvalue()

    @staticmethod
    def _progress_callback(progress: Callable[[float], None]) -> Callable[[str, int], None]:
        total = [1]

        def on_progress(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                total[0] = max(1, value)
            elif kind == "PROGRESS":
                progress(min(1.0, value / total[0]))

        return on_progress

"""A ReportLab paragraph that flows across any number of pages in time linear in its length.

ReportLab's ``Paragraph.split`` keeps the lines that fit and makes the rest a new paragraph, which is
broken into lines afresh on the next page, and again on each page after: a field of many pages cost
the square of its length (a 400 KB note took 21 s, a 1 MB one did not finish in two minutes). It also
makes its parts with ``self.__class__(None, style, bulletText=..., frags=...)``, a signature a subclass
with other arguments refuses (``TypeError ... 'bulletText'``: a BLUF longer than a page could not be
exported).

:class:`FlowingParagraph` breaks its text into lines once for a width (the lines depend on the width
only, never on the height offered). A split hands each part its share of those lines, ready to draw;
a part's own fragments are rebuilt only if it is ever laid out at another width. Parts are made
without calling a constructor; a subclass names the attributes its parts keep (a citation, an outline
entry) in ``carried``. What is drawn is the same, byte for byte, as with ReportLab's own split.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines
from reportlab.platypus.paraparser import ParaFrag
from reportlab.rl_config import _FUZZ


class FlowingParagraph(Paragraph):
    """A Paragraph broken into lines once per width, whose split costs the lines of the part that fits."""

    # what a subclass keeps in its parts (they are not made by its constructor)
    carried: tuple[str, ...] = ()
    # (function, line structure, first line, end line) that makes a part's fragments when they are needed
    _frag_source: tuple[Callable, ParaLines | ParaFrag, int, int] | None = None
    # (function, line structure, first line): the whole that this part's lines are a slice of, while valid
    _origin: tuple[Callable, ParaLines | ParaFrag, int] | None = None
    # the width self.blPara was broken for
    _broken_width: float | None = None
    # set by ReportLab's Paragraph (in __init__ and wrap), which its type stubs leave out
    blPara: ParaLines | ParaFrag  # the lines the text was broken into
    debug: int
    _wrapWidths: list[float] | None

    @property
    def frags(self):
        source = self.__dict__.pop("_frag_source", None)
        if source is not None:
            make, whole, start, stop = source
            self._frags = make(whole, start, stop)
        return self._frags

    @frags.setter
    def frags(self, value) -> None:
        self.__dict__.pop("_frag_source", None)
        self._frags = value

    def _fixed_leading(self) -> bool:
        """Whether every line is ``style.leading`` high (else ReportLab measures each line: its way is kept)."""
        style = self.style
        return getattr(self, "autoLeading", getattr(style, "autoLeading", "")) in ("", "off") and not style.endDots

    def wrap(self, availWidth, availHeight):
        if self._broken_width == availWidth and "blPara" in self.__dict__ and self._fixed_leading():
            self.width = availWidth
            self.height = len(self.blPara.lines) * self.style.leading
            return self.width, self.height
        self._origin = None  # broken again: no longer a slice of the whole's lines
        size = super().wrap(availWidth, availHeight)
        self._broken_width = availWidth if availWidth >= _FUZZ else None
        return size

    def split(self, availWidth, availHeight):
        if not self._fixed_leading():
            self._broken_width = self._origin = None
            return super().split(availWidth, availHeight)
        if availWidth < _FUZZ or availHeight < _FUZZ:
            return []
        self.wrap(availWidth, availHeight)  # nothing to do when already broken for this width
        style = self.style
        lines = self.blPara.lines
        n = len(lines)
        if n == 0:
            return []
        # how many lines fit, keeping widows and orphans as ReportLab does
        s = int(availHeight / float(style.leading))
        allow_orphans = getattr(self, "allowOrphans", getattr(style, "allowOrphans", 0))
        if (not allow_orphans and s <= 1) or s == 0:
            return []
        if n <= s:
            return [self]
        if not getattr(self, "allowWidows", getattr(style, "allowWidows", 1)) and n == s + 1:
            if (allow_orphans and n == 3) or n > 3:
                s -= 1
            else:
                return []
        make, whole, base = self._origin or (self._get_split_blParaFunc(), self.blPara, 0)
        first = self._part(make, whole, base, lines[:s], style, self.bulletText)
        last_line = lines[s - 1]
        first._JustifyLast = not (isinstance(last_line, FragLine) and getattr(last_line, "lineBreak", False))
        first._splitpara = 1
        if style.firstLineIndent != 0:
            style = deepcopy(style)
            style.firstLineIndent = 0
        return [first, self._part(make, whole, base + s, lines[s:], style, None)]

    def _part(self, make, whole, start: int, lines: list, style, bullet_text) -> FlowingParagraph:
        """A new paragraph of this class holding ``lines``, lines ``start``.. of ``whole`` (the structure they
        were broken into), drawn without breaking them again. Like ReportLab's parts it starts afresh (a copy
        would carry the page layout's marks, such as "postponed once"), with the attributes in ``carried``."""
        part = object.__new__(type(self))
        part.caseSensitive, part.encoding, part.debug = self.caseSensitive, self.encoding, self.debug
        part.text = None  # type: ignore[assignment]  # the stubs say str; ReportLab's own parts have None too
        part.style, part.bulletText = style, bullet_text
        for name in ("autoLeading", *self.carried):
            if name in self.__dict__:
                setattr(part, name, self.__dict__[name])
        part.blPara = whole.clone(lines=lines)
        part.width, part._wrapWidths = self.width, getattr(self, "_wrapWidths", None)
        part.height = len(lines) * style.leading
        part._broken_width = self.width
        part._origin = (make, whole, start)
        part._frag_source = (make, whole, start, start + len(lines))
        return part

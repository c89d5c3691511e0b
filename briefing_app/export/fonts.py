"""The export's fonts: a chain of bundled TrueType fonts, checked character by character.

Each run of text is set in the first font of the chain that has all of its characters (see
``resources/fonts/README.md``), so no glyph is ever missing: a character no font has becomes a
visible ``[U+XXXX]``. Fonts are parsed and registered with ReportLab on first use only: a brief in
English never pays for the 9 MB of Korean and Chinese fonts.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..resources import resource

STYLES = ("regular", "bold", "italic", "bolditalic")

# (family, {style: file}); a style a family lacks falls back to its bold or regular file
CHAIN: tuple[tuple[str, dict[str, str]], ...] = (
    ("NotoSans", {"regular": "NotoSans-Regular.ttf", "bold": "NotoSans-Bold.ttf",
                  "italic": "NotoSans-Italic.ttf", "bolditalic": "NotoSans-BoldItalic.ttf"}),
    ("DejaVuSans", {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}),
    ("NanumGothic", {"regular": "NanumGothic.ttf", "bold": "NanumGothicBold.ttf"}),
    ("DroidSansFallback", {"regular": "DroidSansFallbackFull.ttf"}),
)  # fmt: skip

_lock = threading.Lock()  # exports may run in a worker thread while another one starts


def _file_for(files: dict[str, str], style: str) -> str:
    if style in files:
        return files[style]
    return files["bold"] if "bold" in style and "bold" in files else files["regular"]


@dataclass(frozen=True)
class Face:
    """One font file of the chain, registered with ReportLab under ``name`` when first needed."""

    name: str
    file: str

    @cached_property
    def font(self) -> TTFont:
        with _lock:
            # getFont() on an unknown name first parses every Type 1 font on the disk (~1 s): ask the registry
            if self.name in pdfmetrics.getRegisteredFontNames():
                registered = pdfmetrics.getFont(self.name)
                if isinstance(registered, TTFont):  # a Type 1 font of that name would have no glyph map
                    return registered
            font = TTFont(self.name, str(resource(f"fonts/{self.file}")))
            pdfmetrics.registerFont(font)
            return font

    @cached_property
    def missing(self) -> re.Pattern[str]:
        """Matches any character this face has no glyph for."""
        codes = sorted(self.font.face.charToGlyph)
        ranges, start, prev = [], codes[0], codes[0]
        for c in codes[1:] + [-1]:
            if c != prev + 1:
                ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
                start = c
            prev = c
        return re.compile(f"[^{''.join(ranges)}\\s]")

    def has(self, char: str) -> bool:
        return char.isspace() or ord(char) in self.font.face.charToGlyph


def faces(style: str) -> tuple[Face, ...]:
    """The chain for one style, best font first; a face is named after its file, e.g. NotoSans-Bold."""
    return tuple(Face(Path(file).stem, file) for file in (_file_for(files, style) for _, files in CHAIN))


_CHAINS = {style: faces(style) for style in STYLES}
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def primary(style: str = "regular") -> str:
    """The ReportLab font name of the main face for ``style`` (registering it)."""
    face = _CHAINS[style][0]
    _ = face.font
    return face.name


def primary_name(style: str = "regular") -> str:
    """The name :func:`primary` gives, without parsing or registering the face (~6 ms each): for a style
    whose every paragraph is set through :mod:`.markup`, which registers it first."""
    return _CHAINS[style][0].name


def clean(text: str) -> str:
    """Drop control and invisible formatting characters, which no font draws and PDF viewers mangle."""
    return _UNPRINTABLE.sub("", text)


def runs(text: str, style: str = "regular") -> list[tuple[str | None, str]]:
    """Split ``text`` into (face name, chunk) runs; face None marks characters no font has.

    The common case, text the main font covers entirely, costs one regular-expression search; otherwise
    the main font's stretches are taken whole and only the other characters looked up one by one. Runs
    are collected as lists and joined once: adding to a string a character at a time was quadratic
    (a field of 100,000 Thai characters took minutes).
    """
    chain = _CHAINS[style]
    main = chain[0]
    if not main.missing.search(text):
        return [(main.name, text)]
    names: list[str | None] = []
    chunks: list[list[str]] = []

    def add(name: str | None, chunk: str) -> None:
        if names and names[-1] == name:
            chunks[-1].append(chunk)
        else:
            names.append(name)
            chunks.append([chunk])

    face_of: dict[str, str | None] = {}  # a script repeats its characters
    pos = 0
    for m in main.missing.finditer(text):
        start = m.start()
        if start > pos:
            add(main.name, text[pos:start])
        char = text[start]
        if char not in face_of:
            face = next((f for f in chain[1:] if f.has(char)), None)
            face_of[char] = face.name if face else None
        add(face_of[char], char)
        pos = start + 1
    if pos < len(text):
        add(main.name, text[pos:])
    return [(name, "".join(chunk)) for name, chunk in zip(names, chunks, strict=True)]


def describe_missing(char: str) -> str:
    """How a character no font has is printed: its code point, e.g. [U+1F600]."""
    return f"[U+{ord(char):04X}]"

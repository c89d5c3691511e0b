"""The export's fonts: a chain of bundled TrueType fonts, checked character by character.

Each run of text is set in the first font of the chain that has all of its characters (see
``resources/fonts/README.md``), so no glyph is ever missing: a character no font has becomes a
visible ``[U+XXXX]``. Fonts are parsed and registered with ReportLab on first use only: a brief in
English never pays for the 9 MB of Korean and Chinese fonts. A parsed face is kept in the user's cache
folder (``core/kept.py``): parsing a NotoSans face takes 12-13 ms, reading it back 3 ms, in every export
process (the command line's, the window's workers).
"""

from __future__ import annotations

import pickle
import re
import sys
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from ..core import kept
from ..core.logs import cache_folder
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
            font = parsed(self.name, Path(str(resource(f"fonts/{self.file}"))))
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


_KEPT_HEADER = b"briefing-app parsed TrueType face\n"
# how each face this process parsed was got: "kept" (read back from the cache folder) or "parsed"
origin: dict[str, str] = {}


def parsed(name: str, path: Path) -> TTFont:
    """The font in ``path`` as ReportLab's ``TTFont(name, path)`` makes it: read back from the cache folder
    when this ReportLab parsed this very file before (same path, size and time), else parsed and kept. The
    state kept is the font's and its face's attributes, but for the file's bytes (read again) and two that
    cannot be pickled and are made again as ReportLab makes them (the face's scale, the font's per-document
    state); anything else unpicklable, or any failure reading it back, and the font is simply parsed."""
    try:
        stat = path.stat()
        key = kept.key_of(name.encode(), str(path).encode(), f"{stat.st_size}:{stat.st_mtime_ns}".encode(),
                          reportlab.Version.encode(), sys.implementation.cache_tag.encode())  # fmt: skip
    except OSError:
        key = None
    where = cache_folder() / f"font-{name}.bin"
    payload = kept.read(where, _KEPT_HEADER, key) if key is not None else None
    if payload is not None:
        try:
            font = _restored(pickle.loads(payload), path)
            origin[name] = "kept"
            return font
        except Exception:  # a payload that passed its digest yet fails is made again, like any other bad file
            pass
    font = TTFont(name, str(path))
    origin[name] = "parsed"
    if key is not None:
        try:
            state = pickle.dumps(_state(font), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # a ReportLab whose fonts hold something else that cannot be pickled
            return font
        kept.write(where, _KEPT_HEADER, key, state)
    return font


_UNKEPT_FACE = ("_ttf_data", "_pdfScale")
_UNKEPT_FONT = ("face", "state")


def _state(font: TTFont) -> dict:
    return {"font": {k: v for k, v in vars(font).items() if k not in _UNKEPT_FONT},
            "face": {k: v for k, v in vars(font.face).items() if k not in _UNKEPT_FACE}}  # fmt: skip


def _restored(state: dict, path: Path) -> TTFont:
    face = TTFontFace.__new__(TTFontFace)
    units = state["face"]["unitsPerEm"]
    scale = (lambda x: x) if units == 1000 else (lambda x: x * (1000 / units))  # as ReportLab's parser makes it
    face.__dict__.update(state["face"], _ttf_data=path.read_bytes(), _pdfScale=scale)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(state["font"])
    font.face = face
    font.state = WeakKeyDictionary()
    return font


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

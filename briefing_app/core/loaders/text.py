"""Decoding text files: a byte-order mark decides first, then strict UTF-8, and only then a detector.

Most files are UTF-8; trying it strictly first means a detector never second-guesses a valid UTF-8
file. For the rest (Windows-1252, KOI8-R, Shift_JIS...) charset-normalizer guesses, and the user can
always name the encoding instead.
"""

from __future__ import annotations

import codecs
import re

from .errors import ArticleError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes near the start mean a binary file (text with a BOM is checked before this)."""
    return b"\x00" in data[:8192]


def decode_text(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes; returns (text, the encoding used)."""
    if encoding:
        text = _decode_as(data, name, encoding)
        return text, codecs.lookup(encoding).name
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, enc).lstrip("\ufeff"), enc
    if looks_binary(data):
        raise ArticleError(f"{name} looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # loaded only for files that need a guess

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ArticleError(f"cannot tell which text encoding {name} uses; open it with the encoding named")
    text = str(best)
    if len(_CONTROL.findall(text[:20000])) > 20:
        raise ArticleError(f"{name} looks like a binary file, not text")
    return text, best.encoding


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    if not _known(encoding):
        raise ArticleError(f"unknown text encoding {encoding!r}")
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as e:
        raise ArticleError(
            f"{name} is not valid {encoding} text (byte 0x{data[e.start]:02x} at offset {e.start})"
        ) from None

"""Decoding text files: a byte-order mark decides first, then strict UTF-8, and only then a detector.

Most files are UTF-8; trying it strictly first means a detector never second-guesses a valid UTF-8
file. UTF-16 without a byte-order mark (what some Windows tools write) is recognised by its zero bytes
in every other place. For the rest (Windows-1252, KOI8-R, Shift_JIS...) charset-normalizer guesses;
among guesses it finds about as likely, Windows-1252 wins, since most such files are Western European
text and the others (Windows-1250, -1257) would turn "Lefèvre" into "Lefčvre". The user can always
name the encoding instead; only text encodings are accepted (not rot13, base64 or zlib, which Python
also calls codecs).
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from .errors import ArticleError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# codecs that decode bytes to str but are no text encoding: they would turn a file into something else
_NOT_TEXT = {"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined", "charmap"}
_NEAR_TIE_CHAOS = 1.0  # charset-normalizer's "chaos" (per cent of odd characters) within this counts as a tie
PREFERRED_GUESS = "cp1252"


def looks_binary(data: bytes) -> bool:
    """NUL bytes near the start mean a binary file (text with a BOM is checked before this)."""
    return b"\x00" in data[:8192]


def text_encoding(encoding: str) -> str:
    """The codec's own name for ``encoding``, if it is a text encoding; else ArticleError in one line."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError, TypeError):
        raise ArticleError(f"Unknown text encoding {encoding!r}") from None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_TEXT:
        raise ArticleError(
            f"{encoding!r} is not a text encoding (it is a codec for transforming data); "
            "name one such as utf-8, cp1252 or koi8-r"
        )
    return info.name


def decode_text(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode a text file's bytes; returns (text, the encoding used)."""
    if encoding:
        used = text_encoding(encoding)
        return _decode_as(data, name, used), used
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, enc).lstrip("\ufeff"), enc
    if looks_binary(data):
        found = _utf16_without_bom(data)
        if found is None:
            raise ArticleError(f"{name} looks like a binary file, not text")
        return found
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # loaded only for files that need a guess

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise ArticleError(f"cannot tell which text encoding {name} uses; open it with the encoding named")
    text, used = str(best), best.encoding
    if PREFERRED_GUESS not in best.could_be_from_charset and any(
        PREFERRED_GUESS in m.could_be_from_charset and m.percent_chaos <= best.percent_chaos + _NEAR_TIE_CHAOS
        for m in matches
    ):
        try:
            text, used = data.decode(PREFERRED_GUESS), PREFERRED_GUESS
        except UnicodeDecodeError:
            pass
    if len(_CONTROL.findall(text[:20000])) > 20:
        raise ArticleError(f"{name} looks like a binary file, not text")
    return text, used


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) if ``data`` reads as UTF-16 without a byte-order mark; None for a binary file.

    Text in an alphabet (Latin, Greek, Cyrillic, Hebrew, Arabic...) has the same one or two bytes in every
    other place: zero for ASCII letters, spaces and line ends, and the script's own block (0x04 for
    Cyrillic); the places between vary and are seldom zero."""
    head = data[:8192]
    for encoding, high, low in (("utf-16-le", head[1::2], head[0::2]), ("utf-16-be", head[0::2], head[1::2])):
        if len(high) < 8 or low.count(0) > 0.02 * len(low) or high.count(0) < 0.05 * len(high):
            continue
        two_most_common = sum(n for _, n in Counter(high).most_common(2))
        if two_most_common < 0.9 * len(high):
            continue
        try:
            text = data[: len(data) // 2 * 2].decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:20000]
        if (
            "\x00" not in sample
            and len(_CONTROL.findall(sample)) <= len(sample) // 200
            and any(c in sample for c in " \n")
        ):
            return text, encoding
    return None


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as e:
        raise ArticleError(
            f"{name} is not valid {encoding} text (byte 0x{data[e.start]:02x} at offset {e.start})"
        ) from None
    except (UnicodeError, ValueError) as e:  # e.g. utf-7 or a CJK codec refusing in its own way
        raise ArticleError(f"{name} cannot be read as {encoding} text ({str(e)[:80]})") from None

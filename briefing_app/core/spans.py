"""Turning a rough selection into the span an analyst meant: whole words, no surrounding white space."""

from __future__ import annotations


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that it neither starts nor ends inside a word, then drop white space at
    both ends. Returns ``(start, start)`` when the selection holds only white space."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, start
    while start > 0 and _word_char(text, start - 1) and _word_char(text, start):
        start -= 1
    while end < len(text) and _word_char(text, end) and _word_char(text, end - 1):
        end += 1
    return start, end


def _word_char(text: str, i: int) -> bool:
    """A letter or digit, or an apostrophe, hyphen or digit separator between two of them."""
    ch = text[i]
    if ch.isalnum():
        return True
    if ch in "'’-‐" or (ch in ".," and _digits_around(text, i)):
        return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
    return False


def _digits_around(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()

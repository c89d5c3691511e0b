"""Turning a rough selection into the span an analyst meant: whole words, no surrounding white space, and
the sentence's closing punctuation when the selection reaches its last word."""

from __future__ import annotations

# what may close a sentence, and the quote marks and brackets that may stand around that punctuation
SENTENCE_END = ".!?…"
CLOSERS = "\"'”’»›)]"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so that it neither starts nor ends inside a word, then drop white space at
    both ends. A selection that reaches the last word of a sentence takes the sentence's closing
    punctuation and closing quote marks too (``decided.”``), as a drag that stops a letter short meant.
    Returns ``(start, start)`` when the selection holds only white space."""
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
    return start, _sentence_close(text, end)


def _sentence_close(text: str, end: int) -> int:
    """``end`` moved past closing punctuation and quote marks (``.”``, ``?!``, ``”.``) when they end a
    sentence there: at least one of them is a full stop, question or exclamation mark or ellipsis, and
    white space or the end of the text follows. Otherwise (a comma, a quote mid-sentence) ``end``."""
    word_end = end  # the end of the last word, before any closing marks the selection already holds
    while word_end > 0 and text[word_end - 1] in SENTENCE_END + CLOSERS:
        word_end -= 1
    if word_end == 0 or not text[word_end - 1].isalnum():
        return end
    stop = word_end
    while stop < len(text) and text[stop] in SENTENCE_END + CLOSERS:
        stop += 1
    closes = any(ch in SENTENCE_END for ch in text[word_end:stop])
    if closes and stop > end and (stop == len(text) or text[stop].isspace()):
        return stop
    return end


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

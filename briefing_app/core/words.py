"""Word lists that core and the outputs share: the words that leave a reader asking who or what is meant.

An item is cut out of its article: one that opens with "he", "they", "it" or "this" has lost what the
word refers to. The printed outputs lead such an assessment with its speaker's name
(``export.wording``); the review flags such items (``core.review``). Core never imports export, so the
list lives here.
"""

from __future__ import annotations

import re

# words that leave the reader asking who (or what) is meant when an item opens with them
PRONOUNS = frozenset(
    "he she they it we i his her their its him them this these those".split()
)  # fmt: skip
# of those, the ones that stand for a person: in an assessment, its speaker
PERSONAL_PRONOUNS = frozenset("he she i we his her him".split())


def first_word(text: str) -> str:
    m = re.search(r"\w+", text)
    return m.group().casefold() if m else ""


def opens_with_pronoun(text: str) -> bool:
    return first_word(text) in PRONOUNS

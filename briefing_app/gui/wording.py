"""Small pieces of the window's English: counts with the right noun, messages as sentences, times as
people read them."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fmt: skip
# a first word that is a plain lower-case word ("the", "cannot", "didn’t"), not a file name or a path
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?[,:;]?")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``counted(1, "assessment")`` is "1 assessment", ``counted(2, "assessment")`` "2 assessments"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def sentence(message: str) -> str:
    """A model message ("that passage is …") as a sentence on its own: a capital first letter, unless
    the message opens with a file name or a path ("notes.txt holds no text"), which is kept as written."""
    first = message.split(maxsplit=1)[0] if message.strip() else ""
    if _PLAIN_WORD.fullmatch(first) and first[0].islower() and message[0] == first[0]:
        return message[0].upper() + message[1:]
    return message


def local_time(iso: str, today: date | None = None) -> str:
    """An ISO 8601 time (e.g. a recovery copy's UTC "2026-11-29T21:04:05+00:00") in the computer's time
    zone as a person says it: "today at 22:04", "yesterday at 09:15", "29 November 2026 at 22:04".
    Text that is no such time comes back as it is."""
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    moment = moment.astimezone()  # a time without a zone is taken as local
    today = today or datetime.now().astimezone().date()
    clock = f"{moment:%H:%M}"
    days = (today - moment.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"yesterday at {clock}"
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} at {clock}"

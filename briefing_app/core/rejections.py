"""The suggestions an analyst rejected, remembered per article text so they stay rejected next time.

Rejections are the analyst's working memory, not part of the brief: the .brief format stays as it is,
and the same article opened in any brief on this machine hides the same rejected suggestions. One
small JSON file per source text, named by the text's SHA-256, in a folder the caller chooses (the
window passes the user's data folder). A missing or unreadable file means nothing was rejected.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import BriefingError
from .files import write_atomically

Span = tuple[int, int]


class Rejections:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _path(self, sha256: str) -> Path:
        if not (len(sha256) == 64 and all(c in "0123456789abcdef" for c in sha256)):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.folder / f"{sha256}.json"

    def load(self, sha256: str) -> set[Span]:
        """The rejected spans of the text with this hash; an empty set when none are recorded or the
        record cannot be read (a rejection is never worth an error message)."""
        path = self._path(sha256)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return {(int(start), int(end)) for start, end in data["rejected"] if 0 <= int(start) < int(end)}
        except (OSError, ValueError, KeyError, TypeError):
            return set()

    def save(self, sha256: str, spans: set[Span]) -> None:
        """Record ``spans`` as the rejected ones (none: forget the text). Raises BriefingError."""
        path = self._path(sha256)
        try:
            if not spans:
                path.unlink(missing_ok=True)
                return
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise BriefingError(f"Could not remember the rejected suggestions in {self.folder}: {e.strerror}") from e
        data = {"rejected": sorted([start, end] for start, end in spans)}
        write_atomically(path, (json.dumps(data) + "\n").encode("utf-8"))

"""A brief bound to its file: where it is saved, the bytes on disk it was read from, its recovery copy.

This is what a window (or a script) holds while someone works on a brief. Saving goes through
:func:`~briefing_app.core.brief_file.save_brief`, so a file changed on disk by someone else is never
silently overwritten, and the recovery copy is removed only after the save succeeded.
"""

from __future__ import annotations

import os
from pathlib import Path

from .article import Article
from .brief import Brief, brief_from_article
from .brief_file import SUFFIX, Progress, load_brief, save_brief
from .files import cut_utf8
from .recovery import discard_recovery, write_recovery

SUGGESTED_NAME_BYTES = 120


def new_recovery_key() -> str:
    """32 random hex digits naming a recovery copy (as uuid4().hex did, without uuid's 3 ms import)."""
    return os.urandom(16).hex()


class Document:
    def __init__(self, brief: Brief, path: str | Path | None = None, disk_sha256: str | None = None) -> None:
        self.brief = brief
        self.path = Path(path) if path else None
        self.disk_sha256 = disk_sha256  # SHA-256 of the file as last read or written by us
        self.export_path: Path | None = None  # where the last PDF went: the next export goes there again
        self.recovery_key = new_recovery_key()

    @classmethod
    def open(cls, path: str | Path, progress: Progress = None, *, bind: bool = True) -> Document:
        """The brief at ``path`` (a .brief, or a PDF that carries one), bound to that file unless not ``bind``
        (a brief read from a PDF: saving it asks where to keep it, and never writes over the PDF).
        ``progress`` is told the fraction done (a big brief opens in a worker process, with a progress bar)."""
        brief, sha = load_brief(path, progress)
        return cls(brief, path, sha) if bind else cls(brief)

    @classmethod
    def from_article(cls, article: Article, author: str = "") -> Document:
        return cls(brief_from_article(article, author))

    def suggested_path(self, folder: str | Path) -> Path:
        """Where a brief never saved before would go by default: its title as a file name, cut to 80
        characters and SUGGESTED_NAME_BYTES bytes (a CJK character takes 3 bytes, and names are limited in
        bytes), so the name, its backup and its temporary files all fit."""
        stem = "".join(c if c.isalnum() or c in " -_" else " " for c in self.brief.title)
        stem = cut_utf8(" ".join(stem.split())[:80], SUGGESTED_NAME_BYTES).strip()
        return Path(folder) / f"{stem or 'brief'}{SUFFIX}"

    def save(self, path: str | Path | None = None, *, force: bool = False, recovery_folder: str | Path | None = None):
        """Save to ``path`` (default: where it was opened or last saved). Saving to another file is a
        "save as": the changed-on-disk check applies only to the file this document came from."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("the brief has no file yet: give a path")
        same_file = self.path is not None and target.resolve() == self.path.resolve()
        self.disk_sha256 = save_brief(
            self.brief, target, expected_sha256=self.disk_sha256 if same_file else None, force=force
        )
        self.path = target
        if recovery_folder is not None:
            discard_recovery(recovery_folder, self.recovery_key)
        return target

    def write_recovery(self, folder: str | Path) -> Path:
        return write_recovery(self.brief, folder, self.recovery_key, self.path)

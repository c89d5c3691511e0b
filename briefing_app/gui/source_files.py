"""Where on this computer each source's article file is, kept in the user's own settings.

A .brief file names a source's file without its folder (it travels, and a path like
/home/jana/Downloads/... would carry the user's name with it), so the full path of each article the user
opened is remembered here instead, keyed by the SHA-256 of the text as loaded. "Reopen with encoding…"
finds the file this way, also in a brief saved, closed and opened again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from ..core.article import Article

GROUP = "source_files"
MAX_REMEMBERED = 500  # beyond this, entries whose files are gone are forgotten


def remember_source_file(sha256: str, path: str | Path) -> None:
    settings = QSettings()
    settings.beginGroup(GROUP)
    settings.setValue(sha256, str(Path(path).resolve()))
    if len(settings.childKeys()) > MAX_REMEMBERED:
        for key in settings.childKeys():
            if not Path(str(settings.value(key, ""))).is_file():
                settings.remove(key)
    settings.endGroup()


def source_file(sha256: str) -> Path | None:
    """The file the text with ``sha256`` was loaded from on this computer, if it is still there."""
    value = QSettings().value(f"{GROUP}/{sha256}", "")
    path = Path(str(value)) if value else None
    return path if path is not None and path.is_file() else None


def remembering(path: str | Path, then: Callable[[Article], None]) -> Callable[[Article], None]:
    """``then``, after remembering that the article it is given was loaded from ``path``."""

    def loaded(article: Article) -> None:
        remember_source_file(article.sha256, path)
        then(article)

    return loaded

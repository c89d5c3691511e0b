"""The recent files list (briefs and articles), kept in the user's settings, newest first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

RECENT_KEY = "files/recent"
MAX_RECENT = 10


def recent_files() -> list[str]:
    value = QSettings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives a one-element list back as a plain string
        value = [value]
    return [str(p) for p in value or [] if p]


def remember_file(path: str | Path) -> list[str]:
    path = str(Path(path).resolve())
    files = [path, *(p for p in recent_files() if p != path)][:MAX_RECENT]
    QSettings().setValue(RECENT_KEY, files)
    return files


def forget_file(path: str | Path) -> None:
    QSettings().setValue(RECENT_KEY, [p for p in recent_files() if p != str(path)])

"""The app's log: a rotating file in the user's data folder, for the window and the command line alike.

What is logged: files opened, loaded, saved and exported (by their file name only: never a folder, never
a word of an article or a brief), slow jobs and how long they took, warnings, and every error a user saw;
an unexpected error also with its traceback (the exception's own message cut to :data:`MAX_MESSAGE`
characters, since it may quote a line of text). Help > About shows where the file is.

The folder follows the rules the window's recovery copies live by (Qt's AppDataLocation, see
``gui/autosave.py``), worked out here without Qt so the command line can log too: on Linux
``$XDG_DATA_HOME/briefing-app/briefing-app/logs`` (``~/.local/share`` when XDG_DATA_HOME is unset or not
an absolute path). No Qt here, and nothing heavier than :mod:`logging.handlers`: the command line stays fast.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

APP = "briefing-app"  # Qt's organisation and application name, as gui/app.py sets them
LOG_NAME = "briefing-app.log"
MAX_BYTES = 1_000_000  # a file this large rolls over to briefing-app.log.1, .2 ... (BACKUPS kept)
BACKUPS = 3
MAX_MESSAGE = 300
LOGGER = "briefing_app"  # every module's logger is a child of this one (logging.getLogger(__name__))
FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


class _AppLog(RotatingFileHandler):
    """The app's own handler, told apart from any other (a test's, a library's) on the same logger."""


def data_folder() -> Path:
    """The app's folder in the user's data location, as Qt's QStandardPaths.AppDataLocation names it."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "")
        base = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / APP / APP


def cache_folder() -> Path:
    """The app's folder for what it can always make again (see ``core/brief_schema.py``), as Qt's
    QStandardPaths.CacheLocation names it: on Linux ``$XDG_CACHE_HOME/briefing-app/briefing-app``
    (``~/.cache`` when XDG_CACHE_HOME is unset or not an absolute path)."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / APP / APP / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP / APP
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache") / APP / APP


def log_folder() -> Path:
    return data_folder() / "logs"


def log_file() -> Path:
    """The file being logged to: the one :func:`setup_logging` opened, else where it would go."""
    handler = _our_handler()
    return Path(handler.baseFilename) if handler is not None else log_folder() / LOG_NAME


def _our_handler() -> RotatingFileHandler | None:
    return next((h for h in logging.getLogger(LOGGER).handlers if isinstance(h, _AppLog)), None)


def setup_logging(
    folder: str | Path | None = None, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> Path | None:
    """Log the app's INFO and above to ``folder``/briefing-app.log (default :func:`log_folder`), rotated at
    ``max_bytes`` with ``backups`` old files kept. Called once at start by the window and the command line;
    calling it again with another folder moves the log there. Returns the file, or None when the folder
    cannot be made (a read-only home): the app then runs without a log rather than not at all."""
    path = Path(folder or log_folder()) / LOG_NAME
    logger = logging.getLogger(LOGGER)
    current = _our_handler()
    if current is not None:
        if Path(current.baseFilename) == path.absolute() and current.maxBytes == max_bytes:
            return path.absolute()
        logger.removeHandler(current)
        current.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # delay: the file is opened by the first record, so a command that logs nothing touches nothing
        handler = _AppLog(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return Path(handler.baseFilename)


def file_name(path: str | Path | None) -> str:
    """How a file is named in the log: its name alone (the folders it sits in may say who the user is)."""
    return Path(path).name if path else "(none)"


def short(message: object) -> str:
    """An exception's message as the log keeps it: one line, at most :data:`MAX_MESSAGE` characters."""
    text = " ".join(str(message).split())
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|‘[^’]*’|«[^»]*»")
_FOLDERS = re.compile(r"(?:[A-Za-z]:)?[\\/](?:[^\s\\/'\"]+[\\/])+(?=[^\s\\/'\"])")


def scrub(message: object) -> str:
    """A message shown to the user, as the log keeps it: what it quotes (a snippet of an item, a value
    typed) left out as '…', a path cut to its file name, one line, cut short (see :func:`short`)."""
    text = _QUOTED.sub("'…'", " ".join(str(message).split()))
    return short(_FOLDERS.sub("", text))


def traceback_text(error: BaseException) -> str:
    """``error``'s traceback as the log keeps it: the frames (file, line, code) and the exception's type,
    its message cut short (see :func:`short`)."""
    import traceback

    frames = "".join(traceback.format_tb(error.__traceback__))
    return f"Traceback (most recent call last):\n{frames}{type(error).__name__}: {short(error)}"

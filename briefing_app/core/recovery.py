"""Recovery copies of unsaved briefs, so a crash or a killed process loses nothing.

A recovery copy is a JSON file in a folder the caller chooses (the window uses the user's data
folder): the brief's own data plus where it was being saved and when the copy was taken. The window
writes one a few seconds after each change and removes it after a clean save; at the next start,
any copy still there is offered back.

A copy belongs to the process working on it: that process holds a lock on ``KEY.lock`` beside the copy
(``claim_recovery``) for as long as the brief is open, and the operating system lets the lock go when the
process ends, however it ends. Only copies nobody holds are orphans, to be offered back or discarded: a
second window never sees the first one's live copy as left over from a crash.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .brief import Brief
from .brief_file import BriefFileError, brief_to_data, examine, json_with_texts, parse, read_file
from .errors import BriefingError
from .files import write_atomically

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

RECOVERY_FORMAT = "briefing-app/recovery"
RECOVERY_SUFFIX = ".recovery.json"
LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class RecoveryCopy:
    path: Path
    key: str
    saved_at: str  # ISO 8601, UTC
    original_path: str | None  # the .brief file the brief belonged to, if it had been saved before
    title: str
    problem: str | None = None  # why it cannot be restored, if it cannot
    live: bool = False  # a running window (this process or another) holds it: not an orphan


def recovery_path(folder: str | Path, key: str) -> Path:
    return Path(folder) / f"{key}{RECOVERY_SUFFIX}"


def write_recovery(brief: Brief, folder: str | Path, key: str, original_path: str | Path | None = None) -> Path:
    """Write (or refresh) the recovery copy ``key`` of ``brief`` into ``folder``, atomically."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    data = brief_to_data(brief)
    envelope = {
        "format": RECOVERY_FORMAT,
        "version": 1,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "original_path": str(original_path) if original_path else None,
        "brief": data,
    }
    path = recovery_path(folder, key)
    write_atomically(path, json_with_texts(envelope, True, sources=data["sources"]).encode("ascii"))
    return path


def _read(path: Path) -> tuple[dict, Brief | None, str | None]:
    """The envelope, the brief and the problem with a copy: a bad copy (a date like 2024-02-30, a field of
    the wrong type) is a problem to list, never an exception that stops the app from starting."""
    try:
        envelope = parse(read_file(path), str(path))
        if not isinstance(envelope, dict) or envelope.get("format") != RECOVERY_FORMAT:
            return {}, None, "not a briefing-app recovery copy"
        found, brief = examine(envelope.get("brief"))
        return envelope, brief, found[0] if found else None
    except BriefingError as e:
        return {}, None, str(e)
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as e:  # a fault not checked for
        return {}, None, f"the copy cannot be read ({type(e).__name__}: {str(e)[:120]})"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def list_recoveries(folder: str | Path) -> list[RecoveryCopy]:
    """Recovery copies in ``folder``, newest first; unreadable ones are listed with their problem, and
    copies a running window holds are marked ``live``."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    copies = []
    for path in folder.glob(f"*{RECOVERY_SUFFIX}"):
        key = path.name[: -len(RECOVERY_SUFFIX)]
        envelope, brief, problem = _read(path)
        copies.append(
            RecoveryCopy(
                path=path,
                key=key,
                saved_at=_text(envelope.get("saved_at")) or "",
                original_path=_text(envelope.get("original_path")),
                title=brief.title if brief else "(cannot be read)",
                problem=problem,
                live=is_live(folder, key),
            )
        )
    _remove_stale_locks(folder, {c.key for c in copies})
    return sorted(copies, key=lambda c: c.saved_at, reverse=True)


def restore_recovery(path: str | Path) -> tuple[Brief, str | None]:
    """The brief in a recovery copy and the file it belonged to (None if it was never saved)."""
    envelope, brief, problem = _read(Path(path))
    if brief is None:
        raise BriefFileError(f"the recovery copy {path} cannot be restored: {problem}")
    return brief, _text(envelope.get("original_path"))


def discard_recovery(folder: str | Path, key: str) -> None:
    """Remove the recovery copy ``key`` (after a clean save, or when the user declines it)."""
    recovery_path(folder, key).unlink(missing_ok=True)


def discard_orphan(folder: str | Path, key: str) -> bool:
    """Remove the recovery copy ``key`` unless a running window holds it; True if it is gone."""
    lock = claim_recovery(folder, key)
    if lock is None:
        return False
    try:
        discard_recovery(folder, key)
    finally:
        lock.release()
    return True


# --- who holds a copy
class RecoveryLock:
    """This process's hold on the recovery copy ``key``: while it is held, no other window offers the copy
    back or discards it. The operating system releases it when the process ends, even when killed."""

    def __init__(self, path: Path, key: str, fd: int) -> None:
        self.path, self.key = path, key
        self.fd: int | None = fd

    def release(self) -> None:
        """Let go of the copy; the lock file goes too (removed while still held, so nobody locks a file
        that is about to disappear: see ``claim_recovery``)."""
        if self.fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None

    def __del__(self) -> None:
        fd = getattr(self, "fd", None)  # None too when __init__ never ran
        if fd is not None:
            os.close(fd)


def _try_lock(fd: int) -> bool | None:
    """True: locked; False: someone else holds it; None: this platform or file system has no locks."""
    if sys.platform == "win32":
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:  # held by another process (Windows says so with EACCES or EDEADLOCK)
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError:
        return None


def claim_recovery(folder: str | Path, key: str) -> RecoveryLock | None:
    """Hold the recovery copy ``key`` for this process (its lock file is made if needed), or None if
    another window, in this process or another, holds it. Where files cannot be locked at all, the claim
    is granted: the app then works as it did before copies had owners."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}{LOCK_SUFFIX}"
    for _ in range(20):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        locked = _try_lock(fd)
        if locked is False:
            os.close(fd)
            return None
        try:  # the holder before us may have removed the file between our open and our lock: lock anew
            same = locked is None or os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            return RecoveryLock(path, key, fd)
        os.close(fd)
    return None


def is_live(folder: str | Path, key: str) -> bool:
    """Whether a running window holds the recovery copy ``key``."""
    if not (Path(folder) / f"{key}{LOCK_SUFFIX}").exists():
        return False
    try:
        lock = claim_recovery(folder, key)
    except OSError:  # the lock file cannot even be opened: leave the copy alone
        return True
    if lock is None:
        return True
    lock.release()
    return False


def _remove_stale_locks(folder: Path, keys_with_copies: set[str]) -> None:
    """Lock files whose window is gone and which have no copy (a window killed before any change)."""
    for path in folder.glob(f"*{LOCK_SUFFIX}"):
        key = path.name[: -len(LOCK_SUFFIX)]
        if key not in keys_with_copies:
            try:
                is_live(folder, key)  # claiming an orphan's lock and letting it go removes the file
            except OSError:
                pass

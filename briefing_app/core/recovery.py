"""Recovery copies of unsaved briefs, so a crash or a killed process loses nothing.

A recovery copy is a JSON file in a folder the caller chooses (the window uses the user's data
folder): the brief's own data plus where it was being saved and when the copy was taken. The window
writes one a few seconds after each change and removes it after a clean save; at the next start,
any copy still there is offered back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .brief import Brief
from .brief_file import BriefFileError, brief_to_data, examine, parse, read_file
from .files import write_atomically

RECOVERY_FORMAT = "briefing-app/recovery"
RECOVERY_SUFFIX = ".recovery.json"


@dataclass(frozen=True)
class RecoveryCopy:
    path: Path
    key: str
    saved_at: str  # ISO 8601, UTC
    original_path: str | None  # the .brief file the brief belonged to, if it had been saved before
    title: str
    problem: str | None = None  # why it cannot be restored, if it cannot


def recovery_path(folder: str | Path, key: str) -> Path:
    return Path(folder) / f"{key}{RECOVERY_SUFFIX}"


def write_recovery(brief: Brief, folder: str | Path, key: str, original_path: str | Path | None = None) -> Path:
    """Write (or refresh) the recovery copy ``key`` of ``brief`` into ``folder``, atomically."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    envelope = {
        "format": RECOVERY_FORMAT,
        "version": 1,
        "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "original_path": str(original_path) if original_path else None,
        "brief": brief_to_data(brief),
    }
    path = recovery_path(folder, key)
    write_atomically(path, json.dumps(envelope, ensure_ascii=True).encode("ascii"))
    return path


def _read(path: Path) -> tuple[dict, Brief | None, str | None]:
    try:
        envelope = parse(read_file(path), str(path))
        if not isinstance(envelope, dict) or envelope.get("format") != RECOVERY_FORMAT:
            return {}, None, "not a briefing-app recovery copy"
        found, brief = examine(envelope.get("brief"))
        return envelope, brief, found[0] if found else None
    except BriefFileError as e:
        return {}, None, str(e)


def list_recoveries(folder: str | Path) -> list[RecoveryCopy]:
    """Recovery copies in ``folder``, newest first; unreadable ones are listed with their problem."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    copies = []
    for path in folder.glob(f"*{RECOVERY_SUFFIX}"):
        envelope, brief, problem = _read(path)
        copies.append(
            RecoveryCopy(
                path=path,
                key=path.name[: -len(RECOVERY_SUFFIX)],
                saved_at=str(envelope.get("saved_at", "")),
                original_path=envelope.get("original_path"),
                title=brief.title if brief else "(cannot be read)",
                problem=problem,
            )
        )
    return sorted(copies, key=lambda c: c.saved_at, reverse=True)


def restore_recovery(path: str | Path) -> tuple[Brief, str | None]:
    """The brief in a recovery copy and the file it belonged to (None if it was never saved)."""
    envelope, brief, problem = _read(Path(path))
    if brief is None:
        raise BriefFileError(f"the recovery copy {path} cannot be restored: {problem}")
    return brief, envelope.get("original_path")


def discard_recovery(folder: str | Path, key: str) -> None:
    """Remove the recovery copy ``key`` (after a clean save, or when the user declines it)."""
    recovery_path(folder, key).unlink(missing_ok=True)

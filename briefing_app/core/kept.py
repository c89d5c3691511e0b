"""Work the app keeps in the user's cache folder because it can always do it again, only slower: the brief
schema's compiled validator (``core/brief_schema.py``) and the export's parsed fonts (``export/fonts.py``).

A kept file holds a header saying what it is, the key of everything its payload was made from, the payload's
SHA-256 and the payload. A file that is missing, unreadable, damaged (its digest does not match) or made for
another key is never used: the caller makes its payload again and the file is replaced. A folder that cannot
be written is left alone; the work is then done again by the next process. The cache folder is the user's
own, so what is read back is trusted as much as the app's own files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_DIGEST = 32


def key_of(*parts: bytes) -> bytes:
    """A key for a payload made from ``parts`` (each length-prefixed, so no two lists of parts collide)."""
    key = hashlib.sha256()
    for part in parts:
        key.update(len(part).to_bytes(8, "little") + part)
    return key.digest()


def read(path: Path, header: bytes, key: bytes) -> bytes | None:
    """The payload kept in ``path`` for ``key``; None when it is missing, unreadable, damaged or another's."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    start = len(header)
    if data[:start] != header or data[start : start + _DIGEST] != key:
        return None
    payload = data[start + 2 * _DIGEST :]
    if hashlib.sha256(payload).digest() != data[start + _DIGEST : start + 2 * _DIGEST]:
        return None
    return payload


def write(path: Path, header: bytes, key: bytes, payload: bytes) -> None:
    """Keep ``payload`` in ``path`` for ``key``, replacing what is there; nothing if the folder cannot be
    written (a read-only home, a full disk, a file where the folder should be)."""
    from .errors import BriefingError
    from .files import write_atomically

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, header + key + hashlib.sha256(payload).digest() + payload)
    except (OSError, BriefingError):
        pass

"""Reading and writing files, with every OSError turned into one line a user understands.

Reading refuses missing, unreadable and oversized files before anything is parsed. Writing never
leaves a half-written file where a good one was: the data goes to a temporary file in the same
folder, is flushed and fsynced, and only then replaces the target (an atomic rename on POSIX and
Windows). Any failure on the way removes the temporary file and leaves the target as it was.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import BriefingError


class WriteError(BriefingError):
    """A file could not be written; the previous file, if any, is untouched."""


def read_limited(path: Path, limit: int, kind: str, error: type[BriefingError]) -> bytes:
    """The bytes of ``path`` (``kind`` names what it should be, e.g. "a brief file"), or ``error``
    saying in one line why not: missing, a folder, unreadable, or larger than ``limit`` bytes."""
    try:
        if path.is_dir():
            raise error(f"{path} is a folder, not {kind}")
        size = path.stat().st_size
        if size > limit:
            raise error(f"{path} is too large for {kind} ({size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path} does not exist") from None
    except PermissionError:
        raise error(f"{path} cannot be read (permission denied)") from None
    except OSError as e:
        raise error(f"{path} cannot be read ({e.strerror or e})") from None


def describe_os_error(e: OSError, path: Path) -> str:
    """One line saying why ``path`` could not be written, in the user's terms."""
    folder = path.parent
    code = e.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        return f"the disk is full: could not write {path}; free some space or save elsewhere"
    if code in (errno.EACCES, errno.EPERM):
        return f"permission denied: cannot write {path}; choose a folder you can write to"
    if code == errno.EROFS:
        return f"{folder} is on a read-only disk; save elsewhere"
    if code == errno.ENOENT and not folder.exists():
        return f"the folder {folder} does not exist"
    if code == errno.ENOTDIR:
        return f"{folder} is not a folder"
    if code == errno.EISDIR:
        return f"{path} is a folder"
    return f"could not write {path}: {e.strerror or e}"


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform or file system can, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual ones (0666 less the umask)."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: str | Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step, or raise WriteError and leave ``path`` as it was."""
    path = Path(path)
    tmp: str | None = None
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as e:
        raise WriteError(describe_os_error(e, path)) from e
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    _fsync_folder(path.parent)

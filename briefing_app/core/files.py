"""Reading and writing files, with every OSError turned into one line a user understands.

Reading refuses missing, unreadable and oversized files before anything is parsed. Writing never
leaves a half-written file where a good one was: the data goes to a temporary file in the same
folder, is flushed and fsynced, and only then replaces the target (an atomic rename on POSIX and
Windows). Any failure on the way removes the temporary file and leaves the target as it was. A symlink
is written through (the file it points to is replaced, the link stays), a read-only file or a device is
refused, writes into one folder take turns under a lock, and temporary names fit the file system's limit
on name length however long the target's name is.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .errors import BriefingError

if sys.platform != "win32":  # Windows has no fcntl: saves into one folder are not serialised between processes there
    import fcntl

NAME_MAX = 255  # bytes in a file name, where the file system does not say
TEMP_SUFFIX = ".tmp"
_TEMP_RANDOM = 8  # the random characters tempfile.mkstemp puts in a name, from [a-z0-9_]
STALE_TEMP_SECONDS = 15 * 60  # a temporary file of ours untouched this long was left by a killed save
LOCK_WAIT_SECONDS = 30


class WriteError(BriefingError):
    """A file could not be written; the previous file, if any, is untouched."""


def mib(n: int) -> str:
    """A size in MiB as the messages and the README's table of limits give it."""
    return f"{n / 2**20:.0f} MiB" if n >= 2**20 else f"{n / 2**20:.1f} MiB"


def _kind_of_file(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_limited(path: Path, limit: int, kind: str, error: type[BriefingError]) -> bytes:
    """The bytes of ``path`` (``kind`` names what it should be, e.g. "a brief file"), or ``error``
    saying in one line why not: missing, a folder, unreadable, larger than ``limit`` bytes, or not a
    regular file at all. A pipe, a device (/dev/zero, /dev/urandom) or a socket is refused before it is
    read, since reading one may never end; the file is opened without blocking and checked again through
    its descriptor (the path may be swapped in between), and never more than ``limit`` + 1 bytes are read,
    so a file that grows after the check cannot make the read unbounded."""
    try:
        before = os.stat(path)  # stat, not open: opening a FIFO blocks until a writer comes, a tape rewinds
        if not stat.S_ISREG(before.st_mode):
            what = _kind_of_file(before.st_mode)
            if stat.S_ISDIR(before.st_mode):
                raise error(f"{path} is a folder, not {kind}")
            raise error(f"{path} is {what}, not {kind}: only regular files can be opened")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        with open(fd, "rb", buffering=0) as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise error(f"{path} is {_kind_of_file(st.st_mode)}, not {kind}: only regular files can be opened")
            if st.st_size > limit:
                raise error(f"{path} is too large for {kind} ({mib(st.st_size)}; the limit is {mib(limit)})")
            chunks, got = [], 0
            while got <= limit:
                chunk = f.read(min(limit + 1 - got, 1 << 20))
                if not chunk:
                    break
                chunks.append(chunk)
                got += len(chunk)
            if got > limit:  # it grew after the check
                raise error(f"{path} is too large for {kind} (over {mib(limit)}, the limit; it grew while being read)")
            return b"".join(chunks)
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


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, that ``folder``'s file system takes (255 on most; 143 on eCryptfs)."""
    try:
        value = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):  # no such folder yet, or no pathconf (Windows)
        return NAME_MAX
    return value if value and value > 0 else NAME_MAX


def cut_utf8(text: str, limit: int) -> str:
    """The longest start of ``text`` that takes at most ``limit`` bytes as a file name (UTF-8), never
    ending in half a character."""
    raw = text.encode("utf-8", "surrogateescape")
    if len(raw) <= limit:
        return text
    end = max(limit, 0)
    while end > 0 and raw[end] & 0xC0 == 0x80:  # the first byte cut off continues a character: cut before it
        end -= 1
    return raw[:end].decode("utf-8", "surrogateescape")


def sibling_path(path: Path, suffix: str) -> Path:
    """``path`` with ``suffix`` added to its name (e.g. a backup, NAME.brief.bak); a name too long for that
    is cut so the result still fits the file system's limit."""
    room = name_max(path.parent) - len(suffix.encode("utf-8"))
    return path.with_name(cut_utf8(path.name, room) + suffix)


def _temp_prefix(target: Path) -> str:
    """The start of our temporary files' names for ``target``: ".NAME." (the name cut to fit, with the 8
    random characters and ".tmp" that follow, within the file system's limit)."""
    room = name_max(target.parent) - (2 + _TEMP_RANDOM + len(TEMP_SUFFIX))
    return f".{cut_utf8(target.name, room)}."


def _remove_stale_temps(target: Path) -> None:
    """Remove temporary files an earlier save of ``target`` left behind when it was killed: only ours (our
    exact name pattern, our user, a plain file) and only ones untouched for STALE_TEMP_SECONDS."""
    prefix = _temp_prefix(target)
    ours = re.compile(re.escape(prefix) + f"[a-z0-9_]{{{_TEMP_RANDOM}}}" + re.escape(TEMP_SUFFIX))
    uid = os.getuid() if hasattr(os, "getuid") else None
    now = time.time()
    try:
        with os.scandir(target.parent) as entries:
            stale = []
            for entry in entries:
                if not entry.name.startswith(prefix) or not ours.fullmatch(entry.name):
                    continue
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and (uid is None or st.st_uid == uid):
                    if now - st.st_mtime > STALE_TEMP_SECONDS:
                        stale.append(entry.path)
    except OSError:
        return
    for name in stale:
        try:
            os.unlink(name)
        except OSError:
            pass


class FolderLock:
    """Held while a file in ``folder`` is checked and replaced, so two saves at once (two windows, two
    processes) take turns: the second one sees the first one's file. An advisory lock on the folder itself
    (flock), so no lock file is left beside the user's files; it is re-entrant within a thread. Where the
    platform or file system has no such locks, writing goes on unlocked."""

    _held = threading.local()

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = os.path.realpath(folder)
        self.fd: int | None = None

    def __enter__(self) -> FolderLock:
        held = self._held.__dict__.setdefault("keys", set())
        if sys.platform == "win32" or self.key in held:
            return self
        try:
            self.fd = os.open(self.key, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:  # a missing or unreadable folder: the write itself says what is wrong
            return self
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self._close()
                    raise WriteError(
                        f"another program kept {self.folder} locked for {LOCK_WAIT_SECONDS} s; nothing was written, "
                        "try again"
                    ) from None
                time.sleep(0.01)
            except OSError:  # no locks on this file system (some network ones)
                self._close()
                return self
        held.add(self.key)
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is not None:
            self._held.keys.discard(self.key)
            self._close()

    def _close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # which releases the lock
            self.fd = None


def target_lock(path: str | Path) -> FolderLock:
    """The lock to hold around checking and replacing ``path`` (the file a symlink points to)."""
    return FolderLock(Path(os.path.realpath(path)).parent)


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


def _check_replaceable(path: Path, target: Path, replace_read_only: bool) -> None:
    """Refuse to replace what is not a plain file (a device, a FIFO) or, unless asked to, a read-only file:
    its owner made it so, and a rename would replace it all the same."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(f"{path} is not a regular file (a device, a pipe or a socket); choose a file name")
    if not replace_read_only and (not st.st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise WriteError(
            f"{path} is read-only, so it was not replaced; choose another name, or make the file writable first"
        )


def write_atomically(
    path: str | Path,
    data: bytes,
    *,
    before_replace: Callable[[Path], None] | None = None,
    replace_read_only: bool = False,
) -> Path:
    """Replace ``path`` with ``data`` in one step, or raise WriteError and leave ``path`` as it was.

    - A symlink is followed: the file it points to is replaced and the link stays a link.
    - An existing read-only file is refused, not replaced, unless ``replace_read_only``.
    - ``before_replace(target)`` runs once the new data is safely on disk and just before the replace (a
      backup of the previous file, say); if it raises, nothing is replaced.
    - Temporary files a killed save of the same file left behind are removed.
    Returns the file written (``path`` itself, or the file its symlink points to)."""
    path = Path(path)
    target = path
    tmp: str | None = None
    try:
        target = Path(os.path.realpath(path))
        with FolderLock(target.parent):
            _check_replaceable(path, target, replace_read_only)
            _remove_stale_temps(target)
            fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(target), suffix=TEMP_SUFFIX, dir=target.parent)
            try:
                os.chmod(tmp, _mode_for(target))
                f = os.fdopen(fd, "wb")
            except BaseException:
                os.close(fd)
                raise
            with f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            if before_replace is not None:
                before_replace(target)
            os.replace(tmp, target)
            tmp = None
    except OSError as e:
        raise WriteError(describe_os_error(e, path)) from e
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    _fsync_folder(target.parent)
    return target

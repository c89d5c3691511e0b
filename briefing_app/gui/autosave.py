"""Never lose work: a recovery copy of the brief a few seconds after each change, in the user's data
folder, removed once the brief is saved (or its changes deliberately discarded).

The window holds its document's copy (a lock, see :mod:`briefing_app.core.recovery`) from the moment the
document is shown until another one is or the window closes; only copies nobody holds are offered back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core.document import Document, new_recovery_key
from ..core.errors import BriefingError
from ..core.recovery import RecoveryCopy, RecoveryLock, claim_recovery, discard_recovery, list_recoveries

AUTOSAVE_DELAY_MS = 3000


def app_data_folder() -> Path:
    """The app's folder in the user's data location (XDG_DATA_HOME on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or str(Path.home() / ".briefing-app")
    return Path(base)


def recovery_folder() -> Path:
    """Where recovery copies live."""
    return app_data_folder() / "recovery"


def pending_recoveries() -> list[RecoveryCopy]:
    """Recovery copies left by a session that ended without saving (no running window holds them), newest
    first; the ones that cannot be restored come last, with their problem."""
    copies = [c for c in list_recoveries(recovery_folder()) if not c.live]
    return sorted(copies, key=lambda c: (c.problem is None, c.saved_at), reverse=True)


class Autosaver(QObject):
    """Writes ``document``'s recovery copy ``delay_ms`` after the undo stack last moved away from clean."""

    saved = Signal(str)  # the recovery copy's path
    failed = Signal(str)

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._lock: RecoveryLock | None = None  # this window's hold on its document's copy
        self._claimed: dict[str, RecoveryLock] = {}  # copies held for a restore, until the document is shown
        self.folder = recovery_folder()
        self._stack = stack
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.write_now)
        stack.indexChanged.connect(self._stack_moved)

    @property
    def document(self) -> Document | None:
        return self._document

    @document.setter
    def document(self, document: Document | None) -> None:
        """The document whose copy is kept; its copy is held from now on (None changes no hold: the window
        sets None, then the next document)."""
        self._document = document
        if document is not None:
            self._hold(document)

    def _hold(self, document: Document) -> None:
        if self._lock is not None and self._lock.key == document.recovery_key:
            return
        lock = self._claimed.pop(document.recovery_key, None)
        self.release()
        try:
            if lock is None:
                lock = claim_recovery(self.folder, document.recovery_key)
            if lock is None:  # held elsewhere (a copy another window restored first): keep a copy of our own
                document.recovery_key = new_recovery_key()
                lock = claim_recovery(self.folder, document.recovery_key)
        except OSError as e:
            self.failed.emit(f"Could not hold the recovery copy in {self.folder}: {e.strerror or e}")
            return
        self._lock = lock
        self._release_claims()

    def claim(self, key: str) -> bool:
        """Hold the orphaned copy ``key`` for a document about to be shown (a restore); False if another
        window holds it, e.g. restored it first. The claim passes to the document once it is shown."""
        if (self._lock is not None and self._lock.key == key) or key in self._claimed:
            return True
        try:
            lock = claim_recovery(self.folder, key)
        except OSError:
            return False
        if lock is not None:
            self._claimed[key] = lock
        return lock is not None

    def _release_claims(self) -> None:
        for lock in self._claimed.values():
            lock.release()
        self._claimed.clear()

    def release(self) -> None:
        """Let go of the held copy (the window closes, or shows another document): left on disk, it is an
        orphan from now on, offered back at the next start."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self._release_claims()

    def set_delay(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def _stack_moved(self) -> None:
        if self.document is None:
            return
        try:
            clean = self._stack.isClean()
        except RuntimeError:  # the stack clears itself while its window is destroyed
            return
        if clean:
            self._timer.stop()
            self.discard()
        else:
            self._timer.start()

    def write_now(self) -> None:
        if self.document is None or self._stack.isClean():
            return
        try:
            path = self.document.write_recovery(self.folder)
        except (BriefingError, OSError) as e:
            self.failed.emit(f"Could not write the recovery copy: {e}")
            return
        self.saved.emit(str(path))

    def discard(self) -> None:
        """Remove the current document's recovery copy (it was saved, or its changes were let go)."""
        self._timer.stop()
        if self.document is not None:
            discard_recovery(self.folder, self.document.recovery_key)

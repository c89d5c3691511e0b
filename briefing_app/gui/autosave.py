"""Never lose work: a recovery copy of the brief a few seconds after each change, in the user's data
folder, removed once the brief is saved (or its changes deliberately discarded)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..core.document import Document
from ..core.errors import BriefingError
from ..core.recovery import RecoveryCopy, discard_recovery, list_recoveries

AUTOSAVE_DELAY_MS = 3000


def app_data_folder() -> Path:
    """The app's folder in the user's data location (XDG_DATA_HOME on Linux)."""
    base = QStandardPaths.writableLocation(QStandardPaths.AppDataLocation) or str(Path.home() / ".briefing-app")
    return Path(base)


def recovery_folder() -> Path:
    """Where recovery copies live."""
    return app_data_folder() / "recovery"


def pending_recoveries() -> list[RecoveryCopy]:
    """Recovery copies left by a session that ended without saving, newest first; unreadable ones left out."""
    copies = [c for c in list_recoveries(recovery_folder()) if c.problem is None]
    return sorted(copies, key=lambda c: c.saved_at, reverse=True)


class Autosaver(QObject):
    """Writes ``document``'s recovery copy ``delay_ms`` after the undo stack last moved away from clean."""

    saved = Signal(str)  # the recovery copy's path
    failed = Signal(str)

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.folder = recovery_folder()
        self._stack = stack
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.write_now)
        stack.indexChanged.connect(self._stack_moved)

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

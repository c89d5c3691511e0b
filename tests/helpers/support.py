"""Paths and small tools every test folder uses: the checkout, the seed article, the console script."""

import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "north-koreans-in-russia.txt"
PROBE = Path(__file__).resolve().parent / "probe_window.py"


def venv_bin(name: str) -> str:
    """A console script installed beside the running interpreter (the project's .venv)."""
    return str(Path(sys.executable).parent / name)


def answer_encoding_later(name: str) -> None:
    """Once the event loop turns, type ``name`` into the "Reopen with encoding" dialog and press OK, as a
    user would answer the modal question that the next action opens."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue(name)
        dialog.accept()

    QTimer.singleShot(0, answer)


def run_cli(*args: str, timeout: float = 120, memory: int | None = None, **options) -> subprocess.CompletedProcess:
    """Run the console script with ``args``, its output captured. ``memory`` caps its address space (bytes), so a
    read without a limit fails fast instead of taking the machine's memory; ``options`` go to subprocess.run
    (``env``, ``stdin``)."""

    def cap() -> None:
        if memory:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run(
        [venv_bin("briefing-app"), *args], capture_output=True, text=True, timeout=timeout, preexec_fn=cap, **options
    )


def one_line(p: subprocess.CompletedProcess) -> str:
    lines = p.stderr.strip().splitlines()
    assert p.returncode == 1 and len(lines) == 1, p.stderr
    return lines[0]

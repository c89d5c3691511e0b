"""The window's actions as one helper makes them: a label, a slot, a shortcut, and a tooltip naming the keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(parent: QObject, text: str, slot: Callable, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    keys = action.shortcut().toString(QKeySequence.NativeText)
    label = tip or text.replace("&", "").rstrip("…")
    action.setToolTip(f"{label} ({keys})" if keys else label)
    action.setStatusTip(label)
    action.triggered.connect(lambda checked=False: slot())
    return action

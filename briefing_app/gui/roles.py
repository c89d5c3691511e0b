"""Qt's item data roles as plain ints, for the models' ``data()``.

A view calls ``data()`` for every role of every row it measures or paints (thousands of calls when a big
brief or an 8 MB article's suggestions are listed). Looking a role up on ``Qt`` costs about 5 µs in
PySide6 (its enums resolve attributes lazily), four times per call; an int compares in a few nanoseconds.
"""

from PySide6.QtCore import Qt

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
USER = int(Qt.ItemDataRole.UserRole)  # the row's own object: an item's id, a suggestion

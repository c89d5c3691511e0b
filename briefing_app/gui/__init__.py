"""The PySide6 window: article view, brief editor, undo commands and dialogs."""

"""One section of the brief as a list: numbered passages with their citation (and speaker, for assessments).

The list only shows the model. Dragging an entry (within the list, or onto the other section's list)
does not move anything itself: it asks for the move through ``move_requested``, which the brief pane
turns into an undoable command; the list is then redrawn from the model.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QBrush, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from ..core.brief import EXPERT_ASSESSMENTS, ITEM_NOUN, Item, snippet
from .dialogs import plain_tooltip
from .focus_frame import FocusFrameDelegate
from .highlighter import section_colour

ID_ROLE = Qt.UserRole


def item_caption(number: int, item: Item, section: str) -> str:
    lines = [f"{number}. {snippet(item.text, 240)}  [{item.source}, ¶{item.paragraph}]"]
    if section == EXPERT_ASSESSMENTS:
        who = ", ".join(x for x in (item.speaker, item.affiliation) if x)
        lines.append(f"— {who}" if who else "— speaker not set")
    if item.note:
        lines.append(f"Note: {snippet(item.note, 160)}")
    return "\n".join(lines)


class ItemList(QListWidget):
    move_requested = Signal(list, int, str)  # item ids, the row they go before in this list, this list's section

    def __init__(self, section: str) -> None:
        super().__init__()
        self.section = section
        self.setObjectName(f"{section}_list")
        self.setAccessibleName(f"{ITEM_NOUN[section].capitalize()}s")
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideNone)
        self.setAlternatingRowColors(False)
        self.setSpacing(2)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDrop)
        self.setDefaultDropAction(Qt.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setItemDelegate(FocusFrameDelegate(self))

    def show_items(self, items: tuple[Item, ...]) -> None:
        """Redraw from the model, keeping the selection, current entry and scroll position."""
        selected = set(self.selected_ids())
        current = self.currentItem().data(ID_ROLE) if self.currentItem() else None
        scroll = self.verticalScrollBar().value()
        self.blockSignals(True)
        self.clear()
        marker = QBrush(section_colour(self.section, self.palette()))
        for number, item in enumerate(items, 1):
            entry = QListWidgetItem(item_caption(number, item, self.section))
            entry.setData(ID_ROLE, item.id)
            entry.setData(Qt.DecorationRole, marker.color())
            entry.setToolTip(plain_tooltip(item.text if len(item.text) < 2000 else item.text[:2000] + "…"))
            self.addItem(entry)
            if item.id in selected:
                entry.setSelected(True)
            if item.id == current:
                self.setCurrentItem(entry, QItemSelectionModel.NoUpdate)
        self.blockSignals(False)
        self.verticalScrollBar().setValue(scroll)

    def ids(self) -> list[str]:
        return [self.item(i).data(ID_ROLE) for i in range(self.count())]

    def selected_ids(self) -> list[str]:
        rows = sorted(self.row(e) for e in self.selectedItems())
        return [self.item(r).data(ID_ROLE) for r in rows]

    def chosen_ids(self) -> list[str]:
        """What Del and Ctrl+M act on: the selected entries, or with none selected the current one (framed)."""
        ids = self.selected_ids()
        if not ids and self.currentItem() is not None:
            ids = [self.currentItem().data(ID_ROLE)]
        return ids

    def select_id(self, item_id: str) -> bool:
        for i in range(self.count()):
            if self.item(i).data(ID_ROLE) == item_id:
                self.setCurrentRow(i, QItemSelectionModel.ClearAndSelect)
                self.scrollToItem(self.item(i))
                return True
        return False

    # --- drag and drop through the model
    def dropEvent(self, event: QDropEvent) -> None:
        source = event.source()
        if not isinstance(source, ItemList):
            event.ignore()
            return
        row = self._drop_row(event)
        event.setDropAction(Qt.IgnoreAction)  # the view must not move anything itself
        event.accept()
        self.move_requested.emit(source.selected_ids(), row, self.section)

    def _drop_row(self, event: QDropEvent) -> int:
        """The row the drop lands before, as the drop indicator shows it."""
        pos = event.position().toPoint()
        entry = self.itemAt(pos)
        if entry is None:
            return self.count()
        row = self.row(entry)
        rect = self.visualItemRect(entry)
        return row + 1 if pos.y() > rect.center().y() else row

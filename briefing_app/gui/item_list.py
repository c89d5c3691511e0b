"""One section of the brief as a list: numbered passages with their citation (and speaker, for assessments).

The list only shows the model. It is a model view, like the suggestions list: a brief of thousands of items
makes no widget per item, and a row's caption is made only when the view paints it. Dragging an entry
(within the list, or onto the other section's list) does not move anything itself: it asks for the move
through ``move_requested``, which the brief pane turns into an undoable command; the list is then redrawn
from the model.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListView

from ..core.brief import EXPERT_ASSESSMENTS, Item, snippet
from ..core.kinds import Section
from . import roles
from .dialogs import plain_tooltip
from .focus_frame import FocusFrameDelegate
from .highlighter import section_colour

ID_ROLE = roles.USER
TOOLTIP_CHARS = 2000


def item_caption(number: int, item: Item, section: str) -> str:
    lines = [f"{number}. {snippet(item.text, 240)}  [{item.source}, ¶{item.paragraph}]"]
    if section == EXPERT_ASSESSMENTS:
        who = ", ".join(x for x in (item.speaker, item.affiliation) if x)
        lines.append(f"— {who}" if who else "— speaker not set")
    if item.note:
        lines.append(f"Note: {snippet(item.note, 160)}")
    return "\n".join(lines)


class ItemModel(QAbstractListModel):
    """The items of one section, as the brief holds them; captions and tooltips are made when asked for."""

    def __init__(self, section: str, parent=None) -> None:
        super().__init__(parent)
        self.section = section
        self.items: tuple[Item, ...] = ()
        self.rows: dict[str, int] = {}  # item id -> row
        self.marker = QColor()  # the section's colour, as the article marks its passages

    def set_items(self, items: tuple[Item, ...]) -> None:
        self.beginResetModel()
        self.items = tuple(items)
        self.rows = {item.id: row for row, item in enumerate(self.items)}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.items)

    def data(self, index, role=roles.DISPLAY):
        item = self.items[index.row()]
        if role == roles.DISPLAY:
            return item_caption(index.row() + 1, item, self.section)
        if role == ID_ROLE:
            return item.id
        if role == roles.DECORATION:
            return self.marker
        if role == roles.TOOLTIP:
            text = item.text
            return plain_tooltip(text if len(text) < TOOLTIP_CHARS else text[:TOOLTIP_CHARS] + "…")
        return None

    # drags carry the rows (Qt's own list format); a drop only asks for a move (see ItemList.dropEvent)
    def flags(self, index):
        if not index.isValid():
            return Qt.ItemIsDropEnabled  # drops land between rows, never onto one
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled

    def supportedDropActions(self):
        return Qt.MoveAction

    def supportedDragActions(self):
        return Qt.MoveAction


class ItemList(QListView):
    move_requested = Signal(list, int, str)  # item ids, the row they go before in this list, this list's section
    selection_changed = Signal()  # the selected rows changed (not the current row alone)

    def __init__(self, section: str) -> None:
        super().__init__()
        self.section = Section(section)
        self.setModel(ItemModel(section, self))
        self.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        self.setObjectName(f"{section}_list")
        self.setAccessibleName(self.section.plural.capitalize())
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideNone)
        # no spacing: a QListView with spacing lays a word-wrapped row out at its width less the spacing but
        # paints it in the height the row needs at full width, so a row that wraps differently at the two
        # lost its last line above a blank gap; alternating colours show where one row ends instead
        self.setAlternatingRowColors(True)
        # rows are measured a batch at a time, between events: 50 word-wrapped rows take 10-15 ms
        self.setLayoutMode(QListView.Batched)
        self.setBatchSize(50)
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
        current = self.current_id()
        scroll = self.verticalScrollBar().value()
        model, selection = self.model(), self.selectionModel()
        model.marker = section_colour(self.section, self.palette())
        self.blockSignals(True)  # no selection_changed while the rows are put back as they were
        model.set_items(items)
        chosen = QItemSelection()
        for row in sorted(model.rows[i] for i in selected if i in model.rows):
            chosen.select(model.index(row), model.index(row))
        selection.select(chosen, QItemSelectionModel.Select)
        if current in model.rows:
            selection.setCurrentIndex(model.index(model.rows[current]), QItemSelectionModel.NoUpdate)
        self.blockSignals(False)
        self.verticalScrollBar().setValue(scroll)

    def count(self) -> int:
        return self.model().rowCount()

    def laying_out(self) -> bool:
        """Whether the shown list is still measuring its rows, a batch per pass of the event loop (a row has
        no place until its batch is measured; a hidden list measures none)."""
        rows = self.count()
        return self.isVisible() and rows > 0 and not self.visualRect(self.model().index(rows - 1)).isValid()

    def caption(self, row: int) -> str:
        """Row ``row`` as the list shows it."""
        return self.model().index(row).data()

    def ids(self) -> list[str]:
        return [item.id for item in self.model().items]

    def selected_ids(self) -> list[str]:
        items = self.model().items
        return [items[r].id for r in sorted(i.row() for i in self.selectionModel().selectedRows())]

    def current_id(self, selected: bool = False) -> str | None:
        """The current (framed) row's item; with ``selected``, only if that row is also selected."""
        index = self.currentIndex()
        if not index.isValid() or (selected and not self.selectionModel().isSelected(index)):
            return None
        return self.model().items[index.row()].id

    def chosen_ids(self) -> list[str]:
        """What Del and Ctrl+M act on: the selected entries, or with none selected the current one (framed)."""
        ids = self.selected_ids()
        current = self.current_id()
        return ids if ids or current is None else [current]

    def setCurrentRow(self, row: int, flags=QItemSelectionModel.ClearAndSelect) -> None:
        if 0 <= row < self.count():
            self.selectionModel().setCurrentIndex(self.model().index(row), flags)

    def select_id(self, item_id: str) -> bool:
        row = self.model().rows.get(item_id)
        if row is None:
            return False
        self.setCurrentRow(row)
        self.scrollTo(self.model().index(row))
        return True

    # --- drag and drop through the model
    def dropEvent(self, event: QDropEvent) -> None:
        source = event.source()
        if not isinstance(source, ItemList):
            event.ignore()
            return
        row = self._drop_row(event)
        event.setDropAction(Qt.IgnoreAction)  # the view must not move anything itself
        event.accept()
        self.setState(QAbstractItemView.NoState)  # the drag is over: no drop indicator left painted
        self.viewport().update()
        self.move_requested.emit(source.selected_ids(), row, self.section)

    def _drop_row(self, event: QDropEvent) -> int:
        """The row the drop lands before, as the drop indicator shows it."""
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if not index.isValid():
            return self.count()
        rect = self.visualRect(index)
        return index.row() + 1 if pos.y() > rect.center().y() else index.row()

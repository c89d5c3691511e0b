"""Every edit of the brief as a QUndoCommand that calls one model method (after Orange canvas's commands).

A command checks what it is asked to do in its constructor, through the model, so a refusal (a span
already taken, a bad date) raises ``BriefError`` before anything reaches the undo stack; ``redo`` and
``undo`` then only replay operations known to succeed. Removals keep their index so undo puts items
back where they were; several removals go in one command, one step of undo.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..core.brief import FIELD_NAMES, ITEM_FIELDS, ITEM_NOUN, Brief, BriefError, Item, Source, check_scale, snippet
from ..core.tradecraft import scale_named
from ..core.workbench import Planned


class BriefCommand(QUndoCommand):
    def __init__(self, brief: Brief, text: str) -> None:
        super().__init__(text)
        self.brief = brief


class AddItem(BriefCommand):
    """Add a span of a source to a section (at ``index``, default the end)."""

    def __init__(self, brief: Brief, section: str, source: int, start: int, end: int,
                 index: int | None = None, **details: str) -> None:  # fmt: skip
        self._hold(brief, section, brief.make_item(source, start, end, **details), index)  # raises SpanTaken ...

    @classmethod
    def planned(cls, brief: Brief, planned: Planned) -> AddItem:
        """The command adding an item a plan made and checked already (see core.workbench)."""
        command = cls.__new__(cls)
        command._hold(brief, planned.section, planned.item, planned.index)
        return command

    def _hold(self, brief: Brief, section: str, item: Item, index: int | None) -> None:
        self.item = item
        super().__init__(brief, f"Add {ITEM_NOUN[section]} “{snippet(item.text, 40)}”")
        self.section = section
        self.index = len(brief.items(section)) if index is None else index

    def redo(self) -> None:
        self.brief.insert_item(self.section, self.index, self.item)

    def undo(self) -> None:
        self.brief.remove_item(self.item.id)


class RemoveItems(BriefCommand):
    """Remove one or more items; undo puts each back at its index, in its section."""

    def __init__(self, brief: Brief, item_ids: list[str]) -> None:
        if not item_ids:
            raise BriefError("no item is selected")
        found = sorted((brief.find(i) for i in item_ids), key=lambda f: (f[0], f[1]))
        noun = brief.label(item_ids[0]) if len(item_ids) == 1 else f"{len(item_ids)} items"
        super().__init__(brief, f"Delete {noun}")
        self.removed = [(section, index, item) for section, index, item in found]

    def redo(self) -> None:
        for _, _, item in reversed(self.removed):  # from the end, so earlier indexes stay valid
            self.brief.remove_item(item.id)

    def undo(self) -> None:
        for section, index, item in self.removed:
            self.brief.insert_item(section, index, item)


class EditItem(BriefCommand):
    """Change an item's speaker, affiliation, note, tags, likelihood, confidence, credibility or span.
    Typing in one field of one item merges into a single step."""

    MERGE_ID = 1001

    def __init__(self, brief: Brief, item_id: str, **changes) -> None:
        section, index, old = brief.find(item_id)
        details = {f: getattr(old, f) for f in ITEM_FIELDS} | {k: v for k, v in changes.items() if k in ITEM_FIELDS}
        start, end = changes.get("start", old.start), changes.get("end", old.end)
        unknown = set(changes) - {"start", "end", *ITEM_FIELDS}
        if unknown:
            raise BriefError(f"an item has no {', '.join(sorted(unknown))}")
        self.new = brief.make_item(old.source, start, end, item_id=old.id, ignore=old.id, **details)
        self.old = old
        self.fields = frozenset(changes)
        what = ", ".join(sorted(changes)) if set(changes) != {"start", "end"} else "passage"
        super().__init__(brief, f"Edit {what} of {brief.label(item_id)}")

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditItem) or other.old.id != self.old.id or other.fields != self.fields:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.brief.replace_item(self.new)

    def undo(self) -> None:
        self.brief.replace_item(self.old)


class MoveItem(BriefCommand):
    """Move an item to ``index`` of ``section`` (its own by default)."""

    def __init__(self, brief: Brief, item_id: str, index: int, section: str | None = None) -> None:
        old_section, old_index, item = brief.find(item_id)
        self.section = old_section if section is None else section
        limit = len(brief.items(self.section)) - (1 if self.section == old_section else 0)
        if not 0 <= index <= limit:
            raise BriefError(f"{brief.label(item_id)} cannot move to position {index + 1}")
        where = "" if self.section == old_section else f" to the {ITEM_NOUN[self.section]}s"
        super().__init__(brief, f"Move {brief.label(item_id)}{where}")
        self.item_id, self.index = item_id, index
        self.old_section, self.old_index = old_section, old_index

    def redo(self) -> None:
        self.brief.move_item(self.item_id, self.index, self.section)

    def undo(self) -> None:
        self.brief.move_item(self.item_id, self.old_index, self.old_section)


class SortItems(BriefCommand):
    """Order a section as the passages come in the sources."""

    def __init__(self, brief: Brief, section: str) -> None:
        super().__init__(brief, f"Sort {ITEM_NOUN[section]}s by place in the article")
        self.section = section
        self.before = [it.id for it in brief.items(section)]

    def redo(self) -> None:
        self.brief.sort_items(self.section)

    def undo(self) -> None:
        self.brief.set_order(self.section, self.before)


class SetField(BriefCommand):
    """Set a field of the brief (title, date, author, handling, BLUF, comment, their likelihood and
    confidence). Successive edits of the
    same field merge into one step of undo."""

    MERGE_ID = 1002

    def __init__(self, brief: Brief, name: str, value: str) -> None:
        self.name, self.old = name, getattr(brief, name)
        probe = brief.snapshot()
        probe.set_field(name, value)  # checks the value (a date, a handling mark) without changing the brief
        self.value = getattr(probe, name)
        label = FIELD_NAMES.get(name, name.replace("_", " "))  # "prepared_for" → "prepared for"
        super().__init__(brief, f"Edit the {label}")

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetField) or other.name != self.name:
            return False
        self.value = other.value
        return True

    def redo(self) -> None:
        self.brief.set_field(self.name, self.value)

    def undo(self) -> None:
        self.brief.set_field(self.name, self.old)


class SetStatus(SetField):
    """Mark the brief final, or a draft again: each change is one step of undo (never merged, as typing is)."""

    def __init__(self, brief: Brief, status: str) -> None:
        super().__init__(brief, "status", status)
        self.setText("Mark the brief final" if self.value == "final" else "Mark the brief as a draft")

    def id(self) -> int:
        return -1


class SetLikelihoodScale(BriefCommand):
    """Choose the brief's likelihood scale. The model maps every likelihood already stated to the new scale
    (or clears them all, for none); undo puts back the scale and every one of them, in one step."""

    def __init__(self, brief: Brief, scale: str) -> None:
        self.scale = check_scale(scale)
        chosen = scale_named(self.scale)
        super().__init__(brief, f"Use {chosen.name} for likelihood" if chosen else "Use no likelihood scale")
        self.change = None

    def redo(self) -> None:
        self.change = self.brief.set_likelihood_scale(self.scale)

    def undo(self) -> None:
        self.brief.undo_likelihood_scale(self.change)


class AddSource(BriefCommand):
    def __init__(self, brief: Brief, source: Source) -> None:
        super().__init__(brief, f"Add source “{snippet(source.title, 40)}”")
        self.source = source
        self.number = len(brief.sources) + 1

    def redo(self) -> None:
        self.brief.add_source(self.source, self.number)

    def undo(self) -> None:
        self.brief.remove_source(self.number)


class UpdateSource(BriefCommand):
    """Change a source's metadata (title, publisher, URL, dates, reliability, access, perspective)."""

    MERGE_ID = 1003

    def __init__(self, brief: Brief, number: int, **changes: str) -> None:
        self.number = number
        self.old = {k: getattr(brief.source(number), k) for k in changes}
        probe = brief.snapshot()
        probe.update_source(number, **changes)  # checks the new values
        self.new = dict(changes)
        super().__init__(brief, f"Edit source {number}")

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, UpdateSource) or other.number != self.number or set(other.new) != set(self.new):
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.brief.update_source(self.number, **self.new)

    def undo(self) -> None:
        self.brief.update_source(self.number, **self.old)

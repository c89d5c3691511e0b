"""Every edit of the brief as a QUndoCommand that calls one model method (after Orange canvas's commands).

A command asks the model, in its constructor, whether what it is asked to do is allowed (the model's
``check_*``, ``make_item``, ``find_items`` and ``plan_move`` change nothing), so a refusal (a span already
taken, a bad date) raises ``BriefError`` before anything reaches the undo stack; ``redo`` and ``undo`` then
only replay model calls known to succeed. No command holds a rule of its own. Removals keep their index
so undo puts items back where they were; several items added (accepted suggestions), removed or moved are
one command, one model call and one step of undo. Each is tested alone on a bare QUndoStack
(tests/unit/test_undo_commands.py).
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..core.brief import FIELD_NAMES, Brief, Item, Planned, Source, check_scale, snippet
from ..core.kinds import Section, Status
from ..core.tradecraft import scale_named


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
        super().__init__(brief, f"Add {Section(section).noun} “{snippet(item.text, 40)}”")
        self.section = section
        self.index = len(brief.items(section)) if index is None else index

    def redo(self) -> None:
        self.brief.insert_item(self.section, self.index, self.item)

    def undo(self) -> None:
        self.brief.remove_item(self.item.id)


class AddItems(BriefCommand):
    """Add the items of a plan (accepted suggestions, see core.workbench) in one model call and one step of
    undo, which removes exactly those items; redo puts the same items (the same ids) back. The plan is
    checked whole when the command is made, so a refused one never reaches the stack."""

    def __init__(self, brief: Brief, planned: list[Planned], text: str | None = None) -> None:
        brief.check_add_items(planned)  # raises SpanTaken, BriefError ...
        super().__init__(brief, text or f"Accept {len(planned)} suggestions")
        self.planned = list(planned)
        self.item_ids = [p.item.id for p in self.planned]

    def redo(self) -> None:
        self.brief.add_items(self.planned)

    def undo(self) -> None:
        self.brief.remove_items(self.item_ids)


class RemoveItems(BriefCommand):
    """Remove one or more items; undo puts each back at its index, in its section."""

    def __init__(self, brief: Brief, item_ids: list[str]) -> None:
        self.removed = brief.find_items(item_ids)
        noun = brief.label(item_ids[0]) if len(item_ids) == 1 else f"{len(item_ids)} items"
        super().__init__(brief, f"Delete {noun}")
        self.item_ids = [item.id for _, _, item in self.removed]

    def redo(self) -> None:
        self.brief.remove_items(self.item_ids)

    def undo(self) -> None:
        self.brief.put_back(self.removed)


class EditItem(BriefCommand):
    """Change an item's speaker, affiliation, note, tags, likelihood, confidence, credibility or span.
    Typing in one field of one item merges into a single step."""

    MERGE_ID = 1001

    def __init__(self, brief: Brief, item_id: str, **changes) -> None:
        self.new = brief.check_edit(item_id, **changes)
        self.old = brief.find(item_id)[2]
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
    """Move an item to ``index`` of ``section`` (its own by default). :meth:`many` moves several at once."""

    def __init__(self, brief: Brief, item_id: str, index: int, section: str | None = None) -> None:
        self.old_section, self.old_index, self.section = brief.check_move(item_id, index, section)
        where = "" if self.section == self.old_section else f" to the {self.section.plural}"
        super().__init__(brief, f"Move {brief.label(item_id)}{where}")
        self.item_id, self.index = item_id, index

    @staticmethod
    def many(brief: Brief, item_ids: list[str], row: int, section: str) -> MoveItems:
        """The command moving ``item_ids`` (in this order) to stand before ``row`` of ``section``."""
        return MoveItems(brief, item_ids, row, section)

    def redo(self) -> None:
        self.brief.move_item(self.item_id, self.index, self.section)

    def undo(self) -> None:
        self.brief.move_item(self.item_id, self.old_index, self.old_section)


class MoveItems(BriefCommand):
    """Move items (in the order given, from either section) to stand together before ``row`` of ``section``
    (its length: at the end), in one step of undo. A move that changes nothing is dropped by the stack."""

    def __init__(self, brief: Brief, item_ids: list[str], row: int, section: str) -> None:
        self.after = brief.plan_move(item_ids, row, section)
        self.before = brief.arrangement(*self.after.sections)
        noun = brief.label(item_ids[0]) if len(item_ids) == 1 else f"{len(item_ids)} items"
        where = "" if self.after.sections == (section,) else f" to the {Section(section).plural}"
        super().__init__(brief, f"Move {noun}{where}")
        self.setObsolete(self.after == self.before)

    def redo(self) -> None:
        self.brief.arrange(self.after)

    def undo(self) -> None:
        self.brief.arrange(self.before)


class SortItems(BriefCommand):
    """Order a section as the passages come in the sources."""

    def __init__(self, brief: Brief, section: str) -> None:
        super().__init__(brief, f"Sort {Section(section).plural} by place in the article")
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
        self.value = brief.check_field(name, value)
        self.name, self.old = name, getattr(brief, name)
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
        self.setText("Mark the brief final" if self.value == Status.FINAL else "Mark the brief as a draft")

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
    """Add a source (as the last, by default); undo removes it again."""

    def __init__(self, brief: Brief, source: Source, number: int | None = None) -> None:
        self.number = brief.check_new_source(source, number)
        super().__init__(brief, f"Add source “{snippet(source.title, 40)}”")
        self.source = source

    def redo(self) -> None:
        self.brief.add_source(self.source, self.number)

    def undo(self) -> None:
        self.brief.remove_source(self.number)


class UpdateSource(BriefCommand):
    """Change a source's metadata (title, publisher, URL, dates, reliability, access, perspective)."""

    MERGE_ID = 1003

    def __init__(self, brief: Brief, number: int, **changes: str) -> None:
        new = brief.check_source_update(number, **changes)
        self.number = number
        self.old = {k: getattr(brief.source(number), k) for k in changes}
        self.new = {k: getattr(new, k) for k in changes}
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

"""The closed sets of names the model, the file format and the command line share, one spelling each.

Each is a :class:`~enum.StrEnum`: a member *is* its string (``Section.KEY_FACTS == "key_facts"``), so JSON
writes it as that string and a plain string read from a file or typed by a caller finds its member with
``Section(value)``. The values are the spellings of the .brief file (``resources/brief.schema.json``) and of
``briefing-app suggest --json``: never change one, add a member instead.

What one kind says about another is a property of the enum (``SuggestionKind.section``, ``Section.noun``),
never a dict kept beside it.
"""

from __future__ import annotations

from enum import StrEnum


class Section(StrEnum):
    """A list of items in a brief, named as the .brief file's key for it."""

    KEY_FACTS = "key_facts"
    EXPERT_ASSESSMENTS = "expert_assessments"

    @property
    def noun(self) -> str:
        """One of its items, as the user reads it: "key fact", "expert assessment"."""
        return self.value[:-1].replace("_", " ")

    @property
    def plural(self) -> str:
        """Its items, as the user reads them: "key facts", "expert assessments"."""
        return self.value.replace("_", " ")

    @property
    def other(self) -> Section:
        """The other section (where a move across sections goes)."""
        return Section.EXPERT_ASSESSMENTS if self is Section.KEY_FACTS else Section.KEY_FACTS

    @property
    def kind(self) -> SuggestionKind:
        """The kind of suggestion that, accepted, becomes an item of this section."""
        return SuggestionKind.KEY_FACT if self is Section.KEY_FACTS else SuggestionKind.EXPERT_ASSESSMENT


class SuggestionKind(StrEnum):
    """What the suggestion engine proposes a passage as (``suggest --json``'s ``kind``)."""

    KEY_FACT = "key_fact"
    EXPERT_ASSESSMENT = "expert_assessment"
    OPINION = "opinion"  # rhetoric to flag: never an item of the brief

    @property
    def section(self) -> Section | None:
        """The section an accepted suggestion of this kind goes to; None for opinion, which is not briefed."""
        if self is SuggestionKind.OPINION:
            return None
        return Section.KEY_FACTS if self is SuggestionKind.KEY_FACT else Section.EXPERT_ASSESSMENTS

    @property
    def word(self) -> str:
        """The kind in one word, as ``briefing-app suggest`` lists it: "fact", "assessment", "opinion"."""
        return self.value.rpartition("_")[2]


class Status(StrEnum):
    """A brief's status: a draft (its outputs say DRAFT across every page) until the analyst marks it final."""

    DRAFT = "draft"
    FINAL = "final"


class ExportFormat(StrEnum):
    """A format a brief exports to, as ``briefing-app export --format`` takes it."""

    PDF = "pdf"
    DOCX = "docx"
    MARKDOWN = "markdown"


class ChangeKind(StrEnum):
    """What changed in a brief, as :class:`~briefing_app.core.brief.Change` tells its listeners."""

    FIELD = "field"  # one of the brief's fields (its name says which)
    SOURCES = "sources"  # the sources: added, removed, updated (citations may be renumbered)
    ITEMS = "items"  # a section's order or membership
    ITEM = "item"  # one item's details

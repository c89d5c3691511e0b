"""Brief -> CommonMark (``export -o OUT.md``), and the walk through the outline that every text format shares.

:class:`Setter` walks the :func:`~.outline.outline` in the PDF's order (handling mark, title, memo rows, BLUF,
key facts, expert assessments, analyst comment, sources and the key to their grades, the likelihood scale,
handling mark again) and decides once which pieces an assessment has; each text format (Markdown here, the
clipboard's HTML and plain text in :mod:`.clipboard`) only says how a piece looks.

Every string from the user or a source is escaped so that a CommonMark reader shows it literally: Markdown
punctuation is backslash-escaped (``\\*``, ``\\[``, ``\\<`` ..., so no raw HTML, link or emphasis comes from
the brief), a ``&`` that would start an entity is escaped, and a line that would open a block (``# ``, ``> ``,
``- ``, ``1. ``, ``2024. A year``) has its marker escaped. Line breaks inside a field become hard breaks (a
backslash at the end of the line) and blank-line-separated paragraphs stay paragraphs, as in the PDF.
"""

from __future__ import annotations

import re

from ..core.brief import Brief
from .markup import safe_url
from .outline import (
    DRAFT_MARK,
    NOTE_LABEL,
    SECTION_TITLES,
    Citation,
    ExpertAssessment,
    KeyFact,
    Outline,
    PrintedPart,
    ScaleTable,
    SourceEntry,
    full_stop,
    outline,
)

# C0 and C1 controls other than tab and line feed: no format shows them, CommonMark turns NUL into U+FFFD,
# XML forbids them and, pasted into a terminal, ESC sequences are commands. Invisible formatting characters
# (joiners, bidirectional marks) stay: Arabic, Devanagari and emoji need them.
DRAFT_NOTICE = f"{DRAFT_MARK}: not yet marked final"  # the first line of a draft's text
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def tidy(value: str) -> str:
    """``value`` with every line end as ``\\n`` and control characters dropped."""
    return _CONTROLS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(value: str) -> str:
    """A string the PDF sets as one flowing line (a title, an item, a name): its line breaks, with the spaces
    around them, become one space."""
    return re.sub(r"[ \t]*\n[ \t\n]*", " ", tidy(value)).strip(" \t")


def field_lines(value: str) -> list[str]:
    """The lines of a field whose line breaks are kept (memo rows, BLUF, comment, notes), each without the
    spaces around it; a blank line is kept as ""."""
    return [line.strip(" \t") for line in tidy(value).strip(" \t\n").split("\n")]


class Setter:
    """Sets an outline in one text format. Subclasses say how each piece looks; pieces are strings, and a
    piece that is "" is left out."""

    separator = "\n\n"  # between blocks
    after_heading = "\n\n"  # between a section's heading and its first block
    group_separator = "\n"  # between the pieces of one assessment

    def render(self, o: Outline) -> str:
        blocks = [self.paragraph(DRAFT_NOTICE) if o.draft else "", self.banner(o.handling), self.title(o.title),
                  self.memo(o.memo)]  # fmt: skip
        sections = (
            (PrintedPart.BLUF, [self.judgement(o.bluf_judgement, shaded=True) if o.bluf_judgement else "",
                      *(self.paragraph(block, shaded=True) for block in o.bluf)]),
            (PrintedPart.KEY_FACTS, [self.facts(o.key_facts)] if o.key_facts else []),
            (PrintedPart.EXPERT_ASSESSMENTS, [self.assessment(entry) for entry in o.assessments]),
            (PrintedPart.COMMENT, [self.judgement(o.comment_judgement) if o.comment_judgement else "",
                         *(self.paragraph(block) for block in o.comment)]),
            (PrintedPart.SOURCES, [self.sources(o.sources), self.key(o.grades_key) if o.grades_key else ""]
                                  if o.sources else []),
            (PrintedPart.SCALE, [self.scale(o.scale), self.key(o.scale.caption)] if o.scale else []),
        )  # fmt: skip
        for key, body in sections:
            body = [b for b in body if b]
            if body:
                blocks += [self.heading(SECTION_TITLES[key]) + self.after_heading + body[0], *body[1:]]
        blocks.append(self.banner(o.handling))
        return self.separator.join(b for b in blocks if b) + "\n"

    def assessment(self, entry: ExpertAssessment) -> str:
        """A direct quotation with the attribution line beneath; reported speech led by who said it unless its
        text already says so; the analyst's note last. The citation ends the attribution line, or the
        reported speech when there is none."""
        shown, cited = entry.shown, entry.citation
        if shown.quotation:
            pieces = [self.quotation(shown.text)]
        else:
            pieces = [self.reported(shown.text, shown.lead, None if shown.attribution else cited)]
        if shown.attribution:
            pieces.append(self.attribution(shown.attribution, cited))
        if entry.judgement:
            pieces.append(self.judgement_block(entry.judgement))
        if entry.note:
            pieces.append(self.note_block(entry.note))
        return self.group_separator.join(pieces)

    def note_block(self, note: str) -> str:
        return self.note(note)

    def judgement_block(self, words: str) -> str:
        """An assessment's likelihood and confidence, beneath it."""
        return self.judgement(words)

    # --- the pieces, for each format
    def banner(self, mark: str) -> str:
        raise NotImplementedError

    def title(self, title: str) -> str:
        raise NotImplementedError

    def memo(self, rows: tuple[tuple[str, str], ...]) -> str:
        raise NotImplementedError

    def heading(self, label: str) -> str:
        raise NotImplementedError

    def paragraph(self, block: str, shaded: bool = False) -> str:
        raise NotImplementedError

    line_break = "\n"  # between the lines of one list item

    def facts(self, facts: tuple[KeyFact, ...]) -> str:
        """The key facts as a numbered list, each with its citation, then its judgement and note beneath it,
        lined up with its text."""
        items = []
        for fact in facts:
            marker = f"{fact.number}. "
            indent = " " * len(marker)
            item = f"{marker}{self.fact_text(fact.text)} {self.cited(fact.citation)}"
            if fact.judgement:
                item += f"{self.line_break}{indent}{self.judgement(fact.judgement)}"
            if fact.note:
                item += f"{self.line_break}{indent}{self.note(fact.note, indent)}"
            items.append(item)
        return "\n".join(items)

    def fact_text(self, text: str) -> str:
        raise NotImplementedError

    def cited(self, cited: Citation) -> str:
        raise NotImplementedError

    def quotation(self, text: str) -> str:
        raise NotImplementedError

    def reported(self, text: str, lead: tuple[str, str] | None, cited: Citation | None) -> str:
        raise NotImplementedError

    def attribution(self, who: str, cited: Citation) -> str:
        raise NotImplementedError

    def note(self, note: str, indent: str = "") -> str:
        raise NotImplementedError

    def sources(self, entries: tuple[SourceEntry, ...]) -> str:
        raise NotImplementedError

    def judgement(self, words: str, shaded: bool = False) -> str:
        """A judgement's likelihood and confidence in words, "Likely (55–80%); moderate confidence"."""
        raise NotImplementedError

    def key(self, text: str) -> str:
        """A small explanatory paragraph: the key to the grades, the scale's source."""
        raise NotImplementedError

    def scale(self, table: ScaleTable) -> str:
        raise NotImplementedError


# Markdown punctuation that means something anywhere in a line; "&" only where it would start an entity
# ("AT&T" stays readable, "&amp;" becomes "\&amp;"). "|" and "~" are not CommonMark but GitHub's tables and
# strikethrough; "<" covers raw HTML and autolinks.
_INLINE = re.compile(r"[\\`*_\[\]<#|~]|&(?=#?[0-9A-Za-z]+;)")
# what opens a block at the start of a line: a block quote, a bullet, a setext underline, "1." or "1)"
_LINE_START = re.compile(r"^(?:([>+=-])|(\d{1,9})([.)]))")


def escape(line: str) -> str:
    """One line of user text as Markdown that reads back as exactly that text."""
    line = _INLINE.sub(lambda m: "\\" + m.group(), line)
    return _LINE_START.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line)


def escaped_lines(value: str, indent: str = "") -> str:
    """A field keeping its line breaks: a backslash at the end of a line is a hard break in CommonMark (two
    trailing spaces would be too, but invisible and stripped by editors); ``indent`` keeps the following
    lines inside a list item."""
    return ("\\\n" + indent).join(escape(line) for line in field_lines(value))


def cite(cited: Citation) -> str:
    """A citation such as [1, ¶13], linked to its source's entry.

    CommonMark has no footnotes (GitHub's ``[^1]`` is an extension that would renumber them and print
    them apart from the list of sources), so the citation is an ordinary inline link, ``[[1, ¶13]](#source-1)``
    (a matched pair of brackets may stand inside a link's text), to the anchor that begins the source's entry:
    every CommonMark reader shows it as a link, GitHub follows it to the entry, and read as plain text it is
    still the citation the PDF prints.
    """
    return f"[{cited}](#source-{cited.source})"


def link_destination(url: str) -> str:
    """``url`` as a link's destination: CommonMark reads backslash escapes and entities there too."""
    return re.sub(r"[\\()&]", lambda m: "\\" + m.group(), url)


class MarkdownSetter(Setter):
    group_separator = "\n\n"  # the attribution line beneath a block quote must be a paragraph of its own

    def banner(self, mark: str) -> str:
        return f"**{escape(one_line(mark))}**"

    def title(self, title: str) -> str:
        return f"# {escape(one_line(title))}"

    def memo(self, rows: tuple[tuple[str, str], ...]) -> str:
        return "\n".join(f"- **{label}:** {escaped_lines(value, '  ')}" for label, value in rows)

    def heading(self, label: str) -> str:
        return f"## {label}"

    def paragraph(self, block: str, shaded: bool = False) -> str:
        return escaped_lines(block)

    # a hard break keeps the judgement and note in the fact's list item (a blank line would loosen the list)
    line_break = "\\\n"

    def fact_text(self, text: str) -> str:
        return escape(one_line(text))

    def cited(self, cited: Citation) -> str:
        return cite(cited)

    def quotation(self, text: str) -> str:
        return f"> {escape(one_line(text))}"

    def reported(self, text: str, lead: tuple[str, str] | None, cited: Citation | None) -> str:
        body = escape(one_line(text))
        if lead:
            speaker, affiliation = (escape(one_line(x)) for x in lead)
            name = f"**{speaker}**" if speaker else ""
            body = ", ".join(x for x in (name, affiliation) if x) + ": " + body
        return f"{body} {cite(cited)}" if cited else body

    def attribution(self, who: str, cited: Citation) -> str:
        return f"— {escape(one_line(who))} {cite(cited)}"

    def note(self, note: str, indent: str = "") -> str:
        return f"*{NOTE_LABEL.strip()}* {escaped_lines(note, indent)}"

    def judgement(self, words: str, shaded: bool = False) -> str:
        return f"**{escape(words)}**"

    def key(self, text: str) -> str:
        return f"*{escape(text)}*"

    def scale(self, table: ScaleTable) -> str:
        # a list, not a table: CommonMark has no tables (GitHub's are an extension)
        return "\n".join(f"- **{escape(term)}**: {escape(shown)}" for term, shown in table.rows)

    def sources(self, entries: tuple[SourceEntry, ...]) -> str:
        items = []
        for entry in entries:
            # the anchor citations link to: raw HTML, the one thing CommonMark has for it; "name" as GitHub documents
            # custom anchors (browsers go to an <a name> as to an id)
            anchor = f'<a name="source-{entry.number}"></a>'
            parts = [f"{entry.number}. {anchor}{escape(full_stop(one_line(entry.title)))}"]
            parts += [escape(one_line(d)) for d in entry.details]
            url, target = one_line(entry.url), safe_url(entry.url)
            if target:
                parts.append(f"[{escape(url)}]({link_destination(target)})")
            elif url:
                parts.append(escape(url))
            items.append(" ".join(parts))
        return "\n".join(items)


def render_markdown(brief: Brief) -> str:
    """``brief`` as CommonMark: the same sections, words and citations as the PDF."""
    return MarkdownSetter().render(outline(brief))

"""What Copy brief puts on the clipboard: an HTML fragment and plain text of the same brief (no Qt here).

A paste into an e-mail or a word processor takes the HTML and keeps the headings, numbered lists, block
quotes and links; a paste into a terminal or a chat takes the plain text, which carries no markup beyond an
underlined title and section names. Both set the :func:`~.outline.outline`, walked by
:class:`~.markdown.Setter` like the Markdown export.

The HTML is a fragment for ``QMimeData.setHtml``: inline styles only (mail clients drop style sheets), no
scripts, images or other external resources, every string through :func:`html.escape`, links only to http(s)
addresses and to the sources' entries in the fragment itself.
"""

from __future__ import annotations

import html
import unicodedata

from ..core.brief import Brief
from .markdown import Setter, field_lines, one_line
from .markup import LINK_COLOUR, safe_url
from .outline import NOTE_LABEL, Citation, KeyFact, Outline, ScaleTable, SourceEntry, full_stop, outline
from .renderer import ACCENT_HEX, BLUF_BACKGROUND_HEX, MUTED_HEX, TLP_COLOURS

# an assessment, quoted or reported, stands out with a rule down its left as in the PDF (Qt shows the margin)
BAR_STYLE = f"padding-left:8px;border-left:3px solid {ACCENT_HEX};margin:0 0 {{}}px 16px"
INDENTED = "margin:0 0 12px 16px"  # the attribution and note under a quotation, in line with it


def text(value: str) -> str:
    return html.escape(one_line(value))


def lines(value: str) -> str:
    return "<br>".join(html.escape(line) for line in field_lines(value))


class HtmlSetter(Setter):
    separator = after_heading = "\n"

    def render(self, o: Outline) -> str:
        # The charset tells a receiving application that reads the clipboard's bytes (not Qt's string)
        # that they are UTF-8; overflow-wrap keeps a 20,000-character word inside the message's width.
        body = super().render(o)
        return f'<meta charset="utf-8">\n<div style="overflow-wrap:break-word;word-wrap:break-word">\n{body}</div>\n'

    def banner(self, mark: str) -> str:
        colour = TLP_COLOURS.get(mark)  # a TLP label in its FIRST colours on black, as in the PDF
        style = f"background-color:#000000;color:{colour};padding:0 4px;" if colour else ""
        return f'<p style="margin:0 0 8px"><span style="{style}font-weight:bold">{text(mark)}</span></p>'

    def title(self, title: str) -> str:
        return f'<h1 style="font-size:20px;margin:0 0 8px">{text(title)}</h1>'

    def memo(self, rows: tuple[tuple[str, str], ...]) -> str:
        shown = [f'<span style="color:{MUTED_HEX}">{label}:</span> {lines(value)}' for label, value in rows]
        return f'<p style="margin:0 0 12px">{"<br>".join(shown)}</p>'

    def heading(self, label: str) -> str:
        return f'<h2 style="font-size:15px;color:{ACCENT_HEX};margin:16px 0 6px">{label}</h2>'

    def paragraph(self, block: str, shaded: bool = False) -> str:
        style = f"background-color:{BLUF_BACKGROUND_HEX};padding:6px 8px;margin:0 0 8px" if shaded else "margin:0 0 8px"
        return f'<p style="{style}">{lines(block)}</p>'

    def facts(self, facts: tuple[KeyFact, ...]) -> str:
        items = []
        for fact in facts:
            judged = f'<br><b style="color:{ACCENT_HEX}">{text(fact.judgement)}</b>' if fact.judgement else ""
            note = f"<br>{self.note(fact.note)}" if fact.note else ""
            items.append(f'<li style="margin:0 0 4px">{text(fact.text)} {cite(fact.citation)}{judged}{note}</li>')
        return "<ol>\n" + "\n".join(items) + "\n</ol>"

    def quotation(self, quoted: str) -> str:
        return f'<blockquote style="{BAR_STYLE.format(4)}"><i>{text(quoted)}</i></blockquote>'

    def reported(self, said: str, lead: tuple[str, str] | None, cited: Citation | None) -> str:
        body = text(said)
        if lead:
            speaker, affiliation = lead
            name = f"<b>{text(speaker)}</b>" if speaker.strip() else ""
            body = ", ".join(x for x in (name, text(affiliation)) if x) + ": " + body
        ending = f" {cite(cited)}" if cited else ""
        return f'<p style="{BAR_STYLE.format(12 if cited else 4)}">{body}{ending}</p>'

    def attribution(self, who: str, cited: Citation) -> str:
        return f'<p style="{INDENTED}">— {text(who)} {cite(cited)}</p>'

    def note(self, note: str, indent: str = "") -> str:
        return f'<i style="color:{MUTED_HEX}">{NOTE_LABEL}{lines(note)}</i>'

    def note_block(self, note: str) -> str:
        return f'<p style="{INDENTED}">{self.note(note)}</p>'

    def judgement(self, words: str, shaded: bool = False) -> str:
        style = f"background-color:{BLUF_BACKGROUND_HEX};padding:6px 8px;margin:0" if shaded else "margin:0 0 8px"
        return f'<p style="{style};color:{ACCENT_HEX}"><b>{text(words)}</b></p>'

    def judgement_block(self, words: str) -> str:
        return f'<p style="{INDENTED};color:{ACCENT_HEX}"><b>{text(words)}</b></p>'

    def key(self, words: str) -> str:
        return f'<p style="font-size:11px;color:{MUTED_HEX};margin:4px 0 8px">{text(words)}</p>'

    def scale(self, table: ScaleTable) -> str:
        cell = "padding:1px 12px 1px 0;border-bottom:1px solid #d0d4da;text-align:left"
        rows = [f'<tr><th style="{cell}">Term</th><th style="{cell}">Probability</th></tr>']
        rows += [f'<tr><td style="{cell}">{text(term)}</td><td style="{cell}">{text(shown)}</td></tr>'
                 for term, shown in table.rows]  # fmt: skip
        return '<table style="border-collapse:collapse;margin:0 0 4px">\n' + "\n".join(rows) + "\n</table>"

    def sources(self, entries: tuple[SourceEntry, ...]) -> str:
        items = []
        for entry in entries:
            anchor = f'<a id="source-{entry.number}" name="source-{entry.number}"></a>'  # name: for Qt and Outlook
            parts = [anchor + text(full_stop(entry.title)), *(text(d) for d in entry.details)]
            url, target = one_line(entry.url), safe_url(entry.url)
            if target:
                parts.append(f'<a href="{html.escape(target)}" style="color:{LINK_COLOUR}">{html.escape(url)}</a>')
            elif url:
                parts.append(html.escape(url))
            items.append(f'<li style="margin:0 0 4px">{" ".join(parts)}</li>')
        return "<ol>\n" + "\n".join(items) + "\n</ol>"


def cite(cited: Citation) -> str:
    """The citation, linked to its source's entry below, never broken across lines."""
    return (f'<a href="#source-{cited.source}" style="color:{LINK_COLOUR};text-decoration:none;white-space:nowrap">'
            f"{html.escape(str(cited))}</a>")  # fmt: skip


def display_width(value: str) -> int:
    """How many terminal columns ``value`` takes: wide (CJK) characters two, combining marks none."""
    width = 0
    for char in value:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


MAX_RULE = 79  # a long title wraps by itself; its underline stops at a line's width


def underlined(value: str, rule: str) -> str:
    return f"{value}\n{rule * max(1, min(display_width(value), MAX_RULE))}"


class PlainSetter(Setter):
    """Plain text, not hard-wrapped: terminals and chat windows wrap lines themselves."""

    after_heading = "\n"

    def banner(self, mark: str) -> str:
        return one_line(mark)

    def title(self, title: str) -> str:
        return underlined(one_line(title), "=")

    def memo(self, rows: tuple[tuple[str, str], ...]) -> str:
        return "\n".join(f"{label}: {plain_lines(value, ' ' * (len(label) + 2))}" for label, value in rows)

    def heading(self, label: str) -> str:
        return underlined(label, "-")

    def paragraph(self, block: str, shaded: bool = False) -> str:
        return plain_lines(block)

    def fact_text(self, text: str) -> str:
        return one_line(text)

    def cited(self, cited: Citation) -> str:
        return str(cited)

    def quotation(self, quoted: str) -> str:
        return one_line(quoted)

    def reported(self, said: str, lead: tuple[str, str] | None, cited: Citation | None) -> str:
        body = one_line(said)
        if lead:
            body = ", ".join(x for x in (one_line(lead[0]), one_line(lead[1])) if x) + ": " + body
        return f"{body} {cited}" if cited else body

    def attribution(self, who: str, cited: Citation) -> str:
        return f"— {one_line(who)} {cited}"

    def note(self, note: str, indent: str = "") -> str:
        return NOTE_LABEL + plain_lines(note, indent)

    def sources(self, entries: tuple[SourceEntry, ...]) -> str:
        items = []
        for entry in entries:
            parts = [f"[{entry.number}]", full_stop(one_line(entry.title)), *(one_line(d) for d in entry.details)]
            items.append(" ".join([*parts, one_line(entry.url)]).rstrip())
        return "\n".join(items)

    def judgement(self, words: str, shaded: bool = False) -> str:
        return words

    def key(self, text: str) -> str:
        return text

    def scale(self, table: ScaleTable) -> str:
        width = max(display_width(term) for term, _ in table.rows) + 2
        return "\n".join(term + " " * (width - display_width(term)) + shown for term, shown in table.rows)


def plain_lines(value: str, indent: str = "") -> str:
    """A field keeping its line breaks; ``indent`` lines its continuation up under its first line."""
    return "\n".join(indent + line if i and line else line for i, line in enumerate(field_lines(value)))


def render_html(brief: Brief) -> str:
    """``brief`` as an HTML fragment for the clipboard (``QMimeData.setHtml``)."""
    return HtmlSetter().render(outline(brief))


def render_plain(brief: Brief) -> str:
    """``brief`` as plain text for the clipboard (``QMimeData.setText``)."""
    return PlainSetter().render(outline(brief))

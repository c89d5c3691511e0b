"""The text formats read back as their readers meet them: the Markdown export through a CommonMark parser
(markdown-it-py) and its HTML, the clipboard's HTML fragment through html.parser, and the clipboard's plain
text as it is. Each keeps the PDF's sections and citations, and every string of a hostile brief literally."""

import re
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, Source
from briefing_app.export.clipboard import render_html, render_plain
from briefing_app.export.markdown import render_markdown

from helpers import hostile_brief as h
from helpers.sample_brief import ASSESSMENTS as SAMPLE_ASSESSMENTS
from helpers.sample_brief import sample_brief
from helpers.text_formats import COMMONMARK, Page

SECTIONS = ["Bottom line up front", "Key facts", "Expert assessments", "Analyst comment", "Sources"]
GITHUB_LIKE = MarkdownIt("commonmark").enable(["table", "strikethrough"])  # GitHub's extensions that take | and ~
MARKDOWN_TAGS = {"p", "h1", "h2", "ul", "ol", "li", "strong", "em", "a", "br", "blockquote"}
CLIPBOARD_TAGS = {"meta", "div", "p", "span", "h1", "h2", "ol", "li", "a", "b", "i", "br", "blockquote"}
ANCHOR = re.compile(r'<a name="source-\d+">|</a>')


@pytest.fixture(scope="module")
def hostile() -> Brief:
    return h.hostile_brief()


def list_sizes(tokens, kind: str) -> list[int]:
    """The number of items of each list of ``kind`` ("ordered_list" or "bullet_list"), in order."""
    sizes, open_lists = [], []
    for t in tokens:
        if t.type == f"{kind}_open":
            open_lists.append((t.level, len(sizes)))
            sizes.append(0)
        elif t.type == "list_item_open" and open_lists and t.level == open_lists[-1][0] + 1:
            sizes[open_lists[-1][1]] += 1
        elif t.type == f"{kind}_close":
            open_lists.pop()
    return sizes


def inline_tokens(tokens):
    return [child for t in tokens if t.type == "inline" for child in t.children]


def has_lines(texts: list[str], wanted: str) -> bool:
    """Whether ``wanted`` is whole lines of one of ``texts``."""
    return any(re.search(f"(^|\n){re.escape(wanted)}(\n|$)", t) for t in texts)


def cited(brief: Brief, section: str, index: int) -> str:
    item = brief.items(section)[index]
    grade = f"{brief.sources[item.source - 1].reliability}{item.credibility}"  # the two-axis grade, e.g. B6
    return f"[{item.source}, ¶{item.paragraph}, {grade}]"


def check_hostile_page(page: Page, b: Brief, external_href) -> None:
    """The hostile brief, read back from ``page``: every string as typed, in its place, and only safe links."""
    ps, lis = page.texts("p"), page.texts("li")
    assert page.texts("h1") == [h.TITLE]
    assert page.texts("h2") == SECTIONS
    assert ps[0] == ps[-1] == h.HANDLING  # the handling mark above and below, as on the PDF's pages
    memo = [*ps, *lis]
    for label, value in [("Prepared by", h.AUTHOR), ("Prepared for", h.PREPARED_FOR),
                         ("Distribution", h.DISTRIBUTION), ("Handling", h.HANDLING)]:  # fmt: skip
        assert has_lines(memo, f"{label}: {value}"), label
    # line breaks kept, no line taken for a heading, list, quote, code or table; paragraphs kept apart
    assert "\n".join(line.strip() for line in h.BLUF_LINES) in ps
    assert h.BLUF_SECOND in ps
    facts = [f"{fact} {cited(b, KEY_FACTS, i)}" for i, fact in enumerate([*h.FACTS, h.SECOND_FACT])]
    facts[0] += f"\nAnalyst note: {h.FACT_NOTE}"
    start = next(i for i, li in enumerate(lis) if li.startswith(h.FACTS[0]))
    assert lis[start : start + len(facts)] == facts
    # assessments: quotations in block quotes with the attribution beneath, reported speech led by who said it
    assert page.quoted() == [h.QUOTATION[0], h.HEBREW[0]]
    said = {text: cited(b, EXPERT_ASSESSMENTS, i) for i, (text, _, _) in enumerate(h.ASSESSMENTS)}
    assert f"— {h.QUOTATION[1]}, {h.QUOTATION[2]} {said[h.QUOTATION[0]]}" in ps
    assert f"{h.REPORTED[1]}, {h.REPORTED[2]}: {h.REPORTED[0]} {said[h.REPORTED[0]]}" in ps
    assert f"Analyst note: {h.ASSESSMENT_NOTE}" in ps
    assert f"{h.ARABIC[1]}, {h.ARABIC[2]}: {h.ARABIC[0]} {said[h.ARABIC[0]]}" in ps
    assert f"— {h.HEBREW[1]}, {h.HEBREW[2]} {said[h.HEBREW[0]]}" in ps
    assert h.UNATTRIBUTED[0] in ps and f"— Unattributed {said[h.UNATTRIBUTED[0]]}" in ps
    assert all(paragraph in ps for paragraph in h.COMMENT)
    first, second = lis[-2:]
    assert first.startswith(f"{h.SOURCE_TITLE}. By {h.SOURCE_AUTHOR}. {h.SOURCE_PUBLISHER}. Reliability B")
    assert first.endswith(f". {h.BAD_URL}") and second.endswith(f". {h.GOOD_URL}")
    # links: each citation to its source's entry, and the one address that is http(s) and whole
    citations = [link for link in page.links if link[0].startswith("#")]
    assert len(citations) == len(b.key_facts) + len(b.expert_assessments)
    assert {href for href, _ in citations} == {"#source-1", "#source-2"} <= {f"#{a}" for a in page.anchors}
    assert all(re.fullmatch(r"\[\d+, ¶\d+, [A-F][1-6]\]", label) for _, label in citations)
    external = [link for link in page.links if not link[0].startswith("#")]
    assert [(external_href(href), label) for href, label in external] == [(h.GOOD_URL, h.GOOD_URL)]


@pytest.mark.parametrize("parser", [COMMONMARK, GITHUB_LIKE], ids=["commonmark", "github-like"])
def test_markdown_keeps_hostile_text_literally(hostile, parser):
    md = render_markdown(hostile)
    tokens = parser.parse(md)
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1"] + ["h2"] * len(SECTIONS)
    assert list_sizes(tokens, "bullet_list") == [5]  # the memo rows
    assert list_sizes(tokens, "ordered_list") == [len(hostile.key_facts), len(hostile.sources)]
    assert sum(t.type == "blockquote_open" for t in tokens) == 2
    kinds = {t.type for t in tokens} | {t.type for t in inline_tokens(tokens)}
    assert not kinds & {"html_block", "code_block", "fence", "code_inline", "image", "table_open", "s_open", "hr"}
    assert all(ANCHOR.fullmatch(t.content) for t in inline_tokens(tokens) if t.type == "html_inline")
    page = Page(parser.render(md))
    assert set(page.tags) <= MARKDOWN_TAGS
    check_hostile_page(page, hostile, unquote)  # markdown-it percent-encodes what a URL may not hold


def test_clipboard_html_keeps_hostile_text_literally_and_safe(hostile):
    fragment = render_html(hostile)
    page = Page(fragment)
    assert set(page.tags) <= CLIPBOARD_TAGS  # no script, style, image, form or frame: only what is emitted
    assert page.tags["meta"] == page.tags["div"] == 1
    assert list(page.anchors) == ["source-1", "source-1", "source-2", "source-2"]  # id and name of each entry
    check_hostile_page(page, hostile, lambda href: href)


def test_plain_text_keeps_every_item_and_attribution_verbatim(hostile):
    text = render_plain(hostile)
    lines = text.split("\n")
    assert text.endswith("\n") and lines[0] == lines[-2] == h.HANDLING
    assert lines[2:4] == [h.TITLE, "=" * len(h.TITLE)]
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    assert "Prepared for: 1. Director\n              - Deputy & <i>staff</i>\n" in text  # lined up under the value
    assert "Bottom line up front\n--------------------\n" + "\n".join(s.strip() for s in h.BLUF_LINES) in text
    assert f"\n\n{h.BLUF_SECOND}\n\nKey facts\n---------\n1. {h.FACTS[0]} [1, ¶1, B6]\n" in text
    assert "   Analyst note: " + h.FACT_NOTE.replace("\n", "\n   ").replace("\n   \n", "\n\n") in text
    for i, fact in enumerate(h.FACTS[1:], 2):
        assert f"\n{i}. {fact} {cited(hostile, KEY_FACTS, i - 1)}\n" in text
    said = {s: cited(hostile, EXPERT_ASSESSMENTS, i) for i, (s, _, _) in enumerate(h.ASSESSMENTS)}
    for quote in (h.QUOTATION, h.HEBREW):
        assert f"\n{quote[0]}\n— {quote[1]}, {quote[2]} {said[quote[0]]}\n" in text
    for speech in (h.REPORTED, h.ARABIC):
        assert f"\n{speech[1]}, {speech[2]}: {speech[0]} {said[speech[0]]}\n" in text
    assert f"\n{h.UNATTRIBUTED[0]}\n— Unattributed {said[h.UNATTRIBUTED[0]]}\n" in text
    assert f"\nAnalyst note: {h.ASSESSMENT_NOTE}\n" in text
    assert f"\nAnalyst comment\n---------------\n{h.COMMENT[0]}\n\n{h.COMMENT[1]}\n\n" in text
    assert f"\n[1] {h.SOURCE_TITLE}. By {h.SOURCE_AUTHOR}. {h.SOURCE_PUBLISHER}. Reliability B" in text
    assert f". {h.BAD_URL}\n[2] Second source. " in text and f". {h.GOOD_URL}\n" in text


def test_sample_brief_in_markdown_has_the_pdf_sections_citations_and_links():
    b = sample_brief()
    md = render_markdown(b)
    tokens = COMMONMARK.parse(md)
    headings = [(t.tag, tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [("h1", "North Korean troops in Russia")] + [("h2", s) for s in SECTIONS]
    assert list_sizes(tokens, "ordered_list") == [3, 1] and list_sizes(tokens, "bullet_list") == [5]
    links = [t.attrGet("href") for t in inline_tokens(tokens) if t.type == "link_open"]
    assert links == ["#source-1"] * 5
    assert '<a name="source-1">' in [t.content for t in inline_tokens(tokens) if t.type == "html_inline"]
    page = Page(COMMONMARK.render(md))
    facts = [f"{item.text} [1, ¶{item.paragraph}, C6]" for item in b.key_facts]
    facts[0] += "\nAnalyst note: Confirmed by two official sources; the article's first half restates it."
    assert page.texts("li")[5:8] == facts
    # the quotations as the PDF prints them: capitalised, the cut's comma a full stop, in a block quote
    assert page.quoted() == [
        "“This is a communication effect from Russia, 10,000 soldiers not being strategically essential.”",
        SAMPLE_ASSESSMENTS[1][0][:-2] + ".”",
    ]
    for (_, speaker, affiliation), item in zip(SAMPLE_ASSESSMENTS, b.expert_assessments, strict=True):
        assert f"— {speaker}, {affiliation} [1, ¶{item.paragraph}, C6]" in page.texts("p")
    assert page.texts("li")[-1].startswith("North Koreans in Russia: A Match Made in Military Heaven? ")


def test_sample_brief_on_the_clipboard_reads_as_the_markdown_does():
    b = sample_brief()
    markdown_page, html_page = Page(COMMONMARK.render(render_markdown(b))), Page(render_html(b))
    for tag in ("h1", "h2"):
        assert html_page.texts(tag) == markdown_page.texts(tag)
    assert html_page.texts("li") == markdown_page.texts("li")[5:]  # the memo rows are a list in Markdown only
    assert html_page.quoted() == markdown_page.quoted()
    assert [p for p in html_page.texts("p") if p.startswith("—")] == [
        p for p in markdown_page.texts("p") if p.startswith("—")
    ]
    assert html_page.links == markdown_page.links
    plain = render_plain(b)
    assert plain.startswith("TLP:GREEN\n\nNorth Korean troops in Russia\n" + "=" * 29 + "\n\nDate: 29 October 2024\n")
    for heading in SECTIONS:
        assert f"\n\n{heading}\n{'-' * len(heading)}\n" in plain
    assert "\n[1] North Koreans in Russia: A Match Made in Military Heaven? Sample news site." in plain


def test_addresses_other_than_http_are_printed_but_never_linked():
    urls = ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "file:///etc/passwd", "data:text/html,<script>x</script>",
            "https://", "http://exa mple.org"]  # fmt: skip
    sources = [Source(title=f"S{i}", text=f"Text {i}.", url=url) for i, url in enumerate(urls)]  # past the model
    b = Brief.from_checked({"title": "Links"}, sources, {KEY_FACTS: [], EXPERT_ASSESSMENTS: []})
    md = render_markdown(b)
    for page in (Page(COMMONMARK.render(md)), Page(GITHUB_LIKE.render(md)), Page(render_html(b))):
        assert page.links == []
        assert [li.rsplit(". ", 1)[1] for li in page.texts("li") if li.startswith("S")] == urls
    assert all(f"[{i + 1}] S{i}. Reliability F" in render_plain(b) and url in render_plain(b)
               for i, url in enumerate(urls))  # fmt: skip


def test_control_characters_are_dropped_and_nothing_else():
    b = Brief(title="Bell\x07 and \x1b[2J escape\x00 end\u200d\u200f", bluf="One\r\nTwo\rThree")
    expected = "Bell and [2J escape end\u200d\u200f"  # joiners and direction marks are text
    for text in (render_markdown(b), render_html(b), render_plain(b)):
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    assert Page(COMMONMARK.render(render_markdown(b))).texts("h1") == [expected]
    assert Page(render_html(b)).texts("h1") == [expected]
    assert f"\n{expected}\n" in render_plain(b) and "\nOne\nTwo\nThree\n" in render_plain(b)
    assert "One\nTwo\nThree" in Page(render_html(b)).texts("p")


def test_an_item_across_paragraphs_stays_one_list_item():
    text = "First part of it.\n\n  Second part, after a blank line.\nNext paragraph."
    b = Brief(title="Spans")
    b.add_source(Source(title="S", text=text))
    b.add_item(KEY_FACTS, 1, 0, text.index("Next") - 1)
    b.add_item(KEY_FACTS, 1, text.index("Next"), len(text))
    tokens = COMMONMARK.parse(render_markdown(b))
    assert list_sizes(tokens, "ordered_list") == [2, 1]
    wanted = ["First part of it. Second part, after a blank line. [1, ¶1, F6]", "Next paragraph. [1, ¶2, F6]"]
    assert Page(COMMONMARK.render(render_markdown(b))).texts("li")[1:3] == wanted  # after the memo's one row
    assert Page(render_html(b)).texts("li")[:2] == wanted
    assert "\n1. First part of it. Second part, after a blank line. [1, ¶1, F6]\n2. Next" in render_plain(b)


def test_plain_title_underline_fits_wide_characters_and_stops_at_a_line():
    assert render_plain(Brief(title="朝鲜士兵 in Russia", status="final")).split("\n")[3] == "=" * 18  # 4 wide
    assert render_plain(Brief(title="T" * 3000, status="final")).split("\n")[3] == "=" * 79


def test_a_drafts_text_opens_saying_so_in_every_format():
    """Until the brief is marked final, Markdown, the clipboard's HTML and its plain text open with a line
    saying it is a draft; a final brief's do not."""
    from briefing_app.export.markdown import DRAFT_NOTICE

    draft, final = Brief(title="Talks"), Brief(title="Talks", status="final")
    for render in (render_markdown, render_html, render_plain):
        assert DRAFT_NOTICE in render(draft) and "DRAFT" not in render(final), render.__name__

"""Reading the text formats back: a CommonMark parser for the Markdown, and an HTML page as a reader sees it."""

import re
from collections import Counter
from html.parser import HTMLParser

from markdown_it import MarkdownIt

BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "td", "th"}
BREAK = "\0"  # a <br> while white space is collapsed (the formats drop NUL, so it is no text of theirs)


def shown(text: str) -> str:
    return re.sub(f" *{BREAK} *", "\n", re.sub(r"[ \t\r\n]+", " ", text)).strip(" ")


class Page(HTMLParser):
    """An HTML page read back as a reader sees it: the text of each block (white space collapsed as a browser
    does, a <br> as a line break), the links with their text, the anchors, and a count of every tag."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str, tuple[str, ...]]] = []  # (tag, text, the blocks it is inside)
        self.links: list[tuple[str, str]] = []
        self.anchors: list[str] = []
        self.tags: Counter[str] = Counter()
        self._open: list[tuple[str, list[str]]] = []
        self._link: tuple[str, list[str]] | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        attrs = dict(attrs)
        if tag in BLOCK_TAGS:
            self._open.append((tag, []))
        elif tag == "br":
            self.handle_data(BREAK)
        elif tag == "a":
            if "href" in attrs:
                self._link = (attrs["href"], [])
            self.anchors += [v for k, v in attrs.items() if k in ("id", "name")]

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS and self._open and self._open[-1][0] == tag:
            _, chunks = self._open.pop()
            self.blocks.append((tag, shown("".join(chunks)), tuple(t for t, _ in self._open)))
        elif tag == "a" and self._link:
            self.links.append((self._link[0], shown("".join(self._link[1]))))
            self._link = None

    def handle_data(self, data):
        if self._open:
            self._open[-1][1].append(data)
        if self._link:
            self._link[1].append(data)

    def texts(self, tag: str) -> list[str]:
        return [text for t, text, _ in self.blocks if t == tag]

    def quoted(self) -> list[str]:
        """The text of each block quote (in Markdown's HTML a quote holds a paragraph)."""
        return [text for t, text, around in self.blocks if text and (t == "blockquote" or "blockquote" in around)]


COMMONMARK = MarkdownIt("commonmark")

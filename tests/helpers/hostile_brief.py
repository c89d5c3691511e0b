"""A brief whose every field holds what an output format could take for markup (HTML, Markdown, entities,
a URL with a script), text in other scripts and directions (Arabic, Hebrew, Thai, CJK, Devanagari) and a
20,000-character word: each export test reads its format back and finds these strings literally.

Every item is chosen so that its printed form is exactly what was typed: it starts with a capital or a
character without case (so capitalising changes nothing), and a quotation ends with a full stop inside its
marks (so nothing is turned into one).
"""

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS, Brief, Source

TITLE = "*not bold* <b>x</b> [a](http://x) # 1. \\` | _"
HANDLING = "<b>SECRET</b> & *x* | `y`"
AUTHOR = "<b>Analyst</b> & *Co* [me](javascript:alert(1))"
PREPARED_FOR = "1. Director\n- Deputy & <i>staff</i>"  # kept on two lines, neither a list
DISTRIBUTION = "| Desk | Liaison | &amp; ~~all~~"
LONG_WORD = "W" + "x" * 19_999
BLUF_LINES = [
    "# Not a heading",
    "1. Not a list",
    "2024. A year, not a list",
    "- not a bullet",
    "+ not a bullet either",
    "> not a quote",
    "| a | b |",
    "| --- | --- |",
    "===",
    "    not indented code",  # printed without its indent, and not as code
    "<div>not an HTML block</div>",
    "```not a fence```",
    "<script>alert(1)</script>",
    "A line ending in a backslash \\",
    "&amp; &#x41; &nbsp; AT&T",
]
BLUF_SECOND = "Second paragraph: *kept* apart [x][y] ![img](http://x/i.png)"
COMMENT = [
    "Comment with <script>alert(1)</script> and <b>tags</b>\n===",  # not a heading underlined
    "2. Second paragraph, starting with a number",
    "Cell a | cell b\n:--- | ---:",  # not a table (GitHub's)
]
FACTS = [
    "Markup <b>bold</b> &amp; AT&T *x* _y_ [a](b) ![i](x.png) `code` | cell | ~~gone~~ \\ end",
    "Script <script>alert(1)</script> and <img src=x onerror=alert(1)> and &#x41;&nbsp;",
    "# Not a heading",
    "1. Not a list item",
    "2024. A year, not a list",
    "- Not a bullet",
    "العربية: وصلت القوات الكورية الشمالية إلى روسيا",
    "עברית: החיילים הגיעו לרוסיה",
    "ภาษาไทย: ทหารเกาหลีเหนือเดินทางถึงรัสเซียแล้ว",
    "中文：朝鲜士兵抵达俄罗斯。日本語：兵士がロシアに到着した。한국어: 병사들이 도착했다.",
    "हिन्दी: उत्तर कोरियाई सैनिक रूस पहुँचे।",
    LONG_WORD,
]
FACT_NOTE = "Note with <b>tags</b> & *stars*\n- and a dash line\n\n> and a quote line"
# (text, speaker, affiliation): a quotation, reported speech led by who said it, reported speech in Arabic,
# a quotation in Hebrew, and reported speech nobody is named for
QUOTATION = ("“Quoted <b>x</b> *y* [a](b) `c` stays literal.”", "<script>alert(1)</script>",
             "[a](javascript:alert(1)) | *Inst* & &amp;")  # fmt: skip
REPORTED = ("Reported **speech** with `ticks` and <i>tags</i>", "**Dr. Bold**", "1. Institute & Co &amp; <u>")
ARABIC = ("يرى الخبراء أن الوضع خطير", "أحمد علي", "جامعة القاهرة")
HEBREW = ("“המצב מסוכן מאוד.”", "דוד לוי", "אוניברסיטת תל אביב")
UNATTRIBUTED = ("Officials expect [more](javascript:alert(1)) troops", "", "")
ASSESSMENTS = [QUOTATION, REPORTED, ARABIC, HEBREW, UNATTRIBUTED]
ASSESSMENT_NOTE = "Assessment note: <i>why</i>\n1. first reason"
SOURCE_TITLE = "Source <b>title</b> *x* [y](z)"
SOURCE_AUTHOR = "<i>Writer</i>"
SOURCE_PUBLISHER = "Pub & Co &lt;"
BAD_URL = "https:// javascript:alert(1)"  # accepted by the model (it starts with https://), but no address to link
GOOD_URL = 'https://example.org/a_(b)?q=1&amp;x=<y>#"onclick="x"><a/href="javascript:alert(1)">'  # linked, all of it
SECOND_FACT = "Second source fact & more."


def hostile_brief() -> Brief:
    paragraphs = FACTS + [text for text, _, _ in ASSESSMENTS]
    text = "\n".join(paragraphs)
    b = Brief(title=TITLE, date="2024-10-29", author=AUTHOR, handling=HANDLING, prepared_for=PREPARED_FOR,
              distribution=DISTRIBUTION, status="final")  # fmt: skip
    b.add_source(Source(title=SOURCE_TITLE, text=text, author=SOURCE_AUTHOR, publisher=SOURCE_PUBLISHER,
                        url=BAD_URL, reliability="B"))  # fmt: skip
    b.add_source(Source(title="Second source", text=SECOND_FACT, url=GOOD_URL, reliability="A"))
    for fact in FACTS:
        start = text.index(fact)
        b.add_item(KEY_FACTS, 1, start, start + len(fact), note=FACT_NOTE if fact == FACTS[0] else "")
    b.add_item(KEY_FACTS, 2, 0, len(SECOND_FACT))
    for said, speaker, affiliation in ASSESSMENTS:
        start = text.index(said)
        b.add_item(EXPERT_ASSESSMENTS, 1, start, start + len(said), speaker=speaker, affiliation=affiliation,
                   note=ASSESSMENT_NOTE if said == REPORTED[0] else "")  # fmt: skip
    b.set_field("bluf", "\n".join(BLUF_LINES) + "\n\n" + BLUF_SECOND)
    b.set_field("comment", "\n\n".join(COMMENT))
    return b

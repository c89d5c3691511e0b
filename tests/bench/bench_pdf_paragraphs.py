"""How often PDF import gives back an article's paragraphs exactly (issue 14): every article of the corpus
(tests/corpus/articles) set as PDF in the layouts of tests/helpers/paragraph_article.py (ReportLab as a typeset
report, as a web-style page and as a browser prints it; LibreOffice, indented and spaced, when `soffice`
is installed), loaded back, and compared paragraph by paragraph. Prints, per layout, the articles whose
paragraphs all came back, and the paragraphs merged or split.

ReportLab sets the text in DejaVu Sans (bundled), so Korean and a few other scripts come out as boxes
whatever the loader does: articles with characters that font lacks are left out of the ReportLab layouts.

usage: python tests/bench/bench_pdf_paragraphs.py [--limit N] [--no-libreoffice]
"""

from __future__ import annotations

import argparse
import difflib
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from briefing_app.core.article import paragraph_spans  # noqa: E402
from briefing_app.core.loaders import load_article  # noqa: E402

from helpers import paragraph_article  # noqa: E402

FONT = TESTS.parent / "resources" / "fonts" / "DejaVuSans.ttf"


def corpus_paragraphs(limit: int | None) -> dict[str, list[str]]:
    out = {}
    for path in sorted((TESTS / "corpus" / "articles").glob("*.txt"))[:limit]:
        text = path.read_text("utf-8").replace("\u2060", "")  # a word joiner: invisible, and no font has it
        out[path.stem] = [" ".join(text[s:e].split()) for s, e in paragraph_spans(text)]
    return out


def reportlab_pdf(paragraphs: list[str], style: str) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    return paragraph_article.reportlab_pdf(style, paragraphs, font="DejaVuSans")


def set_in_font(paragraphs: list[str]) -> bool:
    from reportlab.pdfbase.ttfonts import TTFontFile

    covered = set(TTFontFile(str(FONT)).charToGlyph)
    return all(ord(c) in covered for p in paragraphs for c in p if not c.isspace())


def compare(expected: list[str], got: list[str]) -> tuple[int, int]:
    """(paragraphs merged, paragraphs split) between two lists of paragraphs."""
    merged = split = 0
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=expected, b=got, autojunk=False).get_opcodes():
        if op != "equal":
            merged += max(0, (a2 - a1) - (b2 - b1))
            split += max(0, (b2 - b1) - (a2 - a1))
    return merged, split


def libreoffice_pdfs(articles: dict[str, list[str]], style: str, folder: Path, soffice: str) -> dict[str, Path]:
    for stem, paragraphs in articles.items():
        paragraph_article.word_document(folder / f"{stem}.docx", style, paragraphs, unindented=1)  # no byline
    sources = sorted(str(p) for p in folder.glob("*.docx"))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), *sources],
                   check=True, capture_output=True, timeout=1800)  # fmt: skip
    return {stem: folder / f"{stem}.pdf" for stem in articles}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--no-libreoffice", action="store_true")
    args = ap.parse_args(argv)
    articles = {k: v for k, v in corpus_paragraphs(args.limit).items() if len(v) >= 3}
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        layouts = {}
        for style in ("indented", "spaced", "browser"):
            layouts[f"ReportLab {style}"] = {
                stem: io.BytesIO(reportlab_pdf(ps, style)) for stem, ps in articles.items() if set_in_font(ps)
            }
        soffice = shutil.which("soffice")
        if soffice and not args.no_libreoffice:
            for style in ("indented", "spaced"):
                folder = Path(tmp) / style
                folder.mkdir()
                layouts[f"LibreOffice {style}"] = libreoffice_pdfs(articles, style, folder, soffice)
        for layout, pdfs in layouts.items():
            exact = merged = split = total = 0
            for stem, pdf in pdfs.items():
                if isinstance(pdf, io.BytesIO):
                    path = Path(tmp) / f"{stem}.pdf"
                    path.write_bytes(pdf.getvalue())
                    pdf = path
                got = load_article(pdf).text.split("\n")
                m, s = compare(articles[stem], got)
                exact += got == articles[stem]
                merged, split, total = merged + m, split + s, total + len(articles[stem])
            results[layout] = (exact, len(pdfs), merged, split, total)
            print(f"{layout:22} {exact}/{len(pdfs)} articles exact; of {total} paragraphs {merged} merged, "
                  f"{split} split")  # fmt: skip
        if not soffice:
            print("LibreOffice layouts skipped: soffice is not installed")
    return results


if __name__ == "__main__":
    main()

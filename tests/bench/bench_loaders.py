"""Loading big articles (issue 5): a 10 MB text file (target under 1 s) and a 200-page PDF (target under
20 s, with progress reported through the callback the window shows). Issue 15: a 500-page PDF whose lines
never end a paragraph (target under 10 s; it was quadratic: 40 s) and a 400-page table (each cell a text
run of its own; it did not finish in 3 minutes), each also at a quarter and half of its size to show the
time grows linearly. Prints medians.

usage: python tests/bench/bench_loaders.py [--megabytes M] [--pages P] [--endless-pages E] [--table-pages T]
                                           [--runs R]
"""

import argparse
import random
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate
from timing import median_time

from briefing_app.core.loaders import load_article

SEED = Path(__file__).resolve().parent.parent.parent / "seeds" / "north-koreans-in-russia.txt"


def make_text(path: Path, megabytes: float) -> None:
    body = SEED.read_text("utf-8")
    copies = max(1, round(megabytes * 1e6 / len(body.encode("utf-8"))))
    path.write_text("\n".join([body] * copies), "utf-8")


def make_pdf(path: Path, pages: int) -> int:
    """A report of ``pages`` pages of the seed's paragraphs, with page numbers; returns the page count."""
    styles = getSampleStyleSheet()
    paragraphs = [p for p in SEED.read_text("utf-8").split("\n")[1:] if len(p) > 80]
    doc = SimpleDocTemplate(str(path), pagesize=A4, title="Bench report")
    story, n = [], 0
    while n < pages * 10:  # about ten of these paragraphs fill a page
        story.append(Paragraph(paragraphs[n % len(paragraphs)], styles["BodyText"]))
        n += 1

    def number(canvas, d):
        canvas.drawCentredString(A4[0] / 2, 20, f"Page {d.page}")

    doc.build(story, onFirstPage=number, onLaterPages=number)
    return doc.page


def make_endless_pdf(path: Path, pages: int) -> None:
    """Full lines in lower case, none ending a sentence, 60 to a page: one paragraph from start to end."""
    words = "the talks on grain corridors and shipping lanes went on between both delegations with observers".split()
    rng = random.Random(1)
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for _ in range(pages):
        c.setFont("Helvetica", 10)
        for i in range(60):
            c.drawString(50, 800 - 12.5 * i, " ".join(rng.choice(words) for _ in range(14)))
        c.showPage()
    c.save()


def make_table_pdf(path: Path, pages: int) -> None:
    """A statistical annex: 70 rows of 8 cells a page, each cell drawn on its own, none a sentence."""
    rng = random.Random(2)
    c = Canvas(str(path), pagesize=A4, invariant=1)
    for page in range(pages):
        c.setFont("Helvetica", 8)
        for row in range(70):
            for col in range(8):
                cell = f"{rng.randint(0, 99999):,}" if col else f"row {page + 1}-{row + 1}"
                c.drawString(40 + col * 65, 800 - 11 * row, cell)
        c.showPage()
    c.save()


def scaling(make, folder: Path, name: str, pages: int, runs: int, target: float | None) -> dict:
    """Load times at a quarter, half and all of ``pages``; prints them with the time per page."""
    times = {}
    for n in sorted({max(1, pages // 4), max(1, pages // 2), pages}):
        path = folder / f"{name}-{n}.pdf"
        make(path, n)
        times[n], article = median_time(lambda p=path: load_article(p), runs)
    per_page = ", ".join(f"{n} pages {t:.1f} s ({1000 * t / n:.0f} ms/page)" for n, t in times.items())
    verdict = f"; target < {target:.0f} s: {'met' if times[pages] < target else 'NOT met'}" if target else ""
    print(f"{name}: {per_page}; {len(article.paragraphs)} paragraph(s){verdict}")
    return times


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=10)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--endless-pages", type=int, default=500)
    ap.add_argument("--table-pages", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text_path, pdf_path = Path(tmp) / "big.txt", Path(tmp) / "big.pdf"
        make_text(text_path, args.megabytes)
        pages = make_pdf(pdf_path, args.pages)
        text_s, article = median_time(lambda: load_article(text_path), args.runs)
        progress: list[float] = []

        def load_pdf():
            progress.clear()
            return load_article(pdf_path, progress=progress.append)

        pdf_s, pdf_article = median_time(load_pdf, max(1, args.runs // 2))
        endless = scaling(make_endless_pdf, Path(tmp), "PDF whose lines never end a paragraph", args.endless_pages,
                          1, 10)  # fmt: skip
        table = scaling(make_table_pdf, Path(tmp), "table-like PDF", args.table_pages, 1, None)
    result = {"text_s": text_s, "text_mb": text_path.stat().st_size / 1e6 if text_path.exists() else args.megabytes,
              "pdf_s": pdf_s, "pages": pages, "progress_calls": len(progress), "endless_s": endless,
              "table_s": table}  # fmt: skip
    print(
        f"{args.megabytes:.0f} MB text file: {text_s:.2f} s ({len(article.paragraphs)} paragraphs; target < 1 s: "
        f"{'met' if text_s < 1 else 'NOT met'})"
    )
    print(
        f"{pages}-page PDF: {pdf_s:.1f} s, {len(pdf_article.text) / 1e6:.2f} M characters, progress reported "
        f"{len(progress)} times (target < 20 s: {'met' if pdf_s < 20 else 'NOT met'})"
    )
    return result


if __name__ == "__main__":
    main()

"""Loading big articles (issue 5): a 10 MB text file (target under 1 s) and a 200-page PDF (target under
20 s, with progress reported through the callback the window shows). Prints medians.

usage: python tests/bench/bench_loaders.py [--megabytes M] [--pages P] [--runs R]
"""

import argparse
import tempfile
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
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


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=10)
    ap.add_argument("--pages", type=int, default=200)
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
    result = {"text_s": text_s, "text_mb": text_path.stat().st_size / 1e6 if text_path.exists() else args.megabytes,
              "pdf_s": pdf_s, "pages": pages, "progress_calls": len(progress)}  # fmt: skip
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

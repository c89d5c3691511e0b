"""Reading exported PDFs back the way a recipient sees them: text through pypdf, pixels through pdftoppm."""

import io
import re
import subprocess
from pathlib import Path

from pypdf import PdfReader


def reader(pdf: bytes | Path) -> PdfReader:
    return PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)


def page_texts(pdf: bytes | Path) -> list[str]:
    return [page.extract_text() for page in reader(pdf).pages]


def squash(text: str) -> str:
    """Text without any white space: line wrapping and split long words no longer matter."""
    return re.sub(r"\s+", "", text)


def all_text(pdf: bytes | Path) -> str:
    return squash("".join(page_texts(pdf)))


def render_ppm(pdf: Path, page: int = 1, dpi: int = 40) -> tuple[int, int, bytes]:
    """Page ``page`` of ``pdf`` as (width, height, RGB bytes), rendered by poppler's pdftoppm."""
    out = subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    magic, width, height, maxval, pixels = out.split(maxsplit=4)
    assert magic == b"P6" and maxval == b"255"
    return int(width), int(height), pixels


def colours_in_band(pdf: Path, top: float, bottom: float, page: int = 1) -> set[tuple[int, int, int]]:
    """The set of pixel colours in a horizontal band of a page (fractions of its height from the top)."""
    width, height, pixels = render_ppm(pdf, page, dpi=100)
    start, end = int(height * top) * width * 3, int(height * bottom) * width * 3
    band = pixels[start:end]
    return {tuple(band[i : i + 3]) for i in range(0, len(band), 3)}


def has_colour(colours: set[tuple[int, int, int]], rgb: tuple[int, int, int], tolerance: int = 24) -> bool:
    return any(all(abs(a - b) <= tolerance for a, b in zip(c, rgb, strict=True)) for c in colours)

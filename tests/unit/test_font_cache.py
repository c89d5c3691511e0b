"""The export's parsed fonts kept in the user's cache folder (export/fonts.py, core/kept.py): a second process
reads a face back instead of parsing it; the face read back makes the very same PDF; a damaged, foreign or
stale file is never used but replaced; a folder that cannot be written costs the time only."""

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

from briefing_app.export import fonts
from briefing_app.resources import resource

NAME = "KeptTest-NotoSans"  # registered under a name of its own: the export's faces stay as they are
FONT = Path(str(resource("fonts/NotoSans-Regular.ttf")))
TEXT = "Küche, 2,000 troops — “quoted” Ελλάδα"


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def kept_file(cache_home: Path) -> Path:
    return cache_home / "briefing-app" / "briefing-app" / f"font-{NAME}.bin"


def pdf_with(font) -> bytes:
    """A one-line PDF set in ``font`` (registered under its name), made the same way every time."""
    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=True)
    c.setFont(font.fontName, 14)
    c.drawString(72, 720, TEXT)
    c.save()
    return out.getvalue()


def test_a_face_read_back_makes_the_same_pdf_as_the_face_parsed(cache_home):
    first = fonts.parsed(NAME, FONT)
    assert fonts.origin[NAME] == "parsed" and kept_file(cache_home).exists()
    again = fonts.parsed(NAME, FONT)
    assert fonts.origin[NAME] == "kept"
    made, remade = pdf_with(first), pdf_with(again)
    assert made == remade  # the embedded subset, the widths, the text: byte for byte
    assert PdfReader(io.BytesIO(remade)).pages[0].extract_text().strip() == TEXT


@pytest.mark.parametrize("damage", ["truncated", "flipped", "foreign"])
def test_a_damaged_or_foreign_file_is_not_used_but_replaced(cache_home, damage):
    fonts.parsed(NAME, FONT)
    path = kept_file(cache_home)
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        path.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    else:  # a file of another kind under this one's name
        path.write_bytes(data.replace(b"briefing-app parsed TrueType face", b"briefing-app parsed TrueType fact"))
    fonts.parsed(NAME, FONT)
    assert fonts.origin[NAME] == "parsed"
    fonts.parsed(NAME, FONT)
    assert fonts.origin[NAME] == "kept"  # replaced by a good one


def test_a_changed_font_file_is_parsed_again(cache_home, tmp_path):
    copy = tmp_path / "NotoSans-Regular.ttf"
    shutil.copy(FONT, copy)
    fonts.parsed(NAME, copy)
    os.utime(copy, ns=(copy.stat().st_atime_ns, copy.stat().st_mtime_ns + 1_000_000_000))
    fonts.parsed(NAME, copy)
    assert fonts.origin[NAME] == "parsed"


def test_a_cache_that_cannot_be_written_still_gives_the_font(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")  # the cache home is a file: nothing can be made under it
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    font = fonts.parsed(NAME, FONT)
    assert fonts.origin[NAME] == "parsed" and font.face.charToGlyph
    assert b"%PDF" in pdf_with(font)[:10]


def test_a_second_process_reads_the_face_the_first_one_kept(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = "from briefing_app.export import fonts; fonts.primary(); print(fonts.origin['NotoSans-Regular'])"
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
            for _ in range(2)]  # fmt: skip
    assert [r.stdout.strip() for r in runs] == ["parsed", "kept"]

"""Fonts are parsed as they are needed (export/fonts.py, renderer._register_fonts): the main face and its bold
for every PDF, the italic only for a brief with a note or a quotation, the bold italic never. Each export runs in
a new process, where no face is registered yet, so that what one export parsed cannot hide what another needs."""

import json
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from briefing_app.core.brief import KEY_FACTS, Brief, Source
from briefing_app.core.brief_file import save_brief

from helpers.hostile_brief import hostile_brief
from helpers.sample_brief import sample_brief

# renders a .brief to a PDF in a new process; with "eager", after parsing every face of the main font first (as
# every export did before); says which faces were registered and whether ReportLab ever searched its Type 1 fonts
EXPORT = """
import json, sys
from reportlab.pdfbase import pdfmetrics
searched = []
find = pdfmetrics.findFontAndRegister
pdfmetrics.findFontAndRegister = lambda name: searched.append(name) or find(name)
from briefing_app.core.brief_file import load_brief
from briefing_app.export import fonts, render_pdf
brief_path, pdf_path, eager = sys.argv[1:]
if eager == "eager":
    for style in fonts.STYLES:
        fonts.primary(style)
data, _ = render_pdf(load_brief(brief_path)[0])
open(pdf_path, "wb").write(data)
registered = [n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("NotoSans")]
print(json.dumps({"registered": sorted(registered), "searched": searched}))
"""


def export_in_new_process(brief_path, pdf_path, eager: bool = False) -> dict:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}  # the same bytes for the same brief
    args = [sys.executable, "-c", EXPORT, str(brief_path), str(pdf_path), "eager" if eager else "lazy"]
    out = subprocess.run(args, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def embedded_fonts(pdf_path) -> set[str]:
    """The base names of the fonts the PDF's pages use, e.g. NotoSans-Bold (without the subset's prefix)."""
    names = set()
    for page in PdfReader(pdf_path).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.parametrize("make", [sample_brief, hostile_brief], ids=["sample", "hostile"])
def test_every_part_is_set_in_the_same_fonts_as_when_every_face_was_parsed_first(tmp_path, make):
    brief_path = tmp_path / "b.brief"
    save_brief(make(), brief_path)
    lazy = export_in_new_process(brief_path, tmp_path / "lazy.pdf")
    eager = export_in_new_process(brief_path, tmp_path / "eager.pdf", eager=True)
    assert (tmp_path / "lazy.pdf").read_bytes() == (tmp_path / "eager.pdf").read_bytes()
    assert lazy["searched"] == eager["searched"] == []  # never ReportLab's slow search of Type 1 fonts
    assert "NotoSans-BoldItalic" in eager["registered"] and "NotoSans-BoldItalic" not in lazy["registered"]
    # these briefs have notes and quotations: the italic is parsed, and used
    assert {"NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic"} <= embedded_fonts(tmp_path / "lazy.pdf")
    assert "NotoSans-Italic" in lazy["registered"]


def test_a_brief_without_notes_or_quotations_never_parses_the_italic(tmp_path):
    text = "Title\nTroops crossed the river on Monday.\nThe bridge was closed at noon."
    brief = Brief(title="No italics", date="2024-10-28", handling="TLP:AMBER", bluf="Troops crossed.")
    brief.add_source(Source(title="Wire", text=text, title_line=True))
    for sentence in text.split("\n")[1:]:
        start = text.index(sentence)
        brief.add_item(KEY_FACTS, 1, start, start + len(sentence))
    save_brief(brief, tmp_path / "b.brief")
    lazy = export_in_new_process(tmp_path / "b.brief", tmp_path / "lazy.pdf")
    assert lazy["registered"] == ["NotoSans-Bold", "NotoSans-Regular"] and lazy["searched"] == []
    assert embedded_fonts(tmp_path / "lazy.pdf") == {"NotoSans-Regular", "NotoSans-Bold"}
    export_in_new_process(tmp_path / "b.brief", tmp_path / "eager.pdf", eager=True)
    assert (tmp_path / "lazy.pdf").read_bytes() == (tmp_path / "eager.pdf").read_bytes()

    brief.edit_item(brief.key_facts[0].id, note="Seen from the east bank.")  # one note: italic after all
    save_brief(brief, tmp_path / "b.brief")
    noted = export_in_new_process(tmp_path / "b.brief", tmp_path / "noted.pdf")
    assert "NotoSans-Italic" in noted["registered"] and noted["searched"] == []
    assert "NotoSans-Italic" in embedded_fonts(tmp_path / "noted.pdf")

"""An exported PDF opened in the window: the brief inside it, unbound to the PDF (a save never writes over it)."""

import pytest

from briefing_app.export import export_pdf

from helpers.pdfa import PLAIN_PDF
from helpers.sample_brief import sample_brief


@pytest.mark.gui
def test_the_window_opens_a_pdf_with_its_brief_as_that_brief_unbound_to_the_pdf(window, qtbot, tmp_path):
    brief = sample_brief()
    pdf = tmp_path / "North Korean troops.pdf"
    export_pdf(brief, pdf)
    before = pdf.read_bytes()
    assert window.open_path(pdf)
    assert window.document.brief == brief
    assert window.document.path is None  # Save asks where to keep the .brief: the PDF is never written over
    assert window.windowTitle() == "North Korean troops in Russia — briefing-app"
    assert pdf.read_bytes() == before
    with qtbot.waitSignal(window.document_changed, timeout=30_000):  # a PDF without a brief: an article
        assert window.open_path(PLAIN_PDF)
    assert window.document.brief.sources[0].origin.endswith("libreoffice-spaced.pdf")

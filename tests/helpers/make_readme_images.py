"""Regenerate the images the README shows: page 1 of the sample brief's PDF, and the window with that
brief in progress (offscreen, 1280x720).

usage: python tests/helpers/make_readme_images.py   (needs pdftoppm, from poppler-utils)
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: the shared helpers
from briefing_app.core.document import Document  # noqa: E402
from briefing_app.export import export_pdf  # noqa: E402

from helpers.sample_brief import sample_brief  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "resources" / "readme"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "sample.pdf"
        export_pdf(sample_brief(), pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(OUT / "export-page1")], check=True)  # fmt: skip
    print(f"wrote {OUT / 'export-page1.png'}")
    window_shot(OUT / "window.png")
    print(f"wrote {OUT / 'window.png'}")


def window_shot(path: Path) -> None:
    """The window at 1280x720 with the sample brief open, the second key fact selected."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.app import application
    from briefing_app.gui.main_window import MainWindow

    app = application()
    window = MainWindow()
    window.set_document(Document(sample_brief()))
    window.resize(1280, 720)
    window.splitter.setSizes([700, 580])
    window.show()
    brief = window.document.brief
    window.brief_pane.select_item(brief.key_facts[1].id, focus=True)
    window.show_item(brief.key_facts[1])
    for _ in range(5):
        app.processEvents()
    review = window.review_pane  # the Review tab's title shows the count once the brief is reviewed
    review.start_review()
    deadline = time.monotonic() + 10
    while not review.up_to_date and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.grab().save(str(path))
    window.close()
    QApplication.processEvents()


if __name__ == "__main__":
    main()

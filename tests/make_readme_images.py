"""Regenerate the images the README shows: page 1 of the sample brief's PDF.

usage: python tests/make_readme_images.py   (needs pdftoppm, from poppler-utils)
"""

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_brief import sample_brief  # noqa: E402

from briefing_app.export import export_pdf  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "resources" / "readme"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "sample.pdf"
        export_pdf(sample_brief(), pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(OUT / "export-page1")], check=True)  # fmt: skip
    print(f"wrote {OUT / 'export-page1.png'}")


if __name__ == "__main__":
    main()

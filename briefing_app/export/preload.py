"""Imported once by the worker processes' fork server (see :mod:`briefing_app.core.worker`; ``gui/jobs.py``
names this module), never by the window itself: what every export or load would import or parse first
(ReportLab and the renderer, the fonts, python-docx, pypdf, trafilatura) and what ReportLab sets up on its
first document, done once by rendering a two-line brief, so each worker forked from the server starts
warm. About a second, in the server's own process."""

import gc
from contextlib import suppress

from ..core.brief import KEY_FACTS, Brief, Source
from ..core.loaders import docx as _docx  # noqa: F401
from ..core.loaders import pdf as _pdf  # noqa: F401
from ..core.review import review
from . import render_pdf

with suppress(ImportError):
    import docx  # noqa: F401  -- python-docx, for Word export and Word documents
    import pypdf  # noqa: F401
    import trafilatura  # noqa: F401


def _warm() -> None:
    brief = Brief(title="Warm-up", date="2024-01-01", author="briefing-app")
    text = "Warm-up\nThe fork server renders this once, so workers start warm."
    brief.add_source(Source(title="Warm-up", text=text, published="2024-01-01", title_line=True))
    start = text.index("The")
    brief.add_item(KEY_FACTS, 1, start, len(text))
    render_pdf(brief)
    review(brief)


with suppress(Exception):  # a warm-up, nothing more: a worker that starts cold still works
    _warm()

# what the server holds never changes: out of the collector's sight, a worker's first collection does not walk
# (and so copy, page by page) the whole of it
gc.freeze()

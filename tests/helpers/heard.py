"""A seed brief that keeps every change it tells its listeners, for tests of the model and its undo commands."""

from briefing_app.core.brief import Brief, brief_from_article
from briefing_app.core.loaders import load_article

from helpers.support import SEED


def heard_seed_brief() -> Brief:
    """The seed article as a brief; ``brief.changes`` lists each change told, in order."""
    b = brief_from_article(load_article(SEED), author="A. Analyst")
    b.changes = []
    b.subscribe(b.changes.append)
    return b

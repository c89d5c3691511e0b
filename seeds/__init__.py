"""The bundled sample article, shipped as ``briefing_app.seeds`` and opened when no file is given."""

from importlib.resources import files
from importlib.resources.abc import Traversable

SEED_ARTICLE_NAME = "north-koreans-in-russia.txt"


def seed_article() -> Traversable:
    """The sample article the app opens by default."""
    return files(__name__).joinpath(SEED_ARTICLE_NAME)

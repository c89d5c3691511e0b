"""Data shipped inside the installed package as ``briefing_app.resources`` (fonts, icons, schemas).

The folder sits at the top of the checkout; pyproject.toml maps it into the package so that
``importlib.resources`` finds it from a checkout, an editable install and a wheel alike.
"""

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(name: str) -> Traversable:
    """The shipped resource ``name`` (a path relative to this folder, e.g. ``"fonts/x.ttf"``)."""
    return files(__name__).joinpath(name)

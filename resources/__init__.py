"""Data shipped inside the installed package as ``briefing_app.resources`` (fonts, icons, schemas).

The folder sits at the top of the checkout; pyproject.toml maps it into the package so that
``importlib.resources`` finds it from a checkout, an editable install and a wheel alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

_HERE = Path(__file__).parent


def resource(name: str) -> Traversable:
    """The shipped resource ``name`` (a path relative to this folder, e.g. ``"fonts/x.ttf"``)."""
    if _HERE.is_dir():  # installed as files (a checkout, editable, a wheel): importlib.resources costs ~5 ms to load
        return _HERE / name
    from importlib.resources import files  # inside a zip archive

    return files(__name__).joinpath(name)

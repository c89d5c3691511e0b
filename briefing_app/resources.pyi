# For the type checker only: resources/ is mapped into the package at install time (pyproject.toml's
# package-dir), a mapping mypy cannot follow; this stub says what resources/__init__.py provides.
from importlib.resources.abc import Traversable

def resource(name: str) -> Traversable: ...

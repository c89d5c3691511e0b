"""Static checks of the code, without running it: mypy on the layers without Qt, and the layers' imports.

The type check runs mypy as pyproject.toml's [tool.mypy] configures it (``briefing_app.core`` and
``briefing_app.export``, None as a value of its own) and fails on any error. Its incremental cache lives in
the temporary folder, so only the first run on a machine pays for reading the libraries' types (about
8 s; later runs under a second).

The import check reads every module of ``core`` and ``export`` as a syntax tree (nothing is imported)
and fails if any of them imports Qt (PySide6, shiboken6) or the window (``briefing_app.gui``), anywhere:
at the top, inside a function, or under ``if TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "briefing_app"
FORBIDDEN = ("PySide6", "shiboken6", "briefing_app.gui")
QT_FREE_LAYERS = ("core", "export")


def test_mypy_finds_no_error_in_core_and_export():
    owner = os.getuid() if hasattr(os, "getuid") else "user"  # one cache per user of a shared temporary folder
    cache = Path(tempfile.gettempdir()) / f"briefing-app-mypy-cache-{owner}"
    p = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(cache), "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = [line for line in p.stdout.splitlines() if ": error:" in line]
    assert p.returncode == 0 and not errors, f"mypy found {len(errors)} error(s):\n" + (p.stdout + p.stderr)[-6000:]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every module the file at ``path`` (a module of briefing_app) imports, with its line, relative
    imports made absolute; ``from X import y`` counts as X and as X.y (y may be a module)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


def forbidden_imports(path: Path) -> list[str]:
    """The imports of Qt or of the window in the file at ``path``, as "file:line: module"."""
    return [
        f"{path.relative_to(ROOT)}:{line}: {module}"
        for line, module in imported_modules(path)
        if any(module == f or module.startswith(f + ".") for f in FORBIDDEN)
    ]


@pytest.mark.parametrize("layer", QT_FREE_LAYERS)
def test_core_and_export_never_import_qt_or_the_window(layer):
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert len(files) > 5
    found = [hit for path in files for hit in forbidden_imports(path)]
    assert not found, "imports of Qt or the window in a layer that must run without them:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from PySide6.QtCore import QObject", "1: PySide6.QtCore"),
        ("import shiboken6", "1: shiboken6"),
        ("def f():\n    import PySide6.QtWidgets as w\n", "2: PySide6.QtWidgets"),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..gui.window import W\n",
            "3: briefing_app.gui.window",
        ),
        ("from .. import gui", "1: briefing_app.gui"),
        ("from briefing_app.gui import app", "1: briefing_app.gui"),
    ],
)
def test_the_import_check_sees_every_way_of_importing_qt_or_the_window(source, expected, tmp_path, monkeypatch):
    """The check itself, on a module planted in a copy of the layout (briefing_app/core/planted.py)."""
    planted = _plant(tmp_path, monkeypatch, "core", source)
    found = forbidden_imports(planted)
    assert found and found[0] == f"{Path('briefing_app', 'core', 'planted.py')}:{expected}"


def _plant(tmp_path: Path, monkeypatch, layer: str, source: str) -> Path:
    (tmp_path / "briefing_app" / layer).mkdir(parents=True)
    planted = tmp_path / "briefing_app" / layer / "planted.py"
    planted.write_text(source, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "briefing_app")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    return planted


def test_the_import_check_lets_plain_imports_pass(tmp_path, monkeypatch):
    source = "import reportlab\nfrom ..core.brief import Brief\nfrom . import fonts\n"
    planted = _plant(tmp_path, monkeypatch, "export", source)
    assert [m for _, m in imported_modules(planted)] == [
        "reportlab", "briefing_app.core.brief", "briefing_app.core.brief.Brief", "briefing_app.export",
        "briefing_app.export.fonts",
    ]  # fmt: skip
    assert forbidden_imports(planted) == []

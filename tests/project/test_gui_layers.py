"""The window is a shell over its controllers: no module under gui/ but the window itself and the app that
starts it imports ``main_window``, and the window stays small (issue 16)."""

import ast
from pathlib import Path

GUI = Path(__file__).resolve().parents[2] / "briefing_app" / "gui"
MAY_IMPORT_THE_WINDOW = {"main_window.py", "app.py"}
MAX_WINDOW_LINES = 400


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it (also inside functions and TYPE_CHECKING blocks)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            names.update(f"{base}.{alias.name}" if node.module else f"{base}{alias.name}" for alias in node.names)
    return names


def test_only_the_app_imports_the_main_window():
    modules = sorted(GUI.glob("*.py"))
    assert len(modules) > 10
    offenders = {
        path.name: sorted(n for n in imported_modules(path) if n.split(".")[-1] == "main_window")
        for path in modules
        if path.name not in MAY_IMPORT_THE_WINDOW
    }
    assert {name: found for name, found in offenders.items() if found} == {}
    assert "main_window" in " ".join(imported_modules(GUI / "app.py"))  # the check sees a real import


def test_the_main_window_is_a_shell():
    lines = len((GUI / "main_window.py").read_text("utf-8").splitlines())
    assert lines <= MAX_WINDOW_LINES, f"main_window.py has {lines} lines; move the work into a controller"

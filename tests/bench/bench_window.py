"""The composing window on large articles: opening a 10 MB article, adding an item to a 1 MB article
that already has 500 marked, and scrolling through it.

Baselines measured in the same run: a bare QPlainTextEdit given the same 10 MB text, and the same
scroll in a bare QPlainTextEdit without marks. Targets (issue 6): open under 1 s, add under 50 ms,
scrolling smooth (every step well under a 60 Hz frame budget of 16 ms counts as smooth here).
Prints medians; never fails on a slow machine.

usage: python tests/bench/bench_window.py [--megabytes 10] [--items 500] [--runs 3]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_loaders import make_text  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402

from briefing_app.core.brief import KEY_FACTS  # noqa: E402
from briefing_app.gui.app import application  # noqa: E402
from briefing_app.gui.main_window import MainWindow  # noqa: E402
from briefing_app.gui.undo_commands import AddItem  # noqa: E402


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def open_in_window(app, window: MainWindow, path: Path) -> float:
    """Seconds from asking the window to open ``path`` to the article shown and painted."""
    done = []
    window.document_changed.connect(lambda: done.append(1))
    t0 = time.perf_counter()
    window.open_article(path)
    while not done:
        app.processEvents()
        time.sleep(0.001)
    window.article_view.viewport().repaint()
    elapsed = time.perf_counter() - t0
    window.document_changed.disconnect()
    return elapsed


def bare_open(app, path: Path) -> float:
    t0 = time.perf_counter()
    edit = QPlainTextEdit()
    edit.resize(700, 600)
    edit.setPlainText(path.read_text("utf-8"))
    edit.show()
    edit.viewport().repaint()
    elapsed = time.perf_counter() - t0
    edit.close()
    edit.deleteLater()
    settle(app)
    return elapsed


def scroll_steps(app, edit: QPlainTextEdit, steps: int = 60) -> list[float]:
    """Page down ``steps`` times, repainting each time; seconds per step."""
    bar = edit.verticalScrollBar()
    bar.setValue(0)
    settle(app)
    times = []
    for i in range(steps):
        t0 = time.perf_counter()
        bar.setValue(bar.maximum() * (i + 1) // steps)
        edit.viewport().repaint()
        times.append(time.perf_counter() - t0)
    return times


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megabytes", type=float, default=10)
    ap.add_argument("--items", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    app = application()
    window = MainWindow()
    window.resize(1280, 720)
    window.show()
    settle(app)
    with tempfile.TemporaryDirectory() as tmp:
        big, one_mb = Path(tmp) / "big.txt", Path(tmp) / "one.txt"
        make_text(big, args.megabytes)
        make_text(one_mb, min(1.0, args.megabytes))
        open_s = statistics.median(open_in_window(app, window, big) for _ in range(args.runs))
        bare_s = statistics.median(bare_open(app, big) for _ in range(args.runs))

        open_in_window(app, window, one_mb)
        brief, text = window.document.brief, window.document.brief.sources[0].text
        stride = len(text) // (args.items + 1)
        starts = [text.index(" ", i * stride) + 1 for i in range(args.items + 1)]
        for start in starts[:-1]:  # 500 items spread over the whole text, as one step each
            window.undo_stack.push(AddItem(brief, KEY_FACTS, 1, start, start + 40))
        settle(app)
        adds = []
        for run in range(args.runs):
            start = text.index(" ", starts[-1] + run * 100) + 1
            t0 = time.perf_counter()
            window.undo_stack.push(AddItem(brief, KEY_FACTS, 1, start, start + 40))
            window.brief_pane.redraw()
            window.update_marks()
            settle(app)
            adds.append(time.perf_counter() - t0)
            window.undo_stack.undo()
            settle(app)
        window.undo_stack.push(AddItem(brief, KEY_FACTS, 1, starts[-1], starts[-1] + 40))
        settle(app)
        add_s = statistics.median(adds)
        marked = scroll_steps(app, window.article_view)
        bare = QPlainTextEdit()
        bare.resize(window.article_view.size())
        bare.setPlainText(text)
        bare.show()
        plain = scroll_steps(app, bare)
        bare.close()
    window.undo_stack.clear()
    window.close()
    result = {"open_s": open_s, "bare_open_s": bare_s, "add_s": add_s, "items": len(brief.key_facts),
              "scroll_median_s": statistics.median(marked), "scroll_max_s": max(marked),
              "bare_scroll_median_s": statistics.median(plain)}  # fmt: skip
    print(f"open a {args.megabytes:.0f} MB article in the window: {open_s:.2f} s; bare QPlainTextEdit "
          f"{bare_s:.2f} s; ratio {open_s / bare_s:.2f}x "
          f"(target < 1 s: {'met' if open_s < 1 else 'NOT met'})")  # fmt: skip
    print(f"add an item to a 1 MB article with {result['items'] - 1} marked: {add_s * 1000:.1f} ms "
          f"(target < 50 ms: {'met' if add_s < 0.05 else 'NOT met'})")  # fmt: skip
    print(f"scroll a page with {result['items']} marks: median {result['scroll_median_s'] * 1000:.1f} ms, "
          f"slowest {result['scroll_max_s'] * 1000:.1f} ms; bare QPlainTextEdit median "
          f"{result['bare_scroll_median_s'] * 1000:.1f} ms")  # fmt: skip
    return result


if __name__ == "__main__":
    main()

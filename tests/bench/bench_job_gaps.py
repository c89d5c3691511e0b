"""The GUI thread while a big job runs in a worker thread or in a worker process (issue 16, 6), in the same run.

A 10 ms QTimer ticks on the GUI thread of a bare QApplication while a JobRunner (``gui/jobs.py``) runs:
- exporting a 1,500-fact + 500-quote brief to PDF (the export benchmark's big brief);
- loading a 200-page PDF (the loader benchmark's report);
- opening a brief of --brief-items items over a 1 MB source (bench_brief_io.py's big brief, saved);
each as a thread :class:`Job` and as a :class:`ProcessJob`. For each: the wall time to ``finished``, the
longest gap between two ticks (target: under 100 ms) and the 99th percentile. Also what a worker process
costs: a job that does nothing (the fork server cold, then warm), a 15-item export and a 1 MB / 10-page
load, thread against process, to judge which loads are worth a process. Medians of --runs.

usage: python tests/bench/bench_job_gaps.py [--runs R] [--items N] [--pages P] [--brief-items B] [--bare]
       (--bare: a bare QApplication instead of the app's window on the seed article)

Qt is imported inside main(): the worker's fork server imports this script once (as multiprocessing does
with the main module), and Qt in it would cost every worker a fifth of a second.
"""

import argparse
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from bench_brief_io import big_brief
from bench_export import PEER, brief_like_peer, load_peer
from bench_loaders import make_pdf, make_text

from briefing_app.core.brief_file import save_brief
from briefing_app.core.document import Document
from briefing_app.core.loaders import load_article
from briefing_app.export.job import ExportWork


def nothing(progress=None) -> None:
    return None


def _tick(ticks: list[float]) -> None:
    ticks.append(time.perf_counter())


def _finished(outcome: dict, loop, job) -> None:
    outcome["job"] = job
    loop.quit()


def measure(make_job, runs: int, bar=None) -> dict:
    """Run the job ``runs`` times under a 10 ms GUI timer: medians of wall time, longest gap, 99th percentile.
    ``bar``: a progress bar to show the job's progress in, as the window does."""
    from PySide6.QtCore import QEventLoop, QTimer

    from briefing_app.gui.jobs import JobRunner

    walls, longest, p99 = [], [], []
    for _ in range(runs):
        runner = JobRunner()
        if bar is not None:
            runner.progressed.connect(bar.setValue)
            bar.show()
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(partial(_tick, ticks))
        loop = QEventLoop()
        outcome: dict = {}
        runner.finished.connect(partial(_finished, outcome, loop))
        timer.start()
        began = time.perf_counter()
        runner.start(make_job())
        loop.exec()
        ended = time.perf_counter()
        timer.stop()
        if bar is not None:
            bar.hide()
        job = outcome["job"]
        if job.error:
            raise SystemExit(f"the job failed: {job.error}")
        moments = [began] + [t for t in ticks if began <= t <= ended] + [ended]
        gaps = sorted(b - a for a, b in zip(moments, moments[1:], strict=False))
        walls.append(ended - began)
        longest.append(gaps[-1])
        p99.append(gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))])
    return {"wall": statistics.median(walls), "longest": statistics.median(longest), "p99": statistics.median(p99),
            "worst": max(longest)}  # fmt: skip


def line(label: str, m: dict) -> str:
    return (f"  {label:<8} {m['wall']:6.2f} s to the result, longest GUI gap {1000 * m['longest']:4.0f} ms "
            f"(worst of runs {1000 * m['worst']:4.0f} ms), 99th percentile {1000 * m['p99']:3.0f} ms")  # fmt: skip


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--items", type=int, default=1500)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--brief-items", type=int, default=1500)
    ap.add_argument("--bare", action="store_true", help="a bare QApplication instead of the app's window")
    args = ap.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.jobs import Job, ProcessJob

    bar = None
    if args.bare:
        app = QApplication.instance() or QApplication([])  # noqa: F841 -- the timers need it
    else:  # the app's window on the seed article, its suggestions done, the job's progress in its status bar
        from briefing_app.gui.app import open_main_window

        window = open_main_window()
        bar = window.export_progress
        began = time.perf_counter()
        while time.perf_counter() - began < 1 or window.suggesting.busy:  # suggestions start 0.3 s after the paint
            QApplication.processEvents()
        print("in the app's window on the seed article (the job's progress shown in its status bar)")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        peer = load_peer(PEER)
        big, small = brief_like_peer(peer, args.items), brief_like_peer(peer, 15)
        pdf, small_pdf, text = folder / "big.pdf", folder / "small.pdf", folder / "one-mb.txt"
        pages = make_pdf(pdf, args.pages)
        make_pdf(small_pdf, 10)
        make_text(text, 1)
        brief_file = folder / "big.brief"
        save_brief(big_brief(args.brief_items, 1.0), brief_file)

        print("what a worker process costs (a job that does nothing):")
        cold = measure(lambda: ProcessJob("nothing", nothing), 1, bar)
        print(f"  first job, fork server starting (in its own process): {cold['wall']:.2f} s, "
              f"longest GUI gap {1000 * cold['longest']:.0f} ms")  # fmt: skip
        warm = measure(lambda: ProcessJob("nothing", nothing), max(5, args.runs))
        print(f"  next jobs: {1000 * warm['wall']:.0f} ms each")
        results["nothing"] = {"cold": cold, "warm": warm}

        cases = {
            f"export, {args.items} facts + {args.items // 3} quotes": lambda: ExportWork(
                big.snapshot(), folder / "big-out.pdf", "a4"
            ),  # noqa: E501
            f"load, {pages}-page PDF": lambda: partial(load_article, pdf),
            "export, 15 facts + 5 quotes": lambda: ExportWork(small.snapshot(), folder / "small-out.pdf", "a4"),
            "load, 10-page PDF": lambda: partial(load_article, small_pdf),
            "load, 1 MB text": lambda: partial(load_article, text),
            f"open, {args.brief_items}-item brief ({brief_file.stat().st_size / 1e6:.1f} MB)": lambda: partial(
                Document.open, brief_file
            ),
        }
        for name, work in cases.items():
            print(f"{name}:")
            thread = measure(lambda n=name, w=work: Job(n, w()), args.runs, bar)
            process = measure(lambda n=name, w=work: ProcessJob(n, w()), args.runs, bar)
            print(line("thread", thread))
            print(line("process", process))
            results[name] = {"thread": thread, "process": process}
    return results


if __name__ == "__main__":
    main()

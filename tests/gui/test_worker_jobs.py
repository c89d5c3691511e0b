"""Exports (and big loads) in a worker process (issue 16, 6): progress and the result come back, Cancel stops
the worker and leaves no file and no temporary file, a fault in the worker is one line for the user and its
traceback in the log."""

import os
import time
from functools import partial

import pytest
from PySide6.QtWidgets import QApplication
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from briefing_app.core.brief import KEY_FACTS, Brief, Source
from briefing_app.core.brief_file import save_brief
from briefing_app.core.loaders import load_article
from briefing_app.core.logs import log_file
from briefing_app.export import render_pdf
from briefing_app.export.job import ExportWork
from briefing_app.gui.jobs import PROCESS_LOAD_BYTES, Job, JobRunner, ProcessJob, load_in_process, make_job

from helpers.pdf_helpers import all_text, reader, squash
from helpers.worker_tasks import FaultyExport, die, fail_unexpectedly, report_in_steps, write_then_hang

pytestmark = pytest.mark.gui

SEED = os.path.join(os.path.dirname(__file__), "..", "..", "seeds", "north-koreans-in-russia.txt")


def big_brief(items: int) -> Brief:
    """A brief of ``items`` key facts over the seed article repeated: about two seconds of export at 1,500."""
    with open(SEED, encoding="utf-8") as f:
        paragraphs = [p for p in f.read().split("\n")[1:] if len(p) > 60]
    text = "Big brief\n" + "\n".join(paragraphs[i % len(paragraphs)] for i in range(items))
    b = Brief(title="Big brief", date="2024-10-28", author="tests")
    b.add_source(Source(title="Seed, repeated", text=text, published="2024-10-28", title_line=True))
    start = text.index("\n") + 1
    for _ in range(items):
        end = text.index("\n", start) if "\n" in text[start:] else len(text)
        b.add_item(KEY_FACTS, 1, start, end)
        start = end + 1
    return b


def run_to_end(qtbot, runner: JobRunner, job: Job, timeout: int = 60_000) -> list[int]:
    seen: list[int] = []
    runner.progressed.connect(seen.append)
    with qtbot.waitSignal(runner.finished, timeout=timeout):
        runner.start(job)
    return seen


def test_an_export_from_the_window_runs_in_a_worker_process_and_shows_progress(window, qtbot, tmp_path, monkeypatch):
    """Ctrl+E on a brief of hostile text: the export runs in another process while the bar moves and Cancel
    shows, and the PDF it writes is byte for byte the one this process renders (SOURCE_DATE_EPOCH, set after
    the worker's fork server may have started, reaches the worker)."""
    from helpers.hostile_brief import FACTS, hostile_brief

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730160000")
    brief = hostile_brief()
    save_brief(brief, tmp_path / "hostile.brief")
    assert window.open_path(tmp_path / "hostile.brief")
    qtbot.waitUntil(lambda: window.document is not None and window.document.path is not None)
    target = tmp_path / "hostile.pdf"
    window.document.export_path = target
    seen, buttons = [], []
    runner = window.outputs.exports
    runner.progressed.connect(seen.append)
    runner.progressed.connect(lambda _: buttons.append(runner.cancel_button.isVisible()))
    with qtbot.waitSignal(window.export_finished, timeout=60_000) as done:
        window.export_action.trigger()
        job = runner.job
        assert isinstance(job, ProcessJob)
        qtbot.waitUntil(lambda: job._process is not None, timeout=30_000)
        assert job._process.pid != os.getpid()
    assert done.args[0].path == target
    assert all(buttons) and buttons and not runner.cancel_button.isVisible()  # shown while it ran, only then
    # the bar never goes back and ends full; a brief this small may be done between two of its ticks, so
    # that it moves on the way is shown by the 1,500-item export below
    assert seen == sorted(seen) and seen[-1] == 100
    assert target.read_bytes() == render_pdf(brief)[0]
    text = all_text(target)
    for fact in FACTS[:6]:
        assert squash(fact) in text, fact
    assert len(reader(target).pages) == done.args[0].pages
    assert window.statusBar().currentMessage().startswith(f"Exported {done.args[0].pages} pages to {target}")


def test_cancel_stops_a_big_export_and_leaves_no_file(window, qtbot, tmp_path):
    """Cancel in the status bar, half-way through a 1,500-item export (its bar moving): the worker ends, no
    PDF and no temporary file are left, the window says so and can export again."""
    target = tmp_path / "out" / "big.pdf"
    target.parent.mkdir()
    window.outputs._start(ExportWork(big_brief(1500), target, "a4"))
    runner = window.outputs.exports
    seen: list[int] = []
    runner.progressed.connect(seen.append)
    job = runner.job
    assert runner.cancel_button.isVisible() and runner.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: job.percent >= 10 and any(0 < p < 100 for p in seen), timeout=60_000)  # the bar moves
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.cancel_button.click()
    assert job.cancelled and job.error == "Exporting was cancelled" and job.percent < 100
    assert not job._process.is_alive()
    assert list(target.parent.iterdir()) == []  # neither the PDF nor a temporary file
    assert window.statusBar().currentMessage() == "Export cancelled: big.pdf was left as it was"
    assert not runner.cancel_button.isVisible() and window.export_action.isEnabled()


def test_cancel_while_the_worker_writes_the_file_keeps_the_old_one(qtbot, tmp_path):
    """SIGTERM lands while write_atomically holds the whole new file on disk under a temporary name: the
    worker removes it on its way out, and the file that was there is untouched."""
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"the earlier export")
    runner = JobRunner()
    job = ProcessJob("exporting", partial(write_then_hang, target, 5_000_000))
    runner.start(job)
    qtbot.waitUntil(lambda: job.percent == 50, timeout=30_000)
    assert len(list(tmp_path.iterdir())) == 2  # the temporary file is there, whole
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        assert runner.cancel()
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]
    assert target.read_bytes() == b"the earlier export"


def test_an_unexpected_error_in_the_worker_is_one_line_for_the_user_and_a_traceback_in_the_log(window, qtbot):
    window.outputs._start(FaultyExport(window.document.brief.snapshot(), log_file().parent / "never.pdf", "a4"))
    with qtbot.waitSignal(window.error_reported, timeout=30_000) as error:
        pass
    message = error.args[0]
    assert message.startswith("Unexpected error while exporting: KeyError: 'missing ledger row'")
    assert "\n" not in message and "Help > About" in message
    assert not (log_file().parent / "never.pdf").exists()
    logged = log_file().read_text("utf-8")
    tail = logged[logged.rindex("Unexpected error while exporting never.pdf (worker process") :]
    assert "Traceback (most recent call last):" in tail and "worker_tasks.py" in tail
    assert "in fail_unexpectedly" in tail and "KeyError: 'missing ledger row'" in tail
    pid = int(tail.split("(worker process ")[1].split(")")[0])
    assert pid != os.getpid()
    for box in QApplication.topLevelWidgets():  # the message box the window opened
        if box.isVisible() and box.windowTitle() == "Export failed":
            box.close()


def test_a_worker_that_dies_without_an_answer_is_an_error_not_a_hang(qtbot):
    runner = JobRunner()
    job = ProcessJob("loading the article", partial(die, 3), subject="/some/folder/big.pdf")
    run_to_end(qtbot, runner, job)
    assert job.error.startswith("Unexpected error while loading the article: RuntimeError: the worker process ended")
    assert "exit code 3" in job.error
    assert "loading the article big.pdf: the worker process ended" in log_file().read_text("utf-8")


class SlowReader(ProcessJob):
    """The reading thread gets the CPU only after the worker has written its answer and ended: as on a loaded
    CI machine, where the window once took a finished export for a worker that died without a word."""

    def _read(self, conn) -> None:
        self._process.join()
        time.sleep(0.3)  # several polls see the worker ended and the pipe not yet read
        super()._read(conn)


def test_an_answer_still_in_the_pipe_when_the_worker_has_ended_is_taken_not_lost(qtbot):
    runner = JobRunner(interval_ms=10)
    job = SlowReader("counting", partial(report_in_steps, 3))
    run_to_end(qtbot, runner, job)
    assert job.error is None and job.result not in (None, os.getpid())


def test_a_thread_job_logs_its_unexpected_error_too(qtbot):
    runner = JobRunner()
    job = Job("reviewing", fail_unexpectedly)
    run_to_end(qtbot, runner, job)
    assert job.error.startswith("Unexpected error while reviewing: KeyError") and "\n" not in job.error
    assert "in _parse_ledger" not in job.error
    logged = log_file().read_text("utf-8")
    assert "Unexpected error while reviewing:\nTraceback" in logged and "in fail_unexpectedly" in logged


def test_progress_comes_back_from_the_worker_and_a_load_in_a_process_gives_the_same_article(qtbot, tmp_path):
    runner = JobRunner(interval_ms=10)
    job = ProcessJob("counting", partial(report_in_steps, 10))
    seen = run_to_end(qtbot, runner, job)
    assert job.result != os.getpid() and job.error is None
    assert len({p for p in seen if 0 < p < 100}) >= 3 and seen[-1] == 100

    pdf = tmp_path / "report.pdf"
    with open(SEED, encoding="utf-8") as f:
        paragraphs = [p for p in f.read().split("\n")[1:] if len(p) > 80]
    style = getSampleStyleSheet()["BodyText"]
    SimpleDocTemplate(str(pdf), pagesize=A4).build(
        [Paragraph(paragraphs[i % len(paragraphs)], style) for i in range(80)]
    )
    job = make_job("loading the article", partial(load_article, pdf), process=True, subject=pdf)
    assert isinstance(job, ProcessJob)
    run_to_end(qtbot, runner, job)
    assert job.error is None and job.result == load_article(pdf)


def test_which_loads_go_to_a_process_and_what_work_a_process_refuses(tmp_path):
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_bytes(b"x" * (PROCESS_LOAD_BYTES - 1))
    big.write_bytes(b"x" * PROCESS_LOAD_BYTES)
    assert not load_in_process(small) and load_in_process(big) and not load_in_process(tmp_path / "missing.txt")
    assert type(make_job("loading", partial(load_article, small))) is Job
    from briefing_app.gui.wording import counted

    with pytest.raises(TypeError, match="would load Qt in the worker"):
        ProcessJob("counting", partial(counted, 2, "item"))


def test_work_that_cannot_be_pickled_fails_as_one_line(qtbot):
    runner = JobRunner()
    job = ProcessJob("counting", lambda progress=None: 1)  # a lambda cannot be sent to a worker
    run_to_end(qtbot, runner, job)
    assert job.error.startswith("Unexpected error while counting: ") and "pickle" in job.error.lower()
    assert not runner.busy

"""The Review tab: the brief checked against the analytic standards (:func:`briefing_app.core.review.review`)
while it is written, each finding one row, "[rule] place: message".

A tab beside Items, Brief, Sources and Suggestions rather than a dock: everything about the brief is in
that pane already, a dock would take its height from the article or the item lists on a laptop screen,
and the tab's title carries the count ("Review (3)"), so the findings are in sight from every tab.

Live and never in the way: a change of the brief starts a short timer (typing restarts it), and the
review then runs in a worker thread on a snapshot of the brief (see :mod:`.jobs`), so the GUI thread only
copies the brief and fills the list. A result for a brief that has changed since is thrown away and the
review runs again. Double-click or Enter on a finding shows its place: the item selected in its list and
in the article, the BLUF or the comment in the Brief tab, the source in the Sources tab. Findings are
advice, never a lock: nothing here stops a save or an export.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QSpinBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.brief import SECTIONS, Brief, BriefError
from ..core.review import DEFAULT_STALE_DAYS, RULES, Finding, review_lines
from .dialogs import plain_tooltip
from .focus_frame import FocusFrameDelegate
from .jobs import Job, JobRunner, make_job
from .wording import counted

REVIEW_DELAY_MS = 300  # after the last change: typing in a field reviews once, when the user pauses
# From this many items a review runs in a worker process: in a thread it holds Python's lock for 50-100 ms,
# and every call from Qt into Python (the item lists' rows, a paint) waits its turn meanwhile. Smaller briefs
# are reviewed in a thread: a worker process costs about 50 ms to start.
PROCESS_REVIEW_ITEMS = 1000
STALE_DAYS_KEY = "review/stale_days"
MAX_STALE_DAYS = 3650
SUMMARIES = {rule.name: rule.summary for rule in RULES}
TAB_TITLE = "Re&view"


def stale_days_setting() -> int:
    """The stale-source rule's N, as the user last set it (default 30)."""
    try:
        days = int(QSettings().value(STALE_DAYS_KEY, DEFAULT_STALE_DAYS))
    except (TypeError, ValueError):
        return DEFAULT_STALE_DAYS
    return days if 0 <= days <= MAX_STALE_DAYS else DEFAULT_STALE_DAYS


class FindingDelegate(FocusFrameDelegate):
    """Rows framed when current, as in every list; a row's tooltip is its rule's summary, looked up when
    asked for rather than stored in each of hundreds of rows."""

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.ToolTip and index.isValid():
            QToolTip.showText(event.globalPos(), view.tooltip(index.row()), view)
            return True
        return super().helpEvent(event, view, option, index)


class FindingList(QListWidget):
    """The findings, each a row of plain text (a list never renders an item's text as markup); Enter, like a
    double-click, shows the current one's place (``chosen``).

    A QListWidget filled with ``addItems``: its rows live in C++, so filling it after each review costs the
    GUI thread a few milliseconds for 1,500 findings (one row at a time, 20-40 ms), and laying them out
    needs no Python while the next review holds the interpreter in the worker thread (a Python model,
    asked for each row's data then, held the GUI thread up to 0.2 s, each call waiting its turn)."""

    chosen = Signal(object)  # a Finding

    def __init__(self) -> None:
        super().__init__()
        self._findings: list[Finding] = []
        self.setObjectName("review_list")
        self.setAccessibleName("Review findings")
        self.setWordWrap(True)
        # a finding often takes two lines: alternating colours show where one ends (no spacing: see ItemList)
        self.setAlternatingRowColors(True)
        self.setLayoutMode(QListWidget.Batched)  # hundreds of wrapped rows are measured a batch at a time
        self.setBatchSize(100)
        self.setItemDelegate(FindingDelegate(self))
        self.itemDoubleClicked.connect(lambda entry: self.chosen.emit(self._findings[self.row(entry)]))

    def set_rows(self, rows: list[tuple[Finding, str]]) -> None:
        """Show these findings (each with its row's text), keeping the current finding current, or else
        the row where it was."""
        row = self.currentRow()
        current = self._findings[row] if 0 <= row < len(self._findings) else None
        self.setUpdatesEnabled(False)
        self.clear()
        self._findings = [finding for finding, _ in rows]
        self.addItems([text for _, text in rows])
        if current in self._findings:
            self.setCurrentRow(self._findings.index(current))
        elif row >= 0 and self._findings:
            self.setCurrentRow(min(row, len(self._findings) - 1))
        self.setUpdatesEnabled(True)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and 0 <= self.currentRow() < len(self._findings):
            self.chosen.emit(self._findings[self.currentRow()])
        else:
            super().keyPressEvent(event)

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def texts(self) -> list[str]:
        return [self.item(i).text() for i in range(self.count())]

    def tooltip(self, row: int) -> str:
        """Row ``row``'s tooltip: what its rule finds, as the README says it."""
        return plain_tooltip(SUMMARIES.get(self._findings[row].rule, ""))


class ReviewPane(QWidget):
    """The window's Review tab; it adds itself to the brief pane and follows the window's document."""

    reviewed = Signal()  # the list shows the review of the brief as it is now

    def __init__(self, window: QMainWindow) -> None:  # the main window, by what it holds: never imported
        super().__init__()
        self.window = window
        self.brief: Brief | None = None
        self._unsubscribe = None
        self._generation = 0  # counts the brief's changes: a review of an older state is not shown
        self.shown_generation = -1
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REVIEW_DELAY_MS)
        self.timer.timeout.connect(self.start_review)
        self.runner = JobRunner(self, interval_ms=20)
        self.runner.finished.connect(self._review_done)

        self.status = QLabel()
        self.status.setTextFormat(Qt.PlainText)
        self.status.setWordWrap(True)
        self.stale_days = QSpinBox()
        self.stale_days.setRange(0, MAX_STALE_DAYS)
        self.stale_days.setValue(stale_days_setting())
        self.stale_days.setSuffix(" days")
        self.stale_days.setAccessibleName("Stale after")
        self.stale_days.setToolTip("A source published more than this many days before the brief's date is stale")
        self.stale_days.valueChanged.connect(self._stale_days_changed)
        stale_label = QLabel("Sources s&tale after:")
        stale_label.setBuddy(self.stale_days)
        self.list = FindingList()
        self.list.chosen.connect(self.show_place)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(stale_label)
        top.addWidget(self.stale_days)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)

        window.brief_pane.addTab(self, TAB_TITLE)
        window.document_changed.connect(self.follow_document)

    # --- following the brief
    def follow_document(self) -> None:
        """Review the window's brief from now on (another one was opened, or none)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        document = self.window.document
        self.brief = document.brief if document is not None else None
        if self.brief is not None:
            self._unsubscribe = self.brief.subscribe(lambda change: self.schedule())
        self.list.set_rows([])
        self._show_count(None)
        self.schedule()

    def schedule(self) -> None:
        """Review again once the changes pause."""
        self._generation += 1
        self.timer.start()

    def _stale_days_changed(self, days: int) -> None:
        QSettings().setValue(STALE_DAYS_KEY, days)
        self.schedule()

    @property
    def up_to_date(self) -> bool:
        return self.shown_generation == self._generation and not self.timer.isActive()

    def start_review(self) -> None:
        """Review the brief as it is now, in the worker thread (when the one running is done, if any)."""
        self.timer.stop()
        if self.runner.busy:
            return  # _review_done starts the next one
        if self.brief is None:
            self.shown_generation = self._generation
            self.reviewed.emit()
            return
        work = partial(review_lines, self.brief.snapshot(), self.stale_days.value())
        big = sum(len(self.brief.items(section)) for section in SECTIONS) >= PROCESS_REVIEW_ITEMS
        job = make_job("reviewing the brief", work, process=big)
        job.generation, job.brief = self._generation, self.brief
        self.runner.start(job)

    def _review_done(self, job: Job) -> None:
        if job.generation != self._generation or job.brief is not self.brief:
            if not self.timer.isActive():  # the brief changed meanwhile and its timer has already run out
                self.start_review()
            return
        if job.error is not None:
            self.list.set_rows([])
            self.status.setText(f"The review could not run: {job.error}")
        else:
            self._show_findings(job.result)
        self.shown_generation = job.generation
        self.reviewed.emit()

    # --- showing
    def _show_findings(self, rows: list[tuple[Finding, str]]) -> None:
        self.list.set_rows(rows)
        self._show_count(len(rows))

    def _show_count(self, n: int | None) -> None:
        pane = self.window.brief_pane
        pane.setTabText(pane.indexOf(self), f"{TAB_TITLE} ({n:,})" if n else TAB_TITLE)
        if self.brief is None:
            self.status.setText("No brief is open.")
        elif n is None:
            self.status.setText("Reviewing…")
        elif n == 0:
            self.status.setText("No findings: the brief keeps every rule of the review.")
        else:
            self.status.setText(f"{counted(n, 'finding')}: advice, not a lock. Enter or a double-click shows where.")

    # --- going to a finding's place
    def show_place(self, finding: Finding) -> None:
        """Show where ``finding`` is: its item selected (in the list and the article), its field, its source."""
        window, pane, where = self.window, self.window.brief_pane, finding.item
        if self.brief is None:
            return
        if where in ("bluf", "comment", None):
            pane.setCurrentWidget(pane.fields_page)
            pane.field_editors[where or "bluf"].setFocus()
        elif where in SECTIONS:
            pane.setCurrentWidget(pane.items_splitter)
            pane.lists[where].setFocus()
        elif where == "sources" or where.startswith("source "):
            pane.setCurrentWidget(pane.sources_page)
            number = int(where.split()[1]) if where != "sources" else 0
            if 1 <= number <= len(self.brief.sources):
                pane.show_source(number)
                window.show_source(number)
            pane.sources_list.setFocus()
        else:
            try:
                item = self.brief.find(where)[2]
            except BriefError:  # gone since it was reviewed: the next review drops the finding
                return
            pane.select_item(item.id, focus=True)
            window.show_item(item)

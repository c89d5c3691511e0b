"""The brief beside the article: its items (key facts, expert assessments, the selected item's details with
its likelihood, confidence and credibility), its fields (title, date, author, prepared for, distribution,
handling, draft or final, likelihood scale, BLUF, comment, the judgements of both) and its sources.

The pane shows the model and turns every edit into an undoable command on the window's stack; it
redraws itself from the model's change notifications, so undo, redo and the pane never disagree.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.brief import (
    EXPERT_ASSESSMENTS,
    FIELD_NAMES,
    JUDGED_FIELDS,
    KEY_FACTS,
    MAX_FIELD_CHARS,
    RELIABILITY_GRADES,
    SECTIONS,
    TLP_MARKS,
    TRADECRAFT_FIELDS,
    Brief,
    BriefError,
    Change,
    Item,
)
from ..core.kinds import ChangeKind, Status
from .field_binding import FieldBinding, show_text
from .item_list import ID_ROLE, ItemList
from .tradecraft_fields import ACCESS_CHOICES, SCALE_CHOICES, SCALE_TIPS, ChoiceBox, CredibilityRow, JudgementRow
from .undo_commands import EditItem, MoveItem, SetField, SetLikelihoodScale, SetStatus, UpdateSource
from .wording import counted

ITEM_EDITS = ("speaker", "affiliation", "note")
SOURCE_EDITS = ("title", "author", "publisher", "url", "published", "accessed", "information_date", "perspective")
# the Sources tab's form, top to bottom: what the source is, then how far to trust it (ICD 206)
SOURCE_FORM = ("title", "author", "publisher", "url", "published", "accessed", "reliability", "access",
               "information_date", "perspective")  # fmt: skip
SOURCE_LABELS = {"url": "URL:", "information_date": "Information date:", "perspective": "Perspective:"}
# under a source's Published date: where the date came from, so the analyst knows whether to trust it
PUBLISHED_FROM_NOTES = {
    "text": "Read from the article's dateline or byline",
    "metadata": "From the file's metadata (the page's own date)",
    "analyst": "Entered by hand",
}
NO_DATE_NOTE = "Not found in the article: enter it if you know it"
UNRECORDED_NOTE = "Where this date came from was not recorded"
STATUS_NOTES = {
    Status.DRAFT: "A draft: every page of the PDF and Word exports says DRAFT, as do Markdown and Copy brief. "
    "Tick Final when the brief is ready to send.",
    Status.FINAL: "Final: exports and copies carry no DRAFT mark.",
}


def _note_label() -> QLabel:
    """A small italic note under a field, e.g. where a date came from."""
    label = QLabel()
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(True)
    font = label.font()
    font.setItalic(True)
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def _buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose Alt key goes to ``buddy``, a field inside the row (a row's own widget takes no focus)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _tab_down(*widgets: QWidget) -> None:
    """Tab goes from each of ``widgets`` to the next, down the form as it reads."""
    for first, then in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, then)


def _plain_editor(placeholder: str, height: int) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setPlaceholderText(placeholder)
    editor.setTabChangesFocus(True)  # Tab leaves the field, as in a form
    editor.setMinimumHeight(height)
    return editor


class BriefPane(QTabWidget):
    """``error(message)`` reports a refused edit; ``item_chosen(item)`` asks the window to show the item
    in its source; ``source_chosen(number)`` asks it to show that source."""

    error = Signal(str)
    cut = Signal(str)  # a field's text was cut to the most the brief holds (the message says how much)
    item_chosen = Signal(object)
    source_chosen = Signal(int)

    def __init__(self, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.undo_stack = undo_stack
        self.brief: Brief | None = None
        self._unsubscribe = None
        self._bindings: list[FieldBinding] = []
        self._dirty: set[str] = set()  # the sections, and ChangeKind.SOURCES, to redraw
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(0)
        self._redraw_timer.timeout.connect(self.redraw)
        self.addTab(self._make_items_tab(), "&Items")
        self.addTab(self._make_fields_tab(), "&Brief")
        self.addTab(self._make_sources_tab(), "&Sources")
        self.setDocumentMode(True)
        for binding in self._bindings:  # one undo history: Ctrl+Z in a field undoes on the brief's stack
            binding.share_undo(undo_stack)

    # --- building
    def _make_items_tab(self) -> QWidget:
        self.lists = {section: ItemList(section) for section in SECTIONS}
        for item_list in self.lists.values():
            item_list.move_requested.connect(self.move_items)
            item_list.selection_changed.connect(self._selection_changed)
            item_list.clicked.connect(lambda index: self._choose(index.data(ID_ROLE)))
            item_list.activated.connect(lambda index: self._choose(index.data(ID_ROLE)))
        self.item_text = QLabel()
        self.item_text.setWordWrap(True)
        self.item_text.setTextFormat(Qt.PlainText)
        self.item_text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.item_editors = {name: QLineEdit() for name in ITEM_EDITS}
        self.item_editors["speaker"].setPlaceholderText("Who said it, e.g. Jean-Marc Sorel")
        self.item_editors["affiliation"].setPlaceholderText("Their role and organisation")
        self.item_editors["note"].setPlaceholderText("Your note on this item (printed in the brief)")
        # the whole passage, however long: it scrolls rather than being cut off after two lines
        self.item_text_area = QScrollArea()
        self.item_text_area.setWidget(self.item_text)
        self.item_text_area.setWidgetResizable(True)
        self.item_text_area.setFrameShape(QFrame.NoFrame)
        self.item_text_area.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.item_text_area.setMinimumHeight(3 * self.fontMetrics().lineSpacing() + 4)
        self.item_text_area.setAccessibleName("Selected item's passage")
        self.item_text.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(4, 4, 4, 4)
        details_layout.addWidget(self.item_text_area, 1)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(form)
        # Alt+S is the Sources tab's: the speaker takes Alt+P
        item_labels = {"speaker": "S&peaker:", "affiliation": "&Affiliation:", "note": "&Note:"}
        for name, editor in self.item_editors.items():
            form.addRow(item_labels[name], editor)
            self._bind(editor, lambda value, n=name: self.edit_selected(n, value), name)
        # an assessment's judgement, and every item's credibility beside its source's reliability
        self.item_judgement = JudgementRow("The item's")
        self.item_judgement.likelihood_chosen.connect(partial(self.edit_selected, "likelihood"))
        self.item_judgement.confidence_chosen.connect(partial(self.edit_selected, "confidence"))
        form.addRow(_buddy_label("&Judgement:", self.item_judgement.likelihood), self.item_judgement)
        self.item_credibility = CredibilityRow()
        self.item_credibility.chosen.connect(partial(self.edit_selected, "credibility"))
        form.addRow(_buddy_label("Cre&dibility:", self.item_credibility.box), self.item_credibility)
        self.details_form = form
        self.details = details
        splitter = QSplitter(Qt.Vertical)
        for section, title in (
            (KEY_FACTS, "Key facts  (Ctrl+1)"),
            (EXPERT_ASSESSMENTS, "Expert assessments  (Ctrl+2)"),
        ):
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 4, 0, 0)
            label = QLabel(title)
            label.setBuddy(self.lists[section])
            layout.addWidget(label)
            layout.addWidget(self.lists[section])
            splitter.addWidget(box)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 0)
        self.items_splitter = splitter
        self._show_details(None)
        return splitter

    def _make_fields_tab(self) -> QWidget:
        self.field_editors: dict[str, QWidget] = {
            "title": QLineEdit(),
            "date": QLineEdit(),
            "author": QLineEdit(),
            "prepared_for": QLineEdit(),
            "distribution": QLineEdit(),
            "handling": QComboBox(),
            "bluf": _plain_editor("Bottom line up front: the one thing the reader must take away", 90),
            "comment": _plain_editor("Your own comment on the situation", 90),
        }
        handling = self.field_editors["handling"]
        handling.setEditable(True)
        handling.addItems(TLP_MARKS)
        handling.setToolTip("A TLP mark, or type a free classification line")
        self.field_editors["date"].setPlaceholderText("YYYY-MM-DD")
        self.field_editors["author"].setToolTip("Printed as “Prepared by”")
        self.field_editors["prepared_for"].setPlaceholderText("Who the brief is for, e.g. Director, Asia desk")
        self.field_editors["distribution"].setPlaceholderText("Who else receives it, e.g. Asia desk; NATO liaison")
        # the scale the brief states likelihoods in, then a likelihood and a confidence under the BLUF and comment
        self.scale_box = ChoiceBox(SCALE_CHOICES, "Likelihood scale")
        for i, (_, key) in enumerate(SCALE_CHOICES):
            self.scale_box.setItemData(i, SCALE_TIPS[key], Qt.ToolTipRole)
        self.scale_box.setToolTip("The words the brief states likelihood in; changing it maps every likelihood "
                                  "already stated to the new scale (Ctrl+Z puts them back)")  # fmt: skip
        self.scale_box.chosen.connect(self.set_scale)
        self.judgements = {name: JudgementRow(f"The {FIELD_NAMES[name]}'s") for name in JUDGED_FIELDS}
        for name, row in self.judgements.items():
            likelihood, confidence = JUDGED_FIELDS[name]
            row.likelihood_chosen.connect(partial(self.set_field, likelihood))
            row.confidence_chosen.connect(partial(self.set_field, confidence))
        page = QWidget()
        self.fields_page = page
        form = QFormLayout(page)
        labels = {"title": "&Title:", "date": "&Date:", "author": "A&uthor:", "prepared_for": "&Prepared for:",
                  "distribution": "Dist&ribution:", "handling": "&Handling:", "bluf": "B&LUF:",
                  "comment": "&Comment:"}  # fmt: skip
        for name, editor in self.field_editors.items():
            form.addRow(labels[name], editor)
            self._bind(editor, lambda value, n=name: self.set_field(n, value), name)
            if name == "handling":  # who may read it, then whether it may go out yet
                form.addRow("Status:", self._make_status_row())
                form.addRow("Li&kelihood scale:", self.scale_box)
            if name in self.judgements:
                form.addRow("", self.judgements[name])
        order = [self.field_editors["handling"], self.final_box, self.scale_box]
        for name, row in self.judgements.items():
            order += [self.field_editors[name], row.likelihood, row.confidence]
        _tab_down(*order)
        return page

    def _show_judgements(self) -> None:
        """The scale, and the BLUF's and the comment's likelihood and confidence, as the model has them."""
        brief = self.brief
        self.scale_box.show_value(brief.likelihood_scale if brief else "")
        for name, row in self.judgements.items():
            likelihood, confidence = JUDGED_FIELDS[name]
            if brief is None:
                row.show_values("", "", "")
            else:
                row.show_values(brief.likelihood_scale, getattr(brief, likelihood), getattr(brief, confidence))

    def _make_status_row(self) -> QWidget:
        """A checkbox, as the status is one decision (is it ready?), with a note on what a draft's exports say."""
        self.final_box = QCheckBox("Fi&nal — ready to send")
        self.final_box.setToolTip("Unticked, the brief is a draft and its exports say DRAFT")
        self.final_box.toggled.connect(lambda final: self.set_status(Status.FINAL if final else Status.DRAFT))
        self.status_note = _note_label()
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.final_box)
        layout.addWidget(self.status_note)
        return row

    def _show_status(self) -> None:
        status = self.brief.status if self.brief else Status.DRAFT
        blocked = self.final_box.blockSignals(True)
        self.final_box.setChecked(status == Status.FINAL)
        self.final_box.blockSignals(blocked)
        self.status_note.setText(STATUS_NOTES[status] if self.brief else "")

    def _bind(self, editor: QWidget, commit, name: str, whose: str = "") -> None:
        """Commit ``editor``'s text with ``commit``. Text beyond what the brief holds is cut and the cut told;
        dates and the handling mark are short by nature, and the model's own check speaks for them."""
        cut = partial(self._cut_to_fit, f"the {whose}{FIELD_NAMES.get(name, name)}")
        if isinstance(editor, QLineEdit):  # Qt's own limit, 32,767, cut a longer paste silently
            editor.setMaxLength(2**31 - 1)
        self._bindings.append(FieldBinding(editor, commit, MAX_FIELD_CHARS if name in FIELD_NAMES else None, cut))

    def _cut_to_fit(self, what: str, left_out: int) -> None:
        self.cut.emit(
            f"{what} holds at most {MAX_FIELD_CHARS:,} characters: the {counted(left_out, 'character')} past "
            "that were left out"
        )

    def _make_sources_tab(self) -> QWidget:
        self.sources_list = QListWidget()
        self.sources_list.setAccessibleName("Sources")
        self.sources_list.currentRowChanged.connect(self._source_row_changed)
        self.source_editors: dict[str, QWidget] = {name: QLineEdit() for name in SOURCE_EDITS}
        self.source_editors["published"].setPlaceholderText("YYYY-MM-DD")
        self.source_editors["accessed"].setPlaceholderText("YYYY-MM-DD")
        self.source_editors["author"].setPlaceholderText("Who wrote the article")
        self.source_editors["information_date"].setPlaceholderText("YYYY-MM-DD: when what it reports took place")
        self.source_editors["information_date"].setToolTip("The date of the information the source reports, which "
                                                           "may be well before it was published (ICD 206)")  # fmt: skip
        self.source_editors["perspective"].setPlaceholderText("Its bias or perspective, e.g. state-owned; a party")
        self.published_from = _note_label()  # where the Published date came from
        grade = ChoiceBox([(f"{key}: {meaning}", key) for key, meaning in RELIABILITY_GRADES.items()], "Reliability")
        grade.chosen.connect(lambda key: self.update_source(reliability=key))
        self.source_editors["reliability"] = grade
        access = ChoiceBox(ACCESS_CHOICES, "Access")
        access.setToolTip("Whether the source saw or heard what it reports (ICD 206)")
        access.chosen.connect(lambda key: self.update_source(access=key))
        self.source_editors["access"] = access
        page = QWidget()
        self.sources_page = page
        layout = QVBoxLayout(page)
        layout.addWidget(self.sources_list, 1)
        form = QFormLayout()
        for name in SOURCE_FORM:
            editor = self.source_editors[name]
            form.addRow(SOURCE_LABELS.get(name, f"{name.capitalize()}:"), editor)
            if name in SOURCE_EDITS:
                self._bind(editor, lambda value, n=name: self.update_source(**{n: value}), name, "source's ")
            if name == "published":
                form.addRow("", self.published_from)
        layout.addLayout(form)
        _tab_down(self.sources_list, *(self.source_editors[name] for name in SOURCE_FORM))
        return page

    # --- the brief shown
    def laying_out(self) -> bool:
        """Whether a shown item list is still measuring its rows (see ItemList.laying_out)."""
        return any(rows.laying_out() for rows in self.lists.values())

    def set_brief(self, brief: Brief | None) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.brief = brief
        if brief is not None:
            self._unsubscribe = brief.subscribe(self._on_change)
        self.refresh()

    def refresh(self) -> None:
        self._dirty.clear()
        brief = self.brief
        for section, item_list in self.lists.items():
            item_list.show_items(brief.items(section) if brief else ())
        for name, editor in self.field_editors.items():
            show_text(editor, getattr(brief, name) if brief else "")
        self._show_status()
        self._show_judgements()
        self._refresh_sources()
        self._selection_changed()
        self.setEnabled(brief is not None)

    def _on_change(self, change: Change) -> None:
        # Redraw once per burst of changes (a macro, a script adding thousands of items), not per change.
        if change.what in (ChangeKind.ITEMS, ChangeKind.ITEM):
            self._dirty.update([change.section] if change.section else SECTIONS)
        elif change.what == ChangeKind.FIELD:  # one field: cheap, and the user may be looking at it
            if change.name == "status":
                self._show_status()
            elif change.name in TRADECRAFT_FIELDS:
                self._show_judgements()
                if change.name == "likelihood_scale":  # the item's likelihood is offered in the new scale
                    self._selection_changed()
            elif change.name in self.field_editors:  # a field this pane has no editor for is not shown here
                show_text(self.field_editors[change.name], getattr(self.brief, change.name))
            return
        elif change.what == ChangeKind.SOURCES:
            self._dirty.update((ChangeKind.SOURCES, *SECTIONS))  # citations are renumbered
        self._redraw_timer.start()

    def redraw(self) -> None:
        """Bring the pane up to date with the model now (it otherwise does so once the event loop runs)."""
        self._redraw_timer.stop()
        dirty, self._dirty = self._dirty, set()
        if self.brief is None or not dirty:
            return
        if ChangeKind.SOURCES in dirty:
            self._refresh_sources()
        for section in SECTIONS:
            if section in dirty:
                self.lists[section].show_items(self.brief.items(section))
        if dirty & set(SECTIONS):
            self._selection_changed()

    def commit_pending(self) -> None:
        """Commit what the user is typing (before saving, exporting or closing)."""
        for binding in self._bindings:
            if binding.pending:
                binding.flush()

    # --- items
    def selected_ids(self) -> list[str]:
        focus = self.focused_list()
        if focus is not None:
            return focus.chosen_ids()
        return [i for item_list in self.lists.values() for i in item_list.selected_ids()]

    def focused_list(self) -> ItemList | None:
        for item_list in self.lists.values():
            if item_list.hasFocus():
                return item_list
        return None

    def current_item(self) -> Item | None:
        self.redraw()
        if self.brief is None:
            return None
        item_list = self.focused_list() or next((lst for lst in self.lists.values() if lst.selected_ids()), None)
        item_id = item_list.current_id(selected=True) if item_list is not None else None
        return self.brief.find(item_id)[2] if item_id is not None else None

    def select_item(self, item_id: str, focus: bool = False) -> None:
        self.redraw()
        section = self.brief.find(item_id)[0]
        other = self.lists[section.other]
        other.clearSelection()
        self.setCurrentIndex(0)
        if focus:  # first: the details follow the focused list, which must not be the other one still
            self.lists[section].setFocus()
        self.lists[section].select_id(item_id)

    def _selection_changed(self) -> None:
        sender = self.sender()
        if isinstance(sender, ItemList) and sender.selectionModel().hasSelection():  # one selection in both lists
            for item_list in self.lists.values():
                if item_list is not sender:
                    item_list.blockSignals(True)
                    item_list.clearSelection()
                    item_list.blockSignals(False)
        self._show_details(self.current_item())

    def _show_details(self, item: Item | None) -> None:
        self._details_id = item.id if item else None
        self.item_text.setText(f"“{item.text}”  [{item.source}, ¶{item.paragraph}]" if item else
                               "Select an item to edit its speaker, affiliation, note, likelihood, confidence and "
                               "credibility.")  # fmt: skip
        is_fact = item is not None and self.brief.find(item.id)[0] == KEY_FACTS
        for name, editor in self.item_editors.items():
            show_text(editor, getattr(item, name) if item else "")
            editor.setEnabled(item is not None)
            if name != "note":  # a key fact has no speaker
                self.details_form.setRowVisible(editor, not is_fact)
        self._show_item_tradecraft(item, is_fact)

    def _show_item_tradecraft(self, item: Item | None, is_fact: bool) -> None:
        scale = self.brief.likelihood_scale if self.brief else ""
        self.item_judgement.show_values(scale, item.likelihood if item else "", item.confidence if item else "",
                                        item is not None)  # fmt: skip
        # a key fact states no likelihood; one moved from the assessments keeps its own, shown to be cleared
        judged = item is not None and bool(item.likelihood or item.confidence)
        self.details_form.setRowVisible(self.item_judgement, not is_fact or judged)
        cited = item is not None and 1 <= item.source <= len(self.brief.sources)
        reliability = self.brief.source(item.source).reliability if cited else None
        self.item_credibility.show_values(item.credibility if item else None, reliability,
                                          item.source if item else None)  # fmt: skip

    def _choose(self, item_id: str) -> None:
        if self.brief is not None:
            self.item_chosen.emit(self.brief.find(item_id)[2])

    def push(self, make_command) -> bool:
        """Build a command (which checks itself against the model) and push it; a refusal is reported."""
        try:
            command = make_command()
        except BriefError as e:
            self.error.emit(str(e))
            return False
        self.undo_stack.push(command)
        return True

    def edit_selected(self, name: str, value: str) -> None:
        item_id = self._details_id
        if self.brief is None or item_id is None:
            return
        if getattr(self.brief.find(item_id)[2], name) != value:
            self.push(lambda: EditItem(self.brief, item_id, **{name: value}))

    def move_items(self, ids: list[str], row: int, section: str) -> None:
        """Move ``ids`` (in this order) to stand before ``row`` of ``section``, in one step of undo."""
        if not ids:
            return
        if self.push(partial(MoveItem.many, self.brief, ids, row, section)):  # the model plans the move
            self.select_item(ids[0], focus=True)

    def move_current(self, step: int) -> None:
        """Alt+Up / Alt+Down: move the current item one place within its section."""
        item = self.current_item()
        if item is None:
            return
        section, index, _ = self.brief.find(item.id)
        target = index + step
        if 0 <= target < len(self.brief.items(section)):
            self.push(lambda: MoveItem(self.brief, item.id, target))
            self.select_item(item.id, focus=True)

    def move_to_other_section(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        section = self.brief.find(ids[0])[0]
        other = section.other
        self.move_items(ids, len(self.brief.items(other)), other)

    # --- fields
    def set_field(self, name: str, value: str) -> None:
        if self.brief is not None and getattr(self.brief, name) != value:
            if not self.push(lambda: SetField(self.brief, name, value)):
                if name in self.field_editors:
                    show_text(self.field_editors[name], getattr(self.brief, name))
                else:
                    self._show_judgements()

    def set_scale(self, scale: str) -> None:
        """Choose the likelihood scale: one step of undo, which also puts back every likelihood it mapped."""
        if self.brief is not None and self.brief.likelihood_scale != scale:
            if not self.push(lambda: SetLikelihoodScale(self.brief, scale)):
                self._show_judgements()

    def set_status(self, status: str) -> None:
        if self.brief is not None and self.brief.status != status:
            if not self.push(lambda: SetStatus(self.brief, status)):
                self._show_status()

    # --- sources
    def current_source(self) -> int | None:
        row = self.sources_list.currentRow()
        return row + 1 if row >= 0 and self.brief is not None and row < len(self.brief.sources) else None

    def show_source(self, number: int) -> None:
        if self.sources_list.currentRow() != number - 1:
            self.sources_list.setCurrentRow(number - 1)

    def _refresh_sources(self) -> None:
        row = self.sources_list.currentRow()
        self.sources_list.blockSignals(True)
        self.sources_list.clear()
        for number, source in enumerate(self.brief.sources if self.brief else (), 1):
            details = " · ".join(x for x in (source.author, source.publisher, source.published) if x)
            self.sources_list.addItem(f"[{number}] {source.title}" + (f"\n{details}" if details else ""))
        count = self.sources_list.count()
        self.sources_list.setCurrentRow(min(max(row, 0), count - 1) if count else -1)
        self.sources_list.blockSignals(False)
        self._show_source_details()

    def _source_row_changed(self, row: int) -> None:
        self._show_source_details()
        if row >= 0:
            self.source_chosen.emit(row + 1)

    def _show_source_details(self) -> None:
        number = self.current_source()
        source = self.brief.source(number) if number else None
        for name in SOURCE_EDITS:
            show_text(self.source_editors[name], getattr(source, name) if source else "")
            self.source_editors[name].setEnabled(source is not None)
        if source is None:
            self.published_from.clear()
        elif source.published_from or not source.published:
            self.published_from.setText(PUBLISHED_FROM_NOTES.get(source.published_from, NO_DATE_NOTE))
        else:
            self.published_from.setText(UNRECORDED_NOTE)  # a brief from before this was recorded
        for name in ("reliability", "access"):
            self.source_editors[name].show_value(getattr(source, name) if source else None)
            self.source_editors[name].setEnabled(source is not None)

    def update_source(self, **changes: str) -> None:
        number = self.current_source()
        if number is None:
            return
        source = self.brief.source(number)
        if "published" in changes and changes["published"] != source.published:  # the analyst's date now
            changes["published_from"] = "analyst" if changes["published"] else ""
        if any(getattr(source, k) != v for k, v in changes.items()):
            if not self.push(lambda: UpdateSource(self.brief, number, **changes)):
                self._show_source_details()

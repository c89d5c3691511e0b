"""The window's analytic tradecraft fields (issue 17): the brief's likelihood scale, a likelihood and a
confidence for a judgement (the BLUF, the comment, an expert assessment), an item's information
credibility with its two-axis grade, and a source's access.

Each is a combo box of fixed choices, shown with its meaning ("likely (55–80%)", "2 — probably true")
and holding the model's value; it only shows the model and says what the user picked (``chosen``). The
brief pane turns each pick into the undo command that changes the model, as it does for the text fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ..core.brief import RELIABILITY_GRADES
from ..core.tradecraft import ACCESS, CONFIDENCE_LEVELS, CREDIBILITY, ICD_203, PHIA, combined_grade, scale_named

SCALE_CHOICES = [("None", ""), ("ICD 203 (US)", ICD_203.key), ("PHIA yardstick (UK)", PHIA.key)]
SCALE_TIPS = {"": "No likelihood is stated in this brief", ICD_203.key: ICD_203.reference, PHIA.key: PHIA.reference}
# each choice says what it is ("moderate confidence"), as the outputs print it: the two boxes stand side by
# side without labels, which a narrow side pane has no room for
CONFIDENCE_CHOICES = [("confidence not stated", ""), *((f"{level} confidence", level) for level in CONFIDENCE_LEVELS)]
CREDIBILITY_CHOICES = [(f"{n} — {meaning}", n) for n, meaning in CREDIBILITY.items()]
ACCESS_CHOICES = [(description, key) for key, description in ACCESS.items()]
NO_SCALE_TIP = "Choose a likelihood scale in the Brief tab first"


def likelihood_choices(scale_key: str) -> list[tuple[str, str]]:
    """ "likelihood not stated", then each band of the scale with its range: ("likely (55–80%)", "likely")."""
    scale = scale_named(scale_key)
    bands = scale.bands if scale else ()
    return [("likelihood not stated", ""), *((f"{band.term} ({band.shown_range})", band.term) for band in bands)]


class ChoiceBox(QComboBox):
    """A combo box of (label, value) choices; ``chosen(value)`` when the user picks one, never when the
    model's value is shown."""

    chosen = Signal(object)

    def __init__(self, choices: list[tuple[str, object]], name: str, least_chars: int = 10) -> None:
        """``least_chars``: the fewest characters it shows in a narrow pane (its choices are cut short
        there, in full in the list it opens); it never grows wider than its longest choice."""
        super().__init__()
        self.setAccessibleName(name)
        self.setMinimumContentsLength(least_chars)
        self.set_choices(choices)
        self.currentIndexChanged.connect(self._picked)

    def set_choices(self, choices: list[tuple[str, object]]) -> None:
        """Offer ``choices`` (keeping the value shown, if it is still one of them)."""
        if [(self.itemText(i), self.itemData(i)) for i in range(self.count())] == list(choices):
            return
        value = self.value()
        blocked = self.blockSignals(True)
        self.clear()
        for label, data in choices:
            self.addItem(label, data)
        self.blockSignals(blocked)
        self.show_value(value)
        self.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # to measure the longest choice
        self.setMaximumWidth(self.sizeHint().width())
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)

    def value(self) -> object:
        return self.currentData()

    def show_value(self, value: object) -> None:
        index = next((i for i in range(self.count()) if self.itemData(i) == value), -1)
        blocked = self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(blocked)

    def _picked(self, index: int) -> None:
        if index >= 0:
            self.chosen.emit(self.itemData(index))


def _small_row(*parts: QWidget | int) -> QHBoxLayout:
    """Widgets side by side on one line, left-aligned; a number is a gap of that many pixels. The combo
    boxes share the width up to their longest choice, and give way in a narrow pane."""
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for part in parts:
        if isinstance(part, int):
            layout.addSpacing(part)
        else:
            layout.addWidget(part, 1 if isinstance(part, QComboBox) else 0)
    layout.addStretch(0)
    return layout


class JudgementRow(QWidget):
    """A likelihood and a confidence side by side, for the BLUF, the comment or an expert assessment; it
    reads as the PDF prints them: "likely (55–80%)", "moderate confidence". Focus given to the row goes to
    its likelihood."""

    likelihood_chosen = Signal(str)
    confidence_chosen = Signal(str)

    def __init__(self, whose: str) -> None:
        super().__init__()
        self.likelihood = ChoiceBox(likelihood_choices(""), f"{whose} likelihood", 7)
        self.confidence = ChoiceBox(CONFIDENCE_CHOICES, f"{whose} confidence", 7)
        self.confidence.setToolTip("How well-founded the judgement is (ICD 203), which is not how likely it is")
        self.likelihood.chosen.connect(self.likelihood_chosen.emit)
        self.confidence.chosen.connect(self.confidence_chosen.emit)
        self.setLayout(_small_row(self.likelihood, self.confidence))
        self.setFocusProxy(self.likelihood)

    def show_values(self, scale_key: str, likelihood: str, confidence: str, enabled: bool = True) -> None:
        scale = scale_named(scale_key)
        self.likelihood.set_choices(likelihood_choices(scale_key))
        self.likelihood.show_value(likelihood if scale else "")
        self.likelihood.setEnabled(enabled and scale is not None)
        self.likelihood.setToolTip(f"In the words of {scale.name}" if scale else NO_SCALE_TIP)
        self.confidence.show_value(confidence)
        self.confidence.setEnabled(enabled)


class CredibilityRow(QWidget):
    """An item's information credibility 1-6 and, beside it, its two-axis grade with its source's
    reliability, read-only ("Grade: B2"; the reliability is set in the Sources tab)."""

    chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.box = ChoiceBox(CREDIBILITY_CHOICES, "Information credibility", 12)
        self.box.setToolTip("How far the information itself is to be believed (the Admiralty code's 1-6)")
        self.box.chosen.connect(self.chosen.emit)
        self.grade = QLabel()
        self.grade.setTextFormat(Qt.PlainText)
        self.grade.setAccessibleName("Grade")
        self.grade.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setLayout(_small_row(self.box, 12, self.grade))
        self.setFocusProxy(self.box)

    def show_values(self, credibility: int | None, reliability: str | None, source: int | None = None) -> None:
        """``credibility`` of the item, ``reliability`` of its ``source`` (None: no item, or a source the
        brief lacks)."""
        self.box.show_value(credibility)
        self.box.setEnabled(credibility is not None)
        if credibility is None or reliability is None:
            self.grade.setText("Grade: —" if credibility is None else f"Grade: ?{credibility}")
            self.grade.setToolTip("")
            return
        self.grade.setText(f"Grade: {combined_grade(reliability, credibility)}")
        self.grade.setToolTip(
            f"{reliability} — source {source}: {RELIABILITY_GRADES[reliability]} (set in the Sources tab)\n"
            f"{credibility} — the information: {CREDIBILITY[credibility]}"
        )

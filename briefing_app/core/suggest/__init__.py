"""The suggestion engine: candidate key facts, expert assessments and rhetoric in an article.

A one-way pipeline, one module per stage; each stage imports only those before it (tests/unit/test_suggest_stages.py
checks it), so the text's trip through the engine reads top to bottom:

1. ``segment``: the text cut into paragraphs (with a transcript's speaker labels), sentences and clauses;
2. ``people``: the people it names, with their fullest names, titles and affiliations;
3. ``voices``: who speaks each paragraph, sentence and clause (labels, titles and bylines, interviews,
   quotation blocks, "said X"), and the reading of the article in order (``read``);
4. ``classify``: the rules' weights and verdict on a clause, and how plainly a sentence is rhetoric;
   ``stance`` and ``facts``: the learned stages' features and models (``model``: the logistic model they ship);
5. ``decide``: each clause's verdict, the rules and the models combined;
6. ``spans``: the verdicts as suggestions, neighbouring clauses of one kind and speaker merged;
7. ``restatements``: the same fact stated twice, folded into one suggestion and its group.

``lexicon`` (word lists) and ``public_figures`` (office holders' full names) serve several stages. Rules over
regular expressions and two small logistic models: no network, linear in the length of the text. This module
holds the public API and runs the stages in that order.
"""

from __future__ import annotations

from ..kinds import SuggestionKind
from . import facts, public_figures, stance
from . import lexicon as lx
from .classify import rhetoric
from .decide import Models, paragraph_tone, shipped_models, verdicts
from .people import People
from .restatements import fold
from .spans import Suggestion, merge, suggestion
from .voices import CONTEXT_CHARS, Reading, by_paragraph, puts_a_question, read, speaker_at

__all__ = [
    "CONTEXT_CHARS", "Models", "Reading", "Suggestion", "facts", "public_figures", "read",
    "shipped_models", "speaker_at", "stance", "suggest", "weighed_clauses",
]  # fmt: skip


def suggest(text: str, title_line: bool = False, models: Models | None = None) -> list[Suggestion]:
    """Suggestions for ``text`` in reading order, restatements folded into the best-sourced one.
    ``title_line``: the first line is the title (as an article loaded from a file has it). ``models``:
    the shipped ones unless given (a trainer gives the ones it is making)."""
    found, tone = _candidates(text, title_line, models or shipped_models())
    return fold(found, tone)


def weighed_clauses(
    text: str, title_line: bool = False, models: Models | None = None
) -> dict[str, list[tuple[Suggestion, list[float]]]]:
    """What the learned stages weigh, with the features they weigh it by: every clause a named person says
    (under expert assessment, before the stance model's threshold) and every clause that is then no
    assessment (under key fact, before the fact model's). What the models are trained on
    (tests/corpus/train_models.py); ``models``: those deciding the earlier stages (the stance model, to
    train the fact model on what it leaves)."""
    weighed: dict[str, list] = {SuggestionKind.EXPERT_ASSESSMENT: [], SuggestionKind.KEY_FACT: []}
    _candidates(text, title_line, models or Models(None, None), weighed)
    return {kind: [(suggestion(text, v), row) for v, row in rows] for kind, rows in weighed.items()}


def _candidates(
    text: str, title_line: bool, models: Models, weighed: dict | None = None
) -> tuple[list[Suggestion], dict[int, float]]:
    """Every suggestion before restatements are folded, and each paragraph's tone: the people the text
    names, then its sentences in reading order with their speakers (cut into paragraphs, sentences and
    clauses as they are read), each sentence's rhetoric, its clauses' verdicts, and those as suggestions."""
    people = People(text, title_line)
    tone: dict[int, float] = {}
    found: list[Suggestion] = []
    for paragraph in by_paragraph(read(text, people, title_line)):
        # a paragraph at a time: its tone needs all its sentences, and the word-list scans of its
        # sentences are still cached when the clauses are weighed
        scores = [rhetoric(text[r.sentence.start : r.sentence.end], r.in_transcript) for r in paragraph]
        tone[paragraph[0].block.index] = its_tone = paragraph_tone(scores)
        for r, score in zip(paragraph, scores, strict=True):
            # a turn that puts a question asks in each of its questions ("What is going on? Did the storms start
            # it? Or is it something bigger?"): none is rhetoric
            asked = r is paragraph[-1] or text[r.sentence.start : r.sentence.end].rstrip("”’\"') ").endswith("?")
            if asked and puts_a_question(text, r) or lx.QUESTION_PUT.search(text, r.sentence.start, r.sentence.end):
                continue  # (and a question a parliament prints: "Mr Tom Hale asked the Minister for Ports what …")
            found.extend(merge(text, verdicts(people, text, r, its_tone, score, models, weighed)))
    return found, tone

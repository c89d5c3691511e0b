"""Suggestions: the passages of an article the engine proposes, made from the verdicts on its clauses.

A suggestion covers one clause, or neighbouring clauses of one sentence with the same verdict (the same
kind and, for an assessment, the same speaker), merged into one span with the higher confidence. An
assessment names its speaker and affiliation; a fact or an opinion names no one. Restatements across the
article are folded afterwards (:mod:`.restatements`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..kinds import SuggestionKind
from .decide import Verdict


@dataclass(frozen=True)
class Suggestion:
    kind: SuggestionKind
    start: int
    end: int
    text: str
    speaker: str | None
    affiliation: str | None
    confidence: float
    group: str | None = None
    paragraph: int = 0

    def as_json(self) -> dict:
        return {
            "kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
            "speaker": self.speaker, "affiliation": self.affiliation,
            "confidence": self.confidence, "group": self.group,
        }  # fmt: skip


def suggestion(text: str, v: Verdict) -> Suggestion:
    """The suggestion a verdict makes on its own: an assessment names its speaker, nothing else does."""
    assessed = v.kind == SuggestionKind.EXPERT_ASSESSMENT
    who = v.speaker.name if assessed else None
    affiliation = (v.speaker.affiliation or None) if assessed else None
    return Suggestion(v.kind, v.start, v.end, text[v.start : v.end], who, affiliation, v.confidence, None, v.paragraph)


def merge(text: str, verdicts: list[Verdict]) -> list[Suggestion]:
    """One sentence's verdicts as suggestions, in order, neighbouring ones of one kind and speaker as one."""
    out: list[Suggestion] = []
    for v in verdicts:
        s = suggestion(text, v)
        prev = out[-1] if out else None
        if prev and prev.kind == s.kind and prev.speaker == s.speaker:
            merged = text[prev.start : s.end]
            out[-1] = replace(prev, end=s.end, text=merged, confidence=max(prev.confidence, s.confidence))
        else:
            out.append(s)
    return out

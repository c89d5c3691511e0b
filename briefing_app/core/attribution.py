"""Who said a passage the analyst picked by hand: speaker and affiliation for the assessment dialog.

The answer is the suggestion engine's own reading of the sentence (``core.suggest``): "according
to X", "X said", "said X", "X, a researcher at Y, warned", a transcript's speaker label, and "she
said" or "the researcher concludes" resolved to the last named speaker, with a surname widened to
the fullest name the article gives.
"""

from __future__ import annotations


def guess_attribution(text: str, start: int, end: int) -> tuple[str, str]:
    """Best guess of (speaker, affiliation) for the passage ``text[start:end]``; empty strings if none."""
    from .suggest import speaker_at  # the engine's word lists compile on first use, not at the window's start

    said = speaker_at(text, start, end)
    if said.kind != "person" or not said.name:
        return "", ""
    return said.name, said.affiliation

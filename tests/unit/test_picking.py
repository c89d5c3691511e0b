"""Core helpers behind picking: snapping a selection to whole words, guessing who said a passage."""

import pytest

from briefing_app.core.attribution import guess_attribution
from briefing_app.core.spans import snap_to_words


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ("Kim Jong-un sent troops.", "m Jong", "Kim Jong-un"),
        ("It cost 1,500 dollars.", "1,", "1,500"),
        ("  he didn’t say  ", " he di", "he didn’t"),
        ("Talks resumed. Then", "d. Th", "resumed. Then"),
        ("word", "word", "word"),
        # a drag that reaches the last word of a sentence takes its closing punctuation and quote marks
        ("Troops were sent. Talks", "were se", "were sent."),
        ("Troops were sent.", "were sent", "were sent."),
        ("He said: “We have decided.” Then", "We have dec", "We have decided.”"),
        ("He said: “We have decided.” Then", "We have decided.", "We have decided.”"),
        ("Will it hold?! Nobody knows", "it ho", "it hold?!"),
        ("It was a “victory”. Then", "a “vict", "a “victory”."),
        ("They left (for good). Then", "for go", "for good)."),
        ("And then…\nNext", "and th".capitalize(), "And then…"),
        # but not a comma, a quote mid-sentence, or a full stop inside a word or number
        ("“We will win,” he said.", "We will wi", "We will win"),
        ("The U.S. said no.", "The U", "The U"),
        ("It grew 1.5 percent", "grew 1", "grew 1.5"),
    ],
)
def test_a_selection_snaps_to_whole_words_without_surrounding_spaces(text, selected, expected):
    start = text.index(selected)
    s, e = snap_to_words(text, start, start + len(selected))
    assert text[s:e] == expected


def test_white_space_only_gives_an_empty_span():
    start, end = snap_to_words("a    b", 1, 4)
    assert start == end


def guess(text: str, passage: str) -> tuple[str, str]:
    start = text.index(passage)
    return guess_attribution(text, start, start + len(passage))


@pytest.mark.parametrize(
    ("text", "passage", "speaker", "affiliation"),
    [
        ("“Rates will stay high,” said Maria Lopez, chief economist at Banco Sol.", "Rates will stay high",
         "Maria Lopez", "chief economist at Banco Sol"),
        ("Inflation will ease by spring, according to Tomás Ruiz, a professor at the University of Lima.",
         "Inflation will ease by spring", "Tomás Ruiz", "professor at the University of Lima"),
        ("Anna Berg, a researcher at SIPRI, warned that stockpiles are shrinking.", "stockpiles are shrinking",
         "Anna Berg", "researcher at SIPRI"),
        ("Deputy Minister Olga Petrova said the plan would fail.", "the plan would fail", "Olga Petrova",
         "Deputy Minister"),
        ("Dr. Lee Min-ho studied the data. Later Lee said the trend was clear.", "the trend was clear",
         "Lee Min-ho", ""),
        ("Jan Kowalski, director of the Baltic Institute, spoke first. He believes the border will hold.",
         "the border will hold", "Jan Kowalski", "director of the Baltic Institute"),
        ("The ministry published the figures on Monday.", "the figures", "", ""),
    ],
)  # fmt: skip
def test_speaker_and_affiliation_are_guessed_from_the_sentence(text, passage, speaker, affiliation):
    assert guess(text, passage) == (speaker, affiliation)

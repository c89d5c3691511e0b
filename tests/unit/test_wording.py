"""The window's small English: counts, messages as sentences, times as people read them."""

from datetime import UTC, date, datetime, timedelta

import pytest

from briefing_app.gui.wording import MONTHS, counted, local_time, sentence


def test_a_count_takes_the_singular_only_for_one():
    assert counted(1, "assessment") == "1 assessment"
    assert [counted(n, "key fact") for n in (0, 2)] == ["0 key facts", "2 key facts"]
    assert counted(6298, "character") == "6,298 characters"
    assert counted(2, "analysis", "analyses") == "2 analyses"


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("that passage is already in the brief", "That passage is already in the brief"),
        ("cannot tell which text encoding x.txt uses", "Cannot tell which text encoding x.txt uses"),
        ("didn’t save", "Didn’t save"),
        ("Already a sentence.", "Already a sentence."),
        ("notes.txt holds no text", "notes.txt holds no text"),  # a file name stays as written
        ("/home/ana/brief.pdf: no such file", "/home/ana/brief.pdf: no such file"),
        ("", ""),
    ],
)
def test_a_message_starts_with_a_capital_unless_it_starts_with_a_file_name(message, expected):
    assert sentence(message) == expected


def test_a_utc_time_reads_as_local_date_and_time():
    moment = datetime(2026, 11, 29, 21, 4, 5, tzinfo=UTC)
    local = moment.astimezone()
    clock = f"{local:%H:%M}"
    assert local_time(moment.isoformat(), today=local.date()) == f"today at {clock}"
    assert local_time(moment.isoformat(), today=local.date() + timedelta(days=1)) == f"yesterday at {clock}"
    far = local_time("2026-11-29T21:04:05+00:00", today=date(2027, 1, 5))
    assert far == f"{local.day} {MONTHS[local.month - 1]} {local.year} at {clock}" and "T" not in far and "+" not in far
    assert local_time("not a time") == "not a time"

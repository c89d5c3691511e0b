"""Loading a brief tells how far it got (issue 16 point 6): the fractions a progress bar shows while a big
brief opens in a worker process, and what crosses the process boundary (the loaded Document, pickled)."""

import pickle

import pytest

from briefing_app.core.brief_file import BriefFileError, load_brief
from briefing_app.core.document import Document

from helpers.big_brief import altered_item_text, write_big_brief


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.brief"
    return path, write_big_brief(path)


def test_a_big_brief_reports_rising_progress_per_batch_of_items_and_loads_the_same(big):
    path, saved = big
    heard: list[float] = []
    brief, sha = load_brief(path, heard.append)
    assert brief == saved and (brief, sha) == load_brief(path)  # the same brief as a load that reports nothing
    assert heard == sorted(heard) and 0 < heard[0] < 0.2 and heard[-1] == 1.0
    # 1,500 items are checked in batches: progress moves while they are, not only between stages
    assert len([f for f in heard if 0.55 < f < 0.8]) >= 1500 // 250 - 1


def test_a_brief_that_fails_its_checks_stops_short_of_done(big, tmp_path):
    path = tmp_path / "spoilt.brief"
    path.write_bytes(big[0].read_bytes())
    altered_item_text(path)
    heard: list[float] = []
    with pytest.raises(BriefFileError) as e:
        load_brief(path, heard.append)
    assert str(e.value) == f"{path}: key_facts[0].text: does not match source 1 at {big[1].key_facts[0].start}-" \
        f"{big[1].key_facts[0].end}"  # fmt: skip
    assert heard and max(heard) < 1.0


def test_document_open_binds_to_the_file_unless_told_not_to_and_crosses_a_process_boundary(big):
    path, saved = big
    bound, loose = Document.open(path), Document.open(path, bind=False)
    assert bound.path == path and bound.disk_sha256 == load_brief(path)[1]
    assert loose.path is None and loose.disk_sha256 is None and loose.brief == saved
    # what a worker process sends back: the Document itself, pickled (as cheap as rebuilding it from parts)
    back = pickle.loads(pickle.dumps(bound, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.brief == saved and back.path == path and back.disk_sha256 == bound.disk_sha256
    item = back.brief.key_facts[0]
    assert back.brief.is_taken(1, item.start, item.start + 1)  # its span index came along too
    assert not back.brief.is_taken(1, item.end, item.end + 1)  # the gap after it is free

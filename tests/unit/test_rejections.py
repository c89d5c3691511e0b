"""Rejected suggestions remembered per article text (core, no Qt): round trip, bad records, bad folders."""

import errno
import hashlib

import pytest

from briefing_app.core.errors import BriefingError
from briefing_app.core.rejections import Rejections

SHA = hashlib.sha256(b"an article").hexdigest()


def test_rejections_round_trip_and_forgetting_removes_the_record(tmp_path):
    store = Rejections(tmp_path / "rejected")
    assert store.load(SHA) == set()
    store.save(SHA, {(10, 20), (0, 5)})
    assert Rejections(tmp_path / "rejected").load(SHA) == {(0, 5), (10, 20)}
    store.save(SHA, set())
    assert not (tmp_path / "rejected" / f"{SHA}.json").exists()


@pytest.mark.parametrize(
    "content", [b"", b"\xff\xfe not json", b"[1, 2]", b'{"rejected": [[5, 1]]}', b'{"rejected": 7}']
)
def test_an_unreadable_record_means_nothing_rejected(tmp_path, content):
    (tmp_path / f"{SHA}.json").write_bytes(content)
    assert Rejections(tmp_path).load(SHA) == set()


def test_a_full_disk_is_a_plain_error_and_leaves_the_old_record(tmp_path, monkeypatch):
    store = Rejections(tmp_path)
    store.save(SHA, {(1, 2)})

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("briefing_app.core.files.os.replace", full)
    with pytest.raises(BriefingError, match="space"):
        store.save(SHA, {(1, 2), (3, 4)})
    monkeypatch.undo()
    assert store.load(SHA) == {(1, 2)}
    assert [p.name for p in tmp_path.iterdir()] == [f"{SHA}.json"]  # no temporary file left behind


def test_a_file_where_the_folder_should_be_is_a_plain_error(tmp_path):
    (tmp_path / "rejected").write_text("not a folder")
    with pytest.raises(BriefingError):
        Rejections(tmp_path / "rejected").save(SHA, {(1, 2)})


def test_only_a_sha256_names_a_record(tmp_path):
    with pytest.raises(ValueError):
        Rejections(tmp_path).load("../../etc/passwd")

"""Saving and exporting as an unlucky user meets it: two saves at once, a symlinked file, a full disk, a
save killed half-way, a read-only PDF, a file name near the 255-byte limit."""

import errno
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from briefing_app.__main__ import main
from briefing_app.core import files
from briefing_app.core.brief_file import ChangedOnDisk, backup_path, load_brief, save_brief
from briefing_app.core.document import Document
from briefing_app.core.files import STALE_TEMP_SECONDS, WriteError

from helpers.sample_brief import sample_brief

OLD = time.time() - STALE_TEMP_SECONDS - 60  # a time long enough ago for a temporary file to be stale


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "troops.brief"
    save_brief(sample_brief(), path)
    return path


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- two saves at the same moment
def test_of_two_saves_at_the_same_moment_the_second_is_asked_and_nothing_is_lost(saved, monkeypatch):
    """Two windows opened the same brief, each made its own edit, and both press Save at once. The first
    is held right between its changed-on-disk check and its replace: the second must wait, then see the
    first one's file and raise ChangedOnDisk, not overwrite it."""
    mine, theirs = Document.open(saved), Document.open(saved)
    mine.brief.set_field("bluf", "My edit")
    theirs.brief.set_field("bluf", "Their edit")
    real_replace = os.replace
    between = threading.Event()
    go_on = threading.Event()

    def replace(src, dst, *a, **k):
        if threading.current_thread().name == "first" and Path(dst) == saved:
            between.set()
            go_on.wait(10)
        return real_replace(src, dst, *a, **k)

    monkeypatch.setattr(files.os, "replace", replace)
    outcome = {}

    def save(doc, name):
        try:
            doc.save()
            outcome[name] = "saved"
        except ChangedOnDisk:
            outcome[name] = "asked"

    first = threading.Thread(target=save, args=(mine, "first"), name="first")
    first.start()
    assert between.wait(10)
    second = threading.Thread(target=save, args=(theirs, "second"), name="second")
    second.start()
    second.join(0.5)  # without a lock it saves now, over the first one's check
    go_on.set()
    first.join(10)
    second.join(10)
    assert outcome == {"first": "saved", "second": "asked"}
    assert load_brief(saved)[0].bluf == "My edit"
    assert theirs.brief.bluf == "Their edit"  # still in the second window, to save elsewhere or overwrite on purpose


# --- symlinks
def test_saving_through_a_symlink_updates_the_file_it_points_to_and_keeps_the_link(tmp_path, saved):
    team = tmp_path / "team-folder"
    team.mkdir()
    target = team / "team.brief"
    saved.rename(target)
    link = tmp_path / "my.brief"
    link.symlink_to(target)
    doc = Document.open(link)
    doc.brief.set_field("bluf", "Through the link")
    doc.save()
    assert link.is_symlink() and link.resolve() == target
    assert load_brief(target)[0].bluf == "Through the link"
    assert backup_path(target).exists() and not backup_path(link).exists()  # the backup sits by the real file
    assert temp_files(tmp_path) == [] and temp_files(team) == []


def test_export_through_a_symlink_writes_the_pdf_it_points_to(tmp_path, saved):
    real = tmp_path / "out" / "brief.pdf"
    real.parent.mkdir()
    real.write_bytes(b"%PDF-1.4 an older export")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert main(["export", str(saved), "-o", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes().startswith(b"%PDF") and len(real.read_bytes()) > 1000


# --- failures half-way
def test_a_full_disk_leaves_the_previous_backup_as_it_was(saved, monkeypatch):
    doc = Document.open(saved)
    doc.brief.set_field("bluf", "Second version")
    doc.save()
    backup_before, file_before = backup_path(saved).read_bytes(), saved.read_bytes()
    doc.brief.set_field("bluf", "Third version, never written")
    real_fdopen = os.fdopen

    def fdopen(fd, *a, **k):
        f = real_fdopen(fd, *a, **k)
        if re.fullmatch(rf"\.{re.escape(saved.name)}\.\w{{8}}\.tmp", Path(os.readlink(f"/proc/self/fd/{fd}")).name):

            class Full:
                def __enter__(self):
                    return self

                def __exit__(self, *exc):
                    f.close()

                def write(self, data):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            return Full()
        return f

    monkeypatch.setattr(files.os, "fdopen", fdopen)
    with pytest.raises(WriteError, match="the disk is full"):
        doc.save()
    monkeypatch.undo()
    assert saved.read_bytes() == file_before
    assert backup_path(saved).read_bytes() == backup_before  # the version before the last is still there
    assert temp_files(saved.parent) == []


def test_temporary_files_of_a_killed_save_are_cleaned_up_by_the_next_save(saved):
    """A save killed (SIGKILL) between writing its temporary file and the rename leaves a hidden
    .troops.brief.XXXXXXXX.tmp; the next save of that brief removes it once it is stale, and only it."""
    script = textwrap.dedent(f"""
        import os, signal
        from briefing_app.core import files
        from briefing_app.core.document import Document
        files.os.replace = lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL)
        doc = Document.open({str(saved)!r})
        doc.brief.set_field("bluf", "killed")
        doc.save()
    """)
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert p.returncode == -signal.SIGKILL
    folder = saved.parent
    left = temp_files(folder)  # the brief's new version, and the backup's (killed at its rename)
    assert len(left) == 2 and all(name.startswith(".troops.brief.") for name in left)
    for name in left:
        os.utime(folder / name, (OLD, OLD))
    fresh = folder / ".troops.brief.fresh123.tmp"  # another save's, right now
    others = [folder / ".other.brief.abcd1234.tmp", folder / ".troops.brief.abcd1234.tmp.keep", folder / "notes.tmp"]
    for f in [fresh, *others]:
        f.write_bytes(b"x")
    for f in others:
        os.utime(f, (OLD, OLD))
    doc = Document.open(saved)
    doc.brief.set_field("bluf", "The next save")
    doc.save()
    assert not any((folder / name).exists() for name in left)
    assert fresh.exists() and all(f.exists() for f in others)


def test_exporting_over_a_read_only_pdf_is_refused(tmp_path, saved, capsys):
    pdf = tmp_path / "final.pdf"
    pdf.write_bytes(b"%PDF-1.4 the signed-off version")
    pdf.chmod(0o444)
    assert main(["export", str(saved), "-o", str(pdf)]) == 1
    err = capsys.readouterr().err
    assert "final.pdf is read-only, so it was not replaced" in err and err.count("\n") == 1
    assert pdf.read_bytes() == b"%PDF-1.4 the signed-off version" and pdf.stat().st_mode & 0o777 == 0o444
    assert temp_files(tmp_path) == []


def test_saving_over_a_read_only_brief_is_refused(saved):
    saved.chmod(0o444)
    before = saved.read_bytes()
    doc = Document.open(saved)
    doc.brief.set_field("bluf", "Changed")
    with pytest.raises(WriteError, match="is read-only"):
        doc.save()
    assert saved.read_bytes() == before


def test_writing_over_a_pipe_is_refused_not_replaced(tmp_path):
    """A FIFO (or a device: not tried here, as root it would be /dev's) is not a file to replace."""
    target = tmp_path / "pipe.pdf"
    os.mkfifo(target)
    with pytest.raises(WriteError, match="is not a regular file"):
        files.write_atomically(target, b"%PDF")
    assert not target.is_file() and temp_files(tmp_path) == []


# --- long names
@pytest.mark.parametrize("name_bytes", [237, 238, 245, 251, 255])
def test_names_up_to_the_255_byte_limit_save_again_and_again(tmp_path, name_bytes):
    stem = "é" * ((name_bytes - len(".brief")) // 2) + "x" * ((name_bytes - len(".brief")) % 2)
    path = tmp_path / f"{stem}.brief"
    assert len(path.name.encode()) == name_bytes
    doc = Document.from_article(sample_brief().sources[0])
    for n in range(3):  # the second and third saves keep a backup too
        doc.brief.set_field("bluf", f"Version {n}")
        doc.save(path)
    assert load_brief(path)[0].bluf == "Version 2"
    backup = backup_path(path)
    assert backup.name.endswith(".bak") and len(backup.name.encode()) <= 255 and load_brief(backup)[0].bluf
    assert temp_files(tmp_path) == []


def test_the_suggested_name_of_a_long_cjk_title_fits_and_saves(tmp_path):
    doc = Document.from_article(sample_brief().sources[0])
    doc.brief.set_field("title", "朝鮮軍部隊のロシア派遣に関する分析" * 10)  # 170 characters, 510 bytes
    path = doc.suggested_path(tmp_path)
    assert len(path.name.encode()) <= 130 and path.name.endswith(".brief")
    assert path.stem.startswith("朝鮮軍部隊のロシア派遣")
    path.stem.encode("utf-8")  # never half a character
    doc.save(path)
    doc.save(path)
    assert load_brief(path)[0].title == doc.brief.title
    assert main(["export", str(path), "-o", str(doc.suggested_path(tmp_path).with_suffix(".pdf"))]) == 0


def test_cut_utf8_never_splits_a_character():
    assert files.cut_utf8("aé朝😀", 1) == "a"
    assert files.cut_utf8("aé朝😀", 2) == "a"
    assert files.cut_utf8("aé朝😀", 3) == "aé"
    assert files.cut_utf8("aé朝😀", 9) == "aé朝"
    assert files.cut_utf8("aé朝😀", 10) == "aé朝😀"

"""Recovery copies: written while work is unsaved, found after a crash, restored whole, removed after a save."""

import signal
import subprocess
import sys
import textwrap

import pytest
from conftest import SEED

from briefing_app.core.brief import KEY_FACTS
from briefing_app.core.brief_file import BriefFileError, dumps
from briefing_app.core.document import Document
from briefing_app.core.loaders import load_article
from briefing_app.core.recovery import (
    RECOVERY_SUFFIX,
    discard_recovery,
    list_recoveries,
    restore_recovery,
    write_recovery,
)


@pytest.fixture
def doc():
    d = Document.from_article(load_article(SEED))
    text = d.brief.sources[0].text
    start = text.index("The Pentagon")
    d.brief.add_item(KEY_FACTS, 1, start, text.index(".", start) + 1, note="unsaved work")
    return d


def test_write_list_restore_discard(tmp_path, doc):
    folder = tmp_path / "recovery"
    path = doc.write_recovery(folder)
    (copy,) = list_recoveries(folder)
    assert copy.path == path and copy.key == doc.recovery_key and copy.problem is None
    assert copy.title == doc.brief.title and copy.original_path is None and copy.saved_at
    brief, original = restore_recovery(path)
    assert dumps(brief) == dumps(doc.brief) and original is None
    discard_recovery(folder, doc.recovery_key)
    assert list_recoveries(folder) == []


def test_a_clean_save_removes_the_recovery_copy_and_remembers_the_file(tmp_path, doc):
    folder = tmp_path / "recovery"
    doc.write_recovery(folder)
    doc.save(tmp_path / "b.brief", recovery_folder=folder)
    assert list_recoveries(folder) == []
    doc.brief.set_field("comment", "more unsaved work")
    doc.write_recovery(folder)
    assert restore_recovery(list_recoveries(folder)[0].path)[1] == str(tmp_path / "b.brief")


def test_unreadable_copies_are_listed_with_their_problem_and_not_restored(tmp_path, doc):
    folder = tmp_path / "recovery"
    doc.write_recovery(folder)
    broken = folder / f"broken{RECOVERY_SUFFIX}"
    broken.write_text('{"format": "briefing-app/recovery", "brief": {"format": "briefing-app/brief"', "utf-8")
    copies = {c.key: c for c in list_recoveries(folder)}
    assert copies["broken"].problem and copies["broken"].title == "(cannot be read)"
    assert copies[doc.recovery_key].problem is None
    with pytest.raises(BriefFileError, match="cannot be restored"):
        restore_recovery(broken)
    assert broken.exists()  # never deleted behind the user's back


def test_newest_copy_first(tmp_path, doc):
    folder = tmp_path / "r"
    write_recovery(doc.brief, folder, "older")
    older = folder / f"older{RECOVERY_SUFFIX}"
    older.write_text(older.read_text().replace('"saved_at": "', '"saved_at": "1999', 1))
    write_recovery(doc.brief, folder, "newer")
    assert [c.key for c in list_recoveries(folder)] == ["newer", "older"]


def test_work_survives_a_killed_process(tmp_path):
    """A process writes its recovery copy, then dies hard (SIGKILL): the next one restores every item."""
    folder = tmp_path / "recovery"
    script = textwrap.dedent(f"""
        import os, signal
        from briefing_app.core.brief import KEY_FACTS
        from briefing_app.core.document import Document
        from briefing_app.core.loaders import load_article
        doc = Document.from_article(load_article({str(SEED)!r}))
        for start in range(0, 2000, 100):
            doc.brief.add_item(KEY_FACTS, 1, start, start + 50)
        doc.write_recovery({str(folder)!r})
        print(doc.recovery_key, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    p = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert p.returncode == -signal.SIGKILL
    (copy,) = list_recoveries(folder)
    assert copy.key == p.stdout.strip()
    brief, _ = restore_recovery(copy.path)
    assert len(brief.key_facts) > 15

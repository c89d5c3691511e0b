"""Recovery copies: written while work is unsaved, found after a crash, restored whole, removed after a save."""

import json
import signal
import subprocess
import sys
import textwrap

import pytest

from briefing_app.core.brief import KEY_FACTS
from briefing_app.core.brief_file import BriefFileError, dumps
from briefing_app.core.document import Document
from briefing_app.core.loaders import load_article
from briefing_app.core.recovery import (
    RECOVERY_SUFFIX,
    claim_recovery,
    discard_orphan,
    discard_recovery,
    is_live,
    list_recoveries,
    restore_recovery,
    write_recovery,
)

from helpers.support import SEED


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


# --- a copy belongs to the process working on it
HOLD = textwrap.dedent("""
    import sys, time
    from briefing_app.core.recovery import claim_recovery
    lock = claim_recovery(sys.argv[1], sys.argv[2])
    print("held" if lock else "refused", flush=True)
    time.sleep(120)
""")


def test_a_copy_a_running_process_holds_is_live_never_discarded_and_an_orphan_once_it_dies(tmp_path, doc):
    folder = tmp_path / "recovery"
    path = doc.write_recovery(folder)
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), doc.recovery_key], stdout=subprocess.PIPE,
                            text=True)  # fmt: skip
    try:
        assert proc.stdout.readline().strip() == "held"
        (copy,) = list_recoveries(folder)
        assert copy.live and copy.problem is None
        assert not discard_orphan(folder, doc.recovery_key) and path.exists()
        assert claim_recovery(folder, doc.recovery_key) is None
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    (copy,) = list_recoveries(folder)
    assert not copy.live  # the kernel let the lock go with the killed process
    assert discard_orphan(folder, doc.recovery_key) and not path.exists()
    assert list(folder.iterdir()) == []  # no lock file left either


def test_two_holders_in_one_process_exclude_each_other_and_release_removes_the_lock_file(tmp_path):
    folder = tmp_path / "recovery"
    first = claim_recovery(folder, "k")
    assert first is not None and claim_recovery(folder, "k") is None and is_live(folder, "k")
    first.release()
    assert not (folder / "k.lock").exists() and not is_live(folder, "k")
    again = claim_recovery(folder, "k")
    assert again is not None
    again.release()


def test_a_lock_file_left_by_a_killed_window_without_a_copy_is_swept(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "gone.lock").write_text("")
    assert list_recoveries(folder) == [] and list(folder.iterdir()) == []


# --- one bad copy never stops the app
@pytest.mark.parametrize(
    "spoil, problem",
    [
        (lambda e: e["brief"].update(date="2024-02-30"), "2024-02-30 is not a real date"),
        (lambda e: e["brief"].update(handling="TLP:RED\nTLP:CLEAR"), "handling: must be one line"),
        (lambda e: e.update(saved_at=["2024"], original_path={"a": 1}), None),
        (lambda e: e.update(brief=[]), "not a briefing-app brief"),
    ],
)
def test_a_bad_copy_is_listed_with_its_problem_beside_the_good_ones(tmp_path, doc, spoil, problem):
    folder = tmp_path / "recovery"
    good = doc.write_recovery(folder)
    bad = write_recovery(doc.brief, folder, "bad")
    envelope = json.loads(bad.read_text("utf-8"))
    spoil(envelope)
    bad.write_text(json.dumps(envelope), "utf-8")
    copies = {c.key: c for c in list_recoveries(folder)}
    assert copies[doc.recovery_key].path == good and copies[doc.recovery_key].problem is None
    if problem is None:  # a wrong type in the envelope: still listed, still restorable
        assert copies["bad"].saved_at == "" and copies["bad"].original_path is None
        assert restore_recovery(bad)[1] is None
    else:
        assert problem in copies["bad"].problem and copies["bad"].title == "(cannot be read)"
        with pytest.raises(BriefFileError, match="cannot be restored"):
            restore_recovery(bad)
    assert bad.exists()

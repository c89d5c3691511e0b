"""The .brief format: exact round trips, place-named problems, and saves that cannot lose work."""

import dataclasses
import errno
import json
import os
import re
from unittest import mock

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core import files
from briefing_app.core.article import article_from_text
from briefing_app.core.brief import (
    EXPERT_ASSESSMENTS,
    KEY_FACTS,
    PUBLISHED_FROM,
    TLP_MARKS,
    TRADECRAFT_FIELDS,
    Brief,
    BriefError,
    Source,
    brief_from_article,
)
from briefing_app.core.brief_file import (
    VERSION,
    BriefFileError,
    ChangedOnDisk,
    backup_path,
    brief_to_data,
    check_file,
    dumps,
    load_brief,
    loads,
    problems,
    save_brief,
)
from briefing_app.core.document import Document
from briefing_app.core.files import WriteError
from briefing_app.core.loaders import load_article
from briefing_app.core.recovery import restore_recovery, write_recovery

from helpers.briefs import seed_brief, written_as_float
from helpers.support import ROOT, SEED

SCHEMA = json.loads((ROOT / "resources" / "brief.schema.json").read_text("utf-8"))


# --- round trips and the documented format
def test_round_trip_is_exact_and_bytes_are_stable():
    b = seed_brief()
    raw = dumps(b)
    again = loads(raw)
    assert again == b and dumps(again) == raw
    assert '"speaker": "Barthélémy Courmont"' in raw.decode("utf-8")  # stored as UTF-8, not \u escapes


def test_saved_files_follow_the_published_schema():
    data = json.loads(dumps(seed_brief()))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    optional = {"prepared_for", "distribution", "status", *TRADECRAFT_FIELDS}  # added later: files without them load
    assert set(SCHEMA["required"]) == set(data) - optional and optional <= set(SCHEMA["properties"])
    source_schema = SCHEMA["properties"]["sources"]["items"]
    optional = {"author", "published_from", "access", "information_date", "perspective", "encoding"}  # added later
    assert set(source_schema["required"]) == set(data["sources"][0]) - optional
    assert optional <= set(data["sources"][0]) and optional <= set(source_schema["properties"])
    item_schema, optional = SCHEMA["$defs"]["item"], {"likelihood", "confidence", "credibility"}  # added in version 3
    assert set(item_schema["required"]) == set(data["key_facts"][0]) - optional
    assert optional <= set(item_schema["properties"])


def test_readme_documents_every_field_of_the_format():
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("### The .brief file", 1)[1].split("\n## ", 1)[0]
    fields = [*SCHEMA["properties"], *SCHEMA["properties"]["sources"]["items"]["properties"]]
    fields += list(SCHEMA["$defs"]["item"]["properties"])
    assert [f for f in fields if f"`{f}`" not in section] == []


def test_a_brief_names_its_source_files_without_their_folders(tmp_path):
    """A .brief travels: the folder an article was opened from (and the user name in it) stays home."""
    folder = tmp_path / "home" / "jana.novak" / "Downloads"
    folder.mkdir(parents=True)
    article = folder / "troops.txt"
    article.write_text(SEED.read_text("utf-8"), "utf-8")
    raw = Document.from_article(load_article(article)).save(tmp_path / "b.brief").read_text("utf-8")
    assert json.loads(raw)["sources"][0]["origin"] == "troops.txt"
    assert "jana.novak" not in raw and str(tmp_path) not in raw
    # a brief saved before kept the whole path (here a Windows one): it is dropped on opening
    data = json.loads(raw)
    data["sources"][0]["origin"] = r"C:\Users\jana.novak\Downloads\troops.txt"
    brief = loads(json.dumps(data).encode("utf-8"))
    assert brief.sources[0].origin == "troops.txt" and "jana.novak" not in dumps(brief).decode("utf-8")


def test_a_sources_author_and_where_its_date_came_from_are_saved_and_old_files_still_load():
    article = article_from_text("Grain talks\nBy Jana Novák | March 3, 2020\nDelegations met on Tuesday.",
                                origin="talks.txt", author="Jana Novák")  # fmt: skip
    brief = brief_from_article(article)
    source = brief.sources[0]
    assert (source.author, source.published, source.published_from) == ("Jana Novák", "2020-03-03", "text")
    data = json.loads(dumps(brief))
    assert (data["sources"][0]["author"], data["sources"][0]["published_from"]) == ("Jana Novák", "text")
    assert loads(dumps(brief)) == brief
    # the analyst corrects them; a value that means nothing is refused
    brief.update_source(1, author="J. Novák", published="2020-03-04", published_from="analyst")
    assert loads(dumps(brief)).sources[0].published_from == "analyst"
    with pytest.raises(BriefError, match="where the published date came from must be one of"):
        brief.update_source(1, published_from="guessed")
    # a file from before these two keys opens, with both empty
    for key in ("author", "published_from"):
        del data["sources"][0][key]
    old = loads(json.dumps(data).encode("utf-8"))
    assert (old.sources[0].author, old.sources[0].published_from, old.sources[0].published) == ("", "", "2020-03-03")
    data["sources"][0]["published_from"] = "guessed"
    assert problems(data)[0].startswith("sources[0].published_from: must be one of text, metadata, analyst")


def test_lone_surrogates_still_round_trip():
    b = seed_brief()
    b.set_field("comment", "broken \ud800 pair")
    assert loads(dumps(b)).comment == "broken \ud800 pair"


# --- problems named by their place
def mutated(change) -> dict:
    data = json.loads(dumps(seed_brief()))
    change(data)
    return data


@pytest.mark.parametrize(
    "change, first_problem",
    [
        (lambda d: d["key_facts"][2].update(end=10**7), "key_facts[2].end: beyond the end of source 1"),
        (lambda d: d["key_facts"][0].update(source=9), "key_facts[0].source: there is no source 9 (the brief has 2)"),
        (lambda d: d["key_facts"][1].update(text="Forged"), "key_facts[1].text: does not match source 1 at"),
        (lambda d: d["key_facts"][1].update(paragraph=2), "key_facts[1].paragraph: is 2 but the span starts in"),
        (lambda d: d["sources"][0].update(text=d["sources"][0]["text"] + "!"), "sources[0].sha256: does not match"),
        (lambda d: d["key_facts"][1].update(id=d["key_facts"][0]["id"]), "key_facts[1].id: "),
        (lambda d: d["expert_assessments"].append(dict(d["key_facts"][0], id="x1")), "expert_assessments[1]: overlaps"),
        (lambda d: d["key_facts"][0].update(start="12"), "key_facts[0].start: must be a whole number"),
        (lambda d: d["sources"][1].update(reliability="Z"), "sources[1].reliability: must be one of A, B, C, D, E, F"),
        (lambda d: d["sources"][1].update(url="file:///etc/passwd"), "sources[1].url: must start with http"),
        (lambda d: d.update(date="tomorrow"), "date: must be a date like 2024-10-28"),
        (lambda d: d.update(date="2024-02-30"), "date: 2024-02-30 is not a real date"),
        (lambda d: d["sources"][0].update(published="2023-13-01"), "sources[0].published: 2023-13-01 is not a real"),
        (lambda d: d["sources"][1].update(accessed="2023-13"), "sources[1].accessed: 2023-13 is not a real date"),
        (lambda d: d.pop("bluf"), "the file: missing 'bluf'"),
        (lambda d: d.update(macro="os.system('rm -rf /')"), "the file: unknown field(s) ('macro' was unexpected)"),
        (lambda d: d.update(version=5), "version: the file was made by a newer briefing-app (format version 5"),
        (lambda d: d.update(version=0), "version: must be one of 1, 2, 3, 4"),
        (lambda d: d.update(status="approved"), "status: must be one of draft, final"),
        (lambda d: d.update(format="something/else"), "the file is not a briefing-app brief"),
    ],
)
def test_each_problem_is_named_by_its_place(change, first_problem):
    found = problems(mutated(change))
    assert found and found[0].startswith(first_problem), found
    raw = json.dumps(mutated(change)).encode()
    with pytest.raises(BriefFileError, match="^" + re.escape(f"doc.brief: {first_problem}")):
        loads(raw, "doc.brief")


def test_problem_messages_never_echo_huge_values():
    found = problems(mutated(lambda d: d["sources"][0].update(title=["x" * 100_000])))
    assert found == ["sources[0].title: must be text"]


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "line 1, column 1"),
        (b"\xff\xfe{", "not UTF-8"),
        (b"[1, 2", "line 1, column 6"),
        (b"[]", "not a briefing-app brief"),
        (b"[" * 100_000 + b"]" * 100_000, "not a valid brief file"),
        (b'{"format": "briefing-app/brief", "version": 1' + b"9" * 5000 + b"}", "not a valid brief file"),
        (b"\x80\x04\x95cos\nsystem\n(S'echo pwned'\ntR.", "not UTF-8"),  # a pickle is data to us, never code
    ],
)
def test_non_briefs_are_refused_with_one_line(raw, message):
    with pytest.raises(BriefFileError, match=message) as e:
        loads(raw, "x.brief")
    assert "\n" not in str(e.value)


def test_load_reports_the_count_of_further_problems():
    data = mutated(lambda d: (d["key_facts"][0].update(end=10**7), d["key_facts"][1].update(end=10**7)))
    with pytest.raises(
        BriefFileError, match=r"beyond the end of source 1 \(and 1 more problem\(s\); run 'briefing-app check'\)"
    ):
        loads(json.dumps(data).encode())


# --- saving never loses work
def test_save_keeps_previous_version_as_backup(tmp_path):
    path = tmp_path / "troops.brief"
    b = seed_brief()
    sha1 = save_brief(b, path)
    first = path.read_bytes()
    b.set_field("title", "Second version")
    sha2 = save_brief(b, path, expected_sha256=sha1)
    assert backup_path(path).read_bytes() == first
    assert load_brief(path) == (b, sha2)
    assert load_brief(backup_path(path))[0].title != "Second version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["troops.brief", "troops.brief.bak"]  # no temp files left


def test_refuses_to_overwrite_a_file_changed_on_disk(tmp_path):
    path = tmp_path / "b.brief"
    doc = Document(seed_brief())
    doc.save(path)
    other = Document.open(path)
    other.brief.set_field("title", "Colleague's edit")
    other.save()
    colleague = path.read_bytes()
    doc.brief.set_field("title", "My edit")
    with pytest.raises(ChangedOnDisk, match="was changed on disk"):
        doc.save()
    assert path.read_bytes() == colleague and doc.brief.title == "My edit"
    doc.save(force=True)
    assert load_brief(path)[0].title == "My edit"
    assert load_brief(backup_path(path))[0].title == "Colleague's edit"


@pytest.mark.parametrize(
    "code, message",
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only disk"),
        (errno.EIO, "could not write"),
    ],
)
@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_failure_at_any_step_leaves_the_previous_file_intact(tmp_path, code, message, step):
    path = tmp_path / "b.brief"
    b = seed_brief()
    save_brief(b, path)
    before = path.read_bytes()
    b.set_field("title", "Unsaved change")
    memory = dumps(b)
    failing = {"write": "briefing_app.core.files.os.fdopen", "fsync": "briefing_app.core.files.os.fsync",
               "replace": "briefing_app.core.files.os.replace"}[step]  # fmt: skip
    with mock.patch(failing, side_effect=OSError(code, os.strerror(code))):
        with pytest.raises(WriteError, match=message) as e:
            save_brief(b, path)
    assert "\n" not in str(e.value)
    assert path.read_bytes() == before and loads(before).title != "Unsaved change"
    assert dumps(b) == memory  # the brief in memory is as it was
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_missing_folder_and_unwritable_folder(tmp_path):
    with pytest.raises(WriteError, match="the folder .* does not exist"):
        save_brief(seed_brief(), tmp_path / "gone" / "b.brief")
    with pytest.raises(WriteError, match="is a folder"):
        save_brief(seed_brief(), tmp_path)


def test_saving_keeps_the_files_permissions(tmp_path):
    path = tmp_path / "b.brief"
    save_brief(seed_brief(), path)
    path.chmod(0o640)
    save_brief(seed_brief(), path)
    assert path.stat().st_mode & 0o777 == 0o640


def test_check_file_lists_every_problem(tmp_path):
    path = tmp_path / "b.brief"
    data = mutated(lambda d: (d["key_facts"][0].update(end=10**7), d["sources"][1].update(reliability="Z")))
    path.write_text(json.dumps(data))
    assert check_file(path) == ["sources[1].reliability: must be one of A, B, C, D, E, F"]  # structure first
    data["sources"][1]["reliability"] = "A"
    path.write_text(json.dumps(data))
    assert check_file(path) == ["key_facts[0].end: beyond the end of source 1"]
    with pytest.raises(BriefFileError, match="does not exist"):
        check_file(tmp_path / "none.brief")


# --- properties
one_line = st.text(st.characters(blacklist_characters="\n\r"), max_size=30)
dates = st.sampled_from(["", "2024", "2024-10", "2024-10-28"])


@st.composite
def briefs(draw) -> Brief:
    handling = draw(st.sampled_from(TLP_MARKS) | one_line.filter(lambda s: s.strip() and s.strip().upper() != "TLP"))
    b = Brief(title=draw(st.text(max_size=40)), date=draw(dates), author=draw(one_line), handling=handling,
              bluf=draw(st.text(max_size=80)), comment=draw(st.text(max_size=80)))  # fmt: skip
    for _ in range(draw(st.integers(0, 3))):
        b.add_source(Source(
            title=draw(st.text(max_size=30)), text=draw(st.text(min_size=1, max_size=300).filter(str.strip)),
            publisher=draw(one_line), url=draw(st.sampled_from(["", "https://example.org/x?a=1&b=<c>", "HTTP://A.B"])),
            published=draw(dates), accessed=draw(dates), reliability=draw(st.sampled_from("ABCDEF")),
            title_line=draw(st.booleans()), origin=draw(one_line), author=draw(one_line),
            published_from=draw(st.sampled_from(PUBLISHED_FROM)),
        ))  # fmt: skip
    for _ in range(draw(st.integers(0, 12)) if b.sources else 0):
        n = draw(st.integers(1, len(b.sources)))
        size = len(b.sources[n - 1].text)
        start = draw(st.integers(0, size - 1))
        end = draw(st.integers(start + 1, size))
        section = draw(st.sampled_from([KEY_FACTS, EXPERT_ASSESSMENTS]))
        try:
            b.add_item(section, n, start, end, speaker=draw(one_line), note=draw(st.text(max_size=20)),
                       tags=draw(st.lists(one_line, max_size=3)))  # fmt: skip
        except BriefError:
            pass  # white space only, or overlapping: refused, as it should be
    return b


@settings(max_examples=150, deadline=None)
@given(briefs())
def test_any_brief_saves_and_loads_back_equal_with_identical_bytes(b):
    raw = dumps(b)
    again = loads(raw)
    assert again == b
    assert dumps(again) == raw
    assert raw == plain_dumps(b)  # the cache of encoded source texts changes no byte


def plain_dumps(b: Brief) -> bytes:
    """The file's bytes the plain way: json.dumps of the whole brief, source texts and all."""
    data = brief_to_data(b)
    try:
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data, ensure_ascii=True, indent=1) + "\n").encode("ascii")


def test_source_texts_encoded_once_give_the_same_bytes_whatever_the_brief_holds(tmp_path):
    marker = "\ue000briefing-app source text 0\ue000"  # the stand-in the writer puts in for a text
    b = seed_brief()
    second = article_from_text(f"Second source {marker} with the marker's words.\n", origin="b.txt")
    b.add_source(Source.from_article(second))
    first = dumps(b)
    assert first == plain_dumps(b) and dumps(b) == first  # twice: the second time from the cache
    b.add_item(KEY_FACTS, 2, 0, 13, note=f"A note that quotes {marker}")  # the marker in the brief itself
    assert dumps(b) == plain_dumps(b) and loads(dumps(b)) == b
    b.set_field("comment", "broken \ud800 pair")  # a lone surrogate: the texts are \u-escaped ASCII too
    assert dumps(b) == plain_dumps(b) and dumps(b) == plain_dumps(b)
    recovered = restore_recovery(write_recovery(b, tmp_path, "key"))[0]
    assert recovered == b


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_truncated_or_corrupted_file_gives_a_clear_error_and_stays_on_disk(tmp_path, data):
    raw = dumps(seed_brief())
    how = data.draw(st.sampled_from(["truncate", "flip", "splice"]))
    at = data.draw(st.integers(0, len(raw) - 1))
    if how == "truncate":
        bad = raw[:at]
    elif how == "flip":
        bad = raw[:at] + bytes([raw[at] ^ data.draw(st.integers(1, 255))]) + raw[at + 1 :]
    else:
        bad = raw[:at] + data.draw(st.binary(min_size=1, max_size=20)) + raw[at:]
    path = tmp_path / "corrupt.brief"
    path.write_bytes(bad)
    try:
        b, _ = load_brief(path)
    except BriefFileError as e:
        assert "\n" not in str(e) and str(path) in str(e)
    else:  # a change in a place that does not matter (white space), or one that is still consistent
        assert dumps(b) == raw or check_file(path) == []
    assert path.read_bytes() == bad


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 5), st.sampled_from(["fdopen", "fsync", "replace"]))
def test_failing_on_the_nth_system_call_of_a_save_never_harms_the_saved_files(tmp_path, nth, call):
    path = tmp_path / "b.brief"
    b = seed_brief()
    save_brief(b, path)
    b.set_field("title", "First edit")
    save_brief(b, path)
    before, backup_before = path.read_bytes(), backup_path(path).read_bytes()
    b.set_field("title", "Second edit")
    real = getattr(files.os, call)
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == nth + 1:
            raise OSError(errno.EIO, "I/O error")
        return real(*args, **kwargs)

    with mock.patch.object(files.os, call, flaky):
        try:
            save_brief(b, path)
            saved = True
        except WriteError:
            saved = False
    now = path.read_bytes()
    assert now == (dumps(b) if saved else before)
    # the backup is either untouched or the previous version; both always load
    assert backup_path(path).read_bytes() in (backup_before, before)
    loads(now), loads(backup_path(path).read_bytes())
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# --- issue 15: numbers written with a decimal point


@pytest.mark.parametrize(
    "place, value",
    [(("key_facts", 0, "start"), None), (("key_facts", 1, "end"), None), (("expert_assessments", 0, "paragraph"), None),
     (("key_facts", 2, "source"), None), (("version",), None), (("key_facts", 0, "end"), 2.6e3),
     (("key_facts", 0, "start"), True)],
)  # fmt: skip
def test_numbers_written_with_a_decimal_point_are_refused_naming_their_place(tmp_path, place, value):
    """jsonschema counts 26.0 as an integer: such a file passed, then failed with an internal TypeError,
    or printed "¶1.0". Each is refused, with its place in the file, by what the window opens a brief with."""
    path = tmp_path / "floats.brief"
    path.write_text(json.dumps(written_as_float(place, value)), "utf-8")  # 26.0 is written "26.0", True "true"
    where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in place).lstrip(".")
    expected = f"{where}: must be a whole number" + (" written without a decimal point" if value is not True else "")
    with pytest.raises(BriefFileError, match="^" + re.escape(f"{path}: {expected}")):
        load_brief(path)


def test_saving_over_a_huge_file_refuses_without_reading_it_whole(tmp_path, monkeypatch):
    """The file a save replaces is kept as the backup, so it was read whole: a multi-gigabyte file bearing
    the name filled the memory. Now nothing beyond a brief's limit is read; the save says so and changes
    nothing."""
    monkeypatch.setattr("briefing_app.core.brief_file.MAX_BRIEF_BYTES", 1 << 20)
    path = tmp_path / "huge.brief"
    with path.open("wb") as f:
        f.truncate(3 << 20)  # sparse: costs no disk
    with pytest.raises(WriteError, match=r"too large for a brief file .*nothing was saved: save under another name"):
        save_brief(brief_from_article(article_from_text(SEED.read_text("utf-8"), origin="a.txt")), path)
    assert path.stat().st_size == 3 << 20 and not backup_path(path).exists()


def test_a_version_1_file_opens_as_a_draft_and_is_saved_as_the_current_version(tmp_path):
    """Format version 2 adds the brief's status; a file written before it has none and is a draft."""
    data = json.loads(dumps(seed_brief()))
    data["version"] = 1
    del data["status"]
    brief = loads(json.dumps(data).encode())
    assert brief.status == "draft"
    brief.set_field("status", "final")
    again = json.loads(dumps(brief))
    assert again["version"] == VERSION and again["status"] == "final" and loads(dumps(brief)).status == "final"
    with pytest.raises(BriefError, match="draft or final"):
        brief.set_field("status", "approved")


def test_a_sources_encoding_author_and_date_origin_survive_save_and_reload(tmp_path):
    """Format version 4 saves the encoding each article was read in, beside its author and where its date
    came from; a brief reopened shows the article as it was read, with no cache of articles beside it."""
    page = tmp_path / "grain.txt"
    page.write_bytes("Grain talks\n\nBy Jana Novák | March 3, 2020\n\nDelegations met in Zürich.".encode("cp1252"))
    article = load_article(page, encoding="cp1252")
    assert (article.encoding, article.published_from) == ("cp1252", "text")
    doc = Document.from_article(article)
    doc.brief.update_source(1, author="Jana Novák")
    doc.save(tmp_path / "grain.brief")
    data = json.loads((tmp_path / "grain.brief").read_text("utf-8"))
    assert data["version"] == VERSION == 4
    assert {k: data["sources"][0][k] for k in ("encoding", "author", "published_from", "published")} == {
        "encoding": "cp1252", "author": "Jana Novák", "published_from": "text", "published": "2020-03-03"}  # fmt: skip
    (source,) = Document.open(tmp_path / "grain.brief").brief.sources
    assert (source.encoding, source.author, source.published_from) == ("cp1252", "Jana Novák", "text")
    assert source == doc.brief.sources[0] and source.paragraph_at(source.text.index("Zürich")) == 2
    data["sources"][0]["encoding"] = "x" * 101
    assert problems(data) == ["sources[0].encoding: must be at most 100 characters"]
    data["sources"][0]["encoding"] = "utf-8\nSigned: the Director"  # it is shown in the one-line details
    assert problems(data) == ["sources[0].encoding: must be one line without control characters"]
    with pytest.raises(BriefError, match="encoding must be one line of at most 100 characters"):
        doc.brief.add_source(dataclasses.replace(source, encoding="utf-8\x1b[2J"))


def test_a_real_version_3_file_opens_with_its_encoding_unknown_and_is_saved_as_version_4(tmp_path):
    """tests/briefs/version-3.brief was written by briefing-app before version 4 (a web page in windows-1252,
    its author and date from the page's metadata); it opens unchanged but for the encoding, unknown."""
    old = ROOT / "tests" / "briefs" / "version-3.brief"
    data = json.loads(old.read_text("utf-8"))
    assert data["version"] == 3 and "encoding" not in data["sources"][0]
    brief, _ = load_brief(old)
    (source,) = brief.sources
    assert (source.encoding, source.author, source.published_from, source.published) == (
        "", "Renée Dupré", "metadata", "2024-11-03")  # fmt: skip
    assert [(it.paragraph, it.text[:9]) for it in brief.key_facts] == [(1, "About 1,2"), (2, "The levy,")]
    assert brief.expert_assessments[0].speaker == "Marc Lefèvre"
    path = tmp_path / "again.brief"
    save_brief(brief, path)
    again = json.loads(path.read_text("utf-8"))
    assert again["version"] == 4 and again["sources"][0]["encoding"] == ""
    assert {k: v for k, v in again["sources"][0].items() if k != "encoding"} == data["sources"][0]
    assert {k: v for k, v in again.items() if k not in ("version", "sources")} == {
        k: v for k, v in data.items() if k not in ("version", "sources")}  # fmt: skip
    assert load_brief(path)[0] == brief

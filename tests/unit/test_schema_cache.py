"""The brief schema's validator kept in the user's cache folder (core/brief_schema.py): a second process reads
it instead of making it; a damaged, foreign or unreadable file is never used but replaced; a folder that cannot
be written costs the time only; and the validator read back gives jsonschema's verdicts."""

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app.core import brief_schema
from briefing_app.core.brief_file import _validator as jsonschema_validator
from briefing_app.core.brief_file import dumps
from briefing_app.core.brief_schema import CACHE_NAME, cache_key, cached_code, meets_schema
from briefing_app.resources import resource

from helpers.hostile_brief import hostile_brief
from helpers.sample_brief import sample_brief

SCHEMA = resource("brief.schema.json").read_bytes()


def jsonschema_finds_nothing(data) -> bool:
    return not any(True for _ in jsonschema_validator().iter_errors(data))


def kept(cache_home) -> Path:
    return cache_home / "briefing-app" / "briefing-app" / CACHE_NAME


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """An empty cache folder for this process's validator, made afresh; the usual one again afterwards."""
    home = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    brief_schema._validator.cache_clear()
    yield home
    brief_schema._validator.cache_clear()


def fresh_validator() -> str:
    """Drop this process's validator and get it again; how it was got ("cache" or "compiled")."""
    brief_schema._validator.cache_clear()
    brief_schema._validator()
    return brief_schema.validator_origin


def faulty_briefs() -> list[dict]:
    """The sample brief with one fault each, of the kinds the schema's rules catch."""
    out = []
    for path, value in ((["key_facts", 0, "start"], 26.0), (["sources", 0, "url"], "javascript:alert(1)"),
                        (["status"], "sent"), (["key_facts", 0, "tags"], ["a", "a"]), (["unknown field"], 1),
                        (["title"], "x" * 100_001)):  # fmt: skip
        data = json.loads(dumps(sample_brief()))
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        out.append(data)
    return out


def run_process(cache_home, data_file) -> dict:
    """A new process with ``cache_home`` as its cache folder checks the briefs in ``data_file``."""
    code = (
        "import json, sys; from briefing_app.core import brief_schema as s;"
        "verdicts = [s.meets_schema(d) for d in json.load(open(sys.argv[1], encoding='utf-8'))];"
        "print(json.dumps({'origin': s.validator_origin, 'verdicts': verdicts}))"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    out = subprocess.run([sys.executable, "-c", code, str(data_file)], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_a_second_process_reads_the_validator_the_first_one_kept(tmp_path):
    briefs = [json.loads(dumps(sample_brief())), *faulty_briefs()]
    data_file = tmp_path / "briefs.json"
    data_file.write_text(json.dumps(briefs), encoding="utf-8")
    home = tmp_path / "cache"
    first = run_process(home, data_file)
    assert first["origin"] == "compiled" and kept(home).is_file()
    written = kept(home).read_bytes()
    second = run_process(home, data_file)
    assert second["origin"] == "cache"
    assert kept(home).read_bytes() == written  # read, not written again
    assert first["verdicts"] == second["verdicts"] == [True] + [False] * (len(briefs) - 1)


def test_the_validator_read_back_gives_jsonschemas_verdicts(cache_home):
    assert fresh_validator() == "compiled"
    assert fresh_validator() == "cache"
    for data in [json.loads(dumps(b)) for b in (sample_brief(), hostile_brief())] + faulty_briefs():
        assert meets_schema(data) == jsonschema_finds_nothing(data)
    data = json.loads(dumps(sample_brief()))
    for field in ("title", "sources", "key_facts"):
        missing = {k: v for k, v in copy.deepcopy(data).items() if k != field}
        assert not meets_schema(missing) and not jsonschema_finds_nothing(missing)


def _damaged(good: bytes) -> dict[str, bytes]:
    header = len(b"briefing-app brief schema validator\n")
    flipped = bytearray(good)
    flipped[-100] ^= 0xFF
    other_key = good[:header] + bytes(32) + good[header + 32 :]
    return {
        "empty": b"",
        "noise": os.urandom(5000),
        "cut short": good[: len(good) // 2],
        "one byte changed": bytes(flipped),
        "made for another key": other_key,  # another schema, fastjsonschema or Python
        "not code": good[: header + 32] + b"\0" * 32 + b"plain bytes",
    }


@pytest.mark.parametrize("damage", list(_damaged(b"x" * 200)))
def test_a_damaged_or_foreign_file_is_not_used_but_replaced(cache_home, damage):
    fresh_validator()
    good = kept(cache_home).read_bytes()
    kept(cache_home).write_bytes(_damaged(good)[damage])
    assert fresh_validator() == "compiled"
    assert meets_schema(json.loads(dumps(sample_brief())))
    assert not any(meets_schema(d) for d in faulty_briefs())
    assert cached_code(kept(cache_home), cache_key(SCHEMA)) is not None  # replaced by a good one
    assert fresh_validator() == "cache"


def test_a_file_of_valid_code_for_the_right_key_but_no_validator_is_not_used(cache_home):
    from briefing_app.core.brief_schema import store_code

    store_code(kept(cache_home), cache_key(SCHEMA), compile("x = 1", "<planted>", "exec"))
    assert fresh_validator() == "compiled"
    assert meets_schema(json.loads(dumps(sample_brief())))


@pytest.mark.parametrize("blocked", ["file instead of the folder", "folder instead of the file"])
def test_a_cache_that_cannot_be_written_still_validates(tmp_path, monkeypatch, blocked):
    if blocked == "file instead of the folder":
        home = tmp_path / "not-a-folder"
        home.write_text("a file", encoding="utf-8")
    else:
        home = tmp_path / "cache"
        kept(home).mkdir(parents=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    try:
        assert fresh_validator() == "compiled"
        assert fresh_validator() == "compiled"  # nothing was kept, nothing went wrong
        assert meets_schema(json.loads(dumps(sample_brief())))
        assert not any(meets_schema(d) for d in faulty_briefs())
    finally:
        brief_schema._validator.cache_clear()


def test_the_key_changes_with_the_schema():
    assert cache_key(SCHEMA) == cache_key(SCHEMA)
    assert cache_key(SCHEMA) != cache_key(SCHEMA.replace(b'"title"', b'"Title"', 1))

"""The quick schema check (core/brief_schema.py) against jsonschema, which words the loader's messages.

The quick check must pass exactly the files jsonschema passes (a file it fails goes to jsonschema for the
messages). Real briefs (the sample, the hostile one) and hundreds of altered copies are put to both.
"""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_app.core.brief_file import _validator as jsonschema_validator
from briefing_app.core.brief_file import dumps
from briefing_app.core.brief_schema import _bare, meets_schema
from briefing_app.resources import resource

from helpers.hostile_brief import hostile_brief
from helpers.sample_brief import sample_brief


def jsonschema_finds_nothing(data) -> bool:
    return not any(True for _ in jsonschema_validator().iter_errors(data))


@pytest.fixture(scope="module")
def briefs() -> list[dict]:
    return [json.loads(dumps(b)) for b in (sample_brief(), hostile_brief())]


def test_real_briefs_meet_the_schema_in_both_checks(briefs):
    for data in briefs:
        assert meets_schema(data) and jsonschema_finds_nothing(data)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["key_facts", 0, "start"], 26.0),  # a whole number with a decimal point: refused by this format
        (["version"], 4.0),
        (["key_facts", 0, "start"], True),
        (["key_facts", 0, "start"], -1),
        (["sources", 0, "sha256"], "x" * 64),
        (["sources", 0, "url"], "javascript:alert(1)"),
        (["handling"], "TLP:RED\nsecond line"),
        (["format"], "briefing-app/other"),
        (["status"], "sent"),
        (["key_facts", 0, "tags"], ["a", "a"]),
        (["key_facts", 0, "id"], "has space"),
        (["title"], "x" * 100_001),
        (["sources", 0, "text"], ""),
        (["unknown field"], 1),
    ],
)
def test_each_kind_of_fault_fails_the_quick_check_as_it_fails_jsonschema(briefs, path, value):
    data = copy.deepcopy(briefs[0])
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert not jsonschema_finds_nothing(data)
    assert not meets_schema(data)


def test_a_missing_field_fails_both(briefs):
    for field in ("title", "sources", "key_facts"):
        data = {k: v for k, v in briefs[0].items() if k != field}
        assert not meets_schema(data) and not jsonschema_finds_nothing(data)


def test_the_bare_schema_keeps_every_rule_and_property_name():
    schema = json.loads(resource("brief.schema.json").read_text(encoding="utf-8"))
    bare = _bare(schema)
    assert "title" in bare["properties"] and "description" not in json.dumps(bare)
    assert bare["properties"]["format"] == {"enum": [schema["properties"]["format"]["const"]]}
    assert bare["properties"]["sources"]["items"]["required"] == schema["properties"]["sources"]["items"]["required"]


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats(allow_nan=False) | st.text(max_size=80),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
SPECIAL = st.sampled_from(
    ["", "A", "F", "G", "draft", "final", "icd203", "likely", "2024-10-28", "2024-13", "https://x.org", "1", 0, 1, 6, 7]
)


def _places(data, prefix=()):
    """Every (container, key) in ``data``, to alter one value."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield data, k, prefix + (k,)
            yield from _places(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield data, i, prefix + (i,)
            yield from _places(v, prefix + (i,))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, 10**6), value=JSON_VALUES | SPECIAL, drop=st.booleans(), brief=st.integers(0, 1))
def test_the_quick_check_agrees_with_jsonschema_on_altered_briefs(briefs, which, value, drop, brief):
    data = copy.deepcopy(briefs[brief])
    places = [p for p in _places(data) if not (isinstance(p[0], dict) and p[1] == "text" and len(p[2]) == 3)]
    container, key, _ = places[which % len(places)]
    if drop and isinstance(container, dict):
        del container[key]
    else:
        container[key] = value
    assert meets_schema(data) == jsonschema_finds_nothing(data)


# keywords drafts 4 and 2020-12 read alike ("const" becomes "enum"); "exclusiveMinimum", "prefixItems", "$ref"
# beside other keywords and the like do not, and would need the quick check to change first
SAME_IN_DRAFT_4 = {"type", "enum", "const", "properties", "additionalProperties", "required", "items", "pattern",
                   "minLength", "maxLength", "minimum", "uniqueItems", "$ref", "$defs"}  # fmt: skip
NOTES = {"$schema", "$id", "title", "description", "$comment"}


def _keywords(schema, names=False):
    if isinstance(schema, dict):
        for key, value in schema.items():
            if not names:
                yield key, schema
            yield from _keywords(value, names=not names and key in ("properties", "$defs"))
    elif isinstance(schema, list):
        for value in schema:
            yield from _keywords(value)


def test_the_schema_uses_only_keywords_draft_4_reads_alike():
    schema = json.loads(resource("brief.schema.json").read_text(encoding="utf-8"))
    used = {key for key, _ in _keywords(schema)}
    assert used - NOTES <= SAME_IN_DRAFT_4, used - NOTES - SAME_IN_DRAFT_4
    assert all(len(where) == 1 for key, where in _keywords(schema) if key == "$ref")  # nothing beside a $ref

"""Kinds as enums (issue 16, point 4): one spelling each, and the .brief file and the JSON the command line
prints byte for byte what they were when kinds were plain strings."""

import ast
import json
from pathlib import Path

import pytest

from briefing_app.__main__ import main
from briefing_app.commands import COMMANDS
from briefing_app.core.brief import SECTIONS, Brief, BriefError, Source, check_status
from briefing_app.core.brief_file import BriefFileError, dumps, loads
from briefing_app.core.kinds import ChangeKind, ExportFormat, Section, Status, SuggestionKind
from briefing_app.core.review import RULES, RuleName, review
from briefing_app.export import FORMATS
from briefing_app.resources import resource

from helpers.support import ROOT, SEED

DATA = Path(__file__).resolve().parent / "data"
# saved by briefing-app before kinds were enums (the sample brief: both sections, status final, tradecraft)
WRITTEN_BEFORE = DATA / "written-before-kinds.brief"
VERSION_3 = ROOT / "tests" / "briefs" / "version-3.brief"
PACKAGE = ROOT / "briefing_app"


def test_the_enums_spell_what_the_file_format_and_the_command_line_spell():
    schema = json.loads(resource("brief.schema.json").read_text("utf-8"))
    item_lists = {k for k, v in schema["properties"].items() if v.get("items", {}).get("$ref") == "#/$defs/item"}
    assert list(Section) == list(SECTIONS) and set(Section) == item_lists == {"key_facts", "expert_assessments"}
    assert list(Status) == schema["properties"]["status"]["enum"] == ["draft", "final"]
    assert [str(k) for k in SuggestionKind] == ["key_fact", "expert_assessment", "opinion"]  # DESIGN.md's contract
    export_parser = __import__("argparse").ArgumentParser()
    COMMANDS["export"][1](export_parser)
    (choices,) = [a.choices for a in export_parser._actions if a.dest == "format"]
    assert list(choices) == list(FORMATS) == list(ExportFormat) == ["pdf", "docx", "markdown"]
    assert all(type(c) is str for c in choices)  # argparse quotes them with repr() in its error message
    assert [rule.name for rule in RULES] == list(RuleName)  # every rule once, in the order findings are listed


def test_each_kind_leads_to_the_other_by_one_property():
    for section in Section:
        assert section.kind.section is section
        assert section.other is not section and section.other.other is section
    assert SuggestionKind.OPINION.section is None
    assert [(s.noun, s.plural) for s in Section] == [("key fact", "key facts"),
                                                     ("expert assessment", "expert assessments")]  # fmt: skip
    assert [k.word for k in SuggestionKind] == ["fact", "assessment", "opinion"]
    # a plain string finds its member: a kind read from a file, a Qt signal or a caller's literal
    assert Section("key_facts") is Section.KEY_FACTS and SuggestionKind("opinion") is SuggestionKind.OPINION
    assert Section.KEY_FACTS == "key_facts" and {"key_facts": 1}[Section.KEY_FACTS] == 1


def test_a_brief_saved_before_the_enums_opens_and_saves_byte_for_byte():
    before = WRITTEN_BEFORE.read_bytes()
    brief = loads(before)
    assert brief.status is Status.FINAL
    assert [section for section, _ in brief.all_items()] == [Section.KEY_FACTS] * 3 + [Section.EXPERT_ASSESSMENTS] * 2
    assert dumps(brief) == before
    assert dumps(brief.snapshot()) == before


def test_a_version_3_brief_saves_its_sections_and_status_as_it_spelled_them():
    original = json.loads(VERSION_3.read_bytes())
    saved_bytes = dumps(loads(VERSION_3.read_bytes()))
    saved = json.loads(saved_bytes)
    for key in (*SECTIONS, "status"):
        assert json.dumps(saved[key], ensure_ascii=False) == json.dumps(original[key], ensure_ascii=False), key
    assert [k for k in saved if k in original] == list(original)  # the same keys, in the same order
    for section in SECTIONS:  # as json.dumps writes the keys: plain strings, never an enum's name or repr
        assert f'\n "{section.value}": [' in saved_bytes.decode("utf-8")
    assert b"Section." not in saved_bytes and b"Status." not in saved_bytes


def test_a_brief_made_with_plain_strings_or_members_saves_the_same_bytes():
    text = "Alpha said the port reopened. Beta thinks it will close again."

    def made(fact: str, assessment: str, status: str) -> bytes:
        b = Brief(title="Port", date="2024-10-01", status=status)
        b.add_source(Source(title="Wire", text=text, accessed="2024-10-01"))
        b.add_item(fact, 1, 0, 29, item_id="f1")
        b.add_item(assessment, 1, 30, len(text), item_id="a1", speaker="Beta")
        return dumps(b)

    plain = made("key_facts", "expert_assessments", "final")
    assert made(Section.KEY_FACTS, Section.EXPERT_ASSESSMENTS, Status.FINAL) == plain
    data = json.loads(plain)
    assert data["status"] == "final" and [it["id"] for it in data["key_facts"] + data["expert_assessments"]] == [
        "f1", "a1"]  # fmt: skip


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(key_fact=d.pop("key_facts")),
         "x.brief: the file: unknown field(s) ('key_fact' was unexpected) (and 1 more problem(s); run "
         "'briefing-app check')"),
        (lambda d: d.update(opinions=[]), "x.brief: the file: unknown field(s) ('opinions' was unexpected)"),
        (lambda d: d.update(status="done"), "x.brief: status: must be one of draft, final"),
        (lambda d: d.update(status="Final"), "x.brief: status: must be one of draft, final"),
    ],
)  # fmt: skip
def test_an_unknown_kind_in_a_file_gets_the_same_message_as_before(change, message):
    data = json.loads(VERSION_3.read_bytes())
    change(data)
    with pytest.raises(BriefFileError) as e:
        loads(json.dumps(data).encode("utf-8"), "x.brief")
    assert str(e.value) == message


def test_an_unknown_kind_from_a_caller_is_named_as_typed():
    b = Brief()
    with pytest.raises(BriefError, match=r"^no section 'key_fact' \(sections: key_facts, expert_assessments\)$"):
        b.add_item("key_fact", 1, 0, 1)
    with pytest.raises(BriefError, match=r"^a brief's status is draft or final, not 'done'$"):
        check_status("done")
    with pytest.raises(ValueError):
        SuggestionKind("key_facts")  # the section's spelling is not a kind's


def test_suggest_json_prints_kinds_as_the_contract_spells_them(capsys):
    assert main(["suggest", str(SEED), "--json"]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    found = data["suggestions"]
    assert {s["kind"] for s in found} == {"key_fact", "expert_assessment", "opinion"}
    assert all(list(s) == ["kind", "start", "end", "text", "speaker", "affiliation", "confidence", "group"]
               for s in found)  # fmt: skip
    # the bytes are those of plain strings: the same object with str kinds is written identically
    plain = {"article": data["article"], "suggestions": [s | {"kind": str(s["kind"])} for s in found]}
    assert out == json.dumps(plain, ensure_ascii=False) + "\n"
    assert main(["suggest", str(SEED)]) == 0
    words = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert words == {"fact", "assessment", "opinion"}


def test_review_json_spells_rules_and_sections_as_before():
    findings = [f.as_json() for f in review(Brief(title="Nothing yet"), today="2024-10-01")]
    assert json.dumps(findings) == json.dumps([
        {"rule": "no-bluf", "item": "bluf",
         "message": "no bottom line up front; say first what the reader must take away"},
        {"rule": "empty-section", "item": "key_facts", "message": "the brief has no key facts"},
        {"rule": "empty-section", "item": "expert_assessments", "message": "the brief has no expert assessments"},
        {"rule": "empty-section", "item": "comment", "message": "the brief has no analyst comment"},
        {"rule": "empty-section", "item": "sources", "message": "the brief has no sources"},
    ])  # fmt: skip


def test_listeners_hear_each_change_by_its_kind():
    text = "The port reopened on Monday."
    b = Brief(title="Port")
    heard = []
    b.subscribe(lambda change: heard.append((change.what, change.section)))
    b.add_source(Source(title="Wire", text=text))
    item = b.add_item("key_facts", 1, 0, len(text))
    b.edit_item(item.id, note="checked")
    b.set_field("status", "final")
    assert heard == [("sources", None), ("items", "key_facts"), ("item", "key_facts"), ("field", None)]
    assert [type(what) for what, _ in heard] == [ChangeKind] * 4
    assert type(heard[1][1]) is Section and b.status is Status.FINAL


def _literals(path: Path) -> list[tuple[int, str]]:
    return [(node.lineno, node.value) for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]  # fmt: skip


def test_each_kind_is_spelled_once_in_the_code():
    """The spellings of sections, suggestion kinds, statuses and review rules live in their enums; everywhere
    else names a member. (Export formats and change kinds are left out: "pdf" and "sources" also name other
    things, a loader's encoding or a key of the file.)"""
    spellings = {str(v) for family in (Section, SuggestionKind, Status, RuleName) for v in family}
    homes = {PACKAGE / "core" / "kinds.py", PACKAGE / "core" / "review.py"}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line, value in _literals(path):
            if value in spellings and not (path in homes and value in {str(v) for v in _family_of(path)}):
                found.append(f"{path.relative_to(ROOT)}:{line}: {value!r}")
    assert not found, "a kind spelled as a string instead of its enum member:\n" + "\n".join(found)


def _family_of(path: Path) -> list:
    return [*RuleName] if path.name == "review.py" else [*Section, *SuggestionKind, *Status]

"""The review on the command line (issue 17): `check --review` prints one line per finding, or the documented JSON
object, and exits 1 only on a bad brief; `export` says how many findings the brief went out with."""

import json
import re
import subprocess

from briefing_app.core.brief import Brief
from briefing_app.core.brief_file import dumps, load_brief, save_brief
from briefing_app.core.review import review

from helpers.review import clean_brief
from helpers.support import SEED, venv_bin


def run(*args):
    return subprocess.run([venv_bin("briefing-app"), *args], capture_output=True, text=True, timeout=60)


def test_check_review_prints_one_line_per_finding_and_a_count_and_exits_0(tmp_path):
    b = clean_brief()
    b.set_field("bluf", "")
    b.update_source(1, published="2024-09-01")
    path = tmp_path / "grain.brief"
    save_brief(b, path)
    p = run("check", "--review", str(path))
    assert p.returncode == 0 and p.stderr == ""
    assert p.stdout.splitlines()[1:] == [
        f"{path}: [no-bluf] the BLUF: no bottom line up front; say first what the reader must take away",
        f"{path}: [stale-source] source 1: published 2024-09-01, 65 days before the brief's date, 2024-11-05 "
        "(more than 30)",
        f"{path}: 2 review findings",
    ]
    assert run("check", "--review", "--stale-days", "90", str(path)).stdout.endswith(": 1 review finding\n")
    assert run("check", str(path)).stdout.count("\n") == 1  # without --review: the file check alone
    save_brief(clean_brief(), path)
    assert run("check", "--review", str(path)).stdout.endswith(f"{path}: no review findings\n")


def test_check_review_json_is_exactly_the_documented_object(tmp_path):
    b = clean_brief()
    b.edit_item(b.expert_assessments[1].id, speaker="")
    path = tmp_path / "grain.brief"
    save_brief(b, path)
    p = run("check", "--review", "--json", str(path))
    assert p.returncode == 0 and p.stderr == ""
    out = json.loads(p.stdout)  # stdout is the JSON object alone
    message = "no speaker; an assessment is worth what its author is: say who"
    assert out == {"findings": [{"rule": "no-speaker", "item": b.expert_assessments[1].id, "message": message}]}
    save_brief(Brief(title="Empty"), path)
    findings = json.loads(run("check", "--review", "--json", str(path)).stdout)["findings"]
    assert all(set(f) == {"rule", "item", "message"} for f in findings)
    assert all(isinstance(f["rule"], str) and isinstance(f["message"], str) for f in findings)
    assert [f["item"] for f in findings] == ["bluf", "key_facts", "expert_assessments", "comment", "sources"]


def test_check_review_exits_1_only_on_an_unreadable_or_invalid_brief(tmp_path):
    bad = tmp_path / "bad.brief"
    bad.write_text("{not json", "utf-8")
    p = run("check", "--review", "--json", str(bad))
    assert p.returncode == 1 and p.stdout == "" and p.stderr.count("\n") == 1 and "not a valid brief file" in p.stderr
    data = json.loads(dumps(clean_brief()))
    data["expert_assessments"][0]["confidence"] = "sure"
    data["expert_assessments"][0]["credibility"] = 9
    bad.write_text(json.dumps(data), "utf-8")
    p = run("check", "--review", "--json", str(bad))
    assert p.returncode == 1 and p.stdout == "" and p.stderr.count("\n") == 1
    assert "(and 1 more problem(s); run 'briefing-app check')" in p.stderr
    p = run("check", "--review", str(bad))
    assert p.returncode == 1 and "expert_assessments[0].confidence: must be one of , low, moderate, high" in p.stdout
    assert run("check", "--json", str(bad)).returncode == 2  # --json goes with --review
    assert run("check", "--review", "--stale-days", "-3", str(bad)).returncode == 2


def test_the_seed_brief_made_with_accepted_suggestions_gets_only_real_findings(tmp_path):
    """The brief ``new --accept-suggestions`` makes from the seed article: no BLUF and no comment yet, a
    plain-text article without publisher or date, and the suggested items that open with "This"/"These"
    (a reference to what came before them in the article). Each such item is found here by another reading
    than the review's, so the test follows the suggestion engine as it changes."""
    path = tmp_path / "seed.brief"
    assert run("new", str(SEED), "-o", str(path), "--accept-suggestions").returncode == 0
    brief, _ = load_brief(path)
    findings = review(brief)
    whole = [(f.rule, f.item) for f in findings if f.rule != "unresolved-pronoun"]
    assert whole == [("no-bluf", "bluf"), ("empty-section", "comment"), ("source-no-publisher", "source 1"),
                     ("source-no-date", "source 1")]  # fmt: skip
    dangling = re.compile(r"[“\"]?(This|These|Those|They|It|He|She|We|I)\b")
    person = ("He", "She", "I", "We")  # in an assessment with a speaker: the speaker
    opening = [item.id for _, item in brief.all_items()
               if dangling.match(item.text) and not (item.speaker and item.text.split()[0] in person)]  # fmt: skip
    assert [f.item for f in findings if f.rule == "unresolved-pronoun"] == opening and opening
    assert all(item.speaker for item in brief.expert_assessments)  # so no no-speaker finding is missed


def test_export_says_how_many_findings_and_still_exports(tmp_path):
    b = clean_brief()
    path, pdf = tmp_path / "grain.brief", tmp_path / "grain.pdf"
    save_brief(b, path)
    p = run("export", str(path), "-o", str(pdf))
    assert p.returncode == 0 and p.stderr == "" and pdf.exists()  # a clean brief: nothing to say
    b.set_field("bluf", "")
    save_brief(b, path)
    p = run("export", str(path), "-o", str(pdf))
    assert p.returncode == 0 and pdf.stat().st_size > 10_000
    assert p.stderr == f"briefing-app: Warning: exported with 1 review finding; 'briefing-app check --review {path}' " \
                       "lists them\n"  # fmt: skip

"""The command line as a user runs it: the installed console script, exit codes, one-line errors."""

import json
import os
import subprocess
import sys

import pytest

from briefing_app import __version__
from briefing_app.__main__ import main
from briefing_app.core.brief_file import load_brief

from helpers.support import PROBE, SEED, venv_bin


def run(*args, env=None, cwd=None):
    return subprocess.run(
        [venv_bin("briefing-app"), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )


def test_version_and_help(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"briefing-app {__version__}"
    assert main(["--help"]) == 0
    assert "usage: briefing-app" in capsys.readouterr().out


def test_usage_error_exits_2(capsys):
    assert main(["a.txt", "b.txt"]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_python_m_and_console_script_agree(tmp_path):
    a = subprocess.run(
        [sys.executable, "-m", "briefing_app", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    b = run("--version", cwd=tmp_path)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout == f"briefing-app {__version__}\n"


@pytest.mark.parametrize("display", [None, ":97"])
def test_no_display_gives_one_line_not_a_qt_abort(display):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    if display:
        env["DISPLAY"] = display  # no X server listens there
    p = run(env=env)
    assert p.returncode == 1
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display found" in lines[0] and "briefing-app --help" in lines[0]


def test_run_command_opens_the_window_on_the_seed_article(seed_text):
    """The README's run command (no arguments) through the real entry point, offscreen, until painted."""
    p = subprocess.run([sys.executable, str(PROBE), "app"], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    shown = json.loads(p.stdout.strip().splitlines()[-1])
    assert shown["title"] == "North Koreans in Russia: A Match Made in Military Heaven? — briefing-app"
    assert shown["chars"] == len(seed_text)
    assert shown["platform"] == "offscreen"


def test_a_path_on_the_command_line_is_opened(tmp_path):
    article = tmp_path / "note.txt"
    article.write_text("Troop numbers\nTen thousand soldiers arrived.\n", encoding="utf-8")
    p = subprocess.run([sys.executable, str(PROBE), "app", str(article)], capture_output=True, text=True, timeout=60)
    assert json.loads(p.stdout.strip().splitlines()[-1])["title"] == "Troop numbers — briefing-app"


# --- new and check
def test_new_then_check(tmp_path):
    out = tmp_path / "troops.brief"
    p = run("new", str(SEED), "-o", str(out), "--author", "Jana", "--handling", "tlp:green")
    assert p.returncode == 0, p.stderr
    brief, _ = load_brief(out)
    assert brief.title == "North Koreans in Russia: A Match Made in Military Heaven?"
    assert brief.author == "Jana" and brief.handling == "TLP:GREEN"
    assert brief.sources[0].text == SEED.read_text("utf-8")
    checked = run("check", str(out))
    assert checked.returncode == 0 and "OK (1 source(s), 0 key fact(s)" in checked.stdout


def test_new_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "b.brief"
    out.write_text("precious")
    p = run("new", str(SEED), "-o", str(out))
    assert p.returncode == 1 and p.stderr == f"briefing-app: {out} already exists; use --force to replace it\n"
    assert out.read_text() == "precious"
    assert run("new", str(SEED), "-o", str(out), "--force").returncode == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["new", "missing.txt", "-o", "x.brief"], "missing.txt does not exist"),
        (["new", "{seed}", "-o", "nofolder/x.brief"], "the folder nofolder does not exist"),
        (["new", "{seed}", "-o", "x.brief", "--handling", "two\nlines"], "one line"),
        (["check", "missing.brief"], "missing.brief does not exist"),
    ],
)
def test_failures_are_one_line_with_exit_1(tmp_path, args, message):
    p = run(*[a.replace("{seed}", str(SEED)) for a in args], cwd=tmp_path)
    assert p.returncode == 1
    assert message in p.stderr and "Traceback" not in p.stderr


def test_check_lists_every_problem(tmp_path):
    out = tmp_path / "b.brief"
    run("new", str(SEED), "-o", str(out))
    data = json.loads(out.read_text("utf-8"))
    data["sources"][0]["text"] += " tampered"
    data["key_facts"].append({"id": "k1", "source": 1, "start": 0, "end": 99999, "paragraph": 0, "text": "x",
                              "speaker": "", "affiliation": "", "note": "", "tags": []})  # fmt: skip
    out.write_text(json.dumps(data), "utf-8")
    p = run("check", str(out))
    assert p.returncode == 1
    assert p.stdout.splitlines() == [
        f"{out}: sources[0].sha256: does not match the embedded text (the text was altered)",
        f"{out}: key_facts[0].end: beyond the end of source 1",
    ]
    assert p.stderr == f"briefing-app: {out} has 2 problem(s)\n"


def test_usage_errors_of_subcommands_exit_2():
    assert run("new", str(SEED)).returncode == 2  # -o is required
    assert run("check").returncode == 2


def test_window_opens_a_brief_on_its_first_source(tmp_path):
    out = tmp_path / "troops.brief"
    run("new", str(SEED), "-o", str(out))
    p = subprocess.run([sys.executable, str(PROBE), "app", str(out)], capture_output=True, text=True, timeout=60)
    shown = json.loads(p.stdout.strip().splitlines()[-1])
    assert shown["chars"] == len(SEED.read_text("utf-8"))


# --- issue 14: new sets every field of the title block; export warns about a missing BLUF
def test_new_sets_title_bluf_comment_prepared_for_and_distribution(tmp_path):
    out = tmp_path / "troops.brief"
    p = run("new", str(SEED), "-o", str(out), "--title", "Troops in Russia", "--bluf", "Sent to train; small risk.",
            "--comment", "Watch Seoul.", "--author", "Jana", "--prepared-for", "Director, Asia desk",
            "--distribution", "Asia desk; NATO liaison")  # fmt: skip
    assert p.returncode == 0, p.stderr
    brief, _ = load_brief(out)
    assert (brief.title, brief.comment) == ("Troops in Russia", "Watch Seoul.")
    assert brief.bluf == "Sent to train; small risk."
    assert (brief.author, brief.prepared_for, brief.distribution) == ("Jana", "Director, Asia desk",
                                                                      "Asia desk; NATO liaison")  # fmt: skip
    assert run("check", str(out)).returncode == 0
    pdf = tmp_path / "troops.pdf"
    exported = run("export", str(out), "-o", str(pdf))
    # advice, not a failure: no key facts or assessments, and the seed article has no publisher or date
    warning = (
        f"briefing-app: Warning: exported with 4 review findings; 'briefing-app check --review {out}' lists them\n"
    )
    assert exported.returncode == 0 and exported.stderr == warning
    from helpers.pdf_helpers import all_text

    assert "PREPAREDFORDirector,Asiadesk" in all_text(pdf) and "DISTRIBUTIONAsiadesk;NATOliaison" in all_text(pdf)


def test_export_warns_on_stderr_when_the_review_finds_something(tmp_path):
    out, pdf = tmp_path / "draft.brief", tmp_path / "draft.pdf"
    assert run("new", str(SEED), "-o", str(out)).returncode == 0
    p = run("export", str(out), "-o", str(pdf))
    assert p.returncode == 0 and pdf.stat().st_size > 10_000  # the PDF is made all the same
    assert p.stdout.startswith("Exported 1 page(s) to")
    warning = (
        f"briefing-app: Warning: exported with 6 review findings; 'briefing-app check --review {out}' lists them\n"
    )
    assert p.stderr == warning
    findings = json.loads(run("check", "--review", "--json", str(out)).stdout)["findings"]
    assert len(findings) == 6 and findings[0]["rule"] == "no-bluf"


def test_a_brief_file_from_before_prepared_for_and_distribution_still_opens(tmp_path):
    out = tmp_path / "old.brief"
    run("new", str(SEED), "-o", str(out), "--prepared-for", "Someone")
    data = json.loads(out.read_text("utf-8"))
    del data["prepared_for"], data["distribution"]  # as an earlier briefing-app wrote it
    out.write_text(json.dumps(data), "utf-8")
    assert run("check", str(out)).returncode == 0
    brief, _ = load_brief(out)
    assert (brief.prepared_for, brief.distribution) == ("", "")
    data["distribution"] = ["not", "text"]
    out.write_text(json.dumps(data), "utf-8")
    p = run("check", str(out))
    assert p.returncode == 1 and f"{out}: distribution: must be text" in p.stdout


def test_export_writes_the_format_the_extension_names_or_format_says(tmp_path):
    """One command for every format: .pdf, .docx and .md (or --format whatever the name); an extension that
    names no format is refused with one line, never given a PDF's bytes; only a PDF can be signed."""
    import docx
    from markdown_it import MarkdownIt

    out = tmp_path / "b.brief"
    assert run("new", str(SEED), "-o", str(out), "--bluf", "Troops arrive.", "--accept-suggestions").returncode == 0
    for name, check in (
        ("b.docx", lambda f: docx.Document(str(f)).paragraphs),
        ("b.md", lambda f: MarkdownIt().parse(f.read_text("utf-8"))),
        ("b.markdown", lambda f: MarkdownIt().parse(f.read_text("utf-8"))),
    ):
        p = run("export", str(out), "-o", str(tmp_path / name))
        assert p.returncode == 0 and p.stdout.startswith("Exported a "), (name, p.stdout, p.stderr)
        assert check(tmp_path / name), name
    assert (tmp_path / "b.md").read_text("utf-8").startswith("DRAFT: not yet marked final")
    p = run("export", str(out), "-o", str(tmp_path / "notes.txt"))
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "Cannot tell the format of 'notes.txt'" in p.stderr
    assert not (tmp_path / "notes.txt").exists()
    p = run("export", str(out), "-o", str(tmp_path / "notes.txt"), "--format", "markdown", "--final")
    assert p.returncode == 0 and (tmp_path / "notes.txt").read_text("utf-8").startswith("**TLP:AMBER**")
    assert load_brief(out)[0].status == "draft"  # --final marks what is exported, never the .brief
    p = run("export", str(out), "-o", str(tmp_path / "b2.docx"), "--sign", str(tmp_path / "none.p12"))
    assert p.returncode == 1 and "--sign signs a PDF; " in p.stderr and not (tmp_path / "b2.docx").exists()

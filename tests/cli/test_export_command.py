"""`briefing-app export` and `check` as processes: an exported PDF read back in and written out again, byte-identical
output that never imports Qt, the time zone's offset in its dates, and one-line refusals of bad briefs."""

import json
import os
import subprocess
import sys

from briefing_app.core.brief_file import dumps, load_brief, save_brief

from helpers.briefs import LIMIT, TOO_LONG, multi_script_brief, small_brief, written_as_float
from helpers.pdf_helpers import reader
from helpers.pdfa import PLAIN_PDF, pdfa_failures, xmp, xmp_value
from helpers.sample_brief import sample_brief
from helpers.support import SEED, run_cli, venv_bin


def test_command_line_export_is_byte_identical_with_source_date_epoch_and_never_imports_qt(tmp_path):
    brief_path = tmp_path / "b.brief"
    save_brief(multi_script_brief(), brief_path)
    code = (
        "import sys; from briefing_app.__main__ import main; rc = main(sys.argv[1:]);"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))), file=sys.stderr);"
        "sys.exit(rc)"
    )
    outs = []
    for n in (1, 2):
        out = tmp_path / f"b{n}.pdf"
        p = subprocess.run([sys.executable, "-c", code, "export", str(brief_path), "-o", str(out)],
                           capture_output=True, text=True, timeout=120,
                           env={**os.environ, "SOURCE_DATE_EPOCH": "1730160000"})  # fmt: skip
        assert p.returncode == 0, p.stderr
        assert p.stdout.startswith("Exported 1 page(s) to") or p.stdout.startswith("Exported 2 page(s) to")
        assert p.stderr.strip() == "[]"
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_command_line_export_errors(tmp_path):
    p = subprocess.run([venv_bin("briefing-app"), "export", str(SEED), "-o", str(tmp_path / "x.pdf")],
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.returncode == 1 and "not a valid brief file" in p.stderr and "Traceback" not in p.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_check_and_export_take_a_pdf_with_its_brief_and_refuse_one_without(sample, tmp_path):
    brief, data = sample
    pdf = tmp_path / "from-window.pdf"
    pdf.write_bytes(data)
    p = run_cli("check", str(pdf))
    assert p.returncode == 0 and p.stdout.startswith(f"{pdf}: OK (1 source(s), 3 key fact(s)")
    again = tmp_path / "again.pdf"
    p = run_cli("export", str(pdf), "-o", str(again))
    assert p.returncode == 0 and p.stdout == f"Exported 1 page(s) to {again}\n"
    assert load_brief(again)[0] == brief and pdfa_failures(again.read_bytes()) == []
    for command in (["check", str(PLAIN_PDF)], ["export", str(PLAIN_PDF), "-o", str(tmp_path / "x.pdf")]):
        p = run_cli(*command)
        assert (p.returncode, p.stdout) == (1, "")
        assert p.stderr == f"briefing-app: {PLAIN_PDF} is a PDF without an embedded brief\n"
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[:2000])
    p = run_cli("check", str(broken))
    assert p.returncode == 1 and p.stderr.count("\n") == 1 and "Traceback" not in p.stderr


def test_a_half_hour_time_zone_is_dated_exactly(tmp_path):
    """ReportLab's own dates drop the minutes of an offset (+05'00' in India): the export writes its own."""
    brief = tmp_path / "b.brief"
    save_brief(sample_brief(), brief)
    out = tmp_path / "india.pdf"
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["TZ"] = "IST-5:30"  # India, written the POSIX way: needs no time-zone database
    p = subprocess.run([venv_bin("briefing-app"), "export", str(brief), "-o", str(out)], env=env,
                       capture_output=True, text=True, timeout=120)  # fmt: skip
    assert p.returncode == 0, p.stderr
    data = out.read_bytes()
    assert reader(data).metadata["/CreationDate"].endswith("+05'30'")
    assert xmp_value(xmp(data), "xmp:CreateDate").endswith("+05:30")


def test_check_and_export_refuse_numbers_written_with_a_decimal_point(tmp_path):
    """`check` and `export` on "start": 26.0 said "internal error: TypeError"; on "paragraph": 1.0 both passed
    and the PDF cited "¶1.0". Now each exits 1 with one line naming the place, and writes no PDF."""
    import subprocess

    from helpers.support import venv_bin

    for place in (("key_facts", 0, "start"), ("expert_assessments", 0, "paragraph")):
        path = tmp_path / "floats.brief"
        path.write_text(json.dumps(written_as_float(place)), "utf-8")
        expected = f"{place[0]}[0].{place[2]}: must be a whole number written without a decimal point"
        for command in (["check", str(path)], ["export", str(path), "-o", str(tmp_path / "out.pdf")]):
            p = subprocess.run([venv_bin("briefing-app"), *command], capture_output=True, text=True, timeout=60)
            assert p.returncode == 1, (command, p.stdout, p.stderr)
            assert expected in p.stdout + p.stderr and "internal error" not in p.stderr, (command, p.stderr)
        assert not (tmp_path / "out.pdf").exists()


def test_the_command_line_refuses_a_longer_comment_and_a_file_holding_one(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Grain talks\n\nDelegations met on Tuesday.\n", "utf-8")
    out = tmp_path / "a.brief"
    p = subprocess.run([venv_bin("briefing-app"), "new", str(article), "-o", str(out), "--comment", TOO_LONG],
                       capture_output=True, text=True, timeout=60)  # fmt: skip
    assert p.returncode == 1 and p.stderr == f"briefing-app: the comment is too long: {LIMIT}\n"
    assert not out.exists()
    data = json.loads(dumps(small_brief()))
    data["key_facts"][0]["note"] = "n" * 1_000_000
    out.write_text(json.dumps(data), "utf-8")
    for command in (["check", str(out)], ["export", str(out), "-o", str(tmp_path / "a.pdf")]):
        p = subprocess.run([venv_bin("briefing-app"), *command], capture_output=True, text=True, timeout=60)
        assert p.returncode == 1 and "key_facts[0].note: must be at most 100,000 characters" in p.stdout + p.stderr
    assert not (tmp_path / "a.pdf").exists()

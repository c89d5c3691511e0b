"""The README's two commands are the ones the project really runs, and the benchmarks still run."""

import importlib.util
import re
import subprocess
import sys

import pytest

from helpers.support import ROOT, venv_bin


def readme_commands() -> dict[str, str]:
    table = (ROOT / "README.md").read_text(encoding="utf-8").split("## Two commands", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (.+?) \| `(.+?)` \|$", table, flags=re.M)
    return {what: cmd for what, cmd in rows}


def test_readme_has_exactly_two_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert len(commands) == 2
    run_cmd = next(c for w, c in commands.items() if "open the app" in w)
    test_cmd = next(c for w, c in commands.items() if "test suite" in w)
    assert run_cmd.endswith(".venv/bin/briefing-app")
    ci_lines = [ln for ln in (ROOT / ".ci" / "run").read_text().splitlines() if ln and not ln.startswith("#")]
    assert ci_lines[-1] == test_cmd


def test_setup_is_a_no_op_when_everything_is_in_place():
    """Second run: nothing to install, so it prints nothing and succeeds quickly."""
    p = subprocess.run(["bash", str(ROOT / ".ci" / "setup"), "--test"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout == ""


def load_bench(name: str):
    bench_dir = str(ROOT / "tests" / "bench")
    if bench_dir not in sys.path:  # as when a benchmark runs as a script: its folder is importable
        sys.path.insert(0, bench_dir)
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_startup_benchmark_runs_and_reports(capsys):
    result = load_bench("bench_startup").main(["--runs", "1"])
    assert result["app_s"] > 0 and result["bare_qt_s"] > 0
    assert "start-up to first paint" in capsys.readouterr().out


def test_code_is_lint_clean():
    p = subprocess.run([venv_bin("ruff"), "check", str(ROOT)], capture_output=True, text=True)
    assert p.returncode == 0, p.stdout


def test_brief_io_benchmark_runs_and_reports(capsys):
    result = load_bench("bench_brief_io").main(["--items", "50", "--megabytes", "0.05", "--runs", "1"])
    assert result["save_s"] > 0 and result["load_s"] > 0
    assert "brief with 50 items" in capsys.readouterr().out


def test_loader_benchmark_runs_and_reports(capsys):
    result = load_bench("bench_loaders").main(["--megabytes", "0.2", "--pages", "3", "--runs", "1"])
    assert result["pages"] >= 3 and result["progress_calls"] == result["pages"]
    assert "page PDF" in capsys.readouterr().out


def test_export_benchmark_runs_and_reports(capsys):
    rows = load_bench("bench_export").main(["--sizes", "3", "--runs", "1"])
    assert rows[0]["ratio"] > 0 and rows[0]["proc_ratio"] > 0
    assert "bare ReportLab" in capsys.readouterr().out


def test_window_benchmark_runs_and_reports(capsys, qapp):
    result = load_bench("bench_window").main(["--megabytes", "0.3", "--items", "40", "--runs", "1"])
    assert result["items"] == 41 and result["add_s"] > 0 and result["scroll_max_s"] > 0
    assert "marked" in capsys.readouterr().out


def test_the_readme_python_example_runs(tmp_path):
    readme = (ROOT / "README.md").read_text("utf-8")
    code = re.search(r"From Python \(no Qt needed\):\n\n```python\n(.*?)```", readme, re.S).group(1)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "north-koreans-in-russia.txt").write_bytes(
        (ROOT / "seeds" / "north-koreans-in-russia.txt").read_bytes()
    )
    p = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    checked = subprocess.run([venv_bin("briefing-app"), "check", "troops.brief"], cwd=tmp_path, capture_output=True,
                             text=True, timeout=60)  # fmt: skip
    assert checked.returncode == 0 and "1 key fact(s)" in checked.stdout


def test_suggest_benchmark_runs_and_reports(capsys):
    rows = load_bench("bench_suggest").main(["--megabytes", "0.05", "0.1", "--runs", "1"])
    assert rows[0]["engine_s"] > 0 and rows[1]["suggestions"] > rows[0]["suggestions"]
    assert "growth" in capsys.readouterr().out


def test_suggest_window_benchmark_runs_and_reports(capsys, qapp):
    result = load_bench("bench_suggest_window").main(["--megabytes", "0.1"])
    assert result["suggestions"] > 0 and result["max_gap_s"] > 0 and result["idle_max_gap_s"] > 0
    assert "longest gap" in capsys.readouterr().out

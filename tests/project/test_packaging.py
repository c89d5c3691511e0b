"""A regular (non-editable) wheel works outside the checkout: entry points, resources, the seed article.

The wheel is built and installed without a network: built with the build tools already in the test
environment, installed with --no-deps into a fresh venv whose dependencies are borrowed from the test
environment through a .pth file (appended after the venv's own site-packages, so the wheel's
briefing_app is the one imported, never the checkout's).
"""

import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from briefing_app import __version__

from helpers.support import PROBE, ROOT, SEED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    # from a clean copy: setuptools keeps build/ and *.egg-info in the checkout between builds, and a
    # file left there from an earlier build would hide one that pyproject.toml no longer ships
    source = tmp / "source"
    leftovers = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis")
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*leftovers))
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(tmp / "dist"),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = (tmp / "dist").glob("briefing_app-*.whl")
    env_dir = tmp / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    # A wheel is a zip: unpack it as pip would, without needing pip or the network.
    subprocess.run([sys.executable, "-m", "zipfile", "-e", str(wheel), str(site)], check=True)
    (site / "zz_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _write_console_script(env_dir, site)
    return env_dir


def _write_console_script(env_dir: Path, site: Path) -> None:
    """The `briefing-app` launcher that pip would generate from the wheel's entry_points.txt."""
    (dist_info,) = site.glob("briefing_app-*.dist-info")
    assert "briefing-app = briefing_app.__main__:main" in (dist_info / "entry_points.txt").read_text()
    script = env_dir / "bin" / "briefing-app"
    script.write_text(
        f"#!{env_dir / 'bin' / 'python'}\nimport sys\nfrom briefing_app.__main__ import main\nsys.exit(main())\n"
    )
    script.chmod(0o755)


def run_in(env_dir, *args, cwd):
    return subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env={"PATH": f"{env_dir}/bin:/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"},
    )


def test_wheel_ships_resources_and_seed_and_imports_from_itself(wheel_venv, tmp_path):
    code = (
        "import briefing_app, json; from briefing_app.seeds import seed_article;"
        "from briefing_app.resources import resource;"
        "print(json.dumps([briefing_app.__file__, str(seed_article()), seed_article().read_text('utf-8'),"
        "str(resource('icons/briefing-app.svg')), resource('icons/briefing-app.svg').is_file()]))"
    )
    p = run_in(wheel_venv, wheel_venv / "bin" / "python", "-c", code, cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    pkg, seed_path, seed_text, schema_path, schema_exists = json.loads(p.stdout)
    assert pkg.startswith(str(wheel_venv)) and seed_path.startswith(str(wheel_venv))
    assert schema_path.startswith(str(wheel_venv)) and schema_exists
    assert seed_text == SEED.read_text("utf-8")


def test_entry_points_from_the_wheel(wheel_venv, tmp_path):
    version = run_in(wheel_venv, wheel_venv / "bin" / "briefing-app", "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout == f"briefing-app {__version__}\n"
    helped = run_in(wheel_venv, wheel_venv / "bin" / "python", "-m", "briefing_app", "--help", cwd=tmp_path)
    assert helped.returncode == 0 and "usage: briefing-app" in helped.stdout


def test_window_opens_on_the_seed_from_the_wheel(wheel_venv, tmp_path):
    p = run_in(wheel_venv, wheel_venv / "bin" / "python", PROBE, "app", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout.strip().splitlines()[-1])["chars"] == len(SEED.read_text("utf-8"))


def test_suggestions_from_the_wheel_use_the_shipped_public_figures(wheel_venv, tmp_path):
    article = tmp_path / "gaggle.txt"
    article.write_text(
        "Remarks by Vice President Harris\n\nTHE VICE PRESIDENT:  The new rules are a serious risk.\n\n"
        "Q    Why?\n\nTHE VICE PRESIDENT:  Costs will probably double.",
        encoding="utf-8",
    )
    p = run_in(wheel_venv, wheel_venv / "bin" / "briefing-app", "suggest", str(article), "--json", cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    speakers = {s["speaker"] for s in json.loads(p.stdout)["suggestions"] if s["kind"] == "expert_assessment"}
    assert speakers == {"Kamala Harris"}

"""Signing and checking from the command line: `verify` on a signed, an unsigned and a missing file; `export --sign`
with the password from the environment or typed in a terminal, never echoed."""

import os
import pty

from briefing_app.core.brief_file import save_brief
from briefing_app.export import export_pdf
from briefing_app.export.signing import verify_pdf

from helpers.sample_brief import sample_brief
from helpers.signing import PASSWORD, SIGNER, run_cli
from helpers.support import venv_bin


def test_verify_from_the_command_line(signed, tmp_path):
    _, out = signed
    p = run_cli("verify", str(out))
    assert p.returncode == 0 and p.stderr == ""
    assert p.stdout.startswith(f"{out}: intact, signed by {SIGNER} on ")
    unsigned = tmp_path / "unsigned.pdf"
    export_pdf(sample_brief(), unsigned)
    p = run_cli("verify", str(unsigned))
    assert (p.returncode, p.stdout, p.stderr) == (1, "", f"briefing-app: {unsigned} is not signed\n")
    p = run_cli("verify", str(tmp_path / "missing.pdf"))
    assert p.returncode == 1 and p.stderr == f"briefing-app: {tmp_path / 'missing.pdf'} does not exist\n"


def test_export_sign_from_the_command_line(p12, tmp_path):
    brief = tmp_path / "b.brief"
    save_brief(sample_brief(), brief)
    out = tmp_path / "out.pdf"
    p = run_cli("export", str(brief), "-o", str(out), "--sign", str(p12), password=PASSWORD.decode())
    assert p.returncode == 0 and p.stdout == f"Exported 1 page(s) to {out}, signed by {SIGNER}\n"
    assert verify_pdf(out).intact
    for password, message in [("wrong", f"Wrong password for the certificate file {p12}"),
                              (None, f"No password for {p12}: set BRIEFING_APP_SIGN_PASSWORD, or run in a "
                                     "terminal to be asked for it")]:  # fmt: skip
        again = tmp_path / "again.pdf"
        p = run_cli("export", str(brief), "-o", str(again), "--sign", str(p12), password=password)
        assert (p.returncode, p.stdout, p.stderr) == (1, "", f"briefing-app: {message}\n")
        assert not again.exists()
    p = run_cli("export", str(brief), "-o", str(tmp_path / "x.pdf"), "--sign", str(brief), password="x")
    assert p.returncode == 1 and p.stderr == f"briefing-app: {brief} is not a PKCS#12 certificate file (.p12 or .pfx)\n"


def test_the_password_is_asked_for_in_a_terminal(p12, tmp_path):
    brief = tmp_path / "b.brief"
    save_brief(sample_brief(), brief)
    out = tmp_path / "typed.pdf"
    env = {k: v for k, v in os.environ.items() if k != "BRIEFING_APP_SIGN_PASSWORD"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command line, its terminal the pseudo-terminal
        os.execve(venv_bin("briefing-app"), ["briefing-app", "export", str(brief), "-o", str(out), "--sign", str(p12)],
                  env)  # fmt: skip
    seen = b""
    while b"Password for" not in seen:
        seen += os.read(fd, 1024)
    os.write(fd, PASSWORD + b"\n")
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert f"Password for {p12}: ".encode() in seen and PASSWORD not in seen  # not echoed
    assert verify_pdf(out).intact

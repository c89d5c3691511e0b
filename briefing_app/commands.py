"""The sub-commands of the command line (``briefing-app COMMAND ...``), each a parser and a runner.

Each runner imports what it needs when it runs, so that one command never pays for another's
libraries (``export`` never loads Qt, the window never loads ReportLab at start-up).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .core.kinds import ExportFormat, Status

PROG = "briefing-app"

# name -> (one-line help, function adding its arguments, function running it and returning the exit status)
Command = tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
COMMANDS: dict[str, Command] = {}


def command(name: str, help_line: str, add_arguments: Callable[[argparse.ArgumentParser], None]):
    def register(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (help_line, add_arguments, run)
        return run

    return register


def _new_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", metavar="ARTICLE", help="the article to brief (becomes source 1)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.brief", help="the brief file to create")
    p.add_argument("--encoding", default=None, help="the article's text encoding, if not detected right (e.g. cp1252)")
    p.add_argument("--title", default=None, help="the brief's title (default: the article's)")
    p.add_argument("--author", default="", help="the brief's author (printed as 'Prepared by')")
    p.add_argument("--prepared-for", default="", metavar="WHOM", help="who the brief is prepared for")
    p.add_argument("--distribution", default="", help="who else receives the brief")
    p.add_argument("--handling", default=None, help="handling mark, e.g. TLP:GREEN (default TLP:AMBER)")
    p.add_argument("--bluf", default="", metavar="TEXT", help="the bottom line up front")
    p.add_argument("--comment", default="", metavar="TEXT", help="the analyst's comment")
    p.add_argument("--force", action="store_true", help="replace OUT.brief if it exists")
    p.add_argument(
        "--accept-suggestions", action="store_true", help="fill the brief with every suggested key fact and assessment"
    )


@command("new", "create a brief with ARTICLE as its source", _new_arguments)
def run_new(args: argparse.Namespace) -> int:
    from .core.brief_file import save_brief
    from .core.document import Document
    from .core.files import WriteError
    from .core.loaders import load_article

    out = Path(args.output)
    if out.exists() and not args.force:
        raise WriteError(f"{out} already exists; use --force to replace it")
    doc = Document.from_article(load_article(args.article, encoding=args.encoding), author=args.author)
    if args.handling:
        doc.brief.set_field("handling", args.handling)
    fields = {"title": args.title, "prepared_for": args.prepared_for, "distribution": args.distribution,
              "bluf": args.bluf, "comment": args.comment}  # fmt: skip
    for name, value in fields.items():
        if value:
            doc.brief.set_field(name, value)
    accepted = ""
    if args.accept_suggestions:
        from .core.workbench import accept_all

        facts, assessments = accept_all(doc.brief, 1)
        accepted = f" with {facts} key fact(s) and {assessments} expert assessment(s) suggested"
    save_brief(doc.brief, out)
    print(f"{out}: new brief “{doc.brief.title}” on {args.article}{accepted}")
    return 0


def _days(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number of days, 0 or more, not {value!r}")
    return int(value)


def _check_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("brief", metavar="BRIEF", help="the .brief file to check (or a PDF exported with its brief)")
    p.add_argument("--review", action="store_true",
                   help="also review the brief against the analytic standards (advice: exit status 0)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="with --review: print the findings as one JSON object")
    p.add_argument(
        "--stale-days",
        type=_days,
        default=None,
        metavar="N",
        help="with --review: sources published over N days before the brief are stale (default 30)",
    )


@command("check", "validate a brief file: structure, source hashes, every item against its source", _check_arguments)
def run_check(args: argparse.Namespace) -> int:
    from .core.brief_file import BriefFileError, inspect_file

    if not args.review and (args.json or args.stale_days is not None):
        print(f"{PROG} check: --json and --stale-days go with --review", file=sys.stderr)
        return 2
    found, brief = inspect_file(args.brief)
    if found and args.review and args.json:  # stdout is for the JSON alone: the first problem, as opening says it
        more = f" (and {len(found) - 1} more problem(s); run '{PROG} check')" if len(found) > 1 else ""
        raise BriefFileError(f"{args.brief}: {found[0]}{more}")
    if found:
        for problem in found:
            print(f"{args.brief}: {problem}")
        print(f"{PROG}: {args.brief} has {len(found)} problem(s)", file=sys.stderr)
        return 1
    counts = ", ".join(
        [f"{len(brief.sources)} source(s)", f"{len(brief.key_facts)} key fact(s)",
         f"{len(brief.expert_assessments)} expert assessment(s)"]
    )  # fmt: skip
    if not args.json:
        print(f"{args.brief}: OK ({counts}; every source hash and item span verified)")
    if args.review:
        _print_review(args, brief)
    return 0


def _print_review(args: argparse.Namespace, brief) -> None:
    """The review's findings: one line each and a count, or one JSON object. Advice: they never fail the check."""
    import json

    from .core.review import DEFAULT_STALE_DAYS, place, review

    findings = review(brief, stale_days=DEFAULT_STALE_DAYS if args.stale_days is None else args.stale_days)
    if args.json:
        json.dump({"findings": [f.as_json() for f in findings]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    for f in findings:
        print(f"{args.brief}: [{f.rule}] {place(brief, f.item)}: {f.message}")
    print(f"{args.brief}: {review_count(len(findings))}")


def review_count(n: int) -> str:
    return f"{n} review finding{'' if n == 1 else 's'}" if n else "no review findings"


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("brief", metavar="BRIEF", help="the .brief file to render (or a PDF exported with its brief)")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf",
                   help="the file to write, replaced if it exists: OUT.pdf, OUT.docx or OUT.md (the extension says "
                        "the format)")  # fmt: skip
    p.add_argument("--format", choices=[f.value for f in ExportFormat], default=None,
                   help="the format, whatever OUT's extension")  # fmt: skip
    p.add_argument("--page-size", choices=("a4", "letter"), default="a4", help="paper size (default a4)")
    p.add_argument("--final", action="store_true",
                   help="mark the brief final first (no DRAFT mark); BRIEF itself is not changed")  # fmt: skip
    p.add_argument("--sign", metavar="CERT.p12", type=Path, default=None,
                   help=f"sign the PDF with this PKCS#12 certificate (password from {SIGN_PASSWORD_VARIABLE} "
                        "or asked for)")  # fmt: skip


SIGN_PASSWORD_VARIABLE = "BRIEFING_APP_SIGN_PASSWORD"


def sign_password(p12: Path) -> bytes:
    """The password of the certificate file ``p12``: from the environment, else asked for in the terminal."""
    import os

    from .export import ExportError

    if SIGN_PASSWORD_VARIABLE in os.environ:
        return os.environ[SIGN_PASSWORD_VARIABLE].encode("utf-8")
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Password for {p12}: ").encode("utf-8")
    raise ExportError(f"No password for {p12}: set {SIGN_PASSWORD_VARIABLE}, or run in a terminal to be asked for it")


@command(
    "export", "render a brief to an archival PDF (PDF/A-3u, the brief inside), Word or Markdown", _export_arguments
)
def run_export(args: argparse.Namespace) -> int:
    from .core.brief_file import load_brief
    from .export import ExportError, export_brief, format_for

    brief, _ = load_brief(args.brief)
    chosen = format_for(args.output, args.format)  # before the password: a wrong name costs no typing
    if args.final:
        brief.set_field("status", Status.FINAL)
    key = None
    if args.sign is not None:  # the certificate is opened first: a wrong password costs no rendering
        from .export.signing import open_certificate

        if chosen.name != ExportFormat.PDF:
            raise ExportError(f"--sign signs a PDF; {args.output} is to be a {chosen.label}")
        key = open_certificate(args.sign, sign_password(args.sign))
    result = export_brief(brief, args.output, fmt=chosen.name, page_size=args.page_size, sign=key)
    signed = f", signed by {key.name}" if key else ""
    pages = f"{result.pages} page(s)" if result.pages is not None else f"a {chosen.label}"
    print(f"Exported {pages} to {result.path}{signed}")
    from .core.review import review

    # run here, after the PDF: a forked child reviewing meanwhile cost 0.29 s more CPU than it saved at 2,000
    # items (copy-on-write of the parent's pages) and no time on the clock
    findings = review(brief)
    if findings:  # advice, never a lock: the file is made all the same
        print(f"{PROG}: Warning: exported with {review_count(len(findings))}; "
              f"'{PROG} check --review {args.brief}' lists them", file=sys.stderr)  # fmt: skip
    return 0


def _verify_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("pdf", metavar="PDF", help="the signed PDF to check")


@command("verify", "check a signed PDF: intact or altered since it was signed, and by whom", _verify_arguments)
def run_verify(args: argparse.Namespace) -> int:
    from .export import ExportError
    from .export.signing import verify_pdf

    verdict = verify_pdf(args.pdf)
    if not verdict.intact:  # unsigned or altered: the contract's one line on stderr, exit 1
        raise ExportError(verdict.line())
    print(verdict.line())
    return 0


def _suggest_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", metavar="ARTICLE", help="the article to read (text, HTML, PDF or Word)")
    p.add_argument("--json", action="store_true", help="print one JSON object (the format in the README)")
    p.add_argument("--encoding", default=None, help="the article's text encoding, if not detected right")


@command("suggest", "propose key facts, expert assessments and rhetoric to flag in ARTICLE", _suggest_arguments)
def run_suggest(args: argparse.Namespace) -> int:
    import json

    from .core.loaders import load_article
    from .core.suggest import suggest

    article = load_article(args.article, encoding=args.encoding)
    found = suggest(article.text, article.title_line)
    if args.json:
        out = {
            "article": {"title": article.title, "chars": len(article.text)},
            "suggestions": [s.as_json() for s in found],
        }
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for s in found:
        who = f" — {s.speaker}" + (f", {s.affiliation}" if s.affiliation else "") if s.speaker else ""
        group = f" [{s.group}]" if s.group else ""
        print(f"{s.kind.word:<10} {s.confidence:.2f} ¶{article.paragraph_at(s.start)}{group}  {s.text}{who}")
    return 0

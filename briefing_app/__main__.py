"""The command line of briefing-app: no sub-command opens the window, the others work in a batch.

Contract (see DESIGN.md): exit 0 on success, 2 on a usage error, 1 on any other failure with one
clear line on stderr and no traceback. Heavy modules (Qt, ReportLab) are imported only by the
command that needs them, so the batch commands never load Qt and the window starts quickly.

Each command is logged (:mod:`briefing_app.core.logs`: its name, the files it names by their names alone,
its exit status and time) with its failure: a BriefingError's message (what it quotes left out), an
unexpected error with its traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence

from . import __version__
from .commands import COMMANDS, PROG

log = logging.getLogger("briefing_app.cli")
FILE_ARGUMENTS = ("article", "brief", "pdf", "output", "sign")  # what the commands call the files they take


def _top_parser() -> argparse.ArgumentParser:
    lines = "\n".join(f"  {PROG} {name:<8} {help_line}" for name, (help_line, _, _) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Turn an article into a structured, cited brief and export it to PDF, fully offline.",
        epilog=f"commands (each has its own --help):\n{lines}" if lines else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "path", nargs="?", metavar="PATH", help="article or .brief file to open (default: the bundled sample)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    args_in = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_in and args_in[0] in COMMANDS:
            help_line, add_arguments, run = COMMANDS[args_in[0]]
            parser = argparse.ArgumentParser(prog=f"{PROG} {args_in[0]}", description=help_line)
            add_arguments(parser)
            args = parser.parse_args(args_in[1:])
            return _logged(args_in[0], args, run)
        args = _top_parser().parse_args(args_in)
        return _open_window(args.path)
    except SystemExit as e:  # argparse: --help/--version exit 0, usage errors exit 2
        return e.code if isinstance(e.code, int) else 2
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # the contract: one line, no traceback
        return fail(e)


def _logged(name: str, args: argparse.Namespace, run) -> int:
    """Run the command ``name`` and log it: the files it names (by their names), its exit status and time."""
    from .core.logs import file_name, setup_logging

    setup_logging()
    files = [f"{key}={file_name(getattr(args, key))}" for key in FILE_ARGUMENTS if getattr(args, key, None)]
    log.info("%s %s", name, " ".join(files))
    began = time.perf_counter()
    status = run(args)
    log.info("%s: exit %d in %.2f s", name, status, time.perf_counter() - began)
    return status


def fail(e: BaseException) -> int:
    from .core.errors import BriefingError
    from .core.logs import scrub, traceback_text

    if isinstance(e, BriefingError):
        msg = str(e)
        log.warning("Failed: %s", scrub(msg))
    elif isinstance(e, OSError):
        msg = f"{e.filename + ': ' if e.filename else ''}{e.strerror or e}"
        log.warning("Failed: %s", scrub(msg))
    else:
        log.error("Unexpected error:\n%s", traceback_text(e))
        if os.environ.get("BRIEFING_APP_DEBUG"):
            raise e
        msg = f"internal error: {type(e).__name__}: {e} (set BRIEFING_APP_DEBUG=1 to see where)"
    print(f"{PROG}: {msg}", file=sys.stderr)
    return 1


def _no_display_reason() -> str | None:
    """Why a window cannot be shown here, or None. Checked before Qt loads, since Qt aborts the process."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY", "")
    if not display:
        return "no display found (DISPLAY is not set)"
    if display.startswith(":"):  # a local X server listens on /tmp/.X11-unix/X<n>
        number = display[1:].split(".")[0]
        if number.isdigit() and not os.path.exists(f"/tmp/.X11-unix/X{number}"):
            return f"no display found (no X server at DISPLAY={display})"
    return None


def _open_window(path: str | None) -> int:
    reason = _no_display_reason()
    if reason:
        print(
            f"{PROG}: {reason}; the window needs a desktop session. Without one, use the command line: {PROG} --help",
            file=sys.stderr,
        )
        return 1
    from .gui.app import run

    return run(path)


if __name__ == "__main__":
    sys.exit(main())

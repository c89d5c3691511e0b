"""A window that adds an item, waits for its recovery copy, says so, and then waits to be killed.

usage: python crash_window.py   (prints "autosaved PATH" once the copy is on disk)
Used by the crash-recovery test, which SIGKILLs this process and starts a new window.
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from briefing_app.core.brief import EXPERT_ASSESSMENTS, KEY_FACTS  # noqa: E402
from briefing_app.gui.app import application, open_main_window  # noqa: E402
from briefing_app.gui.undo_commands import AddItem, SetField, UpdateSource  # noqa: E402


def main() -> int:
    app = application()
    window = open_main_window()
    window.autosaver.set_delay(200)
    window.autosaver.saved.connect(lambda path: print(f"autosaved {path}", flush=True))
    brief = window.document.brief
    text = brief.sources[0].text
    fact = "Moscow is reportedly recruiting 30,000 new soldiers each month"
    quote = "Behind the Moscow-Pyongyang agreement"
    window.undo_stack.push(AddItem(brief, KEY_FACTS, 1, text.index(fact), text.index(fact) + len(fact)))
    start = text.index(quote)
    window.undo_stack.push(
        AddItem(brief, EXPERT_ASSESSMENTS, 1, start, start + len(quote), speaker="Barthélémy Courmont")
    )
    window.undo_stack.push(SetField(brief, "bluf", "Killed before saving."))
    window.undo_stack.push(UpdateSource(brief, 1, publisher="Le Monde diplomatique", published="2024-11-02"))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

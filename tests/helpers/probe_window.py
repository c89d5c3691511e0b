"""Start a window, wait until it is first painted, print one JSON line about it, and quit.

usage: python probe_window.py app [ARGS...]   briefing-app's real entry point, main(ARGS)
       python probe_window.py bare TEXTFILE   a bare QPlainTextEdit showing TEXTFILE (the baseline)

Used by the start-up test and by tests/bench/bench_startup.py; the caller times the whole process.
An application-wide event filter notices the first paint, so the app itself carries no test hook. It is
installed as the window is shown, in both modes: every event Qt sends while a window is built would cross
into Python to reach it, which cost the app's window (hundreds of widgets) about 20 ms and the bare one little.
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit  # noqa: E402


class FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.seen = False

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, self.report)  # after this paint (and its siblings') has finished
        return False

    def report(self) -> None:
        window = self.app.activeWindow() or next(w for w in self.app.topLevelWidgets() if w.isVisible())
        edits = window.findChildren(QPlainTextEdit) if not isinstance(window, QPlainTextEdit) else [window]
        print(
            json.dumps(
                {
                    "title": window.windowTitle(),
                    # the article view: the text pane holding the most text (form fields hold little)
                    "chars": max(len(e.toPlainText()) for e in edits) if edits else None,
                    "platform": self.app.platformName(),
                }
            ),
            flush=True,
        )
        self.app.exit(0)


def main() -> int:
    mode, args = sys.argv[1], sys.argv[2:]
    app = QApplication(sys.argv[:1])
    probe = FirstPaint(app)
    if mode == "bare":
        with open(args[0], encoding="utf-8") as f:
            edit = QPlainTextEdit()
            edit.setPlainText(f.read())
        edit.setWindowTitle("bare")
        edit.resize(1100, 760)
        app.installEventFilter(probe)
        edit.show()
        return app.exec()
    from briefing_app.__main__ import main as app_main
    from briefing_app.gui.main_window import MainWindow

    def show(window: MainWindow) -> None:
        app.installEventFilter(probe)
        QMainWindow.show(window)

    MainWindow.show = show  # type: ignore[method-assign]
    return app_main(args)  # reuses the QApplication made above and runs its event loop


if __name__ == "__main__":
    sys.exit(main())

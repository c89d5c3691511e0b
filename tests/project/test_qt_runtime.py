"""The Qt binding itself behaves: a guard against known PySide6 defects that would take the app down."""

import sys
import threading

from PySide6.QtCore import QObject, Signal, Slot


class Receiver(QObject):
    def __init__(self):
        super().__init__()
        self.count = 0

    @Slot(int)
    def got(self, value):
        self.count += 1


class Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_does_not_leak_references_to_true(qapp):
    """PySide6 6.12.0's emit() drops a reference to True per call: on Python 3.11 the interpreter aborts
    after a few hundred signals. Thousands of emits, on the GUI thread and from a worker, must leave
    the reference count of True where it was."""
    receiver, emitter = Receiver(), Emitter()
    emitter.fired.connect(receiver.got)
    before = sys.getrefcount(True)
    for i in range(1500):
        emitter.fired.emit(i)
    worker = threading.Thread(target=lambda: [emitter.fired.emit(i) for i in range(1500)])
    worker.start()
    worker.join()
    qapp.processEvents()
    assert receiver.count == 3000
    assert sys.getrefcount(True) >= before - 50

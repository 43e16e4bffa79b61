"""Long work off the GUI thread: a function run in a :class:`QtCore.QThread`, with progress, cancel and its outcome.

The core's long operations take ``progress(done, total)`` and ``cancelled()`` callbacks and know nothing of threads
(:mod:`models.jobs`); :class:`Task` adapts them. The function runs on the worker thread and never touches a widget; its
signals are emitted there and delivered, queued, to slots on the GUI thread.

The outcome follows the core's one cancellation contract: a job that raises :class:`~models.jobs.Cancelled` was
cancelled; a job that returns did its work, even if a cancel came too late to stop it; a job that fails failed, even
after a cancel request (an error is never hidden as a cancel). A :class:`~models.errors.TthcError` arrives as its one
sentence; any other exception as a generic sentence (and the traceback in the log), never as a crash.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from models.errors import TthcError
from models.jobs import CancelCheck, Cancelled, Progress
from workbench.qt import QtCore, Signal, translate

log = logging.getLogger(__name__)

Job = Callable[[Progress, CancelCheck], Any]


class Task(QtCore.QThread):
    """Run ``job(progress, cancelled)`` once on a thread of its own.

    Signals (received on the GUI thread): ``progressed(done, total)``; then exactly one of ``succeeded(result)``
    (the job returned), ``failed(sentence)`` (it raised an error) or ``was_cancelled()`` (it raised
    :class:`~models.jobs.Cancelled`), whether or not a cancel was asked meanwhile.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    was_cancelled = Signal()

    def __init__(self, job: Job, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = threading.Event()
        self._connections: list[tuple[Any, Callable[..., Any]]] = []

    def cancel(self) -> None:
        """Ask the job to stop at its next check (it then raises Cancelled: the task ends with ``was_cancelled``)."""
        self._cancel.set()

    def run(self) -> None:  # on the worker thread
        try:
            result = self._job(self.progressed.emit, self._cancel.is_set)
        except Cancelled:
            self.was_cancelled.emit()
            return
        except TthcError as error:
            self.failed.emit(str(error))
            return
        except Exception:
            log.exception("background task failed")
            self.failed.emit(
                translate("Task", "The operation failed unexpectedly; the details are in the log.")
            )
            return
        self.succeeded.emit(result)

    def stop(self) -> None:
        """Cancel and wait for the thread to end (before what it reads is closed)."""
        self.cancel()
        self.wait()

    def connect_outcome(self, **slots: Callable[..., Any]) -> None:
        """Connect slots to the signals named like them (``progressed=…, succeeded=…, finished=…``), remembered
        so that :meth:`abandon` can disconnect them."""
        self._connections = [(getattr(self, name), slot) for name, slot in slots.items()]
        for signal, slot in self._connections:
            signal.connect(slot)

    def abandon(self) -> None:
        """Drop the outcome: disconnect what :meth:`connect_outcome` connected, stop, and delete the task later."""
        for signal, slot in self._connections:
            signal.disconnect(slot)
        self.stop()
        self.deleteLater()

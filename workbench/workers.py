"""Long work off the GUI thread: a function run in a :class:`QtCore.QThread`, with progress, cancel and its outcome.

The core's long operations take ``progress(done, total)`` and ``cancelled()`` callbacks and know nothing of threads
(:func:`catalog.pipeline.analysis.analyze`); :class:`Task` adapts them. The function runs on the worker thread and never
touches a widget; its signals are emitted there and delivered, queued, to slots on the GUI thread. A
:class:`~models.errors.TthcError` arrives as its one sentence; any other exception as a generic sentence (and the
traceback in the log), never as a crash.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from models.errors import TthcError
from workbench.qt import QtCore, Signal, translate

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]


class Task(QtCore.QThread):
    """Run ``job(progress, cancelled)`` once on a thread of its own.

    Signals (received on the GUI thread): ``progressed(done, total)``; then exactly one of ``succeeded(result)``,
    ``failed(sentence)`` or ``was_cancelled()``. A job that returns although a cancel was asked ends with
    ``was_cancelled``, unless ``kept_when_done``: its return means its work is kept (an import has committed), so
    a cancel asked too late to stop it ends with ``succeeded`` and the user is told what was done.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    was_cancelled = Signal()

    def __init__(
        self, job: Job, parent: QtCore.QObject | None = None, *, kept_when_done: bool = False
    ) -> None:
        super().__init__(parent)
        self._job = job
        self._kept_when_done = kept_when_done
        self._cancel = threading.Event()
        self._connections: list[tuple[Any, Callable[..., Any]]] = []

    def cancel(self) -> None:
        """Ask the job to stop at its next check; the task then ends with ``was_cancelled``."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:  # on the worker thread
        try:
            result = self._job(self.progressed.emit, self._cancel.is_set)
        except TthcError as error:
            self.failed.emit(str(error))
            return
        except Exception:
            log.exception("background task failed")
            self.failed.emit(
                translate("Task", "The operation failed unexpectedly; the details are in the log.")
            )
            return
        if self._cancel.is_set() and not self._kept_when_done:
            self.was_cancelled.emit()
        else:
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

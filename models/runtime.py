"""Process-wide tuning, done once by whatever starts a process: the cyclic garbage collector.

Loading or analysing a catalog allocates hundreds of thousands of small objects (procedures, items, findings) that
form no reference cycles. CPython's cyclic collector is triggered by allocations, not by garbage, so with its default
thresholds it walks the live objects of a catalog again and again: measured on the shared corpus, about a third of an
analysis. Reference counting frees those objects whatever the collector does; the collector is only there for cycles.

So the collector is tuned once, when a process starts, by the process's entry point and never by the library:
:func:`tune_gc` freezes what start-up made (modules, classes, the vocabulary: never garbage, never walked again) and
raises the thresholds, to a profile:

- :data:`BATCH` (``tthc``, its worker processes, the benchmarks): collections rare enough to cost nothing measurable
  over a national catalog, yet still made, so that memory stays bounded in any long command;
- :data:`INTERACTIVE` (the desktop app): young collections stay small, so that none stalls the window noticeably,
  and older generations are walked seldom. The collector does not start itself: an allocation in a worker thread
  would run the collection in that thread, and a cycle holding a Qt object of the GUI thread would then be
  destroyed in the wrong thread (Qt warns "QBasicTimer::stop: Failed", or the process crashes). The app's main
  thread calls :func:`collect_due` on a timer instead, which collects as CPython would have, in that thread.
"""

from __future__ import annotations

import gc
from typing import Final, Literal

Profile = Literal["batch", "interactive"]
BATCH: Final = "batch"
INTERACTIVE: Final = "interactive"

#: (young, middle, old) thresholds of :func:`gc.set_threshold` for each profile (CPython's own: 700, 10, 10).
THRESHOLDS: Final[dict[str, tuple[int, int, int]]] = {
    BATCH: (100_000, 50, 100),
    INTERACTIVE: (20_000, 20, 20),
}


def tune_gc(profile: Profile) -> None:
    """Tune the cyclic collector for the rest of this process: call once, when start-up is done.

    Measured on the shared corpus's analysis in one process: no collection at all with :data:`BATCH` (as with the
    collector disabled), against about a thousand with CPython's own thresholds, which cost a sixth of its time.
    """
    gc.freeze()
    gc.set_threshold(*THRESHOLDS[profile])
    if profile == INTERACTIVE:
        gc.disable()  # the main thread collects: collect_due
    else:
        gc.enable()  # a worker forked from the app collects for itself


def collect_due() -> int | None:
    """Run the collection CPython would have started by now, if any, in the calling thread (the GUI thread, on a
    timer: see :data:`INTERACTIVE`): the oldest generation whose threshold is passed. Returns the generation
    collected, or None when none was due.

    >>> import gc
    >>> before = gc.get_threshold()
    >>> gc.set_threshold(1, 10, 10)
    >>> _ = [[] for _ in range(5)]
    >>> collect_due() is not None
    True
    >>> gc.set_threshold(*before)
    """
    young, middle, old = gc.get_count()
    limits = gc.get_threshold()
    if young <= limits[0]:
        return None
    # as CPython does: the oldest generation whose count (collections of the one below, for the older ones) passed
    generation = 2 if old > limits[2] else 1 if middle > limits[1] else 0
    gc.collect(generation)
    return generation


def skip_last_collection() -> None:
    """Before a process that held a catalog exits: leave its objects to the end of the process instead of a last
    collection over them (it alone took a tenth of a second)."""
    gc.freeze()

"""What the catalog browser and the dashboard show beyond the summaries, computed for the whole catalog on a worker.

Per procedure: annual compliance cost, full-process online eligibility, the stored findings by grade, the data
sources its findings name, the burden they make removable and whether it has a proposal. For the catalog: the
views of :meth:`catalog.pipeline.analysis.CatalogAnalysis.summary` and what applying the proposals would save.

:func:`catalog_facts_job` runs on a :class:`~workbench.workers.Task` (never on the GUI thread: a national catalog
takes a minute to load and cost); :class:`CatalogFactsLoader` runs one at a time per workspace, shows its progress
in the status bar and hands the result to the views with :attr:`CatalogFactsLoader.loaded`. It starts its thread
from a low-priority event, once the GUI thread has handled the others (the catalog just loaded is laid out and
painted first): the worker, reading and costing procedures in Python, shares the interpreter lock with the GUI
thread and would halve its pace meanwhile.

Before the catalog was analysed (no stored findings), only the costs are known: online eligibility, findings and
data sources stay unknown and are shown as "—".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from catalog.pipeline.analysis import CatalogAnalysis, WorkspaceFinder, analyze
from catalog.pipeline.redesigns import comparisons
from models.cost.calculation import procedure_cost
from models.cost.parameters import CostParameters, load_cost_parameters
from models.enums import FindingGrade
from models.jobs import FIGURES, CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.redesign.comparison import CatalogComparison
from models.registry_settings import workspace_registry
from models.storage.proposals import Proposals
from models.storage.workspace import Workspace
from workbench.analysis_html import format_money
from workbench.qt import QtCore, QtWidgets, Signal
from workbench.workers import Job, Task

#: Procedures loaded between two checks of "cancelled" while reading the catalog.
_CHECK_EVERY = 500
#: The event that starts a requested computation (see :class:`CatalogFactsLoader`).
_BEGIN = QtCore.QEvent.Type(QtCore.QEvent.registerEventType())


#: The grades the catalog's findings column counts, in its order.
SHOWN_GRADES = (FindingGrade.REDUNDANT, FindingGrade.POTENTIALLY_REDUNDANT, FindingGrade.ISSUED_BY_STATE)
UNKNOWN = "—"  # a figure not computed yet


@dataclass(frozen=True, slots=True)
class ProcedureFacts:
    """One procedure's figures for the catalog browser; ``None`` where the catalog has not been analysed.

    The texts and sort key of the table's cells are made here, on the worker: formatting 68,000 amounts on the
    GUI thread would take a tenth of a second.
    """

    annual_cost: float
    online: bool | None = None  # eligible for full-process online handling (no blocks)
    blocks: int = 0
    grades: Mapping[str, int] | None = None  # stored findings by grade
    sources: frozenset[str] = frozenset()  # registry sources its findings name
    removable: float = 0.0  # annual VND of its redundant and potentially redundant items
    redesigned: bool = False  # a proposal with changes in effect
    cost_text: str = field(init=False)
    findings_text: str = field(
        init=False
    )  # "2 · 1 · 0": redundant · potentially redundant · issued by the state
    findings_key: int = field(
        init=False
    )  # sorts by redundant, then potentially redundant, then issued; -1 unknown

    def __post_init__(self) -> None:
        object.__setattr__(self, "cost_text", format_money(self.annual_cost))
        if self.grades is None:
            object.__setattr__(self, "findings_text", UNKNOWN)
            object.__setattr__(self, "findings_key", -1)
            return
        counts = [self.grades.get(grade, 0) for grade in SHOWN_GRADES]
        object.__setattr__(self, "findings_text", " · ".join(map(str, counts)))
        object.__setattr__(self, "findings_key", sum(n * 1_000_000 ** (2 - i) for i, n in enumerate(counts)))


@dataclass(slots=True)
class CatalogFacts:
    """The whole catalog's figures: per procedure, and the catalog views when it was analysed."""

    by_code: dict[str, ProcedureFacts] = field(default_factory=dict)
    analysed: bool = False
    summary: dict[str, Any] | None = None  # CatalogAnalysis.summary()
    demanded_codes: list[frozenset[str]] = field(
        default_factory=list
    )  # per summary["most_demanded_documents"]
    comparison: CatalogComparison | None = None  # the redesigned procedures, as-is against their proposals
    source_names: dict[str, str] = field(default_factory=dict)


def catalog_facts_job(
    workspace: Workspace, analysis: CatalogAnalysis | None = None, finder: WorkspaceFinder | None = None
) -> Job:
    """Compute :class:`CatalogFacts` for ``workspace`` (reusing ``analysis`` when one was just made).

    The findings shown are those stored by the last catalog analysis; when there are some, the analysis is run
    again (not stored) for what the store does not keep: online blocks, data sources and the catalog views. It
    uses ``finder`` (the workbench's :class:`~workbench.services.analysis.AnalysisContext` finder) when given, and
    reads its issuer links first, here on the worker: the procedure views then find them ready.
    """

    def job(progress: Progress, cancelled: CancelCheck) -> CatalogFacts:
        progress(0, 0)
        registry = finder.registry if finder is not None else workspace_registry(workspace)
        current_finder = finder or WorkspaceFinder(workspace, registry)
        if finder is not None:
            finder.results  # noqa: B018  (read on this worker, not on the GUI thread's first click)
        params = load_cost_parameters(workspace)
        counts = workspace.finding_counts()
        redesigned = {info.code for info in Proposals(workspace).infos() if info.changes}
        facts = CatalogFacts(
            analysed=bool(counts) or analysis is not None,
            source_names={source.id: source.name for source in registry},
        )
        current = analysis
        if current is None:
            # Reading is the first half of the progress bar, analysing or costing the second.
            def second_half(done: int, total: int) -> None:
                progress(total + done, 2 * total)

            procedures = _read(workspace, lambda done, total: progress(done, 2 * total), cancelled)
            if facts.analysed:
                current = analyze(
                    procedures,
                    registry,
                    params,
                    finder=current_finder,
                    progress=second_half,
                    cancelled=cancelled,
                )
            else:
                _add_costs(facts, procedures, params, redesigned, second_half, cancelled)
        check_cancelled(cancelled, FIGURES)
        if current is not None:
            _add_analysis(facts, current, counts, redesigned)
        if redesigned:
            facts.comparison = _comparison(
                workspace, sorted(redesigned & set(facts.by_code)), params, cancelled
            )
        return facts

    return job


def _read(workspace: Workspace, progress: Progress, cancelled: CancelCheck) -> list[Procedure]:
    """Every procedure of ``workspace``."""
    total = workspace.count()
    procedures = []
    for procedure in workspace.procedures():
        procedures.append(procedure)
        if len(procedures) % _CHECK_EVERY == 0:
            check_cancelled(cancelled, FIGURES)
            progress(len(procedures), total)
    return procedures


def _add_costs(
    facts: CatalogFacts,
    procedures: list[Procedure],
    params: CostParameters,
    redesigned: set[str],
    progress: Progress,
    cancelled: CancelCheck,
) -> None:
    """The annual cost of each procedure, before any analysis."""
    for done, procedure in enumerate(procedures, start=1):
        cost = procedure_cost(procedure, params)
        facts.by_code[procedure.code] = ProcedureFacts(
            annual_cost=cost.annual_total, redesigned=procedure.code in redesigned
        )
        if done % _CHECK_EVERY == 0:
            check_cancelled(cancelled, FIGURES)
            progress(done, len(procedures))


def _comparison(
    workspace: Workspace, codes: list[str], params: CostParameters, cancelled: CancelCheck
) -> CatalogComparison:
    """The redesigned procedures' as-is against to-be totals."""
    total = CatalogComparison()
    for done, comparison in enumerate(comparisons(workspace, codes, params=params), start=1):
        total.add(comparison)
        if done % _CHECK_EVERY == 0:
            check_cancelled(cancelled, FIGURES)
    return total


def _add_analysis(
    facts: CatalogFacts,
    analysis: CatalogAnalysis,
    counts: Mapping[str, Mapping[str, int]],
    redesigned: set[str],
) -> None:
    for procedure in analysis.procedures:
        code = procedure.procedure.code
        cost = procedure.cost
        facts.by_code[code] = ProcedureFacts(
            annual_cost=cost.annual_total,
            online=not procedure.blocks,
            blocks=len(procedure.blocks),
            grades=dict(counts.get(code, {})),
            sources=frozenset(f.data_source for f in procedure.findings if f.data_source),
            removable=cost.removable_annual + cost.removable_potentially_annual,
            redesigned=code in redesigned,
        )
    tally = analysis.tally()
    facts.summary = tally.result()
    facts.demanded_codes = tally.demanded_codes()


class CatalogFactsLoader(QtCore.QObject):
    """Computes :class:`CatalogFacts` for the open workspace in the background, one computation at a time.

    A new request while one runs stops the running one (its outcome would be stale). Progress is a small bar in
    the status bar; a failure is one sentence in the status bar (the catalog stays usable without the figures).
    A request is started from the event loop after the other pending events (see the module docstring);
    :attr:`running` is true from the request on.
    """

    loaded = Signal(object)  # CatalogFacts

    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.workspace: Workspace | None = None
        self.task: Task | None = None
        self._request: tuple[Workspace, CatalogAnalysis | None, WorkspaceFinder | None] | None = None
        self.progress = QtWidgets.QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)
        self.retranslate()

    def retranslate(self) -> None:
        self.progress.setAccessibleName(self.tr("Progress of the catalog figures"))
        self.progress.setToolTip(self.tr("Computing costs and online eligibility for the whole catalog…"))

    @property
    def running(self) -> bool:
        return self.task is not None or self._request is not None

    def start(
        self,
        workspace: Workspace | None,
        analysis: CatalogAnalysis | None = None,
        finder: WorkspaceFinder | None = None,
    ) -> None:
        """Compute the figures of ``workspace`` (none: stop), reusing a catalog analysis just made and the
        views' ``finder``."""
        self.stop()
        self.workspace = workspace
        if workspace is None:
            return
        self._request = (workspace, analysis, finder)  # not started yet
        self.progress.setRange(0, 0)
        self.progress.show()
        QtCore.QCoreApplication.postEvent(
            self, QtCore.QEvent(_BEGIN), QtCore.Qt.EventPriority.LowEventPriority.value
        )

    def customEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == _BEGIN:
            self._begin()

    def _begin(self) -> None:
        request, self._request = self._request, None
        if request is None:  # stopped, or superseded by a request that began already
            return
        task = Task(catalog_facts_job(*request), self)
        task.connect_outcome(
            progressed=self._progressed,
            succeeded=self._succeeded,
            failed=self._failed,
            finished=self._finished,
        )
        self.task = task
        task.start()

    def stop(self) -> None:
        """Cancel a running computation and wait for it, dropping its outcome."""
        self._request = None
        task, self.task = self.task, None
        if task is not None:
            task.abandon()
        self.progress.hide()

    def _progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _succeeded(self, facts: CatalogFacts) -> None:
        self.loaded.emit(facts)

    def _failed(self, sentence: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("The catalog figures could not be computed: {reason}").format(reason=sentence), 10000
        )

    def _finished(self) -> None:
        task, self.task = self.task, None
        if task is not None:
            task.deleteLater()
        self.progress.hide()

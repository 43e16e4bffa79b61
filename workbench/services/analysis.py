"""Analysing a workspace's procedures: its one finder, one procedure's analysis, the whole catalog's analysis."""

# ``tthc analyze`` and ``tthc report`` run the catalog batch as the core offers it (chunks on every core, findings
# stored in one transaction, the output streamed): :func:`catalog.pipeline.analysis_batch.analyze_catalog`.

from __future__ import annotations

from dataclasses import dataclass

from catalog.pipeline.analysis import CatalogAnalysis, WorkspaceFinder, analyze
from catalog.pipeline.analysis_batch import analyze_catalog
from models.cost.calculation import procedure_cost
from models.cost.parameters import CostParameters, load_cost_parameters
from models.cost.results import CostBreakdown
from models.findings import Finding, OnlineBlock
from models.jobs import ANALYSIS, CancelCheck, Progress, check_cancelled
from models.online import online_blocks
from models.procedure import Procedure
from models.sources import DataSource
from models.storage.workspace import Workspace

#: Procedures whose findings :func:`analyse_and_store` writes in one transaction. One write of a whole catalog is a
#: single long call into the database driver that keeps the GIL, and so the GUI thread, waiting (about 0.2 s for
#: 2,000 procedures); writes of this size keep each wait to a few milliseconds. Each procedure's findings still land
#: whole.
STORE_CHUNK = 200

__all__ = ["STORE_CHUNK", "AnalysisContext", "ShownAnalysis", "analyse_and_store", "analyze_catalog"]


@dataclass(frozen=True, slots=True)
class ShownAnalysis:
    """One procedure's analysis as the shells show it (its published version): findings, online blocks, cost."""

    findings: list[Finding]
    blocks: list[OnlineBlock]
    cost: CostBreakdown
    params: CostParameters
    stored: bool  # the findings of the last stored analysis, not computed for this procedure alone

    def finding(self, index: int) -> Finding | None:
        """The finding of item ``index`` (0-based), if there is one."""
        return next((f for f in self.findings if f.item_index == index), None)


class AnalysisContext:
    """What analysing procedures of ``workspace`` needs, read once: its registry settings, its cost parameters and
    its one :class:`~catalog.pipeline.analysis.WorkspaceFinder` (the command line's, with issuer links across the
    whole catalog). Read it again after the settings change; call :meth:`catalog_changed` after an import.

    >>> context = AnalysisContext(Workspace.open("w.sqlite"))                      # doctest: +SKIP
    >>> context.analyse(context.workspace.get("1.001193")).findings[0].grade       # doctest: +SKIP
    """

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.finder = WorkspaceFinder(workspace)
        self.registry: list[DataSource] = self.finder.registry
        self.params = load_cost_parameters(workspace)
        self.source_names = {source.id: source.name for source in self.registry}

    def findings(self, procedure: Procedure) -> list[Finding]:
        """Fresh findings for ``procedure`` (a published or a to-be version), as the analysis would store them."""
        return self.finder(procedure)

    def analyse(self, procedure: Procedure) -> ShownAnalysis:
        """Findings, online blocks and cost of ``procedure``: the findings the last catalog analysis stored, or, for
        a procedure never analysed, the finder's (a few milliseconds; not stored until acted on: :meth:`store`)."""
        findings = self.workspace.findings(procedure.code)
        stored = bool(findings)
        if not findings and procedure.items:
            findings = self.finder(procedure)
        return ShownAnalysis(
            findings=findings,
            blocks=online_blocks(procedure),
            cost=procedure_cost(procedure, self.params, findings),
            params=self.params,
            stored=stored,
        )

    def store(self, code: str, findings: list[Finding]) -> None:
        """Keep these findings as the procedure's analysis (as ``tthc redesign --apply-suggestions`` does)."""
        self.workspace.replace_findings({code: findings})

    def catalog_changed(self) -> None:
        """Procedures were imported: issuer links are read from the catalog again when next needed."""
        self.finder.forget_results()


def analyse_and_store(
    workspace: Workspace,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    store_chunk: int = STORE_CHUNK,
) -> CatalogAnalysis:
    """Analyse every procedure of ``workspace`` in this process and store the findings (the workbench's "analyse
    the whole catalog"). When ``cancelled`` says so before the findings are written, :class:`~models.jobs.Cancelled`
    is raised and nothing is stored; once they are being written, the analysis is done.

    The same findings as ``tthc analyze`` (:func:`analyze_catalog`): the same :class:`WorkspaceFinder`. Kept in
    memory (the catalog figures reuse it) and written ``store_chunk`` procedures per transaction.
    """
    if progress is not None:
        progress(0, 0)  # reading the catalog: no count yet
    procedures = list(workspace.procedures())
    check_cancelled(cancelled, ANALYSIS)
    finder = WorkspaceFinder(workspace)
    analysis = analyze(
        procedures,
        finder.registry,
        load_cost_parameters(workspace),
        finder=finder,
        progress=progress,
        cancelled=cancelled,
    )
    check_cancelled(cancelled, ANALYSIS)
    findings = {a.procedure.code: a.findings for a in analysis.procedures}
    codes = list(findings)
    for start in range(0, len(codes), store_chunk):
        workspace.replace_findings({code: findings[code] for code in codes[start : start + store_chunk]})
    return analysis

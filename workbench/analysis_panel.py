"""The analysis in the GUI: one procedure's findings on demand, the whole catalog's on a worker, and the side panel.

- :class:`AnalysisContext` reads a workspace's registry and cost parameters once and gives the analysis of one
  procedure: the findings the last catalog analysis stored, or, for a procedure never analysed, the finder's
  findings for it alone (a few milliseconds; not stored until the user acts on them).
- :func:`catalog_analysis_job` analyses and stores the whole catalog; it runs on a :class:`~workbench.workers.Task`
  with progress and cancel (a cancelled analysis stores nothing).
- :class:`FindingPanel` shows one item's finding: grade, explanation, legal basis, data source, fallback.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from catalog.finder.grading import find
from catalog.finder.matcher import Matcher
from catalog.pipeline.analysis import CatalogAnalysis, analyze
from models.cost import load_cost_parameters, procedure_cost
from models.findings import Finding
from models.online import online_blocks
from models.procedure import Procedure
from models.registry_settings import workspace_registry
from models.sources import DataSource
from models.workspace import Workspace
from workbench.analysis_html import ShownAnalysis, esc, finding_html
from workbench.procedure_view import STYLE_SHEET
from workbench.qt import QtCore, QtWidgets
from workbench.workers import Cancelled, Job, Progress


class AnalysisContext:
    """What analysing one procedure of ``workspace`` needs, read once: registry, matcher, cost parameters."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.registry: list[DataSource] = workspace_registry(workspace)
        self.params = load_cost_parameters(workspace)
        self.source_names = {source.id: source.name for source in self.registry}
        self._matcher: Matcher | None = None

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:  # built on first use, then kept
            self._matcher = _matcher(tuple(self.registry))
        return self._matcher

    def analyse(self, procedure: Procedure) -> ShownAnalysis:
        """Findings (stored, else computed for this procedure alone), online blocks and cost of ``procedure``."""
        findings = self.workspace.findings(procedure.code)
        stored = bool(findings)
        if not findings and procedure.items:
            findings = find(procedure, self.matcher)
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


@lru_cache(maxsize=4)
def _matcher(registry: tuple[DataSource, ...]) -> Matcher:
    """The matcher of a registry, kept for the next workspace or context with the same sources: building one takes
    about ten milliseconds, which opening a workspace would otherwise pay each time."""
    return Matcher(list(registry))


#: Procedures whose findings are written in one transaction. One write of a whole catalog is a single long call
#: into the database driver that keeps the GIL, and so the GUI thread, waiting (about 0.2 s for 2,000 procedures);
#: writes of this size keep each wait to a few milliseconds. Each procedure's findings still land whole.
STORE_CHUNK = 200


@dataclass(slots=True)
class CatalogAnalysisSummary:
    procedures: int = 0
    grades: Counter[str] = field(default_factory=Counter)
    analysis: CatalogAnalysis | None = None  # handed on to the catalog figures, which need not analyse again


def catalog_analysis_job(workspace: Workspace) -> Job:
    """Analyse every procedure of ``workspace`` and store the findings (nothing is stored when cancelled).

    Runs on a worker thread: ``progress`` and ``cancelled`` come from :class:`~workbench.workers.Task`.
    """

    def job(progress: Progress, cancelled: Cancelled) -> CatalogAnalysisSummary | None:
        progress(0, 0)  # reading the catalog: no count yet
        procedures = list(workspace.procedures())
        if cancelled():
            return None
        analysis = analyze(
            procedures,
            workspace_registry(workspace),
            load_cost_parameters(workspace),
            progress=progress,
            cancelled=cancelled,
        )
        if cancelled():
            return None
        findings = {a.procedure.code: a.findings for a in analysis.procedures}
        codes = list(findings)
        for start in range(0, len(codes), STORE_CHUNK):
            workspace.replace_findings({code: findings[code] for code in codes[start : start + STORE_CHUNK]})
        summary = CatalogAnalysisSummary(procedures=len(analysis.procedures), analysis=analysis)
        for procedure in analysis.procedures:
            summary.grades.update(str(f.grade) for f in procedure.findings)
        return summary

    return job


class FindingPanel(QtWidgets.QTextBrowser):
    """The side panel: the explanation and legal basis of the selected item's finding."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(STYLE_SHEET)
        self._shown: tuple[str, Finding | None, str | None, bool] | None = None
        self.setMinimumWidth(180)
        self.retranslate()

    @property
    def finding(self) -> Finding | None:
        return self._shown[1] if self._shown else None

    def show_finding(
        self, item_name: str, finding: Finding | None, source_name: str | None, *, stored: bool
    ) -> None:
        self._shown = (item_name, finding, source_name, stored)
        self._render()

    def clear_finding(self) -> None:
        self._shown = None
        self._render()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Finding details"))
        self._render()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _render(self) -> None:
        if self._shown is None:
            hint = self.tr(
                "Point at or select a finding's badge (Tab, then Enter) to read its explanation and legal basis here."
            )
            self.setHtml(f'<p class="muted">{esc(hint)}</p>')
            return
        item_name, finding, source_name, stored = self._shown
        self.setHtml(finding_html(item_name, finding, source_name, stored=stored))

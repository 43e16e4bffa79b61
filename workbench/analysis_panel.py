"""The analysis in the GUI: one procedure's findings on demand, the whole catalog's on a worker, and the side panel.

- :class:`~workbench.services.analysis.AnalysisContext` (the service layer's) gives the analysis of one procedure:
  the findings the last catalog analysis stored, or, for a procedure never analysed, the workspace finder's (the
  command line's: the same findings as ``tthc analyze``).
- :func:`catalog_analysis_job` analyses and stores the whole catalog; it runs on a :class:`~workbench.workers.Task`
  with progress and cancel (a cancelled analysis stores nothing).
- :class:`FindingPanel` shows one item's finding: grade, explanation, legal basis, data source, fallback.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from catalog.pipeline.analysis import CatalogAnalysis
from models.findings import Finding
from models.jobs import CancelCheck, Progress
from models.storage.workspace import Workspace
from workbench.analysis_html import esc, finding_html
from workbench.procedure_view import STYLE_SHEET
from workbench.qt import QtCore, QtWidgets
from workbench.services.analysis import analyse_and_store
from workbench.workers import Job


@dataclass(slots=True)
class CatalogAnalysisSummary:
    procedures: int = 0
    grades: Counter[str] = field(default_factory=Counter)
    analysis: CatalogAnalysis | None = None  # handed on to the catalog figures, which need not analyse again


def catalog_analysis_job(workspace: Workspace) -> Job:
    """Analyse every procedure of ``workspace`` and store the findings (nothing is stored when cancelled), with
    :func:`workbench.services.analysis.analyse_and_store`.

    Runs on a worker thread: ``progress`` and ``cancelled`` come from :class:`~workbench.workers.Task`.
    """

    def job(progress: Progress, cancelled: CancelCheck) -> CatalogAnalysisSummary:
        analysis = analyse_and_store(workspace, progress=progress, cancelled=cancelled)
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

"""Analysing a catalog: findings for every item, online-eligibility blocks, compliance cost, and the catalog views
(documents most often demanded, counts per data source, procedures with the most removable burden).

``analyze`` works on procedures in memory; ``analyze_workspace`` loads a workspace's catalog with its registry
settings and cost parameters, and stores the findings back so that the GUI can show them without re-running.
"""

from __future__ import annotations

import math
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from catalog.finder.grading import ResultIndex, find
from catalog.finder.matcher import matcher_for
from catalog.reading.documents import document_key
from models.cost.calculation import procedure_cost
from models.cost.parameters import CostParameters, load_cost_parameters
from models.cost.results import CostBreakdown
from models.findings import Finding, OnlineBlock
from models.jobs import ANALYSIS, CancelCheck, Progress, check_cancelled
from models.online import online_blocks
from models.procedure import Procedure
from models.registry_settings import workspace_registry
from models.sources import DataSource
from models.storage.workspace import Workspace


@dataclass(slots=True)
class ProcedureAnalysis:
    procedure: Procedure
    findings: list[Finding]
    blocks: list[OnlineBlock]
    cost: CostBreakdown


@dataclass(slots=True)
class SummaryTally:
    """The catalog views, counted one procedure at a time. Tallies of consecutive parts of a catalog (in code
    order) merge into the tally of the whole, so a catalog analysed in parts gives the same summary."""

    documents: dict[str, str]  # registry id -> the document its findings count as ("thẻ căn cước")
    volumes: CostParameters
    procedures: int = 0
    items: int = 0
    eligible: int = 0
    # each procedure's figures, added up exactly (fsum) at the end: the total does not depend on how the
    # catalog was cut into parts
    annual: list[float] = field(default_factory=list)
    removable: list[float] = field(default_factory=list)
    potentially: list[float] = field(default_factory=list)
    grades: Counter[str] = field(default_factory=Counter)
    per_source: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    demanded: dict[str, dict[str, Any]] = field(default_factory=dict)
    burden: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def start(cls, registry: Sequence[DataSource], parameters: CostParameters) -> SummaryTally:
        return cls({s.id: s.stands_in_for[0] if s.stands_in_for else s.id for s in registry}, parameters)

    def document(self, procedure: Procedure, finding: Finding) -> tuple[str, str]:
        """What counts as "the same document" across the catalog: a registry source's documents are one (all ID
        cards, all birth certificates…); other documents by their folded type, as the first item published it."""
        if finding.data_source:
            return finding.data_source, self.documents.get(finding.data_source, finding.data_source)
        key = " ".join(document_key(procedure.items[finding.item_index].name).split()[:8])
        if len(key.split()) < 2 or not key[:1].isalpha():
            return "", ""
        return key, procedure.items[finding.item_index].name_normalized[:120]

    def add(self, analysis: ProcedureAnalysis) -> None:
        procedure, cost = analysis.procedure, analysis.cost
        volume = self.volumes.volume(procedure.code)
        self.procedures += 1
        self.items += len(analysis.findings)
        self.eligible += not analysis.blocks
        self.annual.append(cost.annual_total)
        self.removable.append(cost.removable_annual)
        self.potentially.append(cost.removable_potentially_annual)
        for finding in analysis.findings:
            self.grades[str(finding.grade)] += 1
            if finding.data_source:
                self.per_source[finding.data_source][str(finding.grade)] += 1
            if finding.rule == "form":
                continue  # each procedure's own forms are not "the same document" across the catalog
            key, document = self.document(procedure, finding)
            if not key:
                continue
            entry = self.demanded.setdefault(
                key,
                {
                    "document": document,
                    "data_source": finding.data_source,
                    "grade": str(finding.grade),
                    "procedures": set(),
                    "annual_volume": 0,
                },
            )
            if procedure.code not in entry["procedures"]:
                entry["procedures"].add(procedure.code)
                entry["annual_volume"] += volume
        if cost.removable_annual + cost.removable_potentially_annual > 0:
            self.burden.append(
                {
                    "code": procedure.code,
                    "name": procedure.name,
                    "annual_cost_vnd": cost.annual_total,
                    "removable_annual_vnd": cost.removable_annual,
                    "potentially_removable_annual_vnd": cost.removable_potentially_annual,
                }
            )

    def merge(self, later: SummaryTally) -> None:
        """Add the tally of the procedures that follow this tally's (in code order)."""
        self.procedures += later.procedures
        self.items += later.items
        self.eligible += later.eligible
        self.annual += later.annual
        self.removable += later.removable
        self.potentially += later.potentially
        self.grades.update(later.grades)
        for source, counts in later.per_source.items():
            self.per_source[source].update(counts)
        for key, entry in later.demanded.items():
            mine = self.demanded.setdefault(key, entry)
            if mine is not entry:
                mine["procedures"] |= entry["procedures"]
                mine["annual_volume"] += entry["annual_volume"]
        self.burden.extend(later.burden)

    def _most_demanded(self, top: int) -> list[dict[str, Any]]:
        return sorted(self.demanded.values(), key=lambda e: (-e["annual_volume"], -len(e["procedures"])))[
            :top
        ]

    def demanded_codes(self, top: int = 20) -> list[frozenset[str]]:
        """The codes of the procedures asking for each of :meth:`result`'s most demanded documents, in its order."""
        return [frozenset(entry["procedures"]) for entry in self._most_demanded(top)]

    def result(self, top: int = 20) -> dict[str, Any]:
        most_demanded = self._most_demanded(top)
        burden = sorted(
            self.burden, key=lambda b: (-b["removable_annual_vnd"], -b["potentially_removable_annual_vnd"])
        )[:top]
        return {
            "procedures": self.procedures,
            "items": self.items,
            "grades": dict(self.grades),
            "per_data_source": {source: dict(counts) for source, counts in sorted(self.per_source.items())},
            "most_demanded_documents": [
                {**{k: v for k, v in e.items() if k != "procedures"}, "procedures": len(e["procedures"])}
                for e in most_demanded
            ],
            "most_removable_burden": burden,
            "full_process_online_eligible": self.eligible,
            "annual_cost_vnd": _total(self.annual),
            "removable_annual_vnd": _total(self.removable),
            "potentially_removable_annual_vnd": _total(self.potentially),
        }


def _total(values: list[float]) -> float | int:
    total = math.fsum(values)
    return int(total) if total.is_integer() and all(isinstance(v, int) for v in values) else total


@dataclass(slots=True)
class CatalogAnalysis:
    procedures: list[ProcedureAnalysis] = field(default_factory=list)
    registry: list[DataSource] = field(default_factory=list)
    parameters: CostParameters = field(default_factory=CostParameters)

    def tally(self) -> SummaryTally:
        """The catalog views counted over these procedures (:meth:`summary` is its result)."""
        tally = SummaryTally.start(self.registry, self.parameters)
        for analysis in self.procedures:
            tally.add(analysis)
        return tally

    def summary(self, top: int = 20) -> dict[str, Any]:
        """The catalog views: grades, sources, most demanded documents (weighted by volume), removable burden."""
        return self.tally().result(top)


class WorkspaceFinder:
    """The one finder of a workspace: fresh findings for any of its procedures, as its analysis stores them, from
    the command line, the workbench and the exports alike.

    It uses the workspace's registry settings (through the one shared matcher, :func:`~catalog.finder.matcher
    .matcher_for`) and links state-issued items to the procedures of the *whole* catalog that issue them, whatever
    procedures are being analysed: a procedure has the same findings alone as within its catalog. The links come
    from the catalog's result names alone (no catalog is loaded to link them), read the first time an item needs
    one; :meth:`forget_results` after an import. Safe to share between threads.

    >>> finder = WorkspaceFinder(Workspace.open("w.sqlite"))                          # doctest: +SKIP
    >>> [f.grade for f in finder(procedure)]                                          # doctest: +SKIP
    """

    def __init__(self, workspace: Workspace, registry: Sequence[DataSource] | None = None) -> None:
        self.workspace = workspace
        self.registry: list[DataSource] = (
            list(registry) if registry is not None else workspace_registry(workspace)
        )
        self.matcher = matcher_for(self.registry)
        self._results: ResultIndex | None = None
        self._lock = threading.Lock()

    @property
    def results(self) -> ResultIndex:
        """The catalog's results by document type (read on first use; then kept)."""
        index = self._results
        if index is None:
            with self._lock:  # two threads asking at once read the catalog once
                if self._results is None:
                    self._results = ResultIndex.from_names(self.workspace.result_names())
                index = self._results
        return index

    def forget_results(self) -> None:
        """The catalog changed (an import): read its results again when next needed."""
        with self._lock:
            self._results = None

    def issuer_of(self, name: str, *, exclude: str) -> str | None:
        """The catalog procedure (other than ``exclude``) whose result is the document ``name``."""
        return self.results.issuer_of(name, exclude=exclude)

    def __call__(self, procedure: Procedure) -> list[Finding]:
        return find(procedure, self.matcher, self)


Finder = Callable[[Procedure], list[Finding]]


def analyze(
    procedures: Sequence[Procedure],
    registry: list[DataSource],
    parameters: CostParameters,
    *,
    finder: Finder | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> CatalogAnalysis:
    """Findings, online blocks and cost for each procedure.

    ``finder`` gives a procedure's findings: a workspace's :class:`WorkspaceFinder` (issuer links across its
    whole catalog); by default the registry's matcher with issuer links across ``procedures``, for procedures that
    are not in a workspace. ``progress(done, total)`` is called every 200 procedures and at the end; when
    ``cancelled()`` returns True (polled before each procedure) :class:`~models.jobs.Cancelled` is raised.

    One process: spreading the work over forked workers was measured slower on the shared corpus (the results
    cost more to send back than the analysis of a chunk).
    """
    analysis = CatalogAnalysis(registry=registry, parameters=parameters)
    if finder is None:
        matcher, results = matcher_for(registry), ResultIndex.build(procedures)

        def finder(procedure: Procedure) -> list[Finding]:
            return find(procedure, matcher, results)

    for done, procedure in enumerate(procedures, start=1):
        check_cancelled(cancelled, ANALYSIS)
        findings = finder(procedure)
        analysis.procedures.append(
            ProcedureAnalysis(
                procedure,
                findings,
                online_blocks(procedure),
                procedure_cost(procedure, parameters, findings),
            )
        )
        if progress is not None and (done % 200 == 0 or done == len(procedures)):
            progress(done, len(procedures))
    return analysis


def analyze_workspace(
    workspace: Workspace,
    codes: Iterable[str] | None = None,
    *,
    store: bool = True,
    progress: Progress | None = None,
) -> CatalogAnalysis:
    """Analyse a workspace's procedures (all, or those with ``codes``) with its registry and cost settings (issuer
    links across the whole catalog, as :class:`WorkspaceFinder` makes them)."""
    procedures = list(workspace.procedures(codes))
    finder = WorkspaceFinder(workspace)
    analysis = analyze(
        procedures, finder.registry, load_cost_parameters(workspace), finder=finder, progress=progress
    )
    if store:
        workspace.replace_findings({a.procedure.code: a.findings for a in analysis.procedures})
    return analysis


def procedure_json(a: ProcedureAnalysis) -> dict[str, Any]:
    """One procedure of ``tthc analyze --json``: its items with their findings, its online blocks and its cost."""
    items = a.procedure.items
    return {
        "code": a.procedure.code,
        "name": a.procedure.name,
        "items": [
            {
                "name": items[f.item_index].name_normalized or items[f.item_index].name,
                "kind": str(items[f.item_index].kind),
                "group": str(items[f.item_index].group),
                "data_source": f.data_source,
                "status": str(f.grade),
                "matched_phrase": f.matched_phrase,
                "rule": f.rule,
                "explanation": f.explanation,
                "legal_basis": f.legal_basis,
                "fallback": f.fallback,
                "issuing_procedure": f.issuing_procedure,
            }
            for f in a.findings
        ],
        "online_blocks": [b.to_json() for b in a.blocks],
        "full_process_online_eligible": not a.blocks,
        "cost": a.cost.to_json(),
    }


def analysis_json(analysis: CatalogAnalysis) -> dict[str, Any]:
    """What ``tthc analyze --json`` prints: per procedure its items, blocks and cost, then the catalog summary."""
    return {
        "procedures": [procedure_json(a) for a in analysis.procedures],
        "summary": analysis.summary(),
    }

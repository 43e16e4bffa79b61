"""Analysing a catalog: findings for every item, online-eligibility blocks, compliance cost, and the catalog views
(documents most often demanded, counts per data source, procedures with the most removable burden).

``analyze`` works on procedures in memory; ``analyze_workspace`` loads a workspace's catalog with its registry
settings and cost parameters, and stores the findings back so that the GUI can show them without re-running.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from catalog.finder import ResultIndex, document_key, find
from catalog.sources import DataSource, Matcher, workspace_registry
from models.batch import gc_paused
from models.cost import CostBreakdown, CostParameters, load_cost_parameters, procedure_cost
from models.findings import Finding, OnlineBlock
from models.online import online_blocks
from models.procedure import Procedure
from models.workspace import Workspace

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class ProcedureAnalysis:
    procedure: Procedure
    findings: list[Finding]
    blocks: list[OnlineBlock]
    cost: CostBreakdown


@dataclass(slots=True)
class CatalogAnalysis:
    procedures: list[ProcedureAnalysis] = field(default_factory=list)
    registry: list[DataSource] = field(default_factory=list)
    parameters: CostParameters = field(default_factory=CostParameters)

    def _document(self, procedure: Procedure, finding: Finding) -> tuple[str, str]:
        """What counts as "the same document" across the catalog: a registry source's documents are one (all ID
        cards, all birth certificates…); other documents by their folded type, as the first item published it."""
        if finding.data_source:
            source = next((s for s in self.registry if s.id == finding.data_source), None)
            return finding.data_source, (
                source.stands_in_for[0] if source and source.stands_in_for else finding.data_source
            )
        key = " ".join(document_key(procedure.items[finding.item_index].name).split()[:8])
        if len(key.split()) < 2 or not key[:1].isalpha():
            return "", ""
        return key, procedure.items[finding.item_index].name_normalized[:120]

    def summary(self, top: int = 20) -> dict[str, Any]:
        """The catalog views: grades, sources, most demanded documents (weighted by volume), removable burden."""
        grades: Counter[str] = Counter()
        per_source: dict[str, Counter[str]] = defaultdict(Counter)
        demanded: dict[str, dict[str, Any]] = {}
        for analysis in self.procedures:
            volume = self.parameters.volume(analysis.procedure.code)
            for finding in analysis.findings:
                grades[str(finding.grade)] += 1
                if finding.data_source:
                    per_source[finding.data_source][str(finding.grade)] += 1
                if finding.rule == "form":
                    continue  # each procedure's own forms are not "the same document" across the catalog
                key, document = self._document(analysis.procedure, finding)
                if not key:
                    continue
                entry = demanded.setdefault(
                    key,
                    {
                        "document": document,
                        "data_source": finding.data_source,
                        "grade": str(finding.grade),
                        "procedures": set(),
                        "annual_volume": 0,
                    },
                )
                if analysis.procedure.code not in entry["procedures"]:
                    entry["procedures"].add(analysis.procedure.code)
                    entry["annual_volume"] += volume
        most_demanded = sorted(demanded.values(), key=lambda e: (-e["annual_volume"], -len(e["procedures"])))[
            :top
        ]
        burden = sorted(
            self.procedures, key=lambda a: (-a.cost.removable_annual, -a.cost.removable_potentially_annual)
        )[:top]
        return {
            "procedures": len(self.procedures),
            "items": sum(len(a.findings) for a in self.procedures),
            "grades": dict(grades),
            "per_data_source": {source: dict(counts) for source, counts in sorted(per_source.items())},
            "most_demanded_documents": [
                {**{k: v for k, v in e.items() if k != "procedures"}, "procedures": len(e["procedures"])}
                for e in most_demanded
            ],
            "most_removable_burden": [
                {
                    "code": a.procedure.code,
                    "name": a.procedure.name,
                    "annual_cost_vnd": a.cost.annual_total,
                    "removable_annual_vnd": a.cost.removable_annual,
                    "potentially_removable_annual_vnd": a.cost.removable_potentially_annual,
                }
                for a in burden
                if a.cost.removable_annual + a.cost.removable_potentially_annual > 0
            ],
            "full_process_online_eligible": sum(1 for a in self.procedures if not a.blocks),
            "annual_cost_vnd": sum(a.cost.annual_total for a in self.procedures),
            "removable_annual_vnd": sum(a.cost.removable_annual for a in self.procedures),
            "potentially_removable_annual_vnd": sum(
                a.cost.removable_potentially_annual for a in self.procedures
            ),
        }


def analyze(
    procedures: Sequence[Procedure],
    registry: list[DataSource],
    parameters: CostParameters,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> CatalogAnalysis:
    """Findings, online blocks and cost for each procedure, linking state-issued items across the catalog.

    One process: spreading the work over forked workers was measured slower on the shared corpus (the results
    cost more to send back than the analysis of a chunk).
    """
    matcher = Matcher(registry)
    analysis = CatalogAnalysis(registry=registry, parameters=parameters)
    with gc_paused():
        results = ResultIndex.build(procedures)
        for done, procedure in enumerate(procedures, start=1):
            if cancelled is not None and cancelled():
                break
            findings = find(procedure, matcher, results)
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
    """Analyse a workspace's procedures (all, or those with ``codes``) with its registry and cost settings."""
    procedures = list(workspace.procedures(codes))
    analysis = analyze(
        procedures,
        workspace_registry(workspace),
        load_cost_parameters(workspace),
        progress=progress,
    )
    if store:
        workspace.replace_findings({a.procedure.code: a.findings for a in analysis.procedures})
    return analysis


def analysis_json(analysis: CatalogAnalysis) -> dict[str, Any]:
    """What ``tthc analyze --json`` prints: per procedure its items, blocks and cost, then the catalog summary."""
    return {
        "procedures": [
            {
                "code": a.procedure.code,
                "name": a.procedure.name,
                "items": [
                    {
                        "name": a.procedure.items[f.item_index].name_normalized
                        or a.procedure.items[f.item_index].name,
                        "kind": str(a.procedure.items[f.item_index].kind),
                        "group": str(a.procedure.items[f.item_index].group),
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
                "online_blocks": [b.model_dump(mode="json") for b in a.blocks],
                "full_process_online_eligible": not a.blocks,
                "cost": a.cost.model_dump(mode="json"),
            }
            for a in analysis.procedures
        ],
        "summary": analysis.summary(),
    }

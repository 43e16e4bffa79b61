"""Redesigns over a workspace: "apply suggestions" from a fresh analysis, and the before/after comparison.

The redesign engine (:mod:`models.redesign`, :mod:`models.storage.proposals`) knows nothing of the finder; this module
joins them: it analyses the procedures with the workspace's registry and cost parameters, turns the findings into
change groups, stores them in one transaction, and compares each to-be version with its published version.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from catalog.pipeline.analysis import WorkspaceFinder
from models.cost.parameters import CostParameters, load_cost_parameters
from models.jobs import SUGGESTIONS, CancelCheck, Progress, check_cancelled
from models.redesign.comparison import CatalogComparison, Comparison, compare
from models.redesign.history import ChangeGroup
from models.redesign.suggestions import suggest
from models.storage.finding_store import FindingWriter, finding_row
from models.storage.proposals import DEFAULT_PROPOSAL, Proposals, StoredDraft
from models.storage.workspace import Workspace


@dataclass
class SuggestionReport:
    proposal: str
    procedures: int = 0
    redesigned: int = 0  # procedures that received at least one change
    changes: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "proposal": self.proposal,
            "procedures": self.procedures,
            "redesigned": self.redesigned,
            "changes": self.changes,
            "changes_by_kind": dict(sorted(self.by_kind.items())),
        }


def apply_suggestions(
    workspace: Workspace,
    codes: Iterable[str] | None = None,
    *,
    proposal: str = DEFAULT_PROPOSAL,
    author: str | None = None,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> SuggestionReport:
    """Analyse the procedures (storing the findings) and push the suggested changes onto each one's proposal.

    A procedure whose proposal already holds every suggestion gets no new group. One pass over the catalog, a
    chunk of drafts at a time (memory stays that of a chunk whatever the catalog's size), and one transaction: the
    findings and the changes of the whole catalog land together, or nothing does: ``cancelled`` (polled before each
    procedure and before the transaction commits) returning True raises :class:`~models.jobs.Cancelled`, with
    nothing stored.
    """
    codes = list(codes) if codes is not None else None
    ids = workspace.procedure_ids(codes)
    finder = WorkspaceFinder(workspace)  # the findings analyze_workspace stores
    names = {source.id: source.name for source in finder.registry}
    store = Proposals(workspace)
    report = SuggestionReport(proposal=proposal)
    with workspace.writing() as conn:  # the whole catalog lands, or nothing does
        findings_writer = FindingWriter(conn)
        analysed: list[int] = []
        rows: list[tuple[Any, ...]] = []
        chunk: list[tuple[StoredDraft, ChangeGroup]] = []
        for pid, draft in zip(ids, store.drafts(proposal, codes), strict=True):
            check_cancelled(cancelled, SUGGESTIONS)
            report.procedures += 1
            findings = finder(draft.published)
            analysed.append(pid)
            rows.extend(finding_row(pid, f) for f in findings)
            if len(analysed) >= _CHUNK:
                findings_writer.write(analysed, rows)
                analysed, rows = [], []
            if progress is not None and (report.procedures % 200 == 0 or report.procedures == len(ids)):
                progress(report.procedures, len(ids))
            group = suggest(draft.procedure, findings, names)
            if not group.changes:
                continue
            chunk.append((draft, group))
            report.redesigned += 1
            report.changes += len(group.changes)
            for change in group.changes:
                report.by_kind[change.kind] = report.by_kind.get(change.kind, 0) + 1
            if len(chunk) >= _CHUNK:
                store.push_many(chunk, author=author, conn=conn)
                chunk.clear()  # pushed drafts are not kept: memory stays that of a chunk
        if chunk:
            store.push_many(chunk, author=author, conn=conn)
        findings_writer.write(analysed, rows)
        check_cancelled(cancelled, SUGGESTIONS)
    return report


_CHUNK = 500


def comparisons(
    workspace: Workspace,
    codes: Iterable[str] | None = None,
    *,
    proposal: str = DEFAULT_PROPOSAL,
    params: CostParameters | None = None,
) -> Iterator[Comparison]:
    """Each procedure's published version against its proposal (the published version itself when it has none)."""
    params = params or load_cost_parameters(workspace)
    for draft in Proposals(workspace).drafts(proposal, codes):
        yield compare(draft.published, draft.procedure, params, proposal=proposal, changes=draft.changes)


def catalog_comparison(comparisons: Iterable[Comparison]) -> CatalogComparison:
    total = CatalogComparison()
    for comparison in comparisons:
        total.add(comparison)
    return total

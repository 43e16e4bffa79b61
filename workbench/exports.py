"""Every export of a workspace's procedures, shared by ``tthc export`` and the workbench's Export dialog.

:func:`export` writes one :class:`ExportRequest`: the kind, where to, which procedures (all, or some codes) and,
optionally, a proposal whose to-be versions are exported instead (diagrams and BPMN show both versions). Each kind
calls its exporter with the parameters the command line has always used: fresh findings from the workspace's
registry (the whole catalog's where issuer links need it), its cost parameters, its registry's source names.
Diagrams and BPMN of several procedures go to a folder, one file each; everything else is one file.

Long exports report ``progress(done, total)`` and stop when ``cancelled()`` returns True, raising
:class:`~exporters.streaming.ExportCancelled` and leaving no file behind. No Qt here: the CLI runs it without a
screen and the GUI on a :class:`~workbench.workers.Task`.

Example
-------
>>> with Workspace.open("w.sqlite") as ws:                                          # doctest: +SKIP
...     export(ws, ExportRequest("cost-xlsx", Path("cost.xlsx"), proposal="phuong-an"))
15
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exporters.safety import safe_filename
from exporters.streaming import Cancelled, ExportCancelled, Progress, check_cancelled, partial_path
from models.errors import TthcError
from models.procedure import Procedure
from models.workspace import Workspace

#: Every kind, in the order the command line and the dialog list them.
KINDS = (
    "json",
    "spec-docx",
    "plan-docx",
    "catalog-xlsx",
    "cost-xlsx",
    "findings-xlsx",
    "diagram",
    "bpmn",
    "cpsv",
)
#: Kinds that write one file per procedure, in a folder when there are several.
FOLDER_KINDS = frozenset({"diagram", "bpmn"})
#: The file suffix of each kind's single file (a diagram's is its format's).
SUFFIXES = {
    "json": ".json",
    "spec-docx": ".docx",
    "plan-docx": ".docx",
    "catalog-xlsx": ".xlsx",
    "cost-xlsx": ".xlsx",
    "findings-xlsx": ".xlsx",
    "diagram": ".svg",
    "bpmn": ".bpmn",
    "cpsv": ".jsonld",
}


@dataclass(slots=True)
class ExportRequest:
    """What to export: ``kind`` (one of :data:`KINDS`) to ``output``, for ``codes`` (None: the whole catalog),
    as proposal ``proposal`` redesigns them (None: as published); ``fmt`` is a diagram's format."""

    kind: str
    output: Path
    codes: Sequence[str] | None = None
    proposal: str | None = None
    fmt: str | None = None


@dataclass(slots=True)
class _Run:
    ws: Workspace
    request: ExportRequest
    progress: Progress | None
    cancelled: Cancelled | None

    @property
    def output(self) -> Path:
        return self.request.output

    def check(self) -> None:
        check_cancelled(self.cancelled)


def versions(
    ws: Workspace, codes: Sequence[str] | None, proposal: str | None
) -> list[tuple[Procedure, Procedure | None]]:
    """The selected procedures, each with its to-be version when ``proposal`` names one."""
    if not proposal:
        return [(p, None) for p in ws.procedures(codes)]
    from models.proposals import Proposals

    return [(d.published, d.procedure) for d in Proposals(ws).drafts(proposal, codes)]


def findings_for(
    ws: Workspace, procedures: Sequence[Procedure], cancelled: Cancelled | None = None
) -> dict[str, Any]:
    """Fresh findings for ``procedures`` with the workspace's registry (what the analysis would store)."""
    from catalog.analysis import analyze
    from catalog.sources import workspace_registry
    from models.cost import load_cost_parameters

    analysis = analyze(
        list(procedures), workspace_registry(ws), load_cost_parameters(ws), cancelled=cancelled
    )
    check_cancelled(cancelled)
    return {a.procedure.code: a.findings for a in analysis.procedures}


def catalog_findings(ws: Workspace, cancelled: Cancelled | None = None) -> dict[str, Any]:
    """Findings for every procedure of the workspace: issuer links need the whole catalog, whatever is exported."""
    return findings_for(ws, list(ws.procedures()), cancelled)


def output_folder(output: Path, count: int, what: str) -> bool:
    """Whether ``output`` names a folder (created when missing); several files never go to one file name."""
    folder = bool(output.is_dir() or not output.suffix)
    if count > 1 and not folder:
        raise TthcError(f"Several {what} need a folder, not the file {output}: pass -o FOLDER.")
    if folder:
        output.mkdir(parents=True, exist_ok=True)
    return folder


def _one_by_one(run: _Run, count: int, write: Callable[[int], Path]) -> int:
    """Call ``write(index)`` for each of ``count`` procedures with progress and cancel; a cancelled export removes
    the files it wrote."""
    written: list[Path] = []
    try:
        for index in range(count):
            run.check()
            written.append(write(index))
            if run.progress is not None:
                run.progress(index + 1, count)
    except ExportCancelled:
        for path in written:
            path.unlink(missing_ok=True)
            partial_path(path).unlink(missing_ok=True)
        raise
    return count


def _json(run: _Run) -> int:
    from exporters.json_export import write_json

    procedures = [to_be or p for p, to_be in versions(run.ws, run.request.codes, run.request.proposal)]
    run.check()
    write_json(procedures, run.output)
    return len(procedures)


def _diagram(run: _Run) -> int:
    from catalog.sources import workspace_registry
    from exporters.diagram import write_diagram

    selected = versions(run.ws, run.request.codes, run.request.proposal)
    folder = output_folder(run.output, len(selected), "diagrams")
    registry = workspace_registry(run.ws)
    fmt = run.request.fmt or ("svg" if folder else None)

    def write(index: int) -> Path:
        as_is, to_be = selected[index]
        findings = findings_for(
            run.ws, [as_is] if to_be is None else [as_is, to_be.model_copy(update={"code": "~"})]
        )
        return write_diagram(
            run.output,
            as_is,
            findings.get(as_is.code),
            to_be,
            findings.get("~") if to_be is not None else None,
            registry=registry,
            fmt=fmt,  # type: ignore[arg-type]  # the formats write_diagram takes, checked there
        )

    return _one_by_one(run, len(selected), write)


def _catalog_xlsx(run: _Run) -> int:
    from catalog.sources import workspace_registry
    from exporters.catalog_xlsx import write_catalog_xlsx

    selected = versions(run.ws, run.request.codes, run.request.proposal)
    return write_catalog_xlsx(
        (to_be or p for p, to_be in selected),
        run.output,
        progress=run.progress,
        cancelled=run.cancelled,
        total=len(selected),
        registry=workspace_registry(run.ws),
    )


def _cost_xlsx(run: _Run) -> int:
    from exporters.cost_xlsx import CostInput, write_cost_xlsx
    from models.cost import load_cost_parameters

    findings = catalog_findings(run.ws, run.cancelled)
    selected = versions(run.ws, run.request.codes, run.request.proposal)
    rows = (CostInput(p, to_be, findings.get(p.code)) for p, to_be in selected)
    return write_cost_xlsx(
        rows,
        load_cost_parameters(run.ws),
        run.output,
        progress=run.progress,
        cancelled=run.cancelled,
        total=len(selected),
    )


def _findings_xlsx(run: _Run) -> int:
    from catalog.sources import workspace_registry
    from exporters.findings_xlsx import write_findings_xlsx

    findings = catalog_findings(run.ws, run.cancelled)
    procedures = list(run.ws.procedures(run.request.codes))
    write_findings_xlsx(
        ((p, findings.get(p.code, [])) for p in procedures),
        run.output,
        registry=workspace_registry(run.ws),
        progress=run.progress,
        cancelled=run.cancelled,
        total=len(procedures),
    )
    return len(procedures)


def _bpmn(run: _Run) -> int:
    from catalog.sources import workspace_registry
    from exporters.bpmn import write_bpmn

    selected = versions(run.ws, run.request.codes, run.request.proposal)
    folder = output_folder(run.output, len(selected), "BPMN files")
    findings = catalog_findings(run.ws, run.cancelled)
    registry = workspace_registry(run.ws)

    def write(index: int) -> Path:
        as_is, to_be = selected[index]
        to_be_findings = findings_for(run.ws, [to_be]).get(to_be.code) if to_be is not None else None
        path = run.output / f"{safe_filename(as_is.code)}.bpmn" if folder else run.output
        write_bpmn(
            as_is, path, findings.get(as_is.code), registry, to_be=to_be, to_be_findings=to_be_findings
        )
        return path

    return _one_by_one(run, len(selected), write)


def _cpsv(run: _Run) -> int:
    from catalog.sources import workspace_registry
    from exporters.cpsv import write_cpsv

    selected = versions(run.ws, run.request.codes, run.request.proposal)
    findings = catalog_findings(run.ws, run.cancelled)
    write_cpsv(
        [to_be or p for p, to_be in selected],
        run.output,
        run.progress,
        run.cancelled,
        findings_by_code=findings
        if not run.request.proposal
        else None,  # findings describe the published items
        registry=workspace_registry(run.ws),
    )
    return len(selected)


def _spec_docx(run: _Run) -> int:
    from exporters.docx_spec import write_spec_docx

    selected = versions(run.ws, run.request.codes, run.request.proposal)
    return write_spec_docx(
        (to_be or p for p, to_be in selected),
        run.output,
        total=len(selected),
        progress=run.progress,
        cancelled=run.cancelled,
    )


def _plan_docx(run: _Run) -> int:
    from exporters.docx_plan import write_plan_docx
    from models.cost import load_cost_parameters
    from models.proposals import DEFAULT_PROPOSAL, Proposals

    name = run.request.proposal or DEFAULT_PROPOSAL
    drafts = list(Proposals(run.ws).drafts(name, run.request.codes))
    return write_plan_docx(
        drafts,
        run.output,
        load_cost_parameters(run.ws),
        proposal=name,
        total=len(drafts),
        progress=run.progress,
        cancelled=run.cancelled,
    )


_EXPORTERS: dict[str, Callable[[_Run], int]] = {
    "json": _json,
    "spec-docx": _spec_docx,
    "plan-docx": _plan_docx,
    "catalog-xlsx": _catalog_xlsx,
    "cost-xlsx": _cost_xlsx,
    "findings-xlsx": _findings_xlsx,
    "diagram": _diagram,
    "bpmn": _bpmn,
    "cpsv": _cpsv,
}


def export(
    ws: Workspace,
    request: ExportRequest,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write ``request``; returns how many procedures were exported (the plan: how many it lists).

    Raises
    ------
    ExportCancelled : ``cancelled`` returned True; no file is left.
    TthcError : the selection cannot be written so (several diagrams to one file, an unknown kind...).
    DiagramError, OSError : the exporter failed.
    """
    exporter = _EXPORTERS.get(request.kind)
    if exporter is None:
        raise TthcError(f"Unknown export kind {request.kind!r}: use one of {', '.join(KINDS)}.")
    return exporter(_Run(ws, request, progress, cancelled))

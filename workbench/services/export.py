"""Exporting a workspace's procedures: the one registry of export kinds and the export both shells run."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from exporters.output import atomic_outputs
from exporters.safety import safe_filename
from models.errors import TthcError
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.storage.workspace import Workspace
from models.vocabulary import Lang


@dataclass(slots=True)
class ExportRequest:
    """What to export: ``kind`` (a key of :data:`KINDS`) to ``output``, for ``codes`` (None: the whole catalog),
    as proposal ``proposal`` redesigns them (None: as published); ``fmt`` is a diagram's format."""

    kind: str
    output: Path
    codes: Sequence[str] | None = None
    proposal: str | None = None
    fmt: str | None = None


_Version = tuple[Procedure, "Procedure | None"]  # as published, and as the proposal redesigns it (or None)


@dataclass(slots=True)
class _Run:
    ws: Workspace
    request: ExportRequest
    progress: Progress | None
    cancelled: CancelCheck | None

    @property
    def output(self) -> Path:
        return self.request.output

    def check(self) -> None:
        check_cancelled(self.cancelled, EXPORT)

    def selected(self) -> Iterator[_Version]:
        return versions(self.ws, self.request.codes, self.request.proposal)


def versions(
    ws: Workspace, codes: Sequence[str] | None, proposal: str | None
) -> Iterator[tuple[Procedure, Procedure | None]]:
    """The selected procedures in code order, each with its to-be version when ``proposal`` names one; streamed
    (a national catalog is never whole in memory)."""
    if not proposal:
        return ((p, None) for p in ws.procedures(codes))
    from models.storage.proposals import Proposals

    return ((d.published, d.procedure) for d in Proposals(ws).drafts(proposal, codes))


def write_json_to(
    ws: Workspace, out: TextIO, codes: Sequence[str] | None = None, proposal: str | None = None
) -> None:
    """The JSON export of the selection written to a text stream (``tthc export json`` without ``-o``)."""
    from exporters.json_export import write_json_to as write

    write((to_be or p for p, to_be in versions(ws, codes, proposal)), out)


def selected_count(ws: Workspace, codes: Sequence[str] | None) -> int:
    """How many procedures a selection holds (raises ProcedureNotFound for an unknown code)."""
    return len(ws.procedure_ids(codes))


def output_folder(output: Path, count: int, what: str) -> bool:
    """Whether ``output`` names a folder (created when missing); several files never go to one file name."""
    folder = bool(output.is_dir() or not output.suffix)
    if count > 1 and not folder:
        raise TthcError(f"Several {what} need a folder, not the file {output}: pass -o FOLDER.")
    if folder:
        output.mkdir(parents=True, exist_ok=True)
    return folder


def _one_by_one(
    run: _Run, count: int, selected: Iterable[_Version], make: Callable[[_Version], tuple[Path, bytes]]
) -> int:
    """Write the file ``make(version)`` gives (its path and bytes) for each of the ``count`` selected procedures,
    with progress and cancel. The files replace their targets together once all are written: a cancelled or
    failed export leaves none, and the files already there as they were."""
    with atomic_outputs() as outputs:
        for index, version in enumerate(selected):
            run.check()
            path, data = make(version)
            outputs.partial(path).write_bytes(data)
            if run.progress is not None:
                run.progress(index + 1, count)
        run.check()
    return count


def _json(run: _Run) -> int:
    from exporters.json_export import write_json

    count = selected_count(run.ws, run.request.codes)
    run.check()
    write_json(
        (to_be or p for p, to_be in run.selected()),
        run.output,
        progress=run.progress,
        cancelled=run.cancelled,
        total=count,
    )
    return count


def _diagram(run: _Run) -> int:
    from catalog.pipeline.analysis import WorkspaceFinder
    from exporters.flow.diagram import diagram_file

    count = selected_count(run.ws, run.request.codes)
    folder = output_folder(run.output, count, "diagrams")
    finder = WorkspaceFinder(run.ws)
    fmt = run.request.fmt or ("svg" if folder else None)

    def make(version: _Version) -> tuple[Path, bytes]:
        as_is, to_be = version
        return diagram_file(
            run.output,
            as_is,
            finder(as_is),
            to_be,
            finder(to_be) if to_be is not None else None,
            registry=finder.registry,
            fmt=fmt,  # type: ignore[arg-type]  # the formats diagram_file takes, checked there
        )

    return _one_by_one(run, count, run.selected(), make)


def _catalog_xlsx(run: _Run) -> int:
    from exporters.excel.catalog_book import write_catalog_xlsx
    from models.registry_settings import workspace_registry

    return write_catalog_xlsx(
        (to_be or p for p, to_be in run.selected()),
        run.output,
        progress=run.progress,
        cancelled=run.cancelled,
        total=selected_count(run.ws, run.request.codes),
        registry=workspace_registry(run.ws),
    )


def _cost_xlsx(run: _Run) -> int:
    from catalog.pipeline.analysis import WorkspaceFinder
    from exporters.excel.cost_book import CostInput, write_cost_xlsx
    from models.cost.parameters import load_cost_parameters

    finder = WorkspaceFinder(run.ws)
    return write_cost_xlsx(
        (CostInput(p, to_be, finder(p)) for p, to_be in run.selected()),
        load_cost_parameters(run.ws),
        run.output,
        progress=run.progress,
        cancelled=run.cancelled,
        total=selected_count(run.ws, run.request.codes),
    )


def _findings_xlsx(run: _Run) -> int:
    from catalog.pipeline.analysis import WorkspaceFinder
    from exporters.excel.findings_book import write_findings_xlsx

    finder = WorkspaceFinder(run.ws)
    count = selected_count(run.ws, run.request.codes)
    write_findings_xlsx(
        ((p, finder(p)) for p in run.ws.procedures(run.request.codes)),
        run.output,
        registry=finder.registry,
        progress=run.progress,
        cancelled=run.cancelled,
        total=count,
    )
    return count


def _bpmn(run: _Run) -> int:
    from catalog.pipeline.analysis import WorkspaceFinder
    from exporters.flow.bpmn import generate_bpmn

    count = selected_count(run.ws, run.request.codes)
    folder = output_folder(run.output, count, "BPMN files")
    finder = WorkspaceFinder(run.ws)

    def make(version: _Version) -> tuple[Path, bytes]:
        as_is, to_be = version
        path = run.output / f"{safe_filename(as_is.code)}.bpmn" if folder else run.output
        data = generate_bpmn(
            as_is,
            finder(as_is),
            finder.registry,
            to_be=to_be,
            to_be_findings=finder(to_be) if to_be is not None else None,
        )
        return path, data

    return _one_by_one(run, count, run.selected(), make)


def _cpsv(run: _Run) -> int:
    from catalog.pipeline.analysis import WorkspaceFinder
    from exporters.cpsv import write_cpsv

    finder = WorkspaceFinder(run.ws)
    ids = run.ws.procedure_ids(run.request.codes)
    codes = run.request.codes if run.request.codes is not None else run.ws.codes()
    catalog: dict[str, list[str]] = {code: [] for code in codes}
    for code, name in run.ws.result_names(ids):
        catalog[code].append(name)
    write_cpsv(
        (to_be or p for p, to_be in run.selected()),
        run.output,
        run.progress,
        run.cancelled,
        findings_by_code=finder
        if not run.request.proposal
        else None,  # findings describe the published items
        registry=finder.registry,
        catalog=catalog,
    )
    return len(ids)


def _spec_docx(run: _Run) -> int:
    from exporters.word.spec import write_spec_docx

    return write_spec_docx(
        (to_be or p for p, to_be in run.selected()),
        run.output,
        total=selected_count(run.ws, run.request.codes),
        progress=run.progress,
        cancelled=run.cancelled,
    )


def _plan_docx(run: _Run) -> int:
    from exporters.word.plan import write_plan_docx
    from models.cost.parameters import load_cost_parameters
    from models.storage.proposals import DEFAULT_PROPOSAL, Proposals

    name = run.request.proposal or DEFAULT_PROPOSAL
    return write_plan_docx(
        Proposals(run.ws).drafts(name, run.request.codes),
        run.output,
        load_cost_parameters(run.ws),
        proposal=name,
        total=selected_count(run.ws, run.request.codes),
        progress=run.progress,
        cancelled=run.cancelled,
    )


@dataclass(frozen=True, slots=True)
class ExportKind:
    """One kind of export, as both shells offer it."""

    key: str  # what ``tthc export`` takes
    label_vi: str
    label_en: str
    suffix: str  # of its file (a diagram's is its format's: ``.svg`` by default)
    per_procedure: bool  # one file per procedure (in a folder when there are several); else one file in all
    write: Callable[[_Run], int] = field(repr=False)
    doing: str = ""  # the command line's progress line while it runs (Vietnamese, like its other messages)
    formats: tuple[str, ...] = ()  # the formats it can be drawn in, the first by default (a diagram's)
    of_proposal: bool = False  # it exports a proposal (its changes): a proposal is always named

    def label(self, lang: Lang = "vi") -> str:
        """What the kind is called for people, in ``lang``."""
        return self.label_vi if lang == "vi" else self.label_en


#: Every kind, in the order the command line and the dialog list them.
KINDS: dict[str, ExportKind] = {
    kind.key: kind
    for kind in (
        ExportKind(
            "json",
            "JSON của Workbench (nhập lại được nguyên vẹn)",
            "Workbench JSON (imports back to identical data)",
            ".json",
            False,
            _json,
            "Ghi JSON",
        ),
        ExportKind(
            "spec-docx",
            "Word: quy trình chuẩn hóa (phụ lục Quyết định công bố)",
            "Word: standardized specification",
            ".docx",
            False,
            _spec_docx,
            "Ghi quy trình chuẩn hóa",
        ),
        ExportKind(
            "plan-docx",
            "Word: phương án đơn giản hóa",
            "Word: simplification plan of the proposal",
            ".docx",
            False,
            _plan_docx,
            "Ghi phương án",
            of_proposal=True,
        ),
        ExportKind(
            "catalog-xlsx",
            "Excel: biểu mẫu danh mục",
            "Excel: catalog template",
            ".xlsx",
            False,
            _catalog_xlsx,
            "Ghi danh mục",
        ),
        ExportKind(
            "cost-xlsx",
            "Excel: chi phí tuân thủ hiện hành và sau đơn giản hóa",
            "Excel: compliance cost, as-is and to-be",
            ".xlsx",
            False,
            _cost_xlsx,
            "Tính chi phí",
        ),
        ExportKind(
            "findings-xlsx",
            "Excel: kết quả rà soát",
            "Excel: findings of the analysis",
            ".xlsx",
            False,
            _findings_xlsx,
            "Ghi kết quả rà soát",
        ),
        ExportKind(
            "diagram",
            "Sơ đồ quy trình (SVG, PNG hoặc PDF)",
            "Diagram of the flow (SVG, PNG or PDF)",
            ".svg",
            True,
            _diagram,
            "Vẽ sơ đồ",
            formats=("svg", "png", "pdf"),
        ),
        ExportKind("bpmn", "Quy trình BPMN 2.0", "BPMN 2.0 process", ".bpmn", True, _bpmn, "Ghi BPMN"),
        ExportKind("cpsv", "CPSV-AP (JSON-LD)", "CPSV-AP (JSON-LD)", ".jsonld", False, _cpsv, "Ghi CPSV-AP"),
    )
}


def suffix(kind: str, fmt: str | None = None) -> str:
    """The file suffix of an export of ``kind`` (drawn in format ``fmt``: that format's)."""
    return f".{fmt}" if fmt and fmt in KINDS[kind].formats else KINDS[kind].suffix


def export(
    ws: Workspace,
    request: ExportRequest,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Write ``request``; returns how many procedures were exported (the plan: how many it lists).

    ``tthc export`` and the workbench's Export dialog both run this. Each kind calls its exporter with the
    parameters the command line has always used: fresh findings from the workspace's finder (the whole catalog's
    issuer links), its cost parameters, its registry's source names. Diagrams and BPMN of several procedures go to
    a folder, one file each; everything else is one file. Long exports report ``progress(done, total)`` and stop
    when ``cancelled()`` returns True, leaving no file behind.

    >>> with Workspace.open("w.sqlite") as ws:                                      # doctest: +SKIP
    ...     export(ws, ExportRequest("cost-xlsx", Path("cost.xlsx"), proposal="phuong-an"))
    15

    Raises
    ------
    Cancelled : ``cancelled`` returned True; no file is left.
    TthcError : the selection cannot be written so (several diagrams to one file, an unknown kind...).
    DiagramError, OSError : the exporter failed.
    """
    kind = KINDS.get(request.kind)
    if kind is None:
        raise TthcError(f"Unknown export kind {request.kind!r}: use one of {', '.join(KINDS)}.")
    check_cancelled(cancelled, EXPORT)
    return kind.write(_Run(ws, request, progress, cancelled))

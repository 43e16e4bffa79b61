"""BPMN 2.0.2 XML of a procedure, always with diagram interchange (DI), for bpmn-js, Camunda Modeler and the like.

The process is built on :func:`models.graph.procedure_graph` (DOMAIN.md §7, Descriptive conformance class):

=================================== ===============================================================================
graph                               BPMN
=================================== ===============================================================================
actors of the steps                 a ``lane`` each (applicant, one-stop desk, handling agency, other agencies,
                                    data systems; only the lanes used), in one ``participant`` (pool)
``start`` / ``end``                 ``startEvent`` / ``endEvent``
``step:i``                          ``userTask`` (applicant), ``serviceTask`` (data systems), ``task`` (officials)
``flow`` edges                      ``sequenceFlow`` (with each node's ``incoming``/``outgoing``)
``item:i`` → consuming step         ``dataObject`` + ``dataObjectReference``, a ``dataInputAssociation`` into the
                                    step (whose ``ioSpecification`` declares the matching ``dataInput``)
``source:x`` → item                 ``dataStore`` (at definitions level, shared by both pools) +
                                    ``dataStoreReference`` in the data-systems lane, an ``association`` to the item
step with ``data_source`` (lookup)  the same data store, a ``dataInputAssociation`` into the lookup step
producing step → ``result:i``       ``dataObject`` + ``dataObjectReference``, a ``dataOutputAssociation``
channels' time limits               a ``textAnnotation`` associated with the end event (timer events are outside the
                                    Descriptive class, and the limit runs over the whole handling, not one task)
=================================== ===============================================================================

Without published steps the items and results are associated with the start and end events. Full texts go into
``documentation``; names are cut at :data:`NAME_LIMIT` characters for the diagram. Every text passes through
:func:`exporters.safety.xml_text`.

**As-is and to-be.** ``generate_bpmn(as_is, findings, to_be=draft.procedure)`` writes one file with a collaboration of
two pools, the as-is process above the to-be process: one file keeps the pair together when it is mailed or opened,
and bpmn-js shows both at once. Ids are then prefixed ``AsIs_`` and ``ToBe_``; the data stores are declared once.

What goes into each process (flow nodes, data, associations, their texts and ids) is planned by
:mod:`exporters.flow.bpmn_plan`; this module writes the plans as XML and DI, laid out by
:mod:`exporters.flow.bpmn_layout`.

Ids are derived from the graph's (``step:2`` → ``Activity_2``, ``item:3`` → ``DataObjectReference_item_3``), so the
same input always gives the same bytes. :func:`validate_bpmn` (XSD, references, DI; see :mod:`exporters.flow.bpmn_check`)
returns [] for every export.

Example
-------
>>> from models.procedure import DossierItem, Procedure, Step
>>> p = Procedure(code="1.000001", name="Đăng ký", steps=[Step(actor="APPLICANT", description="Nộp hồ sơ")],
...               items=[DossierItem(name="Tờ khai")])
>>> xml = generate_bpmn(p, registry=[])
>>> validate_bpmn(xml)
[]
>>> b'<bpmn:userTask id="Activity_0" name="N\\xe1\\xbb\\x99p h\\xe1\\xbb\\x93 s\\xc6\\xa1">' in xml
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from lxml import etree

from exporters.flow.bpmn_check import check_diagram, check_references, validate_bpmn, xsd_errors
from exporters.flow.bpmn_layout import (
    Box,
    Column,
    PoolLayout,
    flow_waypoints,
    layout_pool,
    link_waypoints,
    stack_origin,
)
from exporters.flow.bpmn_plan import (
    DATA_SIZES,
    POOLS,
    FlowNode,
    Plan,
    Planner,
    short_name,
    store_documentation,
    xml_id,
)
from exporters.output import atomic_output, atomic_outputs
from exporters.safety import safe_filename
from models.findings import Finding
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled
from models.procedure import Procedure
from models.sources import DataSource, load_registry
from models.vocabulary import label

__all__ = [
    "check_diagram",
    "check_references",
    "generate_bpmn",
    "validate_bpmn",
    "write_bpmn",
    "write_bpmn_folder",
    "xsd_errors",
]

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
NSMAP = {"bpmn": MODEL, "bpmndi": BPMNDI, "dc": DC, "di": DI}
#: targetNamespace of a procedure's file: this prefix and its code.
TARGET_NAMESPACE = "https://dichvucong.gov.vn/tthc/"
EXPORTER = "TTHC Workbench"


# --- XML ----------------------------------------------------------------------------------------------------------


def _qualified(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NSMAP[prefix]}}}{local}"


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, _qualified(tag), {k: v for k, v in attrs.items() if v != ""})
    if text is not None:
        element.text = text
    return element


def _documented(parent: Any, tag: str, documentation: str, **attrs: str) -> Any:
    element = _sub(parent, tag, **attrs)
    if documentation:
        _sub(element, "bpmn:documentation", documentation)
    return element


def _flow_node_xml(process: Any, node: FlowNode) -> None:
    element = _documented(process, f"bpmn:{node.tag}", node.documentation, id=node.id, name=node.name)
    for flow in node.incoming:
        _sub(element, "bpmn:incoming", flow)
    for flow in node.outgoing:
        _sub(element, "bpmn:outgoing", flow)
    if not (node.inputs or node.outputs):
        return
    io = _sub(element, "bpmn:ioSpecification", id=f"{node.id}_io")
    for _, data_input, _ in node.inputs:
        _sub(io, "bpmn:dataInput", id=data_input)
    for _, data_output, _ in node.outputs:
        _sub(io, "bpmn:dataOutput", id=data_output)
    inputs = _sub(io, "bpmn:inputSet", id=f"{node.id}_inputs")
    for _, data_input, _ in node.inputs:
        _sub(inputs, "bpmn:dataInputRefs", data_input)
    outputs = _sub(io, "bpmn:outputSet", id=f"{node.id}_outputs")
    for _, data_output, _ in node.outputs:
        _sub(outputs, "bpmn:dataOutputRefs", data_output)
    for association, data_input, source in node.inputs:
        link = _sub(element, "bpmn:dataInputAssociation", id=association)
        _sub(link, "bpmn:sourceRef", source)
        _sub(link, "bpmn:targetRef", data_input)
    for association, data_output, target in node.outputs:
        link = _sub(element, "bpmn:dataOutputAssociation", id=association)
        _sub(link, "bpmn:sourceRef", data_output)
        _sub(link, "bpmn:targetRef", target)


def _process_xml(root: Any, plan: Plan) -> None:
    process = _sub(root, "bpmn:process", id=plan.process_id, name=plan.name, isExecutable="false")
    lane_set = _sub(process, "bpmn:laneSet", id=f"{plan.prefix}LaneSet")
    for actor in plan.lanes:
        lane = _sub(lane_set, "bpmn:lane", id=plan.lane_id(actor), name=label(actor))
        for node in plan.nodes:
            if node.lane == actor:
                _sub(lane, "bpmn:flowNodeRef", node.id)
    for node in plan.nodes:
        _flow_node_xml(process, node)
    for flow_id, source, target in plan.flows:
        _sub(process, "bpmn:sequenceFlow", id=flow_id, sourceRef=source, targetRef=target)
    for data in plan.data:
        if data.kind == "object":
            _sub(process, "bpmn:dataObject", id=data.target, name=data.name)
            _documented(
                process, "bpmn:dataObjectReference", data.documentation, id=data.id, name=data.name,
                dataObjectRef=data.target,
            )  # fmt: skip
        elif data.kind == "store":
            _sub(process, "bpmn:dataStoreReference", id=data.id, name=data.name, dataStoreRef=data.target)
    for data in plan.data:
        if data.kind == "note":
            _sub(_sub(process, "bpmn:textAnnotation", id=data.id), "bpmn:text", data.documentation)
    for association_id, source, target, direction in plan.associations:
        _sub(
            process, "bpmn:association", id=association_id, sourceRef=source, targetRef=target,
            associationDirection=direction,
        )  # fmt: skip


def _layout(plan: Plan, previous: PoolLayout | None) -> PoolLayout:
    lane_index = {actor: k for k, actor in enumerate(plan.lanes)}
    columns = [Column(node.id, lane_index[node.lane], node.size) for node in plan.nodes]
    for data in plan.data:
        columns[data.column].attachments.setdefault(lane_index[data.lane], []).append(
            (data.id, DATA_SIZES[data.kind])
        )
    return layout_pool(len(plan.lanes), columns, stack_origin(previous))


def _shape(plane: Any, element: str, box: Box, horizontal: bool = False) -> None:
    shape = _sub(plane, "bpmndi:BPMNShape", id=f"{element}_di", bpmnElement=element)
    if horizontal:
        shape.set("isHorizontal", "true")
    _sub(shape, "dc:Bounds", x=str(box.x), y=str(box.y), width=str(box.w), height=str(box.h))


def _edge(plane: Any, element: str, points: Sequence[tuple[int, int]]) -> None:
    edge = _sub(plane, "bpmndi:BPMNEdge", id=f"{element}_di", bpmnElement=element)
    for x, y in points:
        _sub(edge, "di:waypoint", x=str(x), y=str(y))


def _diagram_xml(plane: Any, plan: Plan, pool: PoolLayout) -> None:
    boxes = pool.boxes
    _shape(plane, plan.participant_id, pool.pool, horizontal=True)
    for actor, box in zip(plan.lanes, pool.lanes, strict=True):
        _shape(plane, plan.lane_id(actor), box, horizontal=True)
    for node in plan.nodes:
        _shape(plane, node.id, boxes[node.id])
    for data in plan.data:
        _shape(plane, data.id, boxes[data.id])
    for column, (flow_id, source, target) in enumerate(plan.flows):  # flow k leaves column k
        _edge(plane, flow_id, flow_waypoints(boxes[source], boxes[target], pool.gaps[column]))
    for node in plan.nodes:
        for association, _, source in node.inputs:
            _edge(plane, association, link_waypoints(boxes[source], boxes[node.id]))
        for association, _, target in node.outputs:
            _edge(plane, association, link_waypoints(boxes[node.id], boxes[target]))
    for association_id, source, target, _ in plan.associations:
        _edge(plane, association_id, link_waypoints(boxes[source], boxes[target]))


# --- API ----------------------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _shipped_registry() -> tuple[DataSource, ...]:
    return tuple(load_registry())


def _title(procedure: Procedure) -> str:
    return f"{procedure.code} — {procedure.name}"


def generate_bpmn(
    procedure: Procedure,
    findings: Iterable[Finding] | None = None,
    registry: Iterable[DataSource] | None = None,
    *,
    to_be: Procedure | None = None,
    to_be_findings: Iterable[Finding] | None = None,
) -> bytes:
    """The BPMN 2.0.2 file (UTF-8 XML, with DI) of ``procedure``, or of its as-is and to-be versions.

    Parameters
    ----------
    procedure : the procedure (the as-is version when ``to_be`` is given).
    findings : the finder's findings for its items: data stores for the sources they name, grades in the items'
        documentation.
    registry : the data-source registry, for the data stores' names (the shipped registry when None).
    to_be : the redesigned version (a :class:`~models.redesign.history.Draft`'s procedure): a second pool under the first.
    to_be_findings : findings for the to-be version's items (item indexes of the to-be version).

    Returns
    -------
    bytes : the XML document; the same input always gives the same bytes.
    """
    sources = {source.id: source for source in (_shipped_registry() if registry is None else registry)}
    if to_be is None:
        plans = [Planner(procedure, findings, sources, "").plan(_title(procedure))]
    else:
        plans = [
            Planner(version, version_findings, sources, POOLS[key][0]).plan(
                f"{POOLS[key][1]}: {_title(version)}"
            )
            for key, version, version_findings in (
                ("asis", procedure, findings),
                ("tobe", to_be, to_be_findings),
            )
        ]
    root = etree.Element(
        _qualified("bpmn:definitions"),
        {
            "id": f"Definitions_{xml_id(procedure.code)}",
            "name": short_name(_title(procedure), 250),
            "targetNamespace": TARGET_NAMESPACE + quote(procedure.code, safe=".-_~"),
            "exporter": EXPORTER,
        },
        nsmap=NSMAP,
    )
    collaboration = _sub(root, "bpmn:collaboration", id="Collaboration_1")
    for plan in plans:
        _sub(
            collaboration,
            "bpmn:participant",
            id=plan.participant_id,
            name=plan.name,
            processRef=plan.process_id,
        )
    for plan in plans:
        _process_xml(root, plan)
    declared: set[str] = set()
    for data in (d for plan in plans for d in plan.data if d.kind == "store"):
        if data.target not in declared:
            declared.add(data.target)
            _documented(
                root, "bpmn:dataStore", store_documentation(data.source, sources.get(data.source)),
                id=data.target, name=data.name,
                isUnlimited="true",
            )  # fmt: skip
    diagram = _sub(root, "bpmndi:BPMNDiagram", id="BPMNDiagram_1", name=short_name(_title(procedure), 250))
    plane = _sub(diagram, "bpmndi:BPMNPlane", id="BPMNPlane_1", bpmnElement="Collaboration_1")
    previous: PoolLayout | None = None
    for plan in plans:
        previous = _layout(plan, previous)
        _diagram_xml(plane, plan, previous)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_bpmn(
    procedure: Procedure,
    path: Path,
    findings: Iterable[Finding] | None = None,
    registry: Iterable[DataSource] | None = None,
    *,
    to_be: Procedure | None = None,
    to_be_findings: Iterable[Finding] | None = None,
) -> None:
    """Write :func:`generate_bpmn` to ``path`` atomically (a partial file never replaces a good one)."""
    data = generate_bpmn(procedure, findings, registry, to_be=to_be, to_be_findings=to_be_findings)
    with atomic_output(path) as tmp:
        tmp.write_bytes(data)


def write_bpmn_folder(
    procedures: Iterable[Procedure],
    folder: Path,
    findings_by_code: Mapping[str, Iterable[Finding]] | None = None,
    registry: Iterable[DataSource] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
) -> list[Path]:
    """One ``<code>.bpmn`` file per procedure in ``folder`` (created if needed), for big selections.

    Procedures are written one at a time (never all in memory as XML), each beside its target until all are
    written (:func:`exporters.output.atomic_outputs`). ``progress(done, total)`` is called after each file; when
    ``cancelled()`` returns True, or a file cannot be written, none is left and a file already in ``folder`` is as
    it was (:class:`~models.jobs.Cancelled` is raised).

    Returns
    -------
    list of Path : the files written, in procedure order.
    """
    procedures = list(procedures)
    registry = _shipped_registry() if registry is None else tuple(registry)
    folder.mkdir(parents=True, exist_ok=True)
    with atomic_outputs() as outputs:
        for done, procedure in enumerate(procedures, start=1):
            check_cancelled(cancelled, EXPORT)
            stem = safe_filename(procedure.code)
            path = folder / f"{stem}.bpmn"
            copy = 1
            while path in outputs:
                copy += 1
                path = folder / f"{stem}-{copy}.bpmn"
            findings = (findings_by_code or {}).get(procedure.code)
            outputs.partial(path).write_bytes(generate_bpmn(procedure, findings, registry))
            if progress is not None:
                progress(done, len(procedures))
        check_cancelled(cancelled, EXPORT)
    return outputs.targets

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

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal
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
from exporters.output import atomic_output, atomic_outputs
from exporters.safety import safe_filename, xml_text
from exporters.wording import item_facts, one_line, shorten, time_limits
from models.enums import Actor
from models.findings import Finding
from models.graph import procedure_graph
from models.jobs import EXPORT, CancelCheck, Progress, check_cancelled
from models.procedure import DossierItem, Procedure
from models.redesign import ISSUER_RECORDS, ISSUER_RECORDS_NAME
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
#: Lanes from top to bottom.
LANES: tuple[Actor, ...] = (
    Actor.APPLICANT,
    Actor.ONE_STOP_DESK,
    Actor.HANDLING_AGENCY,
    Actor.OTHER_AGENCY,
    Actor.DATA_SYSTEM,
)
NAME_LIMIT = 120
TASK_SIZE = (120, 80)
EVENT_SIZE = (36, 36)
DATA_OBJECT_SIZE = (36, 50)
DATA_STORE_SIZE = (50, 50)
NOTE_SIZE = (220, 90)
POOLS = {"asis": ("AsIs_", "Hiện trạng"), "tobe": ("ToBe_", "Phương án")}

_TASK_TAGS = {Actor.APPLICANT: "userTask", Actor.DATA_SYSTEM: "serviceTask"}
_NOT_NCNAME = re.compile(r"[^A-Za-z0-9_.-]+")

DataKind = Literal["object", "store", "note"]
_SIZES: dict[DataKind, tuple[int, int]] = {
    "object": DATA_OBJECT_SIZE,
    "store": DATA_STORE_SIZE,
    "note": NOTE_SIZE,
}


# --- text ---------------------------------------------------------------------------------------------------------


def _name(text: str | None, limit: int = NAME_LIMIT) -> str:
    """A name for the diagram: one line, cut at a word past ``limit`` (the full text goes to documentation)."""
    return shorten(text, limit)


def _slug(text: str) -> str:
    """``text`` as the tail of an XML id (an NCName)."""
    return _NOT_NCNAME.sub("_", text).strip("_") or "x"


def _time_limit_text(procedure: Procedure) -> str:
    """'Thời hạn giải quyết' with one line per channel (unit and condition kept as published), or ""."""
    lines = time_limits(procedure.channels)
    return "\n".join(["Thời hạn giải quyết:", *(f"- {line}" for line in lines)]) if lines else ""


# --- the plan: what goes into one process ---------------------------------------------------------------------------


@dataclass(slots=True)
class _FlowNode:
    id: str
    tag: str
    name: str
    documentation: str
    lane: Actor
    size: tuple[int, int]
    incoming: list[str] = field(default_factory=list)
    outgoing: list[str] = field(default_factory=list)
    # (association, dataInput, source element) and (association, dataOutput, target element)
    inputs: list[tuple[str, str, str]] = field(default_factory=list)
    outputs: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Data:
    """A data object reference, a data store reference or the time-limit note, drawn in ``column`` of ``lane``."""

    kind: DataKind
    id: str
    name: str
    documentation: str
    column: int
    lane: Actor
    target: str = ""  # the dataObject or dataStore a reference points at
    source: str = ""  # a data store's registry id


@dataclass(slots=True)
class _Plan:
    prefix: str
    name: str
    lanes: list[Actor]
    nodes: list[_FlowNode]
    flows: list[tuple[str, str, str]]
    data: list[_Data]
    associations: list[tuple[str, str, str, str]]  # (id, source, target, direction)

    @property
    def process_id(self) -> str:
        return f"{self.prefix}Process"

    @property
    def participant_id(self) -> str:
        return f"{self.prefix}Participant"

    def lane_id(self, actor: Actor) -> str:
        return f"{self.prefix}Lane_{actor.value.lower()}"


def _store_documentation(source_id: str, source: DataSource | None) -> str:
    if source is None:
        return f"Nguồn dữ liệu: {source_id}"
    lines = [f"{source.name} ({source.id})"]
    if source.owner:
        lines.append(f"Cơ quan quản lý: {source.owner}")
    if source.legal_basis:
        lines.append(f"Căn cứ: {source.legal_basis}")
    lines.append("Đã công bố thay thế giấy tờ" if source.announced else "Chưa công bố thay thế giấy tờ")
    return xml_text("\n".join(lines))


def _item_documentation(item: DossierItem, node: Mapping[str, Any], sources: list[str]) -> str:
    lines = item_facts(item, node["grade"], sources)
    if node["issuing_procedure"]:
        lines.append(f"Là kết quả của thủ tục {node['issuing_procedure']}")
    return "\n".join(lines)


def _step_documentation(procedure: Procedure, index: int, inferred: bool, source_name: str | None) -> str:
    step = procedure.steps[index]
    lines = [xml_text(step.description).strip()] if step.description.strip() else []
    if step.title and step.description.strip() and one_line(step.title) != one_line(step.description):
        lines.insert(0, one_line(step.title))
    if step.time_text:
        lines.append(f"Thời gian: {one_line(step.time_text)}")
    if inferred:
        lines.append("Tác nhân được suy ra từ thứ tự bước (văn bản không nêu).")
    if step.in_person is False:
        lines.append("Không cần có mặt trực tiếp.")
    if source_name:
        lines.append(f"Khai thác dữ liệu từ: {source_name}")
    return "\n".join(lines)


def _flow_order(graph: Any) -> list[str]:
    order = ["start"]
    while order[-1] != "end":
        here = order[-1]
        order.append(next(v for v in graph.successors(here) if graph.edges[here, v]["kind"] == "flow"))
    return order


def _kind(graph: Any, kind: str) -> list[str]:
    """The graph's nodes of one kind, by index."""
    nodes = (n for n, d in graph.nodes(data=True) if d["kind"] == kind)
    return sorted(nodes, key=lambda n: graph.nodes[n]["index"])


class _Planner:
    """Reads a procedure's graph into a :class:`_Plan`: flow nodes in flow order (one column each), then what each
    column holds: documents taken in, data stores, results, the time-limit note."""

    def __init__(
        self,
        procedure: Procedure,
        findings: Iterable[Finding] | None,
        sources: Mapping[str, DataSource],
        prefix: str,
    ) -> None:
        self.procedure = procedure
        self.graph = procedure_graph(procedure, findings)
        self.sources = sources
        self.prefix = prefix
        self.order = _flow_order(self.graph)
        self.column = {node: k for k, node in enumerate(self.order)}
        self.nodes: dict[str, _FlowNode] = {}
        self.data: list[_Data] = []
        self.associations: list[tuple[str, str, str, str]] = []
        self.stores: dict[str, str] = {}  # registry id -> its data store reference

    def source_name(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return source.name if source else ISSUER_RECORDS_NAME if source_id == ISSUER_RECORDS else source_id

    def plan(self, title: str) -> _Plan:
        flows = self._flow_nodes()
        consumers: dict[str, list[str]] = {}
        for item in _kind(self.graph, "item"):
            edges = self.graph.edges
            consumer = next(v for v in self.graph.successors(item) if edges[item, v]["kind"] == "consumes")
            consumers.setdefault(consumer, []).append(item)
        for node in self.order:
            if node.startswith("step:"):
                self._lookup(node)
            for item in consumers.get(node, ()):
                self._item(item, node)
        for result in _kind(self.graph, "result"):
            self._result(result)
        self._note()
        used = {node.lane for node in self.nodes.values()} | ({Actor.DATA_SYSTEM} if self.stores else set())
        return _Plan(
            self.prefix,
            _name(title, 250),
            [actor for actor in LANES if actor in used],
            [self.nodes[n] for n in self.order],
            flows,
            self.data,
            self.associations,
        )

    def _flow_nodes(self) -> list[tuple[str, str, str]]:
        steps = [self.graph.nodes[n] for n in self.order[1:-1]]
        first = steps[0]["actor"] if steps else Actor.APPLICANT
        last = steps[-1]["actor"] if steps else Actor.APPLICANT
        p = self.prefix
        self.nodes["start"] = _FlowNode(f"{p}StartEvent", "startEvent", "Bắt đầu", "", first, EVENT_SIZE)
        for node, step in zip(self.order[1:-1], steps, strict=True):
            index = step["index"]
            lookup = self.procedure.steps[index].data_source
            documentation = _step_documentation(
                self.procedure, index, step["actor_inferred"], self.source_name(lookup) if lookup else None
            )
            self.nodes[node] = _FlowNode(
                f"{p}Activity_{index}",
                _TASK_TAGS.get(step["actor"], "task"),
                _name(step["label"]) or f"Bước {index + 1}",
                documentation,
                step["actor"],
                TASK_SIZE,
            )
        self.nodes["end"] = _FlowNode(f"{p}EndEvent", "endEvent", "Kết thúc", "", last, EVENT_SIZE)
        flows = []
        for k, (u, v) in enumerate(pairwise(self.order)):
            flow = f"{p}Flow_{k}"
            flows.append((flow, self.nodes[u].id, self.nodes[v].id))
            self.nodes[u].outgoing.append(flow)
            self.nodes[v].incoming.append(flow)
        return flows

    def _store(self, source_id: str, at: str) -> str:
        """The reference to a source's data store, drawn in the data-systems lane where it is first needed."""
        if source_id not in self.stores:
            reference = self.stores[source_id] = f"{self.prefix}DataStoreReference_{_slug(source_id)}"
            name = _name(self.source_name(source_id))
            store = f"DataStore_{_slug(source_id)}"
            self.data.append(
                _Data("store", reference, name, "", self.column[at], Actor.DATA_SYSTEM, store, source_id)
            )
        return self.stores[source_id]

    def _lookup(self, node: str) -> None:
        """A step a redesign made a lookup takes its data in from the source's data store."""
        index = self.graph.nodes[node]["index"]
        source = self.procedure.steps[index].data_source
        if source:
            tail = f"{_slug(source)}_{index}"
            link = (f"{self.prefix}DataInputAssociation_{tail}", f"{self.prefix}DataInput_{tail}")
            self.nodes[node].inputs.append((*link, self._store(source, node)))

    def _item(self, item: str, consumer: str) -> None:
        attrs, p = self.graph.nodes[item], self.prefix
        index = attrs["index"]
        reference = f"{p}DataObjectReference_item_{index}"
        edges = self.graph.edges
        suppliers = sorted(s for s in self.graph.predecessors(item) if edges[s, item]["kind"] == "supplies")
        sources = [self.graph.nodes[s]["source"] for s in suppliers]
        names = [self.source_name(s) for s in sources]
        documentation = _item_documentation(self.procedure.items[index], attrs, names)
        node = self.nodes[consumer]
        self.data.append(
            _Data("object", reference, _name(attrs["label"]), documentation, self.column[consumer], node.lane,
                  f"{p}DataObject_item_{index}")
        )  # fmt: skip
        if consumer == "start":  # no published step; a start event takes no data input
            self.associations.append((f"{p}Association_item_{index}", reference, node.id, "One"))
        else:
            node.inputs.append(
                (f"{p}DataInputAssociation_item_{index}", f"{p}DataInput_item_{index}", reference)
            )
        for source in sources:
            link = f"{p}Association_{_slug(source)}_item_{index}"
            self.associations.append((link, self._store(source, consumer), reference, "One"))

    def _result(self, result: str) -> None:
        attrs, p = self.graph.nodes[result], self.prefix
        index = attrs["index"]
        producer = next(iter(self.graph.predecessors(result)))
        reference = f"{p}DataObjectReference_result_{index}"
        code = f"\nMã kết quả: {one_line(attrs['code'])}" if attrs["code"] else ""
        node = self.nodes[producer]
        self.data.append(
            _Data("object", reference, _name(attrs["label"]), xml_text(attrs["name"]) + code,
                  self.column[producer], node.lane, f"{p}DataObject_result_{index}")
        )  # fmt: skip
        if producer == "end":  # no published step; an end event produces no data output
            self.associations.append((f"{p}Association_result_{index}", node.id, reference, "One"))
        else:
            link = (f"{p}DataOutputAssociation_result_{index}", f"{p}DataOutput_result_{index}")
            node.outputs.append((*link, reference))

    def _note(self) -> None:
        note = _time_limit_text(self.procedure)
        if note:
            end = self.nodes["end"]
            note_id = f"{self.prefix}TextAnnotation_time_limit"
            self.data.append(_Data("note", note_id, "", xml_text(note), self.column["end"], end.lane))
            self.associations.append((f"{self.prefix}Association_time_limit", note_id, end.id, "None"))


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


def _flow_node_xml(process: Any, node: _FlowNode) -> None:
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


def _process_xml(root: Any, plan: _Plan) -> None:
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


def _layout(plan: _Plan, previous: PoolLayout | None) -> PoolLayout:
    lane_index = {actor: k for k, actor in enumerate(plan.lanes)}
    columns = [Column(node.id, lane_index[node.lane], node.size) for node in plan.nodes]
    for data in plan.data:
        columns[data.column].attachments.setdefault(lane_index[data.lane], []).append(
            (data.id, _SIZES[data.kind])
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


def _diagram_xml(plane: Any, plan: _Plan, pool: PoolLayout) -> None:
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
    to_be : the redesigned version (a :class:`~models.redesign.Draft`'s procedure): a second pool under the first.
    to_be_findings : findings for the to-be version's items (item indexes of the to-be version).

    Returns
    -------
    bytes : the XML document; the same input always gives the same bytes.
    """
    sources = {source.id: source for source in (_shipped_registry() if registry is None else registry)}
    if to_be is None:
        plans = [_Planner(procedure, findings, sources, "").plan(_title(procedure))]
    else:
        plans = [
            _Planner(version, version_findings, sources, POOLS[key][0]).plan(
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
            "id": f"Definitions_{_slug(procedure.code)}",
            "name": _name(_title(procedure), 250),
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
                root, "bpmn:dataStore", _store_documentation(data.source, sources.get(data.source)),
                id=data.target, name=data.name,
                isUnlimited="true",
            )  # fmt: skip
    diagram = _sub(root, "bpmndi:BPMNDiagram", id="BPMNDiagram_1", name=_name(_title(procedure), 250))
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

"""What goes into one BPMN process: a procedure's graph (:func:`models.graph.procedure_graph`) read into flow nodes
in flow order, the data objects, data stores and note each column holds, and their associations; with the texts and
ids they carry. :mod:`exporters.flow.bpmn` writes a :class:`Plan` as XML and lays it out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

from exporters.safety import xml_text
from exporters.wording import item_facts, one_line, shorten, time_limits
from models.enums import Actor
from models.findings import Finding
from models.graph import procedure_graph
from models.procedure import DossierItem, Procedure
from models.redesign.item_changes import ISSUER_RECORDS, ISSUER_RECORDS_NAME
from models.sources import DataSource

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
DATA_SIZES: dict[DataKind, tuple[int, int]] = {
    "object": DATA_OBJECT_SIZE,
    "store": DATA_STORE_SIZE,
    "note": NOTE_SIZE,
}


# --- text ---------------------------------------------------------------------------------------------------------


def short_name(text: str | None, limit: int = NAME_LIMIT) -> str:
    """A name for the diagram: one line, cut at a word past ``limit`` (the full text goes to documentation)."""
    return shorten(text, limit)


def xml_id(text: str) -> str:
    """``text`` as the tail of an XML id (an NCName)."""
    return _NOT_NCNAME.sub("_", text).strip("_") or "x"


def time_limit_note(procedure: Procedure) -> str:
    """'Thời hạn giải quyết' with one line per channel (unit and condition kept as published), or ""."""
    lines = time_limits(procedure.channels)
    return "\n".join(["Thời hạn giải quyết:", *(f"- {line}" for line in lines)]) if lines else ""


# --- the plan: what goes into one process ---------------------------------------------------------------------------


@dataclass(slots=True)
class FlowNode:
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
class DataRef:
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
class Plan:
    prefix: str
    name: str
    lanes: list[Actor]
    nodes: list[FlowNode]
    flows: list[tuple[str, str, str]]
    data: list[DataRef]
    associations: list[tuple[str, str, str, str]]  # (id, source, target, direction)

    @property
    def process_id(self) -> str:
        return f"{self.prefix}Process"

    @property
    def participant_id(self) -> str:
        return f"{self.prefix}Participant"

    def lane_id(self, actor: Actor) -> str:
        return f"{self.prefix}Lane_{actor.value.lower()}"


def store_documentation(source_id: str, source: DataSource | None) -> str:
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


class Planner:
    """Reads a procedure's graph into a :class:`Plan`: flow nodes in flow order (one column each), then what each
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
        self.nodes: dict[str, FlowNode] = {}
        self.data: list[DataRef] = []
        self.associations: list[tuple[str, str, str, str]] = []
        self.stores: dict[str, str] = {}  # registry id -> its data store reference

    def source_name(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return source.name if source else ISSUER_RECORDS_NAME if source_id == ISSUER_RECORDS else source_id

    def plan(self, title: str) -> Plan:
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
        return Plan(
            self.prefix,
            short_name(title, 250),
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
        self.nodes["start"] = FlowNode(f"{p}StartEvent", "startEvent", "Bắt đầu", "", first, EVENT_SIZE)
        for node, step in zip(self.order[1:-1], steps, strict=True):
            index = step["index"]
            lookup = self.procedure.steps[index].data_source
            documentation = _step_documentation(
                self.procedure, index, step["actor_inferred"], self.source_name(lookup) if lookup else None
            )
            self.nodes[node] = FlowNode(
                f"{p}Activity_{index}",
                _TASK_TAGS.get(step["actor"], "task"),
                short_name(step["label"]) or f"Bước {index + 1}",
                documentation,
                step["actor"],
                TASK_SIZE,
            )
        self.nodes["end"] = FlowNode(f"{p}EndEvent", "endEvent", "Kết thúc", "", last, EVENT_SIZE)
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
            reference = self.stores[source_id] = f"{self.prefix}DataStoreReference_{xml_id(source_id)}"
            name = short_name(self.source_name(source_id))
            store = f"DataStore_{xml_id(source_id)}"
            self.data.append(
                DataRef("store", reference, name, "", self.column[at], Actor.DATA_SYSTEM, store, source_id)
            )
        return self.stores[source_id]

    def _lookup(self, node: str) -> None:
        """A step a redesign made a lookup takes its data in from the source's data store."""
        index = self.graph.nodes[node]["index"]
        source = self.procedure.steps[index].data_source
        if source:
            tail = f"{xml_id(source)}_{index}"
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
            DataRef("object", reference, short_name(attrs["label"]), documentation, self.column[consumer], node.lane,
                  f"{p}DataObject_item_{index}")
        )  # fmt: skip
        if consumer == "start":  # no published step; a start event takes no data input
            self.associations.append((f"{p}Association_item_{index}", reference, node.id, "One"))
        else:
            node.inputs.append(
                (f"{p}DataInputAssociation_item_{index}", f"{p}DataInput_item_{index}", reference)
            )
        for source in sources:
            link = f"{p}Association_{xml_id(source)}_item_{index}"
            self.associations.append((link, self._store(source, consumer), reference, "One"))

    def _result(self, result: str) -> None:
        attrs, p = self.graph.nodes[result], self.prefix
        index = attrs["index"]
        producer = next(iter(self.graph.predecessors(result)))
        reference = f"{p}DataObjectReference_result_{index}"
        code = f"\nMã kết quả: {one_line(attrs['code'])}" if attrs["code"] else ""
        node = self.nodes[producer]
        self.data.append(
            DataRef("object", reference, short_name(attrs["label"]), xml_text(attrs["name"]) + code,
                  self.column[producer], node.lane, f"{p}DataObject_result_{index}")
        )  # fmt: skip
        if producer == "end":  # no published step; an end event produces no data output
            self.associations.append((f"{p}Association_result_{index}", node.id, reference, "One"))
        else:
            link = (f"{p}DataOutputAssociation_result_{index}", f"{p}DataOutput_result_{index}")
            node.outputs.append((*link, reference))

    def _note(self) -> None:
        note = time_limit_note(self.procedure)
        if note:
            end = self.nodes["end"]
            note_id = f"{self.prefix}TextAnnotation_time_limit"
            self.data.append(DataRef("note", note_id, "", xml_text(note), self.column["end"], end.lane))
            self.associations.append((f"{self.prefix}Association_time_limit", note_id, end.id, "None"))

"""Checking a BPMN 2.0.2 file: the OMG XSD, the references between elements, and the diagram (DI).

XSD validation does not notice a ``bpmnElement``, ``targetRef`` or ``flowNodeRef`` that points at a missing id, or
at an element of the wrong kind (a sequence flow into a data object), so :func:`check_references` looks at every
reference the BPMN and BPMN DI schemas define. :func:`check_diagram` checks that the file can be drawn: a shape with
bounds for every flow node, lane, pool, data object, data store and annotation; an edge with at least two waypoints
for every connector; each flow node in one lane and drawn inside it.

The XSDs are a copy of ``../shared/schemas/bpmn-2.0.2`` (OMG files as distributed by bpmn-io/bpmn-moddle, MIT),
shipped in ``exporters/schemas`` so that validation works offline and installed; their includes and imports
resolve to the files beside them.

Every function returns a list of one-line messages; [] means valid.

Example
-------
>>> xml = b'''<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="x">
...   <process id="P"><startEvent id="S"/><sequenceFlow id="F" sourceRef="S" targetRef="E"/></process>
... </definitions>'''
>>> check_references(xml)
["sequenceFlow 'F': targetRef 'E' does not exist"]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas" / "bpmn-2.0.2"

_TASKS = {
    "task",
    "userTask",
    "serviceTask",
    "manualTask",
    "scriptTask",
    "businessRuleTask",
    "sendTask",
    "receiveTask",
}
ACTIVITIES = frozenset(_TASKS | {"subProcess", "adHocSubProcess", "transaction", "callActivity"})
EVENTS = frozenset(
    {
        "startEvent",
        "endEvent",
        "intermediateCatchEvent",
        "intermediateThrowEvent",
        "boundaryEvent",
        "implicitThrowEvent",
    }
)
GATEWAYS = frozenset(
    {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"}
)
FLOW_NODES = ACTIVITIES | EVENTS | GATEWAYS
ITEM_AWARE = frozenset(
    {"dataObject", "dataObjectReference", "dataStoreReference", "dataInput", "dataOutput", "property"}
)
CONNECTORS = frozenset(
    {
        "sequenceFlow",
        "messageFlow",
        "association",
        "dataInputAssociation",
        "dataOutputAssociation",
        "conversationLink",
    }
)
#: Elements a diagram must draw as a shape.
DRAWN = FLOW_NODES | {
    "participant",
    "lane",
    "dataObjectReference",
    "dataStoreReference",
    "textAnnotation",
    "group",
}
_CONTAINERS = frozenset({"process", "subProcess", "adHocSubProcess", "transaction"})

# (element, reference) -> the kinds it may point at (None: any BPMN element). "@name" is an attribute, any other
# name a child element; element "*" applies to every element.
RULES: dict[tuple[str, str], frozenset[str] | None] = {
    ("sequenceFlow", "@sourceRef"): FLOW_NODES,
    ("sequenceFlow", "@targetRef"): FLOW_NODES,
    ("messageFlow", "@sourceRef"): FLOW_NODES | {"participant"},
    ("messageFlow", "@targetRef"): FLOW_NODES | {"participant"},
    ("messageFlow", "@messageRef"): frozenset({"message"}),
    ("association", "@sourceRef"): None,
    ("association", "@targetRef"): None,
    ("dataObjectReference", "@dataObjectRef"): frozenset({"dataObject"}),
    ("dataStoreReference", "@dataStoreRef"): frozenset({"dataStore"}),
    ("participant", "@processRef"): frozenset({"process"}),
    ("lane", "flowNodeRef"): FLOW_NODES,
    ("dataInputAssociation", "sourceRef"): ITEM_AWARE,
    ("dataInputAssociation", "targetRef"): frozenset({"dataInput", "property"}),
    ("dataOutputAssociation", "sourceRef"): frozenset({"dataOutput", "property"}),
    ("dataOutputAssociation", "targetRef"): ITEM_AWARE,
    ("inputSet", "dataInputRefs"): frozenset({"dataInput"}),
    ("inputSet", "optionalInputRefs"): frozenset({"dataInput"}),
    ("inputSet", "whileExecutingInputRefs"): frozenset({"dataInput"}),
    ("inputSet", "outputSetRefs"): frozenset({"outputSet"}),
    ("outputSet", "dataOutputRefs"): frozenset({"dataOutput"}),
    ("outputSet", "optionalOutputRefs"): frozenset({"dataOutput"}),
    ("outputSet", "whileExecutingOutputRefs"): frozenset({"dataOutput"}),
    ("outputSet", "inputSetRefs"): frozenset({"inputSet"}),
    ("boundaryEvent", "@attachedToRef"): ACTIVITIES,
    ("callActivity", "@calledElement"): frozenset(
        {"process", "globalTask", "globalUserTask", "globalManualTask"}
    ),
    ("process", "@definitionalCollaborationRef"): frozenset({"collaboration"}),
    ("messageEventDefinition", "@messageRef"): frozenset({"message"}),
    ("signalEventDefinition", "@signalRef"): frozenset({"signal"}),
    ("errorEventDefinition", "@errorRef"): frozenset({"error"}),
    ("escalationEventDefinition", "@escalationRef"): frozenset({"escalation"}),
    ("*", "@itemSubjectRef"): frozenset({"itemDefinition"}),
    ("*", "@default"): frozenset({"sequenceFlow"}),
    ("BPMNPlane", "@bpmnElement"): _CONTAINERS
    | {"collaboration", "callActivity", "choreography", "subChoreography"},
    ("BPMNShape", "@bpmnElement"): DRAWN
    | {"dataObject", "dataInput", "dataOutput", "conversation", "message"},
    ("BPMNEdge", "@bpmnElement"): CONNECTORS,
    ("BPMNEdge", "@sourceElement"): frozenset({"BPMNShape", "BPMNEdge"}),
    ("BPMNEdge", "@targetElement"): frozenset({"BPMNShape", "BPMNEdge"}),
    ("BPMNShape", "@choreographyActivityShape"): frozenset({"BPMNShape"}),
    ("BPMNLabel", "@labelStyle"): frozenset({"BPMNLabelStyle"}),
}
for _node in FLOW_NODES:
    RULES[(_node, "incoming")] = frozenset({"sequenceFlow"})
    RULES[(_node, "outgoing")] = frozenset({"sequenceFlow"})
_GROUP_NAMES = {
    FLOW_NODES: "a flow node",
    FLOW_NODES | {"participant"}: "a flow node or participant",
    ACTIVITIES: "an activity",
    ITEM_AWARE: "a data object, data store, data input or output, or property",
    CONNECTORS: "a connector",
}
_BY_ELEMENT: dict[str, list[tuple[str, frozenset[str] | None]]] = defaultdict(list)
for (_element, _reference), _kinds in RULES.items():
    _BY_ELEMENT[_element].append((_reference, _kinds))

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


class _Invalid(Exception):
    pass


def _parse(xml_bytes: bytes) -> Any:
    try:
        return etree.fromstring(xml_bytes, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _Invalid(f"not well-formed XML: {exc}") from None


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _elements(root: Any) -> Iterator[Any]:
    return (e for e in root.iter() if isinstance(e.tag, str))


def _ref(value: str) -> str:
    """A reference's target id: IDREF values as they are, QNames without their prefix."""
    value = value.strip()
    return value.split(":", 1)[1] if ":" in value else value


def _references(element: Any) -> Iterator[tuple[str, str, frozenset[str] | None]]:
    """(reference name, target id, allowed kinds) for each reference ``element`` makes."""
    for reference, kinds in (*_BY_ELEMENT.get(_local(element), ()), *_BY_ELEMENT["*"]):
        if reference.startswith("@"):
            value = element.get(reference[1:])
            if value is not None:
                yield reference[1:], _ref(value), kinds
            continue
        for child in element:
            if isinstance(child.tag, str) and _local(child) == reference and child.text is not None:
                yield reference, _ref(child.text), kinds


def _describe(element: Any) -> str:
    return f"{_local(element)} '{element.get('id')}'" if element.get("id") else _local(element)


def _container(element: Any) -> Any:
    """The process or sub-process an element belongs to (None outside one)."""
    parent = element.getparent()
    while parent is not None and not (
        etree.QName(parent).namespace == MODEL and _local(parent) in _CONTAINERS
    ):
        parent = parent.getparent()
    return parent


def _index(root: Any) -> tuple[dict[str, Any], list[str]]:
    ids: dict[str, Any] = {}
    errors = []
    for element in _elements(root):
        identifier = element.get("id")
        if identifier is None:
            continue
        if identifier in ids:
            errors.append(f"id '{identifier}' is used by {_local(ids[identifier])} and {_local(element)}")
        else:
            ids[identifier] = element
    return ids, errors


def _reference_errors(root: Any) -> list[str]:
    ids, errors = _index(root)
    for element in _elements(root):
        for reference, target_id, kinds in _references(element):
            target = ids.get(target_id)
            if target is None:
                errors.append(f"{_describe(element)}: {reference} '{target_id}' does not exist")
            elif kinds is not None and _local(target) not in kinds:
                errors.append(
                    f"{_describe(element)}: {reference} '{target_id}' is a {_local(target)}, "
                    f"expected {_GROUP_NAMES.get(kinds) or ' or '.join(sorted(kinds))}"
                )
            elif kinds is None and etree.QName(target).namespace != MODEL:
                errors.append(f"{_describe(element)}: {reference} '{target_id}' is not a BPMN element")
    errors.extend(_consistency_errors(root, ids))
    return errors


def _consistency_errors(root: Any, ids: dict[str, Any]) -> list[str]:
    """What resolving references leaves open: flows within one process, incoming/outgoing agreeing with the
    flows, data associations wired to their own activity's inputs and outputs, lanes holding their own nodes."""
    errors = []
    listed: dict[tuple[str, str], set[str]] = defaultdict(set)  # (node id, incoming|outgoing) -> flows listed
    for element in _elements(root):
        kind = _local(element)
        if kind in FLOW_NODES and element.get("id"):
            for direction in ("incoming", "outgoing"):
                listed[(element.get("id"), direction)] = {
                    _ref(c.text or "") for c in element if isinstance(c.tag, str) and _local(c) == direction
                }
    for flow in root.iter(f"{{{MODEL}}}sequenceFlow"):
        for end, direction in (("sourceRef", "outgoing"), ("targetRef", "incoming")):
            node = ids.get(flow.get(end, ""))
            if node is None:
                continue
            if _container(node) is not _container(flow):
                errors.append(f"{_describe(flow)}: {end} '{flow.get(end)}' is in another process")
            names = listed.get((flow.get(end), direction))
            if names and flow.get("id") not in names:
                errors.append(f"{_describe(node)} does not list {_describe(flow)} as {direction}")
    for (node_id, direction), flows in listed.items():
        for flow_id in flows:
            flow = ids.get(flow_id)
            end = "targetRef" if direction == "incoming" else "sourceRef"
            if flow is not None and _local(flow) == "sequenceFlow" and flow.get(end) != node_id:
                errors.append(
                    f"{_describe(ids[node_id])}: {direction} '{flow_id}' has {end} '{flow.get(end)}'"
                )
    owned: dict[Any, set[str]] = {}  # activity -> ids of its own data inputs, outputs and properties
    for association in _elements(root):
        kind = _local(association)
        if kind not in ("dataInputAssociation", "dataOutputAssociation"):
            continue
        inner = "targetRef" if kind == "dataInputAssociation" else "sourceRef"
        owner = association.getparent()
        if owner not in owned:
            owned[owner] = {
                e.get("id") for e in owner.iter() if _local(e) in ("dataInput", "dataOutput", "property")
            }
        own = owned[owner]
        for child in association:
            if isinstance(child.tag, str) and _local(child) == inner:
                target = ids.get(_ref(child.text or ""))
                if target is not None and target.get("id") not in own:
                    errors.append(
                        f"{_describe(association)}: {inner} '{target.get('id')}' belongs to another element"
                    )
    for lane in root.iter(f"{{{MODEL}}}lane"):
        for child in lane.iter(f"{{{MODEL}}}flowNodeRef"):
            node = ids.get(_ref(child.text or ""))
            if node is not None and _container(node) is not _container(lane):
                errors.append(f"{_describe(lane)}: flowNodeRef '{node.get('id')}' is in another process")
    return errors


def _bounds(shape: Any) -> tuple[float, float, float, float] | None:
    bounds = shape.find(f"{{{DC}}}Bounds")
    if bounds is None:
        return None
    try:
        return tuple(float(bounds.get(k, "")) for k in ("x", "y", "width", "height"))  # type: ignore[return-value]
    except ValueError:
        return None


def _inside(inner: tuple[float, ...], outer: tuple[float, ...]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


def _diagram_errors(root: Any) -> list[str]:
    planes = list(root.iter(f"{{{BPMNDI}}}BPMNPlane"))
    if not planes:
        return ["the file has no diagram (BPMNDiagram/BPMNPlane): bpmn-js cannot open it"]
    errors = []
    shapes: dict[str, list[Any]] = defaultdict(list)
    edges: dict[str, list[Any]] = defaultdict(list)
    for shape in root.iter(f"{{{BPMNDI}}}BPMNShape"):
        shapes[_ref(shape.get("bpmnElement", ""))].append(shape)
    for edge in root.iter(f"{{{BPMNDI}}}BPMNEdge"):
        edges[_ref(edge.get("bpmnElement", ""))].append(edge)
    drawn_processes = {e.get("processRef") for e in root.iter(f"{{{MODEL}}}participant")}
    drawn_processes |= {p.get("bpmnElement") for p in planes}
    for element in _elements(root):
        kind = _local(element)
        if etree.QName(element).namespace != MODEL or not element.get("id"):
            continue
        container = _container(element)
        if (
            container is not None
            and container.get("id") not in drawn_processes
            and _local(container) == "process"
        ):
            continue  # a process no pool or plane shows (not ours to judge)
        identifier = element.get("id")
        if kind in DRAWN:
            found = shapes.get(identifier, [])
            if len(found) != 1:
                errors.append(f"{_describe(element)} has {len(found)} diagram shapes, expected 1")
            elif _bounds(found[0]) is None or min(_bounds(found[0])[2:]) <= 0:  # type: ignore[index]
                errors.append(f"{_describe(element)}: its shape has no usable dc:Bounds")
        elif kind in CONNECTORS:
            found = edges.get(identifier, [])
            if len(found) != 1:
                errors.append(f"{_describe(element)} has {len(found)} diagram edges, expected 1")
            elif len(found[0].findall(f"{{{DI}}}waypoint")) < 2:
                errors.append(f"{_describe(element)}: its edge has fewer than 2 waypoints")
    errors.extend(_lane_errors(root, shapes))
    return errors


def _lane_errors(root: Any, shapes: dict[str, list[Any]]) -> list[str]:
    """Each flow node of a process with lanes sits in exactly one lane, and its shape inside the lane's."""
    errors = []
    for process in root.iter(f"{{{MODEL}}}process"):
        lanes = [
            lane for lane in process.iter(f"{{{MODEL}}}lane") if not lane.findall(f"{{{MODEL}}}childLaneSet")
        ]
        if not lanes:
            continue
        owner: Counter[str] = Counter()
        for lane in lanes:
            lane_shape = shapes.get(lane.get("id", ""), [])
            lane_box = _bounds(lane_shape[0]) if len(lane_shape) == 1 else None
            for child in lane.iter(f"{{{MODEL}}}flowNodeRef"):
                node_id = _ref(child.text or "")
                owner[node_id] += 1
                node_shape = shapes.get(node_id, [])
                node_box = _bounds(node_shape[0]) if len(node_shape) == 1 else None
                if lane_box and node_box and not _inside(node_box, lane_box):
                    errors.append(f"the shape of '{node_id}' lies outside its lane '{lane.get('id')}'")
        for node in process:
            if isinstance(node.tag, str) and _local(node) in FLOW_NODES and owner[node.get("id", "")] != 1:
                errors.append(f"{_describe(node)} is in {owner[node.get('id', '')]} lanes, expected 1")
    return errors


@lru_cache(maxsize=4)
def _schema(schema_dir: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_dir / "BPMN20.xsd"), _PARSER))


def xsd_errors(xml_bytes: bytes, schema_dir: Path | None = None) -> list[str]:
    """Errors of the file against the BPMN 2.0.2 XSD (BPMN20.xsd in ``schema_dir``, the shipped copy by default)."""
    try:
        root = _parse(xml_bytes)
    except _Invalid as exc:
        return [str(exc)]
    schema = _schema(schema_dir or SCHEMA_DIR)
    if schema.validate(root):
        return []
    return [f"line {error.line}: {error.message}" for error in schema.error_log]


def check_references(xml_bytes: bytes) -> list[str]:
    """Every reference between elements resolves to an existing id of the right kind, and agrees with the rest.

    Covers sourceRef/targetRef (sequence and message flows, associations, data associations), incoming/outgoing,
    flowNodeRef, dataObjectRef, dataStoreRef, processRef, attachedToRef, dataInputRefs/dataOutputRefs, default,
    itemSubjectRef, event definitions' refs and DI's bpmnElement/sourceElement/targetElement; also that sequence
    flows and lanes stay within their process and that data associations use their own activity's inputs/outputs.
    """
    try:
        return _reference_errors(_parse(xml_bytes))
    except _Invalid as exc:
        return [str(exc)]


def check_diagram(xml_bytes: bytes) -> list[str]:
    """The diagram (DI) draws every element once: shapes with bounds, edges with waypoints, nodes inside lanes."""
    try:
        return _diagram_errors(_parse(xml_bytes))
    except _Invalid as exc:
        return [str(exc)]


def validate_bpmn(xml_bytes: bytes, schema_dir: Path | None = None) -> list[str]:
    """All of the above: XSD errors, then reference errors, then diagram errors ([] when the file is valid)."""
    try:
        root = _parse(xml_bytes)
    except _Invalid as exc:
        return [str(exc)]
    schema = _schema(schema_dir or SCHEMA_DIR)
    errors = [] if schema.validate(root) else [f"line {e.line}: {e.message}" for e in schema.error_log]
    return errors + _reference_errors(root) + _diagram_errors(root)

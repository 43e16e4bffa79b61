"""BPMN 2.0.2 export: reopened with lxml, validated (XSD + references + DI), asserted on content."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from exporters.flow.bpmn import (
    check_references,
    generate_bpmn,
    validate_bpmn,
    write_bpmn,
    write_bpmn_folder,
    xsd_errors,
)
from exporters.flow.bpmn_check import SCHEMA_DIR
from models.enums import Actor, FindingGrade
from models.graph import consuming_step, effective_actors
from models.jobs import Cancelled
from models.procedure import DossierItem, Procedure, Result, Step
from models.redesign.history import Draft
from models.redesign.suggestions import suggest
from models.sources import load_registry
from tests.conftest import SHARED
from tests.helpers.corpus import analysed, connected_registry, portal_pages, sample_procedures

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
FLOW_NODES = ("startEvent", "endEvent", "task", "userTask", "serviceTask")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Procedure, list]]:
    procedures = sample_procedures(tmp_path_factory.mktemp("bpmn"))
    return {p.code: (p, f) for p, f in analysed(procedures)}


def parse(xml: bytes) -> Any:
    return etree.fromstring(xml)


def by_id(root: Any, identifier: str) -> Any:
    found = root.xpath("//*[@id=$i]", i=identifier)
    assert len(found) == 1, identifier
    return found[0]


def local(element: Any) -> str:
    return etree.QName(element).localname


def test_every_sample_export_reopens_and_validates(sample) -> None:
    for procedure, findings in sample.values():
        xml = generate_bpmn(procedure, findings)
        root = parse(xml)
        assert local(root) == "definitions" and root.get("targetNamespace").endswith(procedure.code)
        assert validate_bpmn(xml) == [], procedure.code


def test_lanes_hold_the_tasks_of_their_actors(sample) -> None:
    procedure, findings = sample["1.001193"]
    root = parse(generate_bpmn(procedure, findings))
    lanes = {
        lane.get("name"): lane.xpath("bpmn:flowNodeRef/text()", namespaces=NS)
        for lane in root.iterfind(".//bpmn:lane", NS)
    }
    assert list(lanes) == ["Tổ chức, cá nhân", "Bộ phận một cửa", "Cơ quan giải quyết", "Hệ thống dữ liệu"]
    names = {lane: [by_id(root, ref).get("name") for ref in refs] for lane, refs in lanes.items()}
    assert names["Tổ chức, cá nhân"] == ["Bắt đầu", "Nộp hồ sơ"]
    assert names["Bộ phận một cửa"] == ["Tiếp nhận, kiểm tra hồ sơ", "Trả kết quả", "Kết thúc"]
    assert names["Cơ quan giải quyết"] == ["Thẩm tra và đăng ký khai sinh"]
    assert names["Hệ thống dữ liệu"] == ["Khai thác dữ liệu"]
    assert local(by_id(root, "Activity_0")) == "userTask"
    assert local(by_id(root, "Activity_2")) == "serviceTask"
    assert local(by_id(root, "Activity_3")) == "task"
    other = parse(generate_bpmn(*sample["3.000333"]))
    assert "Cơ quan phối hợp" in [lane.get("name") for lane in other.iterfind(".//bpmn:lane", NS)]


def test_flows_chain_the_steps_in_published_order(sample) -> None:
    procedure, findings = sample["1.001193"]
    root = parse(generate_bpmn(procedure, findings))
    flows = [(f.get("sourceRef"), f.get("targetRef")) for f in root.iterfind(".//bpmn:sequenceFlow", NS)]
    chain = ["StartEvent", *(f"Activity_{i}" for i in range(len(procedure.steps))), "EndEvent"]
    assert flows == list(zip(chain, chain[1:], strict=False))
    task = by_id(root, "Activity_1")
    assert task.xpath("bpmn:incoming/text()", namespaces=NS) == ["Flow_1"]
    assert task.xpath("bpmn:outgoing/text()", namespaces=NS) == ["Flow_2"]


def test_every_item_is_a_data_object_taken_in_by_its_consuming_step(sample) -> None:
    for procedure, findings in sample.values():
        root = parse(generate_bpmn(procedure, findings))
        consumers = consuming_step(procedure, effective_actors(procedure))
        for index, (item, step) in enumerate(zip(procedure.items, consumers, strict=True)):
            reference = by_id(root, f"DataObjectReference_item_{index}")
            assert local(by_id(root, reference.get("dataObjectRef"))) == "dataObject"
            assert reference.get("name") == " ".join((item.name_normalized or item.name).split())[:120]
            [association] = root.xpath(
                "//bpmn:dataInputAssociation[bpmn:sourceRef=$r]", namespaces=NS, r=reference.get("id")
            )
            task = association.getparent()
            assert task.get("id") == f"Activity_{step}"
            data_input = association.findtext("bpmn:targetRef", namespaces=NS)
            assert task.xpath("bpmn:ioSpecification/bpmn:dataInput/@id", namespaces=NS).count(data_input) == 1


def test_redundant_items_are_supplied_by_data_stores_of_their_sources(tmp_path: Path) -> None:
    procedures = sample_procedures(tmp_path)
    registry = connected_registry("population", "civil_status")
    records = {p.code: (p, f) for p, f in analysed(procedures, registry)}
    procedure, findings = records["1.001193"]
    redundant = [f for f in findings if f.grade == FindingGrade.REDUNDANT]
    assert {f.data_source for f in redundant} == {"population", "civil_status"}
    root = parse(generate_bpmn(procedure, findings, registry))
    names = {s.id: s.name for s in registry}
    for finding in redundant:
        store = by_id(root, f"DataStoreReference_{finding.data_source}")
        declared = by_id(root, store.get("dataStoreRef"))
        assert local(declared) == "dataStore" and declared.getparent() is root
        assert store.get("name") == declared.get("name") == names[finding.data_source]
        links = root.xpath(
            "//bpmn:association[@sourceRef=$s and @targetRef=$t]",
            namespaces=NS,
            s=store.get("id"),
            t=f"DataObjectReference_item_{finding.item_index}",
        )
        assert len(links) == 1
    documentation = by_id(root, f"DataObjectReference_item_{redundant[0].item_index}").findtext(
        "bpmn:documentation", namespaces=NS
    )
    assert "Rà soát: trùng lặp (dữ liệu đã có)" in documentation
    data_lane = [lane for lane in root.iterfind(".//bpmn:lane", NS) if lane.get("name") == "Hệ thống dữ liệu"]
    assert data_lane


def test_results_are_data_outputs_of_the_producing_step(sample) -> None:
    procedure, findings = sample["1.004222"]
    root = parse(generate_bpmn(procedure, findings))
    handling = max(
        i for i, (actor, _) in enumerate(effective_actors(procedure)) if actor == Actor.HANDLING_AGENCY
    )
    task = by_id(root, f"Activity_{handling}")
    targets = task.xpath("bpmn:dataOutputAssociation/bpmn:targetRef/text()", namespaces=NS)
    assert targets == [f"DataObjectReference_result_{i}" for i in range(len(procedure.results))]
    assert [by_id(root, t).get("name") for t in targets] == [r.name for r in procedure.results]


def test_the_time_limit_is_a_note_on_the_end_event(sample) -> None:
    procedure, findings = sample["1.001456"]
    root = parse(generate_bpmn(procedure, findings))
    note = by_id(root, "TextAnnotation_time_limit").findtext("bpmn:text", namespaces=NS)
    assert note.startswith("Thời hạn giải quyết:") and "Trực tiếp: 8 ngày làm việc" in note
    association = by_id(root, "Association_time_limit")
    assert (association.get("sourceRef"), association.get("targetRef")) == (
        "TextAnnotation_time_limit",
        "EndEvent",
    )


def test_every_element_is_drawn_in_horizontal_lanes_left_to_right(sample) -> None:
    procedure, findings = sample["1.001193"]
    root = parse(generate_bpmn(procedure, findings))
    shapes = {s.get("bpmnElement"): s for s in root.iterfind(".//bpmndi:BPMNShape", NS)}
    edges = {e.get("bpmnElement"): e for e in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    nodes = [e.get("id") for kind in FLOW_NODES for e in root.iterfind(f".//bpmn:{kind}", NS)]
    assert set(nodes) <= set(shapes)
    for kind in ("sequenceFlow", "association", "dataInputAssociation", "dataOutputAssociation"):
        for connector in root.iterfind(f".//bpmn:{kind}", NS):
            assert len(edges[connector.get("id")].findall("di:waypoint", NS)) >= 2

    def bounds(element_id: str) -> tuple[float, ...]:
        b = shapes[element_id].find("dc:Bounds", NS)
        return tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))

    lanes = [bounds(lane.get("id")) for lane in root.iterfind(".//bpmn:lane", NS)]
    assert len({(x, w) for x, _, w, _ in lanes}) == 1  # one column of bands...
    assert all(a[1] + a[3] == b[1] for a, b in zip(lanes, lanes[1:], strict=False))  # ...stacked without gaps
    chain = ["StartEvent", *(f"Activity_{i}" for i in range(len(procedure.steps))), "EndEvent"]
    xs = [bounds(node)[0] for node in chain]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert all(
        shapes[lane.get("id")].get("isHorizontal") == "true" for lane in root.iterfind(".//bpmn:lane", NS)
    )


def test_same_input_gives_the_same_bytes_as_the_golden_file(sample, golden) -> None:
    procedure, findings = sample["1.001193"]
    xml = generate_bpmn(procedure, findings, load_registry())
    assert xml == generate_bpmn(procedure, findings, load_registry())
    golden("bpmn/1.001193.json", xml.decode("utf-8").splitlines())


def test_the_reference_checker_catches_what_the_xsd_lets_through(sample) -> None:
    xml = generate_bpmn(*sample["1.001193"])
    dangling = xml.replace(b'bpmnElement="Activity_1"', b'bpmnElement="Activity_99"')
    assert xsd_errors(dangling) == []  # the schema types bpmnElement as a QName: any name passes
    assert "BPMNShape 'Activity_1_di': bpmnElement 'Activity_99' does not exist" in check_references(dangling)
    assert validate_bpmn(dangling)

    wrong_kind = xml.replace(b'targetRef="Activity_1"', b'targetRef="DataObjectReference_item_0"', 1)
    errors = check_references(wrong_kind)
    assert errors == [
        "sequenceFlow 'Flow_1': targetRef 'DataObjectReference_item_0' is a dataObjectReference, expected a flow node",
        "task 'Activity_1': incoming 'Flow_1' has targetRef 'DataObjectReference_item_0'",
    ]

    store = xml.replace(b'dataStoreRef="DataStore_population"', b'dataStoreRef="DataStore_nowhere"')
    assert (
        "dataStoreReference 'DataStoreReference_population': dataStoreRef 'DataStore_nowhere' does not exist"
        in (check_references(store))
    )
    undrawn = xml.replace(b'<bpmndi:BPMNShape id="Activity_2_di"', b'<bpmndi:BPMNShape id="Activity_2_di_x"')
    assert validate_bpmn(undrawn) == []  # an id change alone is harmless...
    no_shape = etree.fromstring(xml)
    shape = no_shape.find(".//bpmndi:BPMNShape[@bpmnElement='Activity_2']", NS)
    shape.getparent().remove(shape)
    assert "serviceTask 'Activity_2' has 0 diagram shapes, expected 1" in validate_bpmn(
        etree.tostring(no_shape)
    )


def test_as_is_and_to_be_share_one_file_as_two_pools(sample) -> None:
    procedure, findings = sample["1.001193"]
    registry = load_registry()
    draft = Draft(procedure)
    draft.push(suggest(procedure, findings, {s.id: s.name for s in registry}))
    to_be = draft.procedure
    xml = generate_bpmn(procedure, findings, registry, to_be=to_be)
    assert validate_bpmn(xml) == []
    root = parse(xml)
    participants = root.findall("bpmn:collaboration/bpmn:participant", NS)
    assert [p.get("processRef") for p in participants] == ["AsIs_Process", "ToBe_Process"]
    assert participants[1].get("name").startswith("Phương án: 1.001193")
    lookups = [i for i, step in enumerate(to_be.steps) if step.data_source]
    assert lookups
    for index in lookups:
        task = by_id(root, f"ToBe_Activity_{index}")
        assert local(task) == "serviceTask"
        sources = task.xpath("bpmn:dataInputAssociation/bpmn:sourceRef/text()", namespaces=NS)
        assert sources == [f"ToBe_DataStoreReference_{to_be.steps[index].data_source}"]
    declared = [d.get("id") for d in root.findall("bpmn:dataStore", NS)]
    assert len(declared) == len(set(declared)) and "DataStore_population" in declared
    assert len(
        root.xpath(
            "//bpmn:dataObjectReference[starts-with(@id, 'ToBe_DataObjectReference_item_')]", namespaces=NS
        )
    ) == len(to_be.items)
    pools = [
        p for p in root.iterfind(".//bpmndi:BPMNShape", NS) if p.get("bpmnElement").endswith("Participant")
    ]
    top, bottom = (float(p.find("dc:Bounds", NS).get("y")) for p in pools)
    first_height = float(pools[0].find("dc:Bounds", NS).get("height"))
    assert bottom > top + first_height  # the to-be pool sits under the as-is pool


def test_text_loses_xml_illegal_characters_and_long_names_are_cut() -> None:
    procedure = Procedure(
        code="9.000001",
        name="Thủ tục\x07 thử",
        steps=[Step(description="Nộp\x0b hồ sơ " + "rất dài " * 40), Step(description="Xử lý")],
        items=[DossierItem(name="Tờ khai\x00 đăng ký")],
        results=[Result(name="Giấy phép\x1f")],
    )
    xml = generate_bpmn(procedure, registry=[])
    assert validate_bpmn(xml) == []
    root = parse(xml)
    assert by_id(root, "DataObjectReference_item_0").get("name") == "Tờ khai đăng ký"
    name = by_id(root, "Activity_0").get("name")
    assert len(name) <= 120 and name.endswith("…")
    assert "rất dài rất dài" in by_id(root, "Activity_0").findtext("bpmn:documentation", namespaces=NS)


def test_a_procedure_without_steps_still_draws_its_items_and_results() -> None:
    procedure = Procedure(
        code="9.000002", name="Thủ tục", items=[DossierItem(name="Đơn")], results=[Result(name="Quyết định")]
    )
    xml = generate_bpmn(procedure, registry=[])
    assert validate_bpmn(xml) == []
    root = parse(xml)
    assert [f.get("targetRef") for f in root.iterfind(".//bpmn:sequenceFlow", NS)] == ["EndEvent"]
    assert by_id(root, "Association_item_0").get("targetRef") == "StartEvent"
    assert by_id(root, "Association_result_0").get("sourceRef") == "EndEvent"


def test_write_bpmn_and_the_folder_export_report_progress_and_cancel(sample, tmp_path: Path) -> None:
    procedure, findings = sample["1.001193"]
    write_bpmn(procedure, tmp_path / "one.bpmn", findings)
    assert (tmp_path / "one.bpmn").read_bytes() == generate_bpmn(procedure, findings)
    procedures = [p for p, _ in sample.values()]
    calls: list[tuple[int, int]] = []
    written = write_bpmn_folder(
        procedures,
        tmp_path / "all",
        {c: f for c, (_, f) in sample.items()},
        progress=lambda d, t: calls.append((d, t)),
    )
    assert [p.name for p in written] == [f"{p.code}.bpmn" for p in procedures]
    assert calls[-1] == (len(procedures), len(procedures)) and len(calls) == len(procedures)
    assert all(validate_bpmn(path.read_bytes()) == [] for path in written)
    with pytest.raises(Cancelled):
        write_bpmn_folder(
            procedures,
            tmp_path / "cancelled",
            cancelled=lambda: len(calls) > len(procedures) + 2,
            progress=lambda d, t: calls.append((d, t)),
        )
    assert list((tmp_path / "cancelled").iterdir()) == []


@pytest.mark.shared  # reads ../shared/schemas, not the data
def test_the_shipped_schemas_are_the_shared_ones() -> None:
    shared = SHARED / "schemas" / "bpmn-2.0.2"
    if not shared.is_dir():
        pytest.skip(f"no shared schemas at {shared}")
    for path in sorted(shared.glob("*.xsd")):
        assert (SCHEMA_DIR / path.name).read_bytes() == path.read_bytes(), path.name


@pytest.mark.shared
def test_every_shared_procedure_exports_valid_bpmn(shared_data: Path) -> None:
    records = portal_pages(shared_data)
    assert len(records) == 2110
    start = time.perf_counter()
    failures = {}
    for procedure, findings in records:  # all of them: about 10 s here (reading and analysis come on top)
        errors = validate_bpmn(generate_bpmn(procedure, findings))
        if errors:
            failures[procedure.code] = errors[:3]
    assert failures == {}
    print(f"validated {len(records)} BPMN exports in {time.perf_counter() - start:.1f} s")

"""Swimlane diagrams: the DOT text, then the SVG, PNG and PDF graphviz draws from it, reopened and checked."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree

from exporters.flow.diagram import (
    LANES,
    DiagramError,
    default_filename,
    diagram_dot,
    parse_node_id,
    render,
    write_diagram,
)
from exporters.flow.diagram_layout import MAX_LINES
from models.enums import Actor, FindingGrade
from models.findings import Finding
from models.graph import consuming_step, effective_actors
from models.identity import item_changes
from models.procedure import DossierItem, Procedure, Result, Step
from models.redesign.history import Draft
from models.redesign.suggestions import suggest
from tests.helpers.corpus import analysed, connected_registry, sample_procedures

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"
EDGE = re.compile(r'^\s*"([^"]+)" -> "([^"]+)" \[(.*)\]$', re.MULTILINE)
REGISTRY = connected_registry("population", "civil_status")
NAMES = {source.id: source.name for source in REGISTRY}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Procedure, list[Finding]]]:
    procedures = sample_procedures(tmp_path_factory.mktemp("diagram"))
    return {p.code: (p, f) for p, f in analysed(procedures, REGISTRY)}


@pytest.fixture(scope="module")
def birth(sample) -> tuple[Procedure, list[Finding], Procedure]:
    """1.001193 as published, its findings, and the to-be version the analysis suggests."""
    procedure, findings = sample["1.001193"]
    draft = Draft(procedure)
    draft.push(suggest(procedure, findings, NAMES))
    return procedure, findings, draft.procedure


def edges(dot: str) -> dict[tuple[str, str], str]:
    """(tail, head) -> attribute text of the drawn edges (the invisible grid's left out)."""
    return {(t, h): attrs for t, h, attrs in EDGE.findall(dot) if "style=invis" not in attrs}


def svg_root(dot: str) -> Any:
    return ElementTree.fromstring(render(dot, "svg"))


def by_id(root: Any) -> dict[str, Any]:
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}


def texts(element: Any) -> list[str]:
    return ["".join(t.itertext()) for t in element.iter(f"{SVG}text")]


def box(group: Any) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a cluster's or node's outline (its first polygon or path) in the SVG."""
    outline = next(e for e in group.iter() if e.tag in (f"{SVG}polygon", f"{SVG}path"))
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", outline.get("points") or outline.get("d"))]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


# --- the DOT text ---------------------------------------------------------------------------------------------------


def test_one_lane_cluster_per_actor_that_has_a_step(sample) -> None:
    for procedure, findings in sample.values():
        dot = diagram_dot(procedure, findings, registry=REGISTRY)
        used = {actor for actor, _ in effective_actors(procedure)}
        if any(f.data_source for f in findings):
            used.add(Actor.DATA_SYSTEM)
        for actor in LANES:
            assert (f'subgraph "cluster_lane:{actor.value}"' in dot) == (actor in used), (
                procedure.code,
                actor,
            )


def test_every_item_is_drawn_into_the_step_that_consumes_it(sample) -> None:
    for procedure, findings in sample.values():
        drawn = edges(diagram_dot(procedure, findings, registry=REGISTRY))
        for index, step in enumerate(consuming_step(procedure)):
            assert (f"item:{index}", f"step:{step}") in drawn, (procedure.code, index)


def test_items_with_a_data_source_are_linked_to_it_and_coloured_by_grade(sample) -> None:
    linked = 0
    for procedure, findings in sample.values():
        dot = diagram_dot(procedure, findings, registry=REGISTRY)
        drawn = edges(dot)
        for finding in findings:
            node = f'"item:{finding.item_index}" [id="item:{finding.item_index}"'
            statement = next(line for line in dot.splitlines() if line.strip().startswith(node))
            if finding.data_source:
                assert (f"source:{finding.data_source}", f"item:{finding.item_index}") in drawn
                assert f'"source:{finding.data_source}" [id=' in dot
                linked += 1
            if finding.grade == FindingGrade.REDUNDANT:
                assert 'color="#c62828"' in statement and "<S>" in statement and "THỪA" in statement
    assert linked >= 10


def test_the_registry_names_the_data_sources(birth) -> None:
    procedure, findings, _ = birth
    root = svg_root(diagram_dot(procedure, findings, registry=REGISTRY))
    population = by_id(root)["source:population"]
    assert " ".join(texts(population)) == "Cơ sở dữ liệu quốc gia về dân cư"


def test_as_is_items_missing_from_the_to_be_are_marked_removed(birth) -> None:
    procedure, findings, to_be = birth
    dot = diagram_dot(procedure, findings, to_be, registry=REGISTRY)
    before, after = item_changes(procedure.items, to_be.items)
    assert before.count("removed") == len(procedure.items) - len(to_be.items) >= 3
    for index, status in enumerate(before):
        statement = next(line for line in dot.splitlines() if f'[id="asis:item:{index}"' in line)
        assert ("✕ Bỏ trong phương án" in statement) == (status == "removed")
        assert ("dashed" in statement) == (status == "removed")
    assert all(status == "kept" for status in after)
    assert 'subgraph "cluster_asis" {' in dot and 'subgraph "cluster_tobe" {' in dot
    assert '"Hiện trạng (as-is)"' in dot and '"Phương án (to-be)"' in dot


def test_new_lookups_are_drawn_in_the_data_lane_fed_by_their_source(birth) -> None:
    procedure, findings, to_be = birth
    dot = diagram_dot(procedure, findings, to_be, registry=REGISTRY)
    drawn = edges(dot)
    lookups = [i for i, step in enumerate(to_be.steps) if step.data_source]
    assert lookups
    data_lane = dot.split('subgraph "cluster_tobe:lane:DATA_SYSTEM" {')[1].split("\n    }")[0]
    for index in lookups:
        source = to_be.steps[index].data_source
        assert f'"tobe:step:{index}" [id="tobe:step:{index}"' in data_lane
        assert (f"tobe:source:{source}", f"tobe:step:{index}") in drawn
        assert "MỚI: tra cứu dữ liệu" in next(
            line for line in data_lane.splitlines() if f'id="tobe:step:{index}"' in line
        )
    assert not any(step.data_source for step in procedure.steps)
    assert "MỚI: tra cứu dữ liệu" not in dot.split('subgraph "cluster_tobe"')[0]


def test_item_changes_match_names_as_a_multiset_and_pair_edited_items() -> None:
    def items(*names: str) -> list[DossierItem]:
        return [DossierItem(name=n) for n in names]

    as_is = items("Tờ khai", "Ảnh 4x6", "Ảnh 4x6", "Bản sao có chứng thực Giấy phép kinh doanh", "Sổ hộ khẩu")
    to_be = items("Tờ khai", "Ảnh 4x6", "Bản sao điện tử Giấy phép kinh doanh", "Giấy cam kết")
    assert item_changes(as_is, to_be) == (
        ["kept", "kept", "removed", "changed", "removed"],
        ["kept", "kept", "changed", "added"],
    )
    shown = [DossierItem(name="Tờ khai", group="SHOW")]
    assert item_changes(shown, items("Tờ khai")) == (["removed"], ["added"])  # the group is part of the match


def test_long_labels_are_wrapped_and_cut_and_the_tooltip_keeps_the_whole_text() -> None:
    text = "Cơ quan giải quyết kiểm tra tính đầy đủ, hợp lệ của hồ sơ " * 6
    procedure = Procedure(code="x", name="Thủ tục", steps=[Step(description=text)])
    step = by_id(svg_root(diagram_dot(procedure, registry=[])))["step:0"]
    lines = texts(step)[1:]  # after "Bước 1"
    assert len(lines) == MAX_LINES and lines[-1].endswith("…")
    assert all(len(line) <= 28 for line in lines)
    assert " ".join(text.split()) in step.find(f".//{SVG}a").get(XLINK_TITLE)


def test_same_input_gives_the_same_dot_as_the_golden_file(sample, golden) -> None:
    procedure, _ = sample["1.001193"]
    findings = [
        Finding(
            item_index=1,
            item_name="Giấy chứng sinh",
            grade=FindingGrade.POTENTIALLY_REDUNDANT,
            data_source="health",
        ),
        Finding(
            item_index=6, item_name="Thẻ căn cước", grade=FindingGrade.REDUNDANT, data_source="population"
        ),
        Finding(
            item_index=8,
            item_name="Giấy chứng nhận kết hôn",
            grade=FindingGrade.REDUNDANT,
            data_source="civil_status",
        ),
    ]
    dot = diagram_dot(procedure, findings, registry=REGISTRY)
    assert dot == diagram_dot(procedure, findings, registry=REGISTRY)
    golden("diagram/1.001193.dot.json", dot.splitlines())


# --- what graphviz draws --------------------------------------------------------------------------------------------


def test_svg_carries_node_ids_the_gui_can_map_back_and_the_vietnamese_text(birth) -> None:
    procedure, findings, to_be = birth
    root = svg_root(diagram_dot(procedure, findings, to_be, registry=REGISTRY))
    ids = by_id(root)
    for index in range(len(procedure.items)):
        assert f"asis:item:{index}" in ids
    assert {
        "asis:step:0",
        "tobe:step:0",
        "asis:start",
        "tobe:end",
        "asis:result:0",
        "tobe:source:population",
    } <= set(ids)
    nodes = [
        g.get("id")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "node" and not g.get("id").startswith("node")
    ]
    kinds = {parse_node_id(node)[1] for node in nodes}
    assert kinds == {"start", "end", "step", "item", "source", "result", "legend"}
    assert parse_node_id("asis:item:6") == ("asis", "item", 6)
    words = " ".join(texts(root))
    assert "Thủ tục đăng ký khai sinh" in words and "Nộp hồ sơ" in words and "Tổ chức, cá nhân" in words


def test_lanes_are_stacked_in_order_and_the_to_be_stands_right_of_the_as_is(birth) -> None:
    procedure, findings, to_be = birth
    ids = by_id(svg_root(diagram_dot(procedure, findings, to_be, registry=REGISTRY)))
    for panel in ("asis", "tobe"):
        lanes = [
            box(ids[f"{panel}:lane:{actor.value}"]) for actor in LANES if f"{panel}:lane:{actor.value}" in ids
        ]
        assert len(lanes) == 4
        for upper, lower in zip(lanes, lanes[1:], strict=False):
            assert upper[3] <= lower[1]  # bottom of one lane above the top of the next
    assert box(ids["asis"])[2] < box(ids["tobe"])[0]
    # the flow runs left to right: each step starts right of where the one before it starts
    for panel, version in (("asis", procedure), ("tobe", to_be)):
        lefts = [box(ids[f"{panel}:step:{i}"])[0] for i in range(len(version.steps))]
        assert lefts == sorted(lefts)


def test_png_and_pdf_are_drawn(birth) -> None:
    procedure, findings, to_be = birth
    dot = diagram_dot(procedure, findings, to_be, registry=REGISTRY)
    png = render(dot, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    assert 1000 < width < 10000 and 500 < height < 5000
    pdf = render(dot, "pdf")
    assert pdf.startswith(b"%PDF")


def test_the_same_input_draws_the_same_bytes(birth) -> None:
    procedure, findings, to_be = birth
    dot = diagram_dot(procedure, findings, to_be, registry=REGISTRY)
    assert render(dot, "svg") == render(diagram_dot(procedure, findings, to_be, registry=REGISTRY), "svg")
    assert render(dot, "png") == render(dot, "png")
    # cairo stamps the PDF with the time it was written; nothing else differs
    date = re.compile(rb"/CreationDate \(D:[0-9Z+\-']+\)")
    assert date.sub(b"", render(dot, "pdf")) == date.sub(b"", render(dot, "pdf"))


def test_hostile_text_is_escaped_and_drawn() -> None:
    hostile = 'Tên "x" <script>alert(1)</script> & {braces} ]; node [x] \\N \\ end\x07\\'
    procedure = Procedure(
        code='1"2',
        name=hostile,
        steps=[Step(title=hostile, description=hostile)],
        items=[DossierItem(name=hostile, condition=hostile)],
        results=[Result(name=hostile, code="<KQ>")],
    )
    findings = [
        Finding(
            item_index=0,
            item_name=hostile,
            grade=FindingGrade.REDUNDANT,
            data_source='we"ird\\',
            explanation=hostile,
        )
    ]
    dot = diagram_dot(procedure, findings, registry=[])
    assert "\x07" not in dot
    for fmt in ("png", "pdf"):
        assert render(dot, fmt)
    root = svg_root(dot)
    assert not list(root.iter(f"{SVG}script"))
    ids = by_id(root)
    item = ids["item:0"]
    assert any("<script>alert(1)</script> &" in line for line in texts(item))
    expected = 'Tên "x" <script>alert(1)</script> & {braces} ]; node [x] \\N \\ end\\'
    assert item.find(f".//{SVG}a").get(XLINK_TITLE).startswith(expected)  # \N is not the node's name
    assert parse_node_id("source:we%22ird%5C") == (None, "source", 'we"ird\\') and "source:we%22ird%5C" in ids


# --- files ----------------------------------------------------------------------------------------------------------


def test_write_diagram_takes_the_format_from_the_suffix_or_the_argument(birth, tmp_path: Path) -> None:
    procedure, findings, to_be = birth
    assert (
        write_diagram(tmp_path / "a.svg", procedure, findings, registry=REGISTRY)
        .read_bytes()
        .startswith(b"<?xml")
    )
    assert write_diagram(tmp_path / "a.PNG", procedure, registry=REGISTRY).read_bytes().startswith(b"\x89PNG")
    assert (
        write_diagram(tmp_path / "a.out", procedure, fmt="pdf", registry=REGISTRY)
        .read_bytes()
        .startswith(b"%PDF")
    )
    dot = write_diagram(tmp_path / "a.gv", procedure, findings, to_be, registry=REGISTRY).read_text(
        encoding="utf-8"
    )
    assert dot == diagram_dot(procedure, findings, to_be, registry=REGISTRY)
    written = write_diagram(tmp_path, procedure, findings, to_be, registry=REGISTRY, fmt="svg")
    assert written.parent == tmp_path and written.name == default_filename(procedure, "svg", compared=True)
    with pytest.raises(ValueError, match="a.txt"):
        write_diagram(tmp_path / "a.txt", procedure, registry=REGISTRY)
    assert not list(tmp_path.glob("*.part"))


def test_file_names_come_safely_from_procedure_names() -> None:
    procedure = Procedure(code="1.000001", name='Cấp phép: "A/B" <x> ../../etc')
    name = default_filename(procedure, "png")
    assert name.endswith(".png") and "/" not in name and ":" not in name and '"' not in name
    assert name.startswith("1.000001 Cấp phép")


def test_missing_graphviz_is_one_clear_error(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(DiagramError, match="Graphviz is not installed"):
        render(diagram_dot(Procedure(code="x", name="x"), registry=[]), "svg")
    with pytest.raises(ValueError, match="jpg"):
        render("digraph {}", "jpg")  # type: ignore[arg-type]


def test_a_procedure_without_steps_or_items_still_draws() -> None:
    bare = Procedure(
        code="x",
        name="Chỉ có giấy tờ",
        items=[DossierItem(name="Tờ khai")],
        results=[Result(name="Giấy phép")],
    )
    dot = diagram_dot(bare, registry=[])
    assert ("item:0", "start") in edges(dot) and ("end", "result:0") in edges(dot)
    ids = by_id(svg_root(dot))
    assert {"start", "end", "item:0", "result:0", "lane:APPLICANT"} <= set(ids)
    assert render(diagram_dot(Procedure(code="x", name="Trống"), registry=[]), "svg")

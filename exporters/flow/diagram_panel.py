"""One procedure on a swimlane diagram's grid (:class:`~exporters.flow.diagram_layout.Panel`): its nodes (steps,
dossier items coloured by the finder's grade, data sources, results, start and end), their looks and edges, in flow
order; and the legend of the looks a diagram uses. :mod:`exporters.flow.diagram` puts the panels together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

import networkx as nx

from exporters.flow.diagram_layout import Label, Markup, Panel, attrs_text, escape
from models.enums import Actor, FindingGrade, ItemGroup
from models.findings import Finding
from models.graph import procedure_graph
from models.identity import ItemStatus
from models.procedure import Procedure
from models.vocabulary import label

# --- looks --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Look:
    fill: str
    border: str
    tag: str  # the short line under an item's name


_GRADE_LOOKS = {
    FindingGrade.REDUNDANT: _Look("#fdecea", "#c62828", label(FindingGrade.REDUNDANT, form="badge")),
    FindingGrade.POTENTIALLY_REDUNDANT: _Look(
        "#fff4e0", "#b26a00", label(FindingGrade.POTENTIALLY_REDUNDANT, form="badge")
    ),
    FindingGrade.ISSUED_BY_STATE: _Look(
        "#e8f0fe", "#1a56b0", label(FindingGrade.ISSUED_BY_STATE, form="badge")
    ),
    FindingGrade.REQUIRED: _Look("#ffffff", "#616161", ""),  # a required item has no badge
}
_NEUTRAL = _GRADE_LOOKS[FindingGrade.REQUIRED]
_REMOVED = _Look("#eeeeee", "#757575", "✕ Bỏ trong phương án")
_LOOKUP = _Look("#e6f4ea", "#1e7e34", "MỚI: tra cứu dữ liệu")
_STEP = _Look("#ffffff", "#37474f", "")
_SOURCE = _Look("#eef3f8", "#455a64", "")
_RESULT = _Look("#f3e5f5", "#6a1b9a", "Kết quả")


# --- one procedure's panel -----------------------------------------------------------------------------------------


def _look(grade: FindingGrade | None) -> _Look:
    return _GRADE_LOOKS.get(grade, _NEUTRAL) if grade is not None else _NEUTRAL


def _step_node(data: Mapping, procedure: Procedure, lane: Actor) -> tuple[dict[str, str], Label]:
    index = data["index"]
    step = procedure.steps[index]
    look = _LOOKUP if step.data_source else _STEP
    header = f"Bước {index + 1}" + (f" · {_LOOKUP.tag}" if step.data_source else "")
    tooltip = [f"Bước {index + 1} — {label(lane)}" + (" (suy ra)" if data["actor_inferred"] else "")]
    tooltip += [text for text in (step.title, step.description, step.time_text) if text]
    attrs = {
        "shape": "box",
        "style": "rounded,filled",
        "fillcolor": look.fill,
        "color": look.border,
        "penwidth": "2" if step.data_source else "1",
        "tooltip": "\n".join(tooltip),
    }
    return attrs, Label().add(header, color=look.border if step.data_source else "#555555").add(data["label"])


def _item_node(
    data: Mapping, finding: Finding | None, status: ItemStatus, compared: bool
) -> tuple[dict[str, str], Label]:
    look = _look(data["grade"])
    removed = status == "removed"
    label = Label().add(data["label"], strike=removed or data["grade"] == FindingGrade.REDUNDANT)
    tags = ["Xuất trình"] if data["group"] == ItemGroup.SHOW else []
    tags += [
        f"{n} {word}" for n, word in ((data["originals"], "bản chính"), (data["copies"], "bản sao")) if n
    ]
    if data["certified"]:
        tags.append("có chứng thực")
    lines = [" · ".join(tags)] if tags else []
    if look.tag:
        lines.append(look.tag + (f" ({finding.data_source})" if finding and finding.data_source else ""))
    if data["issuing_procedure"]:
        lines.append(f"kết quả của TTHC {data['issuing_procedure']}")
    if compared and status != "kept":
        lines.append(_STATUS_TAGS[status])
    for line in lines:
        label.add(line, color=look.border)
    tooltip = [data["name"], *lines]
    if data["condition"]:
        tooltip.append(f"Điều kiện: {data['condition']}")
    if finding is not None and finding.explanation:
        tooltip.append(finding.explanation)
    attrs = {
        "shape": "note",
        "style": "filled,dashed" if removed else "filled",
        "fillcolor": _REMOVED.fill if removed else look.fill,
        "color": look.border,
        "fontcolor": _REMOVED.border if removed else "#000000",
        "tooltip": "\n".join(tooltip),
    }
    return attrs, label


def _source_node(source: str, names: Mapping[str, str]) -> tuple[dict[str, str], Label]:
    name = names.get(source, source)
    attrs = {
        "shape": "cylinder",
        "style": "filled",
        "fillcolor": _SOURCE.fill,
        "color": _SOURCE.border,
        "tooltip": f"{name} ({source})",
    }
    return attrs, Label().add(name)


def _result_node(data: Mapping) -> tuple[dict[str, str], Label]:
    attrs = {
        "shape": "note",
        "peripheries": "2",
        "style": "filled",
        "fillcolor": _RESULT.fill,
        "color": _RESULT.border,
        "tooltip": data["name"] + (f" (Mã: {data['code']})" if data["code"] else ""),
    }
    return attrs, Label().add(_RESULT.tag, color=_RESULT.border).add(data["name"])


def _event_node(node: str) -> dict[str, str]:
    attrs = {"shape": "circle", "width": "0.25", "label": "", "tooltip": "Bắt đầu"}
    return attrs if node == "start" else {**attrs, "penwidth": "3", "tooltip": "Kết thúc"}


def _lanes(graph: nx.DiGraph, procedure: Procedure) -> dict[str, Actor]:
    """The lane of each step (a lookup's is the data systems'), of start (the first step's) and end (the last's)."""
    lanes = {
        f"step:{i}": Actor.DATA_SYSTEM if step.data_source else graph.nodes[f"step:{i}"]["actor"]
        for i, step in enumerate(procedure.steps)
    }
    lanes["start"] = lanes.get("step:0", Actor.APPLICANT)
    lanes["end"] = lanes.get(f"step:{len(procedure.steps) - 1}", lanes["start"])
    return lanes


def _first_uses(graph: nx.DiGraph, flow: Sequence[str]) -> dict[str, tuple[int, bool]]:
    """Where each source goes: (flow position, True) in the inputs before the lookup step it first feeds, or
    (position, False) under the step that takes in the first item it can supply, whose edge then reaches the item
    from the right, clear of the items stacked below it."""
    position = {node: i for i, node in enumerate(flow)}
    return {
        source: min(
            (position[next(iter(graph.successors(user)))], False)
            if user.startswith("item:")
            else (position[user], True)
            for user in graph.successors(source)
        )
        for source in sorted(n for n, kind in graph.nodes(data="kind") if kind == "source")
    }


def _by_index(nodes: Iterable[str], graph: nx.DiGraph, kind: str) -> list[str]:
    return sorted((n for n in nodes if n.startswith(kind + ":")), key=lambda n: graph.nodes[n]["index"])


def procedure_panel(
    procedure: Procedure,
    findings: Sequence[Finding],
    names: Mapping[str, str],
    legend: set[str],
    prefix: str = "",
    statuses: Sequence[ItemStatus] | None = None,
) -> Panel:
    """One procedure on the grid, in flow order: for start, each step and end, a column of its inputs (the items it
    takes in, the sources of the lookups it makes) when it has any, then its own column with the results it produces
    and the sources of its items below it. Adds the legend entries it uses to ``legend``."""
    panel = Panel(prefix)
    graph = procedure_graph(procedure, findings)
    for index, step in enumerate(procedure.steps):
        if step.data_source:  # a lookup a redesign added: fed by its data source
            graph.add_node(f"source:{step.data_source}", kind="source", source=step.data_source)
            graph.add_edge(f"source:{step.data_source}", f"step:{index}", kind="looks_up")
    # A registry id is user data: percent-encoded in node ids, so that every id is plain text in DOT and SVG.
    sources = [n for n, kind in graph.nodes(data="kind") if kind == "source"]
    nx.relabel_nodes(
        graph, {n: "source:" + quote(n.split(":", 1)[1], safe="_-.") for n in sources}, copy=False
    )
    lanes = _lanes(graph, procedure)
    flow = ["start", *(f"step:{i}" for i in range(len(procedure.steps))), "end"]
    first_use = _first_uses(graph, flow)
    for source in first_use:
        panel.add(source, Actor.DATA_SYSTEM.value, *_source_node(graph.nodes[source]["source"], names))
        legend.add("source")
    by_item = {f.item_index: f for f in findings}
    for at, node in enumerate(flow):
        lane = lanes[node]
        items = _by_index(graph.predecessors(node), graph, "item")
        for item in items:
            data = graph.nodes[item]
            status: ItemStatus = statuses[data["index"]] if statuses is not None else "kept"
            panel.add(
                item, lane.value, *_item_node(data, by_item.get(data["index"]), status, statuses is not None)
            )
            legend.update({str(data["grade"] or FindingGrade.REQUIRED), status})
        panel.block([*items, *(source for source, use in first_use.items() if use == (at, True))])
        if node in ("start", "end"):
            panel.add(node, lane.value, _event_node(node))
        else:
            panel.add(node, lane.value, *_step_node(graph.nodes[node], procedure, lane))
            legend.add("lookup" if procedure.steps[graph.nodes[node]["index"]].data_source else "step")
        results = _by_index(graph.successors(node), graph, "result")
        for result in results:
            panel.add(result, lane.value, *_result_node(graph.nodes[result]))
            legend.add("result")
        panel.block(
            [node, *results, *(source for source, use in first_use.items() if use == (at, False))], flow=True
        )
    _panel_edges(panel, graph, statuses)
    return panel


def _panel_edges(panel: Panel, graph: nx.DiGraph, statuses: Sequence[ItemStatus] | None) -> None:
    for tail, head, kind in graph.edges(data="kind"):
        if kind == "flow":
            panel.edge(tail, head, {"penwidth": "1.5", "color": "#263238"})
        elif kind == "consumes":
            removed = statuses is not None and statuses[graph.nodes[tail]["index"]] == "removed"
            attrs = {"color": "#9e9e9e", "arrowhead": "vee", "arrowsize": "0.6"}
            panel.edge(tail, head, {**attrs, "style": "dashed"} if removed else attrs)
        elif kind == "supplies":
            color = _look(graph.edges[tail, head].get("grade")).border
            attrs = {"color": color, "style": "dashed", "arrowsize": "0.6", "tailport": "e", "headport": "e"}
            panel.edge(tail, head, attrs)
        elif kind == "looks_up":
            panel.edge(tail, head, {"color": _LOOKUP.border, "penwidth": "2", "tooltip": "Tra cứu dữ liệu"})
        elif kind == "produces":
            panel.edge(tail, head, {"color": _RESULT.border, "arrowsize": "0.6"})


# --- the legend ---------------------------------------------------------------------------------------------------


_STATUS_TAGS = {
    "removed": _REMOVED.tag,
    "changed": "✎ Sửa đổi trong phương án",
    "added": "+ Thêm trong phương án",
}
_BADGE_IS_LEGEND = (FindingGrade.POTENTIALLY_REDUNDANT, FindingGrade.ISSUED_BY_STATE)  # the rest say more
_LEGEND = (
    ("step", _STEP, "Bước thực hiện"),
    ("lookup", _LOOKUP, "Bước mới: cơ quan tra cứu dữ liệu"),
    ("required", _NEUTRAL, "Giấy tờ phải nộp / xuất trình"),
    ("redundant", _GRADE_LOOKS[FindingGrade.REDUNDANT], "Giấy tờ thừa: dữ liệu đã có"),
    *((str(grade), _GRADE_LOOKS[grade], _GRADE_LOOKS[grade].tag) for grade in _BADGE_IS_LEGEND),
    ("removed", _REMOVED, _STATUS_TAGS["removed"]),
    ("changed", _NEUTRAL, _STATUS_TAGS["changed"]),
    ("added", _NEUTRAL, _STATUS_TAGS["added"]),
    ("source", _SOURCE, "Cơ sở dữ liệu"),
    ("result", _RESULT, "Kết quả"),
)


def legend_lines(used: set[str]) -> list[str]:
    """A cluster with one table: the legend of what the diagram uses."""
    rows = "".join(
        f'<TR><TD BGCOLOR="{look.fill}" COLOR="{look.border}" BORDER="1" WIDTH="22"> </TD>'
        f'<TD ALIGN="LEFT">{escape(text)}</TD></TR>'
        for key, look, text in _LEGEND
        if key in used
    )
    table = f'<TABLE BORDER="0" CELLSPACING="3" CELLPADDING="2"><TR><TD COLSPAN="2"><B>Chú giải</B></TD></TR>{rows}</TABLE>'
    return [
        '  subgraph "cluster_legend" {',
        "    graph "
        + attrs_text({"id": "cluster:legend", "label": "", "style": "rounded", "color": "#b0bec5"}),
        '    "legend" ' + attrs_text({"id": "legend", "shape": "plain", "label": Markup(table)}),
        "  }",
    ]

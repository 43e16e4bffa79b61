"""Swimlane diagrams of a procedure (graphviz): as-is alone, or as-is and to-be side by side.

A diagram draws :func:`models.graph.procedure_graph` in lanes, one per actor that has a node (applicant, one-stop
desk, handling agency, other agencies, data systems, always in that order from top to bottom), the flow running
left to right: steps as boxes in published order, each dossier item as a note in the column just before the step
that takes it in (coloured by the finder's grade; redundant ones struck through), data sources as cylinders under
that step, linked to the items they can supply, results as double notes under the step that produces them. A step
with ``data_source`` set is a lookup a redesign added: it stands in the data-systems lane, fed by its source, and
is marked new. Side by side (two clusters, "Hiện trạng (as-is)" left of "Phương án (to-be)"), the as-is items the
to-be version dropped are greyed, dashed and marked ✕, and items a redesign rewrote are marked ✎
(:func:`item_changes`). Labels wrap at 28 characters and stop after 5 lines; tooltips keep the whole text.

Every node has a stable SVG id that the GUI maps back to the model with :func:`parse_node_id`: the graph's own ids
(``step:0``, ``item:3``, ``source:population``, ``result:0``, ``start``, ``end``), prefixed ``asis:`` or ``tobe:``
side by side. The same input gives the same DOT text and the same SVG and PNG bytes; a PDF differs only in the
``/CreationDate`` cairo writes into it (cairo 1.16 ignores ``SOURCE_DATE_EPOCH``).

:func:`diagram_dot` returns DOT text (no graphviz needed); :func:`render` draws it as SVG, PNG or PDF bytes;
:func:`write_diagram` writes a file (the networkx ``generate_*``/``write_*`` split). The lanes are laid out on a
grid that dot cannot reorder (:mod:`exporters.flow.diagram_layout`).

Example
-------
>>> from models.procedure import DossierItem, Procedure, Step
>>> p = Procedure(code="1.000001", name="Đăng ký", steps=[Step(description="Nộp hồ sơ")],
...               items=[DossierItem(name="Tờ khai")])
>>> dot = diagram_dot(p, registry=[])
>>> '"item:0" -> "step:0"' in dot, render(dot, "svg").startswith(b"<?xml")
(True, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import quote, unquote

import graphviz
import networkx as nx

from exporters.flow.diagram_layout import (
    Label,
    Lane,
    Markup,
    Panel,
    attrs_text,
    clean,
    escape,
    grid_lines,
    wrap_label,
)
from exporters.output import atomic_output
from exporters.safety import safe_filename
from models.enums import Actor, FindingGrade, ItemGroup
from models.errors import TthcError
from models.findings import Finding
from models.graph import procedure_graph
from models.procedure import Procedure
from models.redesign import ISSUER_RECORDS, ISSUER_RECORDS_NAME
from models.sources import DataSource, load_registry
from models.vocabulary import label

Format = Literal["svg", "png", "pdf"]
#: What :func:`render` draws; :func:`write_diagram` also writes "dot" (the DOT text itself).
FORMATS: tuple[Format, ...] = ("svg", "png", "pdf")
FONT = "DejaVu Sans"  # has every Vietnamese glyph, and ✕ ✎ …; fonts-dejavu-core on Debian and Ubuntu
TITLE_WIDTH = 110  # characters per line of the title (3 lines at most)
PANELS = {"asis": "Hiện trạng (as-is)", "tobe": "Phương án (to-be)"}
#: The procedure's edges stand between these two comment lines of a diagram's DOT text (see :func:`render`).
EDGES_BEGIN = "  // tthc:edges"
EDGES_END = "  // tthc:end-edges"
#: The lanes, top to bottom, in the order :class:`~models.enums.Actor` lists the actors; a diagram shows those that
#: hold a node.
LANES: tuple[Actor, ...] = tuple(Actor)
ItemStatus = Literal["kept", "removed", "changed", "added"]
ALIKE = 0.6  # how alike (difflib's ratio) an edited item's name stays to the published one


class DiagramError(TthcError):
    """Graphviz is missing or could not draw the diagram."""


@dataclass(frozen=True, slots=True)
class _Look:
    fill: str
    border: str
    tag: str  # the short line under an item's name


_GRADE_LOOKS = {
    FindingGrade.REDUNDANT: _Look("#fdecea", "#c62828", "THỪA: đã có dữ liệu"),
    FindingGrade.POTENTIALLY_REDUNDANT: _Look("#fff4e0", "#b26a00", "Có thể thừa"),
    FindingGrade.ISSUED_BY_STATE: _Look("#e8f0fe", "#1a56b0", "Do cơ quan nhà nước cấp"),
    FindingGrade.REQUIRED: _Look("#ffffff", "#616161", ""),
}
_NEUTRAL = _GRADE_LOOKS[FindingGrade.REQUIRED]
_REMOVED = _Look("#eeeeee", "#757575", "✕ Bỏ trong phương án")
_LOOKUP = _Look("#e6f4ea", "#1e7e34", "MỚI: tra cứu dữ liệu")
_STEP = _Look("#ffffff", "#37474f", "")
_SOURCE = _Look("#eef3f8", "#455a64", "")
_RESULT = _Look("#f3e5f5", "#6a1b9a", "Kết quả")
_LANE_FILL = {Actor.DATA_SYSTEM: "#f1f5f9"}


_LANES = [Lane(actor.value, label(actor), _LANE_FILL.get(actor, "#fafafa")) for actor in LANES]


@lru_cache(maxsize=1)
def _shipped_source_names() -> dict[str, str]:
    return {source.id: source.name for source in load_registry()}


def source_names(registry: Iterable[DataSource] | None = None) -> dict[str, str]:
    """Registry id -> the name a diagram shows (from the shipped registry when ``registry`` is None)."""
    names = dict(_shipped_source_names()) if registry is None else {s.id: s.name for s in registry}
    names.setdefault(ISSUER_RECORDS, ISSUER_RECORDS_NAME)
    return names


def item_changes(as_is: Procedure, to_be: Procedure) -> tuple[list[ItemStatus], list[ItemStatus]]:
    """Which as-is items a to-be version removed, and which of its items a redesign edited or added.

    Items match by (group, name) as a multiset: of *n* as-is items with the same key, the first *m* are kept when the
    to-be version has *m*. A to-be item left over is an edited as-is item when one of the same group left over reads
    alike (a redesign rewrites "bản sao có chứng thực" as "bản sao điện tử", drops "kèm bản chính để đối chiếu"):
    both count as changed, each paired with the most alike (:data:`ALIKE` or more, difflib's ratio); otherwise it was
    added. As-is items left over were removed.

    Returns
    -------
    (as-is statuses, to-be statuses) : "kept", "removed", "changed" or "added" for each item, in item order.

    Examples
    --------
    >>> from models.procedure import DossierItem, Procedure
    >>> a = Procedure(code="x", name="x", items=[DossierItem(name="Tờ khai"), DossierItem(name="Bản sao CCCD"),
    ...                                          DossierItem(name="Bản sao có chứng thực Giấy phép")])
    >>> b = Procedure(code="x", name="x", items=[DossierItem(name="Tờ khai"),
    ...                                          DossierItem(name="Bản sao điện tử Giấy phép")])
    >>> item_changes(a, b)
    (['kept', 'removed', 'changed'], ['kept', 'changed'])
    """
    wanted = Counter((item.group, item.name) for item in to_be.items)
    before: list[ItemStatus] = []
    for item in as_is.items:
        key = (item.group, item.name)
        before.append("kept" if wanted[key] > 0 else "removed")
        wanted[key] -= 1
    kept = Counter(
        (i.group, i.name) for i, status in zip(as_is.items, before, strict=True) if status == "kept"
    )
    after: list[ItemStatus] = []
    for item in to_be.items:
        key = (item.group, item.name)
        after.append("kept" if kept[key] > 0 else "added")
        kept[key] -= 1
    for index, item in enumerate(to_be.items):
        if after[index] != "added":
            continue
        scores = [
            (SequenceMatcher(None, old.name, item.name).ratio(), -i)
            for i, old in enumerate(as_is.items)
            if before[i] == "removed" and old.group == item.group
        ]
        best = max(scores, default=(0.0, 0))
        if best[0] >= ALIKE:
            before[-best[1]] = after[index] = "changed"
    return before, after


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


def _procedure_panel(
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


# --- the diagram ---------------------------------------------------------------------------------------------------


_STATUS_TAGS = {
    "removed": _REMOVED.tag,
    "changed": "✎ Sửa đổi trong phương án",
    "added": "+ Thêm trong phương án",
}
_LEGEND = (
    ("step", _STEP, "Bước thực hiện"),
    ("lookup", _LOOKUP, "Bước mới: cơ quan tra cứu dữ liệu"),
    ("required", _NEUTRAL, "Giấy tờ phải nộp / xuất trình"),
    ("redundant", _GRADE_LOOKS[FindingGrade.REDUNDANT], "Giấy tờ thừa: dữ liệu đã có"),
    ("potentially_redundant", _GRADE_LOOKS[FindingGrade.POTENTIALLY_REDUNDANT], "Có thể thừa"),
    ("issued_by_state", _GRADE_LOOKS[FindingGrade.ISSUED_BY_STATE], "Do cơ quan nhà nước cấp"),
    ("removed", _REMOVED, _STATUS_TAGS["removed"]),
    ("changed", _NEUTRAL, _STATUS_TAGS["changed"]),
    ("added", _NEUTRAL, _STATUS_TAGS["added"]),
    ("source", _SOURCE, "Cơ sở dữ liệu"),
    ("result", _RESULT, "Kết quả"),
)


def _legend(used: set[str]) -> list[str]:
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


def diagram_dot(
    as_is: Procedure,
    findings: Iterable[Finding] | None = None,
    to_be: Procedure | None = None,
    to_be_findings: Iterable[Finding] | None = None,
    registry: Iterable[DataSource] | None = None,
    title: str | None = None,
) -> str:
    """The DOT text of a procedure's swimlane diagram, or of its as-is and to-be versions side by side.

    Parameters
    ----------
    as_is : the procedure as published.
    findings : the finder's findings for its items (colour the items, link them to their data sources).
    to_be : its redesigned version (same shape: removed items gone, lookups as steps with ``data_source``); when
        given, two clusters "Hiện trạng (as-is)" and "Phương án (to-be)" side by side, node ids prefixed
        ``asis:`` / ``tobe:``, and as-is items absent from it marked removed (:func:`item_changes`).
    to_be_findings : findings for the to-be version's items (indexes into ``to_be.items``).
    registry : data sources, for their names (the shipped registry when None).
    title : the diagram's title (default: code and name).

    Returns
    -------
    str : DOT text; the same input always gives the same text.
    """
    names = source_names(registry)
    title = title if title is not None else f"{as_is.code} — {as_is.name}"
    graph_attrs = {
        "newrank": "true",
        "fontname": FONT,
        "fontsize": "12",
        "nodesep": "0.25",
        "ranksep": "0.18",
        "labelloc": "t",
        "labeljust": "l",
        "splines": "line",
        "label": Markup(
            "<B>" + "<BR/>".join(escape(line) for line in wrap_label(title, TITLE_WIDTH, 3)) + "</B>"
        ),
        "tooltip": clean(title),
    }
    lines = [
        "digraph tthc {",
        f"  graph {attrs_text(graph_attrs)}",
        "  node " + attrs_text({"fontname": FONT, "fontsize": "10", "margin": "0.1,0.05"}),
        "  edge " + attrs_text({"fontname": FONT, "fontsize": "9"}),
    ]
    legend: set[str] = set()
    if to_be is None:
        panels = [_procedure_panel(as_is, list(findings or ()), names, legend)]
        titles: list[str | None] = [None]
    else:
        before, after = item_changes(as_is, to_be)
        panels = [
            _procedure_panel(as_is, list(findings or ()), names, legend, "asis:", before),
            _procedure_panel(to_be, list(to_be_findings or ()), names, legend, "tobe:", after),
        ]
        titles = [PANELS["asis"], PANELS["tobe"]]
    grid, corner = grid_lines(panels, titles, _LANES)
    lines += grid
    lines += _legend(legend)
    lines.append(f'  {corner} -> "legend" [style=invis]')
    lines += [EDGES_BEGIN, *(f"  {edge}" for panel in panels for edge in panel.edges), EDGES_END, "}"]
    return "\n".join(lines) + "\n"


# --- output -------------------------------------------------------------------------------------------------------


def render(dot_source: str, fmt: Format = "svg") -> bytes:
    """DOT text drawn by graphviz as SVG, PNG or PDF bytes.

    A :func:`diagram_dot` text is drawn in two passes: ``dot`` places the grid without the procedure's edges (whose
    chains of virtual nodes would widen the lanes), then ``neato -n2`` keeps those places and draws the edges as
    straight lines. Any other DOT text is drawn by ``dot`` alone.

    Raises
    ------
    ValueError : ``fmt`` is not one of :data:`FORMATS`.
    DiagramError : the graphviz programs are missing or failed.
    """
    if fmt not in FORMATS:
        raise ValueError(f"Unknown diagram format {fmt!r}: use one of {', '.join(FORMATS)}.")
    begin, end = dot_source.find(EDGES_BEGIN), dot_source.find(EDGES_END)
    if begin < 0 or end < begin:
        return _pipe("dot", fmt, dot_source)
    edges = dot_source[begin : end + len(EDGES_END)]
    placed = _pipe("dot", "dot", dot_source[:begin] + dot_source[end + len(EDGES_END) :]).decode("utf-8")
    close = placed.rstrip().rfind("}")
    return _pipe("neato", fmt, f"{placed[:close]}{edges}\n}}\n", no_op=2)


def _pipe(engine: str, fmt: str, source: str, no_op: int | None = None) -> bytes:
    try:
        return graphviz.pipe(engine, fmt, source.encode("utf-8"), neato_no_op=no_op, quiet=True)
    except graphviz.ExecutableNotFound:
        raise DiagramError(
            f"Graphviz is not installed (the '{engine}' program was not found): install graphviz to draw diagrams."
        ) from None
    except graphviz.CalledProcessError as exc:
        detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()
        raise DiagramError(f"Graphviz could not draw the diagram: {detail[-1] if detail else exc}") from None


def default_filename(procedure: Procedure, fmt: str, *, compared: bool = False) -> str:
    """A safe file name for a procedure's diagram: "<code> <name>[ so sánh].<fmt>"."""
    stem = safe_filename(f"{procedure.code} {procedure.name}", max_length=100)
    return f"{stem}{' so sánh' if compared else ''}.{fmt}"


def write_diagram(
    path: Path,
    as_is: Procedure,
    findings: Iterable[Finding] | None = None,
    to_be: Procedure | None = None,
    to_be_findings: Iterable[Finding] | None = None,
    *,
    registry: Iterable[DataSource] | None = None,
    title: str | None = None,
    fmt: Format | Literal["dot"] | None = None,
) -> Path:
    """Write the diagram to ``path`` atomically, in ``fmt`` or the format its suffix names (.svg .png .pdf .dot .gv).

    A folder as ``path`` gets a file named after the procedure (:func:`default_filename`). A ``dot`` file holds the
    :func:`diagram_dot` text; draw it with :func:`render` (plain ``dot -Tsvg`` draws it too, with wider lanes).
    Returns the file written.

    Raises
    ------
    ValueError : neither ``fmt`` nor the suffix names a format.
    DiagramError : graphviz failed.
    """
    target, data = diagram_file(
        path, as_is, findings, to_be, to_be_findings, registry=registry, title=title, fmt=fmt
    )
    with atomic_output(target) as tmp:
        tmp.write_bytes(data)
    return target


def diagram_file(
    path: Path,
    as_is: Procedure,
    findings: Iterable[Finding] | None = None,
    to_be: Procedure | None = None,
    to_be_findings: Iterable[Finding] | None = None,
    *,
    registry: Iterable[DataSource] | None = None,
    title: str | None = None,
    fmt: Format | Literal["dot"] | None = None,
) -> tuple[Path, bytes]:
    """What :func:`write_diagram` writes, not written: the file (in the folder ``path``, or ``path``) and its bytes
    (for an export that puts several diagrams in place together, :func:`exporters.output.atomic_outputs`)."""
    if path.is_dir():
        path = path / default_filename(as_is, fmt or "svg", compared=to_be is not None)
    chosen = fmt or {".gv": "dot"}.get(path.suffix.lower(), path.suffix.lower().lstrip("."))
    dot = diagram_dot(as_is, findings, to_be, to_be_findings, registry, title)
    if chosen == "dot":
        data = dot.encode("utf-8")
    else:
        drawn = next((f for f in FORMATS if f == chosen), None)
        if drawn is None:
            raise ValueError(
                f"Cannot tell the diagram format from {path.name!r}: use .svg, .png, .pdf or .dot."
            )
        data = render(dot, drawn)
    return path, data


def parse_node_id(node_id: str) -> tuple[str | None, str, int | str | None]:
    """What a node's SVG id names, for the GUI: (panel or None, kind, index or registry id or None).

    Registry ids are percent-encoded in node ids (``source:we%22ird`` is the source ``we"ird``).

    >>> parse_node_id("asis:item:3"), parse_node_id("source:population"), parse_node_id("tobe:end")
    (('asis', 'item', 3), (None, 'source', 'population'), ('tobe', 'end', None))
    """
    panel: str | None = None
    if node_id.split(":", 1)[0] in PANELS:
        panel, node_id = node_id.split(":", 1)
    kind, _, key = node_id.partition(":")
    if not key:
        return panel, kind, None
    if kind == "source":
        return panel, kind, unquote(key)
    return panel, kind, int(key) if key.isdigit() else key

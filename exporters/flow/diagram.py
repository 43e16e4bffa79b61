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
grid that dot cannot reorder (:mod:`exporters.flow.diagram_layout`); each procedure's nodes, looks and edges are
:mod:`exporters.flow.diagram_panel`'s, and the pairing of as-is and to-be items is
:func:`models.identity.item_changes`.

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

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

import graphviz

from exporters.flow.diagram_layout import Lane, Markup, attrs_text, clean, escape, grid_lines, wrap_label
from exporters.flow.diagram_panel import legend_lines, procedure_panel
from exporters.output import atomic_output
from exporters.safety import safe_filename
from models.enums import Actor
from models.errors import TthcError
from models.findings import Finding
from models.identity import item_changes
from models.procedure import Procedure
from models.redesign.item_changes import ISSUER_RECORDS, ISSUER_RECORDS_NAME
from models.sources import DataSource, load_registry
from models.vocabulary import label

__all__ = [
    "EDGES_BEGIN",
    "EDGES_END",
    "FORMATS",
    "LANES",
    "PANELS",
    "DiagramError",
    "default_filename",
    "diagram_dot",
    "diagram_file",
    "parse_node_id",
    "render",
    "source_names",
    "write_diagram",
]

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


class DiagramError(TthcError):
    """Graphviz is missing or could not draw the diagram."""


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


# --- the diagram --------------------------------------------------------------------------------------------------


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
        panels = [procedure_panel(as_is, list(findings or ()), names, legend)]
        titles: list[str | None] = [None]
    else:
        before, after = item_changes(as_is.items, to_be.items)
        panels = [
            procedure_panel(as_is, list(findings or ()), names, legend, "asis:", before),
            procedure_panel(to_be, list(to_be_findings or ()), names, legend, "tobe:", after),
        ]
        titles = [PANELS["asis"], PANELS["tobe"]]
    grid, corner = grid_lines(panels, titles, _LANES)
    lines += grid
    lines += legend_lines(legend)
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

"""DOT text and the swimlane grid behind :mod:`exporters.flow.diagram`, apart from what a procedure means.

Imported text reaches graphviz in two ways, each escaped here: HTML-like labels (:class:`Markup`, built by
:class:`Label` from escaped lines) and double-quoted strings (:func:`quote`). Lanes are bands of ranks on a grid that
dot cannot reorder (:func:`grid_lines`); a :class:`Panel` holds one procedure's nodes in the grid's cells.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from exporters.safety import xml_text

WRAP_WIDTH = 28  # characters per line of a node's label
MAX_LINES = 5  # lines of a node's label before it is cut with "…" (the tooltip keeps the whole text)
MAX_STACK = 10  # nodes stacked in one cell of the grid; more go in the next column
_WRAPPER = textwrap.TextWrapper(width=WRAP_WIDTH, break_long_words=True, break_on_hyphens=False)


# --- text -----------------------------------------------------------------------------------------------------------


def clean(text: str | None) -> str:
    """Imported text as one line: the characters XML cannot carry removed, whitespace folded."""
    return " ".join(xml_text(text).split())


def wrap_label(text: str | None, width: int = WRAP_WIDTH, max_lines: int = MAX_LINES) -> list[str]:
    """``text`` folded into lines of at most ``width`` characters; past ``max_lines`` the last line ends in "…".

    >>> wrap_label("Tờ khai đăng ký khai sinh theo mẫu quy định", width=20)
    ['Tờ khai đăng ký khai', 'sinh theo mẫu quy', 'định']
    >>> wrap_label("một hai ba bốn năm sáu", width=8, max_lines=2)
    ['một hai', 'ba bốn…']
    """
    wrapper = _WRAPPER if width == WRAP_WIDTH else textwrap.TextWrapper(width=width, break_on_hyphens=False)
    lines = wrapper.wrap(clean(text))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


def escape(text: str) -> str:
    """Text for an HTML-like label: &, <, > and quotes as entities."""
    return html.escape(text, quote=True)


def small(text: str, color: str = "#555555") -> str:
    """One line of 8-point text, escaped."""
    return f'<FONT POINT-SIZE="8" COLOR="{color}">{escape(text)}</FONT>'


class Markup(str):
    """An HTML-like label, already escaped: written between < and > instead of quoted."""


def quote(text: str, *, escstring: bool = False) -> str:
    r"""``text`` as a DOT double-quoted string.

    The DOT reader keeps a backslash pair as two characters, so a name doubles each backslash (and a final one
    cannot escape the closing quote). An attribute value (``escstring``: tooltips, ids, plain labels) is read again
    by graphviz, which turns "\\" into "\" and "\N", "\G"... into the node's or graph's name: each backslash is
    written four times there, and a newline as "\n".

    >>> quote('a "b" \\'), quote("x\\N\ny", escstring=True)
    ('"a \\"b\\" \\\\"', '"x\\\\\\\\N\\ny"')
    """
    text = xml_text(text).replace("\\", "\\\\\\\\" if escstring else "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n") + '"'


def attrs_text(attrs: Mapping[str, str]) -> str:
    """``[key=value, ...]``: :class:`Markup` values as HTML-like labels, every other value quoted."""
    return (
        "["
        + ", ".join(
            f"{k}=<{v}>" if isinstance(v, Markup) else f"{k}={quote(v, escstring=True)}"
            for k, v in attrs.items()
        )
        + "]"
    )


@dataclass(slots=True)
class Label:
    """An HTML-like label built line by line that knows its widest line, to size the grid's placeholders."""

    lines: list[str] = field(default_factory=list)
    widest: tuple[int, str] = (0, "")  # (characters × point size, the line's markup alone)

    def add(self, text: str | None, *, color: str | None = None, strike: bool = False) -> Label:
        """``text`` wrapped in the node font, or (with ``color``) as one 8-point line of that colour."""
        for line in wrap_label(text) if color is None else [clean(text)]:
            markup = escape(line) if color is None else small(line, color)
            self.lines.append(f"<S>{markup}</S>" if strike else markup)
            self.widest = max(self.widest, (len(line) * (10 if color is None else 8), markup))
        return self

    def markup(self) -> Markup:
        return Markup("<BR/>".join(self.lines))


# --- the grid -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lane:
    key: str  # in cluster and placeholder ids: "lane:<key>"
    label: str
    fill: str


@dataclass(slots=True)
class _Node:
    lane: str
    attrs: dict[str, str]
    widest: tuple[int, str]


@dataclass(slots=True)
class Panel:
    """One procedure's nodes on a grid of (lane, column) cells, and its edges; node ids start with ``prefix``.

    Column 0 is left empty, as wide as the lane labels; :meth:`block` fills the next columns. A cell holds a stack
    of nodes, top first (None: an empty cell).
    """

    prefix: str
    nodes: dict[str, _Node] = field(default_factory=dict)
    cells: dict[tuple[str, int], list[str | None]] = field(default_factory=dict)
    columns: int = 1
    edges: list[str] = field(default_factory=list)

    def add(self, node: str, lane: str, attrs: dict[str, str], label: Label | None = None) -> None:
        """Declare ``node`` in ``lane`` (its id in the SVG will be ``prefix + node``)."""
        if label is not None:
            attrs["label"] = label.markup()
        self.nodes[node] = _Node(lane, attrs, label.widest if label is not None else (0, ""))

    def block(self, nodes: Sequence[str], *, flow: bool = False) -> None:
        """Place ``nodes`` (added already) in the next columns, in stacks of at most :data:`MAX_STACK` per lane.

        With ``flow`` the first node goes on its lane's first row; every other stack starts below the first row,
        which stays free for the flow's edges.
        """
        by_lane: dict[str, list[str]] = {}
        for node in nodes:
            by_lane.setdefault(self.nodes[node].lane, []).append(node)
        width = 0
        for lane, stack in by_lane.items():
            on_first_row = flow and stack[0] == nodes[0]
            for offset, start in enumerate(range(0, len(stack), MAX_STACK)):
                chunk: list[str | None] = [*stack[start : start + MAX_STACK]]
                self.cells[(lane, self.columns + offset)] = (
                    chunk if on_first_row and not offset else [None, *chunk]
                )
                width = max(width, offset + 1)
        self.columns += width

    def edge(self, tail: str, head: str, attrs: Mapping[str, str]) -> None:
        """An edge of the picture. It never sets ranks: the grid does."""
        self.edges.append(
            f"{quote(self.prefix + tail)} -> {quote(self.prefix + head)} {attrs_text({**attrs, 'constraint': 'false'})}"
        )


def _placeholder(widest: str | None) -> dict[str, str]:
    """An invisible grid node: on a lane's first row as wide as its column's widest line (graphviz measures it in
    the node font), a point on the other rows."""
    if widest is None:
        return {"shape": "point", "style": "invis", "width": "0", "label": ""}
    if not widest:  # a column of start or end: as wide as their circles
        return {"shape": "box", "style": "invis", "height": "0", "width": "0.25", "margin": "0", "label": ""}
    return {
        "shape": "box",
        "style": "invis",
        "height": "0",
        "width": "0.3",
        "margin": "0.16,0",
        "label": Markup(widest),
    }


def _column_widths(panel: Panel, header: str) -> dict[int, str]:
    widest: dict[int, tuple[int, str]] = {0: (0, f'<FONT POINT-SIZE="12">{escape(header)}</FONT>')}
    for (_, column), stack in panel.cells.items():
        widest[column] = max([widest.get(column, (0, "")), *(panel.nodes[n].widest for n in stack if n)])
    return {column: markup for column, (_, markup) in widest.items()}


def grid_lines(
    panels: Sequence[Panel], titles: Sequence[str | None], lanes: Sequence[Lane]
) -> tuple[list[str], str]:
    """The DOT statements of ``panels`` side by side, each in a cluster titled by ``titles`` (None: no cluster).

    dot orders clusters to cut crossings, so the lanes of a left-to-right layout come out in any order. Here the
    layout runs top to bottom and each lane is a band of *ranks*, which dot never reorders. Every cell of the grid
    holds a node or an invisible placeholder (those on a lane's first row as wide as the column); each row is chained
    left to right and each column top to bottom by invisible edges: dot keeps a row's order within a cluster, and
    the columns line up across lanes. Each of ``lanes`` (top to bottom) that some panel uses gets as many rows in
    every panel, so side by side a lane is on the same line. The panels' edges are left out (see
    :func:`exporters.flow.diagram.render`).

    Returns
    -------
    (lines, the first panel's bottom-left node) : the legend goes below it.
    """
    used = [lane for lane in lanes if any(key[0] == lane.key for panel in panels for key in panel.cells)]
    depth = {
        lane.key: max(
            len(stack) for panel in panels for key, stack in panel.cells.items() if key[0] == lane.key
        )
        for lane in used
    }
    header = max((lane.label for lane in used), key=len)
    lines: list[str] = []
    corners: list[str] = []
    for panel, title in zip(panels, titles, strict=True):
        indent = "  "
        if title is not None:
            key = panel.prefix.rstrip(":")
            lines.append(f"  subgraph {quote('cluster_' + key)} {{")
            lines.append(
                "    graph " + attrs_text({"id": key, "label": title, "fontsize": "14", "style": "rounded"})
            )
            indent = "    "
        widths = _column_widths(panel, header)
        above: list[str] = []  # each column's lowest cell in the lane above
        links: list[str] = []  # outside the lanes: an edge inside a subgraph makes both its ends members
        for lane in used:
            lane_lines, grid = _lane_lines(panel, lane, depth[lane.key], widths, indent)
            lines += lane_lines
            if above:
                links += [
                    f"{indent}{tail} -> {cells[0]} [style=invis, weight=50]"
                    for tail, cells in zip(above, grid, strict=True)
                ]
            above = [cells[-1] for cells in grid]
        corners.append(above[0])
        lines += links
        if title is not None:
            lines.append("  }")
    return lines, corners[0]


def _lane_lines(
    panel: Panel, lane: Lane, depth: int, widths: Mapping[int, str], indent: str
) -> tuple[list[str], list[list[str]]]:
    """A lane's cluster with its cells chained in rows and columns, and its grid: each column's cells, top first."""
    cluster = {
        "id": f"{panel.prefix}lane:{lane.key}",
        "label": lane.label,
        "tooltip": lane.label,
        "style": "filled",
        "fillcolor": lane.fill,
        "color": "#b0bec5",
    }
    lines = [
        f"{indent}subgraph {quote(f'cluster_{panel.prefix}lane:{lane.key}')} {{",
        f"{indent}  graph {attrs_text(cluster)}",
    ]
    grid = []
    for column in range(panel.columns):
        names, statements = _column(panel, lane.key, column, depth, widths.get(column, ""))
        grid.append(names)
        lines += [f"{indent}  {statement}" for statement in statements]
    lines += [f"{indent}  {' -> '.join(names)} [style=invis, weight=50]" for names in grid if len(names) > 1]
    for row in range(depth):
        cells = [names[row] for names in grid]
        lines.append(f"{indent}  {{rank=same; {'; '.join(cells)}}}")
        if len(cells) > 1:
            lines.append(f"{indent}  {' -> '.join(cells)} [style=invis]")
    lines.append(f"{indent}}}")
    return lines, grid


def _column(panel: Panel, lane: str, column: int, depth: int, width: str) -> tuple[list[str], list[str]]:
    """One lane's cells in one column: their quoted names, top to bottom, and their node statements."""
    stack = panel.cells.get((lane, column), [])
    names, statements = [], []
    for row in range(depth):
        node = stack[row] if row < len(stack) else None
        if node is not None:
            name = panel.prefix + node
            attrs = {"id": name, **panel.nodes[node].attrs}
        else:
            name = f"{panel.prefix}lane:{lane}:{column}:{row}"
            attrs = _placeholder(width if row == 0 else None)
        names.append(quote(name))
        statements.append(f"{quote(name)} {attrs_text(attrs)}")
    return names, statements

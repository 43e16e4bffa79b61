"""Where each shape of a BPMN diagram goes: lanes as horizontal bands, flow nodes left to right, one per column,
and the documents, data stores and notes that belong to a column in a small grid under its flow node.

Pure geometry: boxes, lanes and columns, no BPMN. Every coordinate is an integer, so the same input always gives
the same numbers (and the same bytes once written).

Example
-------
>>> columns = [Column("start", 0, (36, 36)), Column("task", 1, (120, 80), {1: [("doc", (36, 50))]})]
>>> pool = layout_pool(2, columns, (0, 0))
>>> pool.boxes["start"].cy == pool.lanes[0].y + PAD + NODE_ROW // 2
True
>>> pool.boxes["doc"].y > pool.boxes["task"].bottom
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

POOL_LABEL = 30  # the band at the left of a pool that holds its name
LANE_LABEL = 30  # the same band for each lane
PAD = 30  # space between a lane's edges and what is in it
NODE_ROW = 80  # height of the row of flow nodes in a lane (a task's height)
GRID_GAP = 40  # between a flow node and the grid of documents under it
CELL_GAP_X = 60  # around each document of a grid, horizontally (leaves room for its label)
CELL_GAP_Y = 50  # and vertically (the label sits under the shape)
COLUMN_GAP = 50
MIN_LANE = 140
POOL_GAP = 80  # between two pools of one diagram

Point = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: top-left corner, width and height."""

    x: int
    y: int
    w: int
    h: int

    @property
    def right(self) -> int:
        return self.x + self.w

    @property
    def bottom(self) -> int:
        return self.y + self.h

    @property
    def cx(self) -> int:
        return self.x + self.w // 2

    @property
    def cy(self) -> int:
        return self.y + self.h // 2

    def contains(self, other: Box) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.right <= self.right
            and other.bottom <= self.bottom
        )


@dataclass(slots=True)
class Column:
    """One flow node (in lane ``lane``, of ``size`` w×h) and what is drawn in its column, lane by lane."""

    node: str
    lane: int
    size: tuple[int, int]
    attachments: dict[int, list[tuple[str, tuple[int, int]]]] = field(default_factory=dict)


@dataclass(slots=True)
class PoolLayout:
    """The pool, its lanes top to bottom, each element's box, and the x of the empty gap after each column (where
    a flow between lanes turns, clear of every shape)."""

    pool: Box
    lanes: list[Box]
    boxes: dict[str, Box]
    gaps: list[int]


@dataclass(frozen=True, slots=True)
class _Grid:
    per_row: int
    rows: int
    cell_w: int
    cell_h: int

    @property
    def width(self) -> int:
        return self.per_row * self.cell_w

    @property
    def height(self) -> int:
        return self.rows * self.cell_h


def _grid(shapes: Sequence[tuple[str, tuple[int, int]]]) -> _Grid:
    """A near-square grid for ``shapes``: many documents for one step grow the lane both ways, not into a line."""
    if not shapes:
        return _Grid(0, 0, 0, 0)
    per_row = math.ceil(math.sqrt(len(shapes)))
    return _Grid(
        per_row,
        math.ceil(len(shapes) / per_row),
        max(w for _, (w, _) in shapes) + CELL_GAP_X,
        max(h for _, (_, h) in shapes) + CELL_GAP_Y,
    )


def layout_pool(lane_count: int, columns: Sequence[Column], origin: Point) -> PoolLayout:
    """Place a pool of ``lane_count`` lanes with its top-left corner at ``origin``.

    Each lane is as tall as its tallest column needs; each column as wide as its widest content. Flow nodes sit on
    one row per lane (centred on it), their grids right under them.
    """
    grids = [{lane: _grid(shapes) for lane, shapes in column.attachments.items()} for column in columns]
    has_node = [any(column.lane == lane for column in columns) for lane in range(lane_count)]

    def top(lane: int) -> int:
        return PAD + (NODE_ROW + GRID_GAP if has_node[lane] else 0)

    widths = [
        max([column.size[0], *(grid.width for grid in grids[index].values())])
        for index, column in enumerate(columns)
    ]
    heights = [
        max([MIN_LANE, *(top(lane) + g[lane].height + PAD for g in grids if lane in g and g[lane].rows)])
        for lane in range(lane_count)
    ]
    x0, y0 = origin
    xs: list[int] = []
    x = x0 + POOL_LABEL + LANE_LABEL + PAD
    for width in widths:
        xs.append(x)
        x += width + COLUMN_GAP
    pool_w = x - COLUMN_GAP + PAD - x0
    lanes: list[Box] = []
    y = y0
    for height in heights:
        lanes.append(Box(x0 + POOL_LABEL, y, pool_w - POOL_LABEL, height))
        y += height
    boxes: dict[str, Box] = {}
    for index, column in enumerate(columns):
        w, h = column.size
        lane_y = lanes[column.lane].y
        boxes[column.node] = Box(
            xs[index] + (widths[index] - w) // 2, lane_y + PAD + (NODE_ROW - h) // 2, w, h
        )
        for lane, shapes in column.attachments.items():
            grid = grids[index][lane]
            left = xs[index] + (widths[index] - grid.width) // 2
            for k, (element, (sw, sh)) in enumerate(shapes):
                row, col = divmod(k, grid.per_row)
                boxes[element] = Box(
                    left + col * grid.cell_w + (grid.cell_w - sw) // 2,
                    lanes[lane].y + top(lane) + row * grid.cell_h,
                    sw,
                    sh,
                )
    gaps = [x + width + COLUMN_GAP // 2 for x, width in zip(xs, widths, strict=True)]
    return PoolLayout(Box(x0, y0, pool_w, y - y0), lanes, boxes, gaps)


def flow_waypoints(source: Box, target: Box, turn: int) -> list[Point]:
    """A sequence flow from the right of ``source`` to the left of ``target``; between lanes it turns at x ``turn``
    (the gap between their columns)."""
    start, end = (source.right, source.cy), (target.x, target.cy)
    if source.cy == target.cy:
        return [start, end]
    return [start, (turn, source.cy), (turn, target.cy), end]


def link_waypoints(source: Box, target: Box) -> list[Point]:
    """A straight connector between the facing sides of two boxes (data associations, associations)."""
    if source.bottom <= target.y:
        return [(source.cx, source.bottom), (target.cx, target.y)]
    if target.bottom <= source.y:
        return [(source.cx, source.y), (target.cx, target.bottom)]
    if source.right <= target.x:
        return [(source.right, source.cy), (target.x, target.cy)]
    return [(source.x, source.cy), (target.right, target.cy)]


def stack_origin(previous: PoolLayout | None, x: int = 20, y: int = 20) -> Point:
    """Where the next pool goes: under ``previous``, or at (x, y) for the first."""
    return (x, y) if previous is None else (x, previous.pool.bottom + POOL_GAP)

"""Benchmark (not a test): export the shared corpus as the Excel catalog template and compare with a bare floor.

The floor is what no streaming Excel export can avoid: openpyxl's write-only mode writing the same sheets with the
same cell values (built beforehand, outside the timing) and zipping them. The export is the real thing: reading
the template's declarations, turning enums into labels and lists into lines, making every text safe, the styled
header, frozen panes, filters, drop-down lists and the README, then the atomic save. Run:

    .venv/bin/python benchmarks/export_xlsx.py [--data ../shared/data] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from timing import SHARED_DATA, timed

from catalog.importing.importer import expand, read_file
from exporters.excel.catalog_book import write_catalog_xlsx
from models.procedure import Procedure
from models.template import ENUM, ENUM_LIST, LIST, TABLES
from models.vocabulary import label

_LINKED = {"procedure_code", "channel_no", "no"}


def load(data: Path) -> list[Procedure]:
    files, _ = expand([data / "portal-pages"])
    unique = {r.procedure.code: r.procedure for f in files for r in read_file(f) if r.procedure is not None}
    return list(unique.values())


def plain(kind: str, value: Any) -> Any:
    if value is None or value == []:
        return None
    if kind == ENUM:
        return label(value)
    if kind == ENUM_LIST:
        return "\n".join(label(v) for v in value)
    if kind == LIST:
        return "\n".join(value)
    return value


def procedure_rows(p: Procedure) -> Iterator[tuple[str, list[Any]]]:
    """(sheet key, row as plain values) for each row one procedure takes in the template."""
    tables = {t.key: t for t in TABLES}

    def row(key: str, part: Any, **links: Any) -> tuple[str, list[Any]]:
        return key, [
            links[c.key] if c.key in _LINKED else plain(c.kind, getattr(part, c.key))
            for c in tables[key].columns
        ]

    yield row("procedures", p)
    for number, channel in enumerate(p.channels, start=1):
        yield row("channels", channel, procedure_code=p.code, channel_no=number)
        for fee in channel.fees:
            yield row("fees", fee, procedure_code=p.code, channel_no=number)
    for key in ("steps", "items", "notes", "results", "legal_basis"):
        for number, part in enumerate(getattr(p, key), start=1):
            yield row(key, part, procedure_code=p.code, no=number)


def table_rows(procedures: Iterable[Procedure]) -> dict[str, list[list[Any]]]:
    """Every sheet's rows as the export writes them, as plain values (the floor's input, built untimed)."""
    rows: dict[str, list[list[Any]]] = {t.key: [] for t in TABLES}
    for p in procedures:
        for key, values in procedure_rows(p):
            rows[key].append(values)
    return rows


def streamed_floor(procedures: Iterable[Procedure], path: Path) -> None:
    """The floor for a catalog too large to hold: the same cells, built and appended one procedure at a time."""
    workbook = Workbook(write_only=True)
    sheets = {}
    for table in TABLES:
        sheets[table.key] = workbook.create_sheet(table.sheet)
        sheets[table.key].append([c.vi for c in table.columns])
    for p in procedures:
        for key, values in procedure_rows(p):
            sheets[key].append(values)
    workbook.save(path)


def floor(rows: dict[str, list[list[Any]]], path: Path) -> int:
    workbook = Workbook(write_only=True)
    for table in TABLES:
        sheet = workbook.create_sheet(table.sheet)
        sheet.append([c.vi for c in table.columns])
        for row in rows[table.key]:
            sheet.append(row)
    workbook.save(path)
    return sum(1 for table_rows_ in rows.values() for row in table_rows_ for cell in row if cell is not None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    procedures = load(args.data)
    rows = table_rows(procedures)
    print(
        f"corpus: {len(procedures)} procedures, {sum(len(r) for r in rows.values()):,} rows in {len(rows)} sheets"
    )
    with tempfile.TemporaryDirectory() as folder:
        runs = (
            ("floor (openpyxl write-only, same cells)", "cells", floor, (rows, Path(folder) / "floor.xlsx")),
            (
                "catalog export (write_catalog_xlsx)",
                "procedures",
                write_catalog_xlsx,
                (procedures, Path(folder) / "catalog.xlsx"),
            ),
        )
        times: dict[str, list[float]] = {label: [] for label, *_ in runs}
        outcome: dict[str, str] = {}
        for _ in range(args.repeat):  # interleaved, so that a busy machine slows both alike
            for label, unit, function, arguments in runs:
                seconds, result = timed(function, *arguments)
                times[label].append(seconds)
                outcome[label] = f"{result:,} {unit}, {arguments[-1].stat().st_size / 1e6:.1f} MB"
    base = statistics.median(times[runs[0][0]])
    for label, _, _, _ in runs:
        seconds = statistics.median(times[label])
        print(f"{label:<42} {seconds:7.2f} s   {seconds / base:5.2f} x floor   -> {outcome[label]}")


if __name__ == "__main__":
    main()

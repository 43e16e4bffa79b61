"""Benchmark (not a test): import the shared corpus and compare with the bare parse floor.

The floor is what no importer can avoid: reading every file and decoding it (json.loads for JSON, python-calamine's
rows for xlsx). The import is the real thing: detection, parsing, text hygiene, and writing one transaction into a
fresh SQLite workspace. Run:

    .venv/bin/python benchmarks/import_corpus.py [--data ../shared/data] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from python_calamine import CalamineWorkbook
from timing import SHARED_DATA, timed

import catalog.importing.all_formats  # noqa: F401
from catalog.importing.importer import expand, import_paths, read_file
from models.runtime import BATCH, tune_gc
from models.storage.workspace import Workspace

SETS = ("portal-pages", "portal-api", "portal-lists", "legacy-2021")


def floor(files: list[Path]) -> None:
    for path in files:
        if path.suffix == ".xlsx":
            workbook = CalamineWorkbook.from_path(str(path))
            for name in workbook.sheet_names:
                workbook.get_sheet_by_name(name).to_python()
        else:
            json.loads(path.read_bytes())


def parse_only(files: list[Path]) -> int:
    return sum(1 for path in files for record in read_file(path) if record.procedure is not None)


def full_import(paths: list[Path]) -> int:
    with tempfile.TemporaryDirectory() as folder, Workspace.open(Path(folder) / "bench.sqlite") as ws:
        report = import_paths(ws, paths)
        return len(report.imported)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tune_gc(BATCH)  # as tthc does
    paths = [args.data / name for name in SETS if (args.data / name).exists()]
    files, _ = expand(paths)
    size = sum(f.stat().st_size for f in files) / 1e6
    print(f"corpus: {len(files)} files, {size:.1f} MB ({', '.join(p.name for p in paths)})")
    rows = {}
    for label, function, argument in (
        ("floor (read + decode)", floor, files),
        ("parse (records -> procedures)", parse_only, files),
        ("import (parse + one SQLite transaction)", full_import, paths),
    ):
        times = []
        for _ in range(args.repeat):
            seconds, result = timed(function, argument)
            times.append(seconds)
        rows[label] = (statistics.median(times), result)
    base = rows["floor (read + decode)"][0]
    for label, (seconds, result) in rows.items():
        extra = f"  -> {result} procedures" if isinstance(result, int) and result else ""
        print(f"{label:<42} {seconds:7.2f} s   {seconds / base:6.1f} x floor{extra}")


if __name__ == "__main__":
    main()

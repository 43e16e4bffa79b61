"""Benchmark and corpus check (not a test): export every shared procedure to BPMN and CPSV-AP and validate it all.

Every record of ``portal-pages`` (2,110 files; 16 mis-scraped pages repeat two codes) is read, analysed (findings
give the data stores and evidence links), exported to BPMN 2.0.2 and validated (XSD, references, DI), then exported
to CPSV-AP 3.2.0 JSON-LD and validated with pyshacl against the shipped shapes. CPSV-AP goes in chunks of
procedures with distinct codes (a code is one service IRI: two records with one code would merge), or with
``--one-graph`` as one document of the distinct codes. Prints figures; exits 1 when anything is invalid. Run:

    .venv/bin/python benchmarks/validate_open_formats.py [--data ../shared/data] [--chunk 250] [--one-graph]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from timing import SHARED_DATA, timed

from catalog.importing.importer import expand, read_file
from catalog.pipeline.analysis import analyze
from exporters.cpsv import generate_cpsv, validate_cpsv
from exporters.flow.bpmn import generate_bpmn, validate_bpmn
from models.cost.parameters import CostParameters
from models.findings import Finding
from models.procedure import Procedure
from models.sources import load_registry

Record = tuple[Procedure, list[Finding]]


def read_corpus(data: Path) -> tuple[int, list[Procedure]]:
    files, _ = expand([data / "portal-pages"])
    return len(files), [record.procedure for path in files for record in read_file(path) if record.procedure]


def chunks(records: list[Record], size: int) -> list[list[Record]]:
    """Chunks of at most ``size`` records whose codes are distinct: a code's n-th record goes to the n-th pass."""
    seen: Counter[str] = Counter()
    passes: dict[int, list[Record]] = {}
    for record in records:
        passes.setdefault(seen[record[0].code], []).append(record)
        seen[record[0].code] += 1
    return [group[i : i + size] for _, group in sorted(passes.items()) for i in range(0, len(group), size)]


def check_bpmn(records: list[Record]) -> tuple[int, list[str], float, float, int]:
    generate = validate = 0.0
    errors: list[str] = []
    size = 0
    for (
        procedure,
        findings,
    ) in records:  # timed per call without timed(): a collection each time costs minutes
        start = time.perf_counter()
        xml = generate_bpmn(procedure, findings)
        generate += time.perf_counter() - start
        size += len(xml)
        start = time.perf_counter()
        errors.extend(f"{procedure.code}: {e}" for e in validate_bpmn(xml))
        validate += time.perf_counter() - start
    return len(records), errors, generate, validate, size


def check_cpsv(groups: list[list[Record]]) -> tuple[int, list[str], float, float]:
    generate = validate = 0.0
    errors: list[str] = []
    for group in groups:
        seconds, document = timed(generate_cpsv, [p for p, _ in group], {p.code: f for p, f in group})
        generate += seconds
        seconds, found = timed(validate_cpsv, document)
        validate += seconds
        errors.extend(found)
    return sum(len(g) for g in groups), errors, generate, validate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--chunk", type=int, default=250, help="procedures per CPSV-AP document validated")
    parser.add_argument(
        "--one-graph", action="store_true", help="validate the distinct codes as one document"
    )
    args = parser.parse_args()

    seconds, (files, procedures) = timed(read_corpus, args.data)
    print(
        f"read      {files} files -> {len(procedures)} records, {len({p.code for p in procedures})} codes"
        f"   {seconds:6.1f} s"
    )
    seconds, analysis = timed(analyze, procedures, load_registry(), CostParameters())
    records = [(a.procedure, a.findings) for a in analysis.procedures]
    print(f"analyse   {len(records)} records   {seconds:6.1f} s")

    count, bpmn_errors, generate, validate, size = check_bpmn(records)
    print(
        f"BPMN      {count} files, {size / count / 1024:.1f} KiB each: generate {generate:6.1f} s, "
        f"validate (XSD + references + DI) {validate:6.1f} s, errors {len(bpmn_errors)}"
    )
    for error in bpmn_errors[:20]:
        print(f"  {error}")

    if args.one_graph:
        groups = [list({p.code: (p, f) for p, f in records}.values())]
    else:
        groups = chunks(records, args.chunk)
    count, cpsv_errors, generate, validate = check_cpsv(groups)
    print(
        f"CPSV-AP   {count} records in {len(groups)} documents: generate {generate:6.1f} s, "
        f"validate (JSON-LD parse + SHACL) {validate:6.1f} s, errors {len(cpsv_errors)}"
    )
    for error in cpsv_errors[:20]:
        print(f"  {error}")
    return 1 if bpmn_errors or cpsv_errors else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark (not a test): the standardized specification of every shared procedure in one Word file.

Imports the shared portal pages into a fresh SQLite workspace (not timed), then exports all of its procedures to one
.docx streamed from ``workspace.procedures()``, printing a progress line as it goes, and reports the time, the size
and what the Word importer reads back. The bar is under 60 s for the 2,110 pages. Run:

    .venv/bin/python benchmarks/export_spec_docx.py [--data ../shared/data] [--keep out.docx] [--no-read-back]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from timing import SHARED_DATA, timed

from catalog.importing.importer import import_paths, read_file
from exporters.word.spec import write_spec_docx
from models.storage.workspace import Workspace


def progress_line(started: float):
    """A progress callback: one line rewritten in place on a terminal, a line per tenth of the work otherwise."""
    live = sys.stderr.isatty()
    shown = {"at": 0.0, "tenth": 0}

    def report(done: int, total: int) -> None:
        now = time.perf_counter()
        line = f"  {done:>5}/{total} procedures written, {now - started:5.1f} s"
        if live:
            if now - shown["at"] >= 0.1 or done == total:
                shown["at"] = now
                sys.stderr.write("\r" + line + ("\n" if done == total else ""))
        else:
            tenth = done * 10 // max(total, 1)
            if tenth > shown["tenth"]:
                shown["tenth"] = tenth
                sys.stderr.write(line + "\n")
        sys.stderr.flush()

    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--keep", type=Path, help="also copy the Word file here")
    parser.add_argument("--no-read-back", action="store_true", help="skip reading the file back (slow)")
    args = parser.parse_args()
    pages = args.data / "portal-pages"
    with tempfile.TemporaryDirectory() as folder:
        workspace_path = Path(folder) / "bench.sqlite"
        with Workspace.open(workspace_path) as ws:
            seconds, report = timed(import_paths, ws, [pages])
            count = ws.count()
            print(
                f"imported {pages}: {count} procedures ({len(report.failures)} unreadable) in {seconds:.1f} s"
            )
            out = args.keep or Path(folder) / "dac-ta.docx"
            started = time.perf_counter()
            seconds, written = timed(
                lambda: write_spec_docx(ws.procedures(), out, total=count, progress=progress_line(started))
            )
        size = out.stat().st_size / 1e6
        print(f"export (one .docx, streamed)   {seconds:7.2f} s   {written} procedures, {size:.1f} MB")
        print(f"bar: under 60 s -> {'met' if seconds < 60 else 'NOT met'}")
        if not args.no_read_back:
            seconds, records = timed(lambda: list(read_file(out)))
            details = sum(1 for r in records if r.procedure is not None and not r.listing)
            failed = sum(1 for r in records if r.failure is not None)
            print(
                f"read back (catalog importer)   {seconds:7.2f} s   {details} procedures, {failed} failures"
            )


if __name__ == "__main__":
    main()

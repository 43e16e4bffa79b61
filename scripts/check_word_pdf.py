"""Check that LibreOffice converts every Word output of the sample workspace to PDF without an error.

The Word outputs are the standardized specification (exporters.word.spec) of the whole sample catalog, of each
sample procedure alone, and of the catalog as an announcement annex (statuses, decision), and the simplification
plan (exporters.word.plan) of the sample's suggested redesign; ``--also`` adds the
.docx files of a folder (other Word exporters' outputs). Each is converted with
``libreoffice --headless --convert-to pdf``; the check fails when LibreOffice exits non-zero, reports an error, or
leaves a PDF missing, empty or without pages. Not part of CI (LibreOffice is not installed there). Run:

    apt-get install -y --no-install-recommends libreoffice-writer   # once
    .venv/bin/python scripts/check_word_pdf.py [--out DIR] [--also DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from catalog.importing.importer import import_paths
from catalog.pipeline.redesigns import apply_suggestions
from exporters.word.plan import write_plan_docx
from exporters.word.spec import AnnexInfo, spec_docx_filename, write_spec_docx
from models.cost.parameters import load_cost_parameters
from models.enums import ProcedureStatus
from models.storage.proposals import DEFAULT_PROPOSAL, Proposals
from models.storage.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "samples" / "sample-catalog.json"
TIMEOUT_S = 600


def word_outputs(folder: Path) -> list[Path]:
    """Write the sample workspace's Word outputs into ``folder``; return their paths."""
    paths: list[Path] = []
    with Workspace.open(folder / "sample.sqlite") as ws:
        import_paths(ws, [SAMPLE], strict=True)
        procedures = list(ws.procedures())
        apply_suggestions(ws)
        plan = folder / "phuong-an-mau.docx"
        write_plan_docx(
            list(Proposals(ws).drafts()), plan, load_cost_parameters(ws), proposal=DEFAULT_PROPOSAL
        )
        paths.append(plan)
    whole = folder / "dac-ta-mau.docx"
    write_spec_docx(procedures, whole)
    paths.append(whole)
    for procedure in procedures:
        path = folder / spec_docx_filename([procedure])
        write_spec_docx([procedure], path)
        paths.append(path)
    statuses = [ProcedureStatus.NEW, ProcedureStatus.AMENDED, ProcedureStatus.ABOLISHED, None]
    announced = [p.model_copy(update={"status": statuses[i % 4]}) for i, p in enumerate(procedures)]
    annex = folder / "quyet-dinh-cong-bo-mau.docx"
    decision = AnnexInfo("1234/QĐ-UBND", dt.date(2026, 1, 5), "Chủ tịch Ủy ban nhân dân tỉnh Lai Châu")
    write_spec_docx(announced, annex, decision=decision)
    paths.append(annex)
    return paths


def pdf_pages(path: Path) -> int:
    """Pages of a PDF, counted from its page objects (enough to tell an empty conversion)."""
    data = path.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data)) if data.startswith(b"%PDF") else 0


def convert(files: list[Path], out: Path) -> tuple[int, str]:
    """Convert ``files`` to PDF in ``out`` with a private LibreOffice profile; (exit code, its output)."""
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        sys.exit(
            "LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-writer"
        )
    with tempfile.TemporaryDirectory() as profile:
        command = [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    return done.returncode, done.stdout + done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="keep the Word and PDF files here")
    parser.add_argument("--also", type=Path, help="a folder of other .docx files to convert as well")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        out = args.out or Path(scratch)
        out.mkdir(parents=True, exist_ok=True)
        files = word_outputs(out)
        if args.also:
            files += sorted(args.also.glob("*.docx"))
        code, output = convert(files, out)
        errors = [line for line in output.splitlines() if re.search(r"\berror\b", line, re.IGNORECASE)]
        failed = []
        for path in files:
            pdf = out / (path.stem + ".pdf")
            pages = pdf_pages(pdf) if pdf.exists() else 0
            print(f"{'ok  ' if pages else 'FAIL'} {path.name} -> {pdf.name}: {pages} pages")
            if not pages:
                failed.append(path.name)
        print(f"libreoffice exit code {code}; {len(files) - len(failed)} of {len(files)} converted")
        for line in errors:
            print(f"  {line}")
        return 1 if code != 0 or errors or failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Fingerprint everything ``tthc`` writes for the shared corpus, to prove a refactoring changed no output.

    .venv/bin/python scripts/output_snapshot.py OUT.json [--shared ../shared/data] [--keep DIR]

(``--shared`` defaults to ``$TTHC_SHARED_DIR/data``, else ``../shared/data``.)

Imports the whole shared corpus (portal pages, lists, API records, legacy export) into a fresh workspace, then
runs, through the ``tthc`` command only (so that the same script measures any version of the code):
``analyze --json``, ``redesign --all --apply-suggestions``, ``diff --json``, ``list --json``, ``show --json``
of a sample, ``report``, and every export kind as published and as the proposal redesigns it (diagrams and
BPMN for a sample of procedures spread over the issuing bodies). Each output is reduced to a SHA-256 digest; a
Word or Excel file is digested member by member with the timestamps of its ``docProps/core.xml`` blanked (the
only bytes that change from one run to the next). Compare two manifests with ``diff`` or ``--compare``:

    .venv/bin/python scripts/output_snapshot.py /tmp/after.json --compare /tmp/before.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TTHC = [sys.executable, "-c", "from workbench.cli import run; run()"]
_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def digest_file(path: Path) -> str:
    data = path.read_bytes()
    if data[:2] == b"PK":
        h = hashlib.sha256()
        with zipfile.ZipFile(path) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                body = archive.read(info)
                if info.filename == "docProps/core.xml":
                    body = _STAMP.sub(rb"\1\2", body)
                h.update(info.filename.encode() + b"\0" + hashlib.sha256(body).digest())
        return h.hexdigest()
    return hashlib.sha256(data).hexdigest()


def digest_tree(path: Path) -> str:
    if path.is_file():
        return digest_file(path)
    h = hashlib.sha256()
    for child in sorted(path.rglob("*")):
        if child.is_file():
            h.update(str(child.relative_to(path)).encode() + b"\0" + digest_file(child).encode())
    return h.hexdigest()


def tthc(*args: str, cwd: Path) -> bytes:
    done = subprocess.run(
        [*TTHC, *args], cwd=cwd, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    if done.returncode not in (0, 2):
        raise SystemExit(f"tthc {' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", type=Path)
    shared = Path(os.environ.get("TTHC_SHARED_DIR", ROOT.parent / "shared")) / "data"  # as the tests find it
    parser.add_argument("--shared", type=Path, default=shared)
    parser.add_argument("--keep", type=Path, help="keep the workspace and outputs in this folder")
    parser.add_argument(
        "--compare", type=Path, help="a manifest to compare with; exit 1 when any digest differs"
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="tthc-snapshot-"))
    work.mkdir(parents=True, exist_ok=True)
    ws = str(work / "w.sqlite")
    Path(ws).unlink(missing_ok=True)
    manifest: dict[str, str] = {}

    def record(name: str, data: bytes) -> None:
        manifest[name] = hashlib.sha256(data).hexdigest()
        print(f"{name:<40} {manifest[name][:16]}", file=sys.stderr)

    sets = ["portal-pages", "portal-lists", "portal-api", "portal-api-more", "legacy-2021"]
    record("import", tthc("import", *(str(args.shared / s) for s in sets), "-w", ws, "--json", cwd=work))
    codes = [entry["code"] for entry in json.loads(tthc("list", "-w", ws, "--json", cwd=work))]
    sample = codes[:: max(1, len(codes) // 40)][:40]
    record("list", tthc("list", "-w", ws, "--json", cwd=work))
    record("list-search", tthc("list", "-w", ws, "--json", "--search", "khai sinh", cwd=work))
    record("analyze", tthc("analyze", "-w", ws, "--json", cwd=work))
    record("report", tthc("report", "-w", ws, cwd=work))
    record("sources", tthc("sources", "-w", ws, "--json", cwd=work))
    record("redesign", tthc("redesign", "--all", "-w", ws, "--apply-suggestions", "--json", cwd=work))
    record("diff", tthc("diff", "-w", ws, "--json", cwd=work))
    record("diff-one", tthc("diff", sample[1], "-w", ws, "--json", cwd=work))
    shown = b"".join(tthc("show", code, "-w", ws, "--json", cwd=work) for code in sample)
    record("show", shown)
    record(
        "show-proposal",
        b"".join(tthc("show", c, "-w", ws, "--json", "--proposal", "phuong-an", cwd=work) for c in sample),
    )
    record("show-text", b"".join(tthc("show", code, "-w", ws, cwd=work) for code in sample))
    out = work / "out"
    out.mkdir(exist_ok=True)
    picked = [a for code in sample for a in ("--code", code)]
    for kind in [
        "json",
        "spec-docx",
        "plan-docx",
        "catalog-xlsx",
        "cost-xlsx",
        "findings-xlsx",
        "cpsv",
        "bpmn",
        "diagram",
    ]:
        per_procedure = kind in ("bpmn", "diagram")
        for proposal in (None, "phuong-an"):
            name = f"export-{kind}" + ("-proposal" if proposal else "")
            target = out / name
            suffix = {"json": ".json", "cpsv": ".jsonld"}.get(kind, ".docx" if "docx" in kind else ".xlsx")
            path = target if per_procedure else target.with_suffix(suffix)
            extra = (["--proposal", proposal] if proposal else []) + (picked if per_procedure else [])
            tthc("export", kind, "-w", ws, "-o", str(path), *extra, cwd=work)
            manifest[name] = digest_tree(path)
            print(f"{name:<40} {manifest[name][:16]}", file=sys.stderr)
    args.out.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    if args.compare:
        before = json.loads(args.compare.read_text())
        differ = sorted(k for k in set(before) | set(manifest) if before.get(k) != manifest.get(k))
        print("identical" if not differ else "differ: " + ", ".join(differ))
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()

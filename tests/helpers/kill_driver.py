"""Kill ``tthc`` at random points of an import, a redesign, an undo, a proposal save, a new workspace and a schema
upgrade, many times, and check after each kill that the workspace is consistent (issue 8).

Run: ``python -m tests.helpers.kill_driver FOLDER [--kills N] [--seed S]``; it prints one JSON summary on standard
output (kills, inconsistent workspaces, the states the kills left, timings) and a line per problem on standard
error. ``tests/faults/test_kill.py`` runs it.

How: this process loads the workbench once, then forks a child per attempt that runs the command exactly as
``tthc`` does (``workbench.cli.main``) on a fresh copy of the workspace, and sends it SIGKILL after a random delay
(a seeded RNG). Forking a loaded interpreter starts the command in a millisecond instead of a second, so the kills
land in the command's own work, not in Python's start-up. Delays are drawn over the whole command (40 %), over
its write window (first write to last commit, measured on uninterrupted runs: 30 %) and around its last commit
(30 %), so that many kills land inside the transaction and in the commit itself.

After each kill the workspace is opened as a user would open it next, and must pass every check: SQLite's
``integrity_check`` and ``foreign_key_check`` (no orphan change, finding, part or proposal), the schema at the head
revision, every procedure loading with the content hash it was stored with, every proposal replaying, and the
whole content equal to the state before the command or after it (all or nothing; for ``--apply-suggestions``
also the state in between, where the analysis's findings are stored and the proposals not yet).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

import catalog.importing.importer  # noqa: F401  (loaded before forking, like everything the commands use)
import catalog.pipeline.redesigns  # noqa: F401
from models.storage.opening import HEAD, alembic_config
from models.storage.proposals import Proposals
from models.storage.workspace import Workspace
from models.storage.writer import content_hash
from workbench.cli import main

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "sample-catalog.json"
SHARED_PAGES = Path(os.environ.get("TTHC_SHARED_DIR", REPO.parent / "shared")) / "data" / "portal-pages"
WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP")

Fingerprint = dict[str, Any]


# --- inputs and states -----------------------------------------------------------------------------------------


def write_inputs(folder: Path) -> Path:
    """A batch that inserts, updates and lists: the sample changed, clones under new codes, a list CSV, and a slice
    of the shared portal pages when they are here."""
    batch = folder / "batch"
    batch.mkdir(parents=True)
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))["procedures"]
    changed = [
        {**p, "name": p["name"] + " (sửa đổi)", "items": p["items"][1:], "description": "Phiên bản mới"}
        for p in sample
    ]
    clones = [
        {**p, "code": f"8.{n:06d}", "name": f"{p['name']} — bản sao {n}"}
        for n, p in enumerate(sample * 4, start=1)
    ]
    for name, procedures in (("changed.json", changed), ("clones.json", clones)):
        document = {"format": "tthc-workbench", "version": 1, "procedures": procedures}
        (batch / name).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    rows = ["Mã thủ tục,Tên thủ tục,Lĩnh vực,Cơ quan thực hiện"]
    rows += [f"{p['code']},{p['name']},Lĩnh vực danh sách,Cơ quan {i}" for i, p in enumerate(sample[:10])]
    rows += [
        f"9.{n:06d},Thủ tục chỉ có trong danh sách {n},Hộ tịch,Ủy ban nhân dân cấp xã" for n in range(10)
    ]
    (batch / "list.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if SHARED_PAGES.is_dir():
        pages = sorted(SHARED_PAGES.rglob("*.json"))[:20]
        for page in pages:
            shutil.copy(page, batch / f"page-{page.name}")
    return batch


def old_workspace(path: Path, revision: str) -> None:
    """A workspace at an older schema ``revision``, holding the sample (steps aside): written with today's schema,
    then downgraded, as no writer of today fits the older tables."""
    from alembic import command

    from catalog.importing.importer import search_key
    from models.procedure import Procedure
    from models.storage.writer import SourceRef

    procedures = [
        Procedure.model_validate({**p, "steps": []})
        for p in json.loads(SAMPLE.read_text(encoding="utf-8"))["procedures"]
    ]
    with Workspace.open(path) as ws:  # today's schema, then taken back to the old one
        ws.store([(p, SourceRef("workbench-json", str(SAMPLE)), search_key(p)) for p in procedures])
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)
    engine.dispose()


def fingerprint(ws: Workspace) -> Fingerprint:
    """Everything a command can change, without timestamps: equal fingerprints are equal workspaces."""
    queries = {
        "procedures": "SELECT code, content_hash, revision FROM procedure ORDER BY code",
        "listings": "SELECT code, content_hash FROM listing ORDER BY code",
        "batches": "SELECT imported, updated, unchanged, failed FROM import_batch ORDER BY id",
        "history": "SELECT p.code, c.changed_fields, c.previous_hash FROM procedure_change c "
        "JOIN procedure p ON p.id = c.procedure_id ORDER BY c.id",
        "findings": "SELECT p.code, f.item_position, f.item_uid, f.grade, f.data_source_id FROM finding f "
        "JOIN procedure p ON p.id = f.procedure_id ORDER BY p.code, f.item_position",
        "proposals": "SELECT p.code, r.name, r.revision, r.base_hash FROM proposal r "
        "JOIN procedure p ON p.id = r.procedure_id ORDER BY p.code, r.name",
        "changes": "SELECT p.code, r.name, c.group_seq, c.seq, c.kind, c.undone FROM change c "
        "JOIN proposal r ON r.id = c.proposal_id JOIN procedure p ON p.id = r.procedure_id "
        "ORDER BY p.code, r.name, c.group_seq, c.seq",
        "settings": "SELECT key, value FROM setting ORDER BY key",
    }
    with ws.engine.connect() as conn:
        return {name: [list(row) for row in conn.execute(text(sql))] for name, sql in queries.items()}


ORPHANS = {
    "change without proposal": "SELECT count(*) FROM change WHERE proposal_id NOT IN (SELECT id FROM proposal)",
    "proposal without procedure": "SELECT count(*) FROM proposal WHERE procedure_id NOT IN (SELECT id FROM procedure)",
    "finding without procedure": "SELECT count(*) FROM finding WHERE procedure_id NOT IN (SELECT id FROM procedure)",
    "history without procedure": "SELECT count(*) FROM procedure_change "
    "WHERE procedure_id NOT IN (SELECT id FROM procedure)",
    "item without procedure": "SELECT count(*) FROM dossier_item WHERE procedure_id NOT IN (SELECT id FROM procedure)",
}


def check(path: Path, allowed: dict[str, Fingerprint]) -> tuple[str | None, list[str]]:
    """Open the workspace as a user would next; (the allowed state it is in, or None; the problems found)."""
    problems: list[str] = []
    try:
        ws = Workspace.open(path)
    except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
        return None, [f"cannot be opened: {type(exc).__name__}: {exc}"]
    try:
        if ws.schema_revision != HEAD:
            problems.append(f"schema {ws.schema_revision}, not {HEAD}")
        with ws.engine.connect() as conn:
            integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            if integrity != ["ok"]:
                problems.append(f"integrity_check: {integrity[:3]}")
            foreign = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if foreign:
                problems.append(f"foreign_key_check: {foreign[:3]}")
            for what, sql in ORPHANS.items():
                if n := conn.execute(text(sql)).scalar():
                    problems.append(f"{n} {what}")
            stored = dict(conn.execute(text("SELECT code, content_hash FROM procedure")).all())
        loaded = {p.code: content_hash(p) for p in ws.procedures()}
        if loaded != stored:
            problems.append(
                f"{sum(loaded.get(c) != h for c, h in stored.items())} procedures load other content"
            )
        store = Proposals(ws)
        infos = store.infos()
        for name in {info.name for info in infos}:
            replayed = {draft.published.code for draft in store.drafts(name)}  # raises if one cannot replay
            if missing := {info.code for info in infos if info.name == name} - replayed:
                problems.append(f"proposals of missing procedures: {sorted(missing)}")
        found = fingerprint(ws)
        state = next((label for label, expected in allowed.items() if expected == found), None)
        if state is None:
            problems.append(
                "content matches neither the state before nor the state after: " + _diff(found, allowed)
            )
        return state, problems
    except Exception as exc:  # noqa: BLE001 - a check that cannot run is a finding too
        return None, [*problems, f"check failed: {type(exc).__name__}: {exc}"]
    finally:
        ws.close()


def _diff(found: Fingerprint, allowed: dict[str, Fingerprint]) -> str:
    parts = []
    for label, expected in allowed.items():
        differing = [key for key in expected if expected[key] != found.get(key)]
        parts.append(f"{label} differs in {', '.join(differing)}")
        if "procedures" in differing:
            parts[-1] += f" ({len(found['procedures'])} procedures vs {len(expected['procedures'])})"
    return "; ".join(parts)


# --- running and killing ---------------------------------------------------------------------------------------


def _child(argv: list[str], timings: Path | None) -> None:
    """Run the command in this forked child, exactly as ``tthc`` would; never returns."""
    status = 99
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        if timings is not None:
            _record_write_window(timings)
        status = main(argv)
    except BaseException:  # noqa: BLE001 - the status says it
        status = 98
    finally:
        os._exit(status)


def _record_write_window(timings: Path) -> None:
    """Note when the first write statement and the last commit happen (seconds since the fork)."""
    start = time.monotonic()
    seen: dict[str, float] = {}

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            seen.setdefault("first_write", time.monotonic() - start)

    def commit(conn: Any) -> None:
        seen["last_commit"] = time.monotonic() - start
        timings.write_text(json.dumps(seen))

    event.listen(Engine, "before_cursor_execute", before)
    event.listen(Engine, "commit", commit)


def fork(argv: list[str], timings: Path | None = None) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        _child(argv, timings)
    return pid


@dataclass
class Operation:
    name: str
    before: Path  # the workspace the command starts from (absent: a new workspace)
    argv: Callable[[Path], list[str]]  # the command, given the workspace path
    states: dict[str, Fingerprint] = field(default_factory=dict)
    duration: float = 0.0
    window: tuple[float, float] = (0.0, 0.0)
    pace: float = 1.0  # delays are scaled by this, adapted to how fast the command runs now


def _fresh(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    if source.exists():
        shutil.copy(source, target)


def calibrate(op: Operation, scratch: Path) -> Path:
    """Run the command to completion three times: its duration, its write window, and the state after it."""
    durations, windows = [], []
    target = scratch / f"{op.name}.sqlite"
    timings = scratch / f"{op.name}.timings.json"
    for _ in range(3):
        _fresh(op.before, target)
        timings.unlink(missing_ok=True)
        started = time.monotonic()
        pid = fork(op.argv(target), timings)
        _, status = os.waitpid(pid, 0)
        durations.append(time.monotonic() - started)
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 2):
            raise SystemExit(f"{op.name}: the uninterrupted command failed with status {code}")
        seen = json.loads(timings.read_text()) if timings.exists() else {}
        windows.append((seen.get("first_write", 0.0), seen.get("last_commit", durations[-1])))
    op.duration = statistics.median(durations)
    op.window = (min(w[0] for w in windows), max(w[1] for w in windows))
    return target


def kill_once(op: Operation, target: Path, rng: random.Random) -> tuple[bool, float]:
    """Start the command on a fresh copy and SIGKILL it after a random delay; (killed while running, delay)."""
    _fresh(op.before, target)
    first, last = op.window
    band = rng.random()
    if band < 0.4:  # anywhere in the command
        delay = rng.uniform(0.0, op.duration)
    elif band < 0.7:  # inside its write transaction(s)
        delay = rng.uniform(first, last)
    else:  # around the last commit, where the WAL's commit frame is written
        delay = rng.uniform(max(last - 0.01, 0.0), last + 0.005)
    delay *= op.pace
    pid = fork(op.argv(target))
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    # The machine's load changes how long the command takes: a command that finished before its kill was faster
    # than measured, so later delays shrink a little (and grow back as kills land).
    op.pace = min(max(op.pace * (1.01 if killed else 0.93), 0.3), 1.5)
    return killed, delay


def _state(path: Path) -> Fingerprint:
    with Workspace.open(path) as ws:
        return fingerprint(ws)


def prepare(folder: Path) -> list[Operation]:
    """The commands to kill, each with the workspace it starts from and the states it may leave."""
    states = folder / "states"
    states.mkdir(parents=True)
    batch = write_inputs(folder)
    scratch = folder / "calibration"
    scratch.mkdir()

    base = states / "base.sqlite"
    with Workspace.open(base) as ws:
        catalog.importing.importer.import_paths(ws, [SAMPLE])
    empty = states / "empty.sqlite"
    Workspace.open(empty).close()
    absent = states / "absent.sqlite"  # never created: `import` makes a new workspace

    def settled(op: Operation, before_state: Fingerprint) -> Path:
        after = calibrate(op, scratch)
        op.states = {"before": before_state, "after": _state(after)}
        kept = states / f"{op.name}.after.sqlite"
        shutil.copy(after, kept)
        return kept

    operations = []
    imp = Operation("import", base, lambda w: ["import", str(batch), "-w", str(w), "--json"])
    settled(imp, _state(base))
    operations.append(imp)

    new = Operation("import-new", absent, lambda w: ["import", str(batch), "-w", str(w)])
    settled(new, _state(empty))
    operations.append(new)

    apply = Operation(
        "redesign-all", base, lambda w: ["redesign", "--all", "-w", str(w), "--apply-suggestions"]
    )
    applied = settled(apply, _state(base))
    # The analysis stores its findings in a transaction of its own, before the proposals': a kill between the two
    # leaves the findings and no proposal, which is consistent.
    apply.states["findings only"] = {**apply.states["before"], "findings": apply.states["after"]["findings"]}
    operations.append(apply)

    with Workspace.open(applied) as ws:
        draft = Proposals(ws).open("1.001193")
        seq = draft.changes[-1].seq
    applied_state = _state(applied)
    undo = Operation("undo", applied, lambda w: ["redesign", "1.001193", "-w", str(w), "--undo"])
    settled(undo, applied_state)
    operations.append(undo)

    save = Operation(
        "save",
        applied,
        lambda w: ["redesign", "1.001193", "-w", str(w), "--revert", str(seq), "--rationale", "Giữ lại"],
    )
    settled(save, applied_state)
    operations.append(save)

    old = states / "old-0003.sqlite"
    old_workspace(old, "0003")
    upgrade = Operation("upgrade", old, lambda w: ["info", "-w", str(w)])
    # Opening upgrades the schema and changes no data: whatever the kill, the next opening finishes the upgrade
    # and finds the data as it was (today's fingerprint cannot be read at the old schema, so "after" stands in).
    settled(upgrade, {})
    upgrade.states = {"unchanged": upgrade.states["after"]}
    assert len(upgrade.states["unchanged"]["procedures"]) == 15
    operations.append(upgrade)
    return operations


def run(folder: Path, kills: int, seed: int) -> dict[str, Any]:
    started = time.monotonic()
    operations = prepare(folder)
    prepared = time.monotonic() - started
    rng = random.Random(seed)
    work = folder / "work"
    work.mkdir()
    per_op = -(-kills // len(operations))
    summary: dict[str, Any] = {"seed": seed, "operations": {}, "problems": []}
    total_kills = inconsistent = attempts = 0
    for op in operations:
        target = work / f"{op.name}.sqlite"
        outcomes: Counter[str] = Counter()
        op_kills = tries = 0
        while op_kills < per_op and tries < per_op * 4:
            tries += 1
            killed, delay = kill_once(op, target, rng)
            state, problems = check(target, op.states)
            attempts += 1
            op_kills += killed
            outcomes[f"{'killed' if killed else 'finished'}: {state or 'INCONSISTENT'}"] += 1
            if problems:
                inconsistent += 1
                line = f"{op.name}, delay {delay * 1000:.1f} ms (seed {seed}, attempt {tries}): " + "; ".join(
                    problems
                )
                summary["problems"].append(line)
                print(line, file=sys.stderr)
                _keep(target, folder / "inconsistent" / f"{op.name}-{tries}")
        total_kills += op_kills
        summary["operations"][op.name] = {
            "kills": op_kills,
            "attempts": tries,
            "duration_ms": round(op.duration * 1000, 1),
            "write_window_ms": [round(op.window[0] * 1000, 1), round(op.window[1] * 1000, 1)],
            "outcomes": dict(sorted(outcomes.items())),
        }
    summary.update(
        kills=total_kills,
        attempts=attempts,
        inconsistent=inconsistent,
        seconds_preparing=round(prepared, 1),
        seconds=round(time.monotonic() - started, 1),
    )
    return summary


def _keep(target: Path, where: Path) -> None:
    """Keep an inconsistent workspace (with its WAL) for a post-mortem."""
    where.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = Path(f"{target}{suffix}")
        if source.exists():
            shutil.copy(source, where / source.name)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="an empty folder to work in")
    parser.add_argument("--kills", type=int, default=216)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    chosen = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    print(f"kill test seed {chosen}", file=sys.stderr)
    print(json.dumps(run(args.folder, args.kills, chosen), ensure_ascii=False, indent=1))

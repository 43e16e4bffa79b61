"""The ``tthc`` command line: batches and scripts over a workspace, without a screen (and without Qt).

Exit status: 0 on success; 1 with one sentence on stderr when the command failed; 2 when an import wrote what it
could read but some records could not be read (each reported in one sentence); 130 when it was cancelled (Ctrl+C),
said in Vietnamese then English, with what the cancel left (:class:`models.jobs.Cancelled`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from models.enums import Actor, FeeKind, FindingGrade, ItemGroup, TimeUnit
from models.errors import TthcError
from models.findings import BlockKind
from models.jobs import ANALYSIS, EXPORT, IMPORT, OPERATION, SUGGESTIONS, Cancelled
from models.procedure import Procedure
from models.storage.workspace import Workspace
from models.vocabulary import enum_value, label, unit_word
from workbench.services.export import KINDS

EXIT_OK, EXIT_FAILED, EXIT_PARTIAL, EXIT_CANCELLED = 0, 1, 2, 130
_DEFAULT = "phuong-an"  # models.storage.proposals.DEFAULT_PROPOSAL, without importing the models for --help


def _workspace_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-w",
        "--workspace",
        default=os.environ.get("TTHC_WORKSPACE"),
        help="workspace file (SQLite) or database URL (postgresql://...); default: $TTHC_WORKSPACE",
    )


def _number(text: str) -> int:
    """A number as `tthc show` prints items, steps and channels (from 1); the index (from 0) it names."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 1")
    return int(text) - 1


_OTHER_UNIT = f"({label(TimeUnit.OTHER, form='text')})"  # a time limit of no known unit: "15 (đơn vị khác)"


def _time_unit(text: str) -> Any:
    unit = enum_value(TimeUnit, text)
    if unit is None:
        words = ", ".join(label(u) for u in TimeUnit)
        raise argparse.ArgumentTypeError(f"'{text}' is not a time unit ({words})")
    return unit


def _fee_kind(text: str) -> Any:
    kind = enum_value(FeeKind, text)
    if kind is None:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a kind of fee ({', '.join(label(k) for k in FeeKind)})"
        )
    return kind


def _amount(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' is negative")
    return value


_UNKNOWN = "unknown"


def _vnd_amount(text: str) -> int | str:
    """An amount in đồng ("200.000", "200,000" or "200000"; 0 is free), or "unknown" (also "không rõ")."""
    from models.text import fold

    if fold(text) in (_UNKNOWN, "khong ro"):
        return _UNKNOWN
    digits = text.replace(".", "").replace(",", "").replace(" ", "")
    if not digits.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not an amount in đồng (or 'unknown')")
    return int(digits)


_N = {"type": _number, "metavar": "N"}
#: The single changes of `tthc redesign`: option, the change it makes (a key of workbench.services.redesign's
#: CHANGES, the functions the workbench's actions call too), argparse settings, help.
_SINGLE_CHANGES: list[tuple[str, str, dict[str, Any], str]] = [
    ("--remove-item", "remove_item", _N, "take item N out of the dossier"),
    ("--lookup", "lookup_item", _N, "replace item N by a lookup in a data source (see --source)"),
    (
        "--electronic-copy",
        "accept_electronic_copy",
        _N,
        "accept an electronic copy of item N, not a certified one",
    ),
    ("--drop-show-original", "drop_show_original", _N, "stop asking to show the original of item N"),
    ("--remove-step", "remove_step", _N, "remove step N"),
    ("--merge-steps", "merge_steps", _N, "merge step N with the step after it"),
    ("--remove-visit", "remove_visit", _N, "the applicant no longer comes in person for step N"),
    (
        "--time-limit",
        "change_time_limit",
        {"type": _amount, "metavar": "AMOUNT"},
        "change the time limit (see --unit, --channel)",
    ),
    (
        "--fee",
        "change_fee",
        {"type": _vnd_amount, "metavar": "VND"},
        "change or add a fee: đồng, 0 free, unknown",
    ),
    ("--make-online", "make_online", {"action": "store_true"}, "offer the procedure full-process online"),
]
#: The options that only go with one single change (or two), and which.
_CHANGE_OPTIONS = {
    "source": ("lookup",),
    "unit": ("time_limit",),
    "channel": ("time_limit", "fee"),
    "fee_number": ("fee",),
    "fee_kind": ("fee",),
    "note": ("time_limit", "fee"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tthc", description="TTHC Workbench: import, inspect and export administrative procedures."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    imp = sub.add_parser(
        "import", help="import catalog files or folders into a workspace (created if missing)"
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    _workspace_arg(imp)
    imp.add_argument(
        "--strict", action="store_true", help="abort the whole batch if any record cannot be read"
    )
    imp.add_argument("--json", action="store_true", help="print the import report as JSON")

    lst = sub.add_parser("list", help="list the procedures of a workspace")
    _workspace_arg(lst)
    lst.add_argument(
        "-s",
        "--search",
        help="only procedures whose code and name hold every word of this text (accents and case ignored)",
    )
    lst.add_argument("--json", action="store_true")

    show = sub.add_parser("show", help="show one procedure as published, or as a proposal redesigns it")
    show.add_argument("code")
    show.add_argument(
        "--proposal", metavar="NAME", help="show this to-be version instead of the published one"
    )
    _workspace_arg(show)
    show.add_argument("--json", action="store_true")

    export = sub.add_parser("export", help="export procedures: JSON, Word, Excel, diagrams, BPMN, CPSV-AP")
    export.add_argument("kind", choices=list(KINDS), help="export kind")
    _workspace_arg(export)
    export.add_argument(
        "--code", action="append", dest="codes", metavar="CODE", help="only this procedure (repeatable)"
    )
    export.add_argument("--proposal", metavar="NAME", help="use this to-be version (diagrams show both)")
    export.add_argument(
        "--format", choices=["svg", "png", "pdf", "dot"], help="diagram format (default: svg)"
    )
    export.add_argument(
        "-o", "--output", type=Path, help="output file or folder (JSON: standard output when omitted)"
    )

    analyze = sub.add_parser("analyze", help="find redundant documents, online blocks and compliance cost")
    _workspace_arg(analyze)
    analyze.add_argument(
        "--code", action="append", dest="codes", metavar="CODE", help="only this procedure (repeatable)"
    )
    analyze.add_argument("--json", action="store_true", help="print the whole analysis as JSON")
    analyze.add_argument("--no-store", action="store_true", help="do not store the findings in the workspace")

    report = sub.add_parser("report", help="the analysis for people: findings, blocks, cost, catalog views")
    _workspace_arg(report)
    report.add_argument(
        "--code", action="append", dest="codes", metavar="CODE", help="only this procedure (repeatable)"
    )
    report.add_argument("--top", type=int, default=15, help="rows in the catalog views (default 15)")

    sources = sub.add_parser(
        "sources", help="the data-source registry as this workspace sees it; set connections"
    )
    _workspace_arg(sources)
    sources.add_argument(
        "--connect", nargs="+", default=[], metavar="ID", help="the agency is connected to these sources"
    )
    sources.add_argument(
        "--disconnect", nargs="+", default=[], metavar="ID", help="the agency is not connected to these"
    )
    sources.add_argument("--json", action="store_true")

    redesign = sub.add_parser(
        "redesign",
        help="change a procedure's to-be version: apply the analysis's suggestions, make one change, undo, redo, "
        "revert one change",
        epilog="Items, steps and channels are numbered as `tthc show CODE --proposal NAME` prints them.",
    )
    redesign.add_argument("codes", nargs="*", metavar="CODE", help="procedures (all of them with --all)")
    _workspace_arg(redesign)
    redesign.add_argument("--all", action="store_true", help="every procedure of the workspace")
    redesign.add_argument(
        "--proposal", metavar="NAME", default=None, help=f"proposal name (default: {_DEFAULT})"
    )
    action = redesign.add_mutually_exclusive_group(required=True)
    action.add_argument("--apply-suggestions", action="store_true", help="apply the finder's suggestions")
    action.add_argument("--undo", action="store_true", help="undo the last change group")
    action.add_argument("--redo", action="store_true", help="redo the change group undone last")
    action.add_argument("--revert", type=int, metavar="SEQ", help="take back change number SEQ alone")
    action.add_argument("--history", action="store_true", help="list the proposal's changes")
    for option, _, settings, what in _SINGLE_CHANGES:
        action.add_argument(option, help=what, **settings)
    redesign.add_argument(
        "--rationale", metavar="TEXT", help="why (required with --revert and with a single change)"
    )
    redesign.add_argument(
        "--legal-basis",
        metavar="TEXT",
        help="the single change's legal basis (default: the finding's or data source's, where known)",
    )
    redesign.add_argument(
        "--source", metavar="ID", help="with --lookup: the data source (default: the finding's)"
    )
    redesign.add_argument(
        "--unit",
        type=_time_unit,
        help="with --time-limit: its unit, e.g. 'ngày làm việc' (default: the channel's)",
    )
    redesign.add_argument(
        "--channel",
        type=_number,
        metavar="K",
        help="with --time-limit or --fee: channel K only (default: all)",
    )
    redesign.add_argument(
        "--fee-number", type=_number, metavar="K", help="with --fee: change fee K (default: add a new fee)"
    )
    redesign.add_argument(
        "--fee-kind",
        type=_fee_kind,
        metavar="KIND",
        help="with --fee: 'phí' or 'lệ phí' (default: the changed fee's; a new fee is 'phí')",
    )
    redesign.add_argument("--note", metavar="TEXT", help="with --time-limit or --fee: its condition or note")
    redesign.add_argument("--author", help="who makes the change (default: the login name)")
    redesign.add_argument("--json", action="store_true")

    diff = sub.add_parser("diff", help="compare the published and to-be versions: items, visits, days, cost")
    diff.add_argument("codes", nargs="*", metavar="CODE", help="procedures (default: the whole catalog)")
    _workspace_arg(diff)
    diff.add_argument("--proposal", metavar="NAME", default=None, help=f"proposal name (default: {_DEFAULT})")
    diff.add_argument("--json", action="store_true")

    info = sub.add_parser("info", help="workspace facts: schema revision and counts")
    _workspace_arg(info)
    info.add_argument("--json", action="store_true")
    return parser


def _open(args: argparse.Namespace, *, create: bool = False) -> Workspace:
    if not args.workspace:
        raise TthcError("No workspace given: pass -w WORKSPACE or set TTHC_WORKSPACE.")
    return Workspace.open(args.workspace, create=create)


def _print_json(value: Any, *, compact: bool = False) -> None:
    """JSON on standard output; ``compact`` for large documents (the C encoder only runs without indentation)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=None if compact else 2) + "\n")


def cmd_import(args: argparse.Namespace) -> int:
    from workbench.services.importing import (
        import_files,  # the importers load with the command that needs them
    )

    progress = None
    if sys.stderr.isatty() and not args.json:

        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\rĐang đọc tệp {done}/{total}…")
            if done == total:
                sys.stderr.write("\n")

    with _open(args, create=True) as ws:
        report = import_files(ws, args.paths, strict=args.strict, progress=progress)
    if args.json:
        _print_json(report.to_json())
    else:
        print(
            f"Imported {len(report.imported)}, updated {len(report.updated)}, unchanged {len(report.unchanged)}, "
            f"failed {len(report.failures)} (from {report.files} files) into {ws.label}."
        )
        for code, fields in report.updated.items():
            print(f"  updated {code}: {', '.join(fields)}")
        for warning in report.warnings:
            print(f"  warning: {warning}")
    for failure in report.failures:
        print(str(failure), file=sys.stderr)
    return EXIT_PARTIAL if report.failures else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from workbench.services.search import search

    with _open(args) as ws:
        summaries = search(ws, args.search)
    if args.json:
        _print_json(
            [
                {
                    "code": s.code,
                    "name": s.name,
                    "field": s.field,
                    "issuing_body": s.issuing_body,
                    "levels": s.levels,
                    "items_to_submit": s.items_to_submit,
                    "items_to_show": s.items_to_show,
                    "notes": s.notes,
                    "steps": s.steps,
                }
                for s in summaries
            ]
        )
        return EXIT_OK
    for s in summaries:
        print(f"{s.code:<14} {s.name}")
    print(f"{len(summaries)} procedures.", file=sys.stderr)
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from exporters.json_export import procedure_json

    with _open(args) as ws:
        if args.proposal:
            from models.storage.proposals import DEFAULT_PROPOSAL
            from workbench.services.redesign import open_proposal

            # the default proposal exists implicitly (empty) for every procedure; others must have been made
            must_exist = args.proposal != DEFAULT_PROPOSAL
            procedure = open_proposal(ws, args.code, args.proposal, must_exist=must_exist).procedure
        else:
            procedure = ws.get(args.code)
    if args.json:
        _print_json(procedure_json(procedure))
    else:
        sys.stdout.write(render_text(procedure))
    return EXIT_OK


def _export_progress(label: str) -> Any:
    """A progress line on standard error when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None

    def progress(done: int, total: int) -> None:
        sys.stderr.write(f"\r{label} {done}/{total}…")
        if done >= total:
            sys.stderr.write("\n")

    return progress


def cmd_export(args: argparse.Namespace) -> int:
    from workbench.services.export import ExportRequest, export, write_json_to

    if args.kind == "json" and not args.output:
        with _open(args) as ws:
            write_json_to(ws, sys.stdout, args.codes, args.proposal)
        return EXIT_OK
    if not args.output:
        raise TthcError(f"Say where to write the {args.kind} export with -o OUT.")
    request = ExportRequest(args.kind, args.output, args.codes, args.proposal, args.format)
    with _open(args) as ws:
        count = export(ws, request, progress=_export_progress(KINDS[args.kind].doing))
    if KINDS[args.kind].of_proposal and not count:
        name = args.proposal or _DEFAULT
        print(f"No procedure has a change in proposal “{name}”: the plan says so.", file=sys.stderr)
    print(
        f"Exported {count} {'procedure' if count == 1 else 'procedures'} to {args.output}.", file=sys.stderr
    )
    return EXIT_OK


def _codes(args: argparse.Namespace) -> list[str] | None:
    if args.codes and getattr(args, "all", False):
        raise TthcError("Give procedure codes or --all, not both.")
    if not args.codes and not getattr(args, "all", True):
        raise TthcError("Name the procedures to redesign (CODE...) or pass --all.")
    return list(args.codes) or None


def _single_change(args: argparse.Namespace) -> tuple[str, str] | None:
    """The single change asked for (its option's name, e.g. "lookup", and the change it makes), having checked
    that the options given go with it."""
    asked = next(
        (
            (dest, change)
            for dest, change in (
                (option[2:].replace("-", "_"), change) for option, change, _, _ in _SINGLE_CHANGES
            )
            if getattr(args, dest) is not None and getattr(args, dest) is not False  # item 1 is index 0
        ),
        None,
    )
    for option, goes_with in _CHANGE_OPTIONS.items():
        if getattr(args, option) is not None and (asked is None or asked[0] not in goes_with):
            flag = "--" + option.replace("_", "-")
            raise TthcError(f"{flag} goes with {' or '.join('--' + g.replace('_', '-') for g in goes_with)}.")
    if asked is None and args.legal_basis is not None:
        raise TthcError("--legal-basis goes with a single change (--remove-item, --lookup...).")
    return asked


def _make_single(proposal: Any, option: str, change: str, args: argparse.Namespace) -> Any:
    """Make the single change that ``args`` describe with workbench.services.redesign (as the workbench does)."""
    from workbench.services import redesign

    make, value, basis = redesign.CHANGES[change], getattr(args, option), args.legal_basis
    if change in ("remove_item", "lookup_item", "accept_electronic_copy", "drop_show_original"):
        extra = {"data_source": args.source} if change == "lookup_item" else {}
        return make(
            proposal, value, args.rationale, redesign.FROM_FINDER if basis is None else basis, **extra
        )
    if change in ("remove_step", "merge_steps", "remove_visit"):
        return make(proposal, value, args.rationale, basis)
    if change == "change_time_limit":
        parameters = {"unit": args.unit, "channel": args.channel, "note": args.note}
    elif change == "change_fee":
        value = None if value == _UNKNOWN else value
        parameters = {
            "channel": args.channel,
            "fee": args.fee_number,
            "fee_kind": args.fee_kind,
            "note": args.note,
        }
    else:
        return make(proposal, args.rationale, basis)
    return make(proposal, value, args.rationale, legal_basis=basis, **parameters)


def cmd_redesign(args: argparse.Namespace) -> int:
    from models.storage.proposals import DEFAULT_PROPOSAL, Proposals
    from workbench.services import redesign

    name = args.proposal or DEFAULT_PROPOSAL
    single = _single_change(args)
    codes = _codes(args)
    if single is not None:
        if codes is None or len(codes) != 1:
            raise TthcError("A single change is made to one procedure: name its code (not --all).")
        if not args.rationale:
            raise TthcError("Say why with --rationale: every change of a proposal keeps its rationale.")
    with _open(args) as ws:
        if args.apply_suggestions:
            report = redesign.apply_catalog_suggestions(ws, codes, proposal=name, author=args.author)
            if args.json:
                _print_json(report.to_json())
            else:
                kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(report.by_kind.items())) or "none"
                print(
                    f"Proposal “{name}”: {report.changes} changes in {report.redesigned} of {report.procedures} "
                    f"procedures ({kinds})."
                )
            return EXIT_OK
        if single is not None:
            assert codes is not None
            proposal = redesign.open_proposal(ws, codes[0], name, author=args.author)
            group = _make_single(proposal, *single, args)
            made = {"code": codes[0], "proposal": name, "action": "made", "group": group.label, "changes": 1}
            return _print_results(args, [made])
        results: list[dict[str, Any]] = []
        for code in codes or [info.code for info in Proposals(ws).infos() if info.name == name]:
            proposal = redesign.open_proposal(ws, code, name, must_exist=True, author=args.author)
            draft = proposal.draft
            if args.history:
                results.append(
                    {
                        "code": code,
                        "proposal": name,
                        "groups": [
                            {
                                "label": group.label,
                                "author": group.author,
                                "created_at": group.created_at.isoformat() if group.created_at else None,
                                "changes": [
                                    {
                                        "seq": c.seq,
                                        "kind": c.kind,
                                        "description": c.describe(),
                                        "rationale": c.rationale,
                                        "legal_basis": c.legal_basis,
                                    }
                                    for c in group.changes
                                ],
                            }
                            for group in draft.done
                        ],
                        "can_redo": len(draft.undone),
                    }
                )
                continue
            if args.undo:
                group = redesign.undo(proposal)
                verb = "Undid"
            elif args.redo:
                group = redesign.redo(proposal)
                verb = "Redid"
            else:
                if not args.rationale:
                    raise TthcError("Say why with --rationale when reverting a change.")
                group = redesign.revert(proposal, args.revert, args.rationale)
                verb = "Made"
            results.append(
                {
                    "code": code,
                    "proposal": name,
                    "action": verb.lower(),
                    "group": group.label,
                    "changes": len(group.changes),
                }
            )
    return _print_results(args, results)


def _print_results(args: argparse.Namespace, results: list[dict[str, Any]]) -> int:
    if args.json:
        _print_json(results)
    elif args.history:
        for entry in results:
            print(f"{entry['code']} — {entry['proposal']}")
            for group in entry["groups"]:
                print(f"  [{group['label']}] {group['author'] or ''} {group['created_at'] or ''}")
                for c in group["changes"]:
                    print(f"    #{c['seq']} {c['description']}")
                    print(f"        Lý do: {c['rationale']}")
    else:
        for entry in results:
            print(f"{entry['code']}: {entry['action']} “{entry['group']}” ({entry['changes']} changes).")
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    from models.storage.proposals import DEFAULT_PROPOSAL
    from workbench.services.redesign import catalog_comparison, comparisons

    name = args.proposal or DEFAULT_PROPOSAL
    codes = list(args.codes) or None
    with _open(args) as ws:
        found = list(comparisons(ws, codes, proposal=name))
    total = catalog_comparison(found)
    if args.json:
        if codes is not None and len(codes) == 1:
            _print_json({**found[0].to_json(), "summary": found[0].summary()})
        else:
            _print_json(
                {
                    "proposal": name,
                    "procedures": [{**c.to_json(), "summary": c.summary()} for c in found],
                    "total": total.to_json(),
                },
                compact=codes is None,
            )
        return EXIT_OK
    for c in found:
        if codes is None and not c.changes:
            continue
        sys.stdout.write(render_comparison(c))
    t = total.to_json()
    print(
        f"{t['procedures']} procedures, {t['redesigned']} redesigned: {t['items_removed']} items removed, "
        f"{t['items_changed']} changed, in-person visits {t['in_person_visits_before']} → "
        f"{t['in_person_visits_after']}; annual cost {_vnd(t['annual_cost_before_vnd'])} → "
        f"{_vnd(t['annual_cost_after_vnd'])} (savings rate {t['savings_rate'] * 100:.2f} %)."
    )
    return EXIT_OK


def render_comparison(c: Any) -> str:
    """A comparison for people: the changes, then the before/after figures."""
    out = [f"{c.code} {c.name} — {c.proposal}"]
    for change in c.changes:
        out.append(f"  #{change['seq']} {change['description']}")
    b, a = c.before, c.after
    rows = [
        ("Thành phần phải nộp", b.items_to_submit, a.items_to_submit),
        ("Giấy tờ phải xuất trình", b.items_to_show, a.items_to_show),
        ("Bản sao chứng thực", b.certified_copies, a.certified_copies),
        ("Số bước", b.steps, a.steps),
        ("Số lần đến cơ quan", b.in_person_visits, a.in_person_visits),
        ("Trở ngại trực tuyến toàn trình", b.online_blocks, a.online_blocks),
        ("Chi phí tuân thủ/năm", _vnd(b.annual_vnd), _vnd(a.annual_vnd)),
    ]
    for name, before, after in rows:
        out.append(f"  {name:<32} {before!s:>22} → {after!s}")
    out.append(f"  {'Tỷ lệ cắt giảm chi phí':<32} {c.savings_rate * 100:>21.2f} %")
    return "\n".join(out) + "\n\n"


def cmd_analyze(args: argparse.Namespace) -> int:
    from workbench.services.analysis import analyze_catalog

    progress = None
    if sys.stderr.isatty() and not args.json:

        def progress(done: int, total: int) -> None:
            sys.stderr.write(f"\rĐang phân tích {done}/{total} thủ tục…")
            if done == total:
                sys.stderr.write("\n")

    with _open(args) as ws:
        summary = analyze_catalog(
            ws, args.codes, store=not args.no_store, out=sys.stdout if args.json else None, progress=progress
        )
    if not args.json:
        print(
            f"Analysed {summary['procedures']} procedures, {summary['items']} dossier items: "
            + ", ".join(
                f"{n} {label(FindingGrade(grade), 'en', 'text')}"
                for grade, n in sorted(summary["grades"].items())
            )
            + "."
        )
    return EXIT_OK


def _report_text(a: Any) -> str:
    """One procedure of ``tthc report``: its items with their findings, its online blocks and its cost."""
    lines = [f"{a.procedure.code}  {a.procedure.name}"]
    for f in a.findings:
        source = f" [{f.data_source}]" if f.data_source else ""
        issuer = f" ← {f.issuing_procedure}" if f.issuing_procedure else ""
        lines.append(f"  - {label(f.grade)}{source}{issuer}: {f.item_name[:100]}")
        if f.data_source or f.issuing_procedure:
            lines.append(f"      {f.explanation}")
    for block in a.blocks:
        lines.append(
            f"  ! chưa đủ điều kiện trực tuyến toàn trình ({block.where}): {block.explanation or label(BlockKind(block.kind))}"
        )
    lines.append(
        f"  Chi phí tuân thủ: {_vnd(a.cost.per_dossier_vnd)}/hồ sơ, {_vnd(a.cost.annual_total)}/năm; "
        f"có thể cắt giảm {_vnd(a.cost.removable_annual)}/năm"
    )
    return "\n".join(lines) + "\n\n"


def cmd_report(args: argparse.Namespace) -> int:
    from workbench.services.analysis import analyze_catalog

    with _open(args) as ws:  # streamed: each procedure printed as its chunk comes back
        summary = analyze_catalog(
            ws, args.codes, store=False, out=sys.stdout, render=_report_text, top=args.top
        )
    print(
        f"Danh mục: {summary['procedures']} thủ tục, {summary['items']} thành phần hồ sơ; "
        f"{summary['full_process_online_eligible']} thủ tục đủ điều kiện trực tuyến toàn trình."
    )
    print(
        f"Chi phí tuân thủ {_vnd(summary['annual_cost_vnd'])}/năm, có thể cắt giảm "
        f"{_vnd(summary['removable_annual_vnd'])}/năm."
    )
    print("Giấy tờ được yêu cầu nhiều nhất (theo số hồ sơ/năm):")
    for entry in summary["most_demanded_documents"]:
        print(
            f"  {entry['procedures']:>5} thủ tục  {entry['annual_volume']:>12,.0f} hồ sơ/năm  "
            f"{entry['document'][:80]}" + (f" [{entry['data_source']}]" if entry["data_source"] else "")
        )
    print("Theo nguồn dữ liệu:")
    for source, counts in summary["per_data_source"].items():
        print(
            f"  {source:<24} " + ", ".join(f"{label(FindingGrade(g))} {n}" for g, n in sorted(counts.items()))
        )
    return EXIT_OK


def _vnd(value: float) -> str:
    return f"{value:,.0f} đ".replace(",", ".")


def cmd_sources(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from models.registry_settings import save_source_settings, workspace_registry
    from models.sources import registry_summary

    with _open(args) as ws:
        registry = {s.id: s for s in workspace_registry(ws)}
        unknown = sorted(set(args.connect + args.disconnect) - set(registry))
        if unknown:
            raise TthcError(
                f"No data source {', '.join(unknown)} in the registry (known: {', '.join(registry)})."
            )
        for source_id in args.connect + args.disconnect:
            save_source_settings(ws, replace(registry[source_id], connected=source_id in args.connect))
        summary = registry_summary(workspace_registry(ws))
    if args.json:
        _print_json(summary)
        return EXIT_OK
    for s in summary:
        connected = {True: "đã kết nối", False: "chưa kết nối", None: "chưa rõ kết nối"}[s["connected"]]
        announced = f"đã công bố từ {s['announced_on']}" if s["announced"] else "chưa công bố"
        print(f"{s['id']:<24} {s['name']} — {announced}; {connected}")
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    with _open(args) as ws:
        facts = {
            "workspace": ws.label,
            "schema_revision": ws.schema_revision,
            "procedures": ws.count(),
            "database": ws.engine.dialect.name,
        }
    if args.json:
        _print_json(facts)
    else:
        for key, value in facts.items():
            print(f"{key}: {value}")
    return EXIT_OK


def render_text(p: Procedure) -> str:
    """A procedure as plain text, in the publication order of a standardized specification; steps, channels and
    items numbered as ``tthc redesign`` refers to them (an item by its place in the dossier, both groups counted)."""
    out = [f"{p.code}  {p.name}", ""]

    def section(title: str, lines: Sequence[str]) -> None:
        if lines:
            out.append(title)
            out.extend(f"  {line}" for line in lines)
            out.append("")

    section(
        "Cấp thực hiện / lĩnh vực",
        [", ".join(label(level) for level in p.levels) + (f" — {p.field}" if p.field else "")],
    )
    section(
        "Trình tự thực hiện",
        [
            f"{i}. {s.title or s.description.splitlines()[0] if (s.title or s.description) else ''}"
            + (f" [{label(Actor(s.actor))}]" if s.actor else "")
            for i, s in enumerate(p.steps, 1)
        ],
    )
    section(
        "Cách thức thực hiện",
        [
            f"{number}. {label(c.method)}: "
            + (
                f"{c.time_limit:g} {unit_word(c.time_unit) or (_OTHER_UNIT if c.time_unit else '')}".strip()
                if c.time_limit is not None
                else "thời hạn không rõ"
            )
            + "; phí: "
            + (
                "không rõ"
                if c.fee_vnd is None
                else ("miễn phí" if c.fee_vnd == 0 else f"{c.fee_vnd:,} đ".replace(",", "."))
            )
            for number, c in enumerate(p.channels, 1)
        ],
    )
    for group in (ItemGroup.SUBMIT, ItemGroup.SHOW):
        lines, case = [], None
        for number, it in enumerate(p.items, 1):
            if it.group != group:
                continue
            if it.case and it.case != case:
                lines.append(f"[{it.case}]")
            case = it.case
            lines.append(
                f"{number}. {it.name_normalized or it.name} ({it.originals or 0} bản chính, {it.copies or 0} bản sao"
                + (", có chứng thực" if it.certified_copy else "")
                + (f"; {it.condition}" if it.condition else "")
                + ")"
            )
        section(label(group), lines)
    section("Lưu ý", [f"* {n.text}" for n in p.notes])
    section("Đối tượng thực hiện", p.subjects)
    section("Cơ quan thực hiện", p.executing_agencies)
    section("Kết quả", [r.name + (f" ({r.code})" if r.code else "") for r in p.results])
    section("Yêu cầu, điều kiện", p.requirements)
    section("Căn cứ pháp lý", [f"{ref.number or ''} {ref.title}".strip() for ref in p.legal_basis])
    return "\n".join(out)


COMMANDS = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "export": cmd_export,
    "info": cmd_info,
    "analyze": cmd_analyze,
    "report": cmd_report,
    "redesign": cmd_redesign,
    "diff": cmd_diff,
    "sources": cmd_sources,
}


def _cancelled_by_interrupt(args: argparse.Namespace) -> Cancelled:
    """What Ctrl+C cancelled: the command's operation, whose promise holds (every write is one transaction or one
    file that appears whole, so an interrupted command leaves what was there)."""
    if args.command == "redesign" and getattr(args, "apply_suggestions", False):
        return Cancelled(SUGGESTIONS)
    return Cancelled({"import": IMPORT, "analyze": ANALYSIS, "export": EXPORT}.get(args.command, OPERATION))


def say_cancelled(cancel: Cancelled) -> None:
    """A cancel in one line on stderr: Vietnamese first, then English."""
    print(f"{cancel.sentence('vi')} ({cancel.sentence('en')})", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except Cancelled as cancel:  # never a failure
        say_cancelled(cancel)
        return EXIT_CANCELLED
    except TthcError as error:
        print(str(error), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        say_cancelled(_cancelled_by_interrupt(args))
        return EXIT_CANCELLED
    except BrokenPipeError:
        return EXIT_OK  # the reader (head, less) went away: not an error of ours
    except OSError as error:
        print(f"{error.filename or 'A file'}: {error.strerror or error}.", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # a bug of ours: one sentence, never a traceback
        print(
            f"Unexpected error ({type(error).__name__}: {error}); please report it with the command you ran.",
            file=sys.stderr,
        )
        return EXIT_FAILED


def run() -> None:
    """The ``tthc`` command: :func:`main` with the collector tuned for a batch (:mod:`models.runtime`), then exit
    without a last collection over a catalog's objects."""
    from models.runtime import BATCH, skip_last_collection, tune_gc

    tune_gc(BATCH)
    code = main()
    skip_last_collection()
    sys.exit(code)


if __name__ == "__main__":
    run()

"""How long the redesign gestures take on the GUI thread, against the 0.2 s budget per user action (DOMAIN §8).

Opens the main window offscreen on the bundled sample catalog (and, when ``../shared/data`` is there, on the largest
procedures of the portal pages), then times, per procedure: selecting it (published view with its analysis, the
proposal opened in the editor), "apply suggestions" with the comparison refreshed, undo and redo.

    .venv/bin/python benchmarks/redesign_editor.py [--pages N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

from timing import SHARED_DATA, timed, workbench_window

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt loads

BUDGET = 0.2
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "sample-catalog.json"


def largest_pages(count: int) -> list[Path]:
    """The portal pages with the longest dossier sections (the heaviest procedures to show and redesign)."""
    folder = SHARED_DATA / "portal-pages"
    if not folder.is_dir() or count <= 0:
        return []
    pages = sorted(folder.rglob("*.json"), key=lambda p: p.stat().st_size, reverse=True)
    return pages[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20, help="largest portal pages to add (default 20)")
    args = parser.parse_args()

    app, window, path = workbench_window([SAMPLE, *largest_pages(args.pages)])
    window.show()
    app.processEvents()
    window.open_workspace(path)
    app.processEvents()
    editor = window.editor
    rows: dict[str, list[float]] = {"select": [], "apply suggestions": [], "undo": [], "redo": []}
    worst: dict[str, tuple[float, str]] = {}
    for row in range(window.proxy.rowCount()):
        code = window.proxy.code_at(row)
        figures = {
            "select": timed(window.table.selectRow, row)[0],
            "apply suggestions": timed(editor.redesign_actions.apply_suggestions_action.trigger)[0],
        }
        if editor.stack.canUndo():
            figures["undo"] = timed(editor.redesign_actions.undo_action.trigger)[0]
            figures["redo"] = timed(editor.redesign_actions.redo_action.trigger)[0]
        app.processEvents()
        for name, seconds in figures.items():
            rows[name].append(seconds)
            if seconds > worst.get(name, (0.0, ""))[0]:
                worst[name] = (seconds, f"{code} ({len(editor.draft.published.items)} items)")
    window.close()
    print(f"{window.model.rowCount()} procedures; budget {BUDGET * 1000:.0f} ms per gesture")
    for name, values in rows.items():
        if not values:
            continue
        seconds, where = worst[name]
        flag = "ok" if seconds <= BUDGET else "OVER BUDGET"
        print(
            f"  {name:<18} median {statistics.median(values) * 1000:6.1f} ms   "
            f"max {seconds * 1000:6.1f} ms on {where}   {flag}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

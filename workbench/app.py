"""``tthc-workbench``: start the desktop application.

    tthc-workbench [WORKSPACE] [--lang vi|en]
    tthc-workbench --screenshot OUT_DIR [-w WORKSPACE] [--size 1400x900] [--lang vi|en]

WORKSPACE is a workspace file or a ``postgresql://`` URL. Without it the most recent workspace opens; on the
very first start, the bundled sample workspace, created once in the user's data folder (or in
``$TTHC_WORKBENCH_DATA_DIR``) from ``samples/sample-catalog.json`` (package data of :mod:`samples`).

``--screenshot`` draws every main view offscreen to PNG files in OUT_DIR and exits (:mod:`workbench.screenshots`),
on a temporary copy of WORKSPACE (default: the bundled sample catalog), so nothing the user keeps is changed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import platformdirs

from models.errors import TthcError
from models.runtime import INTERACTIVE, collect_due, tune_gc
from models.storage.workspace import Workspace
from workbench.i18n import LANGUAGES, Translations
from workbench.main_window import APPLICATION, ORGANIZATION, MainWindow, Settings
from workbench.qt import QtCore, QtWidgets, translate

# pip installs a package as files, so the resource is a file on disk, in the wheel as in the source tree
SAMPLE_CATALOG = Path(str(resources.files("samples").joinpath("sample-catalog.json")))
SAMPLE_WORKSPACE_NAME = "sample.sqlite"
COLLECT_EVERY_MS = (
    250  # how often the GUI thread runs the collections that are due (models.runtime.collect_due)
)
DATA_DIR_VARIABLE = "TTHC_WORKBENCH_DATA_DIR"


class SampleUnavailable(TthcError):
    """The sample workspace could not be created; the message is one translated sentence."""


@dataclass(slots=True)
class Sample:
    path: Path
    failures: list[str] = field(default_factory=list)  # records of the sample catalog that did not import


def data_dir() -> Path:
    """Where the workbench keeps its own files: ``$TTHC_WORKBENCH_DATA_DIR`` or the platform's data folder."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    return (
        Path(override).expanduser() if override else platformdirs.user_data_path(APPLICATION, appauthor=False)
    )


def ensure_sample_workspace(folder: Path, catalog: Path | None = None) -> Sample:
    """The sample workspace in ``folder``, created the first time from ``catalog`` (default: the bundled one).

    It is built under a temporary name and renamed when complete, so an interrupted first start is retried.

    Raises
    ------
    SampleUnavailable : the sample catalog is missing or could not be imported.
    """
    catalog = catalog or SAMPLE_CATALOG
    target = folder / SAMPLE_WORKSPACE_NAME
    if target.is_file():
        return Sample(target)
    if not catalog.is_file():
        raise SampleUnavailable(
            translate(
                "App", "The sample catalog {path} is missing, so there is no sample workspace to open."
            ).format(path=catalog)
        )
    from workbench.services.importing import import_files  # the importer is only needed on first start

    partial = folder / f"{SAMPLE_WORKSPACE_NAME}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_sqlite(partial)
        with Workspace.open(partial) as workspace:
            report = import_files(workspace, [catalog])
        if not report.imported and not report.updated and not report.unchanged:
            reason = (
                str(report.failures[0]) if report.failures else translate("App", "it holds no procedures")
            )
            raise SampleUnavailable(
                translate("App", "The sample workspace could not be created: {reason}").format(reason=reason)
            )
        partial.replace(target)
    except SampleUnavailable:
        _remove_sqlite(partial)
        raise
    except (TthcError, OSError) as error:
        _remove_sqlite(partial)
        raise SampleUnavailable(
            translate("App", "The sample workspace could not be created: {reason}").format(reason=error)
        ) from None
    finally:
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
    return Sample(target, [str(failure) for failure in report.failures])


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def open_initial_workspace(window: MainWindow, target: str | None) -> bool:
    """Open what the command line names, else the most recent workspace, else the sample."""
    if target:
        return window.open_workspace(target)
    for recent in window.settings.recent:
        if "://" in recent or Path(recent).exists():
            return window.open_workspace(recent)
        window.settings.forget_recent(recent)  # moved or deleted since: not worth an error at start-up
    title = translate("App", "Sample workspace")
    try:
        sample = ensure_sample_workspace(data_dir())
    except SampleUnavailable as error:
        window.show_error(title, str(error))
        return False
    opened = window.open_workspace(sample.path)
    if opened and sample.failures:
        window.show_error(
            title,
            translate("App", "Some records of the sample catalog were not imported: {first}").format(
                first=sample.failures[0]
            ),
        )
    return opened


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tthc-workbench", description="Desktop workbench for TTHC re-engineering."
    )
    parser.add_argument(
        "workspace", nargs="?", metavar="WORKSPACE", help="workspace file or postgresql:// URL"
    )
    parser.add_argument(
        "--lang", choices=sorted(LANGUAGES), help="user interface language (default: the saved one, vi)"
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="OUT_DIR",
        help="draw every main view offscreen to PNG files in OUT_DIR, then exit",
    )
    parser.add_argument(
        "-w",
        "--workspace",
        dest="shot_workspace",
        metavar="WORKSPACE",
        help="with --screenshot: the workspace file to picture, copied first (default: the sample catalog)",
    )
    parser.add_argument(
        "--size", type=_size, default=(1400, 900), metavar="WxH", help="with --screenshot: picture size"
    )
    return parser.parse_args(argv)


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) >= 400 and int(height) >= 300):
        raise argparse.ArgumentTypeError(f"expected a size such as 1400x900, not {text!r}")
    return int(width), int(height)


def tune_gc_for_the_window(app: QtCore.QObject) -> QtCore.QTimer:
    """Once start-up is done: freeze what it made, keep collections short (:data:`models.runtime.INTERACTIVE`) and
    make them in this, the GUI thread, on a timer owned by ``app``. Returns the timer."""
    tune_gc(INTERACTIVE)
    collector = QtCore.QTimer(app)
    collector.timeout.connect(collect_due)
    collector.start(COLLECT_EVERY_MS)
    return collector


def main(argv: Sequence[str] | None = None) -> int:
    """Run the application until its window closes; returns the exit status."""
    args = parse_args(argv)
    if args.screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed, before Qt starts
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    if args.screenshot is not None:
        from workbench import screenshots

        workspace = args.shot_workspace or args.workspace
        return screenshots.main(args.screenshot, workspace, args.size, args.lang or "vi")
    settings = Settings()
    translations = Translations(app)
    translations.set_language(args.lang or settings.language)  # before any window exists
    window = MainWindow(settings, translations)
    window.show()
    tune_gc_for_the_window(app)
    # Open after the event loop starts, so the window is painted and can parent a message box.
    QtCore.QTimer.singleShot(0, lambda: open_initial_workspace(window, args.workspace))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

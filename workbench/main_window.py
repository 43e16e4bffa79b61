"""The main window: search field and catalog table on the left, the selected procedure on the right.

It wires gestures to the core and nothing more: :meth:`MainWindow.open_workspace` opens a
:class:`~models.storage.workspace.Workspace` and loads its summaries into the catalog model; selecting a row shows
``Workspace.get(code)`` in the :class:`~workbench.procedure_pane.ProcedurePane` (published view with its analysis,
and the redesign editor). The whole catalog's analysis runs on a worker thread with progress and cancel. Errors from
the core arrive as :class:`~models.errors.TthcError`, whose text is one sentence for the user, and are shown as such.
The catalog browser and the :class:`~workbench.dashboard.Dashboard` are two tabs; the filters, the catalog's figures
and Tools › Settings are wired by :class:`~workbench.overview.CatalogOverview`.

:class:`Settings` declares what is kept between sessions: user preferences (language, recent workspaces) apart
from window geometry.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from models.errors import TthcError
from models.storage.summaries import ProcedureSummary
from models.storage.workspace import Workspace
from workbench.analysis_runner import CatalogAnalysisRunner
from workbench.catalog_filters import CatalogFilterBar
from workbench.catalog_model import CatalogFilterProxy, CatalogModel, Column
from workbench.dashboard import Dashboard
from workbench.i18n import LANGUAGES, Translations, normalize_language
from workbench.io_dialogs import ImportExport
from workbench.overview import CatalogOverview
from workbench.procedure_pane import ProcedurePane
from workbench.qt import QtCore, QtGui, QtWidgets
from workbench.services.analysis import AnalysisContext

Qt = QtCore.Qt

ORGANIZATION = "TTHC Workbench"
APPLICATION = "tthc-workbench"
PRODUCT = "TTHC Workbench"  # product name, shown untranslated
WORKSPACE_FILTER_SUFFIXES = "*.sqlite *.tthc"

_COLUMN_WIDTHS = {
    Column.CODE: 80,
    Column.NAME: 320,
    Column.AGENCY: 130,
    Column.LEVELS: 100,
    Column.FIELD: 120,
    Column.ONLINE: 70,
    Column.FINDINGS: 96,
    Column.ANNUAL_COST: 130,
    Column.ITEMS_TO_SUBMIT: 62,
    Column.ITEMS_TO_SHOW: 68,
    Column.NOTES: 50,
    Column.STEPS: 58,
}


class Settings:
    """The workbench's persistent settings, declared in one place with their defaults.

    Stored as an INI file under the organization "TTHC Workbench" and the application "tthc-workbench"
    (tests redirect it with ``QSettings.setPath``). ``preferences/*`` are the user's choices; ``window/*`` is
    layout that can be thrown away without losing anything.
    """

    VERSION = 1
    MAX_RECENT = 8

    def __init__(self) -> None:
        self._store = QtCore.QSettings(
            QtCore.QSettings.Format.IniFormat, QtCore.QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
        )
        if self._store.value("version") is None:
            self._store.setValue("version", self.VERSION)

    def sync(self) -> None:
        self._store.sync()

    @property
    def language(self) -> str:
        return normalize_language(self._store.value("preferences/language"))

    @language.setter
    def language(self, code: str) -> None:
        self._store.setValue("preferences/language", normalize_language(code))

    @property
    def recent(self) -> list[str]:
        """Recently opened workspaces (paths or URLs), most recent first."""
        value = self._store.value("preferences/recent", [])
        if isinstance(value, str):  # QSettings reads a one-item list back as a plain string
            value = [value]
        elif not isinstance(value, list | tuple):  # nothing kept yet
            value = []
        return [str(v) for v in value if v][: self.MAX_RECENT]

    def add_recent(self, target: str) -> None:
        self._store.setValue(
            "preferences/recent", [target, *[t for t in self.recent if t != target]][: self.MAX_RECENT]
        )

    def forget_recent(self, target: str) -> None:
        self._store.setValue("preferences/recent", [t for t in self.recent if t != target])

    def clear_recent(self) -> None:
        self._store.setValue("preferences/recent", [])

    def window_state(self, key: str) -> QtCore.QByteArray | None:
        value = self._store.value(f"window/{key}")
        return value if isinstance(value, QtCore.QByteArray) else None

    def set_window_state(self, key: str, value: QtCore.QByteArray) -> None:
        self._store.setValue(f"window/{key}", value)


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor for a short operation on the GUI thread."""
    QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QtWidgets.QApplication.restoreOverrideCursor()


def workspace_target(target: str | Path) -> str:
    """How a workspace is remembered: an absolute path for files, the URL otherwise — without its password, which
    is never stored in plain text (libpq's ~/.pgpass or PGPASSFILE supplies it when the workspace is reopened)."""
    text = str(target)
    if "://" not in text:
        return str(Path(text).expanduser().resolve())
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except ArgumentError:
        return text
    return url._replace(password=None).render_as_string(hide_password=False) if url.password else text


class MainWindow(QtWidgets.QMainWindow):
    """Open a workspace, search and sort its catalog, read one procedure."""

    def __init__(
        self, settings: Settings, translations: Translations, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.translations = translations
        self.workspace: Workspace | None = None
        self.model = CatalogModel(self)
        self.proxy = CatalogFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._build_widgets()
        self._build_actions()
        self._connect()
        self.retranslate_ui()
        self._restore_layout()

    # --- construction ---------------------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.search = QtWidgets.QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.hide()
        # Fixed heights: the view never asks 68,000 rows for their size hints.
        rows.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSortIndicator(Column.CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        left = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        self.filters = CatalogFilterBar()
        layout.addWidget(self.filters)
        layout.addWidget(self.table)
        self.pane = ProcedurePane()
        self.detail = self.pane.view
        self.editor = self.pane.editor
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("catalogSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.dashboard = Dashboard()
        self.tabs = QtWidgets.QTabWidget()  # the catalog browser and the dashboard
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.dashboard, "")
        self.setCentralWidget(self.tabs)
        self.count_label = QtWidgets.QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.analysis = CatalogAnalysisRunner(self)
        self.overview = CatalogOverview(self, self.filters, self.dashboard)  # figures, dashboard, settings
        self.resize(1400, 850)

    def _build_actions(self) -> None:
        self.open_action = QtGui.QAction(self)
        self.open_action.setShortcut(QtGui.QKeySequence.StandardKey.Open)
        self.open_team_action = QtGui.QAction(self)
        self.open_team_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+O"))
        self.quit_action = QtGui.QAction(self)
        self.quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QtGui.QAction.MenuRole.QuitRole)
        self.clear_recent_action = QtGui.QAction(self)
        self.find_action = QtGui.QAction(self)
        self.find_action.setShortcut(QtGui.QKeySequence.StandardKey.Find)
        self.addAction(self.find_action)  # a window-wide shortcut, not a menu entry

        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.open_team_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self.io = ImportExport(self)  # File > Import… and Export…, files dropped on the window
        self.file_menu.addActions(
            [self.io.import_action, self.io.import_folder_action, self.io.export_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = self.menuBar().addMenu("")
        self.edit_menu.addActions(
            [self.editor.redesign_actions.undo_action, self.editor.redesign_actions.redo_action]
        )
        self.redesign_menu = self.menuBar().addMenu("")
        self.redesign_menu.addAction(self.editor.redesign_actions.apply_suggestions_action)
        for group in (
            self.editor.redesign_actions.item_actions,
            self.editor.redesign_actions.step_actions,
            self.editor.redesign_actions.procedure_actions,
        ):
            self.redesign_menu.addSeparator()
            self.redesign_menu.addActions(group)
        self.redesign_menu.addSeparator()
        self.redesign_menu.addAction(self.editor.redesign_actions.revert_action)

        self.analysis_menu = self.menuBar().addMenu("")
        self.analysis_menu.addActions([self.analysis.analyse_action, self.analysis.cancel_action])
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.addActions(
            [self.pane.show_published_action, self.pane.show_redesign_action, self.pane.show_diagram_action]
        )
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.pane.trainer_action)
        self.view_menu.addSeparator()
        self.view_menu.addActions(
            [
                self.overview.show_catalog_action,
                self.overview.show_dashboard_action,
                self.overview.refresh_action,
                self.overview.clear_filters_action,
            ]
        )
        self.tools_menu = self.menuBar().addMenu("")
        self.tools_menu.addAction(self.overview.settings_action)

        self.language_menu = self.menuBar().addMenu("")
        self.language_group = QtGui.QActionGroup(self)
        self.language_group.setExclusive(True)
        for code, name in LANGUAGES.items():
            action = QtGui.QAction(name, self.language_group)  # each language named in itself
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == self.translations.language)
            self.language_menu.addAction(action)

    def _connect(self) -> None:
        self.open_action.triggered.connect(self.choose_workspace)
        self.open_team_action.triggered.connect(self.choose_team_workspace)
        self.quit_action.triggered.connect(self.close)
        self.clear_recent_action.triggered.connect(self._clear_recent)
        self.find_action.triggered.connect(self.focus_search)
        self.analysis.analysed.connect(self.pane.refresh_analysis)
        self.pane.status.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.language_group.triggered.connect(lambda action: self.set_language(action.data()))
        self.search.textChanged.connect(self.proxy.set_query)
        self.search.returnPressed.connect(self._focus_table)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        for signal in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            signal.connect(self._update_count)

    def retranslate_ui(self) -> None:
        """Set every visible text in the current language (called again on each language change)."""
        self.file_menu.setTitle(self.tr("&File"))
        self.open_action.setText(self.tr("&Open workspace…"))
        self.open_action.setStatusTip(self.tr("Open a workspace file"))
        self.open_team_action.setText(self.tr("Open a &team workspace (PostgreSQL)…"))
        self.open_team_action.setStatusTip(self.tr("Open a workspace shared on a PostgreSQL server"))
        self.recent_menu.setTitle(self.tr("Open &recent"))
        self.clear_recent_action.setText(self.tr("&Clear list"))
        self.quit_action.setText(self.tr("&Quit"))
        self.find_action.setText(self.tr("Find procedure"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.redesign_menu.setTitle(self.tr("&Redesign"))
        self.analysis_menu.setTitle(self.tr("&Analysis"))
        self.view_menu.setTitle(self.tr("&View"))
        self.analysis.retranslate()
        self.io.retranslate()
        self.tools_menu.setTitle(self.tr("&Tools"))
        self.overview.retranslate()
        self.search.setPlaceholderText(self.tr("Search by code or name (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search procedures"))
        self.table.setAccessibleName(self.tr("Procedure catalog"))
        self.model.retranslate()
        self._rebuild_recent_menu()
        self._update_title()
        self._update_count()
        if self.workspace is None:
            self.detail.show_message(self.tr("No workspace is open: use File, Open workspace… to open one."))

    def changeEvent(self, event: QtCore.QEvent) -> None:
        if event.type() == QtCore.QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- workspaces -----------------------------------------------------------------------------------

    def choose_workspace(self) -> None:
        """Ask for a workspace file and open it."""
        start = (
            str(Path(self.workspace.label).parent)
            if self.workspace and "://" not in self.workspace.label
            else ""
        )
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self,
            self.tr("Open workspace"),
            start,
            self.tr("TTHC workspaces ({patterns});;All files (*)").format(patterns=WORKSPACE_FILTER_SUFFIXES),
        )
        if path:
            self.open_workspace(path)

    def choose_team_workspace(self) -> None:
        """Ask for a PostgreSQL workspace's address and open it. The password is not asked for and never stored:
        libpq reads it from ~/.pgpass (or PGPASSFILE), as psql does."""
        url, accepted = QtWidgets.QInputDialog.getText(
            self,
            self.tr("Open a team workspace"),
            self.tr(
                "Address of the shared workspace, e.g. postgresql://user@server/database\n"
                "(the password comes from your ~/.pgpass file, never from here)"
            ),
            QtWidgets.QLineEdit.EchoMode.Normal,
            "postgresql://",
        )
        url = url.strip()
        if not accepted or url in ("", "postgresql://"):
            return
        if not url.startswith(("postgresql://", "postgresql+psycopg://")):
            self.show_error(
                self.tr("Open a team workspace"),
                self.tr(
                    "A team workspace address starts with postgresql://, for example postgresql://user@server/db."
                ),
            )
            return
        self.open_workspace(url)

    def open_workspace(self, target: str | Path) -> bool:
        """Open the workspace at ``target`` (path or URL) in place of the current one.

        On failure the reason is shown in a message box and the current workspace stays open.
        """
        try:
            with _busy():
                workspace = Workspace.open(target, create=False)
                try:
                    summaries = workspace.summaries()
                    context = AnalysisContext(workspace)
                except TthcError:
                    workspace.close()
                    raise
        except TthcError as error:
            self.show_error(self.tr("Cannot open workspace"), str(error))
            return False
        self.analysis.set_workspace(None)  # a running analysis reads the workspace about to be closed
        self.overview.stop()  # and so do the catalog figures
        if self.workspace is not None:
            self.workspace.close()
        self.workspace = workspace
        self.analysis.set_workspace(workspace)
        self.pane.set_workspace(workspace, context)
        self.model.set_summaries(summaries)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.settings.add_recent(workspace_target(target))
        self.io.update()
        self.overview.load()
        self._rebuild_recent_menu()
        self._update_title()
        self._update_count()
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.show_message(self.tr("This workspace holds no procedures yet."))
        return True

    def reload_catalog(self, summaries: list[ProcedureSummary] | None = None) -> None:
        """Show the catalog again (after an import: its ``summaries`` were read on the worker); the procedure shown
        stays selected, read afresh."""
        if self.workspace is None:
            return
        shown = self.detail.procedure.code if self.detail.procedure is not None else None
        try:
            if summaries is None:
                with _busy():
                    summaries = self.workspace.summaries()
        except TthcError as error:
            self.show_error(self.tr("Cannot read the catalog"), str(error))
            return
        if self.pane.context is not None:
            self.pane.context.catalog_changed()  # an import: the issuer links are read again
        self.model.set_summaries(summaries)
        header = self.table.horizontalHeader()
        self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.overview.load()
        self._update_count()
        source_row = self.model.row_of(shown) if shown is not None else None
        row = (
            self.proxy.mapFromSource(self.model.index(source_row, 0)).row() if source_row is not None else -1
        )
        if row >= 0:
            self.table.selectRow(row)
        elif self.proxy.rowCount():
            self.table.selectRow(0)

    def show_error(self, title: str, sentence: str) -> None:
        """Tell the user what went wrong, in the one sentence the core wrote for them."""
        QtWidgets.QMessageBox.warning(self, title, sentence)

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent
        for number, target in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {target.replace('&', '&&')}")
            action.setData(target)
            action.triggered.connect(lambda _checked=False, t=target: self.open_workspace(t))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(recent))

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self._rebuild_recent_menu()

    # --- catalog and detail ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _focus_table(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.table.selectionModel().hasSelection():
                self.table.selectRow(0)

    def _current_row_changed(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if not current.isValid() or self.workspace is None:
            self.pane.show_message()
            return
        code = self.proxy.code_at(current.row())
        shown = self.detail.procedure
        if shown is not None and shown.code == code:  # the same row, moved by filtering or sorting
            return
        try:
            self.pane.show_procedure(self.workspace.get(code))
        except TthcError as error:
            self.pane.show_message(str(error))

    def _update_count(self) -> None:
        locale = QtCore.QLocale(self.translations.language)
        self.count_label.setText(
            self.tr("{shown} / {total} procedures").format(
                shown=locale.toString(self.proxy.rowCount()),
                total=locale.toString(self.model.rowCount()),
            )
        )

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.workspace.label} — {PRODUCT}" if self.workspace else PRODUCT)

    # --- language -------------------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch the UI language now and remember it; every widget retranslates on Qt's LanguageChange."""
        code = normalize_language(code)
        self.settings.language = code
        if not self.translations.set_language(code):
            self.show_error(
                self.tr("Language"), self.tr("The translation file for this language is missing.")
            )
        for action in self.language_group.actions():
            action.setChecked(action.data() == self.translations.language)

    # --- layout ---------------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.window_state("splitter")
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes([600, 800])
        # A new key: "catalog_header" held the 9 columns of before, which do not fit the 12 of now.
        header = self.settings.window_state("catalog_columns")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        pane = self.settings.window_state("procedure_pane")
        if pane is not None:
            self.pane.restore_state(pane)
        self.io.update()

    def save_layout(self) -> None:
        self.settings.set_window_state("geometry", self.saveGeometry())
        self.settings.set_window_state("splitter", self.splitter.saveState())
        self.settings.set_window_state("catalog_columns", self.table.horizontalHeader().saveState())
        self.settings.set_window_state("procedure_pane", self.pane.save_state())
        self.settings.sync()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.save_layout()
        self.analysis.stop()
        self.io.stop()
        self.pane.stop()
        self.overview.stop()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        super().closeEvent(event)

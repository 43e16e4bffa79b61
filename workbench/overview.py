"""The catalog-wide views wired into the main window: filters over the catalog, figures computed in the background,
the dashboard tab and the settings dialog.

:class:`CatalogOverview` is created by the main window once its widgets exist. It starts the figures
(:class:`~workbench.catalog_facts.CatalogFactsLoader`) when a workspace opens, is re-read or analysed, hands them to
the catalog model, the filter bar and the dashboard, turns a dashboard bar into a catalog filter, and applies
what the settings dialog changed: costs are recomputed at once; after a change of data-source settings the user is
asked whether to analyse the catalog again, since the stored findings were made with the previous ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.catalog_facts import CatalogFacts, CatalogFactsLoader
from workbench.catalog_filters import CatalogFilterBar
from workbench.catalog_model import CatalogFilter, Column
from workbench.charts import FindingsDelegate
from workbench.dashboard import Dashboard
from workbench.qt import QtCore, QtGui, QtWidgets
from workbench.settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from workbench.main_window import MainWindow

Qt = QtCore.Qt
MESSAGE_MS = 8000


class CatalogOverview(QtCore.QObject):
    """Filters, figures, dashboard and settings of ``window`` (which holds ``filters``, ``dashboard`` and ``tabs``)."""

    def __init__(self, window: MainWindow, filters: CatalogFilterBar, dashboard: Dashboard) -> None:
        super().__init__(window)
        self.window = window
        self.filters = filters
        self.dashboard = dashboard
        self.loader = CatalogFactsLoader(window)
        self.dashboard.set_analyse_action(window.analysis.analyse_action)
        window.table.setItemDelegateForColumn(Column.FINDINGS, FindingsDelegate(window.table))

        self.settings_action = QtGui.QAction(window)
        self.settings_action.setShortcut(QtGui.QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QtGui.QAction.MenuRole.PreferencesRole)
        self.show_catalog_action = QtGui.QAction(window)
        self.show_catalog_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+C"))
        self.show_dashboard_action = QtGui.QAction(window)
        self.show_dashboard_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+D"))
        self.refresh_action = QtGui.QAction(window)
        self.refresh_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+R"))
        self.clear_filters_action = QtGui.QAction(window)
        self.clear_filters_action.setShortcut(QtGui.QKeySequence("Ctrl+Shift+X"))
        self.dashboard.refresh_button.setDefaultAction(self.refresh_action)

        self.settings_action.triggered.connect(self.open_settings)
        self.show_catalog_action.triggered.connect(self.show_catalog)
        self.show_dashboard_action.triggered.connect(self.show_dashboard)
        self.refresh_action.triggered.connect(self.refresh)
        self.clear_filters_action.triggered.connect(self.filters.clear)
        self.filters.changed.connect(window.proxy.set_filter)
        self.dashboard.filter_requested.connect(self.filter_catalog)
        self.loader.loaded.connect(self._loaded)
        window.analysis.analysed.connect(self._analysed)
        self.retranslate()

    def retranslate(self) -> None:
        self.settings_action.setText(self.tr("&Settings…"))
        self.settings_action.setStatusTip(
            self.tr("Cost parameters, data sources of this workspace, language, recent workspaces (Ctrl+,)")
        )
        self.show_catalog_action.setText(self.tr("&Catalog"))
        self.show_catalog_action.setStatusTip(self.tr("The catalog browser (Ctrl+Shift+C)"))
        self.show_dashboard_action.setText(self.tr("Dash&board"))
        self.show_dashboard_action.setStatusTip(
            self.tr("The whole catalog's findings and savings as charts (Ctrl+Shift+D)")
        )
        self.refresh_action.setText(self.tr("Re&fresh the figures"))
        self.refresh_action.setStatusTip(
            self.tr("Compute the costs, findings and savings of the whole catalog again, in the background")
        )
        self.clear_filters_action.setText(self.tr("C&lear the filters"))
        tabs = self.window.tabs
        tabs.setTabText(0, self.tr("Catalog"))
        tabs.setTabToolTip(0, self.tr("Search, filter and read the procedures (Ctrl+Shift+C)"))
        tabs.setTabText(1, self.tr("Dashboard"))
        tabs.setTabToolTip(1, self.tr("The whole catalog as charts (Ctrl+Shift+D)"))
        self.loader.retranslate()

    # --- the figures ------------------------------------------------------------------------------------------

    def load(self) -> None:
        """The workspace was opened or its catalog re-read: filters start afresh, figures are computed again."""
        self.filters.clear()
        self._offer_choices()
        self.dashboard.set_facts(None)
        self.refresh()

    def refresh(self, _checked: bool = False, *, analysis=None) -> None:
        """Compute the figures of the open workspace again in the background (reusing a fresh analysis)."""
        workspace = self.window.workspace
        context = self.window.pane.context
        self.loader.start(workspace, analysis, context.finder if context is not None else None)
        self.dashboard.set_busy(workspace is not None)
        self.refresh_action.setEnabled(workspace is not None)

    def stop(self) -> None:
        self.loader.stop()

    def _analysed(self) -> None:
        self.refresh(analysis=self.window.analysis.take_analysis())

    def _loaded(self, facts: CatalogFacts) -> None:
        self.window.model.set_facts(facts)
        self._offer_choices()
        self.dashboard.set_facts(facts)

    def _offer_choices(self) -> None:
        model = self.window.model
        self.filters.set_choices(model.filter_choices(), model.catalog_facts.source_names)

    # --- gestures ---------------------------------------------------------------------------------------------

    def show_catalog(self) -> None:
        self.window.tabs.setCurrentIndex(0)
        self.window.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_dashboard(self) -> None:
        self.window.tabs.setCurrentIndex(1)
        self.dashboard.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.dashboard.focusNextChild()

    def filter_catalog(self, catalog_filter: CatalogFilter) -> None:
        """Show the procedures behind a dashboard bar in the catalog (the search is cleared so all of them show)."""
        window = self.window
        window.search.clear()
        self.filters.set_filter(catalog_filter)
        self.show_catalog()
        if window.proxy.rowCount():
            window.table.selectRow(0)
        window.statusBar().showMessage(
            self.tr("{count} procedures match the dashboard's selection.").format(
                count=window.proxy.rowCount()
            ),
            MESSAGE_MS,
        )

    def open_settings(self) -> None:
        """Tools › Settings: apply what OK changed (language, recent list, recomputation)."""
        window = self.window
        dialog = SettingsDialog(
            window.workspace, window.translations.language, window.settings.recent, window
        )
        accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        outcome = dialog.outcome
        dialog.deleteLater()
        if not accepted:
            return
        if outcome.recent_cleared:
            window._clear_recent()
        if outcome.language is not None:
            window.set_language(outcome.language)
        if outcome.parameters_changed or outcome.sources_changed:
            self.settings_changed(ask=outcome.sources_changed)

    def settings_changed(self, *, ask: bool) -> None:
        """The cost parameters or data-source settings changed: show the procedure with them, recompute the
        figures, and (``ask``) offer to analyse the catalog again since its stored findings used the old sources."""
        window = self.window
        workspace = window.workspace
        if workspace is None:
            return
        shown = window.pane.view.procedure
        window.pane.set_workspace(workspace)  # reads the registry and parameters again
        if shown is not None:
            window.pane.show_procedure(shown)
        self.refresh()
        if not ask:
            window.statusBar().showMessage(
                self.tr("Cost parameters saved: the costs are being recomputed."), MESSAGE_MS
            )
            return
        answer = QtWidgets.QMessageBox.question(
            window,
            self.tr("Data sources changed"),
            self.tr(
                "The stored findings were made with the previous data-source settings. "
                "Analyse the whole catalog again now?"
            ),
            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No,
            QtWidgets.QMessageBox.StandardButton.Yes,
        )
        if answer == QtWidgets.QMessageBox.StandardButton.Yes:
            window.analysis.start()
        else:
            window.statusBar().showMessage(
                self.tr("The findings shown predate the new data-source settings: analyse again with F5."),
                MESSAGE_MS,
            )

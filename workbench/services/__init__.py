"""The operations both shells offer, without Qt: what ``tthc`` and the workbench call alike (the GUI adds threads,
progress bars and widgets, never rules).

- :mod:`~workbench.services.importing`: importing files and folders into a workspace;
- :mod:`~workbench.services.analysis`: the one finder of a workspace, one procedure's analysis, the catalog's;
- :mod:`~workbench.services.redesign`: every single redesign change, apply suggestions, undo, redo, revert;
- :mod:`~workbench.services.export`: the registry of export kinds and the export itself;
- :mod:`~workbench.services.search`: the catalog search by code and name.
"""

"""The shells: the ``tthc`` command line and the Qt desktop application (every Qt import goes through
:mod:`workbench.qt`)."""

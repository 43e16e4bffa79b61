"""Importing files into a workspace: the format registry and detection, parsing on worker processes, merging
list rows into details, and the one transaction that stores a batch."""

"""A workspace's storage: opening the database, writing imports and findings, loading procedures back fast.

The one public entry is :class:`models.storage.workspace.Workspace`; its modules, by topic:

- :mod:`~models.storage.opening`: URL resolution, the engine and its SQLite settings, refusing another application's
  database, the Alembic schema upgrade;
- :mod:`~models.storage.schema`: the Core tables and the field order the writer and the loader share;
- :mod:`~models.storage.loader`: the fast row loader that turns stored rows back into procedures;
- :mod:`~models.storage.summaries`: the lean catalog list (:class:`~models.storage.summaries.ProcedureSummary`);
- :mod:`~models.storage.writer`: import batches (insert, update, content hashes, the import log);
- :mod:`~models.storage.finding_store`: findings written and read back;
- :mod:`~models.storage.history`: what each import changed;
- :mod:`~models.storage.proposals`: proposals (to-be versions) and their change groups.
"""

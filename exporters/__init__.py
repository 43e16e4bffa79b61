"""Pure functions from domain objects to files: Word, Excel, diagrams and BPMN, CPSV-AP JSON-LD, the workbench JSON.
They import :mod:`models` and the published-wording grammar (:mod:`catalog.reading`) only. No Qt."""

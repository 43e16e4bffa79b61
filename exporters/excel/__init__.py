"""Excel workbooks: the catalog template, compliance cost with live formulas, and the findings."""

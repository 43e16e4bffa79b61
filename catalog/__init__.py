"""Reading catalogs into the model (formats, the published-wording grammar, imports) and the once-only finder;
whole-workspace work (analysis, batches, proposals) in :mod:`catalog.pipeline`. No Qt."""

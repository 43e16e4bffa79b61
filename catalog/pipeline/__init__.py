"""Work over a whole workspace: the catalog analysis (findings, online blocks, cost, catalog views), its batches on
forked workers, and the redesign proposals built from it."""

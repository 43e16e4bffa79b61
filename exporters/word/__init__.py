"""Word documents: the standardized specification and the simplification plan, written as WordprocessingML."""

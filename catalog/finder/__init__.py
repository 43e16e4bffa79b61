"""The once-only finder: the matcher that finds registry phrasings in an item, and the grading of each item
(redundant, potentially redundant, issued by the state, required) with its reasons."""

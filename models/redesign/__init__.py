"""Redesigns: undoable changes to a procedure, their history, suggestions and the before/after comparison."""

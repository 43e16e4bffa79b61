"""The published-wording grammar: how dossier items, steps, legal references, fees, quantities and the labelled
fields of a specification are written. Every importer reads with it; the Word exporter checks its own wording
against it (the one part of ``catalog`` that exporters may import)."""

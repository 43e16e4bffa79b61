"""Process flows: swimlane diagrams (SVG, PNG, PDF through Graphviz) and BPMN 2.0.2 with diagram interchange."""

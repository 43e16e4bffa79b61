"""The domain core: procedures and their parts, the vocabulary and text rules every layer shares, the data-source
registry, findings, graphs, online eligibility, cost, redesigns and workspace storage. No Qt, no file formats."""

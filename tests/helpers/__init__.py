"""What several tests share and what can be run alone for figures: corpora, scorers, drivers; no tests here."""

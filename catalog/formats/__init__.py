"""One module per source file format (portal pages, portal API, portal lists, the workbench template in xlsx and
CSV, Word specifications, the 2021 export, the workbench JSON): each detects its files and reads them into plain
records and then procedures (:mod:`catalog.formats.base`); :mod:`catalog.importing.all_formats` registers them."""

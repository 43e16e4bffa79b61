"""Every source format, imported here so that each registers itself (detection order is each format's
``priority``, not the order of these lines).

Add a format by writing its module (a :class:`catalog.importing.registry.Format` subclass decorated with ``@register``) and
importing it below.
"""

from __future__ import annotations

import catalog.formats.docx_spec  # noqa: F401  (a ZIP holding word/document.xml, or a file named .docx)
import catalog.formats.legacy_2021  # noqa: F401  (the 2021 portal export: a JSON list of titled records)
import catalog.formats.portal_api  # noqa: F401
import catalog.formats.portal_list  # noqa: F401  (an .xlsx whose header row names Mã số, Tên...; steps aside for the template)
import catalog.formats.portal_page  # noqa: F401
import catalog.formats.template_csv  # noqa: F401  (.csv/.tsv/.txt whose header row names a template table)
import catalog.formats.template_xlsx  # noqa: F401  (an .xlsx with a sheet named Procedures / Thủ tục)
import catalog.formats.workbench_json  # noqa: F401

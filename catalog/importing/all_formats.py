"""Every source format, registered here (detection order is each format's ``priority``, then the order below).

Add a format by writing its module in :mod:`catalog.formats` (a :class:`catalog.formats.base.Format` subclass) and
registering it below.
"""

from __future__ import annotations

from catalog.formats.docx_spec import DocxSpecFormat  # a ZIP holding word/document.xml, or a file named .docx
from catalog.formats.legacy_2021 import (
    Legacy2021Format,  # the 2021 portal export: a JSON list of titled records
)
from catalog.formats.portal_api import PortalApiFormat
from catalog.formats.portal_list import PortalListFormat  # an .xlsx whose header row names Mã số, Tên...
from catalog.formats.portal_page import PortalPageFormat
from catalog.formats.template_csv import (
    TemplateCsvFormat,  # .csv/.tsv/.txt whose header names a template table
)
from catalog.formats.template_xlsx import (
    TemplateXlsxFormat,  # an .xlsx with a sheet named Procedures / Thủ tục
)
from catalog.formats.workbench_json import WorkbenchJsonFormat
from catalog.importing.registry import register

for _format in (
    DocxSpecFormat,
    Legacy2021Format,
    PortalApiFormat,
    PortalListFormat,
    PortalPageFormat,
    TemplateCsvFormat,
    TemplateXlsxFormat,
    WorkbenchJsonFormat,
):
    register(_format)

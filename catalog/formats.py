"""Every source format, imported here so that each registers itself; the order is the detection priority.

Add a format by writing its module (a :class:`catalog.registry.Format` subclass decorated with ``@register``) and
importing it below.
"""

from __future__ import annotations

import catalog.portal_api  # noqa: F401
import catalog.workbench_json  # noqa: F401  (our own JSON first: it is unambiguous)

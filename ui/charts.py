"""How every chart of the atlas speaks to screen readers.

Vega labels each axis, legend and mark for assistive technology in English ("X-axis
titled …", "a_name: …; b_name: …"), whatever the interface language. Those labels are
turned off through an Altair theme; a chart's own ``description`` (set by the page, in the
interface language) names it instead, and the numbers are in the page's tables.
"""

from __future__ import annotations

import altair as alt


@alt.theme.register("atlas", enable=True)
def atlas_theme() -> alt.theme.ThemeConfig:
    off = {"aria": False}
    return {"config": {"axis": off, "legend": off, "mark": off, "title": off}}

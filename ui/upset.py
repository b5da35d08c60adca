"""The Overlaps page's UpSet chart in Altair: a bar for each combination of programmes
above a dot matrix of the programmes, the dots of a combination joined by a line.

Every text sits inside the plot (counts on the bars, each programme's name over its row of
dots), so the chart takes the column's width exactly on a desktop and on a phone, and a
long name is never cut to make room for an axis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from atlas.i18n import Translator
from atlas.insights import upset_cells

FONT = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"
HELD, EMPTY, BAR = "#2b2b2b", "#d4d4d4", "#4c78a8"
ROW = 40  # px per programme: its name, then its row of dots
NAME_DY, DOT_DY = -9, 9
# Room at the edges for the glyphs of a title or an edge label, which Vega's own bounds cut.
PADDING = {
    "top": 8,
    "bottom": 4,
    "left": 2,
    "right": 4,
}  # from the row's middle: the name above, the dots below


def upset_chart(
    combos: pd.DataFrame, programmes: Sequence[str], names: Mapping[str, str], t: Translator
) -> alt.VConcatChart:
    """Bars of each combination's size over the matrix of its programmes, in the
    interface language. ``combos`` as ``atlas.insights.combinations`` returns it;
    ``programmes`` in the order of the rows."""
    shown = [p for p in programmes if any(p in held for held in combos["programmes"])]
    separator = t("format.list_separator")
    # Plain columns only: a column of tuples does not survive the trip to the browser.
    bars = pd.DataFrame(
        {
            "combination": range(len(combos)),
            "places": combos["places"].to_numpy(),
            "label": [separator.join(names[p] for p in held) for held in combos["programmes"]],
        }
    )
    cells = upset_cells(combos, shown).merge(
        bars[["combination", "label", "places"]], on="combination"
    )
    cells["name"] = cells["programme"].map(names)
    x = alt.X("combination:O", axis=None, scale=alt.Scale(paddingInner=0.3, paddingOuter=0.15))
    tooltip = [
        alt.Tooltip("label:N", title=t("overlaps.combination")),
        alt.Tooltip("places:Q", title=t("overlaps.places")),
    ]
    top = alt.Chart(bars).encode(x=x, tooltip=tooltip)
    height = alt.Y("places:Q", axis=None, scale=alt.Scale(domainMin=0, nice=False))
    sizes = top.mark_bar(color=BAR).encode(y=height)
    counts = top.mark_text(baseline="bottom", dy=-3, fontSize=11, color="#222").encode(
        y=height, text="places:Q"
    )
    upper = (sizes + counts).properties(
        height=160,
        width="container",
        title=alt.TitleParams(
            t("overlaps.places"),
            anchor="start",
            fontSize=12,
            fontWeight="normal",
            color="#555",
            aria=False,  # (Vega would label it "Title text …" in English)
        ),
    )
    y = alt.Y("row:O", axis=None, scale=alt.Scale(domain=list(range(len(shown)))))
    matrix = alt.Chart(cells).encode(x=x, y=y)
    dots = matrix.mark_circle(size=100, opacity=1, yOffset=DOT_DY).encode(
        color=alt.condition("datum.held", alt.value(HELD), alt.value(EMPTY)),
        tooltip=[alt.Tooltip("name:N", title=t("timeline.programme")), *tooltip],
    )
    # The dots a combination holds, joined by one line through them.
    joins = (
        alt.Chart(cells[cells["held"] & (cells["first"] != cells["last"])])
        .mark_line(strokeWidth=3, color=HELD, yOffset=DOT_DY)
        .encode(x=x, y=y, detail="combination:O")
    )
    rows = pd.DataFrame({"row": range(len(shown)), "name": [names[p] for p in shown]})
    names_at = alt.Chart(rows).encode(x=alt.value(0), y=y, text="name:N")
    text = {"align": "left", "baseline": "middle", "dy": NAME_DY, "fontSize": 12}
    # A white halo under each name hides the joining lines that cross it (narrow screens).
    halo = names_at.mark_text(stroke="white", strokeWidth=5, strokeJoin="round", **text)
    labels = names_at.mark_text(color="#333", **text)
    lower = (joins + dots + halo + labels).properties(height=ROW * len(shown), width="container")
    return (
        alt.vconcat(upper, lower, spacing=4, padding=PADDING)
        .resolve_scale(x="shared")
        .configure(font=FONT)
        .configure_view(stroke=None)
    )


def pairs_chart(
    matrix: pd.DataFrame, programmes: Sequence[str], names: Mapping[str, str], t: Translator
) -> alt.LayerChart:
    """Programme x programme: how many places are in both, the count in each cell.

    Rows and columns carry the programmes' numbers only (the page lists the numbered names
    under the grid, :func:`pairs_key`), so twelve programmes fit a phone's width with every
    count readable and every name whole.
    """
    number = {p: i + 1 for i, p in enumerate(programmes)}
    cells = matrix.assign(
        column=matrix["a"].map(number),
        row=matrix["b"].map(number),
        a_name=matrix["a"].map(names),
        b_name=matrix["b"].map(names),
    )
    rows = [number[p] for p in programmes]
    base = alt.Chart(cells).encode(
        x=alt.X(
            "column:O",
            title=None,
            axis=alt.Axis(orient="top", labelAngle=0, ticks=False, domain=False),
        ),
        y=alt.Y(
            "row:O",
            sort=rows,
            title=None,
            axis=alt.Axis(ticks=False, domain=False, labelFontSize=11),
        ),
    )
    heat = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color("places:Q", scale=alt.Scale(scheme="blues"), legend=None),
        tooltip=[
            alt.Tooltip("a_name:N", title=t("timeline.programme")),
            alt.Tooltip("b_name:N", title=t("timeline.programme")),
            alt.Tooltip("places:Q", title=t("overlaps.matrix")),
        ],
    )
    # Dark text on the pale cells, white on the darkest.
    peak = max(int(cells["places"].max()), 1)
    counts = base.mark_text(baseline="middle", fontSize=11).encode(
        text="places:Q",
        color=alt.condition(f"datum.places > {peak * 0.6}", alt.value("white"), alt.value("#222")),
    )
    return (
        (heat + counts)
        .properties(height=30 * len(programmes), width="container", padding=PADDING)
        .configure(font=FONT)
        .configure_view(stroke=None)
    )


def pairs_key(programmes: Sequence[str], names: Mapping[str, str]) -> list[str]:
    """The numbered names the grid's rows and columns stand for: "1. Low-carbon …"."""
    return [f"{i + 1}. {names[p]}" for i, p in enumerate(programmes)]

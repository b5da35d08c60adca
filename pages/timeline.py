"""Designations per year, by programme, following the filters."""

from __future__ import annotations

import altair as alt
import streamlit as st

from atlas.insights import designations_by_year, year_span
from atlas.mapping import dataset_colours
from ui.page import open_page
from ui.shell import run_inside_the_app
from ui.text import programme_name

run_inside_the_app()  # a deep link after a restart may run this file alone
page = open_page("timeline")
dataset, view, t = page.dataset, page.view, page.t

st.title(t("timeline.title"), anchor=False)
st.caption(t("timeline.caption"))
table = designations_by_year(dataset, view)
if table.empty:
    st.info(t("timeline.empty"))
else:
    colours = dataset_colours(dataset)
    names = {p: programme_name(dataset, t, p) for p in dataset.programmes.index}
    table = table.assign(name=table["programme"].map(names))
    years = year_span(table["year"])
    shown = [p for p in dataset.programmes.index if p in set(table["programme"])]
    chart = (
        alt.Chart(table)
        .mark_bar()
        .encode(
            # Every year of the span is on the axis, in order: a year without designations
            # stays visible as a gap (a plain ordinal axis would close it up).
            x=alt.X(
                "year:O",
                title=t("timeline.year"),
                scale=alt.Scale(domain=years),
                # Upright where a year's band is wide enough for "2010", else turned.
                axis=alt.Axis(
                    labelAngle=alt.expr(f"width / {len(years)} < 34 ? -90 : 0"),
                    labelAlign=alt.expr(f"width / {len(years)} < 34 ? 'right' : 'center'"),
                    labelBaseline=alt.expr(f"width / {len(years)} < 34 ? 'middle' : 'top'"),
                    labelOverlap=False,
                ),
            ),
            y=alt.Y("places:Q", title=t("timeline.places"), stack=True),
            color=alt.Color(
                "name:N",
                title=t("timeline.programme"),
                scale=alt.Scale(
                    domain=[names[p] for p in shown], range=[colours[p] for p in shown]
                ),
                legend=alt.Legend(orient="bottom", columns=1, labelLimit=0),
            ),
            tooltip=[
                alt.Tooltip("year:O", title=t("timeline.year")),
                alt.Tooltip("name:N", title=t("timeline.programme")),
                alt.Tooltip("places:Q", title=t("timeline.places")),
            ],
        )
        .properties(height=420)
        .configure(font="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif")
    )
    st.altair_chart(chart, width="stretch")
    st.dataframe(
        table.rename(
            columns={
                "year": t("timeline.year"),
                "name": t("timeline.programme"),
                "places": t("timeline.places"),
            }
        )[[t("timeline.year"), t("timeline.programme"), t("timeline.places")]],
        hide_index=True,
        width="stretch",
    )

"""How places combine programmes: an UpSet-style bar chart, a matrix, and the busiest places."""

from __future__ import annotations

import altair as alt
import streamlit as st

from atlas.insights import co_membership, combinations, places_in_many
from ui.links import place_link
from ui.page import open_page
from ui.text import place_label, programme_name

page = open_page("overlaps")
dataset, view, t = page.dataset, page.view, page.t
names = {p: programme_name(dataset, t, p) for p in dataset.programmes.index}
font = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"

st.title(t("overlaps.title"), anchor=False)
st.caption(t("overlaps.caption"))
combos = combinations(dataset, view)
if not combos.empty:
    combos = combos.assign(
        label=combos["programmes"].map(lambda ps: " + ".join(names[p] for p in ps))
    )
    bars = (
        alt.Chart(combos)
        .mark_bar()
        .encode(
            y=alt.Y(
                "label:N", sort="-x", title=t("overlaps.combination"), axis=alt.Axis(labelLimit=520)
            ),
            x=alt.X("places:Q", title=t("overlaps.places")),
            tooltip=[
                alt.Tooltip("label:N", title=t("overlaps.combination")),
                alt.Tooltip("places:Q", title=t("overlaps.places")),
            ],
        )
        .properties(height=max(160, 26 * len(combos)))
        .configure(font=font)
    )
    st.altair_chart(bars, use_container_width=True)

    matrix = co_membership(dataset, view)
    matrix = matrix.assign(a_name=matrix["a"].map(names), b_name=matrix["b"].map(names))
    order = list(names.values())
    heat = (
        alt.Chart(matrix)
        .mark_rect()
        .encode(
            x=alt.X(
                "a_name:N", sort=order, title=None, axis=alt.Axis(labelAngle=-35, labelLimit=220)
            ),
            y=alt.Y("b_name:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "places:Q", title=t("overlaps.matrix"), scale=alt.Scale(scheme="blues")
            ),
            tooltip=["a_name:N", "b_name:N", alt.Tooltip("places:Q", title=t("overlaps.matrix"))],
        )
        .properties(height=320)
    )
    text = heat.mark_text(baseline="middle").encode(text="places:Q", color=alt.value("#222"))
    st.markdown(f"#### {t('overlaps.matrix')}")
    st.altair_chart((heat + text).configure(font=font), use_container_width=True)

many = places_in_many(dataset, view, at_least=3)
st.markdown(f"#### {t('overlaps.many', count=len(many))}")
if many.empty:
    st.markdown(f"_{t('overlaps.none')}_")
places = dataset.places
for row in many.itertuples(index=False):
    label = place_label(places.at[row.id, "name_en"], places.at[row.id, "name_zh"], t)
    left, right = st.columns([2, 3])
    with left:
        place_link(view, row.id, label)
    right.caption(t("format.list_separator").join(names[p] for p in row.programmes))

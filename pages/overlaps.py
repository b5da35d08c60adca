"""How places combine programmes: an UpSet-style bar chart, a matrix, and the busiest places."""

from __future__ import annotations

import streamlit as st

from atlas.escape import escape_markdown as md
from atlas.insights import co_membership, combinations, places_in_many
from ui.links import place_link
from ui.page import open_page
from ui.shell import run_inside_the_app
from ui.text import place_label, programme_name
from ui.upset import pairs_chart, pairs_key, upset_chart

UPSET_COMBINATIONS = 20

run_inside_the_app()  # a deep link after a restart may run this file alone
page = open_page("overlaps")
dataset, view, t = page.dataset, page.view, page.t
names = {p: programme_name(dataset, t, p) for p in dataset.programmes.index}

st.title(t("overlaps.title"), anchor=False)
st.caption(t("overlaps.caption"))
combos = combinations(dataset, view)
if not combos.empty:
    # The largest combinations: past about twenty, bars get too thin to read their counts.
    drawn = combos.head(UPSET_COMBINATIONS)
    st.altair_chart(upset_chart(drawn, list(dataset.programmes.index), names, t), width="stretch")
    if len(combos) > len(drawn):
        rest = combos.iloc[len(drawn) :]
        st.caption(t("overlaps.more", count=len(rest), places=int(rest["places"].sum())))

    st.markdown(f"#### {t('overlaps.matrix')}")
    programmes = list(dataset.programmes.index)
    st.altair_chart(
        pairs_chart(co_membership(dataset, view), programmes, names, t), width="stretch"
    )
    with st.container(key="pairs_key"):
        st.caption("  \n".join(md(line) for line in pairs_key(programmes, names)))

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

"""A choropleth of pilot places per province, on the same offline outlines as the map."""

from __future__ import annotations

import streamlit as st
import streamlit_folium

from atlas.insights import province_counts
from atlas.mapping import province_choropleth
from ui import data, state
from ui.page import open_page
from ui.shell import run_inside_the_app
from ui.text import programme_name, province_name

run_inside_the_app()  # a deep link after a restart may run this file alone
page = open_page("provinces")
dataset, view, t = page.dataset, page.view, page.t

st.title(t("provinces.title"), anchor=False)
st.caption(t("provinces.caption"))
programme = st.selectbox(
    t("provinces.programme"),
    options=[state.ALL, *dataset.programmes.index],
    format_func=lambda p: t("provinces.all") if p == state.ALL else programme_name(dataset, t, p),
    key="w_choropleth_programme",
)
counts = province_counts(dataset, view, None if programme == state.ALL else programme)
labels = {p: province_name(dataset, t, p) for p in dataset.provinces.index}
fmap = province_choropleth(
    data.geo(dataset).provinces,
    counts.to_dict(),
    labels,
    t("provinces.count"),
    base_url_path=st.get_option("server.baseUrlPath"),
)
# Nothing is read back from this map: no reruns on pan, zoom or click.
streamlit_folium.st_folium(
    fmap, key="province_map", height=520, use_container_width=True, returned_objects=[]
)
table = counts[counts > 0].sort_values(ascending=False)
st.dataframe(
    {t("table.province"): [labels[p] for p in table.index], t("provinces.count"): list(table)},
    hide_index=True,
    width="stretch",
)

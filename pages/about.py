"""About the atlas: the programmes, how to read the data, and every source."""

from __future__ import annotations

import streamlit as st

from atlas.escape import escape_markdown as md
from atlas.escape import markdown_link
from ui.page import open_page

dataset = open_page().dataset

st.title("About the atlas")
st.markdown(
    "China has run national pilot programmes for climate policy since 2010. "
    "This atlas maps the places in them and what each does to cut emissions "
    "(mitigation) and to prepare for climate impacts (adaptation). Every fact cites "
    "a source; summaries are our own words. Data licence: CC BY 4.0."
)

st.header("Programmes")
counts = dataset.memberships.groupby("programme")["place_id"].nunique()
for programme in dataset.programmes.itertuples(index=False):
    st.markdown(
        f"**{md(programme.name_en)}** · {md(programme.name_zh)} · "
        f"{md(programme.agency)} · since {programme.first_year} · "
        f"{int(counts.get(programme.id, 0))} places in this dataset"
    )
    st.markdown(f"{md(programme.description_en)}  \n{md(programme.description_zh)}")

st.header(f"Sources ({len(dataset.sources)})")
st.markdown(
    "\n".join(
        f"1. {markdown_link(s.title, s.url)} · {md(s.publisher)}"
        + (f" · {md(s.date)}" if s.date else "")
        for s in dataset.sources.sort_values("id").itertuples(index=False)
    )
)

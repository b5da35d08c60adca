"""About the atlas: the programmes, how to read the data, and every source."""

from __future__ import annotations

import streamlit as st

from atlas.coverage import incomplete_lists
from atlas.escape import escape_markdown as md
from atlas.panel import source_lines
from ui.links import CORRECTIONS_ANCHOR
from ui.page import open_page
from ui.shell import run_inside_the_app
from ui.text import list_gap_line, programme_name, source_credit

run_inside_the_app()  # a deep link after a restart may run this file alone
page = open_page("about")
dataset, t = page.dataset, page.t

st.title(t("about.title"), anchor=False)
st.markdown(t("about.intro"))

st.header(t("about.programmes"), anchor=False)
counts = dataset.memberships.groupby("programme")["place_id"].nunique()
for programme in dataset.programmes.itertuples(index=False):
    st.markdown(f"**{md(programme_name(dataset, t, programme.id))}**")
    st.caption(
        t(
            "about.programme_line",
            agency=md(t.pick(programme.agency, programme.agency_zh)),
            year=programme.first_year,
            count=int(counts.get(programme.id, 0)),
        )
    )
    st.markdown(md(t.pick(programme.description_en, programme.description_zh)))

st.header(t("about.gaps"), anchor=False)
st.markdown(t("about.gaps.text"))
gaps = incomplete_lists(dataset)
if gaps:  # the official lists the atlas holds only part of, with their sizes
    st.markdown("\n".join(f"- {list_gap_line(dataset, t, g)}" for g in gaps))

st.header(t("about.corrections"), anchor=CORRECTIONS_ANCHOR)
st.markdown(t("about.corrections.text"))

st.header(t("about.sources", count=len(dataset.sources)), anchor=False)
# As in the panel: the publisher first, and a repost says where it was read.
st.markdown("\n".join(f"1. {source_credit(s, t)}" for s in source_lines(dataset)))

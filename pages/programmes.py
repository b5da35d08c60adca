"""Each programme: what it is, its agency, notices, batches and places."""

from __future__ import annotations

import streamlit as st

from atlas.coverage import incomplete_lists
from atlas.escape import escape_markdown as md
from atlas.filters import within_families
from atlas.insights import filtered_memberships
from ui.links import place_link
from ui.page import open_page
from ui.shell import run_inside_the_app
from ui.text import list_gap_caption, place_label, programme_name

run_inside_the_app()  # a deep link after a restart may run this file alone
page = open_page("programmes")
dataset, view, t = page.dataset, page.view, page.t
members = filtered_memberships(dataset, view)
places = dataset.places
gaps = incomplete_lists(dataset)

st.title(t("programmes.title"), anchor=False)
chosen = within_families(dataset, view).programmes or tuple(dataset.programmes.index)
for programme in dataset.programmes.loc[list(chosen)].itertuples(index=False):
    rows = members[members["programme"] == programme.id]
    with st.container(border=True, key=f"programme_{programme.id}"):
        st.subheader(md(programme_name(dataset, t, programme.id)), anchor=False)
        st.caption(f"{t('programmes.agency')}: {md(t.pick(programme.agency, programme.agency_zh))}")
        st.markdown(md(t.pick(programme.description_en, programme.description_zh)))
        notices = sorted({n for n in rows["notice"] if n})
        if notices:
            st.markdown(f"**{t('programmes.notices')}:** " + " · ".join(md(n) for n in notices))
        if rows.empty:  # none sourced yet (low-carbon communities), or none in this view
            st.caption(t("programmes.no_places"))
            continue
        st.markdown(f"**{t('programmes.batches')}**")
        grouped = rows.groupby([rows["batch"].fillna(0), "year"])["place_id"].nunique()
        lines = [
            t("programmes.batch_line", batch=int(batch), year=t.year(int(year)), count=count)
            if batch
            else t("programmes.single_line", year=t.year(int(year)), count=count)
            for (batch, year), count in grouped.items()
        ]
        st.markdown("\n".join(f"- {line}" for line in lines))
        for gap in (g for g in gaps if g.programme == programme.id):  # the list is partial here
            st.caption(list_gap_caption(t, gap))
        ids = sorted(set(rows["place_id"]), key=lambda p: places.at[p, "name_en"])
        with st.expander(t("programmes.places", count=len(ids))):
            columns = st.columns(3)
            for i, pid in enumerate(ids):
                with columns[i % 3]:
                    label = place_label(places.at[pid, "name_en"], places.at[pid, "name_zh"], t)
                    place_link(view, pid, label)

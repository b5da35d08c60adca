"""Two to four places side by side: programmes, peak year, actions by theme, sources, and
their declared targets in one table."""

from __future__ import annotations

import streamlit as st

from atlas.escape import escape_markdown as md
from atlas.insights import actions_by_theme
from atlas.panel import build_panel
from atlas.targets import targets_side_by_side
from atlas.view import MAX_COMPARED
from ui import state
from ui.page import open_page
from ui.shell import run_inside_the_app
from ui.targets_view import targets_table
from ui.text import names_in, source_credit

run_inside_the_app()  # a deep link after a restart may run this file alone
page = open_page("compare")
dataset, view, t = page.dataset, page.view, page.t
places = dataset.places

st.title(t("compare.title"), anchor=False)
state.ensure_widget(state.W_COMPARE, list(view.compare))
names = names_in(dataset, t)
chosen = st.multiselect(
    t("compare.choose"),
    options=names.sorted_find,
    format_func=names.find.__getitem__,
    key=state.W_COMPARE,
    max_selections=MAX_COMPARED,
)
state.set_compare(tuple(chosen))
state.write_url(state.current_view())
if len(chosen) < 2:
    st.info(t("compare.hint"))

columns = st.columns(max(len(chosen), 1), gap="medium", border=True)
for column, place_id in zip(columns, chosen, strict=False):
    panel = build_panel(dataset, place_id)
    if panel is None:
        continue
    with column, st.container(key=f"compare_{place_id}"):
        first, second = (
            (panel.name_zh, panel.name_en) if t.lang == "zh" else (panel.name_en, panel.name_zh)
        )
        st.subheader(f"{md(first)} · {md(second)}", anchor=False)
        st.caption(md(t(f"level.{panel.level}")))
        st.markdown(f"**{t('panel.programmes')}**")
        lines = [
            f"- {md(t.pick(m.programme_en, m.programme_zh))} · {md(t.year(m.year))}"
            + (f" · {t('panel.batch', batch=m.batch)}" if m.batch else "")
            for m in panel.memberships
        ]
        st.markdown("\n".join(lines) or f"_{t('panel.no_programme')}_")
        peak = panel.peak_year
        st.markdown(f"**{t('compare.peak')}:** {md(t.year(peak)) if peak else t('compare.none')}")
        st.markdown(f"**{t('compare.themes')}**")
        actions = actions_by_theme(dataset, place_id)
        for kind in ("mitigation", "adaptation"):
            subset = actions[actions["kind"] == kind]
            st.markdown(f"_{t(f'filters.focus.{kind}')}_")
            if subset.empty:
                st.markdown(f"_{t('panel.no_actions')}_")
            for theme, group in subset.groupby(subset["theme"].replace("", "other"), sort=True):
                titles = t("format.list_separator").join(
                    md(t.pick(a.title_en, a.title_zh)) for a in group.itertuples(index=False)
                )
                st.markdown(f"- **{t(f'theme.{theme}')}**: {titles}")
        with st.expander(t("panel.sources", count=len(panel.sources))):
            st.markdown("\n".join(f"{s.number}. {source_credit(s, t)}" for s in panel.sources))

if len(chosen) >= 2:
    with st.container(key="compare_targets"):
        st.markdown(f"#### {t('panel.targets')}")
        side = targets_side_by_side(dataset, chosen)
        if side.empty:
            st.markdown(f"_{t('compare.no_targets')}_")
        else:
            st.markdown(targets_table(side, chosen, names.short, t))

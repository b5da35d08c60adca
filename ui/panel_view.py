"""Render a place's panel. Every data string goes through escape_markdown."""

from __future__ import annotations

import streamlit as st

from atlas.escape import escape_markdown as md
from atlas.escape import markdown_link
from atlas.panel import ActionLine, PlacePanel

LEVEL_LABELS = {
    "province": "Province",
    "city": "City",
    "district": "District",
    "county": "County",
    "park": "Industrial park",
    "region": "Region",
    "agglomeration": "Urban agglomeration",
    "town": "Town",
}


def _cites(panel: PlacePanel, source_ids: tuple[str, ...]) -> str:
    numbers = [panel.source_number(s) for s in source_ids]
    return " ".join(f"\\[{n}\\]" for n in numbers if n is not None)


def _action(panel: PlacePanel, action: ActionLine) -> str:
    year = f"**{action.year}** · " if action.year else ""
    text = f"- {year}**{md(action.title_en)}** · {md(action.title_zh)}"
    if action.detail_en:
        text += f"  \n  {md(action.detail_en)}"
    if action.detail_zh:
        text += f"  \n  {md(action.detail_zh)}"
    return f"{text} {_cites(panel, action.source_ids)}"


def render_panel(panel: PlacePanel, focus: str | None = None) -> None:
    """The side panel: names, programmes, actions by kind, and numbered sources."""
    with st.container(border=True, key="place_panel"):
        st.subheader(f"{md(panel.name_en)} · {md(panel.name_zh)}", anchor=False)
        where = ", ".join(f"{en} {zh}" for _pid, en, zh in panel.provinces)  # escaped below
        level = LEVEL_LABELS.get(panel.level, panel.level)
        line = f"{md(level)} · {md(where)}"
        if panel.within_zh:
            line += f" · {md(panel.within_zh)}"
        st.caption(line)
        if panel.summary_en:
            st.markdown(f"{md(panel.summary_en)} {_cites(panel, panel.summary_source_ids)}")
        if panel.summary_zh:
            st.markdown(md(panel.summary_zh))
        if panel.members:
            st.markdown(
                "**Members:** " + ", ".join(f"{md(en)} {md(zh)}" for _p, en, zh in panel.members)
            )
        if panel.member_of:
            st.markdown(
                "**Part of:** " + ", ".join(f"{md(en)} {md(zh)}" for _p, en, zh in panel.member_of)
            )

        st.markdown("#### Pilot programmes")
        if not panel.memberships:
            st.markdown("_Not a member of a national pilot programme in this dataset._")
        for m in panel.memberships:
            parts = [f"**{md(m.programme_en)}** · {md(m.programme_zh)}"]
            if m.batch:
                parts.append(f"batch {m.batch}")
            if m.year:
                parts.append(str(m.year))
            if m.notice:
                parts.append(md(m.notice))
            if m.started:
                parts.append(f"trading began {md(m.started)}")
            if m.peak_year:
                parts.append(f"declared CO₂ peak: **{m.peak_year}**")
            st.markdown("- " + " · ".join(parts) + f" {_cites(panel, m.source_ids)}")

        sections = [
            ("mitigation", "Mitigation · 减缓", panel.mitigation),
            ("adaptation", "Adaptation · 适应", panel.adaptation),
        ]
        for kind, title, actions in sections:
            if focus and focus != kind:
                continue
            with st.container(key=f"panel_{kind}"):
                st.markdown(f"#### {title}")
                if actions:
                    st.markdown("\n".join(_action(panel, a) for a in actions))
                else:
                    st.markdown("_No sourced actions recorded yet._")

        if panel.sources:
            with st.expander(f"Sources ({len(panel.sources)})", expanded=True):
                st.markdown(
                    "\n".join(
                        f"{s.number}. {markdown_link(s.title, s.url)} · {md(s.publisher)}"
                        + (f" · {md(s.date)}" if s.date else "")
                        for s in panel.sources
                    )
                )

"""Render a place's panel in the chosen language. Every data string goes through
escape_markdown."""

from __future__ import annotations

import streamlit as st

from atlas.dataset import Dataset, per_dataset
from atlas.escape import escape_markdown as md
from atlas.escape import markdown_link
from atlas.i18n import Translator, translator
from atlas.insights import Surroundings, km_text, nearby_outside, surroundings
from atlas.panel import ActionLine, PlacePanel, build_panel
from atlas.view import RADII_KM, ViewState
from ui import state
from ui.data import geo
from ui.links import corrections_url
from ui.text import names_in, source_credit, target_value, target_when

MAX_NEARBY = 15
MAX_INSIDE = 40  # a province's or region's places; none holds more today


def _cites(panel: PlacePanel, source_ids: tuple[str, ...], t: Translator) -> str:
    """[n] for each source, a link to the source itself whose tooltip names the publisher
    (and the site, for a copy): the numbered list below gives the same in full."""
    cited = [s for s in map(panel.source, source_ids) if s is not None]
    return " ".join(
        markdown_link(f"[{s.number}]", s.url, title=source_credit(s, t, markdown=False))
        for s in cited
    )


def _names(items: tuple[tuple[str, str, str], ...], t: Translator) -> str:
    return t("format.list_separator").join(md(t.pick(en, zh)) for _pid, en, zh in items)


def _action(panel: PlacePanel, action: ActionLine, t: Translator) -> str:
    year = f"**{md(t.year(action.year))}** · " if action.year else ""
    text = f"- {year}**{md(t.pick(action.title_en, action.title_zh))}**"
    detail = t.pick(action.detail_en, action.detail_zh)
    if detail:
        text += f"  \n  {md(detail)}"
    return f"{text} {_cites(panel, action.source_ids, t)}"


def _nothing_recorded(panel: PlacePanel, kind: str, t: Translator, corrections: str) -> str:
    """What to say when a place has no action of ``kind``: what its programmes ask of their
    pilots of that kind, and how to add what is missing (not one bare line twice)."""
    if not panel.memberships:
        return f"_{t('panel.no_actions')}_"
    asking = panel.asking(kind)
    if not asking:
        names = t("format.list_separator").join(
            dict.fromkeys(md(t.pick(m.programme_en, m.programme_zh)) for m in panel.memberships)
        )
        return t(f"panel.not_asked.{kind}", programmes=names, url=corrections)
    names = t("format.list_separator").join(
        md(t.pick(m.programme_en, m.programme_zh)) for m in asking
    )
    return t(f"panel.asked.{kind}", programmes=names, url=corrections)


def panel_markdown(
    panel: PlacePanel, t: Translator, focus: str | None = None, corrections: str = ""
) -> str:
    """The panel's text as one Markdown document: names, where it is, summary, programmes,
    declared targets and actions by kind (``focus`` keeps one kind); a kind with no action
    links to ``corrections``. One element, not one per section: each element is a message
    that costs the server on every rerun."""
    first, second = (
        (panel.name_zh, panel.name_en) if t.lang == "zh" else (panel.name_en, panel.name_zh)
    )
    where = f"{md(t(f'level.{panel.level}'))} · {_names(panel.provinces, t)}"
    if panel.within_zh:
        where += f" · {md(panel.within_zh)}"
    sections = [f"### {md(first)} · {md(second)}", f":small[{where}]"]
    if panel.approximate:
        sections.append(f":small[{t('panel.location.approximate')}]")
    summary = t.pick(panel.summary_en, panel.summary_zh)
    if summary:
        sections.append(f"{md(summary)} {_cites(panel, panel.summary_source_ids, t)}")
    if panel.members:
        sections.append(f"**{t('panel.members')}:** {_names(panel.members, t)}")
    if panel.member_of:
        sections.append(f"**{t('panel.part_of')}:** {_names(panel.member_of, t)}")

    lines = [f"#### {t('panel.programmes')}"]
    if not panel.memberships:
        lines.append(f"_{t('panel.no_programme')}_")
    for m in panel.memberships:
        parts = [f"**{md(t.pick(m.programme_en, m.programme_zh))}**"]
        if m.batch:
            parts.append(t("panel.batch", batch=m.batch))
        if m.year:
            parts.append(md(t.year(m.year)))
        if m.notice:
            parts.append(md(m.notice))
        if m.started:
            parts.append(t("panel.started", date=md(m.started)))
        if m.peak_year:
            parts.append(t("panel.peak", year=md(t.year(m.peak_year))))
        lines.append("- " + " · ".join(parts) + f" {_cites(panel, m.source_ids, t)}")
    sections.append("\n".join(lines))

    if panel.targets:
        rows = [
            f"#### {t('panel.targets')}",
            "",
            f"| {t('targets.metric')} | {t('targets.value')} | {t('targets.by')} "
            f"| {t('targets.document')} | |",
            "|---|---|---|---|---|",
        ]
        for x in panel.targets:
            value = target_value(x.value, x.unit)
            by = md(target_when(x.base_year, x.target_year, t))
            document = md(x.document).replace("|", "\\|")
            rows.append(
                f"| {t(f'metric.{x.metric}')} | {md(value)} | {by} | {document} "
                f"| {_cites(panel, x.source_ids, t)} |"
            )
        sections.append("\n".join(rows))

    for kind, actions in (("mitigation", panel.mitigation), ("adaptation", panel.adaptation)):
        if focus and focus != kind:
            continue
        body = (
            "\n".join(_action(panel, a, t) for a in actions)
            if actions
            else _nothing_recorded(panel, kind, t, corrections)
        )
        sections.append(f"#### {t(f'panel.{kind}')}\n\n{body}")
    return "\n\n".join(sections)


def sources_markdown(panel: PlacePanel, t: Translator) -> str:
    """The numbered sources, publisher first; a repost says where it was read."""
    return "\n".join(f"{s.number}. {source_credit(s, t)}" for s in panel.sources)


@per_dataset(maxsize=1024)
def _panel_texts(
    dataset: Dataset, place_id: str, lang: str, focus: str | None, corrections: str
) -> tuple[str, str, str]:
    """A place's panel text, its sources' heading and list: the same for every reader of
    that place, language and focus, so written once (escaping and citations cost ~1 ms)."""
    panel = build_panel(dataset, place_id)
    if panel is None:
        raise KeyError(place_id)
    t = translator(lang)
    sources = t("panel.sources", count=len(panel.sources)) if panel.sources else ""
    return panel_markdown(panel, t, focus, corrections), sources, sources_markdown(panel, t)


def render_panel(
    dataset: Dataset, panel: PlacePanel, t: Translator, focus: str | None = None
) -> None:
    """The side panel: its text (:func:`panel_markdown`), then the numbered sources."""
    text, sources, credits = _panel_texts(dataset, panel.id, t.lang, focus, corrections_url())
    with st.container(border=True, key="place_panel"):
        st.markdown(text)
        if sources:
            with st.expander(sources, expanded=True):
                st.markdown(credits)


def _nearby_chosen(key: str = state.W_NEARBY) -> None:
    state.select_place(st.session_state[key])


def _choices(key: str, label: str, labels: dict[str, str], show_label: bool = True) -> None:
    """One line of places to open (pills under ``label``); choosing one opens it, so the
    choice itself is never kept."""
    if not state.restoring():
        st.session_state[key] = None
    chosen = st.pills(
        label,
        options=list(labels),
        format_func=labels.__getitem__,
        key=key,
        on_change=_nearby_chosen,
        args=(key,),
        label_visibility="visible" if show_label else "collapsed",
    )
    if state.apply_restored(chosen is not None, lambda: state.select_place(chosen)):
        st.rerun()  # the panel above still shows the place before the failover


def _render_surroundings(dataset: Dataset, around: Surroundings, t: Translator) -> None:
    """The places that hold this one and those it holds: related by containment, not by
    distance (Wuhan is in Hubei, not 181 km from it; its parks are in it, not at 0 km)."""
    places, short = dataset.places, names_in(dataset, t).short

    def with_level(pid: str) -> str:
        level = t(f"level.{places.at[pid, 'level']}")
        return t("nearby.place_level", name=md(short[pid]), level=md(level))

    lines = [
        ("within", t("nearby.within"), around.within, with_level),
        ("inside", t("nearby.inside"), around.inside[:MAX_INSIDE], lambda pid: md(short[pid])),
    ]
    if around.city is not None:
        title = t("nearby.beside", name=md(short[around.city]))
        lines.append(("beside", title, around.beside, lambda pid: md(short[pid])))
    for name, title, ids, label in lines:
        if ids:
            _choices(f"{state.W_NEARBY}_{name}", title, {pid: label(pid) for pid in ids})


def render_nearby(dataset: Dataset, place_id: str, view: ViewState, t: Translator) -> None:
    """Other pilot places within the chosen distance, nearest first; each one selectable.

    Collapsed, and drawn only once opened (a lazy expander with a constant label, so it
    stays open from place to place).
    """
    section = st.expander(
        t("nearby.section"), key=state.W_NEARBY_OPEN, on_change="rerun", icon=":material/near_me:"
    )
    if not section.open:
        return
    with section:
        around = surroundings(dataset, place_id, geo(dataset).shape_json)
        _render_surroundings(dataset, around, t)
        state.ensure_widget(state.W_RADIUS, view.radius)
        radius = st.selectbox(
            t("nearby.radius"),
            options=list(RADII_KM),
            format_func=lambda km: f"{km} km",
            key=state.W_RADIUS,
            on_change=state.radius_changed,
        )
        state.apply_restored(radius != view.radius, state.radius_changed)
        st.markdown(f"#### {t('nearby.title', km=radius)}")
        found = nearby_outside(dataset, place_id, radius, around)
        if found.empty:
            st.markdown(f"_{t('nearby.none')}_")
            return
        short = names_in(dataset, t).short
        labels = {
            row.id: t("nearby.line", name=md(short[row.id]), km=km_text(row.km))
            for row in found.head(MAX_NEARBY).itertuples(index=False)
        }
        # One widget for the whole list (a button each cost a widget each).
        _choices(state.W_NEARBY, t("nearby.choose"), labels, show_label=False)

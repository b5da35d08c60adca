"""Content text in the chosen language: names of places, programmes and provinces, target
values, and the credit line of a source."""

from __future__ import annotations

from atlas.coverage import ListGap
from atlas.dataset import Dataset
from atlas.escape import escape_markdown as md
from atlas.escape import markdown_link
from atlas.i18n import Translator
from atlas.names import Names, join_names, names
from atlas.panel import SourceLine


def programme_name(dataset: Dataset, t: Translator, programme: str) -> str:
    return names(dataset, t.lang).programmes[programme]


def province_name(dataset: Dataset, t: Translator, province: str) -> str:
    return names(dataset, t.lang).provinces[province]


def place_label(name_en: str, name_zh: str, t: Translator) -> str:
    """'Wuhan · 武汉市' in English, '武汉市 · Wuhan' in Chinese."""
    return join_names(name_zh, name_en) if t.lang == "zh" else join_names(name_en, name_zh)


def names_in(dataset: Dataset, t: Translator) -> Names:
    """Every name of ``dataset`` in ``t``'s language (built once, then shared)."""
    return names(dataset, t.lang)


def target_value(value: float, unit: str) -> str:
    """A target's value with its unit: '2030' for a year, '18 %', '5 GW' (plain text)."""
    return f"{value:g}" if unit == "year" else f"{value:g} {unit}"


def target_when(base_year: int | None, target_year: int | None, t: Translator) -> str:
    """By when a target is due, from its base year if it has one (plain text)."""
    by = t.year(target_year) if target_year else ""
    return t("targets.from_to", base=t.year(base_year), to=by) if base_year else by


def source_credit(source: SourceLine, t: Translator, markdown: bool = True) -> str:
    """Who published a source, then where it was read if that is a copy.

    'Xinhua, 2023-12-06: [title](url) (copy read at example.com)' as Markdown (every part
    escaped), or 'Xinhua, 2023-12-06 (copy read at example.com)' as plain text for tables.
    Never shows a copy as if it were the publisher's own page.
    """
    esc = md if markdown else str
    publisher = source.publisher or t("sources.unnamed")
    text = esc(publisher) + (f", {esc(source.date)}" if source.date else "")
    if markdown:
        text += f": {markdown_link(source.title, source.url)}"
    if source.copy:
        text += f" ({t('panel.copy_at', site=esc(source.site))})"
    return text


def list_gap_caption(t: Translator, gap: ListGap) -> str:
    """Under a programme's batches: 'Batch 1: the official list names 52; 21 of them are in
    the atlas so far (...)'."""
    if gap.batch is None:
        return t("programmes.incomplete.single", official=gap.official, held=gap.held)
    return t("programmes.incomplete", batch=gap.batch, official=gap.official, held=gap.held)


def list_gap_line(dataset: Dataset, t: Translator, gap: ListGap) -> str:
    """'Zero-carbon parks, batch 1: 21 of 52 in the atlas' (Markdown, the name escaped)."""
    name = md(programme_name(dataset, t, gap.programme))
    if gap.batch is None:
        return t("about.gaps.line.single", programme=name, held=gap.held, official=gap.official)
    return t(
        "about.gaps.line", programme=name, batch=gap.batch, held=gap.held, official=gap.official
    )

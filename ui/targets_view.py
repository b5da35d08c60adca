"""The Targets page's chart and table, worded in the chosen language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from atlas.dataset import Dataset
from atlas.escape import escape_markdown as md
from atlas.i18n import Translator
from atlas.mapping import dataset_colours
from atlas.panel import source_lines
from ui.text import names_in, programme_name, source_credit, target_value, target_when

DOT = 9  # pixels between stacked dots of one programme, batch and year
FONT = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"
SELECTION = "place"  # the chart's point selection: the place_id of the dot clicked


def peak_chart(dataset: Dataset, peaks: pd.DataFrame, t: Translator) -> alt.Chart:
    """A strip chart of ``atlas.targets.peak_years``: a row per programme and batch, peak
    years on a numeric axis, a dot per place (stacked where several share a year)."""
    names = names_in(dataset, t)
    batched = set(dataset.memberships.dropna(subset=["batch"])["programme"])
    groups = [
        programme_name(dataset, t, p)
        + (
            f" · {t('panel.batch', batch=int(b))}"
            if pd.notna(b)
            else (f" · {t('targets.batch_unknown')}" if p in batched else "")
        )
        for p, b in zip(peaks["programme"], peaks["batch"], strict=True)
    ]
    chart_rows = peaks.assign(
        group=groups,
        name=peaks["place_id"].map(names.places),
        programme_name=peaks["programme"].map(lambda p: programme_name(dataset, t, p)),
    )
    # What a screen reader says for a dot (Vega's aria-label), instead of every field.
    chart_rows["aria"] = [
        t("targets.peak.dot", name=n, year=t.year(y), group=g)
        for n, y, g in zip(chart_rows["name"], chart_rows["peak_year"], groups, strict=True)
    ]
    colours = dataset_colours(dataset)  # the same colours as the map and the Timeline
    shown = [p for p in dataset.programmes.index if p in set(peaks["programme"])]
    low, high = int(peaks["peak_year"].min()), int(peaks["peak_year"].max())
    pick = alt.selection_point(name=SELECTION, fields=["place_id"], on="click")
    return (
        alt.Chart(chart_rows)
        .mark_circle(size=90, opacity=0.85, stroke="#333", strokeWidth=0.5, aria=True)
        .encode(
            x=alt.X(
                "peak_year:Q",
                title=t("targets.peak.year"),
                scale=alt.Scale(domain=[low - 1, high + 1], nice=False, zero=False),
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            y=alt.Y(
                "group:N",
                title=None,
                sort=list(dict.fromkeys(groups)),
                axis=alt.Axis(labelLimit=360),
            ),
            yOffset=alt.YOffset("stack:O", title=None),
            color=alt.Color(
                "programme_name:N",
                title=t("timeline.programme"),
                scale=alt.Scale(
                    domain=[programme_name(dataset, t, p) for p in shown],
                    range=[colours[p] for p in shown],
                ),
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=320),
            ),
            description=alt.Description("aria:N"),
            tooltip=[
                alt.Tooltip("name:N", title=t("table.place")),
                alt.Tooltip("peak_year:Q", title=t("targets.peak.year"), format="d"),
                alt.Tooltip("group:N", title=t("timeline.programme")),
            ],
        )
        .add_params(pick)
        .properties(height=alt.Step(DOT))  # a step per stacked dot
        .configure(font=FONT)
    )


def targets_frame(dataset: Dataset, others: pd.DataFrame, t: Translator) -> pd.DataFrame:
    """``atlas.targets.other_targets`` as the table shows it: headed in the chosen language,
    places by name, the first source's publisher (copies marked) and the address read."""
    names = names_in(dataset, t)
    sources = {s.id: s for s in source_lines(dataset, list(dict.fromkeys(others["source_id"])))}
    return pd.DataFrame(
        {
            t("table.place"): others["place_id"].map(names.places),
            t("targets.metric"): others["metric"].map(lambda m: t(f"metric.{m}")),
            t("targets.value"): others["value"],
            t("targets.unit"): others["unit"],
            t("targets.base_year"): others["base_year"],
            t("targets.target_year"): others["target_year"],
            t("targets.document"): others["document"],
            t("targets.source"): [
                source_credit(sources[s], t, markdown=False) if s in sources else ""
                for s in others["source_id"]
            ],
            t("targets.link"): [
                sources[s].url if s in sources else None for s in others["source_id"]
            ],
        }
    )


def _target_cell(row: object, t: Translator) -> str:
    """One target in a Markdown table cell: value, when it is due, the plan."""
    text = target_value(row.value, row.unit)  # type: ignore[attr-defined]
    when = target_when(_year(row.base_year), _year(row.target_year), t)  # type: ignore[attr-defined]
    if when:
        text += f" ({when})"
    if row.document:  # type: ignore[attr-defined]
        text += f" · {row.document}"  # type: ignore[attr-defined]
    return md(text).replace("|", "\\|")


def targets_table(
    side: pd.DataFrame, place_ids: Sequence[str], short: Mapping[str, str], t: Translator
) -> str:
    """``atlas.targets.targets_side_by_side`` as a Markdown table: a row per metric, a column
    per place, each cell the place's values with when they are due and the plan."""
    head = [t("targets.metric"), *(md(short[p]) for p in place_ids)]
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for metric, rows in side.groupby("metric", sort=False):
        cells = [t(f"metric.{metric}")]
        for pid in place_ids:
            mine = rows[rows["place_id"] == pid].itertuples(index=False)
            cells.append("; ".join(_target_cell(r, t) for r in mine) or "—")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _year(value: object) -> int | None:
    return None if pd.isna(value) else int(value)  # type: ignore[arg-type,call-overload]

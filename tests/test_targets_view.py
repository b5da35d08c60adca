"""The Targets page's peak-year chart (ui/targets_view.py)."""

from __future__ import annotations

from atlas.i18n import Translator
from atlas.mapping import dataset_colours
from atlas.targets import peak_years
from atlas.view import ViewState
from ui.targets_view import peak_chart


def test_peak_chart_colours_each_programme_as_the_map_does(real) -> None:
    peaks = peak_years(real, ViewState())
    scale = peak_chart(real, peaks, Translator("en")).to_dict()["encoding"]["color"]["scale"]
    shown = [p for p in real.programmes.index if p in set(peaks["programme"])]
    assert len(shown) >= 2  # more than one programme declares peak years
    colours = dataset_colours(real)
    assert scale["range"] == [colours[p] for p in shown]
    assert len(set(scale["range"])) == len(shown)  # each programme its own colour

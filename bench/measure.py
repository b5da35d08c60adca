"""Server-side measurements through AppTest: script-run times and the map sent to the browser.

Both apps are driven only through their entry points (``app.py`` and ``bench/naive_app.py``)
and through ``streamlit_folium``, which both call: its component function is wrapped to
record the map it sends. A click reaches each app as it reads clicks: this app reads the
map's value from session state (where the browser's value lands before the rerun); the
baseline reads ``st_folium``'s return value, so ``st_folium`` is wrapped to add the click
to what the real function returns. Either way the click run builds and sends the map.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import pandas as pd
import streamlit as st
import streamlit_folium
from streamlit.testing.v1 import AppTest

from ui.state import W_MAP

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
NAIVE_APP = Path(__file__).resolve().parent / "naive_app.py"
DATA_DIR_ENV = "ATLAS_DATA_DIR"
RUN_TIMEOUT = 900.0  # seconds for one script run; 10,000 markers take a while
# The strings st_folium hands its component: what travels to the browser for the map.
MAP_FIELDS = ("script", "header", "html", "feature_group")


@contextmanager
def data_dir(directory: Path) -> Iterator[None]:
    """Point ``ATLAS_DATA_DIR`` at ``directory`` for the duration."""
    before = os.environ.get(DATA_DIR_ENV)
    os.environ[DATA_DIR_ENV] = str(directory)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(DATA_DIR_ENV, None)
        else:
            os.environ[DATA_DIR_ENV] = before


@contextmanager
def compiled_once() -> Iterator[None]:
    """One script cache for all runs, as a server has one per process.

    AppTest gives every run a new cache, so every run compiles its scripts again: about a
    millisecond for this app's two, a cost a server pays once. Both apps get the same.
    """
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    with (
        mock.patch.object(app_test, "ScriptCache", lambda: shared),
        mock.patch.object(local_script_runner, "ScriptCache", lambda: shared),
    ):
        yield


def payload_bytes(kwargs: Mapping[str, Any]) -> int:
    """UTF-8 size of the map's script, header, html and feature group."""
    return sum(len(str(kwargs.get(name) or "").encode("utf-8")) for name in MAP_FIELDS)


@contextmanager
def capture_map() -> Iterator[list[int]]:
    """Record the payload of every map sent while active (one entry per ``st_folium`` call)."""
    sizes: list[int] = []
    original = streamlit_folium._component_func

    def spy(*args: Any, **kwargs: Any) -> Any:
        sizes.append(payload_bytes(kwargs))
        return original(*args, **kwargs)

    with mock.patch.object(streamlit_folium, "_component_func", spy):
        yield sizes


def new_session(script: Path) -> AppTest:
    return AppTest.from_file(str(script), default_timeout=RUN_TIMEOUT)


def timed_run(at: AppTest) -> float:
    """Seconds of one ``at.run()``; raises if the script failed."""
    gc.collect()
    start = time.perf_counter()
    at.run(timeout=RUN_TIMEOUT)
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(f"the app raised: {at.exception[0].message}")
    return elapsed


def map_payload(script: Path, directory: Path) -> int:
    """Bytes of the map that ``script`` sends on a first load of the data in ``directory``."""
    with data_dir(directory), capture_map() as sizes:
        at = new_session(script)
        at.run(timeout=RUN_TIMEOUT)
    if at.exception:
        raise RuntimeError(f"the app raised: {at.exception[0].message}")
    if not sizes:
        raise RuntimeError(f"{script.name} drew no map")
    return sizes[-1]


@dataclass(frozen=True)
class Target:
    """The programme chosen in the filter and the place then clicked."""

    programme: str
    place_id: str
    name_en: str
    lat: float
    lon: float


def pick_target(directory: Path) -> Target:
    """The first programme, and its member with the most actions (the fullest panel)."""

    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(directory / f"{name}.csv", dtype=str, keep_default_na=False)

    programme = str(read("programmes")["id"].iloc[0])
    memberships = read("memberships")
    members = memberships.loc[memberships["programme"] == programme, "place_id"].unique()
    counts = read("actions")["place_id"].value_counts()
    place_id = max(members, key=lambda pid: (counts.get(pid, 0), pid))
    place = read("places").set_index("id").loc[place_id]
    return Target(programme, place_id, place["name_en"], float(place["lat"]), float(place["lon"]))


@dataclass(frozen=True)
class AppUnderTest:
    """One of the two apps: its script and how a click on ``target`` reaches it
    (a context manager active during the click's run)."""

    name: str
    script: Path
    click: Callable[[AppTest, Target, int], AbstractContextManager[None]]


@contextmanager
def _app_click(at: AppTest, target: Target, count: int) -> Iterator[None]:
    # What streamlit-folium reports for a click on a GeoJSON feature, with the app's
    # returned_objects; the counter is new, so the app sees a new click.
    at.session_state[W_MAP] = {
        "last_active_drawing": {"properties": {"id": target.place_id}},
        "last_object_clicked_count": count,
    }
    yield


@contextmanager
def _naive_click(_at: AppTest, target: Target, count: int) -> Iterator[None]:
    # What streamlit-folium returns for a click on a folium.Marker, default returned objects.
    where = {"lat": target.lat, "lng": target.lon}
    clicked = {
        "last_clicked": where,
        "last_object_clicked": where,
        "last_object_clicked_tooltip": target.name_en,
        "last_object_clicked_count": count,
    }
    original = streamlit_folium.st_folium

    def fake(*args: Any, **kwargs: Any) -> Any:
        return {**(original(*args, **kwargs) or {}), **clicked}

    with mock.patch.object(streamlit_folium, "st_folium", fake):
        yield


APP_UNDER_TEST = AppUnderTest("this app", APP, _app_click)
BASELINE = AppUnderTest("baseline", NAIVE_APP, _naive_click)


def programme_widget(at: AppTest) -> Any:
    """The programme multiselect, found by its label (no dependence on widget keys)."""
    for widget in at.multiselect:
        if "programme" in str(widget.label).lower():
            return widget
    raise LookupError("no programme filter found")


@dataclass
class Samples:
    """Every measurement of one app on one dataset."""

    cold: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)
    filter: list[float] = field(default_factory=list)
    click: list[float] = field(default_factory=list)
    payload: list[int] = field(default_factory=list)
    click_payload: list[int] = field(default_factory=list)
    click_runs: list[int] = field(default_factory=list)

    def medians(self) -> dict[str, float]:
        return {
            name: float(statistics.median(values)) for name, values in vars(self).items() if values
        }


def measure_once(
    apps: Sequence[AppUnderTest], target: Target, samples: Mapping[str, Samples]
) -> None:
    """One repetition of each figure for every app, the apps taking turns figure by figure
    (cold first load, warm first load, filter change, click): a slow spell of a shared
    machine then falls on both sides of a ratio, not on one app's whole repetition."""
    # Once: clearing again would empty the caches the other app has just filled.
    st.cache_data.clear()
    st.cache_resource.clear()
    for app in apps:
        samples[app.name].cold.append(timed_run(new_session(app.script)))
    sessions: dict[str, AppTest] = {}
    for app in apps:
        at = sessions[app.name] = new_session(app.script)
        with capture_map() as sizes:
            samples[app.name].first.append(timed_run(at))
        samples[app.name].payload.append(sizes[-1])
    for app in apps:
        at = sessions[app.name]
        programme_widget(at).set_value([target.programme])
        samples[app.name].filter.append(timed_run(at))
    for app in apps:
        at = sessions[app.name]
        with capture_map() as sizes, app.click(at, target, 1):
            samples[app.name].click.append(timed_run(at))
        samples[app.name].click_payload.append(sizes[-1])
        samples[app.name].click_runs.append(len(sizes))  # each script run sends the map once
        headings = [str(h.value) for h in at.subheader]
        if not any(target.name_en in h for h in headings):
            raise RuntimeError(f"{app.name}: the click on {target.place_id} opened no panel")


def warm_up(directory: Path) -> None:
    """Run each app once, unmeasured, so imports do not count against the first one."""
    with data_dir(directory), compiled_once():
        for app in (APP_UNDER_TEST, BASELINE):
            timed_run(new_session(app.script))


def measure_dataset(directory: Path, runs: int) -> dict[str, Samples]:
    """``runs`` repetitions of both apps on ``directory``, taking turns figure by figure."""
    target = pick_target(directory)
    results = {APP_UNDER_TEST.name: Samples(), BASELINE.name: Samples()}
    with data_dir(directory), compiled_once():
        for _ in range(runs):
            measure_once((APP_UNDER_TEST, BASELINE), target, results)
    return results

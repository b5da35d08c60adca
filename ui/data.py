"""Cached access to the dataset and the shapes.

The cache key includes each file's modification time, so an edited data
folder is picked up without restarting the server.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from atlas.assets import publish, static_url
from atlas.coords import wgs84_to_gcj02
from atlas.dataset import Dataset, data_dir_from_env, load_dataset, per_dataset
from atlas.export import data_package_bytes
from atlas.filters import view_options
from atlas.geo import GeoLayers, load_geo, shifted
from atlas.i18n import LANGUAGES
from atlas.names import names
from atlas.panel import prepare_panels
from atlas.view import BASEMAPS, KEYLESS_BASEMAPS, ViewOptions

# A rerun asks for the data folder's signature and the tile key more than once, and
# each answer costs file-system calls; once a second is enough to notice an edit.
REMEMBER_FOR = 1.0  # seconds
T = TypeVar("T")


def _remembered(f: Callable[..., T]) -> Callable[..., T]:
    """``f(*args)``, computed again only when its last answer is ``REMEMBER_FOR`` old."""
    answers: dict[tuple, tuple[float, T]] = {}

    @functools.wraps(f)
    def remembered(*args: Any) -> T:
        now = time.monotonic()
        answer = answers.get(args)
        if answer is not None and now - answer[0] < REMEMBER_FOR:
            return answer[1]
        value = f(*args)
        answers[args] = (now, value)
        return value

    return remembered


@_remembered
def _signature(directory: Path) -> str:
    """A digest of file names, mtimes and sizes: changes whenever the data does."""
    files = (
        sorted(
            (str(p.relative_to(directory)), p.stat().st_mtime_ns, p.stat().st_size)
            for p in directory.rglob("*")
            if p.is_file() and p.suffix in (".csv", ".geojson")
        )
        if directory.is_dir()
        else []
    )
    return hashlib.sha256(repr(files).encode()).hexdigest()


@st.cache_resource(show_spinner=False, max_entries=4)
def _dataset(directory: str, signature: str) -> Dataset:
    # A resource, not data: the frames are read-only and shared, and copying
    # them on every rerun (as cache_data does) would cost more than the rerun.
    dataset = load_dataset(directory)
    # What every page and panel derives from it, built once per version of the data
    # rather than in some user's first click.
    for lang in LANGUAGES:
        names(dataset, lang)
    prepare_panels(dataset)
    return dataset


@st.cache_resource(show_spinner=False, max_entries=4)
def _geo(directory: str, signature: str, gcj02: bool) -> GeoLayers:
    layers = load_geo(Path(directory))
    return shifted(layers, wgs84_to_gcj02) if gcj02 else layers


@_remembered
def tianditu_key() -> str | None:
    """Tianditu's browser key, from $TIANDITU_KEY or the secret ``tianditu_key``."""
    key = os.environ.get("TIANDITU_KEY", "").strip()
    if key:
        return key
    try:
        return str(st.secrets.get("tianditu_key", "")).strip() or None
    except (FileNotFoundError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None


def basemaps() -> tuple[str, ...]:
    """The basemaps this server can offer: Tianditu only with a key."""
    return BASEMAPS if tianditu_key() else KEYLESS_BASEMAPS


@st.cache_data(show_spinner=False, max_entries=2)
def _package(directory: str, signature: str) -> bytes:
    return data_package_bytes(_dataset(directory, signature))


def data_dir() -> Path:
    return data_dir_from_env()


def dataset() -> Dataset:
    """The validated dataset; raises ``DataError`` if the data folder is broken."""
    directory = data_dir()
    return _dataset(str(directory), _signature(directory))


# What goes with a loaded dataset is looked up through it (``per_dataset``: a dictionary
# lookup) rather than through Streamlit's caches again, each call of which hashes its
# arguments and takes the data folder's signature: several times per rerun otherwise.


def geo(dataset: Dataset, gcj02: bool = False) -> GeoLayers:
    """The shapes that go with ``dataset``, in WGS-84, or shifted into GCJ-02 for tiles
    drawn in it (AutoNavi)."""
    return _geo_of(dataset, gcj02)


@per_dataset(maxsize=2)
def _geo_of(dataset: Dataset, gcj02: bool) -> GeoLayers:
    directory = data_dir()
    return _geo(str(directory), _signature(directory), gcj02)


def options(dataset: Dataset) -> ViewOptions:
    """What a view of ``dataset`` may hold on this server."""
    return _options_of(dataset, basemaps())


@per_dataset(maxsize=2)
def _options_of(dataset: Dataset, basemaps: tuple[str, ...]) -> ViewOptions:
    return view_options(dataset, basemaps)


def package_bytes() -> bytes:
    """The whole dataset as a zip data package, built once per version of the data."""
    directory = data_dir()
    return _package(str(directory), _signature(directory))


def provinces_url(dataset: Dataset, gcj02: bool = False) -> str | None:
    """Where the browser fetches the province outlines (None if there are none)."""
    relative = _outlines_file(dataset, gcj02)
    if relative is None:
        return None
    return f"{static_url(st.get_option('server.baseUrlPath'))}/{relative}"


@per_dataset(maxsize=2)
def _outlines_file(dataset: Dataset, gcj02: bool) -> str | None:
    provinces = geo(dataset, gcj02).provinces
    if not provinces["features"]:
        return None
    content = json.dumps(provinces, ensure_ascii=False, separators=(",", ":")).encode()
    return publish(content, "provinces", ".geojson")

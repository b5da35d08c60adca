"""Cached access to the dataset and the shapes.

The cache key includes each file's modification time, so an edited data
folder is picked up without restarting the server.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from atlas.dataset import Dataset, data_dir_from_env, load_dataset
from atlas.export import data_package_bytes
from atlas.filters import view_options
from atlas.geo import GeoLayers, load_geo
from atlas.view import ViewOptions


def _signature(directory: Path) -> tuple[tuple[str, float, int], ...]:
    """File names, mtimes and sizes: changes whenever the data does."""
    if not directory.is_dir():
        return ()
    return tuple(
        (str(p.relative_to(directory)), p.stat().st_mtime, p.stat().st_size)
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.suffix in (".csv", ".geojson")
    )


@st.cache_resource(show_spinner=False, max_entries=4)
def _dataset(directory: str, signature: tuple) -> Dataset:
    # A resource, not data: the frames are read-only and shared, and copying
    # them on every rerun (as cache_data does) would cost more than the rerun.
    return load_dataset(directory)


@st.cache_resource(show_spinner=False, max_entries=4)
def _geo(directory: str, signature: tuple) -> GeoLayers:
    return load_geo(Path(directory))


@st.cache_resource(show_spinner=False, max_entries=4)
def _options(directory: str, signature: tuple) -> ViewOptions:
    return view_options(_dataset(directory, signature))


@st.cache_data(show_spinner=False, max_entries=2)
def _package(directory: str, signature: tuple) -> bytes:
    return data_package_bytes(_dataset(directory, signature))


def data_dir() -> Path:
    return data_dir_from_env()


def dataset() -> Dataset:
    """The validated dataset; raises ``DataError`` if the data folder is broken."""
    directory = data_dir()
    return _dataset(str(directory), _signature(directory))


def geo() -> GeoLayers:
    directory = data_dir()
    return _geo(str(directory), _signature(directory))


def options() -> ViewOptions:
    directory = data_dir()
    return _options(str(directory), _signature(directory))


def package_bytes() -> bytes:
    """The whole dataset as a zip data package, built once per version of the data."""
    directory = data_dir()
    return _package(str(directory), _signature(directory))

"""Serve the map's scripts and stylesheets from the app itself.

Folium points at public CDNs by default; where those do not load (CI, air-gapped
networks, much of mainland China) the map is blank. The XStatic packages on
PyPI ship the same files; we copy them into ``static/vendor`` (kept out of git)
and Streamlit serves ``static/`` at ``/app/static/``.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
VENDOR = "vendor"
GENERATED = "generated"  # files the app derives from its data (hashed names)
# Where Streamlit serves STATIC_DIR (server.enableStaticServing).
STATIC_URL = "/app/static"


@dataclass(frozen=True)
class Asset:
    """One vendored file: which XStatic package ships it and where it goes."""

    package: str  # module under xstatic.pkg
    source: str  # path inside the package's data folder
    target: str  # path under static/vendor

    @property
    def url(self) -> str:
        return self.url_under("")

    def url_under(self, base_url_path: str) -> str:
        """The URL when the app runs with ``server.baseUrlPath`` (e.g. "atlas")."""
        return f"{static_url(base_url_path)}/{VENDOR}/{self.target}"


def static_url(base_url_path: str = "") -> str:
    """Where Streamlit serves STATIC_DIR: /app/static, or /<base>/app/static under a base path."""
    base = base_url_path.strip("/")
    return f"/{base}{STATIC_URL}" if base else STATIC_URL


LEAFLET_JS = Asset("leaflet", "leaflet.js", "leaflet/leaflet.js")
LEAFLET_CSS = Asset("leaflet", "leaflet.css", "leaflet/leaflet.css")
JQUERY_JS = Asset("jquery", "jquery.min.js", "jquery/jquery.min.js")
MARKERCLUSTER_JS = Asset(
    "leaflet_markercluster", "leaflet.markercluster.js", "markercluster/leaflet.markercluster.js"
)
MARKERCLUSTER_CSS = Asset(
    "leaflet_markercluster", "MarkerCluster.css", "markercluster/MarkerCluster.css"
)
MARKERCLUSTER_DEFAULT_CSS = Asset(
    "leaflet_markercluster", "MarkerCluster.Default.css", "markercluster/MarkerCluster.Default.css"
)
LEAFLET_IMAGES = tuple(
    Asset("leaflet", f"images/{name}", f"leaflet/images/{name}")
    for name in (
        "layers.png",
        "layers-2x.png",
        "marker-icon.png",
        "marker-icon-2x.png",
        "marker-shadow.png",
    )
)
ASSETS: tuple[Asset, ...] = (
    LEAFLET_JS,
    LEAFLET_CSS,
    JQUERY_JS,
    MARKERCLUSTER_JS,
    MARKERCLUSTER_CSS,
    MARKERCLUSTER_DEFAULT_CSS,
    *LEAFLET_IMAGES,
)
# What every map loads, in order (jQuery before anything that might use it).
MAP_JS = (JQUERY_JS, LEAFLET_JS)
MAP_CSS = (LEAFLET_CSS,)
# The atlas's own map controls (kept in git, not vendored); see atlas.mapping.MapControls.
OWN_MAP_JS = "atlas/map.js"


@functools.cache
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def own_script_url(base_url_path: str = "") -> str:
    """URL of ``static/atlas/map.js``, versioned by its content: browsers may keep it cached."""
    version = _digest(STATIC_DIR / OWN_MAP_JS)
    return f"{static_url(base_url_path)}/{OWN_MAP_JS}?v={version}"


def _package_dir(package: str) -> Path:
    import importlib

    module = importlib.import_module(f"xstatic.pkg.{package}")
    return Path(module.BASE_DIR)


def ensure_static_assets(static_dir: Path = STATIC_DIR) -> list[Path]:
    """Copy every vendored file into ``static_dir/vendor`` unless already there.

    Returns the paths written (empty when everything was in place). Safe to call
    on every app start; raises ``ModuleNotFoundError`` if an XStatic package is
    not installed.
    """
    written: list[Path] = []
    for asset in ASSETS:
        source = _package_dir(asset.package) / asset.source
        target = static_dir / VENDOR / asset.target
        if target.exists() and target.stat().st_size == source.stat().st_size:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".tmp")
        shutil.copyfile(source, tmp)
        tmp.replace(target)  # atomic, so a concurrent start never serves half a file
        written.append(target)
    return written


def missing_assets(static_dir: Path = STATIC_DIR) -> list[Asset]:
    """The vendored files not present under ``static_dir``."""
    return [a for a in ASSETS if not (static_dir / VENDOR / a.target).exists()]


def publish(content: bytes, stem: str, suffix: str, static_dir: Path = STATIC_DIR) -> str:
    """Write ``content`` under static/generated with a content-hashed name; return the
    path below static/. The hash lets browsers cache it forever and keeps each data
    folder's files apart. Never writes into the data folder."""
    import hashlib

    digest = hashlib.sha256(content).hexdigest()[:12]
    relative = f"{GENERATED}/{stem}-{digest}{suffix}"
    target = static_dir / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + f".{digest}.tmp")
        tmp.write_bytes(content)
        tmp.replace(target)
    return relative

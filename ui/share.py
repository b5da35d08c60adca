"""The share panel (link, QR code, embed snippet) and the downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from atlas.dataset import Dataset
from atlas.export import panel_table, places_table, to_csv_bytes, to_geojson_bytes
from atlas.i18n import Translator
from atlas.links import embed_snippet, qr_png, share_url
from atlas.view import ViewState
from ui import data, state

FALLBACK_URL = "http://localhost:8501/"
FILE_STEM = "china-climate-pilots"


def page_url() -> str:
    """The address the browser is on (AppTest and old servers report none)."""
    return st.context.url or FALLBACK_URL


def render_share_and_export(
    dataset: Dataset, shown: pd.DataFrame, view: ViewState, t: Translator
) -> None:
    """Everything to take the view away: as a link, a QR code, an iframe, or files.

    Collapsed, and drawn only once opened: most reruns never need the link, its QR
    code or the download buttons (a lazy expander reruns the app when toggled).
    """
    panel = st.expander(
        t("share.title"), key=state.W_SHARE, on_change="rerun", icon=":material/share:"
    )
    if not panel.open:
        return
    with panel:
        url = share_url(page_url(), view)
        link, code = st.columns([3, 1])
        with link:
            st.caption(t("share.link"))
            st.code(url, language=None, wrap_lines=True)  # the code block has a copy button
            st.caption(t("share.embed"))
            st.code(embed_snippet(url, t("app.title")), language="html", wrap_lines=True)
        with code:
            st.image(qr_png(url), caption=t("share.qr"), width=160)
        st.caption(t("export.note", count=len(shown)))
        downloads = (
            ("csv", lambda: to_csv_bytes(places_table(dataset, shown)), ".csv", "text/csv"),
            (
                "geojson",
                lambda: to_geojson_bytes(dataset, shown),
                ".geojson",
                "application/geo+json",
            ),
            (
                "panel",
                lambda: to_csv_bytes(panel_table(dataset, shown)),
                "-panel.csv",
                "text/csv",
            ),
            ("zip", data.package_bytes, "-data.zip", "application/zip"),
        )
        # Files are built only when a button is pressed (deferred data), not on every rerun.
        for column, (kind, build, suffix, mime) in zip(st.columns(4), downloads, strict=True):
            column.download_button(
                t(f"export.{kind}"),
                data=build,
                file_name=f"{FILE_STEM}{suffix}",
                mime=mime,
                on_click="ignore",
                key=f"download_{kind}",
            )

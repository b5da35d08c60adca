"""The benchmark's baseline: a single-file Streamlit + folium atlas written the common way.

It reads the same data folder (``$ATLAS_DATA_DIR``, else the repo's ``data/``) with pandas,
offers a programme filter, adds one ``folium.Marker`` with a popup and a tooltip per place,
and passes the map to ``st_folium`` with its defaults: folium's CDN assets and every returned
object. A click shows the place's details under the map. Run it with
``streamlit run bench/naive_app.py``.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

DATA_DIR = Path(
    os.environ.get("ATLAS_DATA_DIR", "").strip() or Path(__file__).resolve().parent.parent / "data"
)
TABLES = ("places", "programmes", "memberships", "actions", "sources")

st.set_page_config(page_title="China climate pilots (baseline)", layout="wide")


@st.cache_data
def load(directory: str) -> dict[str, pd.DataFrame]:
    """Every table as strings; coordinates as floats."""
    folder = Path(directory)
    tables = {
        name: pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)
        for name in TABLES
    }
    tables["places"][["lat", "lon"]] = tables["places"][["lat", "lon"]].astype(float)
    return tables


data = load(str(DATA_DIR))
places, programmes, memberships = data["places"], data["programmes"], data["memberships"]
actions, sources = data["actions"], data["sources"]
programme_names = dict(zip(programmes["id"], programmes["name_en"], strict=True))

st.title("China climate pilots")
chosen = st.sidebar.multiselect(
    "Programme", list(programmes["id"]), format_func=programme_names.get, key="programme"
)
if chosen:
    ids = memberships.loc[memberships["programme"].isin(chosen), "place_id"].unique()
    shown = places[places["id"].isin(ids)]
else:
    shown = places
st.write(f"{len(shown)} of {len(places)} places")

programme_list = (
    memberships.assign(name=memberships["programme"].map(programme_names))
    .groupby("place_id")["name"]
    .agg(lambda names: ", ".join(dict.fromkeys(names)))
)

m = folium.Map(location=[35, 105], zoom_start=4)
for place in shown.itertuples():
    popup = (
        f"<b>{escape(place.name_en)}</b> {escape(place.name_zh)}<br>{escape(place.level)}"
        f"<br>{escape(programme_list.get(place.id, ''))}"
    )
    folium.Marker(
        [place.lat, place.lon],
        popup=folium.Popup(popup, max_width=300),
        tooltip=place.name_en,
    ).add_to(m)

result = st_folium(m, height=560, use_container_width=True)

clicked = (result or {}).get("last_object_clicked")
hits = (
    shown[(shown["lat"] == clicked["lat"]) & (shown["lon"] == clicked["lng"])]
    if clicked
    else shown.iloc[:0]
)
if hits.empty:
    st.info("Click a marker to see what the place does.")
else:
    place = hits.iloc[0]
    st.subheader(f"{place['name_en']} · {place['name_zh']}")
    if place["summary_en"]:
        st.write(place["summary_en"])
    rows = memberships[memberships["place_id"] == place["id"]]
    for row in rows.itertuples():
        batch = f" · batch {row.batch}" if row.batch else ""
        st.write(f"- {programme_names.get(row.programme, row.programme)}{batch} · {row.year}")
    todo = actions[actions["place_id"] == place["id"]]
    for kind in ("mitigation", "adaptation"):
        st.markdown(f"#### {kind.capitalize()}")
        for action in todo[todo["kind"] == kind].itertuples():
            st.markdown(f"- **{action.title_en}** · {action.title_zh}  \n  {action.detail_en}")
    cited_ids = ";".join([place["summary_source_ids"], *rows["source_ids"], *todo["source_ids"]])
    cited = {s for s in cited_ids.split(";") if s}
    with st.expander("Sources"):
        for source in sources[sources["id"].isin(cited)].itertuples():
            st.markdown(f"- [{source.title}]({source.url}) · {source.publisher}")

st.dataframe(shown[["name_en", "name_zh", "level", "province"]], hide_index=True)

"""Benchmark of the atlas against a naive Streamlit + folium app: ``python -m bench``."""

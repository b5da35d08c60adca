"""Streamlit glue: caching, widgets, and the one place that reads and writes URL state."""

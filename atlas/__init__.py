"""China Climate Pilot Atlas: the domain package (no Streamlit here).

Loading and validation (:mod:`atlas.dataset`), view state and its URL form
(:mod:`atlas.view`), filtering (:mod:`atlas.filters`), the place panel
(:mod:`atlas.panel`), map building and click interpretation
(:mod:`atlas.mapping`), escaping (:mod:`atlas.escape`).
"""

__version__ = "0.1.0"

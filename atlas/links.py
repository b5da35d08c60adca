"""Every link the atlas prints: the shareable URL of a view, its embed snippet and QR code."""

from __future__ import annotations

import io
from functools import lru_cache
from urllib.parse import urlencode, urlsplit, urlunsplit

from atlas.view import ViewState, to_query

EMBED_HEIGHT = 720


def share_url(page_url: str, view: ViewState) -> str:
    """The address that reopens ``view`` on the page at ``page_url`` (its query is replaced)."""
    parts = urlsplit(page_url)
    query = urlencode(to_query(view), doseq=True)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def embed_url(url: str) -> str:
    """The same view without Streamlit's chrome (``?embed=true``)."""
    return url + ("&" if urlsplit(url).query else "?") + "embed=true"


def embed_snippet(url: str, title: str) -> str:
    """An ``<iframe>`` to paste into a web page; attribute values are escaped."""
    from atlas.escape import escape_text

    return (
        f'<iframe src="{escape_text(embed_url(url))}" title="{escape_text(title)}" '
        f'width="100%" height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>'
    )


@lru_cache(maxsize=256)  # drawn on every rerun of the map page; encoding takes ~10 ms
def qr_png(url: str, scale: int = 4) -> bytes:
    """A QR code of ``url`` as PNG (people in China share links by scanning)."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()

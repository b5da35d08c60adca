"""One escaping function for every string that reaches HTML or the map.

Folium puts popup and tooltip text into JavaScript template literals, and
``GeoJsonTooltip`` assigns property values to ``innerHTML``. HTML escaping alone
is not enough there: a backtick ends the literal, ``${`` starts an expression
and a backslash starts an escape sequence. We replace those three with HTML
character references, which render as the same glyphs but mean nothing to
JavaScript.
"""

from __future__ import annotations

# What html.escape(quote=True) replaces, plus the three characters JavaScript template
# literals treat specially; one translate() pass is ~10x faster than escaping in steps.
_TEXT_TABLE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#x27;",
        "`": "&#96;",
        "$": "&#36;",
        "\\": "&#92;",
    }
)


def escape_text(value: object) -> str:
    """Return ``value`` as text safe for HTML, attributes and JS template literals.

    ``None`` becomes an empty string. The result contains no ``<``, ``>``, ``&``
    (except in character references), quotes, backticks, dollar signs or
    backslashes.
    """
    if value is None:
        return ""
    return str(value).translate(_TEXT_TABLE)


_MARKDOWN_TABLE = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]()<>#+-.!|~:$&\"'"})


def escape_markdown(value: object) -> str:
    """Return ``value`` as Markdown that renders literally.

    Streamlit's ``st.markdown`` escapes raw HTML, but Markdown syntax in data
    (links, emphasis, LaTeX between ``$``) would still be interpreted; each
    special character is backslash-escaped so the text shows as written.
    Line breaks become spaces: data text never starts a new block.
    """
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return text.translate(_MARKDOWN_TABLE)


def safe_url(url: str) -> str | None:
    """Return ``url`` if it is a plain http(s) address, percent-encoding characters
    that would end a Markdown link; otherwise ``None``."""
    from urllib.parse import quote, urlsplit

    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!&=+;%,~*'-._[]")


def markdown_link(text: object, url: str, title: str | None = None) -> str:
    """A Markdown link with escaped text, or the escaped text alone if ``url`` is unsafe.

    ``title`` becomes the link's tooltip: plain text, with backslashes, quotes, ``$`` and
    ``|`` (table cells) escaped and line breaks folded.
    """
    label = escape_markdown(text)
    target = safe_url(url)
    if target is None:
        return label
    target = target.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    if ">" in target:
        return label
    if title:
        quoted = " ".join(title.split()).replace("\\", "\\\\")
        quoted = quoted.replace('"', '\\"').replace("$", "\\$").replace("|", "\\|")
        return f'[{label}](<{target}> "{quoted}")'
    return f"[{label}](<{target}>)"

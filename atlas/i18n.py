"""Interface text in English and Chinese, from gettext catalogues.

Every interface string lives in ``locales/<lang>/LC_MESSAGES/atlas.po`` under a
stable key (the ``msgid``), so translators work in a format their tools know and
a test can prove both languages have every key. Babel reads the catalogues; no
compile step is needed at run time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "atlas"
LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}
HTML_LANG = {"en": "en", "zh": "zh-Hans"}  # BCP 47 tags for <html lang>
UNTRANSLATED = {"en": " (untranslated)", "zh": "（未翻译）"}


def catalogue_path(lang: str, locales: Path = LOCALES_DIR) -> Path:
    return locales / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def load_catalogue(lang: str, locales: Path = LOCALES_DIR) -> Mapping[str, str]:
    """Key -> text for one language (empty translations are left out)."""
    with catalogue_path(lang, locales).open("rb") as handle:
        catalogue = read_po(handle, locale=lang.replace("zh", "zh_Hans_CN"))
    return {
        str(message.id): str(message.string)
        for message in catalogue
        if message.id and message.string
    }


@dataclass(frozen=True)
class Translator:
    """Look up interface text in one language, falling back to English."""

    lang: str

    def __call__(self, key: str, **values: object) -> str:
        """The text for ``key`` with ``{name}`` placeholders filled from ``values``."""
        text = load_catalogue(self.lang).get(key) or load_catalogue(DEFAULT_LANGUAGE).get(key)
        if text is None:
            raise KeyError(f"no message '{key}' in the catalogues")
        return text.format(**values) if values else text

    def year(self, year: int | None) -> str:
        """A year as the language writes it: 2017 or 2017年."""
        return "" if year is None else self("format.year", year=year)

    def pick(self, english: str, chinese: str) -> str:
        """The content text in this language, or the other one marked as untranslated."""
        first, second = (chinese, english) if self.lang == "zh" else (english, chinese)
        if first:
            return first
        if second:
            return second + UNTRANSLATED[self.lang]
        return ""


def translator(lang: str) -> Translator:
    """A translator for ``lang`` (English if the language is not supported)."""
    return Translator(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def preferred_language(accept_locale: str | None) -> str:
    """The language to use when the link does not say: Chinese for a Chinese browser."""
    if accept_locale and accept_locale.lower().replace("_", "-").startswith("zh"):
        return "zh"
    return DEFAULT_LANGUAGE

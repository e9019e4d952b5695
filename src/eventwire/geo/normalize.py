"""Place-name keys: the one normalisation shared by the index builder and the lookups.

"Sana’a", "Sana'a", "SANAA" and "Sanaa" share the key "sanaa"; "Al-Raqqa", "Ar-Raqqa", "al Raqqa" and "Raqqa"
share "raqqa" through the article-less variant; "St. Louis" and "Saint Louis" share "saint louis".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophes and quote-like letters vanish: "Sana’a" = "Sana'a" = "Sanaa", "Ma'arrat" = "Maarrat".
_APOSTROPHES = dict.fromkeys(map(ord, "'’‘`´ʼʻʿʾ\u02bc\u2032"), None)
# Everything that is not a letter or a digit separates words: hyphens, dots, commas, slashes ...
_SEPARATORS = re.compile(r"[^0-9a-z]+")
# Abbreviations written either way in place names.
_WORD_FORMS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
# Arabic (and Spanish/Italian/French) articles that names are written with or without.
ARTICLES = frozenset({"al", "el", "ar", "as", "ash", "ad", "an", "az", "at", "ath"})
_STRIPPABLE_ARTICLES = frozenset({"al", "el"})
_INNER_ARTICLES = frozenset(
    {"al", "el", "ar", "as", "ash", "ad", "an", "az", "at", "ath", "er", "es", "ed", "en", "ez", "et"}
)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The normalised form of a name: lower case, no accents or apostrophes, single spaces between words."""
    text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("ß", "ss").replace("ı", "i").replace("ø", "o").replace("æ", "ae").replace("đ", "d")
    words = [_WORD_FORMS.get(w, w) for w in _SEPARATORS.split(text) if w]
    return " ".join(words)


# Before a "sun letter" the Arabic article takes the letter's sound and is written so: "Ar-Raqqa", "As-Suwayda",
# "Ash-Shaddadi", "Ez-Zor". Such a form is an article only when the next word starts with that sound.
_SUN_ARTICLES = frozenset({"ar", "as", "ash", "ad", "an", "az", "at", "ath", "er", "es", "esh", "ed", "en", "ez", "et"})


def article_free(key: str) -> str | None:
    """The key without a leading article ("al raqqa", "ar raqqa" -> "raqqa"), or None if it has none."""
    head, _, rest = key.partition(" ")
    if not rest:
        return None
    if head in _STRIPPABLE_ARTICLES or (head in _SUN_ARTICLES and rest.startswith(head[1:])):
        return rest
    return None


def name_keys(name: str) -> tuple[str, ...]:
    """Every key a name is indexed under: its key, for "Al-X"/"El X" the article-less key, and for an inner
    article the form that writes it joined to its word ("Deir ez-Zor" is also "Deir Ezzor")."""
    key = name_key(name)
    if not key:
        return ()
    keys = [key]
    if bare := article_free(key):
        keys.append(bare)
    if joined := article_joined(key):
        keys.append(joined)
    return tuple(keys)


def article_joined(key: str) -> str | None:
    """ "deir ez zor" -> "deir ezzor", "ras al ain" -> "ras alain": the first article inside a name written as
    one word with the next; None when there is none."""
    words = key.split()
    for i in range(1, len(words) - 1):
        if words[i] in _INNER_ARTICLES:
            return " ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]])
    return None


def is_latin_key(key: str) -> bool:
    """Names in other scripts normalise to nothing useful for English text; keep only Latin-letter keys."""
    return bool(key) and any("a" <= ch <= "z" for ch in key) and key.isascii()

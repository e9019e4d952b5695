"""The recognised name that recognition hands to resolution, and the gazetteer key it is looked up by."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.index import admin_terms, type_free
from eventwire.geo.normalize import article_free, name_key
from eventwire.model import MentionRole


@dataclass(frozen=True, slots=True)
class Toponym:
    """A recognised name: character span, its key, how it was found, and what the context says of it."""

    start: int
    end: int
    text: str
    key: str
    role: MentionRole = MentionRole.PLACE
    rule: str = "gazetteer"
    # the admin term the text names the area with ("province" for "Idlib province", `names_area`; "*" for an area
    # of no stated kind): prefer admin areas, though not one whose own name has another term ("Ontario County")
    area: str = ""
    country: str | None = None  # a demonym resolved to its country ("Syrian" -> "SY"), given-spans mode only


def lookup_key(gazetteer: Gazetteer, text: str) -> tuple[str, int] | None:
    """The key under which the gazetteer knows `text` (as written, without "al-", without "County"), and the
    strongest kind of name it is; None if unknown."""
    key = name_key(text)
    for candidate in (key, article_free(key), type_free(key)):
        if candidate and (kind := gazetteer.knows(candidate)) is not None:
            return candidate, kind
    return None


def names_area(text: str, start: int, end: int) -> str:
    """The admin term with which the text names the area rather than its namesake town ("province" for "Idlib
    province", "the province of Idlib", a span that holds its own term, "Kandahar Province"), else ""."""
    terms = admin_terms()
    words = [w.lower().strip(".,;:") for w in text[start:end].split()]
    after = [_singular(w.lower().strip(".,;:()")) for w in text[end : end + 30].split()[:1]]
    before = [w.lower() for w in text[max(0, start - 30) : start].split()]
    for term in (
        words[-1] if len(words) > 1 else "",
        words[0] if len(words) > 1 else "",
        after[0] if after else "",
        before[-2] if len(before) >= 2 and before[-1] == "of" else "",
    ):
        if term in terms:
            return term
    return ""


# Endings of the words for the people of a region or state and what they replace: "South Ossetian" -> "South
# Ossetia", "Ontarians" -> "Ontario", "Dagestani" -> "Dagestan", "Ohioans" -> "Ohio", "Texans" -> "Texas",
# "Crimean" -> "Crimea", "New Yorker" -> "New York", "Abkhaz" -> "Abkhazia". Country demonyms are listed in
# data/demonyms.tsv; these cover the rest.
_PEOPLE_ENDINGS = (
    ("ians", "ia"), ("ian", "ia"), ("ians", "io"), ("ian", "io"), ("ans", "as"), ("an", "as"), ("ns", ""),
    ("n", ""), ("ans", ""), ("an", ""), ("is", ""), ("i", ""), ("ers", ""), ("er", ""), ("", "ia"),
)  # fmt: skip


def area_of_people(gazetteer: Gazetteer, text: str) -> str | None:
    """The gazetteer key of the area whose people `text` names ("Dagestani" -> "dagestan"), when the word is no
    name of its own: only areas and regions count (a word for a people is not a town's name)."""
    for ending, replacement in _PEOPLE_ENDINGS:
        if not text.endswith(ending) or len(text) - len(ending) < 3:
            continue
        found = lookup_key(gazetteer, text[: len(text) - len(ending)] + replacement)
        if found is None:
            continue
        best = gazetteer.candidates(found[0])
        if best and best[0][0].feature_class in {"A", "L"}:
            return found[0]
    return None


def _singular(word: str) -> str:
    """ "counties" -> "county", "provinces" -> "province" (enough for admin terms)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word

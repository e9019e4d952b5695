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
    area: bool = False  # named with an admin term ("Idlib province", `names_area`): prefer admin areas
    country: str | None = None  # a demonym resolved to its country ("Syrian" -> "SY"), given-spans mode only


def lookup_key(gazetteer: Gazetteer, text: str) -> tuple[str, int] | None:
    """The key under which the gazetteer knows `text` (as written, without "al-", without "County"), and the
    strongest kind of name it is; None if unknown."""
    key = name_key(text)
    for candidate in (key, article_free(key), type_free(key)):
        if candidate and (kind := gazetteer.knows(candidate)) is not None:
            return candidate, kind
    return None


def names_area(text: str, start: int, end: int) -> bool:
    """Whether the text names the area rather than its namesake town: "Idlib province", "the province of Idlib",
    or a span that holds its own admin term ("Kandahar Province")."""
    terms = admin_terms()
    words = [w.lower().strip(".,;:") for w in text[start:end].split()]
    after = [w.lower().strip(".,;:()") for w in text[end : end + 30].split()]
    before = [w.lower() for w in text[max(0, start - 30) : start].split()]
    return (
        (len(words) > 1 and (words[-1] in terms or words[0] in terms))
        or (bool(after) and after[0] in terms)
        or (len(before) >= 2 and before[-1] == "of" and before[-2] in terms)
    )

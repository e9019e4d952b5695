"""The recognised name that recognition hands to resolution, and the gazetteer key it is looked up by."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.index import type_free
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
    area: bool = False  # followed by an admin term ("Idlib province"): prefer admin areas
    country: str | None = None  # a demonym resolved to its country ("Syrian" -> "SY"), given-spans mode only


def lookup_key(gazetteer: Gazetteer, text: str) -> tuple[str, int] | None:
    """The key under which the gazetteer knows `text` (as written, without "al-", without "County"), and the
    strongest kind of name it is; None if unknown."""
    key = name_key(text)
    for candidate in (key, article_free(key), type_free(key)):
        if candidate and (kind := gazetteer.knows(candidate)) is not None:
            return candidate, kind
    return None

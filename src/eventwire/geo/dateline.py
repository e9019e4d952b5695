"""Datelines: the filing place that heads a story or a later paragraph, a toponym that is no event place."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.normalize import name_key
from eventwire.geo.toponym import Toponym, lookup_key
from eventwire.model import MentionRole

# "BEIRUT (Reuters) -", "SANA'A:", "BAGHDAD, Iraq (AP) —", "Gainesville, Fla. --"
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?)(?:,\s*(?P<area>[A-Z][A-Za-z.'’\- ]{1,30}?))?\s*"
    r"(?:,\s*(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*)?"
    r"(?:\((?P<agency>[A-Za-z .&]{1,30})\)\s*)?(?P<sep>---?|[-–—:])\s"
)
# where a later dateline can open: a paragraph, or the sentence after a headline ("... rebuff. COLUMBIA --- ");
# only a name in capitals counts there, so its second character is no lower-case letter
_SENTENCE_OPENING = re.compile(r"(?:[.!?\"”]\s+|\n\s*)(?=[A-Z][A-Z.'’\- ])")


def find_dateline(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """The filing place at the head of the story ("BEIRUT (Reuters) -", "SANA'A:") and at the head of a later
    paragraph or after a headline ("... rebuff. COLUMBIA --- "), as DATELINE toponyms. Past the head only a
    known name in capitals counts: a headline's last word before a dash is no dateline."""
    out = _dateline_at(doc.text, 0, gazetteer, head=True)
    for opening in _SENTENCE_OPENING.finditer(doc.text):
        out += _dateline_at(doc.text, opening.end(), gazetteer, head=False)
    return out


def _dateline_at(text: str, pos: int, gazetteer: Gazetteer, *, head: bool) -> list[Toponym]:
    match = _DATELINE.match(text[: pos + 120], pos)
    if match is None:
        return []
    place = match.group("place").strip()
    shouting = place.isupper() and len(place) > 2
    if len(place.split()) > 4 or not (head or shouting):
        return []
    known_place = lookup_key(gazetteer, place)
    if head:
        titled = match.group("sep") in {"--", "---", "—"} and known_place is not None
        if not (shouting or match.group("agency") or titled):
            return []
    elif known_place is None:
        return []
    out = []
    for group in ("place", "area"):
        name = (match.group(group) or "").strip().rstrip(".") if group == "area" else place
        if not name:
            continue
        start = match.start(group) + (len(match.group(group)) - len(match.group(group).lstrip()))
        known = known_place if group == "place" else lookup_key(gazetteer, name)
        if known is None and group == "area":
            continue
        if group == "area" and name + "." == match.group(group).strip():
            name += "."  # keep the abbreviation's dot ("Fla.")
        key = known[0] if known else name_key(name)
        out.append(Toponym(start, start + len(name), name, key, role=MentionRole.DATELINE, rule="dateline"))
    return out

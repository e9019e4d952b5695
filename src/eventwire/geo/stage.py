"""The geoparsing stage: toponyms of a Doc, resolved to gazetteer places (`find_places`)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.geo.dateline import find_dateline
from eventwire.geo.event_location import locate_event
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.normalize import name_key
from eventwire.geo.recognize import demonym_countries_in, demonym_country, find_toponyms
from eventwire.geo.resolve import candidates_of, haversine_km, resolve
from eventwire.geo.toponym import Toponym, area_of_people, lookup_key, names_area
from eventwire.model import PlaceMention, Span

__all__ = ["find_places", "locate_event"]


def _given_toponyms(doc: Doc, gazetteer: Gazetteer, given: Sequence[tuple[int, int]]) -> list[Toponym]:
    """One toponym per supplied span, in order; datelines keep their role."""
    datelines = {(t.start, t.end): t for t in find_dateline(doc, gazetteer)}
    out = []
    for start, end in given:
        text = doc.text[start:end]
        if (start, end) in datelines:
            out.append(datelines[(start, end)])
            continue
        known = lookup_key(gazetteer, text)
        # "Canadian" is the country's adjective before it is a town in Texas
        country = demonym_country(text)
        if country is not None:
            out.append(Toponym(start, end, text, f"demonym:{country}", rule="demonym", country=country))
            continue
        people = area_of_people(gazetteer, text) if known is None else None
        if people is not None:  # "South Ossetian": the region, not a namesake town
            out.append(Toponym(start, end, text, people, rule="demonym", area="*"))
            continue
        area = names_area(doc.text, start, end)
        out.append(Toponym(start, end, text, known[0] if known else name_key(text), rule="given", area=area))
    return out


def find_places(
    doc: Doc, gazetteer: Gazetteer, *, given: Sequence[tuple[int, int]] | None = None, min_score: float = 0.05
) -> tuple[PlaceMention, ...]:
    """The toponyms of `doc`, each with its resolved place (None when the evidence is too weak) and candidates.

    With `given` (character spans), exactly one mention per span, in the given order."""
    toponyms = _given_toponyms(doc, gazetteer, given) if given is not None else find_toponyms(doc, gazetteer)
    ranked = resolve(doc.text, toponyms, gazetteer, demonyms=demonym_countries_in(doc))
    mentions = []
    for toponym in toponyms:
        options = ranked.get(toponym.key, [])
        place, share = options[0] if options else (None, 0.0)
        top = place
        if place is not None:
            # candidates at the same spot (a city and its district) do not compete: count them together
            share = sum(s for p, s in options if haversine_km(p, place) <= 100 or p is top)
        chosen = place if place is not None and share >= min_score else None
        mentions.append(
            PlaceMention(
                span=Span(toponym.start, toponym.end, toponym.text),
                place=chosen,
                score=round(share, 4),
                candidates=candidates_of(options),
                role=toponym.role,
                rule=toponym.rule,
            )
        )
    return tuple(mentions)

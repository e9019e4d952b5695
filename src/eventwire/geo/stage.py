"""Baseline geoparsing stage: spaCy's GPE/LOC entities, unresolved. Replaced by the gazetteer work (issue 3)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import EventLocation, PlaceMention, Span


class NullGazetteer:
    """Stands in until the real index exists: knows no places."""

    version = "none"


def open_gazetteer(path: str) -> NullGazetteer:
    return NullGazetteer()


def find_places(
    doc: Doc, gazetteer: NullGazetteer, *, given: Sequence[tuple[int, int]] | None = None, min_score: float = 0.3
) -> tuple[PlaceMention, ...]:
    if given is not None:
        spans = [(s, e) for s, e in given]
    else:
        spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in {"GPE", "LOC", "FAC"}]
    return tuple(PlaceMention(span=Span(s, e, doc.text[s:e]), place=None, score=0.0) for s, e in spans)


def locate_event(doc: Doc, trigger: SpacySpan, places: Sequence[PlaceMention]) -> EventLocation | None:
    return None

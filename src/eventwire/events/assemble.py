"""Assemble `model.Event` records from what the components found: triggers, actors, places, counts, dates."""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc

from eventwire.events.actors import actors_for_event
from eventwire.events.dates import date_for_event
from eventwire.events.detect import Trigger, TriggerDetector
from eventwire.events.numbers import counts_for_event, tally
from eventwire.events.taxonomy import PLOVER_OF, disorder_type_of, event_type_of
from eventwire.geo import locate_event
from eventwire.model import CountKind, Event, Evidence, Inter, Span


def event_id(article_id: str, trigger: Span) -> str:
    """Stable across runs: the same article and trigger always give the same id."""
    digest = hashlib.sha1(f"{article_id}:{trigger.start}:{trigger.end}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def _distinct(triggers: list[Trigger]) -> list[Trigger]:
    """One trigger per sub-type: repeated mentions of "the raid" report one raid."""
    seen: dict[str, Trigger] = {}
    for trigger in triggers:
        seen.setdefault(trigger.sub_event_type, trigger)
    return list(seen.values())


def build_events(doc: Doc, *, detector: TriggerDetector) -> tuple[Event, ...]:
    article = doc._.article
    article_id = article.id if article is not None else ""
    published = article.published if article is not None else None
    events = []
    for trigger in _distinct(detector(doc)):
        t = trigger.span
        trigger_span = Span(t.start_char, t.end_char, t.text)
        sent = t.sent
        actor1, actor2 = actors_for_event(doc, t, sub_event_type=trigger.sub_event_type)
        counts = counts_for_event(doc, t, doc._.counts)
        events.append(
            Event(
                id=event_id(article_id, trigger_span),
                article_id=article_id,
                event_type=event_type_of(trigger.sub_event_type),
                sub_event_type=trigger.sub_event_type,
                disorder_type=disorder_type_of(trigger.sub_event_type),
                trigger=trigger_span,
                evidence=Span(sent.start_char, sent.end_char, sent.text),
                confidence=trigger.score,
                type_evidence=Evidence(span=trigger_span, rule=trigger.rule),
                plover=PLOVER_OF[trigger.sub_event_type],
                actor1=actor1,
                actor2=actor2,
                location=locate_event(doc, t, doc._.places),
                date=date_for_event(doc, t, doc._.timexes, published=published),
                fatalities=tally(counts, CountKind.KILLED),
                injuries=tally(counts, CountKind.INJURED),
                counts=counts,
                civilian_targeting=actor2 is not None and actor2.inter is Inter.CIVILIANS,
            )
        )
    return tuple(events)

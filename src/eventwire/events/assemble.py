"""Assemble `model.Event` records from what the components found: triggers, actors, places, counts, dates."""

from __future__ import annotations

import hashlib
from datetime import date

from spacy.tokens import Doc

from eventwire.events.actors import ActorFinder, actors_for_event
from eventwire.events.dates import date_for_event
from eventwire.events.detect import Trigger, TriggerDetector
from eventwire.events.numbers import counts_for_event, tally
from eventwire.events.taxonomy import PLOVER_OF, disorder_type_of, event_type_of
from eventwire.geo import locate_event
from eventwire.model import CountKind, Event, EventDate, Evidence, Inter, Span, TimePrecision


def event_id(article_id: str, trigger: Span) -> str:
    """Stable across runs: the same article and trigger always give the same id."""
    digest = hashlib.sha1(f"{article_id}:{trigger.start}:{trigger.end}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def _historical_date(trigger: Trigger) -> EventDate | None:
    """A background event is dated by the expression that put it in the past ("in 2019"), at its precision."""
    timex = trigger.past
    if not trigger.historical or timex is None or not timex.value:
        return None
    value = timex.value
    if len(value) == 10:
        return EventDate(date.fromisoformat(value), TimePrecision.DAY, Evidence(span=timex.span))
    if len(value) == 7:
        when = date(int(value[:4]), int(value[5:7]), 1)
        return EventDate(when, TimePrecision.MONTH, Evidence(span=timex.span, rule="date.month_start"))
    return EventDate(date(int(value[:4]), 1, 1), TimePrecision.MONTH, Evidence(span=timex.span, rule="date.year_only"))


def build_events(doc: Doc, *, detector: TriggerDetector, actors: ActorFinder | None = None) -> tuple[Event, ...]:
    article = doc._.article
    article_id = article.id if article is not None else ""
    published = article.published if article is not None else None
    events = []
    for trigger in detector(doc):
        t = trigger.span
        trigger_span = Span(t.start_char, t.end_char, t.text)
        sent = t.sent
        location = locate_event(doc, t, doc._.places)
        country = location.place.country_code if location is not None else None
        if actors is not None:
            actor1, actor2 = actors.for_event(doc, t, sub_event_type=trigger.sub_event_type, country=country)
        else:
            actor1, actor2 = actors_for_event(doc, t)
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
                location=location,
                date=_historical_date(trigger) or date_for_event(doc, t, doc._.timexes, published=published),
                fatalities=tally(counts, CountKind.KILLED),
                injuries=tally(counts, CountKind.INJURED),
                counts=counts,
                civilian_targeting=actor2 is not None and actor2.inter is Inter.CIVILIANS,
                historical=trigger.historical,
            )
        )
    return tuple(events)

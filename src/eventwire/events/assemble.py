"""Assemble `model.Event` records from what the components found: triggers, actors, places, counts, dates."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.events.actors import ActorFinder, finder_for
from eventwire.events.dates import as_event_date, date_for_event
from eventwire.events.detect import Trigger, TriggerDetector
from eventwire.events.numbers import counts_for_event, tally
from eventwire.events.taxonomy import PLOVER_OF, disorder_type_of, event_type_of
from eventwire.geo import locate_event
from eventwire.model import Actor, CountKind, Event, EventDate, Evidence, Inter, Span, SubEventType


def event_id(article_id: str, trigger: Span) -> str:
    """Stable across runs: the same article and trigger always give the same id."""
    digest = hashlib.sha1(f"{article_id}:{trigger.start}:{trigger.end}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def _historical_date(trigger: Trigger) -> EventDate | None:
    """A background event is dated by the expression that put it in the past ("in 2019"), at its precision."""
    return as_event_date(trigger.past) if trigger.historical and trigger.past is not None else None


STATE_NAMES = ("Military Forces of", "Police Forces of")
TERRITORY = (SubEventType.GOV_REGAINS_TERRITORY, SubEventType.NON_STATE_OVERTAKES_TERRITORY)


def _territory_by_actor(trigger: Trigger, actor1: Actor | None) -> Trigger:
    """Who took the place decides the sub-type: state forces regain territory ("recaptured" or "captured"),
    anyone else overtakes it. Only an actor that is the subject of the taking verb decides, not a default."""
    if trigger.sub_event_type not in TERRITORY or actor1 is None or actor1.evidence.span is None:
        return trigger
    if not _is_subject_of(actor1.evidence.span, trigger.span):
        return trigger
    state = actor1.inter is Inter.STATE_FORCES or actor1.name.startswith(STATE_NAMES)
    sub = SubEventType.GOV_REGAINS_TERRITORY if state else SubEventType.NON_STATE_OVERTAKES_TERRITORY
    if sub is trigger.sub_event_type:
        return trigger
    return replace(trigger, sub_event_type=sub, rule=f"{trigger.rule}+actor1:inter{int(actor1.inter)}")


def _is_subject_of(actor: Span, trigger: SpacySpan) -> bool:
    """Is the actor's span inside the subject (or the passive's "by" agent) of the trigger's verb?"""
    verb = trigger.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head
    doc = trigger.doc
    for child in verb.children:
        if child.dep_ in {"nsubj", "agent"}:
            start, end = doc[child.left_edge.i].idx, doc[child.right_edge.i].idx + len(doc[child.right_edge.i])
            if start <= actor.start and actor.end <= end:
                return True
    return False


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
        finder = actors if actors is not None else finder_for(doc)
        actor1, actor2 = finder.for_event(doc, t, sub_event_type=trigger.sub_event_type, country=country)
        trigger = _territory_by_actor(trigger, actor1)
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

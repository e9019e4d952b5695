"""Assemble `model.Event` records from what the components found: triggers, actors, places, counts, dates."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.events.actor_defaults import apply_defaults
from eventwire.events.actor_roles import role_words
from eventwire.events.actors import ActorFinder, Sides, finder_for, place_countries
from eventwire.events.detect import Trigger, TriggerDetector
from eventwire.events.event_date import as_event_date, date_for_event
from eventwire.events.mention_args import EventSides, event_mentions
from eventwire.events.numbers import counts_for_event, tally
from eventwire.events.taxonomy import disorder_type_of, event_type_of, plover_of
from eventwire.events.verbal import VerbalCoder, VerbalTrigger, lead_sentences
from eventwire.geo import locate_event
from eventwire.model import (
    Actor,
    CountKind,
    Event,
    EventDate,
    EventMention,
    Evidence,
    Inter,
    MentionRole,
    PlaceMention,
    Span,
    SubEventType,
)


def event_id(article_id: str, trigger: Span) -> str:
    """Stable across runs: the same article and trigger always give the same id."""
    digest = hashlib.sha1(f"{article_id}:{trigger.start}:{trigger.end}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def _historical_date(trigger: Trigger) -> EventDate | None:
    """A background event is dated by the expression that put it in the past ("in 2019"), at its precision."""
    return as_event_date(trigger.past) if trigger.historical and trigger.past is not None else None


# verbal events whose object has not happened (a truce demanded, an attack threatened, a proposal rejected); under
# the others ("condemned the strike", "detained protesters") the ACLED event is real and stays first
UNREALISED = {"DEMAND", "THREATEN", "REJECT", "CONCEDE"}
PHYSICAL = {"COERCE", "MOBILIZE", "RETREAT"}  # acts ACLED codes itself when they are political violence
STATE_NAMES = ("Military Forces of", "Police Forces of")
TERRITORY = (SubEventType.GOV_REGAINS_TERRITORY, SubEventType.NON_STATE_OVERTAKES_TERRITORY)
NON_STATE_ARMED = (Inter.REBEL_GROUP, Inter.POLITICAL_MILITIA, Inter.IDENTITY_MILITIA)


def _territory_by_actor(trigger: Trigger, actor1: Actor | None) -> Trigger:
    """Who took the place decides the sub-type: state forces regain territory ("recaptured" or "captured"),
    anyone else overtakes it. Only an actor that is the subject of the taking verb decides, not a default."""
    if trigger.sub_event_type not in TERRITORY or actor1 is None or actor1.evidence.span is None:
        return trigger
    if not _is_subject_of(actor1.evidence.span, trigger.span):
        return trigger
    state = actor1.inter is Inter.STATE_FORCES or actor1.name.startswith(STATE_NAMES)
    if state and _called_irregular(trigger.span.doc, actor1.evidence.span):
        state = False  # "Houthi rebels took control of ...": the report calls the takers a non-state force
    sub = SubEventType.GOV_REGAINS_TERRITORY if state else SubEventType.NON_STATE_OVERTAKES_TERRITORY
    if sub is trigger.sub_event_type:
        return trigger
    return replace(trigger, sub_event_type=sub, rule=f"{trigger.rule}+actor1:inter{int(actor1.inter)}")


def _called_irregular(doc: Doc, actor: Span) -> bool:
    """Does the actor's own phrase call it rebels, insurgents or a militia?"""
    words = doc.char_span(actor.start, actor.end, alignment_mode="expand") or ()
    return any(w.lemma_.lower() in role_words("irregular") or w.lower_ in role_words("irregular") for w in words)


def _type_by_sides(trigger: Trigger, sides: Sides) -> Trigger:
    """ACLED types some acts by who did them: a "clash with police" by armed men is an armed clash, not a riot;
    a "detention" by a rebel group or militia is an abduction (arrests are by state forces). Only a doer the text
    names decides."""
    doer = sides.actor1
    if doer is None or doer.evidence.span is None or doer.inter not in NON_STATE_ARMED:
        return trigger
    if trigger.sub_event_type is SubEventType.VIOLENT_DEMONSTRATION:
        return replace(trigger, sub_event_type=SubEventType.ARMED_CLASH, rule=f"{trigger.rule}+armed_side")
    if trigger.sub_event_type is SubEventType.ARRESTS:
        return replace(trigger, sub_event_type=SubEventType.ABDUCTION, rule=f"{trigger.rule}+non_state_captor")
    return trigger


def _is_subject_of(actor: Span, trigger: SpacySpan) -> bool:
    """Is the actor's span inside the subject (or the passive's "by" agent) of the trigger's verb?"""
    verb = trigger.root
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    doc = trigger.doc
    for child in verb.children:
        if child.dep_ in {"nsubj", "agent"}:
            start, end = doc[child.left_edge.i].idx, doc[child.right_edge.i].idx + len(doc[child.right_edge.i])
            if start <= actor.start and actor.end <= end:
                return True
    return False


def build_events(
    doc: Doc, *, detector: TriggerDetector, actors: ActorFinder | None = None, verbal: VerbalCoder | None = None
) -> tuple[Event, ...]:
    """The article's ACLED events, then (with a `verbal` coder) a PLOVER verbal event for the lead's predicate
    when that predicate is not itself an ACLED trigger."""
    finder = actors if actors is not None else finder_for(doc)
    events = [_acled_event(doc, trigger, finder) for trigger in detector(doc)]
    if verbal is None:
        return tuple(events)
    taken = {e.trigger.start for e in events}
    for sentence in lead_sentences(doc):
        found = verbal(sentence)
        if found is None or found.span.start_char in taken or _said_already(found, events):
            continue
        below = [e for e in events if _unrealised(found, e)]
        if below:
            # "demanded a truce", "rejected a ceasefire proposal": the sentence reports the demand; the ACLED
            # cue under it is what was demanded, so it is the less likely reading of what happened
            events = [replace(e, confidence=round(e.confidence * 0.5, 3)) if e in below else e for e in events]
            found = replace(found, score=0.6)
        events.append(_verbal_event(doc, found, finder))
    return tuple(events)


def _unrealised(found: VerbalTrigger, event: Event) -> bool:
    """An ACLED cue inside a demand, threat, rejection or concession ("demanded a truce", "lifted the curfew"),
    or an agreement named under any other predicate ("accused the rebels of violating the ceasefire") but one
    that welcomes or backs it ("welcomed the ceasefire": there is one)."""
    if not _under(found.predicate, event.trigger):
        return False
    return found.plover.event in UNREALISED or (
        event.sub_event_type is SubEventType.AGREEMENT and found.plover.event not in {"AGREE", "SUPPORT"}
    )


def _said_already(found: VerbalTrigger, events: list[Event]) -> bool:
    """ "signed a ceasefire agreement" is already an ACLED Agreement (PLOVER AGREE), and youths who "blocked
    roads" in a riot are part of the riot: an ACLED event of the sentence covers them."""
    sent = found.span.sent
    here = [e for e in events if not e.historical and sent.start_char <= e.trigger.start < sent.end_char]
    if found.plover.event in PHYSICAL and here:
        return True
    return any(e.plover is not None and e.plover.event == found.plover.event for e in here)


def _under(predicate, trigger: Span) -> bool:
    """Is the ACLED trigger inside what the verbal predicate is about: its objects and complements, not its
    subject ("protesters demanded ..." is a protest that made a demand)?"""
    doc = predicate.doc
    for child in predicate.children:
        if child.dep_ in {"nsubj", "nsubjpass", "punct", "aux", "neg"}:
            continue
        first, last = doc[child.left_edge.i], doc[child.right_edge.i]
        if first.idx <= trigger.start and trigger.end <= last.idx + len(last):
            return True
    return False


def places_outside_groups(doc: Doc, finder: ActorFinder) -> tuple[PlaceMention, ...]:
    """Place mentions that are not part of a named group's name ("Ahrar al-Sham", "Jaish al-Islam"): a group
    named after a region does not say where its fighting happened."""
    cached = doc.user_data.get("eventwire.event_places")
    if cached is not None:
        return cached
    groups = [m.span for m in finder.mentions(doc) if m.kind == "group"]
    places = tuple(
        p
        for p in doc._.places
        if p.role is not MentionRole.MODIFIER  # "U.S. officials" says whose, not where
        and not any(g.start_char <= p.span.start and p.span.end <= g.end_char for g in groups)
    )
    doc.user_data["eventwire.event_places"] = places
    return places


def _acled_event(doc: Doc, trigger: Trigger, finder: ActorFinder) -> Event:
    article = doc._.article
    published = article.published if article is not None else None
    t = trigger.span
    trigger_span = Span(t.start_char, t.end_char, t.text)
    sent = t.sent
    places = places_outside_groups(doc, finder)
    location = locate_event(doc, t, places)
    country = location.place.country_code if location is not None and location.place is not None else None
    countries = place_countries(doc, t, location)
    sides = finder.sides(doc, t, sub_event_type=trigger.sub_event_type, country=country, place_countries=countries)
    trigger = _type_by_sides(trigger, sides)
    actor1, actor2 = apply_defaults(sides.actor1, sides.actor2, trigger.sub_event_type, sides.here)
    trigger = _territory_by_actor(trigger, actor1)
    counts = counts_for_event(doc, t, doc._.counts)
    known = EventSides(actor1, actor2, location, sides.here, countries)
    mentions = event_mentions(doc, trigger.mentions or (t,), t, known, finder=finder, places=places)
    return Event(
        id=event_id(article.id if article is not None else "", trigger_span),
        article_id=article.id if article is not None else "",
        event_type=event_type_of(trigger.sub_event_type),
        sub_event_type=trigger.sub_event_type,
        disorder_type=disorder_type_of(trigger.sub_event_type),
        trigger=trigger_span,
        evidence=Span(sent.start_char, sent.end_char, sent.text),
        confidence=trigger.score,
        type_evidence=Evidence(span=trigger_span, rule=trigger.rule),
        plover=plover_of(trigger.sub_event_type, trigger_span.text),
        actor1=actor1,
        actor2=actor2,
        location=location,
        date=_historical_date(trigger) or date_for_event(doc, t, doc._.timexes, published=published),
        fatalities=tally(counts, CountKind.KILLED),
        injuries=tally(counts, CountKind.INJURED),
        counts=counts,
        civilian_targeting=actor2 is not None and actor2.inter is Inter.CIVILIANS,
        historical=trigger.historical,
        mentions=mentions,
    )


def _verbal_event(doc: Doc, found: VerbalTrigger, finder: ActorFinder) -> Event:
    """A PLOVER event with no ACLED type: who said or decided what to whom, where and when."""
    article = doc._.article
    published = article.published if article is not None else None
    t = found.span
    trigger_span = Span(t.start_char, t.end_char, t.text)
    sent = t.sent
    location = locate_event(doc, t, places_outside_groups(doc, finder))
    country = location.place.country_code if location is not None and location.place is not None else None
    actor1, actor2 = finder.for_event(doc, t, country=country)
    return Event(
        id=event_id(article.id if article is not None else "", trigger_span),
        article_id=article.id if article is not None else "",
        event_type=None,
        sub_event_type=None,
        disorder_type=None,
        trigger=trigger_span,
        evidence=Span(sent.start_char, sent.end_char, sent.text),
        confidence=found.score,
        type_evidence=Evidence(span=trigger_span, rule=found.rule),
        plover=found.plover,
        actor1=actor1,
        actor2=actor2,
        location=location,
        date=date_for_event(doc, t, doc._.timexes, published=published),
        mentions=(EventMention(trigger_span),),  # its one mention is its trigger, whose actors are the event's
    )

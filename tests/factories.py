"""Small hand-made records for tests that do not need the NLP pipeline."""

from __future__ import annotations

from datetime import date

from eventwire.events.assemble import event_id
from eventwire.model import (
    Actor,
    Article,
    Count,
    CountKind,
    DisorderType,
    Event,
    EventDate,
    EventLocation,
    EventType,
    Evidence,
    GeoPrecision,
    Inter,
    Place,
    PlaceMention,
    Plover,
    Result,
    Span,
    SubEventType,
    Tally,
    TimePrecision,
)

TEXT = (
    "BEIRUT, Nov 20 - A coalition air strike on Atmeh in Syria's Idlib province killed at least 12 people "
    "on Thursday, residents said."
)
IDLIB = Place(
    geonameid=169389,
    name="Idlib",
    lat=35.93,
    lon=36.63,
    country_code="SY",
    country="Syria",
    admin1="Idlib",
    admin1_code="SY.12",
    feature_class="P",
    feature_code="PPLA",
    population=128840,
)


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def article(article_id: str = "a1", *, text: str = TEXT, published: date | None = date(2026, 11, 20)) -> Article:
    return Article(
        id=article_id,
        text=text,
        title="Air strike",
        url=f"https://x.org/{article_id}",
        source="Wire",
        published=published,
        origin=f"{article_id}.txt",
    )


def event(
    art: Article,
    *,
    sub: SubEventType = SubEventType.AIR_DRONE_STRIKE,
    place: Place = IDLIB,
    day: date = date(2026, 11, 19),
    killed: int = 12,
) -> Event:
    trigger = span(art.text, "air strike") if "air strike" in art.text else Span(0, 5, art.text[:5])
    count = Count(
        CountKind.KILLED,
        best=killed,
        low=killed,
        qualifier="at least",
        claimant=span(art.text, "residents said") if "residents said" in art.text else None,
        evidence=Evidence(span=trigger),
    )
    return Event(
        id=event_id(art.id, trigger),
        article_id=art.id,
        event_type=EventType.EXPLOSIONS if sub is SubEventType.AIR_DRONE_STRIKE else EventType.BATTLES,
        sub_event_type=sub,
        disorder_type=DisorderType.POLITICAL_VIOLENCE,
        trigger=trigger,
        evidence=Span(0, len(art.text), art.text),
        confidence=0.8,
        type_evidence=Evidence(trigger, "lexicon:air strike"),
        plover=Plover("ASSAULT", "aerial", ("military",)),
        actor1=Actor(
            "Military Forces of the United States", Inter.EXTERNAL_OTHER, "US", Evidence(rule="actor.coalition")
        ),
        actor2=Actor("Civilians (Syria)", Inter.CIVILIANS, "SY"),
        location=EventLocation(place, GeoPrecision.REGION, Evidence(rule="fallback:admin1")),
        date=EventDate(day, TimePrecision.DAY, Evidence(rule="date.weekday")),
        fatalities=Tally(killed, killed, killed + 2, (count,), "acled.lowest_reported"),
        counts=(count,),
        civilian_targeting=True,
    )


def result(art: Article | None = None, *, events: int = 1) -> Result:
    art = art or article()
    mention = PlaceMention(span(art.text, "Idlib") if "Idlib" in art.text else Span(0, 1, art.text[:1]), IDLIB, 0.9)
    return Result(article=art, events=tuple(event(art) for _ in range(events)), places=(mention,))


def event_place(pipeline, text: str) -> str | None:
    """The text of the first typed event's location span in `text`, or None."""
    events = [e for e in pipeline.process(Article(id="g", text=text)).events if e.sub_event_type is not None]
    return events[0].location.evidence.span.text if events and events[0].location is not None else None

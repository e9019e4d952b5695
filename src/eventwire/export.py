"""Output formats, one function each: the evaluation contract (extract/geoparse/dates lines), JSONL,
ACLED-style CSV (ACLED's column names) and GeoJSON. They all start from model records."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from enum import Enum
from typing import Any, TextIO

from eventwire.model import (
    Actor,
    Article,
    Event,
    EventLocation,
    EventMention,
    MentionRole,
    PlaceMention,
    Result,
    Span,
    Timex,
)

# --------------------------------------------------------------------------------------------- the contract


def span_dict(span: Span | None) -> dict[str, Any]:
    if span is None:
        return {"start": None, "end": None, "text": None}
    return {"start": span.start, "end": span.end, "text": span.text}


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "inter": int(actor.inter), **span_dict(actor.evidence.span), "country": actor.country}


def _location(location: EventLocation | None) -> dict[str, Any] | None:
    if location is None:
        return None
    place = location.place
    if place is None:
        unknown = dict.fromkeys(("geonameid", "lat", "lon", "country_code", "country", "admin1", "admin2"))
        evidence = {**span_dict(location.evidence.span), "rule": location.evidence.rule}
        return {"name": location.name, **unknown, "geo_precision": None, **evidence}
    return {
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "geo_precision": int(location.precision),
        **span_dict(location.evidence.span),
        "rule": location.evidence.rule,
    }


def _claims(event: Event) -> list[dict[str, Any]]:
    return [
        {
            "kind": c.kind.value,
            "best": c.best,
            "low": c.low,
            "high": c.high,
            "qualifier": c.qualifier,
            "victims": c.victims,
            "claimant": c.claimant.text if c.claimant else None,
            **span_dict(c.evidence.span),
            "rule": c.evidence.rule,
        }
        for c in event.counts
    ]


def contract_event(event: Event) -> dict[str, Any]:
    """One `eventwire extract` line (../shared/eval/README.md contract 1), plus a few optional extras."""
    plover = event.plover
    return {
        "article_id": event.article_id,
        "event_id": event.id,
        "event_type": _value(event.event_type),
        "sub_event_type": _value(event.sub_event_type),
        "disorder_type": _value(event.disorder_type),
        "plover": (
            {"event": plover.event, "mode": plover.mode, "context": ", ".join(plover.context) or None}
            if plover
            else None
        ),
        "actor1": _actor(event.actor1),
        "actor2": _actor(event.actor2),
        "assoc_actors1": [_actor(a) for a in event.assoc_actors1],
        "assoc_actors2": [_actor(a) for a in event.assoc_actors2],
        "location": _location(event.location),
        "date": event.date.value.isoformat() if event.date and event.date.value else None,
        "time_precision": int(event.date.precision) if event.date else 3,
        "date_evidence": (
            {**span_dict(event.date.evidence.span), "rule": event.date.evidence.rule} if event.date else None
        ),
        "fatalities": event.fatalities.value if event.fatalities else None,
        "fatalities_low": event.fatalities.low if event.fatalities else None,
        "fatalities_high": event.fatalities.high if event.fatalities else None,
        "injuries": event.injuries.value if event.injuries else None,
        "claims": _claims(event),
        "civilian_targeting": event.civilian_targeting,
        "historical": event.historical,
        "confidence": round(event.confidence, 4),
        "trigger": span_dict(event.trigger),
        "type_rule": event.type_evidence.rule,
        "evidence": span_dict(event.evidence),
        "mentions": [span_dict(m.span) for m in event.mentions],
    }


def contract_mentions(event: Event) -> list[dict[str, Any]]:
    """`eventwire extract --mentions`: one line per span that reports the event (as GDELT's mentions table
    does), each the event's line with that span as `trigger`, `event_id` suffixed "#n" and `mention_of` the
    event's own id. The trigger's line comes first and keeps the event's confidence; the others carry less, so
    a reader who takes the top line per event still gets the event."""
    line = contract_event(event)
    out = []
    first = [m for m in event.mentions if m.span == event.trigger] or [EventMention(event.trigger)]
    others = [m for m in event.mentions if m.span != event.trigger]
    for n, mention in enumerate([first[0], *others]):
        confidence = line["confidence"] if n == 0 else round(line["confidence"] * 0.9, 4)
        out.append(
            line
            | {"event_id": f"{event.id}#{n}", "mention_of": event.id, "trigger": span_dict(mention.span)}
            | {"confidence": confidence}
            | _local_arguments(mention)
        )
    return out


def _local_arguments(mention: EventMention) -> dict[str, Any]:
    """A mention's own agent, patient and place replace the event's where its clause names them."""
    local: dict[str, Any] = {}
    if mention.agent is not None:
        local["actor1"] = _actor(mention.agent)
    if mention.patient is not None:
        local["actor2"] = _actor(mention.patient)
    if mention.place is not None:
        local["location"] = _location(mention.place)
    return local


def contract_place(mention: PlaceMention) -> dict[str, Any]:
    """One entry of a `eventwire geoparse` line's "places"."""
    place = mention.place
    return {
        **span_dict(mention.span),
        "geonameid": place.geonameid if place else None,
        "name": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "country_code": place.country_code if place else None,
        "admin1": place.admin1 if place else None,
        "feature_code": place.feature_code if place else None,
        "score": round(mention.score, 4),
        "role": mention.role.value,
    }


def contract_timex(timex: Timex) -> dict[str, Any]:
    return {**span_dict(timex.span), "value": timex.value, "type": timex.type.value}


def geoparse_line(result: Result) -> dict[str, Any]:
    assert result.article is not None
    # an unresolved site ("Kuweires Military Airport") helps place an event but is no toponym to report; a street
    # ("Francis Street") is one, though no gazetteer has it
    places = [
        contract_place(m)
        for m in result.places
        if m.place is not None or m.role is not MentionRole.FACILITY or m.rule == "street"
    ]
    return {"id": result.article.id, "places": places}


def dates_line(result: Result) -> dict[str, Any]:
    assert result.article is not None
    return {"id": result.article.id, "dates": [contract_timex(t) for t in result.timexes]}


def write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


# --------------------------------------------------------------------------------------------- stored events


def _article_info(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
    }


def jsonl_record(event: Event, article: Article) -> dict[str, Any]:
    return {**contract_event(event), "article": _article_info(article)}


ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


def acled_row(event: Event, article: Article) -> dict[str, Any]:
    """An ACLED-style row. Columns eventwire cannot know (region, admin3, source_scale) are left empty."""
    from eventwire.geo.countries import iso_numeric

    place = event.location.place if event.location else None
    when = event.date.value if event.date else None
    inter1 = int(event.actor1.inter) if event.actor1 else 0
    inter2 = int(event.actor2.inter) if event.actor2 else 0
    codes = sorted(c for c in (inter1, inter2) if c)
    return {
        "event_id_cnty": event.id,
        "event_date": when.isoformat() if when else "",
        "year": when.year if when else "",
        "time_precision": int(event.date.precision) if event.date else 3,
        "disorder_type": event.disorder_type.value,
        "event_type": event.event_type.value,
        "sub_event_type": event.sub_event_type.value,
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": "; ".join(a.name for a in event.assoc_actors1),
        "inter1": inter1,
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": "; ".join(a.name for a in event.assoc_actors2),
        "inter2": inter2,
        "interaction": int("".join(map(str, codes))) if codes else 0,
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": iso_numeric(place.country_code) if place and place.country_code else "",
        "region": "",
        "country": place.country if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "admin2": (place.admin2 or "") if place else "",
        "admin3": "",
        "location": event.location.name if event.location else "",
        "latitude": place.lat if place else "",
        "longitude": place.lon if place else "",
        "geo_precision": int(event.location.precision) if event.location and event.location.precision else "",
        "source": article.source or article.url or "",
        "source_scale": "",
        "notes": event.evidence.text,
        "fatalities": event.fatalities.value if event.fatalities else 0,
        "tags": f"eventwire confidence={event.confidence:.2f}",
        "timestamp": int(datetime.now(UTC).timestamp()),
    }


def _value(member: Enum | None) -> str | None:
    return member.value if member is not None else None


def write_acled_csv(rows: Iterable[tuple[Event, Article]], out: TextIO) -> int:
    """ACLED rows; PLOVER verbal events have no ACLED type and are left out."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    n = 0
    for event, article in rows:
        if event.is_verbal:
            continue
        writer.writerow(acled_row(event, article))
        n += 1
    return n


def geojson_feature(event: Event, article: Article) -> dict[str, Any] | None:
    place = event.location.place if event.location else None
    if place is None or event.is_verbal:
        return None
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": {k: v for k, v in acled_row(event, article).items() if k not in ("latitude", "longitude")},
    }


def write_geojson(rows: Iterable[tuple[Event, Article]], out: TextIO) -> int:
    """A FeatureCollection, streamed feature by feature; events without a location are left out."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for event, article in rows:
        feature = geojson_feature(event, article)
        if feature is None:
            continue
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def csv_text(rows: Iterator[tuple[Event, Article]]) -> str:
    buffer = io.StringIO()
    write_acled_csv(rows, buffer)
    return buffer.getvalue()

"""The golden corpus: every article in examples/ against its expected record in examples/expected/.

Expected files list the article's current (non-historical) events. A field is exact when the article is
unambiguous, and a list of acceptable values where coders could reasonably differ. Actor names are checked
by `name_has` (any of the substrings, case-insensitive), place names with accents folded.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from eventwire.ingest import read_inputs
from eventwire.model import Actor, Article, Event, Result

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CASES = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
# Articles whose record the pipeline does not yet get fully right, one per line: "<stem>  <why>".
# They run as expected failures (non-strict) so the gap stays visible in every test report.
GAPS_FILE = Path(__file__).with_name("golden_gaps.txt")


def _known_gaps() -> dict[str, str]:
    lines = GAPS_FILE.read_text(encoding="utf-8").splitlines() if GAPS_FILE.exists() else []
    rows = (line.split(maxsplit=1) for line in lines if line.strip() and not line.startswith("#"))
    return {row[0]: row[1] if len(row) > 1 else "known gap" for row in rows}


def _cases() -> list:
    gaps = _known_gaps()
    return [
        pytest.param(
            p, id=p.stem, marks=[pytest.mark.xfail(reason=gaps[p.stem], strict=False)] if p.stem in gaps else []
        )
        for p in CASES
    ]


def _fold(text: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c)).lower()


def _accepts(expected: Any, actual: Any) -> bool:
    return actual in expected if isinstance(expected, list) else actual == expected


def _check_actor(label: str, expected: dict[str, Any], actor: Actor | None) -> list[str]:
    if actor is None:
        return [f"{label}: missing, expected {expected}"]
    problems = []
    if "name_has" in expected and not any(s.lower() in actor.name.lower() for s in expected["name_has"]):
        problems.append(f"{label}.name {actor.name!r} has none of {expected['name_has']}")
    if "inter" in expected and not _accepts(expected["inter"], int(actor.inter)):
        problems.append(f"{label}.inter {int(actor.inter)} != {expected['inter']}")
    return problems


def _check_location(expected: dict[str, Any], event: Event) -> list[str]:
    if event.location is None:
        return [f"location: missing, expected {expected}"]
    place, problems = event.location.place, []
    if "name" in expected and _fold(place.name) not in {_fold(n) for n in expected["name"]}:
        problems.append(f"location.name {place.name!r} not in {expected['name']}")
    if _fold(place.name) in {_fold(n) for n in expected.get("not_name", [])}:
        problems.append(f"location.name {place.name!r} is the wrong place")
    if "country_code" in expected and place.country_code != expected["country_code"]:
        problems.append(f"location.country_code {place.country_code} != {expected['country_code']}")
    if "admin1" in expected and _fold(place.admin1) not in {_fold(n) for n in expected["admin1"]}:
        problems.append(f"location.admin1 {place.admin1!r} not in {expected['admin1']}")
    if "geo_precision" in expected and int(event.location.precision) not in expected["geo_precision"]:
        problems.append(f"geo_precision {int(event.location.precision)} not in {expected['geo_precision']}")
    return problems


def _check_event(expected: dict[str, Any], event: Event) -> list[str]:
    problems: list[str] = []
    actual = {
        "event_type": event.event_type.value,
        "date": event.date.value.isoformat() if event.date and event.date.value else None,
        "time_precision": int(event.date.precision) if event.date else None,
        "fatalities": event.fatalities.value if event.fatalities else None,
        "injuries": event.injuries.value if event.injuries else None,
        "civilian_targeting": event.civilian_targeting,
    }
    for key, value in actual.items():
        if key in expected and not _accepts(expected[key], value):
            problems.append(f"{key} {value!r} != {expected[key]!r}")
    if "fatalities_high" in expected:
        high = event.fatalities.high if event.fatalities else None
        if high is None or high < expected["fatalities_high"]:
            problems.append(f"fatalities_high {high} < {expected['fatalities_high']}")
    for label in ("actor1", "actor2"):
        if label in expected:
            problems += _check_actor(label, expected[label], getattr(event, label))
    if "location" in expected:
        problems += _check_location(expected["location"], event)
    return problems


def _check_evidence(article: Article, event: Event) -> list[str]:
    """Every span an event carries must point at exactly its text in the article."""
    spans = [("trigger", event.trigger), ("evidence", event.evidence)]
    spans += [(label, a.evidence.span) for label, a in (("actor1", event.actor1), ("actor2", event.actor2)) if a]
    if event.location is not None:
        spans.append(("location", event.location.evidence.span))
    if event.date is not None:
        spans.append(("date", event.date.evidence.span))
    spans += [("count", c.evidence.span) for c in event.counts]
    return [
        f"{label} span {span.start}:{span.end} {span.text!r} does not match the article"
        for label, span in spans
        if span is not None and article.text[span.start : span.end] != span.text
    ]


def _run(pipeline, path: Path) -> Result:
    items = list(read_inputs([str(path)], config=pipeline.config))
    assert len(items) == 1 and isinstance(items[0], Article), f"{path.name} should read as one article: {items}"
    return pipeline.process(items[0])


@pytest.mark.parametrize("path", _cases())
def test_example_yields_its_expected_record(pipeline, path: Path) -> None:
    expected = json.loads((EXAMPLES / "expected" / f"{path.stem}.json").read_text(encoding="utf-8"))
    result = _run(pipeline, path)
    assert result.ok, result.rejection
    # the expected records are ACLED events; PLOVER verbal events (no ACLED type) are tested in test_verbal.py
    current = [e for e in result.events if not e.historical and not e.is_verbal]
    problems = [p for e in result.events for p in _check_evidence(result.article, e)]
    if len(current) != expected["n_events"]:
        found = [(e.sub_event_type.value, e.trigger.text) for e in current]
        problems.append(f"{len(current)} current events, expected {expected['n_events']}: {found}")
    for want in expected["events"]:
        candidates = [e for e in current if e.sub_event_type.value == want["sub_event_type"]]
        if not candidates:
            problems.append(f"no {want['sub_event_type']} event")
            continue
        problems += [f"{want['sub_event_type']}: {p}" for p in _check_event(want, candidates[0])]
    if "historical_year" in expected:
        for e in result.events:
            if e.is_verbal:
                continue  # the verbal event (a court's sentence) is of this week, not of the old attack
            if e.date and e.date.value and e.date.value.year != expected["historical_year"]:
                problems.append(f"historical event {e.sub_event_type.value} dated {e.date.value}")
    assert not problems, "\n".join(problems)


def test_every_example_has_an_expected_record() -> None:
    expected = {p.stem for p in (EXAMPLES / "expected").glob("*.json")}
    assert {p.stem for p in CASES} == expected


def test_known_gaps_name_real_examples() -> None:
    assert set(_known_gaps()) <= {p.stem for p in CASES}

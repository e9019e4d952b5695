"""Each mention of an event carries the agent, patient and place its own clause names (team-written sentences)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from eventwire import codec, export
from eventwire.model import Article, Event, EventMention, Span

STORY = (
    "Gunmen attacked a police post in Kandahar on Monday. They killed four officers and wounded two others. "
    "The Taliban claimed responsibility for the attack."
)
BOMB = (
    "A roadside bomb exploded near a bus in Quetta, killing six passengers. "
    "Police said a man who died in the blast was the driver."
)


@pytest.fixture(scope="module")
def mentions(pipeline):
    def run(text: str) -> dict[str, EventMention]:
        events = pipeline.process(Article(id="m", text=text, published=date(2026, 11, 20))).events
        return {m.span.text: m for e in events if not e.is_verbal for m in e.mentions}

    return run


def _text(actor) -> str | None:
    return actor.evidence.span.text if actor is not None and actor.evidence.span is not None else None


def test_a_verb_takes_its_own_subject_and_object_and_shares_them_across_a_conjunction(mentions) -> None:
    found = mentions(STORY)
    assert (_text(found["killed"].agent), _text(found["killed"].patient)) == ("They", "four officers")
    # "wounded" has no subject of its own: it shares "They" with "killed"
    assert (_text(found["wounded"].agent), _text(found["wounded"].patient)) == ("They", "two others")


def test_who_claims_responsibility_for_a_nominal_act_did_it(mentions) -> None:
    found = mentions(STORY)
    assert _text(found["attack"].agent) == "The Taliban"
    assert found["attack"].agent.name == "Taliban"


def test_the_place_is_the_one_the_mention_governs(mentions) -> None:
    found = mentions(STORY)
    assert found["attacked"].place.evidence.span.text == "Kandahar"
    assert _text(found["attacked"].patient) == "a police post"


def test_weapons_are_no_agents_and_a_relative_pronoun_stands_for_its_noun(mentions) -> None:
    found = mentions(BOMB)
    assert found["killing"].agent is None  # "A roadside bomb ..., killing": the bomb is the weapon, not the doer
    assert _text(found["killing"].patient) == "six passengers"
    assert _text(found["died"].patient) == "a man"  # "a man who died": the subject of a verb of suffering


def test_mention_lines_carry_the_local_spans_else_the_events(mentions, pipeline) -> None:
    [event] = [e for e in pipeline.process(Article(id="m", text=STORY)).events if not e.is_verbal]
    lines = {line["trigger"]["text"]: line for line in export.contract_mentions(event)}
    assert lines["killed"]["actor1"]["text"] == "They"
    assert lines["killed"]["actor2"]["text"] == "four officers"
    assert lines["killed"]["actor1"]["name"] == export.contract_event(event)["actor1"]["name"]
    # the event-level line keeps its own actors and lists its mentions as spans
    line = export.contract_event(event)
    assert line["actor1"]["text"] != "They" and "killed" in [m["text"] for m in line["mentions"]]


def test_events_stored_with_bare_mention_spans_still_read_back(pipeline) -> None:
    [event] = [e for e in pipeline.process(Article(id="m", text=STORY)).events if not e.is_verbal]
    record = codec.to_dict(event)
    record["mentions"] = [{"start": 0, "end": 6, "text": "Gunmen"}]  # how records were stored before arguments
    old = codec.from_dict(Event, json.loads(json.dumps(record)))
    assert old.mentions == (EventMention(Span(0, 6, "Gunmen")),)


def test_a_participle_after_a_passive_clause_reports_its_own_victims(mentions) -> None:
    found = mentions("The market was hit by a car bomb on Friday, killing nine shoppers.")
    assert _text(found["hit"].patient) == "The market"
    assert _text(found["killing"].patient) == "nine shoppers"  # not the market, which was hit, not killed

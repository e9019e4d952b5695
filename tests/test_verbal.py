"""PLOVER verbal events: the lead's main predicate, its mood, and how it ranks against ACLED events."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import Article, SubEventType


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text: str):
        return pipeline.process(Article(id="v", text=text, published=date(2026, 3, 6))).events

    return run


def top(events):
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The foreign ministers of Peru and Chile met in Lima on Monday to discuss the border.", "CONSULT"),
        ("The opposition demanded the immediate release of its leader, a spokesman said.", "DEMAND"),
        ("Officials said the government rejected the union's latest wage offer on Tuesday.", "REJECT"),
        ("The European Union imposed sanctions on three generals on Monday.", "SANCTION"),
        ("The minister threatened to expel the ambassador over the dispute.", "THREATEN"),
        ("Norway is ready to provide 500 tonnes of food aid to the region, its minister said.", "AGREE"),
        ("The two governments failed to reach an agreement on fishing rights.", "REJECT"),
        ("The president said the rebels must hand over their weapons by Friday.", "DEMAND"),
        ("The prosecutor opened an investigation into the death of the journalist.", "INVESTIGATE"),
        ("The ministry condemned the decision as unlawful.", "DISAPPROVE"),
    ],
)
def test_the_leads_predicate_is_coded_with_its_mood(extract, text: str, plover: str) -> None:
    verbal = [e for e in extract(text) if e.is_verbal]
    assert [e.plover.event for e in verbal] == [plover]
    assert verbal[0].event_type is None and verbal[0].type_evidence.rule.startswith("verbal:")


def test_a_demanded_truce_is_a_demand_first_and_the_acled_reading_stays_second(extract) -> None:
    events = extract("The rebels demanded a truce with government forces before any talks.")
    assert top(events).plover.event == "DEMAND" and top(events).is_verbal
    assert any(e.sub_event_type is SubEventType.AGREEMENT for e in events)


def test_a_real_attack_stays_first_under_a_condemnation(extract) -> None:
    events = extract("The UN condemned an air strike that killed 12 civilians in Idlib on Sunday.")
    assert top(events).sub_event_type is SubEventType.AIR_DRONE_STRIKE


def test_no_verbal_event_repeats_an_acled_one_or_codes_a_non_political_sentence(extract) -> None:
    events = extract("The two sides signed a ceasefire agreement in Juba on Friday.")
    assert [e.sub_event_type for e in events] == [SubEventType.AGREEMENT]
    assert extract("The central bank held rates steady on Tuesday, saying inflation had eased.") == ()


def test_a_curfew_is_coercion_in_plover(pipeline) -> None:
    text = "Authorities imposed a curfew in the town of Cizre after a demonstration on Sunday, security sources said."
    events = pipeline.process(Article(id="c", text=text)).events
    curfew = [e for e in events if e.trigger.text == "curfew"]
    assert curfew and curfew[0].plover is not None and curfew[0].plover.event == "COERCE"


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers entered Kindu on Tuesday, residents said.",
        "Navy warships patrolled the coast near Mombasa on Sunday.",
        "Rebel fighters advanced toward the provincial capital overnight.",
    ],
)
def test_patrols_and_armed_forces_on_the_move_are_mobilizations(extract, text: str) -> None:
    assert [e.plover.event for e in extract(text) if e.is_verbal] == ["MOBILIZE"]


@pytest.mark.parametrize(
    "text",
    [
        "The peace talks entered a new phase on Tuesday.",
        "Aid trucks arrived in the city on Sunday, the agency said.",
        "The army will advance toward the capital next week, a commander said.",
    ],
)
def test_movements_of_things_or_plans_to_move_are_no_mobilization(extract, text: str) -> None:
    assert not any(e.plover.event == "MOBILIZE" for e in extract(text) if e.is_verbal)

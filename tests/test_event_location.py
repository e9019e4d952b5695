"""Event location on hand-written sentences: which of a sentence's places is where the event happened."""

from __future__ import annotations

import pytest

from eventwire.model import Article, GeoPrecision, MentionRole
from factories import event_place


def test_true_demonyms_stay_out_and_a_modifier_is_never_the_event_place(pipeline) -> None:
    text = "American and U.S. officials met on Monday."
    found = [m.span.text for m in pipeline.process(Article(id="g", text=text)).places]
    assert found == ["U.S."]
    text = "Gunmen killed two U.S. contractors on Sunday, police said."
    assert event_place(pipeline, text) is None


def test_lower_case_arabic_articles_and_terrain_nouns_start_names(pipeline) -> None:
    assert event_place(pipeline, "Fighters stormed al-Ja’ouneh area on Monday after a long siege.") == "al-Ja’ouneh"
    text = "Rebels stormed army defenses at the southern slope of Tal Al-Bardah on Friday."
    assert event_place(pipeline, text) == "Tal Al-Bardah"
    text = "The blast hit a car market in the Shiite al-Bayaa district of Baghdad, killing 12 people."
    events = [e for e in pipeline.process(Article(id="g", text=text)).events if e.sub_event_type is not None]
    location = events[0].location
    assert location.evidence.span.text == "al-Bayaa"
    assert (location.place.feature_class, location.precision) == ("P", GeoPrecision.NEAR_TOWN)  # the city


def test_generic_prefixes_start_sites_and_unknown_names(pipeline) -> None:
    text = "The army captured the Marj Al-Sultan Military Airport after a long battle with the rebels."
    assert event_place(pipeline, text) == "Marj Al-Sultan Military Airport"  # not Al Marj in Libya
    assert event_place(pipeline, "Six people were killed in Oued Aissi when gunmen opened fire.") == "Oued Aissi"


def test_a_country_dealt_with_is_not_where_the_event_happened(pipeline) -> None:
    text = "Police arrested 40 suspects on Monday and handed many of them over to the United States."
    assert event_place(pipeline, text) is None
    assert event_place(pipeline, "Troops were deployed to Somalia after the clashes on Monday.") == "Somalia"


def test_a_people_word_before_a_settlement_is_not_its_name(pipeline) -> None:
    text = "Troops raided the Kurdish Sheikh Maqsoud district of Aleppo on Monday, killing three."
    assert event_place(pipeline, text) == "Sheikh Maqsoud"
    assert event_place(pipeline, "Herdsmen attacked Nwonko village in Wukari, killing 27 people.") == "Nwonko"
    text = "Five civilians were killed on Wednesday in Kayamla village of Konduga when a jet dropped a bomb."
    assert event_place(pipeline, text) == "Kayamla"


def test_what_a_protest_is_about_and_metonyms_are_not_where_events_happened(pipeline) -> None:
    assert event_place(pipeline, "Students protested on Thursday against a threatened attack on Iraq.") is None
    text = "The Serbian community protested against Kosovo's independence in Toronto on Saturday."
    assert event_place(pipeline, text) == "Toronto"  # a town in the topic, with no other place, is where they were
    assert event_place(pipeline, "The UK-based monitor said the group executed 24 civilians.") is None
    assert event_place(pipeline, "Protesters said they held the Baghdad regime responsible for the killing.") is None
    assert (
        event_place(pipeline, "Hundreds protested in Nairobi against the killing of a student in Kisumu.") == "Nairobi"
    )


def test_a_sun_letter_article_is_an_article_and_a_struck_town_is_the_event_place(pipeline) -> None:
    assert event_place(pipeline, "Coalition aircraft struck Ar-Raqqa on Monday, killing four civilians.") == "Ar-Raqqa"
    assert event_place(pipeline, "Troops clashed with militants near Ar Rutba in Anbar.") == "Ar Rutba"


def test_a_settlement_noun_after_an_unknown_name_makes_it_a_place_unless_it_modifies_a_noun(pipeline) -> None:
    assert event_place(pipeline, "Gunmen attacked Gaidamgari village on Sunday, killing 12 people.") == "Gaidamgari"
    assert event_place(pipeline, "Rebels shelled the key town of ‘Ibta on Monday.") == "Ibta"
    found = [m.span.text for m in pipeline.process(Article(id="g", text="The Fulani village elders met.")).places]
    assert "Fulani" not in found


def test_a_place_inside_an_institutions_name_is_a_modifier_toponym_but_not_in_a_newspapers(pipeline) -> None:
    text = (
        "A spokesman for the Texas Fire Service said the fire was out. "
        "The New York Times and Agence France-Presse reported it. He ate at Taco Bell, said Sam Bell."
    )
    found = {m.span.text: m.role for m in pipeline.process(Article(id="g", text=text)).places}
    assert found == {"Texas": MentionRole.MODIFIER}
    assert event_place(pipeline, "Gunmen killed two officers of the Texas Fire Service on Sunday.") is None


def test_the_object_of_a_verb_taking_only_places_is_a_place(pipeline) -> None:
    text = "Government troops stormed Najarah on Monday and expelled the militants defending it."
    assert event_place(pipeline, text) == "Najarah"
    found = [m.span.text for m in pipeline.process(Article(id="g", text="Troops shelled the PUK positions.")).places]
    assert "PUK" not in found


def test_a_name_with_an_age_between_commas_is_a_person(pipeline) -> None:
    assert event_place(pipeline, "Gunmen shot Lima, 41, outside a bar on Friday.") is None


def test_where_the_people_come_from_is_no_event_place(pipeline) -> None:
    assert event_place(pipeline, "A town councillor from Jos was killed by a bomb planted under his car.") is None
    assert event_place(pipeline, "Fighters from Homs attacked an army post on Wednesday.") is None


def test_a_from_phrase_drops_a_place_only_after_a_word_for_people(pipeline) -> None:
    assert event_place(pipeline, "Shelling killed five people on Monday, reports from Aleppo said.") == "Aleppo"


# One sentence each: the place the event happened in (None: the sentence names no place for it). Each id names
# the rule it checks.
PLACES = [
    pytest.param(
        "Government jets bombed the Deir al-Asafir suburb of Damascus on Thursday, killing 33 residents.",
        "Deir al-Asafir",
        id="the_event_is_in_the_smaller_place_not_the_area_said_to_hold_it",
    ),
    pytest.param(
        "Warplanes struck militant positions on the approaches to Palmyra, some 240 km away from Damascus.",
        "Palmyra",
        id="points_of_reference_and_origins_are_not_where_events_happened[1]",
    ),
    pytest.param(
        "Two businessmen from Chennai were found murdered in Fiji last week, police said.",
        "Fiji",
        id="points_of_reference_and_origins_are_not_where_events_happened[2]",
    ),
    pytest.param(
        "Tanks stationed at the settlement of Kfar Darom shelled houses in the nearby town of Deir al-Balah.",
        "Deir al-Balah",
        id="points_of_reference_and_origins_are_not_where_events_happened[3]",
    ),
    pytest.param(
        "Gunmen attacked a checkpoint on Baghdad's northern outskirts on Monday, killing two policemen.",
        "Baghdad",
        id="a_place_owning_a_part_of_itself_is_where_the_event_happened",
    ),
    pytest.param(
        "Two Palestinians were shot dead before dawn on Wednesday near the West Bank town of Ramallah.",
        "Ramallah",
        id="the_region_town_of_a_name_is_the_town",
    ),
    pytest.param(
        "The army launched an offensive in rural Damascus on Monday, targeting the village of Deir Khabiyeh.",
        "Deir Khabiyeh",
        id="the_countryside_of_a_town_ranks_after_a_village",
    ),
    pytest.param(
        "Rebels launched an assault on army positions in the Hama countryside on Monday, after failing to "
        "retake the village of Kafr Nabudah last week.",
        "Hama",
        id="a_place_in_another_happenings_clause_ranks_after_the_triggers_own",
    ),
    pytest.param(
        "A roadside bomb wounded four soldiers in a largely Kurdish village of Kirkuk province on Monday.",
        "Kirkuk",
        id="a_people_word_used_as_an_adjective_is_not_the_event_place",
    ),
    pytest.param(
        "In the ancient West Bank town of Jericho, soldiers shot dead a 20-year-old man on Monday.",
        "Jericho",
        id="an_adjective_does_not_hide_that_the_wider_place_is_named_first",
    ),
    pytest.param(
        "A suicide bomber killed six civilians in Nahrin District of Baghlan Province on Thursday.",
        "Nahrin District",
        id="a_district_of_a_province_keeps_its_type_word",
    ),
    pytest.param(
        "Gunmen loyal to Kismayo faction leader Ali Warsame attacked the town of Bulo Burde on Monday.",
        "Bulo Burde",
        id="a_faction_named_after_a_town_and_a_sites_name_are_not_where_it_happened[1]",
    ),
    pytest.param(
        "Police said nine of the wounded died at Mogadishu's Madina hospital on Friday.",
        "Mogadishu",
        id="a_faction_named_after_a_town_and_a_sites_name_are_not_where_it_happened[2]",
    ),
    pytest.param(
        "In Latehar, troops moved towards Tilaiya village where police clashed with the Maoists last week.",
        "Tilaiya",
        id="an_event_in_a_where_clause_happened_at_the_place_it_modifies",
    ),
    pytest.param(
        "A bomb exploded in a cricket field in the Ghazi Qala area of Ghazni city on Monday, killing two people.",
        "Ghazi Qala",
        id="an_unknown_name_before_area_or_sector_is_the_event_place[1]",
    ),
    pytest.param(
        "Three soldiers were wounded by mortar fire in the Nakial sector, 30 km south of Muzaffarabad.",
        "Nakial",
        id="an_unknown_name_before_area_or_sector_is_the_event_place[2]",
    ),
    pytest.param(
        "Troops were shot at near the villages of Khirbet Suda and Kafrnan in northern Homs on Monday.",
        "Khirbet Suda",
        id="a_list_of_villages_and_the_unknown_suburb_of_a_known_town[1]",
    ),
    pytest.param(
        "A journalist was shot and killed on Monday in the eastern Algiers suburb of Oued Kniss.",
        "Oued Kniss",
        id="a_list_of_villages_and_the_unknown_suburb_of_a_known_town[2]",
    ),
    pytest.param(
        "Angry residents of Mubingi commune outside Bujumbura captured a rebel fighter and beat him to death.",
        "Mubingi",
        id="a_place_outside_which_another_lies_is_a_point_of_reference",
    ),
    pytest.param(
        "The militant was captured by Afghan forces in late 2001 and flown to Guantanamo Bay a month later.",
        None,
        id="a_later_destination_is_not_where_the_event_happened",
    ),
    pytest.param(
        "Gunmen killed four farmers at Dogo Village in Borno State on Sunday.",
        "Dogo Village",
        id="a_capitalised_village_or_town_after_a_name_ends_a_place_name[1]",
    ),
    pytest.param(
        "Insurgents attacked Kilo Town in Borno State on Sunday, killing 12 villagers.",
        "Kilo",
        id="a_capitalised_village_or_town_after_a_name_ends_a_place_name[2]",
    ),
    pytest.param(
        "The farmer was arrested for stabbing his wife Georgia during a quarrel.",
        None,
        id="a_name_after_a_kinship_noun_is_a_person_not_a_place",
    ),
    pytest.param(
        "The journalist was abducted last week and is being held in Kandahar, officials said.",
        None,
        id="where_a_captive_is_held_afterwards_is_not_where_the_event_happened[1]",
    ),
    pytest.param(
        "Gunmen kidnapped the engineer in Kabul and held him in a house in Jalalabad for a month.",
        "Kabul",
        id="where_a_captive_is_held_afterwards_is_not_where_the_event_happened[2]",
    ),
    pytest.param(
        "Gunmen opened fire on a crowd outside his Freetown home on Friday, killing six people.",
        "Freetown",
        id="a_town_before_a_dwelling_noun_is_a_place_but_a_family_name_is_not[1]",
    ),
    pytest.param(
        "A fire engulfed the Abuja home of a former minister on Monday, killing eight people.",
        "Abuja",
        id="a_town_before_a_dwelling_noun_is_a_place_but_a_family_name_is_not[2]",
    ),
    pytest.param(
        "Right after Tanbour village, the army stormed and captured Surjah Kabira on Monday.",
        "Surjah Kabira",
        id="the_shared_object_of_storming_and_capturing_is_a_place",
    ),
    pytest.param(
        "Israeli troops in the Gaza Strip shelled houses in the town of Deir El-Balah on Monday.",
        "Deir El-Balah",
        id="a_name_the_text_calls_a_town_ranks_as_a_town",
    ),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_the_event_is_placed_where_the_rule_says(pipeline, text: str, place: str | None) -> None:
    assert event_place(pipeline, text) == place

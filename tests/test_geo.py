"""Toponym resolution on hand-written sentences: what a bare name usually means, and context."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from eventwire.export import geoparse_line
from eventwire.geo import find_places
from eventwire.geo.recognize import find_toponyms
from eventwire.model import Article, MentionRole
from factories import event_place


@pytest.fixture(scope="module")
def places(pipeline):
    nlp = pipeline.nlp
    gazetteer = nlp.get_pipe("eventwire_places").gazetteer

    def run(text: str, *names: str):
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if not name.startswith("eventwire"):
                doc = proc(doc)
        spans = [(text.index(n), text.index(n) + len(n)) for n in names]
        return [m.place for m in find_places(doc, gazetteer, given=spans)]

    return run


def test_a_demonym_given_as_a_place_is_its_country_not_a_namesake_town(places) -> None:
    [place] = places("Canadian officials met their counterparts on Monday.", "Canadian")
    assert place is not None and place.country_code == "CA" and place.feature_code.startswith("PCL")


def test_an_ocean_and_a_state_beat_small_namesake_towns(places) -> None:
    [pacific] = places("The typhoon formed over the Pacific on Monday.", "Pacific")
    assert pacific is not None and pacific.feature_code == "OCN"
    [kansas] = places("Wheat farmers in Kansas expect a poor harvest.", "Kansas")
    assert kansas is not None and kansas.feature_code == "ADM1" and kansas.country_code == "US"


def test_old_country_names_resolve(places) -> None:
    [zaire] = places("The outbreak began in Zaire in 1976.", "Zaire")
    assert zaire is not None and zaire.country_code == "CD"


def test_long_country_names_without_their_article_and_islands_lakes_and_ranges_resolve(places) -> None:
    text = "Aid reached the Democratic Republic of Congo, Java, Lake Victoria and the Hindu Kush."
    congo, java, victoria, kush = places(text, "Democratic Republic of Congo", "Java", "Lake Victoria", "Hindu Kush")
    assert congo is not None and congo.country_code == "CD"
    assert java is not None and java.feature_code == "ISL" and java.country_code == "ID"
    assert victoria is not None and victoria.feature_code == "LK"
    assert kush is not None and kush.feature_code == "MTS"


def test_titles_are_not_places_and_a_country_name_as_modifier_is_a_modifier_toponym(pipeline) -> None:
    text = "Mr. Brown met Sen. Carter on Monday. Troops returned to the U.S. after U.S. officials agreed."
    result = pipeline.process(Article(id="g", text=text))
    found = [(p.span.text, p.role, p.place.country_code if p.place else None) for p in result.places]
    assert not any(t in {"Mr.", "Sen."} for t, _, _ in found)
    us = [(role, code) for t, role, code in found if t == "U.S."]
    assert us == [(MentionRole.PLACE, "US"), (MentionRole.MODIFIER, "US")]  # the noun, then "U.S. officials"


def test_a_polity_word_inside_a_group_name_starts_no_place(pipeline) -> None:
    text = "Fighters of the Islamic State of Iraq and the Levant attacked a checkpoint near Ramadi on Monday."
    found = [m.span.text for m in pipeline.process(Article(id="g", text=text)).places]
    assert "State of Iraq" not in found and "Ramadi" in found


def test_the_object_of_a_verb_of_war_or_a_noun_of_attack_is_a_known_place(pipeline) -> None:
    text = (
        "Kurdish-led forces continued their advance on Manbij. Gunmen stormed Giza on Monday. "
        "Jets carried out airstrikes over Idlib. Rebels captured Manbij. Police said the capital, Sanaa, was calm."
    )
    found = [m.span.text for m in pipeline.process(Article(id="g", text=text)).places]
    assert found.count("Manbij") == 2 and {"Giza", "Idlib", "Sanaa"} <= set(found)


def test_names_listed_before_a_plural_settlement_noun_are_places(pipeline) -> None:
    text = "Gunmen raided Sibaya and Chiri villages in the district two weeks ago, killing at least 21 people."
    assert event_place(pipeline, text) == "Sibaya"
    text = "Car bombs hit several Kurdish neighbourhoods of the city on Monday, killing at least 18 people."
    assert event_place(pipeline, text) != "Kurdish"
    text = "Twenty people were killed in attacks on Akida village near the city of Maiduguri on Friday."
    assert event_place(pipeline, text) == "Akida"  # "Akida village" is governed by "on" through "village"


def test_a_place_inside_a_group_name_is_not_where_the_event_happened(pipeline) -> None:
    text = (
        "The rebels of Harakat Ahrar Al-Sham and Jabhat Fateh Al-Sham (formerly Al-Nusra Front) launched an "
        "offensive in the eastern countryside of Hama on Monday, targeting the village of Tal Sukkar."
    )
    events = [e for e in pipeline.process(Article(id="g", text=text)).events if e.sub_event_type is not None]
    assert events[0].location.place.admin1 == "Ḩamāh"  # not "Al-Sham", a name of Damascus


def _found(pipeline, text: str) -> dict[str, str | None]:
    result = pipeline.process(Article(id="g", text=text))
    return {p.span.text: p.place.country_code if p.place else None for p in result.places}


def test_names_that_begin_with_a_common_word_are_whole_places(pipeline) -> None:
    found = _found(pipeline, "Troops clashed in North Korea, South Sudan, New York and the West Bank.")
    assert found == {"North Korea": "KP", "South Sudan": "SS", "New York": "US", "West Bank": "PS"}


def test_a_settlement_cue_makes_an_unknown_name_a_place(pipeline) -> None:
    text = (
        "Gunmen attacked Doron-Baga, a community in Kukawa Local Government Area of Borno State. "
        "Fighting raged in the Homs neighbourhood of Baba Amr."
    )
    found = _found(pipeline, text)
    assert "Doron-Baga" in found and "Baba Amr" in found and "Baba" not in found


def test_a_short_all_capitals_word_is_an_organisation_not_a_namesake_village(pipeline) -> None:
    found = _found(pipeline, "Fighting raged in Homs on Monday, an NGO said. Talks were held in the UAE.")
    assert "NGO" not in found and found.get("UAE") == "AE"


def test_an_unknown_village_is_placed_in_the_area_named_after_it(pipeline) -> None:
    text = (
        "Gunmen attacked and killed 56 fishermen in Doron-Baga, "
        "a community in Kukawa Local Government Area of Borno State."
    )
    [event] = pipeline.process(Article(id="g", text=text)).events
    assert event.location is not None and event.location.evidence.span.text == "Doron-Baga"
    # the smallest area the text names: the Kukawa LGA (GeoNames has only its namesake seat), not Borno State
    assert event.location.place.name == "Kukawa" and event.location.evidence.rule == "fallback:town"


def test_a_place_nothing_can_place_is_kept_unresolved_and_exported_without_coordinates(pipeline, tmp_path) -> None:
    from eventwire import codec, export
    from eventwire.store import Store

    result = pipeline.process(Article(id="g", text="Gunmen attacked the village of Kafr Zeta, killing three."))
    [event] = result.events
    assert event.location is not None and event.location.place is None
    assert event.location.name == "Kafr Zeta" and event.location.evidence.rule == "event.unresolved_place"
    location = export.contract_event(event)["location"]
    assert location["name"] == "Kafr Zeta" and location["lat"] is None and location["geo_precision"] is None
    row = export.acled_row(event, result.article)
    assert row["location"] == "Kafr Zeta" and row["latitude"] == "" and row["geo_precision"] == ""
    assert export.geojson_feature(event, result.article) is None
    assert codec.from_dict(type(event), codec.to_dict(event)) == event
    with Store(tmp_path / "events.db") as store:
        store.save([result], pipeline_version="test")
        [stored] = list(store.events())
    assert stored.event == event


def test_a_name_modifying_a_group_noun_is_no_place(pipeline) -> None:
    found = _found(pipeline, "M23 rebels took control of the town of Rutshuru on Wednesday.")
    assert "M23" not in found and "Rutshuru" in found


def test_a_named_site_places_the_event_and_a_generic_prefix_does_not_cut_a_name(pipeline) -> None:
    text = "Militants launched an assault at the outskirts of the Kuweires Military Airport on Tuesday."
    [event] = pipeline.process(Article(id="g", text=text)).events
    assert event.location is not None and event.location.evidence.span.text == "Kuweires Military Airport"
    result = pipeline.process(Article(id="g", text=text + " Troops shelled rebels near Tal Dakwah."))
    roles = {p.span.text: p.role.value for p in result.places}
    assert roles.get("Kuweires Military Airport") == "facility" and roles.get("Tal Dakwah") == "place"
    assert "Tal" not in roles and "Tuesday" not in " ".join(roles)


def test_a_site_named_for_a_major_town_resolves_to_the_town(pipeline) -> None:
    text = "The army launched a new assault today on the Aleppo Technical College."
    [event] = pipeline.process(Article(id="g", text=text)).events
    assert event.location is not None and event.location.evidence.span.text == "Aleppo Technical College"
    assert event.location.place is not None and event.location.place.country_code == "SY"


def test_a_place_named_as_a_neighbour_does_not_hold_an_unknown_village(pipeline) -> None:
    text = "Sporadic clashes broke out between troops and rebels at Khirbet al-Joz on the border with Turkey."
    [event] = pipeline.process(Article(id="g", text=text)).events
    assert event.location is not None and event.location.evidence.span.text == "Khirbet al-Joz"
    assert event.location.place is None


def test_a_list_of_peers_is_no_container(places) -> None:
    # "Iraq, Iran" is a list of countries, not a town called Iraq in Iran
    iraq, _ = places("Flights were suspended to Iraq, Iran and Syria this week.", "Iraq", "Iran")
    assert iraq is not None and iraq.feature_code.startswith("PCL") and iraq.country_code == "IQ"
    illinois, _ = places("Storms hit farms in Kansas, Illinois, Missouri and Iowa.", "Illinois", "Missouri")
    assert illinois is not None and illinois.feature_code == "ADM1" and illinois.admin1_code == "IL"


def test_local_namesakes_agree_on_one_state_the_text_does_not_name(places) -> None:
    text = "The bus now stops in Montgomery, New Prague, Jordan and Le Center before it reaches Mankato."
    montgomery, *_ = places(text, "Montgomery", "New Prague", "Jordan", "Le Center", "Mankato")
    assert montgomery is not None and montgomery.country_code == "US" and montgomery.admin1_code == "MN"


def test_a_country_name_is_the_country_not_its_namesake_inside_it(places) -> None:
    mexico, _ = places("Tourism to Mexico fell sharply, officials in Mexico City said.", "Mexico", "Mexico City")
    assert mexico is not None and mexico.feature_code.startswith("PCL")


def test_first_level_areas_named_together_are_peers(places) -> None:
    _, wales = places("Fans from England and Wales travelled to the final.", "England", "Wales")
    assert wales is not None and wales.feature_code == "ADM1"


def test_an_ocean_is_not_foreign_to_a_one_country_article(places) -> None:
    text = "Crab boats from Oregon and Washington report that the Pacific is warming."
    *_, pacific = places(text, "Oregon", "Washington", "Pacific")
    assert pacific is not None and pacific.feature_code == "OCN"


def test_a_capital_among_countries_and_capitals_stands_for_its_country(places) -> None:
    text = "Envoys from Iran and Syria met officials in Ankara before flying on to Washington."
    *_, washington = places(text, "Iran", "Syria", "Ankara", "Washington")
    assert washington is not None and washington.feature_code == "PPLC"
    *_, state = places("Crab boats from Oregon and Washington report a warm season.", "Oregon", "Washington")
    assert state is not None and state.feature_code == "ADM1"


def test_a_word_the_article_uses_as_a_surname_is_the_person_unless_a_locative_places_it(pipeline) -> None:
    text = (
        "Detective Maria Lincoln led the search on Tuesday. Lincoln said the boy was found unharmed. "
        "Sgt. Fargo thanked the volunteers in Lincoln for their help."
    )
    found = [m.span.start for m in pipeline.process(Article(id="g", text=text)).places]
    assert found == [text.index("Lincoln for")]  # only "in Lincoln"; "Lincoln said" and "Sgt. Fargo" are people


def test_a_saint_names_a_place_not_a_person(pipeline) -> None:
    text = "Flights to St. Petersburg resumed on Monday, officials said."
    found = [m.span.text for m in pipeline.process(Article(id="g", text=text)).places]
    assert found == ["St. Petersburg"]


def test_a_county_and_a_town_that_lie_in_each_other_beat_larger_namesakes(places) -> None:
    text = "The burn ban for Walker County was lifted after the Huntsville fire chief met the Walker County judge."
    county, town = places(text, "Walker County", "Huntsville")
    assert county is not None and town is not None
    assert (county.admin1_code, town.admin1_code) == ("TX", "TX") and town.admin2_code == county.admin2_code


def test_an_area_named_inverted_with_its_type_word_answers_to_its_bare_name(places) -> None:
    [dagestan] = places("Gunmen attacked a police post in Dagestan on Monday.", "Dagestan")
    assert dagestan is not None and dagestan.feature_code == "ADM1" and dagestan.country_code == "RU"


def test_a_function_word_opening_a_sentence_and_a_country_before_its_army_are_not_event_places(pipeline) -> None:
    text = "In villages near the border, the Indonesia military burned down entire neighbourhoods."
    found = {m.span.text: m.role for m in pipeline.process(Article(id="g", text=text)).places}
    assert "In" not in found and found.get("Indonesia") is MentionRole.MODIFIER
    assert event_place(pipeline, text) is None


def test_an_inner_article_written_joined_and_a_nigerian_lga_name_the_place(pipeline) -> None:
    text = "Fighters were killed in Deir Ezzor on Sunday, and 30 people were killed in Logo LGA on Monday."
    found = {m.span.text: m.place for m in pipeline.process(Article(id="g", text=text)).places}
    assert found["Deir Ezzor"] is not None and found["Deir Ezzor"].country_code == "SY"
    logo = found["Logo LGA"]
    assert logo is not None and (logo.country_code, logo.feature_code) == ("NG", "ADM2")


def test_a_dateline_after_a_headline_is_the_filing_place_and_a_town_before_its_people_is_a_place(pipeline) -> None:
    text = (
        "Sanford rejects aid after second rebuff. COLUMBIA --- Gov. Mark Sanford said Friday he won't take it. "
        "A Coral Gables man was charged. NOTICE: the office is closed. Many women agreed."
    )
    found = {m.span.text: m.role for m in pipeline.process(Article(id="g", text=text)).places}
    assert found == {"COLUMBIA": MentionRole.DATELINE, "Coral Gables": MentionRole.PLACE}


def test_a_list_names_places_of_one_rank_and_country(places) -> None:
    text = (
        "Cases were reported in Arizona, California, New Jersey, New York, Ohio, Oregon, Utah and Wisconsin. "
        "In Canada they occurred in British Columbia, Alberta, Manitoba, Ontario and New Brunswick."
    )
    ontario, brunswick = places(text, "Ontario", "New Brunswick")
    assert ontario is not None and (ontario.country_code, ontario.feature_code) == ("CA", "ADM1")
    assert brunswick is not None and (brunswick.country_code, brunswick.feature_code) == ("CA", "ADM1")


def test_a_first_level_areas_bare_name_is_the_big_town_of_its_name(places) -> None:
    for text, name in (
        ("Fighting continued in Aleppo on Monday.", "Aleppo"),
        ("A bomb exploded in Kandahar on Monday.", "Kandahar"),
        ("Pilgrims arrived in Mecca on Monday.", "Mecca"),
    ):
        [place] = places(text, name)
        assert place is not None and place.feature_class == "P", (name, place)
    [province] = places("Fighting raged across Aleppo province.", "Aleppo province")
    assert province is not None and province.feature_code == "ADM1"
    # the city's own name is "New York City": the bare name is the state
    [state] = places("Snow closed schools across New York on Monday.", "New York")
    assert state is not None and state.feature_code == "ADM1"


def test_a_place_named_twice_is_no_namesake_support_for_itself(places) -> None:
    text = "MOUNT GILEAD (AP) -- The court closed. In Youngstown, police cut jobs. Mount Gilead is near Mansfield."
    gilead, youngstown, _, mansfield = places(text, "MOUNT GILEAD", "Youngstown", "Mount Gilead", "Mansfield")
    assert youngstown is not None and youngstown.name == "Youngstown" and youngstown.admin1 == "Ohio"
    assert gilead is not None and mansfield is not None and mansfield.admin1 == "Ohio"


def test_a_towns_name_before_its_institutions_noun_is_a_modifier_and_said_is_no_title(pipeline) -> None:
    text = (
        "Floods hit Fargo on Monday. Fargo police closed roads, said Fargo City Commissioner Tim Mahoney. "
        "Fargo raised its goal. Johnson police said little."
    )
    found = [(m.span.text, m.role) for m in pipeline.process(Article(id="g", text=text)).places]
    assert ("Fargo", MentionRole.MODIFIER) in found  # "Fargo police"
    assert found.count(("Fargo", MentionRole.PLACE)) >= 2  # "said Fargo City ..." made no surname of it
    assert not any(name == "Johnson" for name, _ in found)


def test_breakaway_regions_unions_and_former_states_resolve(places) -> None:
    text = "Talks on South Ossetia, Nagorno-Karabakh and the former Soviet Union involved the European Union."
    ossetia, karabakh, soviet, union = places(
        text, "South Ossetia", "Nagorno-Karabakh", "Soviet Union", "European Union"
    )
    assert ossetia is not None and ossetia.country_code == "GE"
    assert karabakh is not None and karabakh.country_code == "AZ"
    assert soviet is not None and soviet.feature_code == "PCLH"
    assert union is not None and union.name == "European Union"


def test_a_word_for_the_people_of_a_region_given_as_a_place_is_the_region(places) -> None:
    text = "South Ossetian officials, Dagestani police and Ontarians disagreed."
    ossetia, dagestan, ontario = places(text, "South Ossetian", "Dagestani", "Ontarians")
    assert ossetia is not None and ossetia.name == "South Ossetia"
    assert dagestan is not None and (dagestan.country_code, dagestan.feature_code) == ("RU", "ADM1")
    assert ontario is not None and (ontario.country_code, ontario.feature_code) == ("CA", "ADM1")


def test_a_street_is_an_unresolved_toponym_not_the_town_it_is_named_after(pipeline) -> None:
    text = "A body was found on Francis Street in Charleston. Darryl Warden, 44, of 2517 Memphis St. was arrested."
    found = {m.span.text: (m.role, m.place) for m in pipeline.process(Article(id="g", text=text)).places}
    assert found["Francis Street"] == (MentionRole.FACILITY, None)
    assert found["Memphis St."] == (MentionRole.FACILITY, None)
    assert "Memphis" not in found and "Francis" not in found
    line = geoparse_line(pipeline.process(Article(id="g", text=text)))
    assert {"Francis Street", "Memphis St.", "Charleston"} <= {p["text"] for p in line["places"]}


def test_names_before_a_plural_county_noun_are_counties_and_a_street_needs_no_cue(pipeline) -> None:
    text = "Freeman Drive is closed. Collapses were reported in Harvey, Harper and Kingman counties of Kansas."
    found = {m.span.text: m.place for m in pipeline.process(Article(id="g", text=text)).places}
    assert "Freeman Drive" in found
    for name in ("Harvey", "Harper", "Kingman"):
        place = found[name]
        assert place is not None and (place.feature_code, place.admin1) == ("ADM2", "Kansas"), name


def test_holidays_and_compass_words_are_no_places(pipeline) -> None:
    text = (
        "St. Patrick's Day is a time for fun. Passover traditions spread. Most Northeast Georgia schools "
        "closed. The Lincoln Day Dinner was held in Lincoln, Nebraska."
    )
    found = {m.span.text for m in pipeline.process(Article(id="g", text=text)).places}
    assert found == {"Georgia", "Lincoln", "Nebraska"}


def test_an_unknown_name_only_the_model_calls_a_place_must_read_as_a_proper_noun(pipeline) -> None:
    nlp = pipeline.nlp
    gazetteer = nlp.get_pipe("eventwire_places").gazetteer
    doc = nlp("Lastly, troops reached Qaryat Zorba on Monday.")
    doc.ents = [SpacySpan(doc, 0, 1, label="GPE"), SpacySpan(doc, 4, 6, label="GPE")]  # as the small model may
    assert [t.text for t in find_toponyms(doc, gazetteer)] == ["Qaryat Zorba"]


def test_a_disease_named_for_a_place_is_no_place_and_in_victoria_is_one(pipeline) -> None:
    text = (
        "The United States Department of Agriculture said West Nile virus and Marburg virus cases rose in "
        "Victoria, Australia. Victoria Beckham and Health Secretary Gerald Gwinji spoke."
    )
    found = {m.span.text: (m.role, m.place.feature_code if m.place else None) for m in _result(pipeline, text)}
    assert found == {
        "United States": (MentionRole.MODIFIER, "PCLI"),  # not "United States Department"
        "Victoria": (MentionRole.PLACE, "ADM1"),
        "Australia": (MentionRole.PLACE, "PCLI"),
    }


def test_a_known_name_listed_with_a_place_is_a_place_whatever_the_model_calls_it(pipeline) -> None:
    found = {m.span.text for m in _result(pipeline, "Fighting spread to Juba and Malakal on Monday.")}
    assert found == {"Juba", "Malakal"}


def _result(pipeline, text: str):
    return pipeline.process(Article(id="g", text=text)).places


def test_a_state_abbreviation_after_a_comma_is_the_container_not_a_list_mate(places) -> None:
    text = "People came from as far as Texas and Washington, D.C., to eat his fish."
    _, washington, _ = places(text, "Texas", "Washington", "D.C.")
    assert washington is not None and washington.feature_code == "PPLC"


def test_a_province_or_region_named_so_is_no_county_of_the_name(places) -> None:
    text = "Buffalo, New York may take women from the province of Ontario, near Toronto, Canada."
    [ontario] = places(text, "Ontario")
    assert ontario is not None and (ontario.country_code, ontario.feature_code) == ("CA", "ADM1")


def test_an_armed_force_that_managed_to_enter_a_place_reports_the_movement_there(pipeline) -> None:
    text = "The army's 42nd Brigade managed to enter the Wadi Zarqa area on Monday after breaking through rebel lines."
    events = pipeline.process(Article(id="g", text=text)).events
    assert [(e.trigger.text, e.location.evidence.span.text) for e in events] == [("enter", "Wadi Zarqa")]


def test_a_country_owning_its_coast_is_where_the_patrol_is(pipeline) -> None:
    text = "Navy boats patrolled Sri Lanka's west coast on Monday to stop rebels ferrying arms."
    events = pipeline.process(Article(id="g", text=text)).events
    assert [e.location.evidence.span.text for e in events if e.location is not None] == ["Sri Lanka"]


def test_an_armed_force_continuing_its_advance_reports_the_movement_there(pipeline) -> None:
    text = "On Tuesday, the army's 102nd Brigade continued their advance around the Jandoul Roundabout."
    events = pipeline.process(Article(id="g", text=text)).events
    assert [(e.trigger.text, e.location.evidence.span.text) for e in events] == [("advance", "Jandoul Roundabout")]
    assert not pipeline.process(Article(id="g", text="The company continued its advance into new markets.")).events


def test_former_provinces_that_news_archives_name_resolve(places) -> None:
    text = "Cholera spread from Nyanza Province to the Rift Valley and to Katanga."
    nyanza, rift, katanga = places(text, "Nyanza Province", "Rift Valley", "Katanga")
    assert nyanza is not None and (nyanza.country_code, nyanza.feature_code) == ("KE", "ADM1H")
    assert rift is not None and rift.country_code == "KE"
    assert katanga is not None and katanga.country_code == "CD"

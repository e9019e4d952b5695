"""Event detection, typing, counts and actors on small hand-written reports (not the golden corpus)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.numbers import parse_number
from eventwire.model import Article, CountKind, Inter, SubEventType

S = SubEventType

PUBLISHED = date(2026, 3, 6)


@pytest.fixture(scope="module")
def extract(pipeline):
    def run(text: str, title: str | None = None):
        return pipeline.process(Article(id="t", text=text, title=title, published=PUBLISHED)).events

    return run


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "KABUL, March 6 - A roadside bomb hit a police vehicle in Khost on Thursday, killing three officers.",
            SubEventType.REMOTE_EXPLOSIVE,
        ),
        (
            "Warplanes struck a market in Idlib on Wednesday, killing nine civilians, rescuers said.",
            SubEventType.AIR_DRONE_STRIKE,
        ),
        ("Troops clashed with militants near Djibo on Tuesday, leaving four soldiers dead.", SubEventType.ARMED_CLASH),
        ("Gunmen killed five villagers in a night raid on a village in Zamfara state.", SubEventType.ATTACK),
        (
            "Police fired tear gas to disperse hundreds of traders protesting in Harare on Monday.",
            SubEventType.PROTEST_WITH_INTERVENTION,
        ),
        (
            "Thousands of teachers marched peacefully through Nairobi on Friday to demand higher pay.",
            SubEventType.PEACEFUL_PROTEST,
        ),
        (
            "Rioters torched a police post and hurled stones at officers in Kisumu on Sunday.",
            SubEventType.VIOLENT_DEMONSTRATION,
        ),
        ("Gunmen abducted 20 passengers from a bus near Kachia on Sunday, police said.", SubEventType.ABDUCTION),
        ("The two sides signed a ceasefire agreement in Juba on Friday.", SubEventType.AGREEMENT),
        (
            "Rebels took control of the town of Rutshuru on Wednesday after troops withdrew.",
            SubEventType.NON_STATE_OVERTAKES_TERRITORY,
        ),
        # ACLED precedence inside protests: violent demonstrators make a violent demonstration whatever the police
        # did; a violently suppressed peaceful protest is excessive force
        (
            "Police fired tear gas at protesters who hurled rocks at officers in Lusaka on Monday.",
            SubEventType.VIOLENT_DEMONSTRATION,
        ),
        (
            "Security forces violently dispersed a peaceful protest by students in Conakry on Tuesday.",
            SubEventType.EXCESSIVE_FORCE,
        ),
        (
            "Students who held a non-violent demonstration in Accra were dispersed by police.",
            S.PROTEST_WITH_INTERVENTION,
        ),
        # who takes the place decides between the two territory sub-types, whatever the verb
        ("Government troops captured the town of Kidal from the rebels on Friday.", S.GOV_REGAINS_TERRITORY),
        ("Rebel fighters recaptured the village of Mora from the army on Friday.", S.NON_STATE_OVERTAKES_TERRITORY),
        (
            "Militia fighters entered the town without a fight on Sunday after soldiers pulled out.",
            S.NON_VIOLENT_TERRITORY_TRANSFER,
        ),
        ("The army has established a new military observation point near the border town.", S.HQ_ESTABLISHED),
        ("Police captured 40 rifles and two grenades in a raid on a warehouse in Mombasa.", S.DISRUPTED_WEAPONS_USE),
        ("Jets destroyed an arms depot of the rebels near Kidal on Monday.", S.AIR_DRONE_STRIKE),
        # violence by a crowd or civilian groups with no armed group among them is ACLED's mob violence
        ("Residents beat a suspected thief with sticks in Kisii on Monday.", S.MOB_VIOLENCE),
        ("Two groups of villagers clashed with machetes over farmland in Kasai on Sunday.", S.MOB_VIOLENCE),
        ("Gunmen shot dead a trader in Kano on Monday.", S.ATTACK),
        # the cause named in "after ..." / "following ..." is the backdrop, not the news
        ("Settlers set fire to a shop in Hebron following the killing of a man on Sunday.", S.LOOTING),
        # who is hit: police shot are a battle, an off-duty policeman is a civilian, crossfire stays a clash
        ("Two policemen were shot and wounded by gunmen at a checkpoint in Kano on Monday.", S.ARMED_CLASH),
        ("Gunmen shot dead an off-duty police officer outside his home in Kano on Monday.", S.ATTACK),
        ("Two civilians were killed in crossfire during clashes between rival militias in Sirte.", S.ARMED_CLASH),
        # a dateline is not the lead: the news starts after it
        (
            "GAROWE, June 2 (Wire) -- Two traders were killed in attacks in Galkayo, police said. "
            "A trader was killed and another wounded in a grenade attack late Monday near the market.",
            S.GRENADE,
        ),
        # what an "after" clause says happened did happen, whatever the mood of the verb above it; and it is the
        # occasion of the news, not the news
        ("The governor vowed justice after five herders were murdered by bandits on Sunday.", S.ATTACK),
        (
            "Rebel fighters will push on to Kume after seizing the town of Bira from the army.",
            S.NON_STATE_OVERTAKES_TERRITORY,
        ),
        (
            "Troops recovered control of three villages from insurgents who withdrew following heavy artillery "
            "bombardment, monitors said.",
            S.GOV_REGAINS_TERRITORY,
        ),
        (
            "A day after police detained dozens of marchers, the party said two of its officials had been abducted.",
            S.ABDUCTION,
        ),
        ("Clashes broke out in Hebron after soldiers attacked a peaceful protest on Friday.", S.VIOLENT_DEMONSTRATION),
        # soldiers who capture a town and march on are no protesters; villagers who clash are a mob
        (
            "Government troops captured the town and marched into the nearby villages on Monday.",
            S.GOV_REGAINS_TERRITORY,
        ),
        ("A farmer was killed as villagers clashed with sticks over grazing land in Kasai.", S.MOB_VIOLENCE),
        # artillery with small arms is a battle; beside an offensive or clashes in an adverbial it is shelling
        ("Rebel forces fired mortars and small arms at army positions near the town.", S.ARMED_CLASH),
        ("Artillery shelled rebel villages near Ganja as border clashes entered a third day.", S.SHELLING),
        (
            "Rockets fired from across the border killed two people in Bunagana, as the army continues its "
            "offensive against the rebels.",
            S.SHELLING,
        ),
        # "gunmen" names who, not what was done; "any possible attack" has not happened
        ("A senior commander of the militia gunmen defected to the army along with his fighters.", S.CHANGE_TO_GROUP),
        # "people" say nothing of who was hit; a "by" phrase and "police said" are not the victims
        (
            "At least nine people were killed and two wounded, officials said, when rebels attacked a police post.",
            S.ARMED_CLASH,
        ),
        ("Six persons were confirmed dead by the police after gunmen raided a farming settlement.", S.ATTACK),
        # wording a coder would list
        ("Attackers set off suicide bombs outside a hotel in the capital on Friday.", S.SUICIDE_BOMB),
        ("Students staged a die-in outside the ministry on Monday.", S.PEACEFUL_PROTEST),
        (
            "Rebel fighters gained ground inside the northern districts of the city on Monday.",
            S.NON_STATE_OVERTAKES_TERRITORY,
        ),
        ("Separatists blew up a railway bridge near the town on Sunday.", S.REMOTE_EXPLOSIVE),
        ("The army drove the insurgents back from three villages near the lake on Sunday.", S.GOV_REGAINS_TERRITORY),
        (
            "Government troops took the town of Moro without any armed clashes on Friday.",
            S.NON_VIOLENT_TERRITORY_TRANSFER,
        ),
        ("The two armies carried out an exchange of prisoners at the border crossing on Sunday.", S.AGREEMENT),
        ("A new militia unit has been set up by tribal leaders in the province.", S.CHANGE_TO_GROUP),
        # a bomb that blows up while soldiers try to defuse it went off; a disaster word in a unit's name is no disaster
        (
            "Four soldiers were killed when a bomb blew up as they were trying to defuse it near Kandahar.",
            S.REMOTE_EXPLOSIVE,
        ),
        ("A soldier of the Storm Brigade was killed in a blast near the border on Monday.", S.REMOTE_EXPLOSIVE),
        # a protest that descends into violence is a violent demonstration; one that denounces violence is not;
        # deaths in a crackdown on a protest are excessive force
        (
            "Police fired tear gas at marchers in Bulawayo as the rally descended into one of the worst outbreaks of "
            "violence in years.",
            S.VIOLENT_DEMONSTRATION,
        ),
        ("Hundreds of farmers marched in Kisumu on Monday to condemn violence against herders.", S.PEACEFUL_PROTEST),
        ("Two students died in a protest crackdown in Lima on Saturday.", S.EXCESSIVE_FORCE),
        # a battle in which a side takes a place is coded by the territory; a takeover after bombing is no strike
        (
            "Troops advanced into the rebel-held valley on Tuesday, clashing with insurgents and capturing a village "
            "on its edge, in an offensive that had previously involved air strikes.",
            S.GOV_REGAINS_TERRITORY,
        ),
        # militants driven from a place in a battle with state forces lost it to them
        (
            "The militants were pushed back from their strongholds in the hills. Dozens of militants were killed in "
            "a battle with government forces.",
            S.GOV_REGAINS_TERRITORY,
        ),
        ("Monitoring Desk. BOSASO. Elders said that nine drivers were kidnapped by militants on Monday.", S.ABDUCTION),
        # a date inside a pattern's gap does not void it; a place "under the control of" a group was not taken
        ("Soldiers have established today a new military post near the border crossing.", S.HQ_ESTABLISHED),
        (
            "The army established a new military base near the town of Kalo, which is under the control of rebels.",
            S.HQ_ESTABLISHED,
        ),
    ],
)
def test_sub_event_types(extract, text: str, sub: SubEventType) -> None:
    events = extract(text)
    assert [e.sub_event_type for e in events if not e.historical and not e.is_verbal] == [sub]


def test_planned_denied_and_unrelated_reports_are_not_events(extract) -> None:
    assert extract("The opposition plans to hold a rally in Kampala next week.") == ()
    assert extract("The central bank held its lending rate at 9.5% on Tuesday.") == ()
    assert extract("Floods killed 12 people in the region on Monday, officials said.") == ()


def test_mentions_are_the_acts_not_the_weapons_or_doers(extract) -> None:
    text = (
        "A car bomb exploded at a market in Kabul on Monday, killing 12 people. "
        "Gunmen then opened fire on the crowd, and the blast wounded 20 others, police said."
    )
    events = [e for e in extract(text) if not e.is_verbal]
    # the trigger is always among them; "Gunmen" names doers and is left out
    assert events[0].trigger.text == "car bomb"
    assert [m.span.text for m in events[0].mentions] == [
        "car bomb",
        "exploded",
        "killing",
        "opened fire",
        "blast",
        "wounded",
    ]


def test_a_negation_stops_at_its_own_clause(extract) -> None:
    assert extract("The army did not attack the village of Kafr Dael on Monday.") == ()
    text = "Calm did not last long, as rebels launched an assault on army positions in Kafr Dael, killing two."
    assert [e.sub_event_type for e in extract(text) if not e.is_verbal] == [SubEventType.ARMED_CLASH]


def test_a_semicolon_ends_the_statement_a_later_negation_is_about(extract) -> None:
    text = "Rebels say their fighters captured the hill on Monday; however, this has not been confirmed."
    assert [e.sub_event_type for e in extract(text) if not e.is_verbal] == [SubEventType.NON_STATE_OVERTAKES_TERRITORY]


def test_striking_reports_an_attack_only_with_armed_doers(extract) -> None:
    text = "Government warplanes flew sorties over the province on Monday, striking insurgent targets near the town."
    assert [e for e in extract(text) if not e.is_verbal]
    assert [
        e for e in extract("Thousands of striking nurses rallied outside parliament.") if e.trigger.text == "striking"
    ] == []


def test_weapons_platforms_with_a_demonym_are_that_state_s_forces(extract) -> None:
    text = "Israeli tanks shelled a residential building in the town of Deir al-Balah on Wednesday."
    assert [e.actor1.name for e in extract(text) if not e.is_verbal] == ["Military Forces of Israel"]


def test_a_progressive_storming_is_a_clash(extract) -> None:
    events = extract("Rebel fighters are storming the army checkpoints outside the town on Monday.")
    assert [e.sub_event_type for e in events if not e.is_verbal] == [SubEventType.ARMED_CLASH]


def test_an_old_event_is_historical_with_its_own_date(extract) -> None:
    events = extract("A court on Tuesday sentenced a man over a market bombing in 2019 that killed 20 people.")
    old = [e for e in events if not e.is_verbal]
    assert [e.historical for e in old] == [True]
    assert old[0].date.value.year == 2019
    # the sentence itself is this week's news, in PLOVER's terms a coercive act
    assert [(e.plover.event, e.historical) for e in events if e.is_verbal] == [("COERCE", False)]


def test_a_separate_story_is_a_second_event(extract) -> None:
    text = (
        "Militants attacked an army base in Monguno on Saturday, killing five soldiers. "
        "Separately, gunmen abducted 30 villagers in Maru on Sunday, residents said."
    )
    subs = [e.sub_event_type for e in extract(text)]
    assert subs == [SubEventType.ARMED_CLASH, SubEventType.ABDUCTION]


def test_fatalities_follow_acled_lowest_report_and_keep_the_range(extract) -> None:
    text = (
        "An air strike on a house in Idlib killed at least 12 people on Thursday, residents said. "
        "Rescue workers said later that they had pulled 14 bodies from the rubble. "
        "Among the dead were three children, a doctor said."
    )
    (event,) = extract(text)
    assert (event.fatalities.value, event.fatalities.high) == (12, 14)
    claims = {c.evidence.span.text: c for c in event.counts}
    assert claims["at least 12"].claimant.text == "residents"
    assert claims["three"].qualifier == "part of total"  # children inside the total are not added


def test_figures_in_words_and_vague_quantities_name_their_rule() -> None:
    assert parse_number("twenty-one") == (21, None)
    assert parse_number("dozens") == (12, "count.vague:dozens=12")
    assert parse_number("hundreds") == (100, "count.vague:hundreds=100")
    assert parse_number("1,200") == (1200, None)


def test_injuries_and_kills_in_one_sentence(extract) -> None:
    (event,) = extract("Russian shelling killed two civilians and wounded seven others in Kherson on Sunday.")
    assert event.fatalities.value == 2 and event.injuries.value == 7
    assert {c.kind for c in event.counts} == {CountKind.KILLED, CountKind.INJURED}


def test_actors_state_forces_abroad_named_groups_and_victims(extract) -> None:
    (event,) = extract("Russian shelling killed two civilians in Kherson, Ukraine, on Sunday.")
    assert event.actor1.name == "Military Forces of Russia" and event.actor1.inter is Inter.EXTERNAL_OTHER
    assert event.actor2.name == "Civilians (Ukraine)" and event.civilian_targeting
    (event,) = extract("Suspected al Shabaab militants ambushed a bus near Mandera, Kenya, killing four passengers.")
    assert event.actor1.name == "Al Shabaab" and event.actor1.inter is Inter.REBEL_GROUP
    assert event.sub_event_type is SubEventType.ATTACK


def test_unnamed_perpetrators_and_protesters_follow_acled_conventions(extract) -> None:
    (event,) = extract("A roadside bomb exploded near a market in Kandahar, Afghanistan, on Monday.")
    assert event.actor1.name == "Unidentified Armed Group (Afghanistan)" and event.actor1.evidence.rule
    (event,) = extract("Hundreds marched through Nairobi, Kenya, on Friday to protest against a new tax.")
    assert event.actor1.name == "Protesters (Kenya)" and event.actor1.inter is Inter.PROTESTERS


def test_a_single_victim_named_in_the_singular_counts_one(extract) -> None:
    (event,) = extract("Gunmen shot dead a police officer in Kabul, Afghanistan, on Monday, police said.")
    assert event.fatalities.value == 1
    assert event.counts[0].evidence.rule == "count.singular_victim"


def test_verbal_readings_that_do_not_bury_the_event(extract) -> None:
    # welcoming a ceasefire says there is one; pushing one's way into a town is no demand
    events = sorted(
        extract("The union welcomed the ceasefire agreed by the two parties in Juba."), key=lambda e: -e.confidence
    )
    assert events[0].sub_event_type is S.AGREEMENT
    events = extract("Troops pushed their way into the rebel-held town on Monday, capturing a village nearby.")
    assert all(e.plover.event != "DEMAND" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "A drone filmed the flooded villages along the river on Monday.",  # a drone that only flies
        "Firefighters gained ground in their battle against the wildfires on Monday.",  # not a takeover
        "The truce monitors arrived in the capital on Monday.",  # a truce named as a modifier
        "The National Liberation Front held its congress in the capital on Monday.",  # a cue inside a name
        "Troops marched through the capital on Independence Day.",  # soldiers marching are not protesters
    ],
)
def test_words_that_report_no_event(extract, text: str) -> None:
    assert [e.sub_event_type for e in extract(text) if not e.historical and not e.is_verbal] == []


def test_an_old_date_in_a_recent_sentence_dates_only_what_it_governs(extract) -> None:
    text = "On Monday, police dispersed protesters at the square where they had camped since October 17."
    assert [e.historical for e in extract(text) if not e.is_verbal] == [False]

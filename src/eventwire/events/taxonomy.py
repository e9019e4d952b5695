"""ACLED's event taxonomy (6 types, 25 sub-types, disorder types) and the default PLOVER mapping."""

from __future__ import annotations

from eventwire.model import DisorderType, EventType, Plover, SubEventType

S = SubEventType

EVENT_TYPE_OF: dict[SubEventType, EventType] = {
    S.ARMED_CLASH: EventType.BATTLES,
    S.GOV_REGAINS_TERRITORY: EventType.BATTLES,
    S.NON_STATE_OVERTAKES_TERRITORY: EventType.BATTLES,
    S.CHEMICAL_WEAPON: EventType.EXPLOSIONS,
    S.AIR_DRONE_STRIKE: EventType.EXPLOSIONS,
    S.SUICIDE_BOMB: EventType.EXPLOSIONS,
    S.SHELLING: EventType.EXPLOSIONS,
    S.REMOTE_EXPLOSIVE: EventType.EXPLOSIONS,
    S.GRENADE: EventType.EXPLOSIONS,
    S.SEXUAL_VIOLENCE: EventType.VIOLENCE_AGAINST_CIVILIANS,
    S.ATTACK: EventType.VIOLENCE_AGAINST_CIVILIANS,
    S.ABDUCTION: EventType.VIOLENCE_AGAINST_CIVILIANS,
    S.PEACEFUL_PROTEST: EventType.PROTESTS,
    S.PROTEST_WITH_INTERVENTION: EventType.PROTESTS,
    S.EXCESSIVE_FORCE: EventType.PROTESTS,
    S.VIOLENT_DEMONSTRATION: EventType.RIOTS,
    S.MOB_VIOLENCE: EventType.RIOTS,
    S.AGREEMENT: EventType.STRATEGIC,
    S.ARRESTS: EventType.STRATEGIC,
    S.CHANGE_TO_GROUP: EventType.STRATEGIC,
    S.DISRUPTED_WEAPONS_USE: EventType.STRATEGIC,
    S.HQ_ESTABLISHED: EventType.STRATEGIC,
    S.LOOTING: EventType.STRATEGIC,
    S.NON_VIOLENT_TERRITORY_TRANSFER: EventType.STRATEGIC,
    S.OTHER: EventType.STRATEGIC,
}

DISORDER_TYPE_OF: dict[EventType, DisorderType] = {
    EventType.BATTLES: DisorderType.POLITICAL_VIOLENCE,
    EventType.EXPLOSIONS: DisorderType.POLITICAL_VIOLENCE,
    EventType.VIOLENCE_AGAINST_CIVILIANS: DisorderType.POLITICAL_VIOLENCE,
    EventType.RIOTS: DisorderType.POLITICAL_VIOLENCE,
    EventType.PROTESTS: DisorderType.DEMONSTRATIONS,
    EventType.STRATEGIC: DisorderType.STRATEGIC,
}

# PLOVER event type and mode for each ACLED sub-type: the default when no more specific evidence exists.
PLOVER_OF: dict[SubEventType, Plover] = {
    S.ARMED_CLASH: Plover("FIGHT", "small-arms"),
    S.GOV_REGAINS_TERRITORY: Plover("FIGHT", "occupy"),
    S.NON_STATE_OVERTAKES_TERRITORY: Plover("FIGHT", "occupy"),
    S.CHEMICAL_WEAPON: Plover("ASSAULT", "chemical-weapons"),
    S.AIR_DRONE_STRIKE: Plover("FIGHT", "aerial"),
    S.SUICIDE_BOMB: Plover("ASSAULT", "suicide-attack"),
    S.SHELLING: Plover("FIGHT", "artillery"),
    S.REMOTE_EXPLOSIVE: Plover("ASSAULT", "explosives"),
    S.GRENADE: Plover("ASSAULT", "explosives"),
    S.SEXUAL_VIOLENCE: Plover("ASSAULT", "sexual"),
    S.ATTACK: Plover("ASSAULT", "firearms"),
    S.ABDUCTION: Plover("ASSAULT", "abduct"),
    S.PEACEFUL_PROTEST: Plover("PROTEST", "demo"),
    S.PROTEST_WITH_INTERVENTION: Plover("PROTEST", "demo"),
    S.EXCESSIVE_FORCE: Plover("PROTEST", "demo"),
    S.VIOLENT_DEMONSTRATION: Plover("PROTEST", "riot"),
    S.MOB_VIOLENCE: Plover("PROTEST", "riot"),
    S.AGREEMENT: Plover("AGREE"),
    S.ARRESTS: Plover("COERCE", "arrest"),
    S.CHANGE_TO_GROUP: Plover("CHANGE"),
    S.DISRUPTED_WEAPONS_USE: Plover("COERCE", "seize"),
    S.HQ_ESTABLISHED: Plover("MOBILIZE"),
    S.LOOTING: Plover("COERCE", "destroy"),
    S.NON_VIOLENT_TERRITORY_TRANSFER: Plover("CONCEDE"),
    S.OTHER: Plover("OTHER"),
}


# "Change to group/activity" has no one PLOVER counterpart: what changed decides (keys are cue words).
_CHANGE_PLOVER = {
    "curfew": Plover("COERCE", "restrict"),
    "state of emergency": Plover("COERCE", "restrict"),
    "martial law": Plover("COERCE", "restrict"),
    "besieged": Plover("FIGHT", "besiege"),
    "besieging": Plover("FIGHT", "besiege"),
    "laid siege": Plover("FIGHT", "besiege"),
    "encircled": Plover("FIGHT", "besiege"),
    "recruited": Plover("MOBILIZE"),
    "recruitment": Plover("MOBILIZE"),
    "recruiting": Plover("MOBILIZE"),
}


def plover_of(sub: SubEventType, cue: str) -> Plover:
    """The PLOVER type of an ACLED event: the sub-type's default, refined by the cue where the sub-type
    covers several PLOVER types."""
    if sub is SubEventType.CHANGE_TO_GROUP:
        return _CHANGE_PLOVER.get(cue.lower(), PLOVER_OF[sub])
    return PLOVER_OF[sub]


def event_type_of(sub: SubEventType) -> EventType:
    return EVENT_TYPE_OF[sub]


def disorder_type_of(sub: SubEventType) -> DisorderType:
    return DISORDER_TYPE_OF[EVENT_TYPE_OF[sub]]

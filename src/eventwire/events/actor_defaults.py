"""ACLED-style names for generic actors, and what ACLED codes for each sub-type when the text names no one."""

from __future__ import annotations

from eventwire.geo.countries import display_country_name
from eventwire.model import Actor, Evidence, Inter, SubEventType

_STATE_KINDS = {"military": "Military Forces of {}", "police": "Police Forces of {}", "government": "Government of {}"}
_GROUP_KINDS = {
    "armed": ("Unidentified Armed Group ({})", Inter.POLITICAL_MILITIA),
    "communal": ("Unidentified Communal Militia ({})", Inter.IDENTITY_MILITIA),
    "civilians": ("Civilians ({})", Inter.CIVILIANS),
    "protesters": ("Protesters ({})", Inter.PROTESTERS),
    "rioters": ("Rioters ({})", Inter.RIOTERS),
    "private_security": ("Private Security Forces ({})", Inter.EXTERNAL_OTHER),
}
PROTESTS = frozenset([SubEventType.PEACEFUL_PROTEST, SubEventType.PROTEST_WITH_INTERVENTION])
VIOLENCE_AGAINST_CIVILIANS = frozenset([SubEventType.ATTACK, SubEventType.ABDUCTION, SubEventType.SEXUAL_VIOLENCE])
_REMOTE_UNIDENTIFIED = {SubEventType.SUICIDE_BOMB, SubEventType.REMOTE_EXPLOSIVE, SubEventType.GRENADE}


def named_actor(kind: str, country: str | None, evidence: Evidence, *, here: str | None = None) -> Actor:
    """The ACLED-style actor for a generic kind in a country; foreign state forces are external (inter 8)."""
    shown = display_country_name(country) if country else None
    if kind in _STATE_KINDS:
        name = _STATE_KINDS[kind].format(shown) if shown else _STATE_KINDS[kind].split(" of ")[0]
        foreign = kind != "government" and country is not None and here is not None and country != here
        return Actor(name, Inter.EXTERNAL_OTHER if foreign else Inter.STATE_FORCES, country, evidence)
    pattern, inter = _GROUP_KINDS[kind]
    name = pattern.format(shown) if shown else pattern.split(" (")[0]
    return Actor(name, inter, country, evidence)


def apply_defaults(
    actor1: Actor | None, actor2: Actor | None, sub: SubEventType | None, here: str | None
) -> tuple[Actor | None, Actor | None]:
    """What ACLED codes for each sub-type when the text names no one (rule-backed, no span)."""
    if sub is None:
        return actor1, actor2

    def default(kind: str) -> Actor:
        return named_actor(kind, here, Evidence(rule=f"actor.default:{sub.value}"), here=here)

    if sub in PROTESTS:
        if actor1 is None or actor1.inter not in (Inter.PROTESTERS,):
            if actor1 is not None and actor1.inter in (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER) and actor2 is None:
                actor2 = actor1
            actor1 = _as_kind(actor1, "protesters", here) if _crowd(actor1) else default("protesters")
        if sub is SubEventType.PEACEFUL_PROTEST:
            actor2 = None
        elif actor2 is None or actor2.inter not in (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER):
            actor2 = default("police")
    elif sub is SubEventType.EXCESSIVE_FORCE:
        if actor1 is None or actor1.inter not in (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER):
            actor1 = default("police")
        actor2 = _as_kind(actor2, "protesters", here) if _crowd(actor2) else default("protesters")
    elif sub in (SubEventType.VIOLENT_DEMONSTRATION, SubEventType.MOB_VIOLENCE):
        if actor1 is None or actor1.inter is not Inter.RIOTERS:
            if actor1 is not None and actor2 is None and not _crowd(actor1):
                actor2 = actor1
            actor1 = _as_kind(actor1, "rioters", here) if _crowd(actor1) else default("rioters")
        if sub is SubEventType.MOB_VIOLENCE and actor2 is None:
            actor2 = default("civilians")
    elif sub is SubEventType.ARRESTS:
        if actor1 is None or actor1.inter not in (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER):
            if actor1 is not None and actor2 is None:
                actor2 = actor1
            actor1 = default("police")
    elif sub in VIOLENCE_AGAINST_CIVILIANS:
        if actor1 is None or actor1.inter is Inter.CIVILIANS:
            actor1 = default("armed")
        if actor2 is None:
            actor2 = default("civilians")
    elif sub in _REMOTE_UNIDENTIFIED and actor1 is None:
        actor1 = default("armed")
    elif sub in (SubEventType.AIR_DRONE_STRIKE, SubEventType.SHELLING, SubEventType.GOV_REGAINS_TERRITORY):
        if actor1 is None:
            actor1 = default("military")
    elif sub is SubEventType.ARMED_CLASH:
        actor1, actor2 = _clash_sides(actor1, actor2, default)
    elif sub is SubEventType.AGREEMENT and actor1 is None:
        actor1 = default("government")
    elif sub is SubEventType.LOOTING:
        # unclaimed arson and vandalism: ACLED codes an unidentified armed group, and civilians own the property
        actor1 = actor1 or default("armed")
        actor2 = actor2 or default("civilians")
    return actor1, actor2


def _clash_sides(actor1: Actor | None, actor2: Actor | None, default) -> tuple[Actor | None, Actor | None]:
    """A clash has two armed sides: a lone non-state side was fighting the state."""
    state = (Inter.STATE_FORCES, Inter.EXTERNAL_OTHER)
    # a crowd in a clash is a side of a fight, not its victim: ACLED codes such fights between groups as rioters
    actor1 = _as_kind(actor1, "rioters", actor1.country) if _crowd(actor1) else actor1
    actor2 = _as_kind(actor2, "rioters", actor2.country) if _crowd(actor2) else actor2
    if actor1 is None and actor2 is not None:
        if actor2.inter in state:  # "police were shot": the shooters, unnamed, are the other side
            return default("armed"), actor2
        actor1, actor2 = actor2, None
    if actor1 is None:
        return default("military"), None
    if actor2 is None and actor1.inter not in state:
        return actor1, default("military")
    return actor1, actor2


def _crowd(actor: Actor | None) -> bool:
    return actor is not None and actor.inter in (Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS)


def _as_kind(actor: Actor, kind: str, here: str | None) -> Actor:
    return named_actor(kind, actor.country or here, actor.evidence, here=here)

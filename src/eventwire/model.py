"""The records that cross module boundaries: frozen, slotted dataclasses and enums, stdlib only.

Everything eventwire knows about an article travels in these types. Every extracted value carries its
provenance (`Evidence`): a character span of `Article.text`, a named rule, or both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets into `Article.text` (Python str indices, end exclusive) and the covered text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a field has its value: a span of the article, a named rule (e.g. "count.dozens=12"), or both."""

    span: Span | None = None
    rule: str | None = None


# --------------------------------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class Notice:
    """A non-fatal warning about one article, with a stable code from `errors.WARNINGS`."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, normalised by a reader. `origin` says where it came from ("feed.jsonl:7")."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    origin: str = ""
    # toponym spans supplied with the input: `geoparse` then resolves exactly these
    spans: tuple[tuple[int, int], ...] | None = None
    # warnings from reading the input (e.g. a guessed encoding); the Result carries them on
    notices: tuple[Notice, ...] = ()


class RejectionReason(StrEnum):
    EMPTY = "empty"
    BINARY = "binary"
    BAD_ENCODING = "bad_encoding"
    INVALID_JSON = "invalid_json"
    INVALID_FIELD = "invalid_field"
    NO_TEXT = "no_text"
    TOO_LARGE = "too_large"
    NOT_ENGLISH = "not_english"
    UNREADABLE = "unreadable"
    PROCESSING_FAILED = "processing_failed"


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why an input produced nothing. `origin` names the file and line; `detail` is the human message."""

    origin: str
    reason: RejectionReason
    detail: str
    article_id: str | None = None


# --------------------------------------------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. Country codes are ISO-3166 alpha-2; admin names are GeoNames' ASCII names."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin1_code: str | None = None
    admin2_code: str | None = None
    feature_class: str = ""
    feature_code: str = ""
    population: int = 0


@dataclass(frozen=True, slots=True)
class Candidate:
    place: Place
    score: float


class MentionRole(StrEnum):
    PLACE = "place"
    DATELINE = "dateline"
    # a named site ("Kuweires Military Airport"): where an event happened, not a toponym for `geoparse`
    FACILITY = "facility"
    # a country's name used as a modifier ("U.S. troops", "U.S. beef"): a toponym for `geoparse`, never an
    # event place (like a demonym, it says whose, not where)
    MODIFIER = "modifier"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text and what it resolved to (`place` is None when evidence was too weak)."""

    span: Span
    place: Place | None
    score: float
    candidates: tuple[Candidate, ...] = ()
    role: MentionRole = MentionRole.PLACE
    rule: str | None = None


class GeoPrecision(IntEnum):
    """ACLED geo_precision."""

    TOWN = 1
    NEAR_TOWN = 2
    REGION = 3


@dataclass(frozen=True, slots=True)
class EventLocation:
    """Where an event happened. `place` is None when the text names a place the gazetteer cannot place and
    no enclosing area is stated ("fighting in Sheikh Miskeen"): the name is kept, with no coordinates."""

    place: Place | None
    precision: GeoPrecision | None
    evidence: Evidence

    @property
    def name(self) -> str:
        if self.place is not None:
            return self.place.name
        return self.evidence.span.text if self.evidence.span is not None else ""


# --------------------------------------------------------------------------------------------------- time


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression and its TimeML-style value ("2022-02-03", "2022-W05", "PRESENT_REF", ...)."""

    span: Span
    type: TimexType
    value: str | None
    rule: str | None = None


class TimePrecision(IntEnum):
    """ACLED time_precision."""

    DAY = 1
    WEEK = 2
    MONTH = 3


@dataclass(frozen=True, slots=True)
class EventDate:
    value: date | None
    precision: TimePrecision
    evidence: Evidence


# --------------------------------------------------------------------------------------------------- counts


class CountKind(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    ABDUCTED = "abducted"
    ARRESTED = "arrested"


@dataclass(frozen=True, slots=True)
class Count:
    """One reported figure ("at least 12 killed, residents said"): bounds, victims and who claims it."""

    kind: CountKind
    best: int
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None
    victims: str | None = None
    claimant: Span | None = None
    evidence: Evidence = field(default_factory=Evidence)


@dataclass(frozen=True, slots=True)
class Tally:
    """The figure for one kind of harm in one event, reconciled from its claims (ACLED rule: lowest report)."""

    value: int
    low: int | None
    high: int | None
    claims: tuple[Count, ...] = ()
    rule: str | None = None


# --------------------------------------------------------------------------------------------------- events


class EventType(StrEnum):
    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC = "Strategic developments"


class SubEventType(StrEnum):
    ARMED_CLASH = "Armed clash"
    GOV_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HQ_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TERRITORY_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


class DisorderType(StrEnum):
    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    STRATEGIC = "Strategic developments"


class Inter(IntEnum):
    """ACLED interaction codes for actors."""

    NONE = 0
    STATE_FORCES = 1
    REBEL_GROUP = 2
    POLITICAL_MILITIA = 3
    IDENTITY_MILITIA = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_OTHER = 8


@dataclass(frozen=True, slots=True)
class Actor:
    """An event participant under its ACLED-style name ("Military Forces of Syria"), with the span it came from."""

    name: str
    inter: Inter
    country: str | None = None
    evidence: Evidence = field(default_factory=Evidence)


@dataclass(frozen=True, slots=True)
class Plover:
    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventMention:
    """One span that reports an event ("the raid", "killed", "They attacked"), with the participants its own
    clause names: the agent ("They", "the militants' attack"), the patient ("23 soldiers", "the killing of X")
    and the place ("in the market"). Each is None when the clause names none; the event's own then stands."""

    span: Span
    agent: Actor | None = None
    patient: Actor | None = None
    place: EventLocation | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One ACLED-compatible event record. Every field is backed by a span, a rule, or both.

    A PLOVER verbal event ("demanded", "imposed sanctions") has no ACLED type: its `event_type`,
    `sub_event_type` and `disorder_type` are None and `plover` says what it is (`is_verbal`)."""

    id: str
    article_id: str
    event_type: EventType | None
    sub_event_type: SubEventType | None
    disorder_type: DisorderType | None
    trigger: Span
    evidence: Span
    confidence: float
    type_evidence: Evidence = field(default_factory=Evidence)
    plover: Plover | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors1: tuple[Actor, ...] = ()
    assoc_actors2: tuple[Actor, ...] = ()
    location: EventLocation | None = None
    date: EventDate | None = None
    fatalities: Tally | None = None
    injuries: Tally | None = None
    counts: tuple[Count, ...] = ()
    civilian_targeting: bool = False
    historical: bool = False
    # every span in the article that reports this event ("the raid", "killed", "the blast"), trigger included,
    # each with the arguments its own clause names
    mentions: tuple[EventMention, ...] = ()

    @property
    def is_verbal(self) -> bool:
        return self.sub_event_type is None


# --------------------------------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline produced for one input: the unit that flows to the store, exports and the API.

    Exactly one of `article` and `rejection` is the primary outcome; a rejected input may still carry
    the article it was read as (e.g. rejected as not English).
    """

    article: Article | None
    events: tuple[Event, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    timexes: tuple[Timex, ...] = ()
    rejection: Rejection | None = None
    notices: tuple[Notice, ...] = ()

    @property
    def ok(self) -> bool:
        return self.rejection is None

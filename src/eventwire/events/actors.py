"""Actors: who did it (actor1) and to whom (actor2), under ACLED-style names with inter codes.

Mentions come from the actor dictionary (events/data/actors.json): state forces with their country (from a
demonym or country name beside them, else the event's country), named armed groups under their standard names,
and generic participants (gunmen, villagers, protesters, rioters) named after the event's country. Roles come
from the parse around the trigger: the subject or "by ..." agent is actor1; the object, the passive subject and
the victims of "killing 12 civilians" are actor2. Where the sentence names no one, the sub-type supplies the
conventional actor (protesters protest; police arrest).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from eventwire.events.numbers import opens_new_story
from eventwire.geo.countries import demonym_countries, display_country_name
from eventwire.model import Actor, Evidence, Inter, Span, SubEventType

S = SubEventType
PROTESTS = {S.PEACEFUL_PROTEST, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE}
RIOTS = {S.VIOLENT_DEMONSTRATION, S.MOB_VIOLENCE}
# Sub-types whose victims are, by default, civilians when the text names the victims only as such.
STATE_ACTIONS = {S.ARRESTS, S.PROTEST_WITH_INTERVENTION, S.EXCESSIVE_FORCE, S.DISRUPTED_WEAPONS_USE}
# Violence whose perpetrator the report does not name is coded to an unidentified armed group (ACLED).
UNNAMED_PERPETRATOR = {S.ARMED_CLASH, S.ATTACK, S.ABDUCTION, S.SEXUAL_VIOLENCE, S.REMOTE_EXPLOSIVE, S.GRENADE,
                       S.SUICIDE_BOMB, S.SHELLING, S.LOOTING, S.NON_STATE_OVERTAKES_TERRITORY}  # fmt: skip
AGENT_DEPS = {"nsubj", "agent", "csubj"}
PATIENT_DEPS = {"dobj", "nsubjpass", "pobj", "attr", "oprd", "conj", "appos"}


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in the text: its kind decides how its name and inter code are formed."""

    span: SpacySpan
    kind: str  # military | police | government | weapons | group:<index> | generic:<index>
    country: str | None  # from a demonym or country name next to it


@cache
def _dictionary() -> dict:
    return json.loads(resources.files("eventwire.events").joinpath("data/actors.json").read_text("utf-8"))


class ActorFinder:
    """Finds actor mentions with phrase matchers built once from the dictionary, and assigns roles."""

    def __init__(self, nlp: Language) -> None:
        data = _dictionary()
        self.groups = data["groups"]
        self.generic = data["generic"]
        self.led = data["led_coalitions"]
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")  # acronyms: "ADF", not "adf"
        for kind, words in data["forces"].items():
            self.lower.add(kind, list(nlp.tokenizer.pipe(words)))
        for i, group in enumerate(self.groups):
            short = [a for a in group["aliases"] if " " not in a and len(a) <= 5 and a.isalnum()]
            self.exact.add(f"group:{i}", list(nlp.tokenizer.pipe([a.upper() for a in short])))
            rest = [a for a in group["aliases"] if a not in short]
            if rest:
                self.lower.add(f"group:{i}", list(nlp.tokenizer.pipe(rest)))
        for i, generic in enumerate(self.generic):
            self.lower.add(f"generic:{i}", list(nlp.tokenizer.pipe(generic["words"])))

    def mentions(self, doc: Doc) -> list[Mention]:
        spans = filter_spans([*self.lower(doc, as_spans=True), *self.exact(doc, as_spans=True)])
        return [Mention(s, s.label_, self._country_of(s)) for s in spans if not _affiliation(s)]

    def _country_of(self, span: SpacySpan) -> str | None:
        """ "Syrian troops", "South Sudan's army", "U.S.-led coalition", "troops of Mali"."""
        doc = span.doc
        lo = max(span.start - 4, span.sent.start)
        end = span.start
        while end > lo and doc[end - 1].lower_ in {"'s", "’s", "the", "'", "’"}:
            end -= 1
        for start in range(max(lo, end - 3), end):  # longest name first: "South Sudan" before "Sudan"
            text = doc[start:end].text
            led = self.led.get(text.lower().replace("–", "-"))
            code = led or _country_word(text)
            if code:
                return code
        for token in reversed(doc[lo:end]):
            code = self.led.get(token.lower_) or _country_word(token.text)
            if code:
                return code
        after = doc[span.end : min(span.end + 2, span.sent.end)]
        if len(after) == 2 and after[0].lower_ == "of":
            return _country_word(after[1].text)
        return None

    # ---------------------------------------------------------------------------------------------- roles

    def for_event(
        self, doc: Doc, trigger: SpacySpan, *, sub_event_type: SubEventType, country: str | None
    ) -> tuple[Actor | None, Actor | None]:
        sent = trigger.sent
        mentions = [m for m in doc._.actor_mentions if sent.start <= m.span.start < sent.end]
        lead = _story_lead(doc, sent)
        if not any(m.kind.startswith(("group", "military", "police", "weapons")) for m in mentions):
            # the trigger's sentence names no one armed: the lead sentence usually does
            mentions += [m for m in doc._.actor_mentions if lead.start <= m.span.start < lead.end and lead != sent]
        named = [(m, self._actor(m, country)) for m in mentions]
        if sub_event_type in PROTESTS | RIOTS | {S.ARRESTS}:
            actor1, actor2 = self._by_convention(sub_event_type, named, country)
        else:
            armed = [(m, a) for m, a in named if a.inter not in {Inter.CIVILIANS, Inter.PROTESTERS, Inter.RIOTERS}]
            first, second = _roles(
                [m for m, _ in named],
                trigger,
                agents_from=[m for m, _ in armed],
                symmetric=sub_event_type is S.ARMED_CLASH,  # "a firefight between X and Y": both are parties
            )
            actor1 = next((a for m, a in named if m is first), None)
            actor2 = next((a for m, a in named if m is second), None)
            actor1, actor2 = _prefer_named(actor1, actor2, [a for m, a in named if m.kind.startswith("group")])
            if actor1 is None and sub_event_type in UNNAMED_PERPETRATOR:
                actor1 = Actor(
                    f"Unidentified Armed Group ({_name(country) or 'International'})",
                    Inter.POLITICAL_MILITIA,
                    country,
                    Evidence(rule="actor.unnamed_perpetrator"),
                )
            if sub_event_type is S.AGREEMENT and actor2 is None:
                actor2 = next((a for m, a in armed if a.name != (actor1.name if actor1 else None)), None)
        if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
            actor2 = None
        return actor1, actor2

    def _by_convention(
        self, sub: SubEventType, named: list[tuple[Mention, Actor]], country: str | None
    ) -> tuple[Actor | None, Actor | None]:
        """Demonstrations and arrests: who protests, riots or arrests is conventional; the text fills in names."""
        place = _name(country) or "International"
        state = next((a for _, a in named if a.inter in {Inter.STATE_FORCES, Inter.EXTERNAL_OTHER}), None)

        def default(name: str, inter: Inter) -> Actor:
            return Actor(name, inter, country, Evidence(rule=f"actor.default_for:{sub.value}"))

        if sub in PROTESTS:
            actor1 = next((a for _, a in named if a.inter is Inter.PROTESTERS), None)
            actor1 = actor1 or default(f"Protesters ({place})", Inter.PROTESTERS)
            if sub is S.PEACEFUL_PROTEST:
                return actor1, None
            return actor1, state or default(f"Police Forces of {place}", Inter.STATE_FORCES)
        if sub in RIOTS:
            actor1 = next((a for _, a in named if a.inter is Inter.RIOTERS), None)
            actor1 = actor1 or default(f"Rioters ({place})", Inter.RIOTERS)
            victim = next((a for _, a in named if a.inter not in {Inter.RIOTERS, Inter.PROTESTERS}), None)
            return actor1, victim
        actor1 = state or default(f"Police Forces of {place}", Inter.STATE_FORCES)
        arrested = next((a for _, a in named if a.inter not in {Inter.STATE_FORCES, Inter.EXTERNAL_OTHER}), None)
        return actor1, arrested

    def _actor(self, mention: Mention, event_country: str | None) -> Actor:
        span = Span(mention.span.start_char, mention.span.end_char, mention.span.text)
        kind, _, index = mention.kind.partition(":")
        if kind == "group":
            group = self.groups[int(index)]
            country = mention.country or group.get("country")  # "U.S.-led coalition" -> US
            return Actor(group["name"], Inter(group["inter"]), country, Evidence(span=span))
        if kind == "generic" and int(index) == 0:
            named = _unknown_group(mention.span)
            if named is not None:
                text, inter = named
                return Actor(text, inter, event_country, Evidence(span=span, rule="actor.named_in_text"))
        if kind == "generic":
            generic = self.generic[int(index)]
            name = generic["name"].format(country=_name(event_country) or "International")
            return Actor(name, Inter(generic["inter"]), event_country, Evidence(span=span))
        country = mention.country or event_country
        if mention.country is None and mention.span.text.lower() in {"coalition", "coalition forces"}:
            return Actor("Coalition Forces", Inter.EXTERNAL_OTHER, None, Evidence(span=span))
        title = {"police": "Police Forces of {}", "government": "Government of {}"}.get(kind, "Military Forces of {}")
        inter = Inter.STATE_FORCES
        if country and event_country and country != event_country:
            inter = Inter.EXTERNAL_OTHER  # a state's forces acting abroad, in ACLED's coding
        name = title.format(_name(country) or "an unidentified country")
        return Actor(name, inter, country, Evidence(span=span, rule=None if mention.country else "actor.event_country"))


def _roles(
    mentions: list[Mention], trigger: SpacySpan, *, agents_from: list[Mention], symmetric: bool = False
) -> tuple[Mention | None, Mention | None]:
    """Actor1 from the subject/agent side of the trigger (armed actors only), actor2 from its object side."""
    verb = _governing_verb(trigger)
    roles = {id(m): _role(m.span, verb, trigger) for m in mentions}
    allowed = {id(m) for m in agents_from}
    agents = [m for m in mentions if roles[id(m)] == "agent" and id(m) in allowed]
    before = [m for m in mentions if m.span.end <= trigger.start and id(m) in allowed and roles[id(m)] != "patient"]
    anywhere = [m for m in mentions if id(m) in allowed] if symmetric else []
    first = agents[0] if agents else (before[0] if before else (anywhere[0] if anywhere else None))
    patients = [m for m in mentions if roles[id(m)] == "patient"]
    after = [m for m in mentions if m.span.start >= trigger.end]
    rest = [m for m in patients + after + mentions if m is not first and not _same_kind(m, first)]
    return first, rest[0] if rest else None


def _prefer_named(actor1: Actor | None, actor2: Actor | None, groups: list[Actor]) -> tuple[Actor | None, Actor | None]:
    """ "fighters of the JNIM group": an unnamed armed actor is the named group its sentence mentions."""
    unused = [g for g in groups if g.name not in {a.name for a in (actor1, actor2) if a is not None}]

    def upgrade(actor: Actor | None) -> Actor | None:
        if actor is not None and actor.name.startswith("Unidentified Armed Group") and unused:
            return unused.pop(0)
        return actor

    return upgrade(actor1), upgrade(actor2)


AFFILIATION = {"linked", "affiliated", "backed", "allied", "aligned", "inspired", "led", "supported", "sponsored"}


def _affiliation(span: SpacySpan) -> bool:
    """ "al Qaeda-linked JNIM": the group named as an affiliation is not the actor."""
    doc = span.doc
    nxt = doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text in {"-", "–"} and nxt[1].lower_ in AFFILIATION:
        return not span.label_.startswith(("military", "police", "government", "weapons"))
    return False


MEMBER_NOUNS = {"members", "member", "fighters", "elements", "supporters", "loyalists"}
REBEL_NOUNS = {"militants", "militant", "rebels", "rebel", "insurgents", "insurgent", "fighters", "jihadists",
               "separatists", "guerrillas", "guerrilla"}  # fmt: skip
_NOT_NAMES = {"suspected", "unknown", "unidentified", "armed", "islamist", "local", "foreign", "government"}


def _unknown_group(span: SpacySpan) -> tuple[str, Inter] | None:
    """A group the dictionary does not know, named in the text: "BIFF militants", "fighters of the Sultan
    Murad Division". Rebels, militants and the like are rebel groups (2); militias political militias (3)."""
    head = span.root
    if head.lower_ not in REBEL_NOUNS | MEMBER_NOUNS | {"militia", "militias", "militiamen"}:
        return None
    inter = Inter.REBEL_GROUP if head.lower_ in REBEL_NOUNS else Inter.POLITICAL_MILITIA
    names = [t for t in head.lefts if t.dep_ == "compound" and _name_word(t)]
    if names:
        start = min(t.left_edge.i for t in names)
        words = [t for t in span.doc[start : head.i] if _name_word(t) or t.text == "'"]
        text = " ".join(t.text for t in words).strip()
        if len(text) > 1:
            return text, inter
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objects:
                words = [t for t in objects[0].subtree if _name_word(t) or t.text == "'"]
                text = " ".join(t.text for t in words).strip()
                if text:
                    return text, inter
    return None


_CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip


def _name_word(token) -> bool:
    return token.pos_ == "PROPN" and token.lower_ not in _NOT_NAMES | _CALENDAR and not token.like_num


def _story_lead(doc: Doc, sent: SpacySpan) -> SpacySpan:
    """The first sentence of the story the trigger belongs to ("Separately, ..." starts another one)."""
    lead = sent
    for candidate in doc.sents:
        if candidate.start > sent.start:
            break
        if candidate.start == 0 or opens_new_story(candidate):
            lead = candidate
    return lead


def _same_kind(a: Mention, b: Mention | None) -> bool:
    return b is not None and a.kind == b.kind and a.country == b.country


def _governing_verb(trigger: SpacySpan):
    """The clause verb the trigger belongs to; "..., killing four" belongs to the verb before it."""
    token = trigger.root
    while token.pos_ not in {"VERB", "AUX"} and token.head is not token and token.dep_ not in {"ROOT"}:
        token = token.head
    if token.dep_ in {"advcl", "xcomp", "conj"} and token.tag_ in {"VBG", "VBN"} and token.head is not token:
        token = token.head
    return token


def _role(span: SpacySpan, verb, trigger: SpacySpan) -> str | None:
    """agent, patient or None, from the dependency path between the mention and the trigger's verb."""
    token = span.root
    if token.dep_ == "compound" and token.head.i in range(trigger.start, trigger.end):
        return "agent"  # "a Russian missile strike", "police raid"
    path = [token, *token.ancestors]
    if verb not in path:
        return None
    below = path[path.index(verb) - 1] if path.index(verb) > 0 else token
    if below.dep_ in AGENT_DEPS:
        return "agent"
    if (below.dep_ == "prep" and below.lower_ == "by") or below.dep_ == "agent":
        return "agent"
    if below.dep_ in PATIENT_DEPS or below.dep_ in {"prep", "xcomp", "advcl"}:
        return "patient"
    return None


@cache
def _country_word(text: str) -> str | None:
    codes = demonym_countries(text.rstrip("'s").rstrip("’s")) or demonym_countries(text)
    if len(codes) == 1:
        return codes[0]
    from eventwire.geo.countries import country_code_for_name

    return country_code_for_name(text.removesuffix("'s").removesuffix("’s"))


def _name(code: str | None) -> str | None:
    return display_country_name(code) if code else None


def actors_for_event(doc: Doc, trigger: SpacySpan) -> tuple[Actor | None, Actor | None]:
    """Kept for callers without a finder: no dictionary, no actors."""
    return None, None

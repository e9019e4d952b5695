"""The arguments one mention of an event has in its own clause: who did it, to whom, and where.

An event's actors come from one place in the story (its trigger's sentence); each further mention ("They killed
23 soldiers", "the militants' attack", "a man was killed in the market") names its own participants, often in
other words ("They", "the bomber", "who"). This module reads them from the dependency parse around the mention:

* a verb: its active subject or passive "by" agent is the agent; its object, passive subject or the subject of
  a verb of suffering ("three died") the patient. A verb without a subject takes the one of the verb it is
  coordinated with or controlled by ("They killed ... and injured another 15", "launched attacks, killing 130");
  a participle modifying a noun takes that noun ("people killed in the blast"); a relative pronoun stands for
  the noun its clause modifies ("Chávez, who died").
* a noun: its possessor, or a name or actor noun compounded with it, is the agent ("the militants' attack",
  "IS attacks"), the patient for a noun of suffering ("his killing"); "by X" is the agent, "on/against X" and
  "of X" the patient; the subject of a light verb that takes the noun as object is the agent ("the group
  carried out the attack", "X claimed responsibility for the bombing"); what the act hit is the patient ("the
  blast wounded three").
* the place: a phrase under a locative preposition of the mention or of the verb that governs it ("killed in
  Syria", "attacks in X and Y", "the city of Lyon"), or the noun a "where" clause modifies.

Word classes come from `data/actors/role_words.tsv` (light, claim, undergone, affect, suffer, instrument, site).
Spans that report the event themselves or name a weapon ("the attack, which killed", "a bomb killed") are no
participants. The caller (`assemble`) names the spans as actors and places.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.events.actor_roles import role_words
from eventwire.events.actors import ActorFinder
from eventwire.geo.event_location import precision_of
from eventwire.model import Actor, EventLocation, EventMention, Evidence, Inter, MentionRole, PlaceMention, Span

# "on" too: "on a busy street" (its time, "on Friday", is no place; "attacks on X" reads X as the target first)
_LOCATIVE = frozenset({"in", "at", "on", "near", "outside", "inside", "across", "around", "throughout", "along", "off"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_TARGET_PREPS = frozenset({"on", "against", "targeting", "at"})
_RELATIVE = frozenset({"who", "whom", "which", "that"})
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_ACT_NOUNS = frozenset({"attack", "bombing", "strike", "airstrike", "shelling", "shooting", "explosion", "blast"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_RIGHT_MODIFIERS = frozenset({"amod", "advmod", "nummod", "npadvmod"})


@dataclass(frozen=True, slots=True)
class LocalArguments:
    """Token spans of a mention's own agent, patient and place phrase (None when its clause names none)."""

    agent: SpacySpan | None = None
    patient: SpacySpan | None = None
    place: SpacySpan | None = None
    place_head: Token | None = None  # the head noun of the place phrase: "station" in "the bus station"


def local_arguments(mention: SpacySpan, *, others: Collection[SpacySpan] = (), actors: frozenset[int] = frozenset(),
                    places: frozenset[int] = frozenset()) -> LocalArguments:  # fmt: skip
    """The mention's agent, patient and place. `others` are the event's other mentions (never its arguments);
    `actors` and `places` are token indices of actor and place mentions (a compound is an agent only if it
    names an actor, and a place name compounded with a noun is its place: "the Kabul bombing")."""
    root = mention.root
    if root.dep_ == "compound" and root.head.i == mention.end and root.head.pos_ == "NOUN":
        root = root.head  # "the assassination attempt", "a bombing campaign": the phrase's head holds its syntax
    blocked = [mention, *others]
    if _is_verb(root):
        agent, patient = _verb_sides(root)
    else:
        agent, patient = _noun_sides(root, actors, places)
    agent_span = _argument(agent, blocked)
    patient_span = _argument(patient, blocked)
    place = _place_token(root, places, patient)
    place_span = _phrase(place, full=True) if place is not None else None
    return LocalArguments(agent_span, patient_span, place_span, place)


# ------------------------------------------------------------------------------------------------- verbs


def _is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in _VERB_TAGS or tok.lemma_.lower() in role_words("suffer")


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _by_agent(verb: Token) -> Token | None:
    agent = _child(verb, "agent")
    if agent is None:
        agent = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return _child(agent, "pobj") if agent is not None else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _suffers(verb: Token) -> bool:
    """ "three died", "two were dead", "was wounded": the subject undergoes the act."""
    return verb.lemma_.lower() in role_words("suffer") or verb.dep_ == "acomp" or _passive(verb)


def _verb_sides(verb: Token) -> tuple[Token | None, Token | None]:
    """(agent, patient) of a verb mention, with the subject it shares when it has none of its own."""
    if verb.dep_ == "acomp":  # "were dead": the copula holds the subject
        verb = verb.head
    subject = _child(verb, "nsubj", "nsubjpass", "csubj")
    obj = _child(verb, "dobj", "obj")
    if subject is None:
        shared = _shared_subject(verb)
        if shared is not None:
            subject, from_head = shared
            if from_head is not None and _suffers(from_head) and not _passive(verb):
                if verb.dep_ != "conj":  # "the hall was shattered by a blast, killing 30": the blast's doing
                    return _by_agent(from_head) or _by_agent(verb), obj
                return _by_agent(verb), subject  # "were attacked and killed": both suffered
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                return _by_agent(verb), subject  # "people killed in the blast"
    if _suffers(verb):
        return _by_agent(verb) or _agent_of_act(verb), subject
    if obj is None or obj.lemma_.lower() in role_words("instrument"):
        obj = _aimed_at(verb, direct=False)  # "fired rockets at the town"
    return subject or _by_agent(verb) or _agent_of_act(verb), obj


def _agent_of_act(verb: Token) -> Token | None:
    """ "were killed in IS attacks", "died in a Taliban ambush": the doer of the act the verb happened in."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "during"):
            obj = _child(prep, "pobj")
            if obj is not None and obj.lemma_.lower() in role_words("operation") | _ACT_NOUNS:
                agent = next((c for c in obj.children if c.dep_ in ("poss", "compound", "amod")), None)
                if agent is not None and (agent.pos_ == "PROPN" or agent.dep_ == "poss"):
                    return agent
    return None


def _shared_subject(verb: Token) -> tuple[Token, Token | None] | None:
    """The subject a subjectless verb takes over, and the verb it comes from (None for a modified noun)."""
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "acl":
        return head, None
    if verb.dep_ in ("conj", "advcl", "xcomp") and _is_verb(head):
        if verb.dep_ == "advcl" and verb.tag_ != "VBG":
            return None  # "after X arrived, ... killed": another clause with its own actors
        subject = _child(head, "nsubj", "nsubjpass")
        if subject is not None:
            return subject, head
        return _shared_subject(head)
    return None


# ------------------------------------------------------------------------------------------------- nouns


def _noun_sides(noun: Token, actors: frozenset[int], places: frozenset[int]) -> tuple[Token | None, Token | None]:
    """(agent, patient) of a nominal mention: its own modifiers and prepositions, then the verb that governs it."""
    undergone = noun.lemma_.lower() in role_words("undergone")
    agent = patient = None
    for child in noun.children:
        if child.dep_ == "poss":
            if undergone:
                patient = patient or child
            else:
                agent = agent or child
        elif child.dep_ in ("compound", "amod", "nmod") and child.i in actors and child.i not in places:
            agent = agent or child
        elif child.dep_ == "prep":
            obj = _child(child, "pobj")
            if obj is None or obj.ent_type_ in _TIME_ENTITIES:
                continue  # "an attack on 13 May at the cafe": when, not what
            word = child.lower_
            if word in ("by", "between"):
                agent = agent or obj  # "between troops and militants": both sides, as one phrase
            elif word in _TARGET_PREPS or word == "of":
                patient = patient or obj
        elif child.dep_ == "acl":  # "bombings targeted at the military", "an attack carried out by X"
            agent = agent or _by_agent(child)
            patient = patient or _aimed_at(child)
    if agent is None:
        agent = _light_verb_subject(noun)
    if patient is None:
        patient = _hit_by(noun)
    return agent, patient


def _hit_by(noun: Token) -> Token | None:
    """What an act did something to: "the explosion wounded three", "the hall was shattered by an explosion"."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "agent":
        verb = verb.head
        return _child(verb, "nsubjpass") if verb.lemma_.lower() in role_words("affect") else None
    if noun.dep_ in ("nsubj", "csubj") and verb.lemma_.lower() in role_words("affect"):
        return _child(verb, "dobj", "obj")
    return None


def _aimed_at(verb: Token, *, direct: bool = True) -> Token | None:
    """What a verb is aimed at: "on|against|at X", else (with `direct`) its object."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS), None)
    if prep is not None:
        return _child(prep, "pobj")
    return _child(verb, "dobj") if direct else None


def _light_verb_subject(noun: Token) -> Token | None:
    """ "The group carried out the attack", "X claimed responsibility for the bombing", "the attack was carried
    out by X": the doer of a verb whose object names the act."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        tok = tok.head.head  # "launched a series of attacks", "staged a wave of bombings"
    involved = _involved(tok)
    if involved is not None:
        return involved
    claimed = tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in role_words("claim")
    if claimed:
        tok = tok.head.head  # "admitted responsibility for the attack": whoever owns it, but not who denies it
    if tok.dep_ == "conj":
        tok = tok.head
    verb = tok.head
    if claimed and verb.lemma_.lower() in role_words("disown"):
        return None
    if verb.i == tok.i or (not claimed and verb.lemma_.lower() not in role_words("light")):
        return None
    if tok.dep_ in ("dobj", "obj"):
        subject = _child(verb, "nsubj")
        if subject is None:
            shared = _shared_subject(verb)
            subject = shared[0] if shared is not None and shared[1] is not None else None
        return subject
    if tok.dep_ == "nsubjpass":
        return _by_agent(verb)
    return None


def _involved(noun: Token) -> Token | None:
    """ "those involved in the attack", "X took part in the bombing", "the men responsible for the attack"."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "for"):
        return None
    word = noun.head.head
    if word.lemma_.lower() == "part" and word.dep_ in ("dobj", "obj"):
        word = word.head  # "took part in"
    if word.lemma_.lower() not in role_words("involvement"):
        return None
    if word.dep_ in ("acl", "amod", "relcl") and word.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return word.head
    return _child(word, "nsubj", "nsubjpass")


# ------------------------------------------------------------------------------------------------- places


def _place_token(root: Token, places: frozenset[int], patient: Token | None) -> Token | None:
    """The head of the first place phrase the mention, the words of its clause or its patient govern."""
    heads = _clause_heads(root)
    if patient is not None:
        heads.append(patient)  # "the hall in X was shattered by an explosion"
    for head in heads:
        if head is not root and head.i in places:
            continue
        for child in head.children:
            if child.dep_ in ("compound", "nmod") and child.i in places and not _is_verb(head):
                return child  # "the Kabul bombing"
        for found in _locatives(head, through=not _is_verb(head)):
            if _is_place(found, places):
                return found
    verb = root if _is_verb(root) else None
    if verb is not None and verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
        return verb.head  # "the station, where six people were killed"
    return None


def _clause_heads(root: Token) -> list[Token]:
    """Where the mention's place may hang: the mention, then for a noun the words above it ("launched a series
    of attacks across X"), for a verb the verbs it shares its clause with ("exploded, wounding 13 on a street")."""
    heads = [root]
    if _is_verb(root):
        heads += [c for c in root.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"]
        if root.dep_ in ("advcl", "xcomp", "conj") and _is_verb(root.head):
            heads.append(root.head)
        return heads
    tok = root
    for _ in range(2):
        if _is_verb(tok) or tok.head.i == tok.i:
            break
        tok = tok.head if tok.dep_ != "pobj" else tok.head.head
        heads.append(tok)
    return heads


def _locatives(head: Token, *, through: bool = False):
    """Objects of the head's locative prepositions, then their own locatives and conjuncts ("in X and Y"); with
    `through`, also the locatives of what a noun's other prepositions name ("a battle between X and Y in Z")."""
    for prep in head.children:
        if prep.dep_ != "prep":
            continue
        obj = _child(prep, "pobj")
        if obj is None or obj.ent_type_ in _TIME_ENTITIES:
            continue
        if prep.lower_ not in _LOCATIVE:
            if through and prep.lower_ in _TARGET_PREPS | {"between", "of"}:
                for part in (obj, *obj.conjuncts):
                    yield from _locatives(part)
            continue
        yield obj
        yield from obj.conjuncts
        yield from _locatives(obj)


def _is_place(tok: Token, places: frozenset[int]) -> bool:
    """A toponym (the geoparser's, or a name spaCy calls a location) or a noun for a site ("the market")."""
    if any(t.i in places for t in _phrase(tok, full=True)) or tok.ent_type_ in _PLACE_ENTITIES:
        return True
    return tok.lemma_.lower() in role_words("site")


# ------------------------------------------------------------------------------------------------- spans


def _argument(tok: Token | None, blocked: list[SpacySpan]) -> SpacySpan | None:
    """The phrase for an argument head: a relative pronoun stands for its antecedent; a mention of the event
    itself, its time and its weapon are no participants."""
    if tok is None:
        return None
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "Chávez, who died": the clause's noun
    if any(span.start <= tok.i < span.end for span in blocked) or tok.ent_type_ in _TIME_ENTITIES:
        return None  # the event itself, or when it happened ("attacks on Sunday")
    if tok.lemma_.lower() in role_words("instrument"):
        return None
    if tok.pos_ in ("VERB", "AUX", "ADP", "PUNCT"):
        return None
    return _phrase(tok, full=False)


def _phrase(tok: Token, *, full: bool) -> SpacySpan:
    """The noun phrase of a head: its left modifiers and its conjuncts ("eight women, a girl and four men");
    with `full`, everything it governs ("the city of Lyon", "Helmand Province, Afghanistan")."""
    doc = tok.doc
    if full:
        return doc[tok.left_edge.i : tok.right_edge.i + 1]
    heads = [tok, *tok.conjuncts]
    start = min(h.left_edge.i for h in heads)
    end = max(h.i for h in heads) + 1
    while end < len(doc) and doc[end].head.i == end - 1 and doc[end].dep_ in _RIGHT_MODIFIERS:
        end += 1  # "scores more", "two others"
    return doc[start:end]


# ------------------------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class EventSides:
    """What the event itself has, for naming a mention's local arguments."""

    actor1: Actor | None
    actor2: Actor | None
    location: EventLocation | None
    here: str | None
    place_countries: frozenset[str] = frozenset()


def event_mentions(
    doc: Doc, spans: Sequence[SpacySpan], trigger: SpacySpan, sides: EventSides, *, finder: ActorFinder,
    places: Sequence[PlaceMention],
) -> tuple[EventMention, ...]:  # fmt: skip
    """One `EventMention` per span, its local agent and patient named as actors (the actor a phrase names, else
    the event's own actor on that side under the local span) and its local place as a location."""
    actor_tokens = frozenset(i for m in finder.mentions(doc) for i in range(m.span.start, m.span.end))
    place_spans = [(p, s) for p in places if p.role is not MentionRole.DATELINE and (s := _tokens(doc, p)) is not None]
    place_tokens = frozenset(i for _, s in place_spans for i in range(s.start, s.end))
    out = []
    for span in spans:
        found = local_arguments(
            span, others=[s for s in spans if s is not span], actors=actor_tokens, places=place_tokens
        )
        out.append(
            EventMention(
                span=_record_span(span),
                agent=_named(doc, found.agent, sides.actor1, "agent", trigger, sides, finder),
                patient=_named(doc, found.patient, sides.actor2, "patient", trigger, sides, finder),
                place=_located(found, sides.location, place_spans),
            )
        )
    return tuple(out)


def _record_span(span: SpacySpan) -> Span:
    return Span(span.start_char, span.end_char, span.text)


def _tokens(doc: Doc, mention: PlaceMention) -> SpacySpan | None:
    return doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")


def _named(
    doc: Doc, phrase: SpacySpan | None, own: Actor | None, side: str, trigger: SpacySpan, sides: EventSides,
    finder: ActorFinder,
) -> Actor | None:  # fmt: skip
    """The actor the phrase names, else the event's actor of that side, under the phrase's span; a participant
    the event has no actor for keeps its words as its name (inter 0: its kind is unknown)."""
    if phrase is None:
        return None
    named = finder.actor_in(doc, phrase, trigger=trigger, here=sides.here, place_countries=sides.place_countries)
    evidence = Evidence(_record_span(phrase), f"mention.{side}")
    if named is not None:
        return replace(named, evidence=replace(evidence, rule=f"mention.{side}:{named.evidence.rule}"))
    if own is not None:
        return replace(own, evidence=evidence)
    return Actor(phrase.text, Inter.NONE, None, evidence)


def _located(
    found: LocalArguments, own: EventLocation | None, place_spans: list[tuple[PlaceMention, SpacySpan]]
) -> EventLocation | None:
    """A toponym in the local place phrase (the event's own location when it is the same mention), else the
    event's location under the phrase's span ("in the same province")."""
    phrase, head = found.place, found.place_head
    if phrase is None or head is None:
        return None
    inside = [(p, s) for p, s in place_spans if phrase.start <= s.start and s.end <= phrase.end]
    inside.sort(key=lambda ps: (not ps[1].start <= head.i < ps[1].end, ps[1].start))
    if inside:
        mention, _ = inside[0]
        if own is not None and own.evidence.span is not None and own.evidence.span.start == mention.span.start:
            return own
        evidence = Evidence(mention.span, "mention.place")
        if mention.place is None:
            return EventLocation(None, None, evidence)
        return EventLocation(mention.place, precision_of(mention.place, near=False), evidence)
    evidence = Evidence(_record_span(_phrase(head, full=False)), "mention.place:site")
    return replace(own, evidence=evidence) if own is not None else EventLocation(None, None, evidence)

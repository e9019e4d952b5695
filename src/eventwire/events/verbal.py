"""PLOVER's verbal and non-violent events: agree, consult, demand, reject, threaten, sanction, ...

ACLED codes political violence, protests and a few strategic developments; PLOVER also codes what governments
and groups say and decide. These events have no ACLED type, so they are emitted with `event_type` null and the
PLOVER event set, after any ACLED event of the article (lower confidence), and only for the main predicate of a
story's lead sentence: "X condemned the strike" reports a condemnation, not a second strike.

The predicate is found in the parse: a reporting verb ("officials said") hands over to the clause it reports, a
neutral verb ("decided to", "began to") to its complement, a light verb ("held talks", "imposed sanctions") to
its object. The lexicon (events/data/verbal.json) maps lemmas, verb + particle phrases and nouns to types.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.events.detect import load_lexicon
from eventwire.model import Plover

SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True, slots=True)
class Moods:
    intent_aux: frozenset[str]
    obligation_aux: frozenset[str]
    intent_verbs: frozenset[str]
    ready: frozenset[str]
    failing: frozenset[str]
    intent: dict[str, str]
    negated: dict[str, str]


@dataclass(frozen=True, slots=True)
class VerbalLexicon:
    phrases: dict[str, str]  # "call for" -> DEMAND
    verbs: dict[str, str]
    nouns: dict[str, str]
    light: frozenset[str]
    reporting: frozenset[str]
    neutral: frozenset[str]
    own_complement: frozenset[str]
    needs_object: frozenset[str]  # "returned the weapons" concedes; "returned to the streets" does not
    armed_motion: frozenset[str]  # "troops entered the town" mobilizes; "the talks entered a new phase" does not
    armed: frozenset[str]  # words that name an armed force (triggers.json context ARMED)
    moods: Moods


@cache
def load_verbal_lexicon() -> VerbalLexicon:
    data = json.loads(resources.files("eventwire.events").joinpath("data/verbal.json").read_text("utf-8"))
    phrases, verbs, nouns = {}, {}, {}
    for name, entry in data["types"].items():
        for key, table in (("phrases", phrases), ("verbs", verbs), ("nouns", nouns)):
            for word in entry.get(key, ()):
                table.setdefault(word, name)  # the first type listing a word keeps it
    m = data["moods"]
    return VerbalLexicon(
        phrases=phrases,
        verbs=verbs,
        nouns=nouns,
        light=frozenset(data["light_verbs"]),
        reporting=frozenset(data["reporting"]),
        neutral=frozenset(data["neutral"]),
        own_complement=frozenset(data["heads_own_complement"]),
        needs_object=frozenset(data["needs_object"]),
        armed_motion=frozenset(data["armed_motion"]["verbs"]),
        armed=load_lexicon().context["ARMED"],
        moods=Moods(
            intent_aux=frozenset(m["intent_aux"]),
            obligation_aux=frozenset(m["obligation_aux"]),
            intent_verbs=frozenset(m["intent_verbs"]),
            ready=frozenset(m["ready_adjectives"]),
            failing=frozenset(m["failing_verbs"]),
            intent=m["intent"],
            negated=m["negated"],
        ),
    )


@dataclass(frozen=True, slots=True)
class VerbalTrigger:
    span: SpacySpan
    plover: Plover
    rule: str
    score: float
    predicate: Token  # the verb (or noun) the event was read from: ACLED cues below it are what it is about


class VerbalCoder:
    """Codes the main predicate of a lead sentence as a PLOVER verbal event, or nothing."""

    def __init__(self) -> None:
        self.lexicon = load_verbal_lexicon()

    def __call__(self, sentence: SpacySpan) -> VerbalTrigger | None:
        for start in _starts(sentence):
            found = self._code(start)
            if found is not None:
                return found
        return None

    def _code(self, start: Token) -> VerbalTrigger | None:
        path, moods = self._path(start)
        for predicate in reversed(path):  # "warned that the army would attack": the warning, if "attack" is untyped
            typed = self._type_of(predicate)
            if typed is not None:
                break
        else:
            if not path or "obligation" not in moods | self._own_moods(path[-1]):
                return None
            predicate = path[-1]
            typed = ("DEMAND", predicate, "must")  # "X must ensure security": a demand, whatever the verb
        kind, word, how = typed
        moods |= self._own_moods(predicate)
        if how == "armed_motion" and moods:
            return None  # "will advance", "did not enter": a movement that has not happened reports nothing
        kind, how = self._with_mood(kind, how, moods)
        span = word.doc[word.i : word.i + 1]
        return VerbalTrigger(span, Plover(kind), f"verbal:{how}:{word.lemma_.lower()}", 0.35, predicate)

    def _path(self, verb: Token) -> tuple[list[Token], set[str]]:
        """Follow reporting, neutral and "ready to" verbs down to the predicate that says what happened,
        collecting the moods met on the way ("plans to" is an intent, "failed to" a negation)."""
        lex, moods, path = self.lexicon, set(), [verb]
        for _ in range(5):
            lemma = verb.lemma_.lower()
            ready = _child(verb, {"acomp"}) if lemma == "be" else None
            if ready is not None and ready.lower_ in lex.moods.ready:
                nxt = _child(ready, {"xcomp"})
                moods.add("intent")
            elif lemma in lex.reporting:
                nxt = _child(verb, {"ccomp", "xcomp", "parataxis"})
            elif lemma in lex.neutral and lemma not in lex.own_complement:
                nxt = _child(verb, {"xcomp", "ccomp"})
                if lemma in lex.moods.intent_verbs:
                    moods.add("intent")
                if lemma in lex.moods.failing:
                    moods.add("negated")
            else:
                break
            if nxt is None:
                break
            moods |= self._own_moods(verb)
            path.append(nxt)
            verb = nxt
        if len(path) > 1 and path[0].lemma_.lower() in lex.reporting and self._type_of(path[0]) is None:
            path = path[1:]  # "said" itself is not an event
        elif path[-1].lemma_.lower() in lex.reporting and len(path) == 1 and self._type_of(path[0]) is None:
            path = []
        return path, moods

    def _own_moods(self, verb: Token) -> set[str]:
        m = self.lexicon.moods
        moods = set()
        for child in verb.children:
            word = child.lower_
            if child.dep_ == "neg":
                moods.add("negated")
            elif child.dep_ == "aux" and word in m.intent_aux:
                moods.add("intent")
            elif child.dep_ == "aux" and word in m.obligation_aux:
                moods.add("obligation")
        return moods

    def _with_mood(self, kind: str, how: str, moods: set[str]) -> tuple[str, str]:
        m = self.lexicon.moods
        if "negated" in moods and kind in m.negated:
            return m.negated[kind], f"{how}+negated"
        if "obligation" in moods and kind != "DEMAND":
            return "DEMAND", f"{how}+must"  # "X must hand over the suspects" lays a demand on X
        if "intent" in moods and kind in m.intent:
            return m.intent[kind], f"{how}+intent"
        return kind, how

    def _type_of(self, verb: Token) -> tuple[str, Token, str] | None:
        """A light verb's object ("held talks"), then verb + particle ("call for"), then the object of a verb
        the lexicon does not type, then the verb itself."""
        lex = self.lexicon
        lemma = verb.lemma_.lower()
        if lemma in lex.light and (typed := self._object_type(verb)):
            return typed
        if lemma in lex.light and (moved := self._armed_motion_object(verb)) is not None:
            return "MOBILIZE", moved, "armed_motion"  # "the army continued its advance", as "advanced"
        for particle in (c.lower_ for c in verb.children if c.dep_ in {"prt", "prep"}):
            kind = lex.phrases.get(f"{lemma} {particle}")
            if kind:
                return kind, verb, "phrase"
        if lemma not in lex.verbs and (typed := self._object_type(verb)):
            return typed
        kind = lex.verbs.get(lemma)
        if lemma in lex.needs_object and not any(c.dep_ in {"dobj", "nsubjpass", "dative"} for c in verb.children):
            kind = None
        if any(c.dep_ == "dobj" and c.lower_ == "way" for c in verb.children):
            kind = None  # "pushed their way into", "made its way to": a movement, not the verb's own sense
        if kind is None and lemma in lex.armed_motion and self._armed_subject(verb):
            return "MOBILIZE", verb, "armed_motion"
        if kind and verb.pos_ in {"VERB", "AUX"}:
            return kind, verb, "verb"
        if verb.pos_ == "NOUN" and (kind := lex.nouns.get(verb.lower_)):
            return kind, verb, "noun"  # a headline-style lead: "Talks between ..."
        return None

    def _armed_subject(self, verb: Token) -> bool:
        """Does the verb's subject (or that of the verb it continues: "tried to enter", "regrouped and
        advanced") name an armed force?"""
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
            if subjects or verb.dep_ not in {"xcomp", "conj"}:
                break
            verb = verb.head
        return any(t.lower_ in self.lexicon.armed for s in subjects for t in s.subtree)

    def _armed_motion_object(self, verb: Token) -> Token | None:
        """The movement an armed force makes, named by a light verb's object ("continued their advance")."""
        moves = [o for o in _objects(verb) if o.pos_ == "NOUN" and o.lemma_.lower() in self.lexicon.armed_motion]
        return moves[0] if moves and self._armed_subject(verb) else None

    def _object_type(self, verb: Token) -> tuple[str, Token, str] | None:
        """The type a verb's object names: "held talks", "imposed sanctions", "handed over medicine"."""
        lex = self.lexicon
        for obj in _objects(verb):
            word = obj.lemma_.lower()
            kind = lex.nouns.get(obj.lower_) or lex.nouns.get(word) or (obj.pos_ == "VERB" and lex.verbs.get(word))
            if kind:
                return kind, obj, "noun"
        return None


def _objects(verb: Token) -> list[Token]:
    """The verb's object, attribute or passive subject, their "of" complements ("dollars of aid") and noun
    modifiers ("a mediation effort"), and a verb describing the object ("a declaration demanding ...")."""
    found = [c for c in verb.children if c.dep_ in {"dobj", "attr", "nsubjpass"}]
    found += [g for o in found for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return found + [c for o in found for c in o.children if c.dep_ in {"compound", "acl"}]


def _starts(sentence: SpacySpan) -> list[Token]:
    """The parse's root; then, when a misparse puts the root elsewhere, the first verb with a subject."""
    root = sentence.root
    finite = [t for t in sentence if t.pos_ == "VERB" and any(c.dep_ in SUBJECTS for c in t.children)]
    return [root, *(t for t in finite[:1] if t is not root)]


def _child(verb: Token, deps: set[str]) -> Token | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def lead_sentences(doc: Doc) -> list[SpacySpan]:
    """The first sentence of the article: the one wire style puts the news in."""
    return list(doc.sents)[:1]

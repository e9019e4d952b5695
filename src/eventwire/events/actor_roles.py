"""Which side of an event an actor mention is on, read from the dependency parse around the trigger.

actor1 is the doer: the trigger's subject, its "by" agent, a modifier of the trigger noun ("Taliban attack");
actor2 the one it is done to: object, passive subject, "on|against X". `role` gives the side and how sure the
parse is (0-4), so the caller can rank several mentions of the same side.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

_SUFFER_WORDS = frozenset(["die", "dead", "perish", "drown", "succumb"])
_HARM_VERBS = frozenset(
    [
        "kill",
        "injure",
        "wound",
        "abduct",
        "kidnap",
        "target",
        "hit",
        "attack",
        "shoot",
        "behead",
        "murder",
        "rape",
        "arrest",
        "detain",
    ]
)


@cache
def role_words(kind: str) -> frozenset[str]:
    """Lemmas of one class of data/actors/role_words.tsv (operation, escort, attribution, irregular, abroad,
    sympathy)."""
    text = resources.files("eventwire.events").joinpath("data/actors/role_words.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(word for word, word_kind in rows if word_kind == kind)


def near_trigger(span: SpacySpan, trigger: SpacySpan) -> bool:
    """A bare demonym or country counts only when it governs or modifies the trigger (not "the Syrian city of X")."""
    tok = span.root
    return tok.head.i in range(trigger.start, trigger.end) or tok.dep_ in ("nsubj", "pobj")


def _within(tok: Token, trigger: SpacySpan) -> bool:
    return trigger.start <= tok.i < trigger.end


def _governs(verb: Token, trigger: SpacySpan) -> int:
    """How closely `verb` governs the trigger: 3 = is the trigger or its head, 2 = two steps up, 1 = three, 0 = no."""
    if trigger.start <= verb.i < trigger.end:
        return 3
    tok = trigger.root
    for strength in (3, 2, 1):
        if tok.head.i == tok.i:
            return 0
        tok = tok.head
        if tok.i == verb.i:
            return strength
    return 0


def _effective_head(h: Token, trigger: SpacySpan, *, group: bool) -> Token:
    """Climb from a name to the phrase it names: "fighters of the JNIM group", "al Shabaab militants", "X, a group",
    "pro-Houthi snipers" (a group's name may be an adjective; "military" in "military forces" is not the actor)."""
    for _ in range(4):
        head = h.head
        if trigger.start <= head.i < trigger.end or head.i == h.i:
            return h
        modifier = ("compound", "amod") if group else ("compound",)
        if (h.dep_ in modifier and head.pos_ in ("NOUN", "PROPN")) or h.dep_ == "appos":
            h = head
        elif h.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i < h.i:
            h = head.head
        else:
            return h
    return h


def _dep_and_gov(tok: Token) -> tuple[str, Token]:
    """The token's relation, seen through a dateline ("JUBA, Dec 5 - X signed": X parses as a conjunct of JUBA)."""
    head = tok.head
    if tok.dep_ == "conj" and head.i == head.sent.start and head.is_upper and len(head.text) > 2:
        return head.dep_, head.head
    return tok.dep_, head


def _undergoes(word: Token) -> bool:
    """The subject of "died", "were dead", "were injured" suffers the event rather than doing it."""
    if word.lemma_.lower() in _SUFFER_WORDS or word.dep_ == "acomp":
        return True
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in word.children)
    return word.tag_ == "VBN" and passive and not any(c.dep_ == "dobj" for c in word.children)


def _agent_strength(verb: Token, trigger: SpacySpan) -> int:
    """How surely "by X" names the doer: 4 for the trigger's own agent; 1 for an escort ("soldiers accompanied by
    Russian forces arrested ..."); 2 for the agent of another act ("intercepted a missile fired by X")."""
    if verb.lemma_.lower() in role_words("escort") and not _within(verb, trigger):
        return 1
    return 4 if _within(verb, trigger) or _within(verb.head, trigger) or _governs(verb, trigger) else 2


def role(span: SpacySpan, kind: str, trigger: SpacySpan) -> tuple[int, int]:
    """(1 or 2, strength 0-4): which side of the event the mention is on, from its dependency relation."""
    h = _effective_head(span.root, trigger, group=kind == "group")
    if span.start < trigger.end and trigger.start < span.end:
        if span.start > trigger.start:
            return 2, 2  # the object inside a cue: "clashed with police"
        return (2, 1) if kind == "civilians" else (1, 2)
    if trigger.start <= h.head.i < trigger.end and h.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod"):
        return 1, 4
    if h.dep_ == "pobj":
        prep = h.head
        if prep.lower_ == "by":
            return 1, _agent_strength(prep.head, trigger)
        if h.i != span.root.i and h.lemma_.lower() in role_words("operation") and _governs(prep.head, trigger):
            return 1, 3  # "killed during a police raid": whose raid it was
        if prep.lower_ == "between":
            return 1, 3
        if prep.lower_ in ("on", "against", "targeting", "at", "in", "of", "with") and _governs(prep.head, trigger):
            return (2, 3) if prep.lower_ in ("on", "against", "targeting") else (2, 1)
    if h.dep_ == "conj" and h.head.dep_ == "pobj" and h.head.head.lower_ == "between":
        return 2, 3
    dep, gov = _dep_and_gov(h)
    if dep == "conj":
        head_dep, head_gov = _dep_and_gov(h.head)
        if head_dep in ("nsubj", "nsubjpass") and _governs(head_gov, trigger):
            return 2, 2  # "X and Y clashed / signed": the second party
    if dep in ("nsubj", "csubj"):
        near = _governs(gov, trigger)
        if near:
            return (2, near) if _undergoes(trigger.root) else (1, near)
    if h.dep_ in ("nsubj", "csubj"):
        near = _governs(h.head, trigger)
        if near:
            return 1, near
        return 1, 1 if h.i < trigger.start else 0
    if h.dep_ == "nsubjpass" and h.head.lemma_.lower() in role_words("attribution") and not _within(h.head, trigger):
        near = _governs(h.head, trigger)
        if near:
            return 1, near  # "police are accused of assaulting a driver"
    if h.dep_ in ("dobj", "nsubjpass", "obj"):
        near = _governs(h.head, trigger)
        if near:
            return 2, near + 1
        if h.head.lemma_ in _HARM_VERBS:
            return 2, 2
    return (1, 0) if h.i < trigger.start else (2, 0)

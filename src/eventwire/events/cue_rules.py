"""Rules over cues and story segments used by event typing (events/detect.py): who does the violence, whether a
protest turned violent or was suppressed, which old date governs a cue. Pure functions over the spaCy parse and
the lexicon's word lists, so detect.py keeps the flow and this module the linguistics."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.model import SubEventType, Timex

S = SubEventType
EXPLOSIVE = ("SUICIDE", "CHEM", "AIR", "SHELL", "GRENADE", "IED")
# Weight of a cue by where it stands: the headline and the lead carry the story.
TITLE_WEIGHT, LEAD_WEIGHTS, BODY_WEIGHT = 3.0, (3.0, 1.5), 0.6
# An event of an earlier year than publication, or this many days before it, is background, not news.
HISTORICAL_DAYS = 60
# Weight of a cue named as the cause or occasion of what happened ("after a demonstration", "following the
# killing of"): it is the backdrop of the news, not the news.
BACKDROP = 0.3
BACKDROP_PREPOSITIONS = {"after", "following", "since", "amid", "despite", "over"}
EARLIER = {"previously", "formerly"}
# Conjunctions that open a clause of what happened before or caused the news ("after police arrested ...").
BACKDROP_MARKS = {"after", "since", "following"}


def backdrop(cue: Cue) -> bool:
    """Is the cue inside the cause or occasion of the news: the object of "after"/"following"/"in the wake of"
    ("following intensive air and artillery bombardment"), or a clause opened by "after" ("a day after police
    arrested hundreds of protesters, ... said three were abducted")? Climbs the phrase up to the clause that
    reports the news."""
    if cue.span is None:
        return False
    node = cue.span.root
    while True:
        if node.dep_ in {"pobj", "pcomp"} and _backdrop_preposition(node.head):
            return True
        if node.dep_ == "dobj" and node.head.lower_ == "following":  # "following" parsed as a verb
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKDROP_MARKS for c in node.children):
            return True
        if node.pos_ in {"VERB", "AUX"} and any(c.lower_ in EARLIER for c in node.children if c.dep_ == "advmod"):
            return True  # "an offensive that had previously involved air strikes"
        if node.head.i == node.i or (node.pos_ in {"VERB", "AUX"} and node.dep_ in {"ROOT", "ccomp", "xcomp"}):
            return False
        node = node.head


def _backdrop_preposition(prep: Token) -> bool:
    word = prep.lower_
    return word in BACKDROP_PREPOSITIONS or (word == "of" and prep.head.lower_ in {"wake", "aftermath"})


# Where a clause stands apart from the mood of the verb above it: "vowed an inquiry after seven were murdered",
# "will advance after seizing the town": what the adverbial says happened did happen.
REALIS_MARKS = {"after", "since", "because", "as", "when", "while", "following"}


def realis_clause(node: Token) -> bool:
    if node.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in REALIS_MARKS for c in node.children)
    return node.dep_ in {"pcomp", "pobj"} and node.head.lower_ in BACKDROP_PREPOSITIONS


def subjects(verb: Token) -> list[Token]:
    """A verb's subjects, shared with the verb it is coordinated with ("forces captured X and marched into Y")."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    while not found and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        found = [c for c in verb.children if c.dep_ == "nsubj"]
    return found


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    span: SpacySpan | None  # None for cues found in the title, which is not part of the text
    sentence: int  # index of the sentence in the doc; -1 for the title
    current: bool = True
    past: Timex | None = None


@dataclass
class Segment:
    """Consecutive sentences about one event; the first segment also has the title's cues. `fragments` are
    its datelines and bylines ("NEW DELHI, March 7 (Xinhua) --", "Monitoring Desk."): they hold no news, so the
    lead is the first sentences after them."""

    sentences: list[int]
    cues: list[Cue] = field(default_factory=list)
    fragments: set[int] = field(default_factory=set)

    @property
    def lead(self) -> list[int]:
        news = [i for i in self.sentences if i not in self.fragments] or self.sentences
        return news[: len(LEAD_WEIGHTS)]

    def rank(self, sentence: int) -> int:
        """How far into the segment's news a sentence stands: 0 for the lead sentence."""
        return sum(1 for i in self.sentences if i < sentence and i not in self.fragments)


FRAGMENT_POS = {"PROPN", "NUM", "PUNCT", "SPACE", "SYM", "X"}


def is_fragment(sentence: SpacySpan) -> bool:
    """A dateline or byline: names, numbers and punctuation only."""
    return all(t.pos_ in FRAGMENT_POS for t in sentence)


AGREEMENT_NOUNS = {"deal", "deals", "agreement", "agreements", "accord", "accords", "pact", "arrangement"}
DEFINITE = {"the", "that", "this", "those", "these"}
NAME_LABELS = {"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"}


def agents(word: Token) -> list[Token]:
    """Who does what a cue reports: a verb's subject ("residents beat ..."), or the "between"/"among" phrase of
    a noun ("a fight between two groups"), also when the noun is the subject of "took place"/"erupted"."""
    subjects = [t for c in word.children if c.dep_ == "nsubj" for t in c.subtree]
    between = [t for c in word.children if c.dep_ == "prep" and c.lower_ in {"between", "among"} for t in c.subtree]
    if not between and word.dep_ in {"nsubj", "dobj"}:
        between = [
            t for c in word.head.children if c.dep_ == "prep" and c.lower_ in {"between", "among"} for t in c.subtree
        ]
    return subjects + between


def objects(verb: Token) -> list[Token]:
    """What a verb acts on: its objects and passive subjects, through "dozens of" and conjunctions."""
    found = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    for word in list(found):
        found += [g for c in word.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    for word in list(found):
        found += list(word.conjuncts)
    return found


def not_a_report(span: SpacySpan) -> bool:
    """ "non-violent", "anti-riot" negate the cue; "IS-occupied areas", "newly captured villages" describe a
    place by an earlier takeover rather than report one."""
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in {"non", "anti"}:
        return True
    if span.root.dep_ == "pobj" and span.root.head.lower_ == "without":
        return True  # "without a physical confrontation"
    if span.label_ == "CLASH" and span.root.tag_ == "VBG" and span.root.dep_ == "amod":
        return True  # "infantry fighting vehicles"
    if span.label_ == "AGREE" and span.root.dep_ == "compound" and span.root.head.lower_ not in AGREEMENT_NOUNS:
        return True  # "truce monitors", "ceasefire violations" name something else; "ceasefire deal" does not
    if span.label_ in {"TAKEOVER", "REGAIN"}:
        return span.root.dep_ == "amod" or (span.start > 0 and doc[span.start - 1].text == "-")
    return False


def in_name(span: SpacySpan) -> bool:
    """A cue word inside a capitalised name ("National Liberation Front", "Government of National Accord",
    "Drone Organisation") names something; it reports nothing."""
    if not all(t.is_title or t.is_upper for t in span) or span.start == span.sent.start:
        return False
    return any(t.ent_type_ in NAME_LABELS for t in span)


def anaphora_of_past(cues: list[Cue]) -> list[Cue]:
    """ "the attack" after a sentence about a 2019 attack is that attack again, not a new one."""
    out, past = [], None
    for cue in sorted(cues, key=lambda c: c.span.start):
        if not cue.current:
            past = past or cue.past
        elif past is not None and cue.span.start > 0 and cue.span.doc[cue.span.start - 1].lower_ in DEFINITE:
            cue = Cue(cue.category, cue.span, cue.sentence, current=False, past=past)
        out.append(cue)
    return out


def protest_kind(context: set[str], *, violent: bool, intervened: bool) -> SubEventType:
    """ACLED's order: violent demonstrators make a violent demonstration whatever the police did; force on a
    peaceful protest is intervention, or excessive force when lethal or described as violent suppression."""
    if violent:
        return S.VIOLENT_DEMONSTRATION
    if "EXCESSIVE" in context or ("LETHAL" in context and "STATE_AGENT" in context):
        return S.EXCESSIVE_FORCE
    return S.PROTEST_WITH_INTERVENTION if intervened else S.PEACEFUL_PROTEST


def protesters_violent(segment: Segment, context: dict[str, frozenset[str]]) -> bool:
    """Rioting anywhere in the lead ("hurled stones", "petrol bombs"), or fighting or destruction in a sentence
    about the protest ("clashed with protesters", "protesters torched a bank")."""
    lead = set(segment.lead)
    protest_sentences = {c.sentence for c in segment.cues if c.category == "PROTEST" and c.current}
    for cue in segment.cues:
        if not cue.current or (cue.sentence not in lead and cue.sentence >= 0):
            continue
        if cue.category == "RIOT" or (cue.category == "CLASH" and _fight_at_protest(cue.span, context)):
            return True
        if cue.category == "UNREST" and cue.span is not None and _unrest_at_protest(cue.span, context):
            return True
        if cue.category == "LOOT" and cue.sentence in protest_sentences and _destroyed_by_crowd(cue.span, context):
            return True
    return False


def _unrest_at_protest(span: SpacySpan, context: dict[str, frozenset[str]]) -> bool:
    """Violence that happened at the protest: "violence surged", "the protest descended into one of the worst
    outbreaks of violence", "Friday's violence". Not violence a protest denounces ("condemning violence against
    civilians"), which is its object or has a target, nor violence by the police."""
    root = span.root
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in root.children):
        return False
    if any(t.lower_ in context["STATE_AGENT"] for t in root.subtree):
        return False  # "violence by the police"
    if root.dep_ == "nsubj" or any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in root.children):
        return True
    node = root
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.i != node.head.i:
        node = node.head.head  # "one of the worst outbreaks of violence"
    return node.dep_ == "pobj" and node.head.lower_ in {"into", "in"}


def _fight_at_protest(span: SpacySpan, context: dict[str, frozenset[str]]) -> bool:
    """ "clashed with police", "clashes with protesters": a fight with the crowd or the police in it; not
    "armed clashes between gangs" or "the battle against the virus" mentioned by a protest story."""
    sides = context["CROWD"] | context["STATE_AGENT"]
    root = span.root
    # "clashes broke out after soldiers attacked a protest": the clause the fight is the subject of
    scope = root.head if root.dep_ == "nsubj" and root.head.pos_ == "VERB" else root
    return any(t.lower_ in sides for t in scope.subtree if not span.start <= t.i < span.end)


def _destroyed_by_crowd(span: SpacySpan, context: dict[str, frozenset[str]]) -> bool:
    """ "protesters torched a bank", "with banks set ablaze": destruction in the protest, not crops "destroyed"
    by a flood or "looted funds" the protest is about."""
    root = span.root
    if span.text.lower() in context["ARSON"]:
        return root.dep_ != "amod"
    if root.pos_ != "VERB":
        return False
    subjects = [t for c in root.children if c.dep_ == "nsubj" for t in c.subtree]
    return any(t.lower_ in context["CROWD"] for t in subjects)


def interventions(segment: Segment) -> bool:
    """Force or arrests used on the protest itself: "dispersed with tear gas", "police detained 30".
    A protest *against* an arrest ("against the arrest of ...") is not one."""
    lead = set(segment.lead)
    protest_sentences = {c.sentence for c in segment.cues if c.category == "PROTEST" and c.current}
    for cue in segment.cues:
        if not cue.current or cue.span is None or cue.sentence not in lead:
            continue
        if cue.category == "INTERVENE":
            return True
        if cue.category == "ARREST" and cue.span.root.tag_.startswith("VB") and cue.sentence in protest_sentences:
            return True
    return False


def same_sentence(segment: Segment, first: str, second: str) -> bool:
    one = {c.sentence for c in segment.cues if c.category == first and c.current and c.sentence >= 0}
    return any(c.category == second and c.current and c.sentence in one for c in segment.cues)


def in_lead(segment: Segment, category: str, *, news: bool = False) -> bool:
    """Has the lead (or the title) a current cue of the category; with `news`, one that is not backdrop."""
    lead = segment.lead
    return any(
        c.category == category and c.current and (c.sentence < 0 or c.sentence in lead) and not (news and backdrop(c))
        for c in segment.cues
    )


VIOLENCE_FAMILY = {"VIOLENCE", "CLASH", *EXPLOSIVE, "ABDUCT", "SEXUAL", "TAKEOVER", "REGAIN"}


def trigger_cue(cues: list[Cue], category: str, segment: Segment) -> Cue | None:
    """The words that report the event: its category's first cue in the lead, else a violence cue there."""
    lead = set(segment.lead)
    in_lead = [c for c in cues if c.sentence in lead]
    family = VIOLENCE_FAMILY if category in VIOLENCE_FAMILY else {category}
    return (
        first_cue(in_lead, category)
        or next((c for c in sorted(in_lead, key=lambda c: c.span.start) if c.category in family and c.span), None)
        or first_cue(cues, category)
        or first_cue(cues, None)
    )


def mention_spans(cues: list[Cue], category: str, trigger: SpacySpan) -> tuple[SpacySpan, ...]:
    """Every span of the story that reports the event, in text order, the trigger among them: for an act of
    violence every violence cue ("the raid", "killed", "the blast"), else the cues of its own category."""
    family = VIOLENCE_FAMILY | {"MOB"} if category in VIOLENCE_FAMILY | {"MOB"} else {category}
    spans = {c.span.start: c.span for c in cues if c.span is not None and c.category in family}
    spans[trigger.start] = trigger
    return tuple(spans[k] for k in sorted(spans))


def first_cue(cues: list[Cue], category: str | None) -> Cue | None:
    in_text = [c for c in cues if c.span is not None and (category is None or c.category == category)]
    return min(in_text, key=lambda c: c.span.start_char) if in_text else None


def past_sentences(
    doc: Doc, sentences: list[SpacySpan], timexes: tuple[Timex, ...], published: date | None
) -> dict[int, tuple[Timex, bool]]:
    """Sentences dated well before publication ("in 2019", "in March 2021"): the expression that dates them, and
    whether the sentence also has a recent date."""
    if published is None:
        return {}
    starts = [s.start_char for s in sentences]
    out: dict[int, Timex] = {}
    recent: set[int] = set()
    for timex in timexes:
        when = _timex_date(timex)
        if when is None:
            continue
        index = max(i for i, start in enumerate(starts) if start <= timex.span.start)
        if (published - when).days <= HISTORICAL_DAYS or (when.year >= published.year and len(timex.value or "") == 4):
            recent.add(index)
            continue
        out.setdefault(index, timex)
    # "On 3 May, troops took down the tents set up on October 17": in a sentence dated now too, only the words
    # the old date governs are old (`dated_by`), marked here by a `mixed` flag on the timex's sentence
    return {i: (t, i in recent) for i, t in out.items()}


def dated_by(span: SpacySpan, timex: Timex) -> bool:
    """Does the old date govern this cue? It dates the noun phrase it sits in ("a car bomb attack on a market in
    2019 that killed 20") or, as an adverbial, its verb's clause ("tents that were set up on October 17")."""
    words = span.doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand")
    if words is None:
        return True
    node = words.root
    while node.head.i != node.i and node.head.pos_ not in {"VERB", "AUX"}:
        node = node.head
    anchor = node.head if node.dep_ in {"prep", "npadvmod", "advmod", "tmod"} else node
    # the parser often hangs "... in 2019 that killed 20" off another verb: words right after the date are its own
    right_after = 0 <= span.start - words.end <= 4
    return right_after or span.root == anchor or anchor in span.root.ancestors


def _timex_date(timex: Timex) -> date | None:
    value = timex.value or ""
    try:
        if len(value) == 4 and value.isdigit():
            return date(int(value), 12, 31)
        if len(value) == 7 and value[4] == "-":
            return date(int(value[:4]), int(value[5:7]), 28)
        if len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        return None
    return None

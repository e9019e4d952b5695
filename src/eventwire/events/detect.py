"""Event detection and typing: which events an article reports, and their ACLED sub-types.

Cues come from a data file (events/data/triggers.json): phrases grouped into categories (air strike, protest,
abduction, ...). The method follows how a wire story is written: the headline and the lead sentence say what
happened, later sentences add detail or background. So each category is scored with more weight in the title
and lead, cues under a modal or negated verb ("planned to hold a rally", "denied shelling") and cues in
sentences about an earlier year ("a bombing in 2019") do not count as current, and the ACLED codebook's
precedence decides between categories that co-occur (a strike that kills is still an air strike; police firing
tear gas at protesters is a protest with intervention). A story reports one event unless a sentence starting
"Separately", "Elsewhere", ... opens a new one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from eventwire.events.cue_rules import (
    BACKDROP,
    BODY_WEIGHT,
    EXPLOSIVE,
    LEAD_WEIGHTS,
    TITLE_WEIGHT,
    Cue,
    Segment,
    agents,
    anaphora_of_past,
    backdrop,
    dated_by,
    first_cue,
    in_lead,
    in_name,
    interventions,
    is_fragment,
    mention_spans,
    not_a_report,
    objects,
    past_sentences,
    protest_kind,
    protesters_violent,
    realis_clause,
    same_sentence,
    subjects,
    trigger_cue,
)
from eventwire.model import SubEventType, Timex

S = SubEventType
MARCHES = {"marched", "march", "marches", "marching", "rallied"}  # troops march and rally too
FIGHTING = {"VIOLENCE", "CLASH", "RIOT"}
REPORTING = {"say", "tell", "report", "confirm", "add", "state", "claim", "announce"}
HARMFUL = {"VIOLENCE", "CLASH", "LOOT", *EXPLOSIVE}  # cues that say someone or something was hit
# A clause that states its own news: "did not remain calm for long, as ISIS launched an assault" negates
# the main verb only, not the adverbial or relative clause under it.
_OWN_CLAUSE = frozenset({"ROOT", "advcl", "relcl", "parataxis"})


def _semicolon_between(a: Token, b: Token) -> bool:
    """ "Rebels captured the hill; however, this has not been confirmed": spaCy hangs the first statement under
    the second, but a semicolon ends it."""
    low, high = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[low:high])


DIRECT: dict[str, SubEventType] = {
    "SUICIDE": S.SUICIDE_BOMB,
    "CHEM": S.CHEMICAL_WEAPON,
    "AIR": S.AIR_DRONE_STRIKE,
    "SHELL": S.SHELLING,
    "GRENADE": S.GRENADE,
    "IED": S.REMOTE_EXPLOSIVE,
    "SEXUAL": S.SEXUAL_VIOLENCE,
    "ABDUCT": S.ABDUCTION,
    "REGAIN": S.GOV_REGAINS_TERRITORY,
    "MOB": S.MOB_VIOLENCE,
    "CLASH": S.ARMED_CLASH,
    "AGREE": S.AGREEMENT,
    "ARREST": S.ARRESTS,
    "DISRUPT": S.DISRUPTED_WEAPONS_USE,
    "HQ": S.HQ_ESTABLISHED,
    "TRANSFER": S.NON_VIOLENT_TERRITORY_TRANSFER,
    "LOOT": S.LOOTING,
    "CHANGE": S.CHANGE_TO_GROUP,
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that reports an event, with the sub-type it implies and the rule that found it."""

    span: SpacySpan
    sub_event_type: SubEventType
    rule: str
    score: float
    historical: bool = False
    past: Timex | None = None  # the expression that dates a historical event
    mentions: tuple[SpacySpan, ...] = ()  # every span that reports the event, the trigger among them


@dataclass(frozen=True, slots=True)
class Lexicon:
    weights: dict[str, float]
    cues: dict[str, list[str]]
    context: dict[str, frozenset[str]]
    modal: frozenset[str]
    precedence: tuple[str, ...]
    separators: tuple[str, ...]
    needs_harm: frozenset[str]  # cues that report an event only beside a harm word ("drones" can just fly)
    denial: frozenset[str]  # words that void every cue below them ("denied ... responsible for the attack")
    not_mentions: frozenset[str]  # last words of cues that name a weapon or doer, not the act ("bomb", "gunmen")
    armed_exempt: frozenset[str]  # CHANGE cues that need no armed actor in their sentence ("curfew")
    armed_only: frozenset[str]  # other cues that need one ("gained ground": firefighters gain ground too)
    patterns: dict[str, list]  # spaCy Matcher token patterns, for wording with words in between


@cache
def load_lexicon() -> Lexicon:
    data = json.loads(resources.files("eventwire.events").joinpath("data/triggers.json").read_text("utf-8"))
    categories = data["categories"]
    return Lexicon(
        weights={name: float(c["weight"]) for name, c in categories.items()},
        cues={name: c["cues"] for name, c in categories.items()},
        context={name: frozenset(words) for name, words in data["context"].items()},
        modal=frozenset(data["modal"]),
        precedence=tuple(data["precedence"]),
        separators=tuple(data["context"]["SEPARATOR"]),
        needs_harm=frozenset(data.get("needs_harm", ())),
        denial=frozenset(data.get("denial", {}).get("words", ())),
        not_mentions=frozenset(data.get("not_mentions", {}).get("words", ())),
        armed_exempt=frozenset(data.get("needs_armed", {}).get("exempt", ())),
        armed_only=frozenset(data.get("needs_armed", {}).get("cues", ())),
        patterns={k: v for k, v in data.get("patterns", {}).items() if not k.startswith("_")},
    )


def opens_new_story(sentence: SpacySpan) -> bool:
    """A sentence that starts another incident ("Separately, ...", "Elsewhere, ..."): what follows belongs to
    that one. Detection, counts and actors all split stories here, with the lexicon's SEPARATOR words."""
    return sentence.text.lstrip().lower().startswith(load_lexicon().separators)


class TriggerDetector:
    """Finds and types the events of a Doc. Matchers are built once, from the lexicon data file."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = load_lexicon()
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name, cues in self.lexicon.cues.items():
            self.matcher.add(name, list(nlp.tokenizer.pipe(cues)))
        self.patterns = Matcher(nlp.vocab)
        for name, patterns in self.lexicon.patterns.items():
            self.patterns.add(name, patterns)
        self.context = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name, words in self.lexicon.context.items():
            self.context.add(name, list(nlp.tokenizer.pipe(sorted(words))))

    def __call__(self, doc: Doc) -> list[Trigger]:
        article = doc._.article
        sentences = list(doc.sents)
        published = article.published if article is not None else None
        past = past_sentences(doc, sentences, doc._.timexes, published)
        segments = self._segments(doc, sentences)
        timex_spans = [(t.span.start, t.span.end) for t in doc._.timexes]
        for cue in anaphora_of_past(self._cues(doc, sentences, past)):
            root = cue.span.root
            if any(s <= root.idx < e for s, e in timex_spans):
                continue  # "March" the month is not a march; "established today a post" still reports a post
            segment = next((s for s in segments if cue.sentence in s.sentences), segments[0])
            segment.cues.append(cue)
        if article is not None and article.title:
            title = self._title_cues(article.title, published)
            for segment in segments:
                # a headline can name several events: it backs each category its segment reports itself
                present = {c.category for c in segment.cues if c.current}
                segment.cues += [c for c in title if c.category in present or not c.current]
        triggers = []
        for number, segment in enumerate(segments):
            trigger = self._classify(doc, sentences, segment, lead=number == 0)
            if trigger is not None:
                triggers.append(trigger)
        return triggers

    # ----------------------------------------------------------------------------------------------- cues

    def _cues(self, doc: Doc, sentences: list[SpacySpan], past: dict[int, tuple[Timex, bool]]) -> list[Cue]:
        matches = [*self.matcher(doc, as_spans=True), *self.patterns(doc, as_spans=True)]
        sent_of = {s.start: i for i, s in enumerate(sentences)}
        starts = sorted(sent_of)
        out = []
        # "non-violent demonstration": drop the negated cue before the longest match hides "demonstration"
        for span in filter_spans([m for m in matches if not not_a_report(m)]):
            index = sent_of[max(s for s in starts if s <= span.start)]
            if self._voided(span) or in_name(span) or self._idle(span, sentences[index]):
                continue
            if span.text.lower() in MARCHES and self._armed_subject(span):
                continue
            category = "DISRUPT" if self._weapon_handled(span) else span.label_
            old, mixed = past.get(index, (None, False))
            if old is not None and mixed and not dated_by(span, old):
                old = None  # a recent sentence that mentions an old date elsewhere
            out.append(Cue(category, span, index, current=old is None, past=old))
        return out

    def _idle(self, span: SpacySpan, sent: SpacySpan) -> bool:
        """A weapon or aircraft named without harm in its sentence ("parts for drones", "a drone filmed the
        flood") reports no strike; "arrived in" or "deployed" without soldiers or police in the sentence ("the
        president arrived in Amman") is no change to an armed group's activity."""
        text = span.text.lower()
        if span.label_ == "CLASH" and span.root.pos_ == "NOUN" and self._fight_against_nature(span.root):
            return True  # "the battle to contain the wildfires", "the fight against covid"
        if (span.label_ == "CHANGE" and text not in self.lexicon.armed_exempt) or text in self.lexicon.armed_only:
            return not any(m.label_ in {"ARMED", "STATE_AGENT"} for m in self.context(sent, as_spans=True))
        if text not in self.lexicon.needs_harm:
            return False
        harm = self.lexicon.context["PASSIVE_HARM"] | self.lexicon.context["LAUNCH"]
        if any(t.lower_ in harm for t in sent if not span.start <= t.i < span.end):
            return False
        others = filter_spans(self.matcher(sent, as_spans=True))
        return not any(m.label_ in HARMFUL and m.start != span.start for m in others)

    def _fight_against_nature(self, noun: Token) -> bool:
        aims = [c for c in noun.children if c.dep_ in {"prep", "acl", "relcl"} and c.lower_ in {"against", "to", "for"}]
        aims += [c for c in noun.children if c.dep_ == "acl"]
        return any(t.lower_ in self.lexicon.context["NONEVENT"] for aim in aims for t in aim.subtree)

    def _armed_subject(self, span: SpacySpan) -> bool:
        """Troops that "marched into" a town or "rallied" are not protesters."""
        armed = self.lexicon.context["ARMED"]
        return any(t.lower_ in armed for s in subjects(span.root) for t in s.subtree)

    def _weapon_handled(self, span: SpacySpan) -> bool:
        """Weapons seized, destroyed or found ("captured 234 pistols", "destroyed dozens of machine guns"): the
        verb acts on the weapon, so nothing exploded or was fought over."""
        verbs, weapons = self.lexicon.context["DISRUPT_VERB"], self.lexicon.context["WEAPONS"]
        root = span.root
        if span.label_ in {"TAKEOVER", "LOOT"}:
            main = root.dep_ in {"ROOT", "conj"}  # not "killed a policeman as he was seizing weapons"
            return main and root.lower_ in verbs and any(w.lower_ in weapons for w in objects(root))
        if span.label_ == "DISRUPT":
            return False
        node = root
        for _ in range(4):  # climb "rockets, mines and explosives", "dozens of rockets" to the verb's object
            if node.dep_ == "conj":
                node = node.head
            elif node.dep_ == "pobj" and node.head.lower_ == "of":
                node = node.head.head
            else:
                break
        return node.dep_ in {"dobj", "nsubjpass"} and node.head.lower_ in verbs

    def _title_cues(self, title: str, published: date | None) -> list[Cue]:
        doc = self.nlp.make_doc(title)
        # a headline about an earlier year ("... over 2019 market bombing") is about the past
        years = [int(t.text) for t in doc if t.shape_ == "dddd" and 1900 < int(t.text) < 2100]
        current = not (published and years and max(years) < published.year)
        return [Cue(s.label_, None, -1, current=current) for s in filter_spans(self.matcher(doc, as_spans=True))]

    def _voided(self, span: SpacySpan) -> bool:
        """Negated, hypothetical, planned or threatened: reported, but not as having happened. A denial voids
        everything under it, however deep."""
        token = span.root
        if any(node.lower_ in self.lexicon.denial for node in token.ancestors):
            return True
        for level, node in enumerate([token, *list(token.ancestors)[:2]]):
            if level > 0 and node.lower_ in self.lexicon.modal:
                return True
            for child in node.children:
                # "any possible attack", "a planned rally": an adjective of mood on the cue word itself
                deps = {"aux", "mark", "amod"} if level == 0 else {"aux", "mark"}
                if child.dep_ == "neg" or (child.dep_ in deps and child.lower_ in self.lexicon.modal):
                    return True
            if node.dep_ in _OWN_CLAUSE or realis_clause(node) or _semicolon_between(node, node.head):
                break
        return False

    def _segments(self, doc: Doc, sentences: list[SpacySpan]) -> list[Segment]:
        segments = [Segment([])]
        for i, sent in enumerate(sentences):
            if i > 0 and opens_new_story(sent):
                segments.append(Segment([]))
            segments[-1].sentences.append(i)
            if is_fragment(sent):
                segments[-1].fragments.add(i)
        return segments

    # --------------------------------------------------------------------------------------------- typing

    def _classify(self, doc: Doc, sentences: list[SpacySpan], segment: Segment, *, lead: bool) -> Trigger | None:
        current = [c for c in segment.cues if c.current]
        scores = self._scores(current, segment)
        in_lead = [c for c in current if c.sentence < 0 or c.sentence in segment.lead]
        if not scores or not in_lead or self._not_conflict(doc, sentences, segment, scores):
            return self._historical(segment) if lead else None
        category, sub = self._decide(doc, sentences, segment, scores)
        cue = trigger_cue(current, category, segment)
        if cue is None:  # every current cue was in the title: point at the first cue in the text
            return self._historical(segment) if lead else None
        total = sum(scores.values())
        confidence = round(min(0.95, 0.4 + 0.55 * scores.get(category, max(scores.values())) / total), 3)
        mentions = mention_spans(self._acts(current), category, cue.span)
        return Trigger(cue.span, sub, f"cue:{category}:{cue.span.text.lower()}", confidence, mentions=mentions)

    def _scores(self, cues: list[Cue], segment: Segment, *, discount: float = BACKDROP) -> dict[str, float]:
        scores: dict[str, float] = defaultdict(float)
        for cue in cues:
            if cue.sentence < 0:
                where = TITLE_WEIGHT
            else:
                offset = segment.rank(cue.sentence)
                where = LEAD_WEIGHTS[offset] if offset < len(LEAD_WEIGHTS) else BODY_WEIGHT
            # "set fire to the offices following the killing of a man": the cause is backdrop, not the news
            scores[cue.category] += self.lexicon.weights[cue.category] * where * (discount if backdrop(cue) else 1.0)
        return {k: v for k, v in scores.items() if v > 0}

    def _not_conflict(self, doc: Doc, sentences: list[SpacySpan], segment: Segment, scores: dict) -> bool:
        """Disasters, accidents and disease kill too: when the only violence words are ones any death uses
        ("died", "killed", "explosion") and the lead names a disaster, there is no political event."""
        passive = self.lexicon.context["PASSIVE_HARM"]
        weak = {"VIOLENCE", "IED", "LOOT", "CHANGE"}
        if set(scores) - weak:
            return False
        cues = [c for c in segment.cues if c.current and c.span is not None and c.category in weak]
        if any(c.span.text.lower() not in passive for c in cues):
            return False
        lead = doc[sentences[segment.lead[0]].start : sentences[segment.lead[-1]].end]
        # a disaster word inside a name ("the Storm Corps") names a unit, not a disaster
        return any(
            doc.vocab.strings[m] == "NONEVENT" and not all(t.ent_type_ in {"ORG", "FAC", "NORP"} for t in doc[s:e])
            for m, s, e in self.context(lead)
        )

    def _decide(
        self, doc: Doc, sentences: list[SpacySpan], segment: Segment, scores: dict[str, float]
    ) -> tuple[str, SubEventType]:
        order = {name: i for i, name in enumerate(self.lexicon.precedence)}
        ranked = sorted(scores, key=lambda k: (-scores[k], order.get(k, 99)))
        top = ranked[0]
        context = self._context(doc, sentences, segment)
        explosive = [k for k in EXPLOSIVE if k in scores]
        if "SUICIDE" in scores:
            return "SUICIDE", S.SUICIDE_BOMB
        # jets destroying an arms depot struck it: an air strike, not a seizure
        delivered = same_sentence(segment, "DISRUPT", "AIR")
        if "DISRUPT" in scores and not delivered and self._weapons_disrupted(doc, sentences, segment):
            return "DISRUPT", S.DISRUPTED_WEAPONS_USE  # a defused bomb or a seized cache: no explosion happened
        scores = {k: v for k, v in scores.items() if k != "DISRUPT"} or scores
        ranked = sorted(scores, key=lambda k: (-scores[k], order.get(k, 99)))
        top = ranked[0]
        if top in {"CLASH", "VIOLENCE"} and (taken := self._territory_taken(segment)):
            top = taken  # ACLED codes a battle in which a side takes the place by the territory it changed
        # a takeover after a bombardment is a takeover; a killing in a blast is the blast
        explosive = [k for k in EXPLOSIVE if k in scores and in_lead(segment, k, news=top == "TAKEOVER")]
        if top in {"VIOLENCE", "CLASH", "LOOT", "CHANGE", "DISRUPT", "TAKEOVER"} and explosive and top != "DISRUPT":
            best = max(explosive, key=lambda k: (scores[k], -order[k]))
            top = best
        if top == "SHELL" and self._firefight(segment):
            return "CLASH", S.ARMED_CLASH  # artillery within a firefight (small arms, "armed clash"): a battle
        if top in EXPLOSIVE:
            return top, DIRECT[top]
        if top == "VIOLENCE":
            for specific in ("ABDUCT", "SEXUAL"):
                if specific in scores:
                    return specific, DIRECT[specific]
        # a protest named as the occasion of fighting ("clashes broke out after forces attacked a protest") is
        # still the protest the fighting belongs to: its full weight decides against the fighting words
        protest = self._scores([c for c in segment.cues if c.current and c.category == "PROTEST"], segment, discount=1)
        protest = protest.get("PROTEST", 0.0) if "PROTEST" in scores and top in FIGHTING else scores.get("PROTEST", 0.0)
        if protest and (
            top == "PROTEST"
            or (top in {"RIOT", "ARREST", "VIOLENCE", "CLASH", "TAKEOVER", "LOOT"} and protest >= 0.5 * scores[top])
        ):
            violent = protesters_violent(segment, self.lexicon.context)
            return "PROTEST", protest_kind(context, violent=violent, intervened=interventions(segment))
        if top in {"VIOLENCE", "CLASH"} and self._crowd_fight(segment):
            return top, S.MOB_VIOLENCE  # villagers lynching a thief, party supporters fighting with machetes
        if top == "VIOLENCE" and "CLASH" in scores and in_lead(segment, "CLASH"):
            if self._two_sided(segment):
                return "VIOLENCE", S.ARMED_CLASH  # civilians killed in crossfire of a clash: still the clash
            civilians = self._target(doc, sentences, segment) == "CIVILIAN"
            return "VIOLENCE", S.ATTACK if civilians else S.ARMED_CLASH
        if top == "CLASH" and not self._two_sided(segment) and self._target(doc, sentences, segment) == "CIVILIAN":
            return "CLASH", S.ATTACK  # an ambush on a bus is an attack on civilians
        if top == "RIOT":
            return "RIOT", S.MOB_VIOLENCE if "MOB" in scores else S.VIOLENT_DEMONSTRATION
        if top == "VIOLENCE":
            return "VIOLENCE", S.ARMED_CLASH if self._target(doc, sentences, segment) == "ARMED" else S.ATTACK
        if top in {"TAKEOVER", "REGAIN"} and "TRANSFER" in scores and "CLASH" not in scores:
            return top, S.NON_VIOLENT_TERRITORY_TRANSFER  # taken without a fight: the other side withdrew
        if top == "TAKEOVER":
            state = "STATE_SUBJECT" in context or ("STATE_AGENT" in context and self._armed_losers(segment))
            return "TAKEOVER", S.GOV_REGAINS_TERRITORY if state else S.NON_STATE_OVERTAKES_TERRITORY
        return top, DIRECT[top]

    def _context(self, doc: Doc, sentences: list[SpacySpan], segment: Segment) -> set[str]:
        found: set[str] = set()
        for i in segment.lead:
            sent = sentences[i]
            for match_id, start, _ in self.context(doc[sent.start : sent.end]):
                label = doc.vocab.strings[match_id]
                found.add(label)
                token = doc[start]  # matches on a Span come with Doc positions
                if (
                    label == "STATE_AGENT"
                    and token.dep_ in {"nsubj", "compound", "amod"}
                    and token.head.dep_ in {"ROOT", "nsubj"}
                ):
                    found.add("STATE_SUBJECT")
        return found

    def _two_sided(self, segment: Segment) -> bool:
        """A clash word that takes two sides ("clashes", "exchanged fire"; not "ambushed" or "snipers") in the
        sentence of the segment's first violence cue."""
        cues = [c for c in segment.cues if c.current and c.span is not None and c.category in {"VIOLENCE", "CLASH"}]
        if not cues:
            return False
        two_sided = self.lexicon.context["TWO_SIDED"]
        first = cues[0].sentence
        return any(c.category == "CLASH" and c.sentence == first and c.span.text.lower() in two_sided for c in cues)

    def _territory_taken(self, segment: Segment) -> str | None:
        """The lead says a side took a place ("clashing with insurgents and capturing a village", "took control
        of"): the object of the taking verb is a place, not people or weapons."""
        places = self.lexicon.context["PLACE"]
        for cue in segment.cues:
            if cue.category not in {"TAKEOVER", "REGAIN"} or not cue.current or cue.sentence not in segment.lead:
                continue
            if backdrop(cue):
                continue  # "a dispute over the control of ..."
            words = [*cue.span, *objects(cue.span.root)] if cue.span.root.pos_ == "VERB" else list(cue.span)
            if any(w.lower_ in places or w.ent_type_ in {"GPE", "LOC", "FAC"} for w in words):
                return cue.category
        return None

    def _armed_losers(self, segment: Segment) -> bool:
        """ "The militants were pushed back from their strongholds ... in battle with government forces": a
        passive taking verb whose subject is a non-state armed group lost the place, to the state forces the
        lead names."""
        armed = self.lexicon.context["NONSTATE_ARMED"]
        for cue in segment.cues:
            if cue.category == "TAKEOVER" and cue.current and cue.sentence in segment.lead:
                losers = [t for c in cue.span.root.children if c.dep_ == "nsubjpass" for t in c.subtree]
                return any(t.lower_ in armed for t in losers)
        return False

    def _firefight(self, segment: Segment) -> bool:
        """Small arms or a fight told in the same sentence as the artillery ("fired mortars and small arms",
        "clashed ..., using mortars"); not an offensive or an assault (`CAMPAIGN`), nor clashes in an adverbial
        ("as border clashes entered their 7th day", "bringing the toll in the clashes to six"), which are the
        setting of the shelling the sentence reports."""
        shelled = {c.sentence for c in segment.cues if c.category == "SHELL" and c.current and c.sentence >= 0}
        campaign = self.lexicon.context["CAMPAIGN"]
        return any(
            c.category == "CLASH"
            and c.current
            and c.sentence in shelled
            and c.span.text.lower() not in campaign
            and not any(a.dep_ == "advcl" for a in [c.span.root, *c.span.root.ancestors])
            for c in segment.cues
        )

    def _crowd_fight(self, segment: Segment) -> bool:
        """The violence is done by a crowd or a group of civilians ("residents beat a suspected thief", "clashes
        between two groups of locals", "Palestinians clashed with Israeli forces") with no armed group among
        them: ACLED's mob violence. Read from who does it: the subject, or "between ..." of the first cue that
        names its doers ("a man was killed as villagers clashed": not "killed", which names none)."""
        lead = set(segment.lead)
        fights = [
            c
            for c in segment.cues
            if c.current and c.span is not None and c.sentence in lead and c.category in {"VIOLENCE", "CLASH"}
        ]
        named = [(c, doers) for c in fights if c.span.root.lemma_ != "die" and (doers := agents(c.span.root))]
        if not named:
            return False  # "three people died" says nothing of who did it
        cue, doers = named[0]
        context = self.lexicon.context
        if any(c.sentence == cue.sentence and c.span.text.lower() in context["FIREARM_CUES"] for c in fights):
            return False  # guns are not a mob's weapons
        words = {t.lower_ for t in doers} | {t.lemma_.lower() for t in doers}
        return bool(words & context["MOB_AGENT"]) and not words & context["NONSTATE_ARMED"]

    def _weapons_disrupted(self, doc: Doc, sentences: list[SpacySpan], segment: Segment) -> bool:
        """A disruption cue ("defused", "seized", "recovered") with weapons in the same lead sentence."""
        lead = set(segment.lead)
        blasts = {c.span.root.i for c in segment.cues if c.category == "IED" and c.current and c.span is not None}
        for cue in segment.cues:
            if cue.category != "DISRUPT" or not cue.current or cue.sentence not in lead:
                continue
            if any(a.i in blasts for a in cue.span.root.ancestors):
                continue  # "the bomb blew up as soldiers were trying to defuse it": it went off
            sent = sentences[cue.sentence]
            if any(doc.vocab.strings[m] == "WEAPONS" for m, _, _ in self.context(doc[sent.start : sent.end])):
                return True
        return False

    def _target(self, doc: Doc, sentences: list[SpacySpan], segment: Segment) -> str | None:
        """ARMED or CIVILIAN: who the violence is aimed at. An attack on soldiers, police, gang members or a base
        is a battle in ACLED's terms; on anyone else, an attack. The trigger's passive subject or object says it
        ("two policemen were shot", "shot dead a soldier"); else the first such word after the trigger, not in
        a "by" phrase ("confirmed dead by the police"). "People" say nothing of who they were: then an armed
        target named by another cue of the lead decides ("12 people were killed ... rebels attacked a police
        post"), else they are civilians."""
        cues = [c for c in segment.cues if c.current and c.span is not None and c.category in {"VIOLENCE", "CLASH"}]
        if not cues:
            return None
        trigger = cues[0].span
        victims = self._victims(trigger)
        found = None
        if victims:
            words = {t.lower_ for t in victims}
            if words & self.lexicon.context["FORMER"] or {"off", "duty"} <= words:
                return "CIVILIAN"  # an off-duty or former policeman is a civilian to ACLED
            found = self._side(doc[victims[0].i : victims[-1].i + 1])
        if found in {None, "GENERIC"}:
            after = self._side(doc[trigger.end : sentences[cues[0].sentence].end])
            found = after if found is None or after in {"ARMED", "CIVILIAN"} else found
        if found != "GENERIC":
            return found
        lead = set(segment.lead)
        for cue in cues[1:]:
            hit = self._victims(cue.span)
            if cue.sentence in lead and hit and self._side(doc[hit[0].i : hit[-1].i + 1]) == "ARMED":
                return "ARMED"
        return "CIVILIAN"

    @staticmethod
    def _victims(trigger: SpacySpan) -> list[Token]:
        verb = trigger.root.head if trigger.root.dep_ == "nsubj" else trigger.root  # "gunmen shot ...": the verb
        return [t for c in verb.children if c.dep_ in {"nsubjpass", "dobj"} for t in c.subtree]

    def _side(self, words: SpacySpan) -> str | None:
        """The first ARMED or CIVILIAN word, else GENERIC for "people"; words of a "by" phrase are the doers."""
        labels = [(self.vocab.strings[m], s) for m, s, _ in self.context(words)]
        generic = None
        for label, start in sorted(labels, key=lambda x: x[1]):
            token = words.doc[start]
            if any(a.dep_ == "agent" or a.lower_ == "by" for a in token.ancestors if a.i >= words.start):
                continue
            if token.dep_ == "nsubj" and token.head.lemma_ in REPORTING:
                continue  # "..., police said": who reports it
            if label in {"CIVILIAN", "ARMED"}:
                return label
            if label == "GENERIC_VICTIM":
                generic = "GENERIC"
        return generic

    def _acts(self, cues: list[Cue]) -> list[Cue]:
        """Cues that mention the act itself, not its weapon or doer ("the bomb", "gunmen")."""
        return [c for c in cues if c.span is not None and c.span[-1].lower_ not in self.lexicon.not_mentions]

    def _historical(self, segment: Segment) -> Trigger | None:
        """The background event of an article with no current one: kept, flagged, dated in its own past."""
        reportable = {*DIRECT, "VIOLENCE"}
        past = [c for c in segment.cues if not c.current and c.span is not None and c.category in reportable]
        if not past:
            return None
        scores: dict[str, float] = defaultdict(float)
        for cue in past:
            scores[cue.category] += self.lexicon.weights[cue.category]
        category = max(scores, key=lambda k: scores[k])
        if category == "VIOLENCE":
            category = next((k for k in EXPLOSIVE if k in scores), "VIOLENCE")
        cue = first_cue(past, category) or past[0]
        sub = DIRECT.get(category, S.ATTACK)
        return Trigger(
            cue.span,
            sub,
            f"cue:{category}:{cue.span.text.lower()}",
            0.5,
            historical=True,
            past=cue.past,
            mentions=mention_spans(self._acts(past), category, cue.span),
        )

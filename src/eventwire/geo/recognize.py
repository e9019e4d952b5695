"""Toponym recognition: gazetteer-backed matching over capitalised token runs, checked against spaCy's
entities and the words around each name; datelines; demonyms kept apart.

The small spaCy model tags many places as PERSON or ORG ("Atmeh", "Uttar Pradesh", "BEIRUT"), so its
entities are one signal among several: a name the gazetteer knows is taken when spaCy calls it a place,
when a place cue surrounds it ("in X", "the town of X", "X, Idlib", "X province"), when it is a well-known
place, or when the same name was taken elsewhere in the article (one sense per discourse).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.geo.countries import demonym_countries
from eventwire.geo.cues import ContextCues, capitalised, cues, word_before
from eventwire.geo.dateline import find_dateline
from eventwire.geo.gazetteer import NAME, VARIANT, Gazetteer
from eventwire.geo.index import abbreviation_keys, type_free
from eventwire.geo.normalize import name_key
from eventwire.geo.toponym import Toponym, lookup_key, names_area
from eventwire.model import MentionRole

MAX_TOKENS = 6
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# closed-class words: "In", "This", "Our" open sentences and match namesakes' alternate names
_FUNCTION_POS = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"})
_PENDING_ROLES = {"maybe": MentionRole.PLACE, "maybe_modifier": MentionRole.MODIFIER}
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW"})
_CONNECTORS = frozenset({"of", "de", "del", "da", "al", "el", "upon", "on", "-", "la", "le", "du", "and", "the"})
# words inside one name the gazetteer does not hold ("Khirbet al-Joz", "Bab al-Hawa"): not "and", "on", "the"
_NAME_JOINERS = frozenset({"of", "de", "del", "da", "al", "el", "-", "la", "le", "du", "bin", "ibn", "ad", "ash", "as",
                           "ar", "az", "an", "ul", "ur", "ud"})  # fmt: skip


_LIST_AND = re.compile(r"^(?:\s*,)?\s+(?:and|or|&)\s+$")
_COMMA_GAP = re.compile(r"^\s*,\s*$")
_LIST_GOES_ON = re.compile(r"^\s*(?:,|and\b|or\b)")
# Words that end many longer proper names ("West Bank", "Jandoul Road", "Freedom Square").
_POLITY_WORDS = frozenset("state republic kingdom emirate caliphate federation commonwealth".split())
_GENERIC_WORDS = frozenset(
    "bank road street avenue square bridge river valley hill hills park gate market station airport port camp "
    "center centre complex district quarter base field house hall mall palace tower school university hospital "
    "mosque church village city town highway junction crossing lake mountain mountains island islands coast "
    # words that end the names of laws, days, prizes and bodies: "Juvenile Justice Act", "Quds Day", "World Cup"
    "act day law cup award prize party front mission trail council committee movement brigade league".split()
)


def _entity_label(doc: Doc, start: int, end: int) -> tuple[str, int, int] | None:
    ent = doc[start].ent_type_ and next((e for e in doc.ents if e.start <= start < e.end), None)
    return (ent.label_, ent.start, ent.end) if ent else None


class Recogniser(ContextCues):
    """Finds the toponyms of one Doc. Cheap to create; the gazetteer caches name lookups across docs."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds doc.text from the tokens on every access
        self.gazetteer = gazetteer
        self.cues = cues()
        self.ents = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.cued: set[tuple[int, int]] = set()  # names the gazetteer lacks, taken on a settlement cue
        self.facilities: dict[tuple[int, int], str] = {}  # named sites, with the key they resolve by
        self.person_names = self._person_names()

    def find(self) -> list[Toponym]:
        dateline = find_dateline(self.doc, self.gazetteer)
        taken = {i for t in dateline for i in self._token_range(t.start, t.end)}
        found = [*dateline]
        pending: list[tuple[SpacySpan, str, str]] = []
        for span in self._name_spans(taken):
            if len(span) > 1 and span[-1].lower_ == "department" and self._before_of(span):
                # "the United States Department of Agriculture" is a body's name ("Paloch County of Western
                # Lakes State" keeps its type word)
                span = span[:-1]
            if (span.start, span.end) in self.facilities:
                key = self.facilities[(span.start, span.end)]
                rule = "street" if span[-1].lower_ in self.cues["thoroughfare_words"] else "facility"
                found.append(self._toponym(span, key, rule=rule, role=MentionRole.FACILITY))
                continue
            known = lookup_key(self.gazetteer, span.text)
            verdict = self._verdict(span, known)
            if verdict == "modifier" and known:
                found.append(self._toponym(span, known[0], rule="modifier", role=MentionRole.MODIFIER))
            elif verdict == "yes" and known:
                found.append(self._toponym(span, known[0], rule="gazetteer"))
            elif verdict == "yes":
                rule = "cue" if (span.start, span.end) in self.cued else "ner"
                found.append(self._toponym(span, name_key(span.text), rule=rule))
            elif verdict in {"maybe", "maybe_modifier"} and known:
                pending.append((span, known[0], verdict))
        accepted = {t.key for t in found}
        places = [t for t in found if t.role is MentionRole.PLACE]
        found += [
            self._toponym(s, key, rule="discourse", role=_PENDING_ROLES[verdict])
            for s, key, verdict in pending
            if key in accepted or (verdict == "maybe" and self._listed_with(s, places))
        ]
        return sorted(found, key=lambda t: t.start)

    def _before_of(self, span: SpacySpan) -> bool:
        return span.end < len(self.doc) and self.doc[span.end].lower_ == "of"

    def _listed_with(self, span: SpacySpan, places: list[Toponym]) -> bool:
        """ "into Darfur and Malakal", "Juba, Malakal": a known name listed with a place is a place too (the
        small model calls many such towns organisations or persons)."""
        start, end = span.start_char, span.end_char
        # after a bare comma only inside a run ("Juba, Malakal and Wau"), not "in Texas, Smith said"
        runs_on = _LIST_GOES_ON.match(self.text[end : end + 6]) is not None
        return any(
            _LIST_AND.match(self.text[t.end : start])
            or _LIST_AND.match(self.text[end : t.start])
            or (runs_on and _COMMA_GAP.match(self.text[t.end : start]))
            for t in places
        )

    # -------------------------------------------------------------------------------------- candidates

    def _token_range(self, start_char: int, end_char: int) -> range:
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        return range(span.start, span.end) if span is not None else range(0)

    def _name_spans(self, taken: set[int]) -> list[SpacySpan]:
        """Longest-first gazetteer matches inside capitalised runs, plus spaCy's place entities."""
        doc = self.doc
        spans: list[SpacySpan] = []
        i = 0
        while i < len(doc):
            if i in taken or not capitalised(doc[i]) or self._in_non_name_entity(doc[i]):
                i += 1
                continue
            end = self._longest_match(i)
            if end is not None and (cued := self._cued_name_end(i)) is not None and cued > end:
                end = None  # "the Homs neighbourhood of Baba Amr" is not "Baba"
            if self._non_name_word(doc[i]) and (end is None or end - i < 2):
                # "North", "New", "St." alone are no places; "North Korea", "New York", "St. Louis" are
                i += 1
                continue
            if end is not None and end - i == 1 and doc[i].lower_ in self.cues["generic_prefixes"]:
                # "Tal" of "Tal Dakwah", "Khan" of "Khan al-Shih": the run is the name, if anything is
                end = None if self._run_end(i) > end else end
            facility_end = self._facility_end(i)
            facility_key = self._facility_key(i, facility_end, end) if facility_end is not None else None
            if facility_end is not None and facility_key is not None:
                self.facilities[(i, facility_end)] = facility_key
                spans.append(doc[i:facility_end])
                i = facility_end
                continue
            if end is not None and self._inside_longer_polity_name(i):
                i += 1  # "State of Iraq" of "Islamic State of Iraq": the name, if any, is the group's
                continue
            if end is not None and self._tail_of_longer_name(i, end):
                i = end
                continue
            if end is None:
                ent = self.ents.get(i)
                if ent is not None and ent.label_ in {"GPE", "LOC"} and ent.start == i:
                    spans.append(self._trim(ent))
                    i = ent.end
                elif (cued := self._cued_name_end(i)) is not None:
                    self.cued.add((i, cued))
                    spans.append(doc[i:cued])
                    i = cued
                else:
                    i += 1
                continue
            spans.append(doc[i:end])
            i = end
        return [s for s in spans if len(s)]

    def _tail_of_longer_name(self, start: int, end: int) -> bool:
        """ "Bank" of "West Bank", "Road" of "Jandoul Road": a generic word ending a longer capitalised name
        the gazetteer does not hold is not a place by itself."""
        doc = self.doc
        if end - start != 1 or start == 0 or doc[start].lower_ not in _GENERIC_WORDS:
            return False
        before = doc[start - 1]
        return capitalised(before) and not before.is_sent_start

    def _inside_longer_polity_name(self, start: int) -> bool:
        doc = self.doc
        if start == 0 or doc[start].lower_ not in _POLITY_WORDS:
            return False
        before = doc[start - 1]
        return capitalised(before) and not before.is_sent_start

    def _in_non_name_entity(self, token: Token) -> bool:
        ent = self.ents.get(token.i)
        return ent is not None and ent.label_ in _NOT_NAME_LABELS

    def _non_name_word(self, token: Token) -> bool:
        # a person's title ("Mr.", "Sen.") is no place, whatever airport code or abbreviation it spells
        if token.lower_.rstrip(".") in self.cues["person_titles"]:
            return True
        return token.lower_ in self.cues["not_places"] and not self._prominent_after_locative(
            token.doc[token.i : token.i + 1]
        )

    def _longest_match(self, start: int) -> int | None:
        doc = self.doc
        limit = start
        while limit < len(doc) and limit - start < MAX_TOKENS:
            token = doc[limit]
            if not (capitalised(token) or (token.lower_ in _CONNECTORS and limit > start)):
                break
            limit += 1
        for end in range(limit, start, -1):
            if not capitalised(doc[end - 1]):
                continue
            if lookup_key(self.gazetteer, doc[start:end].text) is not None:
                return end
        return None

    def _run_end(self, start: int) -> int:
        """The end of the capitalised run (with connectors: "Doron-Baga", "Bab al-Hawa") starting at `start`."""
        doc = self.doc
        end = start
        while end < len(doc) and end - start < MAX_TOKENS:
            token = doc[end]
            if not (capitalised(token) or (token.lower_ in _NAME_JOINERS and end > start)):
                break
            if self._in_non_name_entity(token):
                break
            end += 1
        while end > start and not capitalised(doc[end - 1]):
            end -= 1
        return end

    def _cued_name_end(self, start: int) -> int | None:
        """A name the gazetteer does not hold is still a place when the words around it say so: "the village
        of Doron-Baga", "Al-Arfi District", "Dambar, a town in Central Darfur". Returns the name's end."""
        doc = self.doc
        end = self._run_end(start)
        if end == start or any(self._in_non_name_entity(t) for t in doc[start:end]):
            return None
        if end - start == 1 and (self._non_name_word(doc[start]) or demonym_countries(doc[start].text)):
            return None
        if self._people_word(doc[start], alone=end - start == 1):
            return None
        if self._settlement_cue_before(doc[start:end]) or self._territory_verb_before(start, end):
            return end
        if end - start >= 2 and doc[start].lower_ in self.cues["generic_prefixes"]:
            ent = self.ents.get(start)
            if self._cue_before(doc[start:end]) or (ent is not None and ent.label_ in _PLACE_LABELS):
                return end
        if end - start >= 2 and doc[end - 1].lower_ in self.cues["unit_terms"]:
            return end
        if self._settlement_named(start, end):
            return end
        after = doc[end : end + 5]
        appositive = len(after) >= 3 and after[0].text == "," and after[1].lower_ in {"a", "an"}
        if appositive and any(t.lower_ in self.cues["settlement_nouns"] for t in after[2:]):
            return end
        return None

    def _territory_verb_before(self, start: int, end: int) -> bool:
        """ "stormed Najarah": the object of a verb that takes only places as objects (not a name modifying the
        object, "shelled the PUK positions")."""
        doc = self.doc
        i = word_before(doc, start - 1)
        if i < 0 or doc[i].pos_ != "VERB" or (end < len(doc) and doc[end].pos_ == "NOUN"):
            return False
        verbs = {doc[i].lemma_.lower(), doc[i].head.lemma_.lower() if doc[i].dep_ == "conj" else ""}
        return bool(verbs & self.cues["territory_verbs"])  # "stormed and captured X" too

    def _people_word(self, token: Token, *, alone: bool) -> bool:
        """ "the Shiite al-Bayaa district", "the Kurdish Sheikh Maqsoud district", "a Fulani village": a word
        for a people or faith before a settlement, not its name."""
        ent = self.ents.get(token.i)
        if ent is None or ent.label_ != "NORP":
            return False
        if alone:
            after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            plural_place = (
                after is not None and after.text.endswith("s") and after.text in self.cues["settlement_nouns_after"]
            )
            return plural_place or (token.i > 0 and token.doc[token.i - 1].lower_ in {"a", "an"})
        return token.lower_.endswith(("ish", "ite", "ian", "ese", "ni", "ic"))

    def _facility_end(self, start: int) -> int | None:
        """A named site: a capitalised run ending in a facility word ("Kuweires Military Airport",
        "Nabi Saleh Mosque") that the words before present as a place ("at the", "targeting the strategic")."""
        doc = self.doc
        end = self._run_end(start)
        if end - start < 2 or doc[end - 1].lower_ not in self.cues["facility_words"]:
            return None
        if any(self._in_non_name_entity(t) for t in doc[start:end]):
            return None
        ent = self.ents.get(start)
        if (ent is not None and ent.label_ == "FAC") or doc[end - 1].lower_ in self.cues["thoroughfare_words"]:
            return end  # a capitalised run ending in "Street" or "Drive" names a street wherever it stands
        i = start - 1
        while i >= 0 and (doc[i].pos_ in {"DET", "ADJ"} or doc[i].tag_ == "POS"):
            i -= 1
        if i < 0:
            return None
        before = doc[i]
        if before.lower_ in self.cues["before"] | {"on", "over", "against"} or before.tag_.startswith("VB"):
            return end
        return end if before.lower_ == "of" and i > 0 and doc[i - 1].lower_ in self.cues["of_nouns"] else None

    def _facility_key(self, start: int, end: int, known_end: int | None) -> str | None:
        """The key a site resolves by: a site named for a major town ("Aleppo Technical College", "Kabul
        Airport") by the town; one of unknown name, or a street, by its own (unresolved). None when the name starts
        with a smaller known place ("Dumayr Airbase"): that place is taken as the toponym."""
        doc = self.doc
        if doc[end - 1].lower_ in self.cues["thoroughfare_words"] and (known_end is None or known_end < end):
            return name_key(doc[start:end].text)  # "Memphis St." in Alexandria is a street, not Memphis
        if known_end is None or known_end >= end:
            return name_key(doc[start:end].text) if known_end is None else None
        known = lookup_key(self.gazetteer, doc[start:known_end].text)
        if known is not None and doc[end - 1].lower_ in self.cues["town_facilities"] and self._prominent(known[0]):
            return known[0]
        return None

    def _settlement_named(self, start: int, end: int) -> bool:
        """ "Kilo Village", "Kilo Town": a capitalised settlement word ends the name of a place the gazetteer
        lacks; not a known town's ("Bicester Village" is a shop centre's) nor a person's ("said Brian Town")."""
        doc = self.doc
        if end - start < 2 or doc[end - 1].lower_ not in self.cues["settlement_terms"]:
            return False
        ent = self.ents.get(start)
        person = ent is not None and ent.label_ == "PERSON"
        return not person and lookup_key(self.gazetteer, doc[start : end - 1].text) is None

    def _before_settlement_term(self, span: SpacySpan, ent: SpacySpan) -> bool:
        """A known name whose entity adds only a capitalised settlement word ("Bama Town")."""
        doc = self.doc
        return (
            ent.start == span.start
            and ent.end == span.end + 1
            and doc[span.end].lower_ in self.cues["settlement_terms"]
            and doc[span.end].text[:1].isupper()
        )

    def _trim(self, ent: SpacySpan) -> SpacySpan:
        start = ent.start
        while start < ent.end and ent.doc[start].lower_ in {"the", "a"}:
            start += 1
        end = ent.end
        while end > start and ent.doc[end - 1].is_punct:
            end -= 1
        if (
            end - start > 1
            and ent.doc[end - 1].text in self.cues["settlement_nouns_after"]
            and capitalised(ent.doc[end - 2])
        ):
            end -= 1  # "Kayamla village": the name, so that "village of Konduga" reads as its container
        return ent.doc[start:end]

    # -------------------------------------------------------------------------------------- decisions

    def _verdict(self, span: SpacySpan, known: tuple[str, int] | None) -> str:
        """ "yes", "maybe" (only if the same name is taken elsewhere in the article), "modifier" (a country's
        name modifying a noun) or "no"."""
        if span.text.lower() in self.cues["not_places"] and not self._prominent_after_locative(span):
            return "no"  # "Victoria", "Reading" are persons or words, but "in Victoria" is a place
        if self._names_a_day(span) or self._names_a_disease(span):
            return "no"
        if len(span) == 1 and span[0].is_stop and span[0].pos_ in _FUNCTION_POS:
            return "no"
        if demonym_countries(span.text) and not (known and _as_noun(span)):
            # "Syrian forces" is no toponym; "U.S. officials" names the country, but as whose, not where
            return "modifier" if known and self._country_name(known[0]) else "no"
        if known and self._state_modifier(span) and self._country_name(known[0]):
            return "modifier"
        ent = self.ents.get(span.start)
        label = ent.label_ if ent is not None else ""
        if (span.start, span.end) in self.cued or (known and self._settlement_cue_before(span)):
            return "yes"
        if self._shouted_acronym(span):
            return "no"
        if self._a_persons_name(span) or self._aged(span):
            return "no"
        if ent is not None and self._before_settlement_term(span, ent):
            return "yes"  # "Bama Town": the model takes the pair for a person or group
        if ent is not None and label in {"PERSON", "ORG", "NORP"} and (ent.start < span.start or ent.end > span.end):
            if label == "ORG" and known:
                return self._inside_organisation(span, known[0], ent)
            # a name inside a longer person name ("Jordan Henderson") or a people's ("South Ossetian")
            return "maybe" if self._cue_before(span) and label != "PERSON" else "no"
        if self._titled_person(span):
            return "no"
        if known and self._local_institution(span):
            return "modifier" if self._prominent(known[0]) else "maybe_modifier"
        if known is None and self._names_a_group(span):
            return "no"
        if label in _PLACE_LABELS and (known or label != "FAC"):
            if known is None and not all(t.pos_ == "PROPN" or not t.is_alpha for t in span):
                return "no"  # a name only the small model calls a place must read as a name ("Lastly", "Swine")
            return "yes" if known is None or known[1] < VARIANT or self._cue(span) else "maybe"
        if known is None:
            return "no"
        if self._cue(span):
            return "yes"
        if label in {"PERSON", "ORG"} or known[1] == VARIANT:
            return "maybe"
        return "yes" if self._prominent(known[0]) and span[0].pos_ == "PROPN" else "maybe"

    def _inside_organisation(self, span: SpacySpan, key: str, ent: SpacySpan) -> str:
        """ "Ohio State University", "the Texas Fire Service", "University of Rochester": a place named inside
        an institution's name is a toponym, but says whose, not where (a modifier). A well-known place under its
        own name is taken as such; another only when the article names it as a place elsewhere. A newspaper's
        title ("the New York Times", "Agence France-Presse") and a person's name ("Taco Bell") are no place."""
        doc = self.doc
        words = {t.lower_ for t in doc[ent.start : ent.end]}  # with the span's: "Ohio Department" read as "Ohio"
        hyphenated = span.end < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_
        if hyphenated or doc[ent.end - 1].lower_ in self.cues["media_words"] or span.text in self.person_names:
            return "no"
        if not words & self.cues["organisation_words"]:
            return "maybe" if self._cue_before(span) else "no"
        found = self.gazetteer.candidates(key)
        own_name = bool(found) and found[0][1] == NAME
        return "modifier" if own_name and self._prominent(key) else "maybe_modifier"

    def _person_names(self) -> frozenset[str]:
        """Words the article uses as a person's surname: the last word of a PERSON entity of two or more words
        ("David Collins") and a name after a title ("Sgt. Collins")."""
        doc = self.doc
        names = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and _full_name(ent)}
        for token in doc[1:]:
            start = self._title_start(token.i)
            titled = start is not None and capitalised(token)
            # a capitalised word after it makes it the start of a longer name: "Sgt. John Collins" (whose
            # surname the entity gives), "said Fargo City Commissioner Tim Mahoney"
            longer = token.i + 1 < len(doc) and capitalised(doc[token.i + 1])
            if titled and not longer and lookup_key(self.gazetteer, doc[start : token.i + 1].text) is None:
                names.add(token.text)  # "Sgt. Collins", not "St. Petersburg"
        return frozenset(names)

    def _a_persons_name(self, span: SpacySpan) -> bool:
        """ "Collins said", "killing Welch", "Taylor's home": one word the article uses as a surname is the
        person, unless a locative preposition places it ("in Lincoln") or it names a country or state."""
        if len(span) != 1 or span.text not in self.person_names:
            return False
        if self._after_locative(span):
            return False
        found = self.gazetteer.candidates(name_key(span.text))
        return not (found and found[0][1] < VARIANT and found[0][0].feature_code.startswith(("PCL", "ADM1")))

    def _aged(self, span: SpacySpan) -> bool:
        """ "John Hale, 41, was shot": news gives a person's age between commas right after the name."""
        doc = self.doc
        end = self._run_end(span.start)
        if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text != ",":
            return False
        age = doc[end + 1].text
        return age.isdigit() and len(age) <= 2 and not (end + 3 < len(doc) and doc[end + 3].like_num)

    def _shouted_acronym(self, span: SpacySpan) -> bool:
        """ "NGO", "SAA", "IDF": a short all-capitals word is an organisation, not the village it spells, unless
        it is a known abbreviation ("UAE", "DRC") or a state code after a town ("Austin, TX")."""
        text = span.text.replace(".", "")
        if len(span) != 1 or not text.isalpha() or not text.isupper() or len(text) > 5:
            return False
        after_comma = span.start > 0 and span.doc[span.start - 1].text == ","
        return not after_comma and name_key(span.text) not in abbreviation_keys()

    def _names_a_group(self, span: SpacySpan) -> bool:
        """ "M23 rebels", "Ansaru fighters": an unknown name modifying a word for people names a group."""
        root = span.root
        return root.dep_ in {"compound", "amod", "nmod"} and root.head.lower_ in self.cues["group_nouns"]

    def _titled_person(self, span: SpacySpan) -> bool:
        return self._title_start(span.start) is not None

    def _title_start(self, i: int) -> int | None:
        """Where the person title before token `i` starts ("Sgt." or, as spaCy splits it at a sentence start,
        "Sgt" "."); None if there is none."""
        doc = self.doc
        # "Sgt" "." but not "said" "." ending a sentence
        split = i >= 2 and doc[i - 1].text == "." and not doc[i - 2].whitespace_ and doc[i - 2].text[:1].isupper()
        j = i - 2 if split else i - 1
        return j if j >= 0 and doc[j].lower_.rstrip(".") in self.cues["person_titles"] else None

    def _toponym(self, span: SpacySpan, key: str, *, rule: str, role: MentionRole = MentionRole.PLACE) -> Toponym:
        # "Logo LGA" read as "Logo", "Idlib province": the text names the area, not its namesake town
        area = names_area(self.text, span.start_char, span.end_char)
        if not area and type_free(name_key(span.text)) == key:
            area = "*"
        return Toponym(span.start_char, span.end_char, span.text, key, role=role, rule=rule, area=area)


_GIVEN_NAME = re.compile(r"[A-Z][a-z'’\-]+|[A-Z]\.")


def _full_name(ent: SpacySpan) -> bool:
    """ "David Collins", "John S. Carter": two or three words shaped like a person's names, the first a proper
    noun of three letters or more (the small model also calls "N.W. Rochester" or "Freemason Bogdanov Joins Sochi"
    persons; abbreviations and long runs do not count)."""
    if not 2 <= len(ent) <= 3 or not all(_GIVEN_NAME.fullmatch(t.text) for t in ent):
        return False
    return ent[0].pos_ == "PROPN" and len(ent[0].text) > 2


def _as_noun(span: SpacySpan) -> bool:
    """A name used as a noun phrase of its own ("to the U.S.", "the U.S. said"), not as a modifier."""
    root = span.root
    return root.dep_ in {"pobj", "nsubj", "nsubjpass", "dobj", "conj", "appos"} and root.tag_ in {"NNP", "NNPS"}


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    return Recogniser(doc, gazetteer).find()


def demonym_country(text: str) -> str | None:
    """The one country a demonym names ("Syrians" -> "SY"); None if not a demonym or ambiguous."""
    codes = demonym_countries(text) or (demonym_countries(text[:-1]) if text.endswith("s") else ())
    return codes[0] if len(codes) == 1 else None


def demonym_countries_in(doc: Doc) -> dict[str, int]:
    """Countries named by demonyms ("Syrian forces"): context for resolution, never places themselves."""
    out: dict[str, int] = {}
    for token in doc:
        if capitalised(token):
            for code in demonym_countries(token.text):
                out[code] = out.get(code, 0) + 1
    return out

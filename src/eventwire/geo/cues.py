"""Context cues around a name: the words before and after it that say it is a place ("in X", "the village of X",
"X province", "a X man") or that it names something else ("X's Day", "X virus", "X police"). `ContextCues` is the
part of the recogniser that reads them; the word lists are `data/place_cues.json` (user-extendable)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.geo.gazetteer import VARIANT, Gazetteer
from eventwire.geo.index import admin_terms
from eventwire.geo.toponym import lookup_key


@cache
def cues() -> dict[str, frozenset[str]]:
    text = resources.files("eventwire.geo").joinpath("data/place_cues.json").read_text("utf-8")
    return {k: frozenset(v) for k, v in json.loads(text).items() if not k.startswith("_")}


_AYN_MARKS = frozenset("‘’'ʿ`")


# "al-Ja’ouneh", "el-Fasher", "ad-Dawr": a lower-case Arabic article joined to a capitalised name
_LOWER_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "an", "at", "ash", "az", "adh", "ed", "er", "es", "et"})


def capitalised(token: Token) -> bool:
    if token.text[:1].isupper() and not token.is_punct:
        return True
    doc, i = token.doc, token.i
    if token.lower_ not in _LOWER_ARTICLES or i + 2 >= len(doc) or token.whitespace_:
        return False
    hyphen, name = doc[i + 1], doc[i + 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and name.text[:1].isupper()


def word_before(doc: Doc, i: int) -> int:
    """The index of the word before token `i + 1`, past the articles "the" and "a" (-1 at the start)."""
    while i >= 0 and doc[i].lower_ in {"the", "a"}:
        i -= 1
    return i


def word_after(span: SpacySpan) -> Token | None:
    return span.doc[span.end] if span.end < len(span.doc) else None


class ContextCues:
    """What the words around a name say of it. Needs `doc`, `gazetteer`, `cues` and `ents` (token index ->
    entity), which `Recogniser` sets."""

    doc: Doc
    gazetteer: Gazetteer
    cues: dict[str, frozenset[str]]
    ents: dict[int, SpacySpan]

    def _prominent_after_locative(self, span: SpacySpan) -> bool:
        """ "in Victoria", "in Reading": a word of `not_places` that a locative preposition puts before a
        well-known place of its name is that place (not "in the North")."""
        known = lookup_key(self.gazetteer, span.text)
        return known is not None and self._after_locative(span) and self._prominent(known[0])

    def _settlement_cue_before(self, span: SpacySpan) -> bool:
        """ "the village of X", "the Homs neighbourhood of X": a settlement noun and "of" right before."""
        doc = span.doc
        i = span.start - 1
        if i >= 0 and doc[i].text in _AYN_MARKS:
            i -= 1  # "the town of ‘Ibta": the mark of an ayn is part of the name
        if i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in self.cues["settlement_nouns"]:
            return True
        # "Gaidamgari village", "the al-Bayaa district": a lower-case settlement noun right after the name
        end = self._coordinated_end(span)
        after = doc[end] if end < len(doc) else None
        if after is None or after.text not in self.cues["settlement_nouns_after"]:
            return False
        if end > span.end and not after.text.endswith("s"):
            return False  # "Sibaya and Chiri villages", not "Sibaya and Chiri village"
        # "the Fulani village elders": the noun modifies another, and the name is a people's
        return not (end + 1 < len(doc) and doc[end + 1].pos_ == "NOUN")

    def _coordinated_end(self, span: SpacySpan) -> int:
        """Where a list of names that starts with `span` ends: "Sibaya and Chiri villages" -> before "villages"."""
        doc = span.doc
        end = span.end
        if end >= len(doc) or doc[end].lower_ not in {"and", ","}:
            return end
        j = end
        while j < len(doc) and j - end < 8 and (doc[j].lower_ in {"and", ","} or capitalised(doc[j])):
            j += 1
        return j if j > end + 1 and capitalised(doc[j - 1]) else end

    def _cue_before(self, span: SpacySpan) -> bool:
        doc = span.doc
        i = span.start - 1
        if i >= 0 and doc[i].text in _AYN_MARKS:
            i -= 1  # "in ‘Ayn Al-Fijah"
        i = word_before(doc, i)
        if i < 0:
            return False
        if doc[i].text == "," and i > 0 and doc[i - 1].lower_ in {"capital", "city"}:
            i -= 1  # "the capital, Sanaa"
        word = doc[i].lower_
        if word in self.cues["before"] or (word == "city" and i > 0 and doc[i - 1].lower_ == "capital"):
            return True
        if word in self.cues["action_verbs"] and doc[i].pos_ in {"VERB", "AUX"}:
            if word not in self.cues["person_object_verbs"]:
                return True  # "stormed Giza": the small model calls many such towns persons
            ent = self.ents.get(span.start)
            return ent is None or ent.label_ != "PERSON"  # "captured Manbij", not "attacked Johnson"
        if i == 0:
            return False
        if word in {"on", "over", "for", "against"}:
            return doc[i - 1].lower_ in self.cues["prep_nouns"]  # "advance on Manbij", "battle for Mosul"
        return word == "of" and doc[i - 1].lower_ in self.cues["of_nouns"]

    def _cue(self, span: SpacySpan) -> bool:
        """A place cue around the name: "in X", "town of X", "X, <known place>", "X province", "X-based"."""
        if self._cue_before(span):
            return True
        doc = span.doc
        after = word_after(span)
        if after is None:
            return False
        if after.lower_ in admin_terms() or after.text in {"-based", "based"}:
            return True
        if after.text in self.cues["resident_nouns"] and self._residents_of(span):
            return True  # "a Rochester man", "Coral Gables residents"
        if after.text in self.cues["home_nouns"] and self._dwelling_place(span):
            return True
        if after.text == "," and span.end + 1 < len(doc) and capitalised(doc[span.end + 1]):
            follower = doc[span.end + 1 : min(len(doc), span.end + 4)]
            return any(lookup_key(self.gazetteer, follower[:n].text) for n in range(len(follower), 0, -1))
        return False

    def _names_a_day(self, span: SpacySpan) -> bool:
        """ "St. Patrick's Day", "Lincoln Day Dinner", "Independence Day": a name before "Day" is a holiday's."""
        doc, end = span.doc, span.end
        if end < len(doc) and doc[end].tag_ == "POS":
            end += 1
        return end < len(doc) and doc[end].text == "Day"

    def _names_a_disease(self, span: SpacySpan) -> bool:
        """ "West Nile virus", "Rift Valley fever", "Mad Cow disease": a name before a disease word is the disease's."""
        after = word_after(span)
        return after is not None and after.lower_ in self.cues["disease_words"]

    def _after_locative(self, span: SpacySpan) -> bool:
        """ "in Lincoln", "at the Memphis ...": a locative preposition right before the name."""
        i = word_before(span.doc, span.start - 1)
        return i >= 0 and span.doc[i].lower_ in self.cues["locative_prepositions"]

    def _local_institution(self, span: SpacySpan) -> bool:
        """ "Youngstown police said", "Fargo officials": a town's name before its institutions' noun says
        whose they are (a modifier toponym), as inside an organisation's name."""
        after = word_after(span)
        if after is None or after.text not in self.cues["local_institution_nouns"]:
            return False
        ent = self.ents.get(span.start)
        return (ent is None or ent.label_ != "PERSON") and self._residents_of(span)  # not "Johnson police said"

    def _residents_of(self, span: SpacySpan) -> bool:
        """ "a Rochester man", not "Many women", "Arab women" or "the Duke women's team"."""
        doc, end = span.doc, span.end
        teams = end + 1 < len(doc) and doc[end + 1].tag_ == "POS"
        ent = self.ents.get(span.start)
        people = ent is not None and ent.label_ == "NORP"
        return not (teams or people) and all(t.pos_ == "PROPN" and not t.is_stop for t in span)

    def _dwelling_place(self, span: SpacySpan) -> bool:
        """ "his Freetown home", "the Abuja home of the minister": not "the Smith home", a family's."""
        doc, end = span.doc, span.end
        owned = span.start > 0 and doc[span.start - 1].tag_ == "PRP$"
        return owned or (end + 1 < len(doc) and doc[end + 1].lower_ == "of")

    def _state_modifier(self, span: SpacySpan) -> bool:
        """ "Indonesia military", "the Syria regime": a country's name right before its institutions' noun."""
        after = word_after(span)
        return after is not None and after.text in self.cues["state_nouns"] and span.root.dep_ == "compound"

    def _country_name(self, key: str) -> bool:
        """A name whose best-known bearer is a country ("U.S." is one; "American" is no name at all)."""
        found = self.gazetteer.candidates(key)
        return bool(found) and found[0][1] < VARIANT and found[0][0].feature_code.startswith("PCL")

    def _prominent(self, key: str) -> bool:
        """A name whose best-known bearer is a country, a first-level area or a city of 100,000 or more."""
        found = self.gazetteer.candidates(key)
        if not found:
            return False
        place, kind = found[0]
        return kind < VARIANT and (
            place.feature_code.startswith(("PCL", "ADM1", "CONT")) or place.population >= 100_000
        )

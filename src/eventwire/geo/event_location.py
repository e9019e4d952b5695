"""Where an event happened: the place mention that the event's own words point to, not every place nearby.

Order of evidence: a place governed by the trigger's clause through a locative preposition ("strike on
Atmeh", "clashes in Idlib"), then the nearest place in the trigger's sentence, then the sentence before, then
the article's first place. Datelines, demonyms and metonyms ("Turkey said", "Syrian forces") are not event
places. A name the gazetteer does not know falls back to the smallest area the text proves it lies in
("Atmeh in Idlib province" -> Idlib, rule "fallback:admin1").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from eventwire.geo.cues import cues
from eventwire.geo.resolve import contains
from eventwire.model import EventLocation, Evidence, GeoPrecision, MentionRole, Place, PlaceMention

_LOCATIVE = frozenset({"in", "at", "on", "near", "outside", "into", "across", "inside", "around", "from", "off"})
_NEAR = frozenset({"near", "outside", "around", "off", "nearby", "outskirts", "close"})
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
# Governing relations that make a name an actor rather than a location ("Turkey said", "Israel's army").
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
# Nouns a place name modifies when it stands for those who govern or speak for it.
_ACTOR_HEADS = frozenset({"regime", "government", "authority", "administration", "commissioner", "governor",
                          "official", "spokesman", "spokeswoman", "ministry", "platform", "court", "parliament",
                          "council", "leadership", "delegation", "envoy", "embassy", "consulate",
                          # a faction and its leaders are named after their home ground, not where they act
                          "faction", "leader", "warlord"})  # fmt: skip
_WIDE = ("PCL", "CONT", "RGN", "OCN", "SEA")
_PLACE_NOUNS = frozenset({"town", "village", "city", "district", "area", "region", "province", "state", "county",
                          "outskirts", "suburb", "neighbourhood", "neighborhood", "municipality", "locality",
                          "commune", "camp", "hamlet", "settlement", "capital"})  # fmt: skip


_TOWN_NOUNS = frozenset({"town", "village", "city", "hamlet", "settlement"})
# "near the villages of X and Y" lists towns; "the northern districts of Aleppo" names parts of one
_LISTED_TOWNS = frozenset({"villages", "towns", "cities", "hamlets", "settlements"})
_TOWN_PLURALS = frozenset({"towns", "villages", "cities", "districts", "suburbs", "neighbourhoods", "neighborhoods"})
# What a place owns that is a part of it: "Aleppo's residential areas", "Pakistan's parliament building",
# "Sri Lanka's west coast"
_POSSESSED_PLACES = _PLACE_NOUNS | frozenset(
    "areas districts neighbourhoods neighborhoods suburbs villages towns streets street border borders north "
    "south east west centre center downtown countryside outskirts airport port prison market hospital "
    "university home house building headquarters coast coastline shore shores waters seawaters territory soil "
    "airspace".split()
)


def _breadth(place: Place | None) -> int:
    """How wide a place is: ACLED codes the most specific location the report supports."""
    if place is None:
        return 0  # an unknown name is most often a village; its fallback area comes from the text
    code = place.feature_code
    if place.feature_class == "P" or code.startswith(("ADM2", "ADM3", "ADM4", "ADM5")):
        return 0
    return 1 if code == "ADM1" else 2


def _tokens(doc: Doc, mention: PlaceMention) -> SpacySpan | None:
    return doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")


def _is_actor(span: SpacySpan, place: Place | None) -> bool:
    """A metonym: the name is the subject or possessor ("Turkey said", "Syria's army"), or names an
    organisation-like modifier ("Iraq war"). A town or site that undergoes the event ("Abadam was bombed")
    is where it happened; a country that does ("Syria was condemned") is not."""
    root = span.root
    if root.dep_ == "nsubjpass":
        return place is not None and place.feature_code.startswith("PCL")
    if root.dep_ == "poss" and {root.head.lemma_.lower(), root.head.lower_} & _POSSESSED_PLACES:
        return False  # "Aleppo's residential areas", "north Delhi's Ashok Vihar", "Burundi's capital"
    if root.dep_ in _ACTOR_DEPS or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
        return True  # "Turkey said", "backed by Riyadh"
    if root.dep_ == "compound" and root.head.lemma_.lower() in _ACTOR_HEADS:
        return True  # "the Baghdad regime", "Mexico state authorities"
    after = span.doc[span.end : span.end + 2].text.lower()
    return after.startswith(("'s", "’s", "-based", "based")) or (
        span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"
    )


# Verbs whose object is where the event happened ("targeting Hazrama", "stormed the farms of Deir Khabiyeh").
_PLACE_OBJECT_VERBS = frozenset({"target", "storm", "capture", "seize", "shell", "bomb", "hit", "strike", "attack",
                                 "raid", "besiege", "enter", "recapture", "liberate", "overrun", "retake", "bombard",
                                 "invade", "assault", "take", "control", "encircle", "surround"})  # fmt: skip


def _locative_head(span: SpacySpan) -> Token | None:
    """The preposition that governs the name ("in" of "in Atmeh"), or the verb whose object it is ("targeting
    Hazrama", "targeting the farms of Hazrama"), if any."""
    head = span.root
    while head.head.i != head.i and (
        head.dep_ in {"compound", "appos", "conj"}
        or (head.dep_ in {"nmod", "amod"} and head.head.lower_ in _PLACE_NOUNS | _TOWN_PLURALS)  # "Akida village"
    ):
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE | _NEAR:
        return head.head
    holder = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else head
    if holder.dep_ == "dobj" and holder.head.lemma_ in _PLACE_OBJECT_VERBS:
        return holder.head
    # "near the town of Kachia", "in the village of Atmeh": the place noun carries the preposition
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _PLACE_NOUNS | _LISTED_TOWNS:
        noun = head.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ in _LOCATIVE | _NEAR:
            return noun.head
    return None


# Words that open a clause or phrase about another happening: "after failing to retake X", "when a bomb
# exploded in X", "since the fall of X". A place in it belongs to that happening, not to the trigger's.
_OTHER_TIME = frozenset("after before since while when until following despite because".split())


def _other_clause(span: SpacySpan, trigger: SpacySpan) -> bool:
    """Is the place inside a relative clause or a time/cause clause that does not hold the trigger ("seized
    the village of X after their allies lost Y": Y is where the loss was)?"""
    inside = range(trigger.root.left_edge.i, trigger.root.right_edge.i + 1)
    for node in [span.root, *span.root.ancestors]:
        if node.i == trigger.root.i or trigger.root.i in range(node.left_edge.i, node.right_edge.i + 1):
            return False  # reached a phrase holding the trigger: same clause
        opened = (
            node.dep_ == "relcl"
            or (
                node.dep_ == "advcl"
                and any(c.dep_ in {"mark", "advmod"} and c.lower_ in _OTHER_TIME for c in node.children)
            )
            or (node.dep_ == "prep" and node.lower_ in _OTHER_TIME)
        )
        if opened and node.i not in inside:
            return True
    return False


def _near(span: SpacySpan) -> bool:
    doc = span.doc
    window = {t.lower_ for t in doc[max(0, span.start - 4) : span.start]}
    return bool(window & (_NEAR | _DIRECTIONS) or {"km", "kilometres", "kilometers", "miles"} & window)


def precision_of(place: Place, *, near: bool) -> GeoPrecision:
    """ACLED geo_precision: 1 the town itself, 2 near a town or part of a region, 3 a region or natural feature."""
    code = place.feature_code
    if place.feature_class == "P":
        return GeoPrecision.NEAR_TOWN if near else GeoPrecision.TOWN
    if code == "ADM2" or code.startswith("ADM3"):
        return GeoPrecision.NEAR_TOWN
    return GeoPrecision.REGION


_PROTEST_VERBS = frozenset({"protest", "demonstrate", "rally", "march"})


def _protest_topic(span: SpacySpan, trigger: SpacySpan) -> bool:
    """ "protested against the war in Bosnia", "protested the court's ruling": what a protest is about is
    not where it happened."""
    verb = trigger.root
    if verb.lemma_.lower() not in _PROTEST_VERBS:
        verb = verb.head  # "demonstrators protested": the noun trigger's verb
        if verb.lemma_.lower() not in _PROTEST_VERBS:
            return False
    token = span.root
    for _ in range(8):
        if token.head.i in (token.i, verb.i):  # spaCy makes a new Token object on each access: compare indexes
            return token.lower_ in {"against", "about", "over"} or token.dep_ in {"dobj", "ccomp", "xcomp"}
        token = token.head
    return False


def _usable(doc: Doc, mention: PlaceMention) -> SpacySpan | None:
    if mention.role is MentionRole.DATELINE or (mention.rule or "").startswith("demonym"):
        return None
    span = _tokens(doc, mention)
    if span is None or _is_actor(span, mention.place) or _people_word(span, mention.place):
        return None
    return span


def _people_word(span: SpacySpan, place: Place | None) -> bool:
    """A nationality, people or faith word the gazetteer does not place, used as an adjective ("the mostly
    Kurdish town of X", "a Shiite neighbourhood"): it says who lives there, it is not a place. A proper name
    spaCy mistakes for a nationality ("Nwonko village", "the village of Sharifah") is still one."""
    if place is not None or not all(t.ent_type_ == "NORP" for t in span):
        return False
    return span.root.tag_ == "JJ"


# What joins a place to the area that holds it: "Kinsibba in Jabal Al-Akrad", "Potiskum, Yobe State", "the
# Deir al-Asafir suburb of Damascus", "Maimbung township on Jolo island".
_HELD_IN = re.compile(
    r"^(?:\s*,\s*|\s+(?:in|on|inside)\s+(?:the\s+)?|\s+(?:suburbs?|district|neighbou?rhood|quarter|area|region|"
    r"province|governorate|township|village|town|part|countryside|outskirts)\s+(?:of|on|in)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def _outer_mentions(doc: Doc, places: Sequence[PlaceMention]) -> set[int]:
    """Indexes of mentions that only say where the mention before them lies: the event happened in the
    smaller place. A named site the gazetteer does not know is the exception: its town is what can be coded
    ("the Israeli Embassy in Buenos Aires")."""
    ordered = sorted(range(len(places)), key=lambda i: places[i].span.start)
    outer = set()
    for inner, container in itertools.pairwise(ordered):
        gap = doc.text[places[inner].span.end : places[container].span.start]
        if len(gap) > 40 or not _HELD_IN.match(gap):
            continue
        unknown_site = places[inner].role is MentionRole.FACILITY and places[inner].place is None
        if unknown_site and places[container].place is not None:
            inner, container = container, inner
        elif _names_the_second(doc, places[inner], gap) and _holds(places[inner].place, places[container].place):
            inner, container = container, inner  # "the West Bank town of Ramallah", "the Baghdad district of X"
        outer.add(container)
    return outer


_NAMED_AFTER = re.compile(
    r"^\s+(?:town|city|village|suburbs?|district|neighbou?rhood|quarter)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)


# "the ", "the ancient ", "the occupied ": "the" and up to two lower-case words
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}$")


def _names_the_second(doc: Doc, first: PlaceMention, gap: str) -> bool:
    """ "the West Bank town of Ramallah": "the", a place, a settlement noun and "of" may name the settlement
    after it (but "at Mangalia village of Rania" names the village first)."""
    before = doc.text[max(0, first.span.start - 40) : first.span.start]
    return bool(_THE_BEFORE.search(before)) and bool(_NAMED_AFTER.match(gap))


def _holds(first: Place | None, second: Place | None) -> bool:
    """In "the <first> suburb of <second>", does the first hold the second? The wider one does, and a known
    place holds a name the gazetteer lacks ("the Algiers suburb of Oued Kniss": suburbs are seldom listed)."""
    return _wider(first, second) or (first is not None and second is None)


def _wider(first: Place | None, second: Place | None) -> bool:
    """Of two known places, the wider or more populous holds the other ("the Deir al-Asafir suburb of Damascus"
    is in Damascus, "the Baghdad neighbourhood of Sadr City" in Baghdad)."""
    if first is None or second is None:
        return False
    return (_breadth(first), first.population) > (_breadth(second), second.population)


# "60 km west of Wana", "north of Baghdad", "240 km away from Damascus", "X commune outside Bujumbura": a point of
# reference, not where the event happened ("in the north of Syria" is inside Syria, hence no "the" before the
# direction).
_REFERENCE = re.compile(
    r"(?:\b(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:(?:to\s+the\s+)?(?:north|south|east|west)\w*\s+)?(?:of|from)"
    r"|(?<!the\s)\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of|\baway\s+from|\boutside)"
    r"\s+(?:the\s+)?(?:(?:\w+\s+)?(?:city|town|village|capital)\s+of\s+)?$",
    re.IGNORECASE,
)


def _reference_point(doc: Doc, span: SpacySpan) -> bool:
    """A place named as a point of reference: another place of the same breadth in the sentence is more
    likely where the event happened, but a town of reference still beats a region."""
    return bool(_REFERENCE.search(doc.text[max(0, span.start_char - 50) : span.start_char]))


_TOWN_CALLED = re.compile(r"\b(?:town|city|village)\s+of\s+$", re.IGNORECASE)
_COUNTRYSIDE = re.compile(r"(?:\bcountryside\s+of\s+(?:the\s+)?|\brural\s+)$", re.IGNORECASE)


_PARTY_PREPOSITIONS = frozenset({"to", "on", "with", "against", "for", "upon"})
_MOTION_VERBS = frozenset(
    "flee dispatch send deploy return go travel move come leave enter reach cross invade export fly march head "
    "advance".split()
)


# How a name hangs on the noun phrase it belongs to: "Kfar Darom" in "the settlement of Kfar Darom", "Gaza" in
# "Gaza and the West Bank"; appositions too where the phrase's role matters ("the United States, its ally").
_LISTED_NAME_LINKS = frozenset({"compound", "conj"})
_NAME_LINKS = _LISTED_NAME_LINKS | {"appos"}


def _phrase_head(token: Token, links: frozenset[str]) -> Token:
    """The word the name's phrase hangs on, climbing compounds and conjuncts (and appositions) to it."""
    while token.dep_ in links and token.head.i != token.i:
        token = token.head
    return token


def _joined_after(verb: Token, trigger: SpacySpan) -> bool:
    """Whether `verb` comes after the trigger in a clause that hangs on it ("captured ... and is held in X")."""
    return verb.i > trigger.root.i and any(a.i == trigger.root.i for a in verb.ancestors)


def _party(span: SpacySpan, place: Place | None) -> bool:
    """A country the sentence deals with rather than acts in: "handed them over to the United States",
    "afraid of offending the United States", "pressure on Russia"."""
    if place is None or not place.feature_code.startswith("PCL") or _locative_head(span) is not None:
        return False
    root = _phrase_head(span.root, _NAME_LINKS)
    head = root.head.head if root.dep_ == "pobj" else root.head
    if head.lemma_.lower() in _MOTION_VERBS:
        return False  # "fled to Cambodia", "troops were dispatched to Vietnam", "tried to flee Afghanistan"
    return root.dep_ in {"dobj", "dative"} or (root.dep_ == "pobj" and root.head.lower_ in _PARTY_PREPOSITIONS)


def _countryside(doc: Doc, span: SpacySpan) -> bool:
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return after == "countryside" or bool(_COUNTRYSIDE.search(doc.text[max(0, span.start_char - 30) : span.start_char]))


_LAUNCH_VERBS = frozenset("fire launch shell shoot station base position deploy".split())


def _origin(span: SpacySpan) -> bool:
    """Where the people in the report come from ("two businessmen from Chennai were found murdered in Fiji"),
    or where the attackers stand ("tanks stationed at Kfar Darom shelled ...", "rockets fired from Gaza")."""
    head = _phrase_head(span.root, _LISTED_NAME_LINKS)
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in _PLACE_NOUNS:
        head = head.head.head  # "stationed at the settlement of Kfar Darom"
    prep = head.head
    if head.dep_ != "pobj":
        return False
    if prep.lower_ == "from" and prep.head.pos_ in {"NOUN", "PROPN"}:
        return True
    verb = prep.head
    if verb.pos_ != "VERB":
        return False
    if prep.lower_ == "from":
        return verb.lemma_.lower() in _LAUNCH_VERBS
    return prep.lower_ in {"at", "in"} and verb.lemma_.lower() in {"station", "base", "position"}


def _comes_from(span: SpacySpan) -> bool:
    """ "a town councillor from Jos", "fighters from Homs": a "from" phrase under
    a noun says where someone or something comes from, never where the trigger's event happened."""
    head = _phrase_head(span.root, _LISTED_NAME_LINKS)
    if head.dep_ != "pobj" or head.head.lower_ != "from":
        return False
    owner = head.head.head
    return owner.pos_ in {"NOUN", "PROPN"} and _names_people(owner)


# Endings of nouns for people ("councillor", "trader", "journalist", "businessmen", "politician"): the place
# after their "from" is where they come from, while "reports from Hama" or "withdrawal from X" may still say
# where the event was.
_PERSON_NOUN_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "man", "men", "ian", "ians", "ant", "ants")


def _names_people(noun: Token) -> bool:
    lists = cues()
    word = noun.lower_
    return word in lists["group_nouns"] or word in lists["resident_nouns"] or word.endswith(_PERSON_NOUN_ENDINGS)


def _where_antecedent(trigger: SpacySpan, named: set[int]) -> Token | None:
    """ "marched towards X village where police were engaged": an event told in a "where" clause that names
    no place of its own happened at the place the clause modifies."""
    for node in [trigger.root, *trigger.root.ancestors]:
        if node.dep_ == "relcl" and any(c.lower_ == "where" for c in node.children):
            own = named & set(range(node.left_edge.i, node.right_edge.i + 1))
            return None if own else node.head
    return None


def _names(span: SpacySpan, token: Token | None) -> bool:
    """Does the mention name this token: the token itself, the settlement noun it modifies ("X village"),
    or the noun it is "of" ("the town of X")?"""
    if token is None:
        return False
    root = span.root
    if span.start <= token.i < span.end:
        return True
    if root.head.i == token.i and root.dep_ in {"compound", "nmod", "amod"}:
        return True  # "Tilaiya village where ..."
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i == token.i


# Nouns of a site a town holds: in "Mogadishu's Madina hospital" the town, not the hospital's name, is coded.
_SITE_NOUNS = frozenset("hospital clinic school mosque church market prison university camp stadium hotel "
                        "airport".split())  # fmt: skip


def _site_name(span: SpacySpan, mentions: set[int]) -> bool:
    """A name that is part of a site's name whose town owns it ("Mogadishu's Madina hospital")."""
    head = span.root.head
    if span.root.dep_ != "compound" or head.lemma_.lower() not in _SITE_NOUNS:
        return False
    return any(c.dep_ == "poss" and c.i in mentions for c in head.children)


_TOWARD = frozenset({"to", "into", "toward", "towards"})


def _later_destination(span: SpacySpan, trigger: SpacySpan) -> bool:
    """ "was captured in 2001 and shipped to Guantanamo Bay", "was shot but managed to walk to Sulmona": where
    someone went in a later action joined to the trigger's is not where the event happened."""
    node = _phrase_head(span.root, _NAME_LINKS)
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in _PLACE_NOUNS:
        node = node.head.head  # "to the town of Sulmona"
    if node.dep_ != "pobj" or node.head.lower_ not in _TOWARD:
        return False
    verb = node.head.head
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head  # "managed to walk to"
    return verb.dep_ == "conj" and _joined_after(verb, trigger)


# Verbs of keeping a captive: news on a capture often adds where the captive is held now.
_CUSTODY_VERBS = frozenset({"hold", "imprison", "detain", "jail", "keep", "incarcerate"})


def _custody_place(span: SpacySpan, trigger: SpacySpan) -> bool:
    """ "was captured in June and is believed to be held in Gaza": where a captive is kept afterwards, in a
    clause joined to the trigger's, is not where the event happened."""
    verb = span.root
    for _ in range(8):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.lemma_.lower() in _CUSTODY_VERBS and _joined_after(verb, trigger)


def _ranked(doc: Doc, trigger: SpacySpan, places: Sequence[PlaceMention]) -> list[tuple[PlaceMention, SpacySpan]]:
    """Usable mentions, best evidence first: the trigger's sentence (towns before regions before countries,
    a place before the area it is said to lie in, not a point of reference, then governed by a locative
    preposition, then by distance),
    the previous sentence, then the rest."""
    sentence = trigger.sent
    outer = _outer_mentions(doc, places)
    named = {i for m in places if (t := _tokens(doc, m)) is not None for i in range(t.start, t.end)}
    antecedent = _where_antecedent(trigger, named)
    scored = []
    for index, mention in enumerate(places):
        span = _usable(doc, mention)
        if span is None or _site_name(span, named):
            continue
        topic = _protest_topic(span, trigger)
        if topic and (mention.place is None or _breadth(mention.place) > 0):
            continue  # "protested against the war in Bosnia"; a town in the topic may still be where they were
        same = span.sent.start == sentence.start
        if same and _comes_from(span):
            continue  # unlike "rockets fired from Gaza" (`_origin`), which still ranks after the other places
        if same and (_party(span, mention.place) or _later_destination(span, trigger) or _custody_place(span, trigger)):
            continue
        before = span.sent.end <= sentence.start and span.sent.end >= sentence.start - 60
        tier = 0 if same else 1 if before else 2
        locative = _locative_head(span) is not None
        distance = abs(span.start - trigger.start)
        breadth = 0 if mention.role is MentionRole.FACILITY else _breadth(mention.place)
        if breadth > 0 and _TOWN_CALLED.search(doc.text[max(0, span.start_char - 20) : span.start_char]):
            breadth = 0  # "the nearby town of Deir El-Balah": the text says it is a town, whatever it resolved to
        if breadth == 0 and _countryside(doc, span):
            breadth = 1  # "the countryside of Hama", "rural Damascus": the area around a town, not the town
        reference = _reference_point(doc, span)
        key = (
            tier,
            topic,
            _origin(span),
            same and _other_clause(span, trigger),
            breadth,
            index in outer,
            not _names(span, antecedent),
            reference,
            not locative,
            distance if tier < 2 else span.start,
        )
        scored.append((key, mention, span))
    scored.sort(key=lambda item: item[0])
    return [(m, s) for _, m, s in scored]


_LEVELS = ("town", "admin2", "admin1", "country")


def _level(place: Place) -> str | None:
    code = place.feature_code
    if place.feature_class == "P":
        return "town"
    if code == "ADM2":
        return "admin2"
    if code == "ADM1":
        return "admin1"
    return "country" if code.startswith("PCL") else None


_FALLBACK_REACH = 120  # characters after an unknown name in which the area holding it is named


_BEYOND = frozenset({"border", "borders", "frontier", "toward", "towards", "from", "with"})


def _beyond(area: PlaceMention, doc: Doc) -> bool:
    """ "at Khirbet al-Joz on the border with Turkey": an area named as a neighbour does not hold the place."""
    words = doc.text[max(0, area.span.start - 25) : area.span.start].lower().split()
    return bool(_BEYOND & set(words[-3:]))


def _fallback_area(
    mention: PlaceMention, places: Sequence[PlaceMention], sentence: tuple[int, int], doc: Doc
) -> tuple[Place, str] | None:
    """For an unresolved name: the smallest area named after it ("Atmeh in Syria's Idlib province",
    "Doron-Baga, a community in Kukawa Local Government Area of Borno State") or before it in its sentence
    ("the Homs neighbourhood of Baba Amr"), else the one country the article's places are in."""
    areas = []
    for other in places:
        after = 0 <= other.span.start - mention.span.end <= _FALLBACK_REACH and not _beyond(other, doc)
        before = sentence[0] <= other.span.start and other.span.end <= mention.span.start
        if other.place is None or not (after or before) or other.role is MentionRole.DATELINE:
            continue
        span = _tokens(doc, other)
        place = _town_named_like(other, span)[0] if span is not None else other.place
        level = _level(place)
        if level is not None:
            distance = abs(other.span.start - mention.span.start)
            areas.append((_LEVELS.index(level), distance, place, f"fallback:{level}"))
    if areas:
        _, _, area, rule = min(areas, key=lambda a: a[:2])
        return area, rule
    country = _article_country([m for m in places if not _beyond(m, doc)])
    return (country, "fallback:article_country") if country is not None else None


def _article_country(places: Sequence[PlaceMention]) -> Place | None:
    """The country named in the article when every resolved place is in it."""
    resolved = [m.place for m in places if m.place is not None and m.role is not MentionRole.DATELINE]
    codes = {p.country_code for p in resolved}
    named = [p for p in resolved if p.feature_code.startswith("PCL")]
    return named[0] if len(codes) == 1 and named else None


def _town_named_like(mention: PlaceMention, span: SpacySpan) -> tuple[Place, str | None]:
    """ "shelling hit Kherson": an event happens in the town, not the oblast named after it. A bare name that
    resolved to an admin area is the same-named town inside it when one is among the candidates (not when the
    text says "Kherson region")."""
    area = mention.place
    following = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    if area.feature_class != "A" or area.feature_code.startswith("PCL") or following in _PLACE_NOUNS - _TOWN_NOUNS:
        return area, None
    towns = [c.place for c in mention.candidates if c.place.feature_class == "P" and contains(area, c.place)]
    if not towns:
        return area, None
    return max(towns, key=lambda p: p.population), "event.town_of_area_name"


SURE = 0.3


def locate_event(doc: Doc, trigger: SpacySpan, places: Sequence[PlaceMention]) -> EventLocation | None:
    """Where the event with this trigger happened, with ACLED geo_precision and the evidence. A place the
    resolver was unsure of (score below SURE) is passed over when a surer one is ranked after it. A name in
    the trigger's sentence that nothing can place is kept, unresolved, rather than swapped for a place the
    event did not happen in."""
    ranked = _ranked(doc, trigger, places)
    sure = [m for m, _ in ranked if m.place is not None and m.score >= SURE]
    sentence = (trigger.sent.start_char, trigger.sent.end_char)
    for mention, span in ranked:
        if mention.place is not None and (mention.score >= SURE or not sure):
            place, rule = _town_named_like(mention, span)
            precision = precision_of(place, near=_near(span))
            return EventLocation(place, precision, Evidence(span=mention.span, rule=rule or mention.rule))
        fallback = _fallback_area(mention, places, sentence, doc)
        if fallback is not None:
            area, rule = fallback
            # a village is coded near its town, or at its district or province
            precision = (
                GeoPrecision.NEAR_TOWN
                if area.feature_class == "P" or area.feature_code == "ADM2"
                else GeoPrecision.REGION
            )
            return EventLocation(area, precision, Evidence(span=mention.span, rule=rule))
        if mention.place is None and span.sent.start == trigger.sent.start:
            return EventLocation(None, None, Evidence(span=mention.span, rule="event.unresolved_place"))
    return None

"""Toponym resolution: choose, for each name, the place a reader would understand.

Features, as a person would weigh them: how well known the candidate is (population, feature class, whether
the text uses its own name), an explicit container ("Atmeh in Idlib province", "Kaushambi, Uttar Pradesh",
"Idlib province"), the countries and first-level areas the rest of the article is about, and the distance to
the article's other places. All mentions of one name in an article share one reading. The ranking runs three
times, each round taking its context from the previous round's choices. Deterministic: ties fall to the
larger population, then the smaller GeoNames id.

The score is the softmax share of the winning candidate: low when strong candidates compete.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from eventwire.geo.gazetteer import ALTERNATE, NAME, Gazetteer
from eventwire.geo.index import admin_terms, state_abbreviation_keys
from eventwire.geo.normalize import article_free
from eventwire.geo.toponym import Toponym
from eventwire.model import Candidate, Place

MAX_CANDIDATES = 40
ROUNDS = 3
TEMPERATURE = 0.08
AGREEMENT = 0.3  # weight of the namesake agreement (`_agreement`)
AGREEMENT_KM = 150
AGREEMENT_OPTIONS = 15  # namesakes of another name that can lend it support, best prior first
NESTING = 0.3  # weight of a county and a town of the article that hold one another (`_nests`)
LISTED = 0.3  # weight of a list's other names having a namesake of the same rank and country (`_listed`)
AGREEMENT_TEMPERATURE = 0.1  # a namesake's support falls by e for every 0.1 its prior is below its name's best
NAMESAKE_PENALTY = 0.3
# admin terms for a first-level area or a region, which no county or district is
_WIDE_TERMS = frozenset(
    "province region governorate oblast krai kray okrug emirate wilaya wilayah muhafazah territory".split()
)
SEAT_SHARE = 0.15  # a town holding this share of its first-level area's people is what the area's bare name means
SEAT_MARGIN = 0.05
SMOOTHING = 0.5  # a pseudo-vote in the country and admin1 shares
# a place inside a country and named like it (`_country_over_its_namesakes`)
_CONTAINER_LINK = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*)$", re.IGNORECASE)
_COMMA = re.compile(r"^,\s*$")
_LIST_LINK = re.compile(r"^(?:\s*,)?\s*(?:,|and|or|&)\s*$", re.IGNORECASE)
_RANKED_LEVELS = frozenset({"PCL", "ADM1", "ADM2"})
_BROAD = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCL", "CONT", "RGN", "OCN", "SEA"})
_NAMED_AREAS = frozenset(
    {"ADM1", "CONT", "RGN", "OCN", "SEA", "GULF", "PEN", "UPLD", "LK", "MTS", "ISL", "DSRT", "STRT", "CNL", "BAY"}
)


@dataclass(slots=True)
class NameGroup:
    """Every mention of one name in the article, resolved together."""

    key: str
    toponyms: list[Toponym]
    options: list[tuple[Place, int]]
    area_terms: set[str] = field(default_factory=set)  # the admin terms the text names it with ("province")
    fixed: list[float] = field(default_factory=list)  # score parts that do not depend on context
    containers: list[NameGroup] = field(default_factory=list)
    contained: list[NameGroup] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    agreement: list[float] = field(default_factory=list)  # how many other names have a namesake nearby
    nesting: list[float] = field(default_factory=list)  # how plausible a county or town of another name nests
    listed: list[float] = field(default_factory=list)  # how plausible a list-mate of the same rank and country is
    list_mates: list[NameGroup] = field(default_factory=list)  # names listed with this one ("A, B and C")

    @property
    def area(self) -> bool:
        """Whether the text names it as an admin area ("Idlib province")."""
        return bool(self.area_terms)

    @property
    def best(self) -> Place | None:
        if not self.options:
            return None
        return self.options[max(range(len(self.options)), key=self._order)][0]

    def _order(self, i: int) -> tuple[float, int, int]:
        place = self.options[i][0]
        return (round(self.scores[i], 9), place.population, -place.geonameid)

    def ranked(self) -> list[tuple[Place, float]]:
        if not self.options:
            return []
        top = max(self.scores)
        weights = [math.exp((s - top) / TEMPERATURE) for s in self.scores]
        total = sum(weights)
        order = sorted(range(len(self.options)), key=self._order, reverse=True)
        return [(self.options[i][0], weights[i] / total) for i in order]


def haversine_km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def contains(area: Place, place: Place) -> bool:
    """Whether the admin hierarchy puts `place` inside `area` (a country, admin1 or admin2)."""
    if area.geonameid == place.geonameid or not area.country_code or area.country_code != place.country_code:
        return False
    code = area.feature_code
    if code.startswith("PCL"):
        return True
    if code == "ADM1":
        return bool(area.admin1_code) and place.admin1_code == area.admin1_code and place.feature_code != "ADM1"
    if code == "ADM2":
        return (
            bool(area.admin2_code)
            and place.admin1_code == area.admin1_code
            and place.admin2_code == area.admin2_code
            and place.feature_code != "ADM2"
        )
    return False


def _prior(place: Place, kind: int, *, area: bool) -> float:
    if place.geonameid < 0:  # a region of data/regions.tsv: well known by definition, under any of its names
        kind, population = NAME, 10**6
    else:
        population = place.population
    score = 0.3 * min(1.0, math.log10(population + 1) / 7)
    code = place.feature_code
    # countries, first-level areas and named regions or seas are what their bare name usually means
    score += 0.12 if code.startswith("PCL") or code in _NAMED_AREAS else 0.0
    # a capital is as well known as a first-level area ("Washington" is the city before the state)
    score += 0.12 if code == "PPLC" else 0.0
    score += 0.15 if kind == NAME else 0.05 if kind == ALTERNATE else 0.0
    if area:
        score += 0.3 if place.feature_class == "A" and not code.startswith("PCL") else -0.1
    return score


def _groups(toponyms: list[Toponym], gazetteer: Gazetteer) -> list[NameGroup]:
    groups: dict[str, NameGroup] = {}
    for toponym in toponyms:
        group = groups.get(toponym.key)
        if group is None and toponym.country is not None:
            country = gazetteer.area(toponym.country)
            group = groups[toponym.key] = NameGroup(toponym.key, [], [(country, NAME)] if country else [])
        elif group is None:
            options = list(gazetteer.candidates(toponym.key, MAX_CANDIDATES))
            bare = article_free(toponym.key)
            if bare:
                seen = {p.geonameid for p, _ in options}
                options += [(p, k) for p, k in gazetteer.candidates(bare, MAX_CANDIDATES) if p.geonameid not in seen]
            group = groups[toponym.key] = NameGroup(toponym.key, [], options)
        group.toponyms.append(toponym)
        if toponym.area:
            group.area_terms.add(toponym.area)
    for group in groups.values():
        group.fixed = [
            _prior(p, k, area=group.area and not _typed_otherwise(p, group.area_terms)) for p, k in group.options
        ]
        _country_over_its_namesakes(group)
        if not group.area:
            _seat_over_its_area(group)
        group.scores = list(group.fixed)
    return list(groups.values())


def _typed_otherwise(place: Place, terms: set[str]) -> bool:
    """Whether the text calls the area a province or region while the place's own name ends in another admin
    term: "the province of Ontario" is no "Ontario County", "the Houston region" no "Houston County". ("Ramsey
    District Court" or "San Diego State" say too little of the kind of area to rule one out.)"""
    last = place.name.lower().rsplit(" ", 1)[-1]
    return bool(terms & _WIDE_TERMS) and last in admin_terms() and last not in terms


def _country_over_its_namesakes(group: NameGroup) -> None:
    """A country's own name means the country, not a place inside it named after it.

    The State of Mexico and Mexico City are not "Mexico" in news; a town in a country only shares the country's
    name by name-giving, and the text would qualify it. Places of that name elsewhere ("Georgia" the US state,
    "Niger" the Nigerian state) are left to the context."""
    countries = {p.country_code for p, k in group.options if k == NAME and p.feature_code.startswith("PCL")}
    for i, (place, _) in enumerate(group.options):
        if place.country_code in countries and not place.feature_code.startswith("PCL"):
            group.fixed[i] -= NAMESAKE_PENALTY


def _seat_over_its_area(group: NameGroup) -> None:
    """A first-level area's bare name means the big town inside it that bears the same name.

    "Fighting in Aleppo", "a bomb in Kandahar", "pilgrims in Mecca": news names the province with its type word
    ("Aleppo province", which sets `area`) and the city without. Only a town the text names at least as
    directly as the area (its own name against the area's alternate name, not "New York" for New York City)
    and that holds a real share of the area's people (Quebec City is no reading of "Quebec")."""
    for i, (area, area_kind) in enumerate(group.options):
        if area.feature_code != "ADM1" or not area.admin1_code:
            continue
        seats = [
            j
            for j, (town, kind) in enumerate(group.options)
            if town.feature_class == "P"
            and kind <= area_kind
            and town.country_code == area.country_code
            and town.admin1_code == area.admin1_code
            and town.population >= SEAT_SHARE * area.population
        ]
        if seats:
            seat = max(seats, key=group.fixed.__getitem__)
            # the seat takes the area's standing: "Mecca" is the Saudi city before a Californian town
            group.fixed[seat] = max(group.fixed[seat], group.fixed[i])
            group.fixed[i] = min(group.fixed[i], group.fixed[seat] - SEAT_MARGIN)


def _level(group: NameGroup) -> tuple[str, str] | None:
    """The rank of the name's best-known bearer, to tell a list from a container: ("PCL", ""), ("ADM1", cc)."""
    if not group.options:
        return None
    place = group.options[max(range(len(group.options)), key=group.fixed.__getitem__)][0]
    code = place.feature_code
    if code.startswith("PCL"):
        return ("PCL", "")
    return ("ADM1", place.country_code or "") if code == "ADM1" else None


def _is_list(text: str, toponyms: list[Toponym], i: int, groups: dict[str, NameGroup]) -> bool:
    """Whether "X, Y" (toponyms i, i+1) is part of a list rather than a place and its container.

    Peers are no container of each other ("Iraq, Iran", "Illinois, Missouri"), and in a run "W, X, Y" the
    comma before X says it is a list ("Mexico, China, Japan": not China in Japan)."""
    left, right = toponyms[i], toponyms[i + 1]
    if right.key in state_abbreviation_keys():
        return False  # "Washington, D.C.", "Columbus, Ga.": AP style names the container so
    level = _level(groups[left.key])
    if level is not None and level == _level(groups[right.key]):
        return True
    return i > 0 and _COMMA.match(text[toponyms[i - 1].end : left.start]) is not None


def _link_containers(text: str, toponyms: list[Toponym], groups: dict[str, NameGroup]) -> None:
    """ "X, Y" / "X in Y" / "X in the Y": Y is a candidate container of X."""
    for i, (left, right) in enumerate(itertools.pairwise(toponyms)):
        link = text[left.end : right.start]
        if left.key == right.key or not _CONTAINER_LINK.match(link):
            continue
        if _COMMA.match(link) and _is_list(text, toponyms, i, groups):
            continue
        inner, outer = groups[left.key], groups[right.key]
        if outer not in inner.containers:
            inner.containers.append(outer)
            outer.contained.append(inner)


def _link_lists(text: str, toponyms: list[Toponym], groups: dict[str, NameGroup]) -> None:
    """ "British Columbia, Alberta, Manitoba, Ontario and New Brunswick": the names of one list."""
    runs: list[list[Toponym]] = [[toponyms[0]]] if toponyms else []
    closed = False  # a list that has had its "and" goes on with no bare comma: "Texas and Washington, D.C."
    for left, right in itertools.pairwise(toponyms):
        link = text[left.end : right.start]
        if _LIST_LINK.match(link) and not (closed and _COMMA.match(link)):
            runs[-1].append(right)
            closed = closed or not _COMMA.match(link)
        else:
            runs.append([right])
            closed = False
    for run in runs:
        if len(run) == 2 and _COMMA.match(text[run[0].end : run[1].start]):
            continue  # "Washington, D.C.", "Stroud, Ontario": a place and its container, as likely as a list
        members = {t.key: groups[t.key] for t in run}
        for key, group in members.items():
            group.list_mates += [g for k, g in members.items() if k != key and g not in group.list_mates]


def _listed(place: Place, mates: list[list[tuple[Place, float]]]) -> float:
    """A list names things of one kind: a province among its country's provinces, a county among counties, a
    country among countries. The share of list-mates with a plausible namesake of `place`'s rank (and, below
    a country, in its country)."""
    level = _level_of(place)
    if level not in _RANKED_LEVELS or not mates:
        return 0.0
    lent = [
        max(
            (w for q, w in opts if _level_of(q) == level and (level == "PCL" or q.country_code == place.country_code)),
            default=0.0,
        )
        for opts in mates
    ]
    return sum(lent) / len(lent)


@dataclass(slots=True)
class _Vote:
    """What one name (or a demonym, `group` None) says the article is about, weighted by how sure it is."""

    group: NameGroup | None
    place: Place | None
    country: str
    admin1: tuple[str, str] | None
    weight: float

    def supports(self, group: NameGroup, place: Place) -> bool:
        # a name cannot vote for itself, nor for a candidate that is the very place another name names
        # ("Mexico City" is no evidence that "Mexico" means Mexico City)
        return self.group is not group and (self.place is None or self.place.geonameid != place.geonameid)


def _context(groups: list[NameGroup], demonyms: dict[str, int]) -> list[_Vote]:
    votes = [_Vote(None, None, code, None, 0.5 * n) for code, n in demonyms.items()]
    for group in groups:
        ranked = group.ranked()
        if not ranked:
            continue
        place, share = ranked[0]
        admin = None
        if place.admin1_code and not place.feature_code.startswith("PCL"):
            admin = (place.country_code or "", place.admin1_code)
        votes.append(_Vote(group, place, place.country_code or "", admin, share * len(group.toponyms)))
    return votes


def _shares(group: NameGroup, place: Place, votes: list[_Vote]) -> tuple[float, float]:
    """The shares of the other names' weight on `place`'s country and on its first-level area.

    Peers count as agreement: a country named among other countries ("Iraq, Iran") fits the article as well as
    one named among its own towns, and a first-level area also counts the other first-level areas of its country
    ("England and Wales" are two nations of Britain, not a village called Wales in England). A capital among
    countries and capitals stands for its country ("talks in Cairo and Washington": the capital, not the state)."""
    country = admin = country_total = admin_total = 0.0
    key = (place.country_code or "", place.admin1_code)
    level = "PCL" if place.feature_code.startswith("PCL") else place.feature_code
    for vote in votes:
        if not vote.supports(group, place):
            continue
        peer = vote.place is not None and _peers(level, _level_of(vote.place))
        country_total += vote.weight
        if vote.country == place.country_code or (peer and level in ("PCL", "PPLC")):
            country += vote.weight
        if vote.admin1 is not None:
            admin_total += vote.weight
            if vote.admin1 == key or (peer and level == "ADM1" and vote.country == key[0]):
                admin += vote.weight
    # a pseudo-vote for "elsewhere": one unsure name is weak evidence of what the article is about
    return (country / (country_total + SMOOTHING), admin / (admin_total + SMOOTHING))


def _peers(level: str, other: str) -> bool:
    """Whether a place of `other` level named beside one of `level` is its peer."""
    if level == "PPLC":
        return other in ("PCL", "PPLC")
    return level in ("PCL", "ADM1") and other == level


def _level_of(place: Place) -> str:
    return "PCL" if place.feature_code.startswith("PCL") else place.feature_code


def _contextual(group: NameGroup, place: Place, votes: list[_Vote]) -> float:
    code = place.feature_code
    if not place.country_code:
        # an ocean or a continent belongs to no country: the article's places are never foreign to it
        return 0.3 * max(_top_shares(group, votes), default=0.0) + 0.3 * max(
            _top_shares(group, votes, admin=True), default=0.0
        )
    country, admin = _shares(group, place, votes)
    if code.startswith("PCL"):
        # a country is as consistent with the article as its share of it: it has no admin1 or point to match
        return 0.6 * country
    score = 0.3 * country + (0.3 * admin if place.admin1_code else 0.0)
    if code not in _BROAD:
        distances = [
            haversine_km(place, v.place)
            for v in votes
            if v.place is not None and v.place.feature_code not in _BROAD and v.supports(group, place)
        ]
        if distances:
            nearest = min(distances)
            score += 0.15 if nearest <= 100 else 0.08 if nearest <= 300 else 0.0
    return score


def _top_shares(group: NameGroup, votes: list[_Vote], *, admin: bool = False) -> list[float]:
    """Each country's (or first-level area's) share of the other names' weight."""
    weights: dict[object, float] = defaultdict(float)
    for vote in votes:
        if vote.group is not group and (not admin or vote.admin1 is not None):
            weights[vote.admin1 if admin else vote.country] += vote.weight
    total = sum(weights.values())
    return [w / total for k, w in weights.items() if k] if total else []


def _containment(group: NameGroup, place: Place) -> float:
    score = 0.0
    for outer in group.containers:
        if any(contains(area, place) for area, _ in outer.options[:15]):
            score += 0.6
    for inner in group.contained:
        if any(contains(place, town) for town, _ in inner.options[:15]):
            score += 0.4
    return score


def _near(a: Place, b: Place) -> bool:
    # areas are left to the country and admin1 shares: their points say little of what lies inside them
    if a.feature_code in _BROAD or b.feature_code in _BROAD or "ADM1" in (a.feature_code, b.feature_code):
        return False
    return haversine_km(a, b) <= AGREEMENT_KM


def _agreement(groups: list[NameGroup]) -> None:
    """For each candidate, the share of the article's other names that have a plausible namesake near it.

    Local news seldom names its state: "Watertown", "Montgomery" and "Scott County" agree on Minnesota because
    each has a Minnesota namesake, whatever each one's best-known bearer is. A namesake counts as much as it is
    plausible for its own name (its prior against the name's best), so a hamlet called "Washington" is little
    support, and each other name counts once."""
    support: list[tuple[NameGroup, list[tuple[Place, float]]]] = []
    for group in groups:
        if not group.options:
            continue
        top = max(group.fixed)
        ranked = sorted(zip(group.fixed, group.options, strict=True), key=lambda x: -x[0])[:AGREEMENT_OPTIONS]
        support.append((group, [(p, math.exp((f - top) / AGREEMENT_TEMPERATURE)) for f, (p, _) in ranked]))
    for group in groups:
        others = [opts for g, opts in support if g is not group]
        famous = bool(group.options) and _famous(group.options[group.fixed.index(max(group.fixed))][0])
        group.agreement = [_support(place, others, needed=2 if famous else 1) for place, _ in group.options]
        group.nesting = [_nests(place, others) for place, _ in group.options]
        mates = [opts for g, opts in support if g in group.list_mates]
        group.listed = [_listed(place, mates) for place, _ in group.options]


def _nests(place: Place, others: list[list[tuple[Place, float]]]) -> float:
    """ "Walker County" and "Huntsville" in one story: the Texas pair, whose town lies in the county, over the
    larger Alabama namesakes, which are merely near each other."""
    if place.feature_code == "ADM2":
        return max(
            (w for opts in others for q, w in opts if q.feature_class == "P" and contains(place, q)), default=0.0
        )
    if place.feature_class == "P":
        return max(
            (w for opts in others for q, w in opts if q.feature_code == "ADM2" and contains(q, place)), default=0.0
        )
    return 0.0


def _famous(place: Place) -> bool:
    return place.feature_code == "PPLC" or place.feature_code.startswith("PCL")


def _support(place: Place, others: list[list[tuple[Place, float]]], *, needed: int) -> float:
    # against a capital or a country, one other name with a namesake nearby is a coincidence ("Palmyra" and
    # "Damascus" are also neighbouring towns in Pennsylvania and Maryland): a pattern takes two
    # the very place another name names is no namesake of it ("Youngstown", an old name of Mount Gilead, gains
    # nothing from "Mount Gilead" in the same story)
    lent = [
        max((w for q, w in opts if q.geonameid != place.geonameid and _near(place, q)), default=0.0) for opts in others
    ]
    return sum(lent) / len(lent) if sum(1 for w in lent if w > 0) >= needed else 0.0


def resolve(text: str, toponyms: list[Toponym], gazetteer: Gazetteer, *, demonyms: dict[str, int]) -> dict:
    """key -> ranked [(Place, share)] for every name among `toponyms` (an empty list when unknown)."""
    groups = _groups(toponyms, gazetteer)
    by_key = {g.key: g for g in groups}
    ordered = sorted((t for t in toponyms), key=lambda t: t.start)
    _link_containers(text, ordered, by_key)
    _link_lists(text, ordered, by_key)
    _agreement(groups)
    for group in groups:
        group.scores = _base_scores(group)
    for _ in range(ROUNDS):
        context = _context(groups, demonyms)
        for group in groups:
            base = _base_scores(group)
            group.scores = [b + _contextual(group, p, context) for b, (p, _) in zip(base, group.options, strict=True)]
    return {g.key: g.ranked() for g in groups}


def _base_scores(group: NameGroup) -> list[float]:
    """The scores that do not depend on the other names' current readings."""
    parts = zip(group.fixed, group.options, group.agreement, group.nesting, group.listed, strict=True)
    return [f + _containment(group, p) + AGREEMENT * a + NESTING * n + LISTED * m for f, (p, _), a, n, m in parts]


def candidates_of(ranked: list[tuple[Place, float]], *, limit: int = 5) -> tuple[Candidate, ...]:
    return tuple(Candidate(place, round(share, 4)) for place, share in ranked[:limit])

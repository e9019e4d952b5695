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
from eventwire.geo.normalize import article_free
from eventwire.geo.recognize import Toponym
from eventwire.model import Candidate, Place

MAX_CANDIDATES = 40
ROUNDS = 3
TEMPERATURE = 0.08
_CONTAINER_LINK = re.compile(r"^(?:,\s*|\s+in\s+(?:the\s+)?|\s*\(\s*)$", re.IGNORECASE)
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
    area: bool = False
    fixed: list[float] = field(default_factory=list)  # score parts that do not depend on context
    containers: list[NameGroup] = field(default_factory=list)
    contained: list[NameGroup] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)

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
    score += 0.05 if code == "PPLC" else 0.0
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
        group.area = group.area or toponym.area
    for group in groups.values():
        group.fixed = [_prior(p, k, area=group.area) for p, k in group.options]
        group.scores = list(group.fixed)
    return list(groups.values())


def _link_containers(text: str, toponyms: list[Toponym], groups: dict[str, NameGroup]) -> None:
    """ "X, Y" / "X in Y" / "X in the Y": Y is a candidate container of X."""
    for left, right in itertools.pairwise(toponyms):
        if left.key == right.key or not _CONTAINER_LINK.match(text[left.end : right.start]):
            continue
        inner, outer = groups[left.key], groups[right.key]
        if outer not in inner.containers:
            inner.containers.append(outer)
            outer.contained.append(inner)


@dataclass(slots=True)
class _Context:
    countries: dict[str, float]
    admin1: dict[tuple[str, str], float]
    points: list[tuple[NameGroup, Place]]


def _context(groups: list[NameGroup], demonyms: dict[str, int]) -> _Context:
    countries: dict[str, float] = defaultdict(float)
    admin1: dict[tuple[str, str], float] = defaultdict(float)
    for code, n in demonyms.items():
        countries[code] += 0.5 * n
    points = []
    for group in groups:
        ranked = group.ranked()
        if not ranked:
            continue
        place, share = ranked[0]
        weight = share * len(group.toponyms)
        if place.country_code:
            countries[place.country_code] += weight
        if place.admin1_code and not place.feature_code.startswith("PCL"):
            admin1[(place.country_code or "", place.admin1_code)] += weight
        if place.feature_code not in _BROAD:
            points.append((group, place))
    return _Context(countries, admin1, points)


def _contextual(group: NameGroup, place: Place, context: _Context) -> float:
    score = 0.0
    mine = len(group.toponyms)
    best = group.best
    own_country = mine if best is not None and best.country_code == place.country_code else 0
    countries_total = sum(context.countries.values()) - own_country
    if countries_total > 0 and place.country_code:
        share = (context.countries.get(place.country_code, 0.0) - own_country) / countries_total
        score += 0.3 * max(0.0, share)
    if place.feature_code.startswith("PCL") and countries_total > 0:
        # a country is as consistent with the article as its share of it: it has no admin1 or point to match
        share = (context.countries.get(place.country_code or "", 0.0) - own_country) / countries_total
        score += 0.3 * max(0.0, share)
    elif place.admin1_code:
        key = (place.country_code or "", place.admin1_code)
        own_admin = mine if best is not None and (best.country_code, best.admin1_code) == key else 0
        admin_total = sum(context.admin1.values()) - own_admin
        if admin_total > 0:
            score += 0.3 * max(0.0, (context.admin1.get(key, 0.0) - own_admin) / admin_total)
    distances = [haversine_km(place, other) for g, other in context.points if g is not group]
    if distances and place.feature_code not in _BROAD:
        nearest = min(distances)
        score += 0.15 if nearest <= 100 else 0.08 if nearest <= 300 else 0.0
    return score


def _containment(group: NameGroup, place: Place) -> float:
    score = 0.0
    for outer in group.containers:
        if any(contains(area, place) for area, _ in outer.options[:15]):
            score += 0.6
    for inner in group.contained:
        if any(contains(place, town) for town, _ in inner.options[:15]):
            score += 0.4
    return score


def resolve(text: str, toponyms: list[Toponym], gazetteer: Gazetteer, *, demonyms: dict[str, int]) -> dict:
    """key -> ranked [(Place, share)] for every name among `toponyms` (an empty list when unknown)."""
    groups = _groups(toponyms, gazetteer)
    by_key = {g.key: g for g in groups}
    ordered = sorted((t for t in toponyms), key=lambda t: t.start)
    _link_containers(text, ordered, by_key)
    for group in groups:
        group.scores = [f + _containment(group, p) for f, (p, _) in zip(group.fixed, group.options, strict=True)]
    for _ in range(ROUNDS):
        context = _context(groups, demonyms)
        for group in groups:
            base = [f + _containment(group, p) for f, (p, _) in zip(group.fixed, group.options, strict=True)]
            group.scores = [b + _contextual(group, p, context) for b, (p, _) in zip(base, group.options, strict=True)]
    return {g.key: g.ranked() for g in groups}


def candidates_of(ranked: list[tuple[Place, float]], *, limit: int = 5) -> tuple[Candidate, ...]:
    return tuple(Candidate(place, round(share, 4)) for place, share in ranked[:limit])

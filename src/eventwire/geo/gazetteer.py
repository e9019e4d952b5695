"""The embedded gazetteer: a SQLite index of GeoNames places under normalised name keys.

Tables: `places` (one row per GeoNames id), `names` (normalised key -> place, with the kind of name),
`admin_codes` ("SY.12" -> "Idlib", "SY.12.169388" -> "Idlib District") and `meta` (version stamp, sources,
imported files). Opening an existing index only opens the file: lookups go to SQLite through its indexes
and are cached per process, so load time and memory stay small.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from eventwire.errors import GazetteerError
from eventwire.geo.countries import display_country_name
from eventwire.model import Place

# Bump when the schema or what the builder puts in the index changes: older indexes are rebuilt on open.
INDEX_VERSION = "geo-18"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country_code TEXT NOT NULL DEFAULT '', admin1_code TEXT NOT NULL DEFAULT '',
    admin2_code TEXT NOT NULL DEFAULT '', feature_class TEXT NOT NULL DEFAULT '',
    feature_code TEXT NOT NULL DEFAULT '', population INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (
    key TEXT NOT NULL, geonameid INTEGER NOT NULL, kind INTEGER NOT NULL, PRIMARY KEY (key, geonameid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin_codes (code TEXT PRIMARY KEY, name TEXT NOT NULL, geonameid INTEGER);
"""

# names.kind: how a key names its place (lower is stronger evidence).
NAME = 0  # the place's own name
ALTERNATE = 1  # a GeoNames alternate name or alias
VARIANT = 2  # derived: article-free ("Raqqa" for "Al-Raqqa"), type-free ("Laurel" for "Laurel County"), abbreviation

_PLACE_COLUMNS = (
    "p.geonameid, p.name, p.lat, p.lon, p.country_code, p.admin1_code, p.admin2_code, p.feature_class, "
    "p.feature_code, p.population, a1.name, a2.name"
)
_ADMIN_JOINS = (
    "LEFT JOIN admin_codes a1 ON a1.code = p.country_code || '.' || p.admin1_code "
    "LEFT JOIN admin_codes a2 ON a2.code = p.country_code || '.' || p.admin1_code || '.' || p.admin2_code"
)


def _place(row: tuple) -> Place:
    gid, name, lat, lon, cc, a1, a2, fclass, fcode, pop, a1_name, a2_name = row
    return Place(
        geonameid=gid,
        name=name,
        lat=lat,
        lon=lon,
        country_code=cc or None,
        country=display_country_name(cc) if cc else None,
        admin1=a1_name if fcode != "ADM1" else name,
        admin2=a2_name if fcode != "ADM2" else name,
        admin1_code=a1 or None,
        admin2_code=a2 or None,
        feature_class=fclass,
        feature_code=fcode,
        population=pop,
    )


class Gazetteer:
    """Read access to an index. Create with `open_gazetteer(path)`; share one per process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot read the gazetteer index {path}: {exc}") from exc
        self.meta = meta
        self.version = meta.get("version", "unknown")
        self.candidates = lru_cache(maxsize=50_000)(self._candidates)
        self.knows = lru_cache(maxsize=200_000)(self._knows)
        self.area = lru_cache(maxsize=20_000)(self._area)

    def close(self) -> None:
        self._db.close()

    def _knows(self, key: str) -> int | None:
        """The strongest kind of name `key` is (NAME/ALTERNATE/VARIANT), or None if no place has it."""
        row = self._db.execute("SELECT min(kind) FROM names WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _candidates(self, key: str, limit: int = 60) -> tuple[tuple[Place, int], ...]:
        """Places named `key`, most populous first, each with the kind of name that matched."""
        rows = self._db.execute(
            f"SELECT {_PLACE_COLUMNS}, n.kind FROM names n JOIN places p ON p.geonameid = n.geonameid "
            f"{_ADMIN_JOINS} WHERE n.key = ? ORDER BY p.population DESC, n.kind LIMIT ?",
            (key, limit),
        ).fetchall()
        return tuple((_place(row[:-1]), row[-1]) for row in rows)

    def place(self, geonameid: int) -> Place | None:
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p {_ADMIN_JOINS} WHERE p.geonameid = ?", (geonameid,)
        ).fetchone()
        return _place(row) if row else None

    def _area(self, code: str) -> Place | None:
        """The place of an admin code: "SY" (country), "SY.12" (admin1) or "SY.12.169388" (admin2)."""
        if "." not in code:
            row = self._db.execute(
                "SELECT geonameid FROM places WHERE country_code = ? AND feature_code IN "
                "('PCLI','PCLD','PCLF','PCLS','PCLIX','PCL','TERR') ORDER BY population DESC LIMIT 1",
                (code,),
            ).fetchone()
        else:
            row = self._db.execute("SELECT geonameid FROM admin_codes WHERE code = ?", (code,)).fetchone()
        return self.place(row[0]) if row and row[0] is not None else None

    def search(self, key: str, *, limit: int = 10) -> tuple[tuple[Place, int], ...]:
        return self._candidates(key, limit)

    def counts(self) -> dict[str, int]:
        rows = self._db.execute("SELECT feature_class, count(*) FROM places GROUP BY feature_class").fetchall()
        out = {f"places_{fclass or '?'}": n for fclass, n in rows}
        out["places"] = sum(n for _, n in rows)
        out["names"] = self._db.execute("SELECT count(*) FROM names").fetchone()[0]
        return out


def read_version(path: Path) -> str | None:
    """The version stamp of the index at `path`, or None if there is no readable index."""
    if not path.exists():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None

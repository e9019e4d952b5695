"""GeoNames dumps -> the gazetteer index (`eventwire gazetteer import FILE...`).

Accepted, as .txt or inside a .zip: the main table in any extract (allCountries, cities500/1000/5000/15000,
a country's XX), admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2/alternateNames. The kind of a file
is read from its name, or failing that from its column count. Everything streams: allCountries never
sits in memory.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from eventwire.errors import GazetteerImportError
from eventwire.geo.sources import Row

# Feature classes worth indexing for news: admin areas, populated places, regions, water, terrain; and from
# the huge S (spot) class only the places where events happen.
_CLASSES = frozenset("APLHT")
_SPOTS = frozenset({"AIRP", "AIRB", "MILB", "INSM", "CMP", "CMPRF", "PRN", "DAM", "PS", "MNMT", "BDG"})
# Alternate-name "languages" that are codes or links, not names.
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "tcid", "phon", "piny"})
_ALT_FILE = re.compile(r"alternatenames", re.IGNORECASE)


@contextmanager
def _text_members(path: Path) -> Iterator[list[tuple[str, io.TextIOBase]]]:
    """The data files in `path`: the file itself, or the .txt members of a zip (readmes left out)."""
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8", newline="") as handle:
            yield [(path.name, handle)]
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise GazetteerImportError(f"{path}: not a readable zip file ({exc})") from exc
    with archive:
        names = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith(("readme", "iso"))]
        handles = [(n, io.TextIOWrapper(archive.open(n), encoding="utf-8", newline="")) for n in names]
        try:
            yield handles
        finally:
            for _, handle in handles:
                handle.close()


def _kind(name: str, first: str) -> str:
    lower = name.lower()
    if lower.startswith("admin1codes") or lower.startswith("admin2codes"):
        return "admin"
    if _ALT_FILE.search(lower):
        return "alternate"
    columns = first.count("\t") + 1
    if columns == 19:
        return "places"
    if columns == 4 and re.match(r"^[A-Z]{2}\.", first):
        return "admin"
    if columns in {8, 10}:
        return "alternate"
    raise GazetteerImportError(f"{name}: not a GeoNames dump this importer knows ({columns} columns)")


def _place_rows(lines: Iterator[str], origin: str) -> Iterator[Row]:
    for number, line in enumerate(lines, start=1):
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != 19:
            if line.strip():
                raise GazetteerImportError(f"{origin} line {number}: expected 19 tab-separated columns")
            continue
        fclass, fcode = cols[6], cols[7]
        if fclass not in _CLASSES and fcode not in _SPOTS:
            continue
        try:
            row = Row(
                geonameid=int(cols[0]), name=cols[1], lat=float(cols[4]), lon=float(cols[5]),
                country_code=cols[8], admin1_code=cols[10], admin2_code=cols[11],
                feature_class=fclass, feature_code=fcode, population=int(cols[14] or 0),
            )  # fmt: skip
        except ValueError as exc:
            raise GazetteerImportError(f"{origin} line {number}: {exc}") from exc
        row.names.update(n for n in cols[3].split(",") if n)
        row.names.update((cols[1], cols[2]))
        yield row


def _admin_codes(lines: Iterator[str]) -> Iterator[tuple[str, str, int | None]]:
    for line in lines:
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) >= 4 and cols[0]:
            yield cols[0], cols[2] or cols[1], int(cols[3]) if cols[3].isdigit() else None


def _alternate_names(lines: Iterator[str]) -> Iterator[tuple[int, str]]:
    for line in lines:
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 4 or cols[2] in _NOT_NAMES or not cols[1].isdigit():
            continue
        historic = len(cols) > 7 and cols[7] == "1"
        if not historic:
            yield int(cols[1]), cols[3]


# Places first, then admin names, then alternate names (they attach only to places already indexed).
_ORDER = {"places": 0, "admin": 1, "alternate": 2}


def _plan(files: list[Path]) -> list[tuple[int, Path]]:
    for path in files:
        if not path.is_file():
            raise GazetteerImportError(f"{path}: no such file")
    return sorted(((_ORDER[_file_kind(p)], p) for p in files), key=lambda item: item[0])


def _file_kind(path: Path) -> str:
    with _text_members(path) as members:
        if not members:
            raise GazetteerImportError(f"{path}: the zip holds no .txt data file")
        name, handle = members[0]
        return _kind(name, handle.readline())


def import_into(writer, files: list[Path]) -> dict[str, int]:
    """Merge the dumps into the index `writer` writes; returns counts per kind of data."""
    counts = {"places": 0, "admin codes": 0, "alternate names": 0}
    for _, path in _plan(files):
        with _text_members(path) as members:
            for name, handle in members:
                first = handle.readline()
                kind = _kind(name, first)
                lines = _chain(first, handle)
                if kind == "places":
                    counts["places"] += writer.add_rows(_place_rows(lines, f"{path}:{name}"), source=f"import:{name}")
                elif kind == "admin":
                    codes = list(_admin_codes(lines))
                    writer.add_admin_codes(codes)
                    counts["admin codes"] += len(codes)
                else:
                    counts["alternate names"] += writer.add_names(_alternate_names(lines))
        writer.db.commit()
    done = json.loads(writer.meta("imported", "[]"))
    done += [str(p.resolve()) for p in files if str(p.resolve()) not in done]
    writer.set_meta(imported=json.dumps(done))
    return counts


def _chain(first: str, rest: io.TextIOBase) -> Iterator[str]:
    if first:
        yield first
    yield from rest

"""GeoNames dumps -> the gazetteer index (`eventwire gazetteer import FILE...`).

Accepted, as .txt or inside a .zip: the main table in any extract (allCountries, cities500/1000/5000/15000,
a country's XX), admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2/alternateNames. The kind of a file
is read from its name, or failing that from its column count. Everything streams: allCountries never
sits in memory.
"""

from __future__ import annotations

import itertools
import json
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

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
def _text_members(path: Path) -> Iterator[list[tuple[str, IO[bytes]]]]:
    """The data files in `path` as byte streams: the file itself, or the .txt members of a zip (readmes left out).
    Lines are decoded one by one (`_decoded`), so one bad byte costs one line, not the file."""
    if path.suffix.lower() != ".zip":
        with path.open("rb") as handle:
            yield [(path.name, handle)]
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise GazetteerImportError(f"{path}: not a readable zip file ({exc})") from exc
    with archive:
        names = [n for n in archive.namelist() if n.endswith(".txt") and not n.lower().startswith(("readme", "iso"))]
        handles = [(n, archive.open(n)) for n in names]
        try:
            yield handles
        finally:
            for _, handle in handles:
                handle.close()


@dataclass(slots=True)
class ImportReport:
    """What an import did: rows taken per kind of data, and the files and lines it could not use."""

    counts: dict[str, int] = field(default_factory=lambda: {"places": 0, "admin codes": 0, "alternate names": 0})
    rejected: list[str] = field(default_factory=list)  # the first MAX_MESSAGES messages, naming file and line
    rejected_lines: int = 0
    rejected_files: int = 0
    seconds: float = 0.0

    @property
    def summary(self) -> str:
        done = ", ".join(f"{n:,} {what}" for what, n in self.counts.items())
        line = f"gazetteer: imported {done} in {self.seconds:.1f} s"
        if self.rejected_files or self.rejected_lines:
            line += f"; rejected {self.rejected_files} file(s) and {self.rejected_lines:,} line(s)"
        return line

    def reject_line(self, message: str) -> None:
        self.rejected_lines += 1
        if len(self.rejected) < MAX_MESSAGES:
            self.rejected.append(message)

    def reject_file(self, message: str) -> None:
        self.rejected_files += 1
        self.rejected.append(message)


MAX_MESSAGES = 20


def _decoded(first: bytes, rest: IO[bytes], origin: str, report: ImportReport) -> Iterator[tuple[int, str]]:
    """(line number, text) of a GeoNames file; a line that is not UTF-8 is reported and skipped."""
    for number, raw in enumerate(itertools.chain((first,) if first else (), rest), start=1):
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            report.reject_line(f"{origin} line {number}: not UTF-8 ({exc.reason} at byte {exc.start})")


def _kind(origin: str, name: str, first: str) -> str:
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
    raise GazetteerImportError(f"{origin}: not a GeoNames dump this importer knows ({columns} columns on line 1)")


def _place_rows(lines: Iterator[tuple[int, str]], origin: str, report: ImportReport) -> Iterator[Row]:
    for number, line in lines:
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) != 19:
            if line.strip():
                report.reject_line(f"{origin} line {number}: expected 19 tab-separated columns, found {len(cols)}")
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
            report.reject_line(f"{origin} line {number}: {exc}")
            continue
        row.names.update(n for n in cols[3].split(",") if n)
        row.names.update((cols[1], cols[2]))
        yield row


def _admin_codes(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[str, str, int | None]]:
    for _, line in lines:
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) >= 4 and cols[0]:
            yield cols[0], cols[2] or cols[1], int(cols[3]) if cols[3].isdigit() else None


def _alternate_names(lines: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    for _, line in lines:
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 4 or cols[2] in _NOT_NAMES or not cols[1].isdigit():
            continue
        historic = len(cols) > 7 and cols[7] == "1"
        if not historic:
            yield int(cols[1]), cols[3]


# Places first, then admin names, then alternate names (they attach only to places already indexed).
_ORDER = {"places": 0, "admin": 1, "alternate": 2}


def _plan(files: list[Path], report: ImportReport) -> list[tuple[str, Path]]:
    """The readable files with their kind, places first; the others are reported."""
    plan = []
    for path in files:
        try:
            plan.append((_file_kind(path), path))
        except GazetteerImportError as exc:
            report.reject_file(str(exc))
        except OSError as exc:
            report.reject_file(f"{path}: cannot be read ({exc.strerror or exc})")
    return sorted(plan, key=lambda item: _ORDER[item[0]])


def _file_kind(path: Path) -> str:
    with _text_members(path) as members:
        if not members:
            raise GazetteerImportError(f"{path}: the zip holds no .txt data file")
        name, handle = members[0]
        first = handle.readline().decode("utf-8", errors="replace")
        return _kind(f"{path}:{name}" if path.name != name else str(path), name, first)


def import_into(writer, files: list[Path]) -> ImportReport:
    """Merge the dumps into the index `writer` writes. A file or line that cannot be used is reported (file and
    line) and skipped; the rest is imported."""
    report = ImportReport()
    for _, path in _plan(files, report):
        try:
            _import_file(writer, path, report)
        except (OSError, zipfile.BadZipFile) as exc:
            report.reject_file(f"{path}: cannot be read ({exc})")
        writer.db.commit()
    done = json.loads(writer.meta("imported", "[]"))
    done += [str(p.resolve()) for p in files if p.is_file() and str(p.resolve()) not in done]
    writer.set_meta(imported=json.dumps(done))
    return report


def _import_file(writer, path: Path, report: ImportReport) -> None:
    with _text_members(path) as members:
        for name, handle in members:
            origin = str(path) if path.name == name else f"{path}:{name}"
            first = handle.readline()
            kind = _kind(origin, name, first.decode("utf-8", errors="replace"))
            lines = _decoded(first, handle, origin, report)
            if kind == "places":
                rows = _place_rows(lines, origin, report)
                report.counts["places"] += writer.add_rows(rows, source=f"import:{name}")
            elif kind == "admin":
                codes = list(_admin_codes(lines))
                writer.add_admin_codes(codes)
                report.counts["admin codes"] += len(codes)
            else:
                report.counts["alternate names"] += writer.add_names(_alternate_names(lines))

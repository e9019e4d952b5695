"""Library functions behind `eventwire gazetteer ...`; each returns the text the command prints."""

from __future__ import annotations

import json
import time
from pathlib import Path

from eventwire.config import Config
from eventwire.errors import GazetteerError
from eventwire.geo.gazetteer import Gazetteer, read_version
from eventwire.geo.geonames import ImportReport
from eventwire.geo.index import IndexWriter, build_index, current_version, is_current
from eventwire.geo.normalize import name_key


def gazetteer_version(config: Config) -> str:
    version = read_version(config.gazetteer_path)
    if version is None:
        return "not built"
    return version if version == current_version() else f"{version} (stale: rebuilt on next use)"


def build(config: Config, *, force: bool = False) -> str:
    path = config.gazetteer_path
    if not force and is_current(path):
        return f"gazetteer: {path} is current ({current_version()})"
    seconds = build_index(path)
    return f"gazetteer: built {path} in {seconds:.1f} s\n{describe(config)}"


def import_files(config: Config, files: list[Path]) -> ImportReport:
    """Merge GeoNames dumps into the index (built first if needed). The report's `summary` is what the command
    prints; files and lines it could not use are listed in `rejected`."""
    from eventwire.geo.geonames import import_into

    path = config.gazetteer_path
    if not is_current(path):
        build_index(path)
    started = time.perf_counter()
    writer = IndexWriter(path)
    try:
        report = import_into(writer, files)
    finally:
        writer.finish()
    report.seconds = time.perf_counter() - started
    return report


def describe(config: Config) -> str:
    path = config.gazetteer_path
    if not path.exists():
        return f"{path}: not built (run `eventwire gazetteer build`)"
    gazetteer = Gazetteer(path)
    try:
        counts = gazetteer.counts()
        meta = gazetteer.meta
    finally:
        gazetteer.close()
    lines = [
        f"path      {path} ({path.stat().st_size / 1e6:.1f} MB)",
        f"version   {meta.get('version')}{'' if is_current(path) else ' (stale: rebuilt on next use)'}",
        f"built     {meta.get('built')}",
        f"places    {counts.pop('places'):,}",
        f"names     {counts.pop('names'):,}",
        "by class  " + ", ".join(f"{k[7:]}={v:,}" for k, v in sorted(counts.items())),
        "imported  " + (", ".join(json.loads(meta.get("imported", "[]"))) or "nothing (package data only)"),
    ]
    return "\n".join(lines)


def search(config: Config, name: str, *, limit: int = 10) -> str:
    from eventwire.geo import open_gazetteer

    key = name_key(name)
    if not key:
        raise GazetteerError(f"{name!r} has no letters or digits to search for")
    gazetteer = open_gazetteer(str(config.gazetteer_path))
    found = gazetteer.search(key, limit=limit)
    if not found:
        return f"no place named {name!r} (key {key!r})"
    rows = []
    for place, kind in found:
        where = ", ".join(p for p in (place.admin2, place.admin1, place.country) if p)
        how = ("name", "alternate name", "variant")[kind]
        rows.append(
            f"{place.geonameid:>10}  {place.name} ({where})  {place.feature_class}.{place.feature_code}  "
            f"pop {place.population:,}  {place.lat:.4f},{place.lon:.4f}  [{how}]"
        )
    return "\n".join(rows)

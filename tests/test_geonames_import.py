"""`eventwire gazetteer import`: GeoNames dumps merged into the index (small hand-written files in the dump
formats, tests/data/geonames), and the real dumps in ../shared/geonames when present (slow)."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.config import Config
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.gazetteer_cli import describe, import_files
from eventwire.geo.index import build_index
from eventwire.model import Article, GeoPrecision
from eventwire.pipeline import Pipeline
from factories import TEXT

DATA = Path(__file__).parent / "data" / "geonames"
SHARED_GEONAMES = Path(__file__).resolve().parents[2] / "shared" / "geonames"
ATMEH = 90000001  # made-up id of the hand-written dump


@pytest.fixture()
def fresh(pipeline, config: Config, tmp_path: Path) -> Config:
    """A config whose gazetteer is a copy of the session's package-data index (no rebuild needed)."""
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(config.gazetteer_path, cache / "gazetteer.sqlite")
    return replace(config, cache_dir=cache, db=str(tmp_path / "events.db"))


def _ids(config: Config, key: str) -> set[int]:
    gazetteer = Gazetteer(config.gazetteer_path)
    try:
        return {place.geonameid for place, _ in gazetteer.candidates(key)}
    finally:
        gazetteer.close()


def test_a_village_only_a_dump_has_is_placed_exactly_once_imported(fresh: Config) -> None:
    before = Pipeline(fresh).process(Article(id="a", text=TEXT)).events[0].location
    assert before is not None and before.place is not None
    assert (before.place.name, before.precision) == ("Idlib", GeoPrecision.REGION)  # the province it can prove

    report = import_files(fresh, [DATA / "SY.txt", DATA / "alternateNamesV2.txt", DATA / "admin1CodesASCII.txt"])
    assert report.counts == {"places": 2, "admin codes": 1, "alternate names": 1}  # the well is no news place
    assert report.rejected == []
    assert "SY.txt" in describe(fresh)

    after = Pipeline(fresh).process(Article(id="a", text=TEXT)).events[0].location
    assert after is not None and after.place is not None
    assert (after.place.geonameid, after.place.admin1, after.precision) == (ATMEH, "Idlib", GeoPrecision.TOWN)
    assert ATMEH in _ids(fresh, "al atimah")  # from the alternate names file


def test_a_zipped_country_dump_imports_and_a_rebuild_keeps_the_import(fresh: Config, tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(DATA / "SY.txt", "SY.txt")
        zipped.writestr("readme.txt", "not data")
    assert import_files(fresh, [archive]).counts["places"] == 2
    build_index(fresh.gazetteer_path)  # as after an upgrade that changes the index version
    assert ATMEH in _ids(fresh, "atmeh")


def test_bad_lines_and_files_are_reported_with_file_and_line_and_the_rest_is_imported(fresh: Config) -> None:
    report = import_files(fresh, [DATA / "XX-damaged.txt", DATA / "README.md"])
    assert report.counts["places"] == 2  # the two good lines around the bad ones
    assert report.rejected_lines == 3 and report.rejected_files == 1
    messages = "\n".join(report.rejected)
    for where in ("XX-damaged.txt line 2: expected 19", "XX-damaged.txt line 3:", "XX-damaged.txt line 4: not UTF-8"):
        assert where in messages
    assert "README.md: not a GeoNames dump" in messages
    assert {90000004, 90000008} <= _ids(fresh, "qasr nawa") | _ids(fresh, "kafr qarah")


def test_the_import_command_prints_counts_and_names_rejected_lines(fresh: Config, tmp_path: Path) -> None:
    config_file = tmp_path / "eventwire.toml"
    config_file.write_text(f'cache_dir = "{fresh.cache_dir}"\n')
    runner = CliRunner()
    ok = runner.invoke(main, ["--config", str(config_file), "gazetteer", "import", str(DATA / "SY.txt")])
    assert ok.exit_code == 0, ok.output
    assert "imported 2 places" in ok.output
    bad = runner.invoke(main, ["--config", str(config_file), "gazetteer", "import", str(DATA / "XX-damaged.txt")])
    assert bad.exit_code == 1
    assert "XX-damaged.txt line 2" in bad.stderr and "imported 2 places" in bad.stdout


@pytest.mark.slow
def test_the_real_geonames_dumps_import(fresh: Config) -> None:
    files = [SHARED_GEONAMES / n for n in ("cities500.txt", "admin1CodesASCII.txt", "admin2Codes.txt")]
    if not all(f.is_file() for f in files):
        pytest.skip(f"GeoNames dumps not found in {SHARED_GEONAMES}")
    report = import_files(fresh, files)
    assert report.counts["places"] > 100_000 and report.counts["admin codes"] > 40_000
    assert report.rejected == []
    result = Pipeline(fresh).process(Article(id="a", text="Gunmen attacked a market in Maiduguri, Borno State."))
    place = result.events[0].location.place
    assert place is not None and (place.name, place.country_code) == ("Maiduguri", "NG")

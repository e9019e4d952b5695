"""Gazetteer rows from package data: where admin areas are placed."""

from eventwire.geo import sources
from eventwire.geo.sources import Row, Subdivision


def _town(gid: int, lat: float, lon: float) -> Row:
    return Row(gid, f"Town {gid}", lat, lon, country_code="XX", admin1_code="01", population=1000)


# an invented province whose towns crowd its south-west corner, as towns often crowd a coast
TOWNS = [_town(1, 10.0, 20.0), _town(2, 10.5, 20.5), _town(3, 11.0, 21.0), _town(4, 14.0, 24.0)]
AREA = Subdivision("XX.01", "XX-01", 900001, "Northland", (), 1)


def test_admin_area_takes_its_own_point_when_known():
    row = next(sources.area_rows([AREA], TOWNS, {"XX-01": (13.0, 23.0)}))
    assert (row.lat, row.lon) == (13.0, 23.0)
    assert row.population == 4000


def test_admin_area_without_a_point_is_placed_by_its_towns():
    row = next(sources.area_rows([AREA], TOWNS, {}))
    assert (row.lat, row.lon) == (12.0, 22.0)


def test_a_point_far_from_every_town_is_a_wrong_join_and_ignored():
    row = next(sources.area_rows([AREA], TOWNS, {"XX-01": (-40.0, 150.0)}))
    assert (row.lat, row.lon) == (12.0, 22.0)


def test_state_points_are_keyed_by_iso_3166_2():
    points = sources.state_points()
    lat, lon = points["AU-NSW"]
    assert -38 < lat < -28 and 140 < lon < 154


def test_a_point_on_the_areas_namesake_town_is_the_town_and_ignored():
    capital = _town(5, 13.0, 23.0)
    capital.names.add("Northland")
    row = next(sources.area_rows([AREA], [*TOWNS, capital], {"XX-01": (13.01, 23.0)}))
    assert (row.lat, row.lon) != (13.01, 23.0)

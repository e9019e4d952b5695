"""Named days of the year as calendar dates."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.holidays import easter, holiday_date, nearest_holiday

THANKSGIVING = {"month": 11, "weekday": 3, "nth": 4}


@pytest.mark.parametrize(
    ("year", "day"), [(2000, date(2000, 4, 23)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20))]
)
def test_easter(year: int, day: date) -> None:
    assert easter(year) == day


@pytest.mark.parametrize(
    ("rule", "day"),
    [
        (THANKSGIVING, date(1999, 11, 25)),
        ({"month": 5, "weekday": 0, "nth": -1}, date(1999, 5, 31)),  # the last Monday of May
        ({"month": 11, "weekday": 0, "nth": 1, "offset": 1}, date(1999, 11, 2)),  # Tuesday after the first Monday
        ({"easter": -2}, date(1999, 4, 2)),
        ({"month": 12, "day": 25}, date(1999, 12, 25)),
    ],
)
def test_holiday_rules(rule: dict[str, int], day: date) -> None:
    assert holiday_date(rule, 1999) == day


def test_nearest_occurrence_and_relations() -> None:
    published = date(2000, 2, 10)
    assert nearest_holiday(THANKSGIVING, published) == date(1999, 11, 25)
    assert nearest_holiday(THANKSGIVING, published, relation="next") == date(2000, 11, 23)
    assert nearest_holiday(THANKSGIVING, published, relation="this") == date(2000, 11, 23)
    assert nearest_holiday({"month": 12, "day": 25}, date(2000, 12, 25)) == date(2000, 12, 25)

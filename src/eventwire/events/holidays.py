"""Named days of the year ("Thanksgiving Day", "Christmas", "Easter") as calendar dates.

A holiday's rule comes from the `holidays` lexicon in `events/data/dates.json`: a fixed month and day
({"month": 12, "day": 25}), the nth weekday of a month, counted from the end when negative, plus an optional
day offset ({"month": 11, "weekday": 0, "nth": 1, "offset": 1} is the Tuesday after the first Monday in
November), or days from Western Easter ({"easter": -2} is Good Friday).
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from typing import Any


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(rule: dict[str, Any], year: int) -> date:
    if "easter" in rule:
        return easter(year) + timedelta(days=int(rule["easter"]))
    month = int(rule["month"])
    if "day" in rule:
        return date(year, month, int(rule["day"]))
    return _nth_weekday(year, month, int(rule["weekday"]), int(rule["nth"])) + timedelta(
        days=int(rule.get("offset", 0))
    )


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))


def nearest_holiday(rule: dict[str, Any], pub: date, *, relation: str = "") -> date:
    """The occurrence a news story means: "last" the latest before publication, "next" the first after it,
    "this" the one in the publication year; otherwise the nearest, the past one when they are equally near."""
    this_year = holiday_date(rule, pub.year)
    if relation == "this":
        return this_year
    before = this_year if this_year < pub else holiday_date(rule, pub.year - 1)
    after = this_year if this_year > pub else holiday_date(rule, pub.year + 1)
    if relation == "last":
        return before
    if relation == "next":
        return after
    if this_year == pub:
        return pub
    return after if (after - pub).days < (pub - before).days else before

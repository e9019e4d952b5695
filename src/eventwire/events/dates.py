"""Baseline time expressions and event dates. Replaced by issue 5's work."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import EventDate, Evidence, Span, TimePrecision, Timex, TimexType

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = "(?P<month>" + "|".join(_MONTHS) + ")"
_DMY = re.compile(r"\b(?P<day>\d{1,2}) " + _MONTH + r"(?: (?P<year>\d{4}))?\b", re.IGNORECASE)
_MDY = re.compile(r"\b" + _MONTH + r" (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


def _explicit(m: re.Match[str], published: date | None) -> str | None:
    year = int(m.group("year")) if m.group("year") else (published.year if published else None)
    if year is None:
        return None
    try:
        return date(year, _MONTHS.index(m.group("month").lower()) + 1, int(m.group("day"))).isoformat()
    except ValueError:
        return None


def _weekday(m: re.Match[str], published: date | None) -> str | None:
    if published is None:
        return None
    back = (published.weekday() - _WEEKDAYS.index(m.group("weekday").lower())) % 7
    return (published - timedelta(days=back)).isoformat()


def find_timexes(doc: Doc, *, published: date | None) -> tuple[Timex, ...]:
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for pattern, resolve in ((_DMY, _explicit), (_MDY, _explicit), (_WEEKDAY, _weekday)):
        for m in pattern.finditer(doc.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Timex(Span(m.start(), m.end(), m.group(0)), TimexType.DATE, resolve(m, published)))
    return tuple(sorted(found, key=lambda t: t.span.start))


def date_for_event(doc: Doc, trigger: SpacySpan, timexes: Sequence[Timex], *, published: date | None) -> EventDate:
    sent = trigger.sent
    for timex in timexes:
        if timex.value and sent.start_char <= timex.span.start < sent.end_char and len(timex.value) == 10:
            return EventDate(date.fromisoformat(timex.value), TimePrecision.DAY, Evidence(span=timex.span))
    return EventDate(published, TimePrecision.WEEK, Evidence(rule="date.publication_fallback"))

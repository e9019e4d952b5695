"""The date of an event: the time expression that governs its trigger, else the best evidence in the article,
else the publication date at a lower precision (ACLED's time_precision 1/2/3). Time expressions themselves
are found and normalised in events/dates.py."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import EventDate, Evidence, TimePrecision, Timex

_PRECISION = [
    (re.compile(r"^\d{4}-\d{2}-\d{2}"), TimePrecision.DAY),
    (re.compile(r"^\d{4}-W\d{2}"), TimePrecision.WEEK),
]


def as_event_date(timex: Timex) -> EventDate | None:
    """A timex as an ACLED date: a day is precision 1, a week 2, a month (or coarser) 3 on its first day."""
    value = timex.value or ""
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return EventDate(date.fromisoformat(value[:10]), TimePrecision.DAY, Evidence(span=timex.span, rule=timex.rule))
    if m := re.match(r"^(\d{4})-W(\d{2})", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return EventDate(monday, TimePrecision.WEEK, Evidence(span=timex.span, rule=timex.rule))
    if m := re.match(r"^(\d{4})-(\d{2})$", value):
        return EventDate(date(int(m[1]), int(m[2]), 1), TimePrecision.MONTH, Evidence(span=timex.span, rule=timex.rule))
    if m := re.match(r"^(\d{4})$", value):
        return EventDate(date(int(m[1]), 1, 1), TimePrecision.MONTH, Evidence(span=timex.span, rule=timex.rule))
    return None


def _usable(timex: Timex, published: date | None) -> EventDate | None:
    if timex.rule and timex.rule.endswith(".dateline"):
        return None
    when = as_event_date(timex)
    if when is None or when.value is None:
        return None
    if published is not None and when.value > published:
        return None  # a future date is a plan or a deadline, not when the event happened
    return when


# "On 4 May 2020, ..." at the head of a sentence governs its main clause.
_OPENING = re.compile(r"\W*(?:(?:on|around|about|by|since|in|early|late|on or about|on or around)\s+)?", re.IGNORECASE)
# "Around 4 May (as reported)", "between 3 and 5 May": the day is approximate, so the precision is a week.
_APPROX_BEFORE = re.compile(
    r"(?:around|about|circa|approximately|on or around|on or about|sometime|week of|between|"
    r"from|late on|overnight)\s*$",
    re.IGNORECASE,
)
_APPROX_AFTER = re.compile(
    r"^\s*(?:\(\s*(?:as reported|week of|from|between|\d)|[-–]\s*\d|\s*(?:to|and)\s+\d)", re.IGNORECASE
)


def _approximate(text: str, timex: Timex, when: EventDate) -> EventDate:
    if when.precision is not TimePrecision.DAY:
        return when
    before, after = text[max(0, timex.span.start - 14) : timex.span.start], text[timex.span.end : timex.span.end + 20]
    if _APPROX_BEFORE.search(before) or _APPROX_AFTER.match(after):
        return EventDate(when.value, TimePrecision.WEEK, Evidence(span=timex.span, rule="date.approximate_day"))
    return when


def date_for_event(doc: Doc, trigger: SpacySpan, timexes: Sequence[Timex], *, published: date | None) -> EventDate:
    """The date expression nearest the trigger in its sentence; else the first usable date in the article;
    else the publication date (precision 2), or none at all when even that is unknown."""
    sent = trigger.sent
    centre = (trigger.start_char + trigger.end_char) // 2
    text = doc.text
    in_sentence = [
        (
            not _OPENING.fullmatch(text[sent.start_char : t.span.start]),
            int(d.precision),
            abs(centre - (t.span.start + t.span.end) // 2),
            _approximate(text, t, d),
        )
        for t in timexes
        if sent.start_char <= t.span.start < sent.end_char and (d := _usable(t, published))
    ]
    if in_sentence:
        return min(in_sentence, key=lambda four: four[:3])[3]
    for timex in timexes:
        if (when := _usable(timex, published)) is not None and when.precision is TimePrecision.DAY:
            return EventDate(when.value, when.precision, Evidence(span=when.evidence.span, rule="date.article_first"))
    if published is None:
        return EventDate(None, TimePrecision.MONTH, Evidence(rule="date.unknown"))
    return EventDate(published, TimePrecision.WEEK, Evidence(rule="date.publication_fallback"))

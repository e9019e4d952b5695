"""Time expressions with TimeML values, normalised against the publication date, and each event's date.

Recognition is a set of ordered regular expressions over the text (dates, months, years, weekdays, relative
expressions, quarters, seasons, clock times); each match is normalised by a small resolver. Values follow
TimeML/TIMEX3: `2022-02-03`, `2022-W05`, `2022-02`, `2022`, `2022-Q3`, `2022-SU`, `199` (a decade),
`PRESENT_REF`/`PAST_REF`/`FUTURE_REF`, and `2022-02-03TMO` or `2022-02-03T10:30` for times.
Without a publication date, relative expressions are still found but carry no value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.model import EventDate, Evidence, Span, TimePrecision, Timex, TimexType

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")  # fmt: skip
_MONTH_FORMS = {m: i + 1 for i, m in enumerate(MONTHS)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Months are matched capitalised ("May", "Sept."), so the verbs "may" and "march" are not months.
_FULL_MONTHS = "|".join(m.capitalize() for m in MONTHS)
_ABBREVIATIONS = "|".join(sorted((m.capitalize() for m in _MONTH_FORMS if m not in MONTHS), key=len, reverse=True))
_MON = rf"(?P<mon>(?:{_FULL_MONTHS})|(?:{_ABBREVIATIONS})\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WD = r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
_NUM = r"(?P<n>\d+|" + "|".join(NUMBERS) + r")"
_I = "(?i:{})"


def _case_free(pattern: str) -> str:
    return _I.format(pattern)


# ----------------------------------------------------------------------------------------------- resolvers

Resolved = tuple[TimexType, str | None]


def _month(m: re.Match[str]) -> int:
    return _MONTH_FORMS[m.group("mon").rstrip(".").lower()]


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """A date without a year is the occurrence nearest to publication ("Dec. 7" in October: this December,
    "December" in February: last December)."""
    if published is None:
        return None
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append((abs((date(year, month, day) - published).days), year))
        except ValueError:  # 29 February
            continue
    return min(options)[1] if options else published.year


def _full_date(m: re.Match[str], published: date | None) -> Resolved:
    month, day = _month(m), int(m.group("day"))
    year = int(m.group("year")) if m.groupdict().get("year") else _infer_year(month, day, published)
    try:
        return TimexType.DATE, date(year, month, day).isoformat() if year else None
    except ValueError:
        return TimexType.DATE, None


def _month_year(m: re.Match[str], published: date | None) -> Resolved:
    return TimexType.DATE, f"{int(m.group('year')):04d}-{_month(m):02d}"


def _bare_month(m: re.Match[str], published: date | None) -> Resolved:
    if published is None:
        return TimexType.DATE, None
    month, which = _month(m), (m.group("which") or "").strip().lower()
    year = _infer_year(month, 15, published) if which in {"", "early", "late", "mid-"} else published.year
    if which == "next" and month <= published.month:
        year += 1
    elif which == "last" and month >= published.month:
        year -= 1
    return TimexType.DATE, f"{year:04d}-{month:02d}"


def _month_of_relative_year(m: re.Match[str], published: date | None) -> Resolved:
    if published is None:
        return TimexType.DATE, None
    year = published.year + {"last": -1, "this": 0, "next": 1}[m.group("which").lower()]
    return TimexType.DATE, f"{year:04d}-{_month(m):02d}"


def _year(m: re.Match[str], published: date | None) -> Resolved:
    return TimexType.DATE, m.group("year")


def _decade(m: re.Match[str], published: date | None) -> Resolved:
    return TimexType.DATE, m.group("dec")[:3]


def _iso(m: re.Match[str], published: date | None) -> Resolved:
    try:
        return TimexType.DATE, date.fromisoformat(m.group(0)).isoformat()
    except ValueError:
        return TimexType.DATE, None


def _shift(published: date | None, days: int) -> str | None:
    return (published + timedelta(days=days)).isoformat() if published else None


def _deictic(m: re.Match[str], published: date | None) -> Resolved:
    word = m.group(0).lower()
    if word in {"now", "currently", "current", "at present", "nowadays", "these days", "at the moment"}:
        return TimexType.DATE, "PRESENT_REF"
    if word in {"recently", "the past", "previously", "formerly", "recent years", "in recent years", "lately"}:
        return TimexType.DATE, "PAST_REF"
    if word in {"the future", "soon", "in the coming days", "in the coming weeks", "the coming days"}:
        return TimexType.DATE, "FUTURE_REF"
    days = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
    return TimexType.DATE, _shift(published, days)


def _part_of_day(m: re.Match[str], published: date | None) -> Resolved:
    anchor, part = m.group("anchor").lower(), PARTS[m.group("part").lower()]
    if published is None:
        return TimexType.TIME, None
    if anchor in WEEKDAYS:
        day = _weekday_date(anchor, "", published)
        if part == "NI":  # "Sunday night" is annotated, and used, as the day
            return TimexType.DATE, day.isoformat()
    else:
        day = published + timedelta(days={"this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[anchor])
    return TimexType.TIME, f"{day.isoformat()}T{part}"


def _weekday_date(name: str, which: str, published: date) -> date:
    back = (published.weekday() - WEEKDAYS.index(name)) % 7
    if which == "next":
        return published + timedelta(days=(7 - back) % 7 or 7)
    if which == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _weekday(m: re.Match[str], published: date | None) -> Resolved:
    if published is None:
        return TimexType.DATE, None
    which = (m.group("which") or "").strip().lower()
    return TimexType.DATE, _weekday_date(m.group("wd").lower(), which, published).isoformat()


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter_of(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _relative_unit(m: re.Match[str], published: date | None) -> Resolved:
    if published is None:
        return TimexType.DATE, None
    which = re.sub(r"\s+", " ", m.group("which").lower())
    unit = m.group("unit").lower()
    step = -1 if which in {"last", "the past", "late last", "the previous", "a year earlier", "earlier"} else 0
    step = 1 if which in {"next", "the coming", "early next", "late next"} else step
    if unit == "week":
        return TimexType.DATE, _week(published + timedelta(weeks=step))
    if unit == "weekend":
        return TimexType.DATE, _week(published + timedelta(weeks=step)) + "-WE"
    if unit == "month":
        month = published.month + step
        year = published.year + (month - 1) // 12
        return TimexType.DATE, f"{year:04d}-{(month - 1) % 12 + 1:02d}"
    if unit == "year":
        return TimexType.DATE, f"{published.year + step:04d}"
    if unit == "quarter":
        year, quarter = _quarter_of(published)
        quarter += step
        return TimexType.DATE, f"{year + (quarter - 1) // 4:04d}-Q{(quarter - 1) % 4 + 1}"
    return TimexType.DATE, f"{published.year + step:04d}-{SEASONS[unit]}"


def _ago(m: re.Match[str], published: date | None) -> Resolved:
    if published is None:
        return TimexType.DATE, None
    raw, unit = m.group("n").lower(), m.group("unit").lower().rstrip("s")
    n = int(raw) if raw.isdigit() else NUMBERS[raw]
    if unit == "day":
        return TimexType.DATE, _shift(published, -n)
    if unit == "week":
        return TimexType.DATE, _week(published - timedelta(weeks=n))
    if unit == "month":
        month = published.month - n
        return TimexType.DATE, f"{published.year + (month - 1) // 12:04d}-{(month - 1) % 12 + 1:02d}"
    return TimexType.DATE, f"{published.year - n:04d}"


def _quarter(m: re.Match[str], published: date | None) -> Resolved:
    quarter = ORDINALS[m.group("ord").lower()]
    if m.group("year"):
        return TimexType.DATE, f"{m.group('year')}-Q{quarter}"
    if published is None:
        return TimexType.DATE, None
    year, current = _quarter_of(published)
    return TimexType.DATE, f"{year - (quarter > current):04d}-Q{quarter}"


def _latest_quarter(m: re.Match[str], published: date | None) -> Resolved:
    if published is None:
        return TimexType.DATE, None
    year, quarter = _quarter_of(published)
    year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)  # the last one reported on
    if "year" in m.group(0).lower():  # the year-ago / year-earlier quarter
        year -= 1
    return TimexType.DATE, f"{year:04d}-Q{quarter}"


def _clock(m: re.Match[str], published: date | None) -> Resolved:
    hour, minute = int(m.group("h")), int(m.group("min") or 0)
    if m.group("ampm").lower().startswith("p") and hour < 12:
        hour += 12
    if m.group("ampm").lower().startswith("a") and hour == 12:
        hour = 0
    return TimexType.TIME, f"{published.isoformat()}T{hour:02d}:{minute:02d}" if published else None


def _noon(m: re.Match[str], published: date | None) -> Resolved:
    time = "12:00" if m.group(0).lower() == "noon" else "24:00"
    return TimexType.TIME, f"{published.isoformat()}T{time}" if published else None


# Longer, more specific patterns first: a position taken by one is not matched again.
PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], date | None], Resolved]], ...] = tuple(
    (re.compile(p), f)
    for p, f in (
        (r"\b\d{4}-\d\d-\d\d\b", _iso),
        (rf"\b{_MON} {_DAY},? {_YEAR}\b", _full_date),
        (rf"\b{_DAY} (?:of )?{_MON},? {_YEAR}\b", _full_date),
        (rf"\b{_MON} {_DAY}\b(?!\s*(?:%|percent))", _full_date),
        (rf"\b{_DAY} (?:of )?{_MON}(?![a-z])", _full_date),
        (rf"\b{_MON},? {_YEAR}\b", _month_year),
        (rf"\b{_MON} (?:of )?(?P<which>(?i:last|this|next)) year\b", _month_of_relative_year),
        (
            _case_free(
                r"\b(?:the )?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: of "
                r"(?P<year>(?:19|20)\d\d))?"
            ),
            _quarter,
        ),
        (
            _case_free(r"\bthe (?:latest |last |most recent |current |same |year-ago |year-earlier )?quarter\b"),
            _latest_quarter,
        ),
        (
            _case_free(
                r"\b(?P<anchor>this|yesterday|tomorrow|last|" + "|".join(WEEKDAYS) + r") "
                r"(?P<part>morning|afternoon|evening|night)\b"
            ),
            _part_of_day,
        ),
        (_case_free(rf"\b{_NUM} (?P<unit>days?|weeks?|months?|years?) (?:ago|earlier|before)\b"), _ago),
        (
            _case_free(
                r"\b(?P<which>last|this|next|the past|the coming|earlier this|later this|early this|"
                r"late this|early next|late next|late last|the previous|a year earlier) "
                r"(?P<unit>week|weekend|month|year|quarter|spring|summer|autumn|fall|winter)\b"
            ),
            _relative_unit,
        ),
        (_case_free(rf"\b(?P<which>last |next |this |){_WD}\b"), _weekday),
        (rf"\b(?P<which>(?i:last |next |this |early |late |mid-)?){_MON}(?![a-z])", _bare_month),
        (_case_free(r"\bthe (?P<dec>(?:19|20)\d0)s\b"), _decade),
        (_case_free(r"\b(?:fiscal |calendar )?(?<![$£€\d.,])" + _YEAR + r"\b(?![\d.,]\d|\s*(?:%|percent))"), _year),
        (_case_free(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))? ?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"), _clock),
        (_case_free(r"\b(?:noon|midnight)\b"), _noon),
        (
            _case_free(
                r"\b(?:today|yesterday|tomorrow|tonight|now|currently|at present|nowadays|these days|"
                r"at the moment|recently|lately|previously|formerly|in recent years|recent years|the past|"
                r"the future|soon|in the coming days|in the coming weeks)\b"
            ),
            _deictic,
        ),
    )
)
# A bare month name is a month only in these company ("in May", "last March", "May 2020" is caught above).
_MONTH_CONTEXT = re.compile(r"(?i:\b(?:in|since|until|by|from|during|through|of|before|after|early|late|mid|last|"
                            r"next|this|and|or|to)\s*-?\s*)$")  # fmt: skip
_COUNTED = {"NNS", "NNPS"}  # "2000 people", "1500 troops": a count, not a year
_COUNT_WORDS = {"about", "some", "nearly", "than", "over", "around", "least", "almost", "approximately", "only"}


def find_timexes(doc: Doc, *, published: date | None) -> tuple[Timex, ...]:
    text = doc.text
    taken: list[tuple[int, int]] = []
    found: list[Timex] = []
    for pattern, resolve in PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken) or not _plausible(m, resolve, doc, text):
                continue
            taken.append((start, end))
            kind, value = resolve(m, published)
            if resolve is _weekday and published and not m.group("which") and _future_tense(doc, start):
                value = _weekday_date(m.group("wd").lower(), "next", published - timedelta(days=1)).isoformat()
            found.append(Timex(Span(start, end, m.group(0)), kind, value))
    return tuple(sorted(found, key=lambda t: t.span.start))


_FUTURE = {"will", "'ll", "shall", "scheduled", "expected", "due", "plans", "planned", "set"}


def _future_tense(doc: Doc, start: int) -> bool:
    """ "... will meet on Tuesday": a weekday under a future verb is the next one, not the last."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = next((t for t in [span[0], *span[0].ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    return verb is not None and any(c.lower_ in _FUTURE for c in [verb, *verb.children])


def _plausible(m: re.Match[str], resolve: Callable, doc: Doc, text: str) -> bool:
    if resolve is _bare_month:
        if m.group("which"):
            return True
        name = m.group("mon").rstrip(".")
        return len(name) > 3 and (
            name != "May" or bool(_MONTH_CONTEXT.search(text[max(0, m.start() - 12) : m.start()]))
        )
    if resolve is _year:
        span = doc.char_span(m.start("year"), m.end("year"), alignment_mode="expand")
        if span is None or m.start() != m.start("year"):
            return True
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        return not ((after is not None and after.tag_ in _COUNTED) or before in _COUNT_WORDS)
    if resolve is _deictic and m.group(0).lower() == "now":
        before = text[max(0, m.start() - 8) : m.start()].lower()
        return "until" not in before
    return True


# --------------------------------------------------------------------------------------------- event dates

_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .'’-]+(?:,[^\n\-–—]{0,40})?\s*(?:\([^)]{0,40}\))?\s*[-–—]+\s")


def _precision(value: str) -> TimePrecision | None:
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
        return TimePrecision.DAY
    if re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", value):
        return TimePrecision.WEEK
    if re.fullmatch(r"\d{4}-\d\d", value):
        return TimePrecision.MONTH
    return None


def _start_date(value: str) -> date:
    if "W" in value:
        year, week = int(value[:4]), int(value[6:8])
        return date.fromisocalendar(year, week, 1)
    if len(value) == 7:
        return date(int(value[:4]), int(value[5:7]), 1)
    return date.fromisoformat(value[:10])


def date_for_event(doc: Doc, trigger: SpacySpan, timexes: Sequence[Timex], *, published: date | None) -> EventDate:
    """The expression that governs the trigger (same sentence, nearest; a day beats a week beats a month),
    else the best date of the lead, else the publication date at week precision."""
    dateline = _DATELINE.match(doc.text)
    skip_until = dateline.end() if dateline else 0
    usable = [t for t in timexes if t.value and t.span.start >= skip_until and _precision(t.value)]
    if published is not None:  # reports are about the past: a date after publication is a plan, not the event
        usable = [t for t in usable if _start_date(t.value) <= published]
    sent = trigger.sent
    same = [t for t in usable if sent.start_char <= t.span.start < sent.end_char]
    lead_end = _lead_end(doc)
    pool = same or [t for t in usable if t.span.start < lead_end]
    if pool:
        best = min(pool, key=lambda t: (_precision(t.value), abs(t.span.start - trigger.start_char)))
        rule = None if same else "date.lead_expression"
        return EventDate(_start_date(best.value), _precision(best.value), Evidence(span=best.span, rule=rule))
    if published is None:
        return EventDate(None, TimePrecision.MONTH, Evidence(rule="date.unknown"))
    return EventDate(published, TimePrecision.WEEK, Evidence(rule="date.publication_fallback"))


def _lead_end(doc: Doc) -> int:
    sentences = list(doc.sents)[:2]
    return sentences[-1].end_char if sentences else 0

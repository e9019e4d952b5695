"""Time expressions (TimeML-style values normalised against the publication date) and event dates.

Patterns are compiled once from `events/data/dates.json` and run over the text, most specific first; a
later pattern never takes text an earlier one matched. Values: "2022-02-03", "2022-W05", "2022-02",
"2022", "2022-Q3", "2022-SU", "199" (a decade), "PRESENT_REF", "2022-02-03T14:30", "2022-02-03TMO".
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from eventwire.events.date_tense import after_future_cue, agree_with_tense, tense_at
from eventwire.events.holidays import holiday_date, nearest_holiday
from eventwire.model import Span, Timex, TimexType

Resolved = tuple[TimexType, str | None]
_NO_VALUE: Resolved = (TimexType.DATE, None)
# "NAIROBI, Sept 18 -": where and when the story was filed, not when the event happened.
_DATELINE = re.compile(r"^[^\n]{0,60}?,\s*$")


def _alt(phrases: Sequence[str]) -> str:
    ordered = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def _names(phrases: Sequence[str]) -> str:
    """Proper names as written (their capitals matter: "May Day", not "may day"), any apostrophe."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in ordered)


def _week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


@dataclass(frozen=True, slots=True)
class DateRules:
    lexicon: dict[str, Any]
    forward_verbs: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str], Callable[[DateRules, re.Match[str], date | None], Resolved]], ...]

    def month(self, word: str) -> int:
        return int(self.lexicon["months"][word.lower().rstrip(".")])

    @classmethod
    def from_lexicon(cls, lex: dict[str, Any]) -> DateRules:
        month = (
            r"(?P<month>(?:"
            + "|".join(sorted((m.capitalize() for m in lex["months"]), key=len, reverse=True))
            + r")\b\.?)"
        )
        year = r"(?P<year>(?:1[89]|20)\d{2})(?!\d)"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
        weekday = r"(?P<weekday>" + "|".join(w.capitalize() for w in lex["weekdays"]) + r")"
        rel = (
            r"(?P<rel>last|this|next|past|coming|previous|earlier\s+this|later\s+this|late\s+last|"
            r"early\s+next|earlier\s+last|current|present)"
        )
        unit = r"(?P<unit>week|month|year|quarter|weekend)"
        part = r"(?P<part>" + _alt(list(lex["parts"])) + r")"
        # a fixed-width look-behind per word: the preposition stays outside the expression
        anchored = r"(?:" + "|".join(rf"(?<=\b{re.escape(p)}\s)" for p in lex["anchor_prepositions"]) + r")"
        clock = r"(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![\w])"
        pats = [
            ("iso", r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b", _iso),
            # "Saturday, April 25": the date decides, the weekday only confirms it
            ("weekday_mdy", r"\b" + weekday + r",?\s+" + month + r"\s+" + day + r"(?:,?\s+" + year + r")?", _day_month),
            # "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9": a time on a named day
            (
                "clock_day",
                r"\b(?:"
                + clock
                + r"|(?P<noon>"
                + _alt(list(lex["clock_words"]))
                + r"))(?:\s+[A-Z]{3})?\s+(?:on\s+)?(?:"
                + weekday.replace("?P<weekday>", "?P<cday>")
                + r"|"
                + month.replace("?P<month>", "?P<cmonth>")
                + r"\s+"
                + day.replace("?P<day>", "?P<cdate>")
                + r")\b",
                _clock_day,
            ),
            # "June last year", "January this year"
            ("month_rel_year", r"\b" + month + r"\s+(?P<yrel>last|this|next)\s+year\b", _month_rel_year),
            # "the 1988 second quarter"
            (
                "year_quarter",
                r"\b(?:the\s+)?" + year + r"\s+(?P<ord>" + _alt(list(lex["ordinals"])) + r")[-\s]quarter\b",
                _quarter,
            ),
            # "mid-afternoon yesterday", "early morning today"
            (
                "part_rel",
                r"\b(?:mid-|early\s+|late\s+)?" + part + r"\s+(?P<rp>yesterday|today|tomorrow)\b",
                _rel_part,
            ),
            # "Thanksgiving Day", "last Christmas", "Easter week", "Christmas 1998"
            (
                "holiday",
                r"\b(?:(?P<hrel>[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<holiday>"
                + _names(list(lex["holidays"]))
                + r")(?P<hweek>\s+week)?(?:,?\s+(?:of\s+)?"
                + year
                + r")?\b",
                _holiday,
            ),
            # "the week of March 6": the ISO week holding that day
            ("week_of", r"\bthe\s+week\s+of\s+" + month + r"\s+" + day + r"(?:,?\s+" + year + r")?", _week_of),
            ("mdy", r"\b" + month + r"\s+" + day + r"(?:,?\s+" + year + r")?", _day_month),
            ("dmy", r"\b" + day + r"\s+(?:of\s+)?" + month + r"(?:,?\s+" + year + r")?", _day_month),
            (
                "weekday_part",
                r"(?:\b(?P<wrel>last|this|next)\s+)?\b"
                + weekday
                + r"(?:\s+(?P<part>"
                + _alt(list(lex["parts"]))
                + r"))?\b",
                _weekday,
            ),
            ("month_year", r"\b" + month + r"(?:\s+of)?,?\s+" + year, _month_year),
            # "10:35 a.m. (0735 GMT) Friday": the local time, on the day after the bracket
            (
                "clock",
                r"\b"
                + clock
                + r"(?=\s*\([^()\n]{1,24}\)\s+(?:on\s+)?"
                + weekday.replace("?P<weekday>", "?P<cday>")
                + r"\b)?",
                _clock,
            ),
            # "at midday", "by noon": the publication day; "High Noon" is not a time
            ("noon", anchored + r"(?P<noon>" + _alt(list(lex["clock_words"])) + r")\b", _clock),
            (
                "rel_part",
                r"\b(?P<rp>this|last|tomorrow|yesterday)\s+" + part + r"\b|\b(?P<tonight>tonight)\b",
                _rel_part,
            ),
            ("relative", r"\b(?P<relword>" + _alt(list(lex["relative"])) + r")\b", _relative),
            ("rel_unit", r"\b" + rel + r"\s+(?:fiscal\s+|calendar\s+)?" + unit + r"\b", _rel_unit),
            # "over the weekend": the one just past, unless the story looks ahead
            ("weekend", anchored + r"the\s+weekend\b", _weekend),
            (
                "ago",
                r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year|quarter)s?\s+ago\b",
                _ago,
            ),
            (
                "quarter",
                r"\b(?:the\s+)?(?P<ord>" + _alt(list(lex["ordinals"])) + r")[-\s]quarter(?:\s+of\s+" + year + r")?\b",
                _quarter,
            ),
            (
                "this_quarter",
                r"\bthe\s+(?P<qrel>latest\s+|current\s+|previous\s+|year-ago\s+|year-earlier\s+)?quarter\b",
                _this_quarter,
            ),
            (
                "year_before",
                r"\b(?:(?:the\s+)?(?:corresponding|same)\s+period\s+(?:of\s+)?last\s+year"
                r"|(?:the\s+)?year-(?:earlier|ago)\s+(?:period|quarter)"
                r"|a\s+year\s+(?:earlier|ago|before)|year-(?:earlier|ago))\b",
                _year_before,
            ),
            (
                "season",
                r"\b(?:(?P<srel>this|last|next|the|in|early|late)\s+)(?P<season>"
                + _alt(list(lex["seasons"]))
                + r")(?:\s+(?:of\s+)?"
                + year
                + r")?\b"
                r"|\b(?P<season2>"
                + _alt(list(lex["seasons"]))
                + r")\s+(?:of\s+)?"
                + year.replace("?P<year>", "?P<year2>"),
                _season,
            ),
            (
                "month_rel",
                r"\b(?:(?P<mrel>(?i:last|this|next|early|late|mid|in|since|until|by|during|of))\s+"
                r"|(?P<mid>mid-|late-|early-)|(?P<the>(?i:the))\s+)"
                + month
                # "the October slaying": a month heading a noun; "the March of Dimes" is a name
                + r"(?!\s+\d)(?(the)(?=\s+[a-z])(?!\s+of\b))",
                _month_alone,
            ),
            ("decade", r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)'?s\b", _decade),
            ("year", r"(?:(?<=mid-)|(?<![\w$.,-]))" + year + r"(?![\w.,-]\d|\s*(?:people|troops|km|%|percent))", _year),
            ("ref", r"\b(?P<ref>" + _alt(list(lex["refs"])) + r")\b", _ref),
        ]
        flags = {
            "ref": re.IGNORECASE,
            "relative": re.IGNORECASE,
            "rel_unit": re.IGNORECASE,
            "weekend": re.IGNORECASE,
            "ago": re.IGNORECASE,
            "quarter": re.IGNORECASE,
            "clock": re.IGNORECASE,
            "noon": re.IGNORECASE,
            "rel_part": re.IGNORECASE,
            "part_rel": re.IGNORECASE,
            "year_before": re.IGNORECASE,
        }
        compiled = tuple((name, re.compile(p, flags.get(name, 0)), fn) for name, p, fn in pats)
        return cls(lexicon=lex, forward_verbs=frozenset(lex["forward_verbs"]), patterns=compiled)


def _iso(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    try:
        return TimexType.DATE, date(int(m["year"]), int(m["mon"]), int(m["day"])).isoformat()
    except ValueError:
        return _NO_VALUE


def _nearest_year_shift(month: int, pub: date) -> int:
    """A month named without a year is the nearest such month to publication."""
    if month - pub.month >= 6:
        return -1  # news looks back more often than ahead: six months either way is the past one
    if pub.month - month > 6:
        return 1
    return 0


def _this_quarter(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return _NO_VALUE
    rel = (m["qrel"] or "").strip().lower()
    # results reported in a quarter are for the one just ended
    y, mo = _shift_month(pub.year, pub.month, -3 if rel != "current" else 0)
    if rel in {"year-ago", "year-earlier"}:
        y -= 1
    return TimexType.DATE, f"{y:04d}-Q{(mo - 1) // 3 + 1}"


def _year_before(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return _NO_VALUE
    quarter = _reported_quarter(r, m.string, m.start(), pub)
    return TimexType.DATE, f"{quarter[0] - 1:04d}-Q{quarter[1]}" if quarter else f"{pub.year - 1:04d}"


_QUARTER_WORD = re.compile(r"\b(?:(?P<ord>\w+)[-\s])?quarter\b", re.IGNORECASE)


def _reported_quarter(r: DateRules, text: str, pos: int, pub: date) -> tuple[int, int] | None:
    """In a results story ("third-quarter profit ... up from $5 million a year earlier") "a year ago" is the
    same quarter a year before: the quarter last named before `pos`, else the one just ended."""
    named = list(_QUARTER_WORD.finditer(text, 0, pos))
    if not named:
        return None
    ordinal = (named[-1]["ord"] or "").lower()
    q = r.lexicon["ordinals"].get(ordinal)
    if q is None:
        y, mo = _shift_month(pub.year, pub.month, -3)
        return y, (mo - 1) // 3 + 1
    return (pub.year - 1 if q > (pub.month - 1) // 3 + 1 else pub.year), q


def _clock_day(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    """A clock time on a named day: "10 p.m. Wednesday" -> that Wednesday at 22:00."""
    if m["cday"]:
        return _clock(r, m, pub)
    month, dom = r.month(m["cmonth"]), int(m["cdate"])
    year = pub.year if pub else None
    try:
        return TimexType.TIME, (date(year, month, dom).isoformat() + _stamp(r, m)) if year else None
    except ValueError:
        return _NO_VALUE


def _stamp(r: DateRules, m: re.Match[str]) -> str:
    if m.groupdict().get("noon"):
        return "T" + r.lexicon["clock_words"][m["noon"].lower()]
    hour = int(m["hour"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    return f"T{hour:02d}:{m['minute'] or '00'}"


def _month_rel_year(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return _NO_VALUE
    by = {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    return TimexType.DATE, f"{pub.year + by:04d}-{r.month(m['month']):02d}"


def _day_month(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    month, day = r.month(m["month"]), int(m["day"])
    if m["year"]:
        year = int(m["year"])
    elif pub is not None:
        year = _year_of(month, pub, m)
    else:
        return TimexType.DATE, f"XXXX-{month:02d}-{day:02d}"
    try:
        return TimexType.DATE, date(year, month, day).isoformat()
    except ValueError:
        return _NO_VALUE


def _weekday(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return _NO_VALUE
    target = r.lexicon["weekdays"][m["weekday"].lower()]
    if (m["wrel"] or "").lower() == "next" or after_future_cue(m.string, m.start()):
        when = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
    else:
        back = (pub.weekday() - target) % 7
        if (m["wrel"] or "").lower() == "last" and back == 0:
            back = 7
        when = pub - timedelta(days=back)
    return TimexType.DATE, when.isoformat()


def _year_of(month: int, pub: date, m: re.Match[str]) -> int:
    """A month named without a year: the nearest such month to publication (within six months); the tense of
    the verb that governs it corrects this afterwards (`_agree_with_tense`)."""
    return pub.year + _nearest_year_shift(month, pub)


def _month_year(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    return TimexType.DATE, f"{int(m['year']):04d}-{r.month(m['month']):02d}"


def _clock(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    """A clock time on the publication day, or on the weekday named with it."""
    if pub is None:
        return TimexType.TIME, None
    if not m.groupdict().get("cday"):
        return TimexType.TIME, pub.isoformat() + _stamp(r, m)
    target = r.lexicon["weekdays"][m["cday"].lower()]
    if after_future_cue(m.string, m.start()):
        day = pub + timedelta(days=(target - pub.weekday()) % 7)
    else:
        day = pub - timedelta(days=(pub.weekday() - target) % 7)
    return TimexType.TIME, day.isoformat() + _stamp(r, m)


def _week_of(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    kind, value = _day_month(r, m, pub)
    if value is None or value.startswith("X"):
        return kind, None
    return kind, _week(date.fromisoformat(value))


def _rel_part(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return TimexType.TIME, None
    if m.groupdict().get("tonight"):
        return TimexType.TIME, f"{pub.isoformat()}TNI"
    shift = {"yesterday": -1, "tomorrow": 1}.get(m["rp"].lower(), 0)  # "today" and "this" are 0
    part = r.lexicon["parts"][m["part"].lower()]
    if m["rp"].lower() == "last":
        shift = -1 if part == "NI" else 0
    return TimexType.TIME, f"{(pub + timedelta(days=shift)).isoformat()}T{part}"


def _relative(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return _NO_VALUE
    offset = r.lexicon["relative"][" ".join(m["relword"].lower().split())]
    return TimexType.DATE, (pub + timedelta(days=offset)).isoformat()


def _weekend(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return _NO_VALUE
    ahead = pub.weekday() >= 5 or after_future_cue(m.string, m.start())
    return TimexType.DATE, _week(pub if ahead else pub - timedelta(weeks=1)) + "-WE"


def _rel_unit(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return _NO_VALUE
    rel, unit = " ".join(m["rel"].lower().split()), m["unit"].lower()
    by = (
        -1
        if rel in {"last", "past", "previous", "late last", "earlier last"}
        else 1
        if rel in {"next", "coming", "early next"}
        else 0
    )
    if unit in {"week", "weekend"}:
        value = _week(pub + timedelta(weeks=by))
        return TimexType.DATE, value + ("-WE" if unit == "weekend" else "")
    if unit == "month":
        y, mo = _shift_month(pub.year, pub.month, by)
        return TimexType.DATE, f"{y:04d}-{mo:02d}"
    if unit == "quarter":
        y, mo = _shift_month(pub.year, pub.month, 3 * by)
        return TimexType.DATE, f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    quarter = _reported_quarter(r, m.string, m.start(), pub) if by == -1 else None
    if quarter:
        return TimexType.DATE, f"{quarter[0] - 1:04d}-Q{quarter[1]}"  # "up from $3 million last year"
    return TimexType.DATE, f"{pub.year + by:04d}"


_SMALL = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _ago(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    if pub is None:
        return _NO_VALUE
    n = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"].lower()]
    unit = m["unit"].lower()
    if unit == "day":
        return TimexType.DATE, (pub - timedelta(days=n)).isoformat()
    if unit == "year":
        quarter = _reported_quarter(r, m.string, m.start(), pub) if n == 1 else None
        return TimexType.DATE, f"{quarter[0] - 1:04d}-Q{quarter[1]}" if quarter else f"{pub.year - n:04d}"
    if unit == "month":
        y, mo = _shift_month(pub.year, pub.month, -n)
        return TimexType.DATE, f"{y:04d}-{mo:02d}"
    if unit in {"week", "weekend"}:
        return TimexType.DATE, _week(pub - timedelta(weeks=n))
    y, mo = _shift_month(pub.year, pub.month, -3 * n)
    return TimexType.DATE, f"{y:04d}-Q{(mo - 1) // 3 + 1}"


def _quarter(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    q = r.lexicon["ordinals"][m["ord"].lower()]
    if m["year"]:
        return TimexType.DATE, f"{m['year']}-Q{q}"
    if pub is None:
        return _NO_VALUE
    year = pub.year - 1 if q > (pub.month - 1) // 3 + 1 else pub.year
    return TimexType.DATE, f"{year:04d}-Q{q}"


def _season(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    code = r.lexicon["seasons"][(m["season"] or m["season2"]).lower()]
    if m["year"] or m["year2"]:
        return TimexType.DATE, f"{m['year'] or m['year2']}-{code}"
    if pub is None:
        return _NO_VALUE
    by = {"last": -1, "next": 1}.get((m["srel"] or "").lower(), 0)
    if m["srel"] and m["srel"].lower() in {"the", "in"} and pub.month < 3 and code in {"SU", "FA"}:
        by = -1
    return TimexType.DATE, f"{pub.year + by:04d}-{code}"


def _month_alone(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    month = r.month(m["month"])
    if pub is None:
        return TimexType.DATE, f"XXXX-{month:02d}"
    rel = (m["mrel"] or "").lower()
    year = pub.year
    if rel == "last":
        year -= 1 if month >= pub.month else 0
    elif rel == "next":
        year += 1 if month <= pub.month else 0
    elif rel != "this":
        year = _year_of(month, pub, m)
    return TimexType.DATE, f"{year:04d}-{month:02d}"


def _holiday(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    rule = r.lexicon["holidays"][_holiday_key(m["holiday"])]
    if m["year"]:
        day = holiday_date(rule, int(m["year"]))
    elif pub is None:
        return _NO_VALUE
    else:
        day = nearest_holiday(rule, pub, relation=(m["hrel"] or "").lower())
    return TimexType.DATE, _week(day) if m["hweek"] else day.isoformat()


def _holiday_key(name: str) -> str:
    return " ".join(name.split()).replace("’", "'")


def _decade(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    return TimexType.DATE, m["decade"][:3]


def _year(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    return TimexType.DATE, m["year"]


def _ref(r: DateRules, m: re.Match[str], pub: date | None) -> Resolved:
    return TimexType.DATE, r.lexicon["refs"][" ".join(m["ref"].lower().split())]


@functools.cache
def default_rules() -> DateRules:
    text = resources.files("eventwire.events.data").joinpath("dates.json").read_text(encoding="utf-8")
    return DateRules.from_lexicon(json.loads(text))


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A date right after the opening place name and followed by a dash: "BEIRUT, Nov 20 - ..."."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_DATELINE.match(text[line_start:start])) and bool(re.match(r"\s*(?:\(\w+\)\s*)?[-–—]", text[end:]))


def _dateline_published(text: str, rules: DateRules, published: date | None) -> date | None:
    """Without a publication date, a dateline with a year (or an ISO date) is the best hint for it."""
    if published is not None:
        return published
    for _name, pattern, resolve in rules.patterns[:3]:
        m = pattern.search(text, 0, 200)
        if m and _is_dateline(text, m.start(), m.end()):
            _, value = resolve(rules, m, None)
            if value and not value.startswith("X"):
                return date.fromisoformat(value)
    return None


def find_timexes(doc: Doc, *, published: date | None, rules: DateRules | None = None) -> tuple[Timex, ...]:
    rules = rules or default_rules()
    text = doc.text  # spaCy rebuilds it from the tokens on every access
    published = _dateline_published(text, rules, published)
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []
    for name, pattern, resolve in rules.patterns:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(_timex(doc, rules, name, m, resolve(rules, m, published), published))
    return tuple(sorted(found, key=lambda t: t.span.start))


_TENSED = {"mdy", "dmy", "month_rel", "weekday_part"}  # resolved without a year or week: tense can move them


def _timex(
    doc: Doc, rules: DateRules, name: str, m: re.Match[str], resolved: Resolved, published: date | None
) -> Timex:
    text = m.string  # the document's text, which spaCy would rebuild from the tokens
    kind, value = resolved
    start, end = (m.start("month"), m.end("month")) if name == "month_rel" else (m.start(), m.end())
    if text[end - 1] == "." and end - start > 5:
        end -= 1  # a sentence's full stop, not an abbreviation's
    if name in _TENSED and published is not None and value and not m.groupdict().get("year"):
        value = agree_with_tense(
            value,
            tense_at(doc, start, end, forward_verbs=rules.forward_verbs),
            published,
            weekday=name == "weekday_part",
        )
    rule = f"timex.{name}" + (".dateline" if _is_dateline(text, m.start(), m.end()) else "")
    return Timex(Span(start, end, text[start:end]), kind, value, rule=rule)

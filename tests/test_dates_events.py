"""Time expressions and event dates (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from eventwire.events.dates import find_timexes
from eventwire.events.event_date import date_for_event
from eventwire.model import TimePrecision, TimexType

PUB = date(2024, 3, 14)  # a Thursday


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It happened on Thursday.", "2024-03-14"),
        ("It happened on Tuesday.", "2024-03-12"),
        ("It happened yesterday.", "2024-03-13"),
        ("It happened last week.", "2024-W10"),
        ("It happened last month.", "2024-02"),
        ("It happened in June 2019.", "2019-06"),
        ("It happened on 2 March.", "2024-03-02"),
        ("It happened on March 2, 2021.", "2021-03-02"),
        ("It happened in 2019.", "2019"),
        ("Prices are rising now.", "PRESENT_REF"),
        ("Profit rose in the third quarter.", "2023-Q3"),
        ("It happened in the 1980s.", "198"),
    ],
)
def test_values(nlp, text, value):
    (timex,) = find_timexes(nlp(text), published=PUB)
    assert timex.value == value
    assert text[timex.span.start : timex.span.end] == timex.span.text


def test_clock_time_is_time(nlp):
    (timex,) = find_timexes(nlp("The blast came at 7:45 p.m."), published=PUB)
    assert (timex.type, timex.value) == (TimexType.TIME, "2024-03-14T19:45")


def test_modal_may_is_not_a_month(nlp):
    assert find_timexes(nlp("Officials said talks may resume."), published=PUB) == ()


def _event_date(nlp, text, trigger_word, published=PUB):
    doc = nlp(text)
    start = text.index(trigger_word)
    trigger = doc.char_span(start, start + len(trigger_word))
    return date_for_event(doc, trigger, find_timexes(doc, published=published), published=published)


def test_dateline_does_not_override_weekday(nlp):
    when = _event_date(nlp, "LAGOS, March 14 - Gunmen attacked a village on Tuesday, police said.", "attacked")
    assert (when.value, when.precision) == (date(2024, 3, 12), TimePrecision.DAY)


def test_nearest_expression_governs(nlp):
    when = _event_date(nlp, "Troops clashed with rebels on Sunday, the army said on Tuesday.", "clashed")
    assert when.value == date(2024, 3, 10)


def test_historical_mention_dates_the_event(nlp):
    when = _event_date(nlp, "A court jailed a man for a bombing in 2019 that killed 20.", "bombing")
    assert (when.value.year, when.precision) == (2019, TimePrecision.MONTH)


def test_fallbacks(nlp):
    assert _event_date(nlp, "Rebels attacked a base.", "attacked").precision is TimePrecision.WEEK
    unknown = _event_date(nlp, "Rebels attacked a base.", "attacked", published=None)
    assert unknown.value is None and unknown.evidence.rule == "date.unknown"
    stated = _event_date(nlp, "Rebels attacked a base on 5 May 2023.", "attacked", published=None)
    assert stated.value == date(2023, 5, 5)


def test_approximate_day_is_week_precision(nlp):
    when = _event_date(nlp, "Around 4 March 2024 (as reported), rioters burned a shop.", "burned")
    assert (when.value, when.precision) == (date(2024, 3, 4), TimePrecision.WEEK)


def test_sentence_opening_date_governs(nlp):
    when = _event_date(nlp, "On 4 March 2024, a man who had fled last month was shot dead.", "shot")
    assert (when.value, when.precision) == (date(2024, 3, 4), TimePrecision.DAY)

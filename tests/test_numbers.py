"""Counts: figures, bounds, victims, claimants and ACLED reconciliation (sentences written for these tests)."""

from __future__ import annotations

import pytest
import spacy

from eventwire.events.numbers import find_counts, tally
from eventwire.model import CountKind


@pytest.fixture(scope="module")
def nlp():
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


def _tally(nlp, text, kind=CountKind.KILLED):
    return tally(find_counts(nlp(text)), kind)


@pytest.mark.parametrize(
    ("text", "value", "high"),
    [
        ("A drone strike killed at least 8 people, officials said. Medics later recovered 11 bodies.", 8, 11),
        ("Gunmen stormed the village, leaving three police officers and 6 attackers dead.", 9, 9),
        ("The blast killed twenty-one people.", 21, 21),
        ("Dozens of people were killed in the raid.", 12, 12),
        ("Between 4 and 6 people were killed.", 4, 6),
        ("The death toll rose to 17, according to the health ministry.", 17, 17),
        ("30 people, including five children, were killed.", 30, 30),
        ("A farmer was shot dead by herders.", 1, 1),
        ("Several villagers died in the fire set by the mob.", 3, 3),
        ("A constable was beaten to death by the crowd.", 1, 1),
        ("A shopkeeper and his two sons were killed when the roof fell in.", 3, 3),
        ("The gunmen killed one farmer and wounded six others.", 1, 1),
    ],
)
def test_fatalities(nlp, text, value, high):
    t = _tally(nlp, text)
    assert t is not None and (t.value, t.high) == (value, high)


def test_killed_and_injured_separately(nlp):
    doc = nlp("Rockets hit the market on Friday, killing four and wounding 19 others.")
    counts = find_counts(doc)
    assert tally(counts, CountKind.KILLED).value == 4
    assert tally(counts, CountKind.INJURED).value == 19


def test_years_and_days_are_not_figures(nlp):
    assert _tally(nlp, "On 3 June 2021 militants killed a soldier.").value == 1
    assert find_counts(nlp("A 45-year-old was killed.")) == () or _tally(nlp, "A 45-year-old was killed.").value != 45


def test_evidence_span_rule_and_claimant(nlp):
    text = "The attack killed twelve people, residents said."
    (count,) = find_counts(nlp(text))
    span = count.evidence.span
    assert text[span.start : span.end] == span.text == "twelve"
    assert count.evidence.rule == "count.word:twelve=12"
    assert count.claimant is not None and count.claimant.text == "residents"


def test_qualifier_bounds(nlp):
    (count,) = find_counts(nlp("More than 40 people were arrested."))
    assert (count.kind, count.best, count.low, count.high, count.qualifier) == (
        CountKind.ARRESTED,
        40,
        40,
        None,
        "more than",
    )


def test_no_figure_no_tally(nlp):
    assert _tally(nlp, "Police said there were casualties.") is None


def test_another_adds_one_of_its_kind(nlp):
    t = _tally(nlp, "A soldier was killed and another wounded when the convoy hit a mine.", CountKind.INJURED)
    assert t is not None and t.value == 1
    assert t.claims[0].evidence.rule == "count.another"

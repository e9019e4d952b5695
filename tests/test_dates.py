"""Time expressions and their TimeML values, read against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.events.dates import find_timexes

PUBLISHED = date(2026, 5, 6)  # a Wednesday


@pytest.fixture(scope="module")
def parse(pipeline):
    nlp = pipeline.nlp

    def run(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if not name.startswith("eventwire"):
                doc = proc(doc)
        return {t.span.text: t.value for t in find_timexes(doc, published=published)}

    return run


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Troops clashed on 4 May 2026 near the border.", "4 May 2026", "2026-05-04"),
        ("Gunmen attacked the village on Sunday.", "Sunday", "2026-05-03"),
        ("The strike hit the market on Wednesday.", "Wednesday", "2026-05-06"),  # published on a Wednesday
        ("The ministers will meet on Friday.", "Friday", "2026-05-08"),  # future tense: the next one
        ("Protests spread last week.", "last week", "2026-W18"),
        ("The town fell earlier this month.", "earlier this month", "2026-05"),
        ("Fighting broke out in March.", "March", "2026-03"),
        ("The raid in Dec. 2025 killed four.", "Dec. 2025", "2025-12"),
        ("He was jailed over a bombing in 2019.", "2019", "2019"),
        ("Police arrived yesterday morning.", "yesterday morning", "2026-05-05TMO"),
        ("Results for the third quarter were weak.", "the third quarter", "2025-Q3"),
        ("The curfew is now in force.", "now", "PRESENT_REF"),
        ("Two days ago, rebels seized the town.", "Two days ago", "2026-05-04"),
        # a results story: "a year earlier" is the same quarter a year before
        ("Profit rose in the third quarter from $5 million a year earlier.", "a year earlier", "2024-Q3"),
        ("The mission is planned for June next year.", "June next year", "2027-06"),
        ("He was last seen on Nov. 3.", "Nov. 3", "2025-11-03"),  # past tense: the last Nov. 3, not the next
        ("The offer will expire at 5 p.m. Friday.", "5 p.m. Friday", "2026-05-08T17:00"),
        ("The paper said in an editorial on Saturday, May 9.", "Saturday, May 9", "2026-05-09"),
        # a date modifying a noun takes no tense from the clause: the deadline is still ahead
        ("Officials gave no reason for the May 20 deadline.", "May 20", "2026-05-20"),
        ("They said they would appeal Monday's ruling.", "Monday", "2026-05-04"),
        ("The inspectors had been allowed to work since Sept. 13.", "Sept. 13", "2025-09-13"),
        # a past verb of planning or deferring sets a date ahead of itself
        ("Organisers planned a march in the capital on Saturday.", "Saturday", "2026-05-09"),
        ("The hearing was postponed until Tuesday morning.", "Tuesday morning", "2026-05-12"),
        # an infinitive modifying a noun is not a future tense
        ("The first states to join the pact on Monday were Chad and Mali.", "Monday", "2026-05-04"),
        # six months either way: the past one
        ("The manhunt in November is the largest in the state.", "November", "2025-11"),
        ("In January, the council met twice.", "January", "2026-01"),
        ("The April vote was a setback.", "April", "2026-04"),
        ("The boy was found on Thanksgiving Day.", "Thanksgiving Day", "2025-11-27"),
        ("Pilgrims arrived last Christmas.", "last Christmas", "2025-12-25"),
        ("Crowds gathered as Easter week began.", "Easter week", "2026-W14"),
        ("Shops closed at midday.", "midday", "2026-05-06T12:00"),
        ("The blast happened at 10:35 a.m. (0735 GMT) Monday.", "10:35 a.m", "2026-05-04T10:35"),
        ("A hearing may come the week of June 8.", "the week of June 8", "2026-W24"),
        ("Rebels regrouped over the weekend.", "the weekend", "2026-W18-WE"),
        ("Sales should rise in the current fiscal year.", "current fiscal year", "2026"),
    ],
)
def test_expressions_and_values(parse, text: str, expression: str, value: str) -> None:
    assert parse(text).get(expression) == value


def test_counts_and_verbs_are_not_dates(parse) -> None:
    found = parse("About 2000 people may march to the capital, police said.")
    assert found == {}


def test_without_publication_date_relative_values_are_unknown(parse) -> None:
    found = parse("Rebels attacked on Sunday, on 4 May 2026.", published=None)
    assert found == {"Sunday": None, "4 May 2026": "2026-05-04"}


@pytest.mark.parametrize("text", ["She gave to the March of Dimes.", "They watched High Noon again."])
def test_names_that_hold_time_words_are_not_dates(parse, text: str) -> None:
    assert parse(text) == {}

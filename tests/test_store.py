"""The SQLite store: idempotent writes, consistent after interruption, queries, schema versions."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import NotFound, SchemaTooNew, StoreError
from eventwire.model import Rejection, RejectionReason, Result, SubEventType
from eventwire.store import SCHEMA_VERSION, EventQuery, Store
from factories import article, event, result

V = "test-version"


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "events.db") as s:
        yield s


def test_save_then_read_back_equal_records(store: Store) -> None:
    res = result()
    stats = store.save([res], pipeline_version=V)
    assert (stats.added, stats.events) == (1, 1)
    [stored] = list(store.events())
    assert stored.event == res.events[0]
    assert stored.article.id == res.article.id and stored.article.text == res.article.text
    assert store.article("a1")[1] == res.places


def test_saving_again_changes_nothing(store: Store) -> None:
    store.save([result(), result(article("a2"))], pipeline_version=V)
    before = store.summary()
    stats = store.save([result(), result(article("a2"))], pipeline_version=V)
    assert (stats.added, stats.updated, stats.unchanged) == (0, 0, 2)
    assert store.summary() == before


def test_changed_text_or_pipeline_replaces_the_articles_events(store: Store) -> None:
    store.save([result()], pipeline_version=V)
    changed = article(text=article().text + " More.")
    stats = store.save([result(changed, events=1)], pipeline_version=V)
    assert stats.updated == 1
    assert store.summary()["events"] == 1
    assert store.save([result(changed)], pipeline_version="newer").updated == 1


def test_is_current(store: Store) -> None:
    art = article()
    assert not store.is_current(art, pipeline_version=V)
    store.save([result(art)], pipeline_version=V)
    assert store.is_current(art, pipeline_version=V)
    assert not store.is_current(art, pipeline_version="other")
    assert not store.is_current(replace(art, text=art.text + "!"), pipeline_version=V)


def test_rejections_are_recorded_once_per_origin_and_cleared_on_success(store: Store) -> None:
    bad = Rejection("in.jsonl:3", RejectionReason.INVALID_JSON, "invalid JSON")
    store.save([Result(article=None, rejection=bad)] * 2, pipeline_version=V)
    assert store.rejections() == [bad]
    fixed = article("a3")
    store.save([result(replace(fixed, origin="in.jsonl:3"))], pipeline_version=V)
    assert store.rejections() == []


def test_an_interrupted_save_leaves_whole_batches_and_a_rerun_completes(store: Store) -> None:
    arts = [article(f"a{i}") for i in range(10)]

    def crashing():
        for i, art in enumerate(arts):
            if i == 7:
                raise KeyboardInterrupt
            yield result(art)

    with pytest.raises(KeyboardInterrupt):
        store.save(crashing(), pipeline_version=V, batch_size=3)
    assert store.summary()["articles"] == 6  # two whole batches; the third never committed
    stats = store.save([result(a) for a in arts], pipeline_version=V, batch_size=3)
    assert (stats.unchanged, stats.added) == (6, 4)
    assert store.summary()["articles"] == store.summary()["events"] == 10


def test_queries_filter_by_date_country_type_actor_and_text(store: Store) -> None:
    a1, a2 = article("a1"), article("a2", text="Clashes broke out in the capital, police said. " * 2)
    e2 = replace(
        event(a2, sub=SubEventType.ARMED_CLASH, day=date(2026, 10, 1)),
        location=replace(
            event(a2).location, place=replace(event(a2).location.place, country_code="LB", country="Lebanon")
        ),
    )
    store.save([result(a1), Result(article=a2, events=(e2,))], pipeline_version=V)

    def ids(**filters):
        return sorted(s.article.id for s in store.events(EventQuery(**filters)))

    assert ids() == ["a1", "a2"]
    assert ids(since=date(2026, 11, 1)) == ["a1"]
    assert ids(until=date(2026, 10, 31)) == ["a2"]
    assert ids(country="sy") == ids(country="Syria") == ["a1"]
    assert ids(event_type="battles") == ids(event_type="Armed clash") == ["a2"]
    assert ids(actor="United States") == ["a1", "a2"]
    assert ids(text="Atmeh") == ["a1"]
    assert ids(text='capital "police') == ["a2"]
    assert ids(limit=1) == ["a1"]
    assert store.count_events(EventQuery(country="LB")) == 1


def test_event_lookup(store: Store) -> None:
    res = result()
    store.save([res], pipeline_version=V)
    assert store.event(res.events[0].id).event == res.events[0]
    with pytest.raises(NotFound):
        store.event("nope")
    with pytest.raises(NotFound):
        store.article("nope")


def test_schema_version_is_recorded_and_newer_databases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(SchemaTooNew):
        Store(path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("just some text, long enough to not look like an empty database file" * 20)
    with pytest.raises(StoreError, match=r"notes\.txt"):
        Store(path)


def test_a_verbal_event_without_an_acled_type_is_stored_and_read_back(store: Store) -> None:
    res = result()
    verbal = replace(res.events[0], id="ev-verbal", event_type=None, sub_event_type=None, disorder_type=None)
    store.save([replace(res, events=(verbal,))], pipeline_version=V)
    [stored] = list(store.events())
    assert stored.event == verbal and stored.event.is_verbal


def test_a_version_1_database_is_migrated_and_keeps_its_events(tmp_path: Path) -> None:
    from eventwire.store.schema import MIGRATIONS

    path = tmp_path / "v1.db"
    with Store(path) as store:
        store.save([result()], pipeline_version=V)
    with sqlite3.connect(path) as db:  # put the events table back as release 1 made it (NOT NULL types)
        db.execute("ALTER TABLE events RENAME TO events_now")
        db.execute(MIGRATIONS[0][1])
        db.execute("INSERT INTO events SELECT * FROM events_now")
        db.execute("DROP TABLE events_now")
        for index in ("events_article", "events_date", "events_country", "events_type"):
            db.execute(f"DROP INDEX IF EXISTS {index}")
        db.execute("PRAGMA user_version = 1")
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert [e.event.id for e in store.events()] == [result().events[0].id]

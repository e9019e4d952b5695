"""SQLite store: the only module that writes SQL. Records in, records out; rows never leave this module.

Writes are idempotent (an article is keyed by its stable id and content hash) and transactional per batch,
so a run killed mid-way leaves a consistent database and re-running completes it without duplicates.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from eventwire import codec
from eventwire.errors import NotFound, SchemaTooNew, StoreError
from eventwire.ingest.ids import content_hash
from eventwire.model import Article, Event, PlaceMention, Rejection, RejectionReason, Result
from eventwire.store.schema import MIGRATIONS, SCHEMA_VERSION


@dataclass(frozen=True, slots=True, kw_only=True)
class EventQuery:
    """Filters for `Store.events`; every one optional. `text` is a full-text search over the articles."""

    since: date | None = None
    until: date | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    text: str | None = None
    article_id: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(slots=True)
class IngestStats:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def processed(self) -> int:
        return self.added + self.updated + self.unchanged


@dataclass(frozen=True, slots=True)
class StoredEvent:
    event: Event
    article: Article


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A SQLite database of articles, events and rejections. Use as a context manager or call `close()`."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        self._db.row_factory = sqlite3.Row
        self._pragmas()
        self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # ------------------------------------------------------------------------------------------- schema

    def _pragmas(self) -> None:
        try:
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=10000")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not an eventwire database: {exc}") from exc

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"{self.path} has schema version {current}; this eventwire knows up to {SCHEMA_VERSION}: "
                "upgrade eventwire"
            )
        for version in range(current, SCHEMA_VERSION):
            try:
                self._db.execute("BEGIN IMMEDIATE")
                for statement in MIGRATIONS[version]:
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {version + 1}")
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._db.execute("ROLLBACK")
                raise StoreError(f"cannot migrate {self.path} to schema version {version + 1}: {exc}") from exc

    # ------------------------------------------------------------------------------------------- writes

    def _stored_version(self, article_id: str) -> tuple[str, str] | None:
        """(content hash, pipeline version) of the stored article, or None if it is not stored."""
        row = self._db.execute(
            "SELECT content_hash, pipeline_version FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return None if row is None else (row[0], row[1])

    def is_current(self, article: Article, *, pipeline_version: str) -> bool:
        """True when this exact article text was already processed by this pipeline version."""
        return self._stored_version(article.id) == (content_hash(article.text), pipeline_version)

    def save(self, results: Iterable[Result], *, pipeline_version: str, batch_size: int = 200) -> IngestStats:
        """Store results, one transaction per batch. Returns what changed."""
        stats = IngestStats()
        batch: list[Result] = []
        for result in results:
            batch.append(result)
            if len(batch) >= batch_size:
                self._save_batch(batch, pipeline_version, stats)
                batch = []
        if batch:
            self._save_batch(batch, pipeline_version, stats)
        return stats

    def _save_batch(self, batch: list[Result], pipeline_version: str, stats: IngestStats) -> None:
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for result in batch:
                self._save_one(result, pipeline_version, stats)
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._db.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        except BaseException:
            # interrupted (Ctrl-C, a failing input generator): leave the database as it was before the batch
            self._db.execute("ROLLBACK")
            raise

    def _save_one(self, result: Result, pipeline_version: str, stats: IngestStats) -> None:
        if result.rejection is not None:
            self.record_rejection(result.rejection)
            stats.rejected += 1
            stats.rejections.append(result.rejection)
            return
        article = result.article
        assert article is not None  # a Result without rejection always has its article
        digest = content_hash(article.text)
        stored = self._stored_version(article.id)
        if stored == (digest, pipeline_version):
            stats.unchanged += 1
            return
        self._db.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
        self._db.execute(
            """INSERT INTO articles (id, url, source, title, published, origin, text, content_hash,
                                     pipeline_version, places, processed_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET url=excluded.url, source=excluded.source, title=excluded.title,
                 published=excluded.published, origin=excluded.origin, text=excluded.text,
                 content_hash=excluded.content_hash, pipeline_version=excluded.pipeline_version,
                 places=excluded.places, processed_at=excluded.processed_at""",
            (
                article.id,
                article.url,
                article.source,
                article.title,
                article.published.isoformat() if article.published else None,
                article.origin,
                article.text,
                digest,
                pipeline_version,
                json.dumps(codec.to_dict(result.places)),
                _now(),
            ),
        )
        self._db.executemany(
            f"INSERT OR REPLACE INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES ({_PLACEHOLDERS})",
            [_event_row(event) for event in result.events],
        )
        self._db.execute("DELETE FROM rejections WHERE origin = ?", (article.origin,))
        stats.events += len(result.events)
        if stored is None:
            stats.added += 1
        else:
            stats.updated += 1

    def record_rejection(self, rejection: Rejection) -> None:
        self._db.execute(
            """INSERT INTO rejections (origin, reason, detail, article_id, recorded_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(origin) DO UPDATE SET reason=excluded.reason, detail=excluded.detail,
                 article_id=excluded.article_id, recorded_at=excluded.recorded_at""",
            (rejection.origin, rejection.reason.value, rejection.detail, rejection.article_id, _now()),
        )

    # ------------------------------------------------------------------------------------------- reads

    def events(self, query: EventQuery = EventQuery()) -> Iterator[StoredEvent]:
        where, params = _where(query)
        sql = (
            "SELECT e.record, a.* FROM events e JOIN articles a ON a.id = e.article_id"
            f"{where} ORDER BY e.event_date DESC, e.article_id, e.id"
        )
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit, query.offset]
        try:
            rows = self._db.execute(sql, params)
            for row in rows:
                yield StoredEvent(codec.from_dict(Event, json.loads(row["record"])), _article(row))
        except sqlite3.OperationalError as exc:
            raise StoreError(f"query failed: {exc}") from exc

    def count_events(self, query: EventQuery = EventQuery()) -> int:
        where, params = _where(query)
        sql = f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id{where}"
        return self._db.execute(sql, params).fetchone()[0]

    def event(self, event_id: str) -> StoredEvent:
        row = self._db.execute(
            "SELECT e.record, a.* FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?", (event_id,)
        ).fetchone()
        if row is None:
            raise NotFound(f"no event with id {event_id!r}")
        return StoredEvent(codec.from_dict(Event, json.loads(row["record"])), _article(row))

    def article(self, article_id: str) -> tuple[Article, tuple[PlaceMention, ...]]:
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotFound(f"no article with id {article_id!r}")
        places = tuple(codec.from_dict(PlaceMention, p) for p in json.loads(row["places"]))
        return _article(row), places

    def rejections(self, *, limit: int | None = None) -> list[Rejection]:
        sql = "SELECT * FROM rejections ORDER BY recorded_at, origin"
        rows = self._db.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())
        return [Rejection(r["origin"], RejectionReason(r["reason"]), r["detail"], r["article_id"]) for r in rows]

    def summary(self) -> dict[str, int]:
        one = lambda sql: self._db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "schema_version": self.schema_version,
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM events"),
            "rejections": one("SELECT count(*) FROM rejections"),
        }


_EVENT_COLUMNS = (
    "id",
    "article_id",
    "event_date",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "inter1",
    "actor2",
    "inter2",
    "country",
    "country_code",
    "admin1",
    "admin2",
    "location",
    "geonameid",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "injuries",
    "civilian_targeting",
    "confidence",
    "record",
)
_PLACEHOLDERS = ", ".join("?" * len(_EVENT_COLUMNS))


def _event_row(event: Event) -> tuple[object, ...]:
    place = event.location.place if event.location else None
    when = event.date
    return (
        event.id,
        event.article_id,
        when.value.isoformat() if when and when.value else None,
        int(when.precision) if when else None,
        event.disorder_type.value if event.disorder_type else None,
        event.event_type.value if event.event_type else None,
        event.sub_event_type.value if event.sub_event_type else None,
        event.actor1.name if event.actor1 else None,
        int(event.actor1.inter) if event.actor1 else None,
        event.actor2.name if event.actor2 else None,
        int(event.actor2.inter) if event.actor2 else None,
        place.country if place else None,
        place.country_code if place else None,
        place.admin1 if place else None,
        place.admin2 if place else None,
        event.location.name if event.location else None,
        place.geonameid if place else None,
        place.lat if place else None,
        place.lon if place else None,
        int(event.location.precision) if event.location and event.location.precision else None,
        event.fatalities.value if event.fatalities else None,
        event.injuries.value if event.injuries else None,
        int(event.civilian_targeting),
        event.confidence,
        json.dumps(codec.to_dict(event)),
    )


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        published=date.fromisoformat(row["published"]) if row["published"] else None,
        origin=row["origin"],
    )


def _fts_phrase(text: str) -> str:
    """User words as an FTS5 query that means "all of these words", whatever punctuation they contain."""
    words = [w.replace('"', "") for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w)


def _where(query: EventQuery) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if query.since:
        clauses.append("e.event_date >= ?")
        params.append(query.since.isoformat())
    if query.until:
        clauses.append("e.event_date <= ?")
        params.append(query.until.isoformat())
    if query.country:
        clauses.append("(lower(e.country_code) = lower(?) OR lower(e.country) = lower(?))")
        params += [query.country, query.country]
    if query.event_type:
        clauses.append("(lower(e.event_type) = lower(?) OR lower(e.sub_event_type) = lower(?))")
        params += [query.event_type, query.event_type]
    if query.actor:
        clauses.append("(e.actor1 LIKE ? OR e.actor2 LIKE ?)")
        params += [f"%{query.actor}%", f"%{query.actor}%"]
    if query.article_id:
        clauses.append("e.article_id = ?")
        params.append(query.article_id)
    if query.text and _fts_phrase(query.text):
        clauses.append("a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(_fts_phrase(query.text))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

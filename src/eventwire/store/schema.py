"""Database schema as an ordered list of migrations; `PRAGMA user_version` records how many have run.

Never edit a released migration: append a new one. Each migration runs in its own transaction.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: articles, events (indexed columns + the full record as JSON), rejections, full-text search
    (
        """CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            url TEXT, source TEXT, title TEXT, published TEXT, origin TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            pipeline_version TEXT NOT NULL,
            places TEXT NOT NULL DEFAULT '[]',
            processed_at TEXT NOT NULL
        )""",
        """CREATE TABLE events (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_date TEXT, time_precision INTEGER,
            disorder_type TEXT, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
            actor1 TEXT, inter1 INTEGER, actor2 TEXT, inter2 INTEGER,
            country TEXT, country_code TEXT, admin1 TEXT, admin2 TEXT, location TEXT, geonameid INTEGER,
            latitude REAL, longitude REAL, geo_precision INTEGER,
            fatalities INTEGER, injuries INTEGER, civilian_targeting INTEGER NOT NULL,
            confidence REAL NOT NULL,
            record TEXT NOT NULL
        )""",
        "CREATE INDEX events_article ON events(article_id)",
        "CREATE INDEX events_date ON events(event_date)",
        "CREATE INDEX events_country ON events(country_code)",
        "CREATE INDEX events_type ON events(event_type, sub_event_type)",
        """CREATE TABLE rejections (
            origin TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            detail TEXT NOT NULL,
            article_id TEXT,
            recorded_at TEXT NOT NULL
        )""",
        """CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
        )""",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
        """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END""",
        """CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""",
    ),
    # 2: PLOVER verbal events have no ACLED type: event_type and sub_event_type become nullable
    (
        """CREATE TABLE events_v2 (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_date TEXT, time_precision INTEGER,
            disorder_type TEXT, event_type TEXT, sub_event_type TEXT,
            actor1 TEXT, inter1 INTEGER, actor2 TEXT, inter2 INTEGER,
            country TEXT, country_code TEXT, admin1 TEXT, admin2 TEXT, location TEXT, geonameid INTEGER,
            latitude REAL, longitude REAL, geo_precision INTEGER,
            fatalities INTEGER, injuries INTEGER, civilian_targeting INTEGER NOT NULL,
            confidence REAL NOT NULL,
            record TEXT NOT NULL
        )""",
        "INSERT INTO events_v2 SELECT * FROM events",
        "DROP TABLE events",
        "ALTER TABLE events_v2 RENAME TO events",
        "CREATE INDEX events_article ON events(article_id)",
        "CREATE INDEX events_date ON events(event_date)",
        "CREATE INDEX events_country ON events(country_code)",
        "CREATE INDEX events_type ON events(event_type, sub_event_type)",
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)

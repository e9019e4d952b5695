"""Persistence: `Store` (SQLite) is the only place SQL is written."""

from eventwire.store.repository import EventQuery, IngestStats, Store, StoredEvent
from eventwire.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "EventQuery", "IngestStats", "Store", "StoredEvent"]

"""Geoparsing: the gazetteer, toponym recognition and resolution, and each event's location.

Public surface used by the rest of eventwire (owned by issue 3, see docs/architecture.md):
- `open_gazetteer(path)`: open (building on first use) the SQLite gazetteer index.
- `find_places(doc, gazetteer, *, given, min_score)`: the toponyms of a Doc, resolved.
- `locate_event(doc, trigger, places)`: where the event whose trigger is `trigger` happened.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.stage import find_places, locate_event

__all__ = ["Gazetteer", "find_places", "locate_event", "open_gazetteer"]


def open_gazetteer(path: str) -> Gazetteer:
    """The index at `path` (default: the configured cache dir), built there first if missing or stale."""
    from eventwire.geo.index import build_index, is_current

    if not path:
        from eventwire.config import Config

        path = str(Config().gazetteer_path)
    index = Path(path)
    if not is_current(index):
        build_index(index)
    return Gazetteer(index)

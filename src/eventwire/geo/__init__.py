"""Geoparsing: the gazetteer, toponym recognition and resolution, and each event's location.

Public surface used by the rest of eventwire (owned by issue 3, see docs/architecture.md):
- `open_gazetteer(path)`: open (building on first use) the SQLite gazetteer index.
- `find_places(doc, gazetteer, *, given, min_score)`: the toponyms of a Doc, resolved.
- `locate_event(doc, trigger, places)`: where the event whose trigger is `trigger` happened.
"""

from eventwire.geo.stage import find_places, locate_event, open_gazetteer

__all__ = ["find_places", "locate_event", "open_gazetteer"]

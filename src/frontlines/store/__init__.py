"""The event store: SQLite by default, PostgreSQL+PostGIS for servers, with cross-report dedupe.

    from frontlines.store import open_store, EventQuery
    store = open_store()                      # ./frontlines.db
    store.add(annotation)
    store.query_events(EventQuery(country="SYR", type="ASSAULT"))
"""

from __future__ import annotations

from .core import AddResult, Store, open_store, text_hash
from .dedupe import DedupeConfig
from .query import EventQuery

__all__ = ["AddResult", "DedupeConfig", "EventQuery", "Store", "open_store", "text_hash"]

"""Which characters of a text the mentions found so far cover."""

from __future__ import annotations

from collections.abc import Iterable


class Taken:
    """Character spans ``[start, end)`` already claimed by a mention. ``overlaps`` answers what
    ``any(start < e and s < end for s, e in spans)`` does, but from a per-character map instead of a
    scan of every span (the context pass asks it for each proper noun of a document)."""

    __slots__ = ("_map", "_odd")

    def __init__(self, size: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._map = bytearray(size)
        # spans of no width cover no character, yet overlap a span around them: kept aside, asked as before
        self._odd: list[tuple[int, int]] = []
        for s, e in spans:
            self.add(s, e)

    def add(self, start: int, end: int) -> None:
        if end <= start or start < 0:
            self._odd.append((start, end))
            return
        if end > len(self._map):
            self._map.extend(bytes(end - len(self._map)))
        self._map[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the non-empty span ``[start, end)`` (0 <= start < end) overlaps a claimed one."""
        if start < end and self._map.find(1, start, end) != -1:
            return True
        return any(start < e and s < end for s, e in self._odd)

"""Which characters of a text the mentions found so far cover."""

from __future__ import annotations

from collections.abc import Iterable

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = str.maketrans(_UPPER, _UPPER.lower())
# the only characters outside ASCII that a case-blind regular expression matches to an ASCII letter
# (İ ı ſ and the Kelvin sign, found by trying every code point against every ASCII letter)
_ASCII_LOOKALIKES = ("\u0130", "\u0131", "\u017f", "\u212a")


def ascii_lowered(text: str) -> str | None:
    """``text`` with its ASCII capitals lowered and every other character kept, so offsets stay; None if
    the text holds a character that a case-blind search would match to an ASCII letter. Then a case-blind
    match of an ASCII name in ``text`` is exactly an occurrence of the lowered name in the result."""
    if any(ch in text for ch in _ASCII_LOOKALIKES):
        return None
    return text.translate(_ASCII_LOWER)


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

    def only_there(self, lowered: str | None, name: str) -> bool:
        """Whether ``name`` occurs, case aside, at most once in the text and only inside a claimed span, so
        that no case-blind search for it can find an unclaimed match. ``lowered``: ``ascii_lowered(text)``
        (None: no answer but False)."""
        if lowered is None or not name.isascii():
            return False
        low = name.lower()
        at = lowered.find(low)
        return at == -1 or lowered.find(low, at + 1) == -1 and self.overlaps(at, at + len(low))

import dataclasses

import pytest

from frontlines.ids import content_id, doc_id_for
from frontlines.records import Actor, Annotation, Document, Event, Span


def test_records_are_frozen_and_slotted():
    actor = Actor("Iraqi troops", 0, 12, "Iraqi troops", "IRQ", "MIL")
    with pytest.raises(dataclasses.FrozenInstanceError):
        actor.name = "x"  # type: ignore[misc]
    assert not hasattr(actor, "__dict__")
    for cls in (Document, Event, Annotation, Span):
        assert dataclasses.is_dataclass(cls) and hasattr(cls, "__slots__")


def test_ids_are_content_hashes():
    assert content_id("evt", "d1", 5, "190") == content_id("evt", "d1", 5, "190")
    assert content_id("evt", "d1", 5, "190") != content_id("evt", "d1", 6, "190")
    # the separator keeps ("ab", "c") and ("a", "bc") apart
    assert content_id("x", "ab", "c") != content_id("x", "a", "bc")
    assert doc_id_for("same text", "src") == doc_id_for("same text", "src")
    assert doc_id_for("same text", "src") != doc_id_for("other text", "src")

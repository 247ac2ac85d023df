"""Pipeline stages, one module each. ``build_stages`` gives the default order."""

from __future__ import annotations

from ..pipeline import Stage
from ..resources import Resources


def build_stages(resources: Resources) -> list[Stage]:
    """The default stage order. Each stage is built once with the resources it needs."""
    from .events import EventStage
    from .sentences import SentenceStage

    stages: list[Stage] = [
        SentenceStage(),
        EventStage(),
    ]
    return stages

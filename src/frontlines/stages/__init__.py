"""Pipeline stages, one module each. ``build_stages`` gives the default order."""

from __future__ import annotations

from ..pipeline import Stage
from ..resources import Resources


def build_stages(resources: Resources) -> list[Stage]:
    """The default stage order. Each stage is built once with the resources it needs."""
    from .actors import ActorStage
    from .attribution import AttributionStage
    from .dates import DateStage
    from .events import EventStage
    from .factuality import FactualityStage
    from .quantities import QuantityStage
    from .sentences import SentenceStage

    stages: list[Stage] = [
        SentenceStage(),
        ActorStage(extra=_actor_extras(resources), gazetteer=resources.gazetteer),
        EventStage(),
        *_place_stage(resources),
        DateStage(default_date=resources.settings.default_date),
        QuantityStage(),
        FactualityStage(),
        AttributionStage(),
    ]
    return stages


def _actor_extras(resources: Resources) -> list:
    """User actor dictionaries: ``<data_dir>/actors*.tsv`` (same format as frontlines/data/coding/actors.tsv)."""
    data_dir = resources.settings.data_dir
    return sorted(data_dir.glob("actors*.tsv")) if data_dir.is_dir() else []


def _place_stage(resources: Resources) -> list[Stage]:
    """The geocoder, when a gazetteer is built (``make setup``); without one events keep no location."""
    if resources.gazetteer is None:
        return []
    from .places import PlaceStage

    return [PlaceStage(resources.gazetteer, country_bias=resources.settings.country_bias)]  # type: ignore[arg-type]

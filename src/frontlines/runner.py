"""The main job as a library call: read paths, run the pipeline, yield results. CLI and API share it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .ingest import read_paths
from .pipeline import Pipeline, Result
from .resources import Resources, Settings, load_resources
from .stages import build_stages


def build_pipeline(resources: Resources, *, batch_size: int = 32, prefilter: bool = False) -> Pipeline:
    """The default pipeline over already-loaded resources. ``prefilter``: parse only sentences with an
    event cue (prefilter.py; for bulk ingest: the others keep tokens, no parse, no factuality label)."""
    pre = None
    if prefilter:
        from .prefilter import build_prefilter  # noqa: PLC0415

        pre = build_prefilter(resources.nlp)
    return Pipeline(resources.nlp, build_stages(resources), batch_size=batch_size, prefilter=pre)


def process_paths(paths: Iterable[str | Path], *, settings: Settings | None = None,
                  resources: Resources | None = None, pipeline: Pipeline | None = None) -> Iterator[Result]:
    """Every document under ``paths`` through the pipeline; bad documents come back as error results."""
    settings = settings or (resources.settings if resources else Settings())
    if pipeline is None:
        pipeline = build_pipeline(resources or load_resources(settings))
    docs = read_paths(paths, default_date=settings.default_date, default_source=settings.default_source)
    yield from pipeline.run(docs)

"""The main job as a library call: read paths, run the pipeline, yield results. CLI and API share it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .ingest import read_paths
from .pipeline import Pipeline, Result
from .resources import Resources, Settings, load_resources
from .stages import build_stages


def build_pipeline(resources: Resources, *, batch_size: int = 32) -> Pipeline:
    """The default pipeline over already-loaded resources."""
    return Pipeline(resources.nlp, build_stages(resources), batch_size=batch_size)


def process_paths(paths: Iterable[str | Path], *, settings: Settings | None = None,
                  resources: Resources | None = None, pipeline: Pipeline | None = None) -> Iterator[Result]:
    """Every document under ``paths`` through the pipeline; bad documents come back as error results."""
    settings = settings or (resources.settings if resources else Settings())
    if pipeline is None:
        pipeline = build_pipeline(resources or load_resources(settings))
    docs = read_paths(paths, default_date=settings.default_date, default_source=settings.default_source)
    yield from pipeline.run(docs)
